"""The embedded public record: what the issue says must show, and data/processed is exactly
what `python -m ingest` builds from data/raw."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import ROOT

PROCESSED = ROOT / "data" / "processed"


@pytest.fixture(scope="module")
def figures() -> pd.DataFrame:
    return pd.read_csv(PROCESSED / "figures.csv", dtype=str, keep_default_na=False)


def one(df: pd.DataFrame, **where: str) -> pd.DataFrame:
    m = pd.Series(True, index=df.index)
    for k, v in where.items():
        m &= df[k] == v
    return df[m]


FIRST = {"period_start": "2017-04-03", "period_end": "2017-10-02", "offence": "scwc"}


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ({"area_code": "K04000001", "breakdown": "total", **FIRST}, "1316"),
        ({"area_code": "E23000023", "breakdown": "total", **FIRST}, "27"),
        ({"area_code": "E23000019", "breakdown": "total", **FIRST}, "54"),
        ({"area_code": "E23000019", "breakdown": "age", "age_band": "12-15", **FIRST}, "42"),
        ({"area_code": "GRP-SE4", "breakdown": "total", **FIRST}, "208"),
        ({"area_code": "GRP-NORTH", "breakdown": "total", **FIRST}, "444"),
        ({"area_code": "K04000001", "breakdown": "platform", "platform": "Facebook + Snapchat + Instagram", "measure": "percent", **FIRST}, "63"),
        ({"area_code": "K02000001", "breakdown": "total", "offence": "scwc", "period_start": "2021-04-01", "period_end": "2022-03-31"}, "6156"),
        ({"area_code": "K02000001", "breakdown": "total", "offence": "scwc", "period_start": "2022-04-01", "period_end": "2023-03-31"}, "6350"),
        ({"area_code": "K02000001", "breakdown": "total", "offence": "scwc", "period_start": "2023-04-01", "period_end": "2024-03-31"}, "7062"),
        ({"area_code": "K02000001", "breakdown": "total", "offence": "scwc", "period_start": "2024-04-01", "period_end": "2025-03-31"}, "7263"),
    ],
)
def test_published_figures_show(figures: pd.DataFrame, where: dict[str, str], value: str) -> None:
    rows = one(figures, **where)
    assert value in set(rows["value"]), rows.to_string()


def test_north_of_england_share_recomputes(figures: pd.DataFrame) -> None:
    north = float(one(figures, area_code="GRP-NORTH", breakdown="total", **FIRST)["value"].iloc[0])
    ew = float(one(figures, area_code="K04000001", breakdown="total", **FIRST)["value"].iloc[0])
    assert round(north / ew * 100, 1) == 33.7


@pytest.mark.parametrize("area", ["GRP-SE4", "E23000032", "E23000031", "E23000033", "E23000030", "W92000004"])
def test_south_east_and_wales_series(figures: pd.DataFrame, area: str) -> None:
    rows = one(figures, area_code=area, breakdown="total", offence="scwc")
    years = {s[:4] for s, e in zip(rows["period_start"], rows["period_end"], strict=True) if e[5:] == "03-31" and int(e[:4]) - int(s[:4]) == 1}
    wanted = {"2017", "2021", "2023"} if area == "W92000004" else {str(y) for y in range(2017, 2024)} - ({"2021"} if area == "E23000030" else set())
    assert wanted <= years


def test_welsh_forces_each_have_a_series(figures: pd.DataFrame) -> None:
    for code in ("W15000001", "W15000002", "W15000003", "W15000004"):
        rows = one(figures, area_code=code, breakdown="total", offence="scwc")
        assert rows["period_start"].nunique() >= 3, code


def test_competing_values_are_both_kept(figures: pd.DataFrame) -> None:
    ew = one(figures, area_code="K04000001", breakdown="total", offence="scwc", period_end="2018-03-31")
    assert {"3171", "3217"} <= set(ew["value"])
    dp = one(figures, area_code="W15000004", breakdown="total", offence="scwc", period_start="2021-04-01", period_end="2022-03-31")
    assert {"39", "36"} <= set(dp["value"])


def test_offences_are_kept_apart(figures: pd.DataFrame) -> None:
    assert {"scwc", "scwc_ni", "communicating_indecently", "sexual_grooming"} <= set(figures["offence"])
    assert set(one(figures, area_code="S23000009")["offence"]) == {"communicating_indecently"}
    assert set(one(figures, area_code="N23000001")["offence"]) == {"scwc_ni"}


def test_coverage_and_provenance(figures: pd.DataFrame) -> None:
    forces = one(figures, area_type="force", status="reported")
    assert forces["area_code"].nunique() >= 25
    assert (figures["source_id"] != "").all()
    assert (figures["source_location"] != "").all()
    assert ((figures["source_url"] != "") | figures["source_id"].str.startswith("pr-seed")).all()


def test_northamptonshire_suppressed_cells_are_not_zero(figures: pd.DataFrame) -> None:
    rows = one(figures, area_code="E23000022", breakdown="age_gender", period_start="2024-04-01")
    starred = rows[rows["value_raw"] == "*"]
    assert len(starred) == 3 and set(starred["status"]) == {"suppressed"} and set(starred["value"]) == {""}


def test_ambiguous_rows_are_listed_for_review() -> None:
    review = pd.read_csv(ROOT / "data" / "review" / "public_record_review.csv", dtype=str, keep_default_na=False)
    assert len(review) > 50 and (review["reason"] != "").all()
    assert review["origin"].str.contains("published_figures.csv").any()


def test_processed_is_exactly_what_ingest_builds(tmp_path: Path) -> None:
    out = tmp_path / "processed"
    proc = subprocess.run([sys.executable, "-m", "ingest", str(ROOT / "data" / "raw"), "--out", str(out), "-q"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    for name in ("figures.csv", "issues.csv", "datapackage.json"):
        assert (out / name).read_bytes() == (PROCESSED / name).read_bytes(), f"{name} differs: run `make ingest` and commit"
    pd.testing.assert_frame_equal(pd.read_parquet(out / "figures.parquet"), pd.read_parquet(PROCESSED / "figures.parquet"))


def test_public_record_folders_are_what_the_tool_builds(tmp_path: Path) -> None:
    """data/raw/pr-* is generated: a hand edit would be lost on the next `make data`."""
    raw, review = tmp_path / "raw", tmp_path / "review.csv"
    proc = subprocess.run([sys.executable, "tools/build_public_record.py", "--raw", str(raw), "--review", str(review)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    built = {p.relative_to(raw).as_posix(): p.read_bytes() for p in raw.rglob("*") if p.is_file()}
    committed = {p.relative_to(ROOT / "data" / "raw").as_posix(): p.read_bytes()
                 for p in (ROOT / "data" / "raw").glob("pr-*/*") if p.is_file()}
    assert built == committed, "run `make data` and commit"
    assert review.read_bytes() == (ROOT / "data" / "review" / "public_record_review.csv").read_bytes()
