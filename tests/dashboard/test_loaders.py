"""The loader computes what pages derive from the table once per table version and arguments."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st

from dashboard import loaders, queries

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def table_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "processed"
    shutil.copytree(ROOT / "data" / "processed", folder)
    monkeypatch.setenv("SCWC_DATA_DIR", str(folder))
    st.cache_resource.clear()
    yield folder
    st.cache_resource.clear()


def test_a_view_is_computed_once_for_equal_arguments(table_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = queries.view_rows
    monkeypatch.setattr(queries, "view_rows", lambda *a: calls.append(a[1:]) or real(*a))
    first = loaders.view("scwc")
    again = loaders.view("scwc", queries.ALL, period=queries.ALL)  # the same view, spelt out
    assert len(calls) == 1
    pd.testing.assert_frame_equal(first, again)
    assert set(first["offence"]) == {"scwc"} and len(first) == (loaders.figures()["offence"] == "scwc").sum()
    loaders.view("scwc", "E23000036")
    assert len(calls) == 2


def test_a_rebuilt_table_is_read_again(table_dir: Path) -> None:
    before = loaders.view("scwc")
    df = pd.read_parquet(table_dir / "figures.parquet")
    df = df[~((df["offence"] == "scwc") & (df["area_code"] == before["area_code"].iloc[0]))]
    df.to_parquet(table_dir / "figures.parquet", index=False)
    after = loaders.view("scwc")
    assert len(after) < len(before)
    assert before["area_code"].iloc[0] not in set(after["area_code"])


def test_a_page_cannot_change_the_shared_result(table_dir: Path) -> None:
    mine = loaders.view("scwc")
    mine["value"] = -1.0
    assert (loaders.view("scwc")["value"] != -1.0).any()


def test_shared_mappings_cannot_be_changed_by_a_page(table_dir: Path) -> None:
    names = loaders.area_names()
    with pytest.raises(TypeError):
        names["E23000036"] = "somewhere else"  # type: ignore[index]
    assert loaders.area_names()["E23000036"] == "Avon and Somerset Police"
