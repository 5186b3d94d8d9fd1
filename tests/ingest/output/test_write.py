"""The output set is swapped in whole; where the folder cannot be renamed (a container image's
lower layer on overlay storage: EXDEV), the files are replaced one by one and the run still lands."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pandas as pd
import pytest

from core.schema import empty_figures
from ingest.output import write


def _write(out: Path) -> None:
    write.write_outputs(empty_figures(), pd.DataFrame(columns=["source_id"]), out, [{"id": "x"}])


def test_a_rebuild_lands_where_the_folder_cannot_be_renamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "processed"
    _write(out)
    (out / "figures.csv").write_text("stale\n", encoding="utf-8")
    real_replace = os.replace

    def no_folder_rename(src: os.PathLike[str] | str, dst: os.PathLike[str] | str) -> None:
        if Path(src) == out.resolve():  # as overlayfs answers for a folder from an image layer
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_replace(src, dst)

    monkeypatch.setattr(write, "_exchange", lambda a, b: False)
    monkeypatch.setattr(write.os, "replace", no_folder_rename)
    _write(out)
    assert (out / "figures.csv").read_text(encoding="utf-8") != "stale\n"
    assert sorted(p.name for p in out.iterdir()) == ["datapackage.json", "figures.csv", "figures.parquet", "issues.csv"]
    assert not list(tmp_path.glob(".processed.tmp-*")) and not (tmp_path / ".processed.old").exists()


def test_any_other_rename_failure_is_not_hidden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "processed"
    _write(out)
    real_replace = os.replace

    def denied(src: os.PathLike[str] | str, dst: os.PathLike[str] | str) -> None:
        if Path(src) == out.resolve():
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(write, "_exchange", lambda a, b: False)
    monkeypatch.setattr(write.os, "replace", denied)
    with pytest.raises(OSError):
        _write(out)
    assert (out / "figures.parquet").exists()  # the previous set is still whole
