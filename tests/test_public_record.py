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
        ({"area_code": "K02000001", "breakdown": "total", "offence": "scwc_uk", "period_start": "2021-04-01", "period_end": "2022-03-31"}, "6156"),
        ({"area_code": "K02000001", "breakdown": "total", "offence": "scwc_uk", "period_start": "2022-04-01", "period_end": "2023-03-31"}, "6350"),
        ({"area_code": "K02000001", "breakdown": "total", "offence": "scwc_uk", "period_start": "2023-04-01", "period_end": "2024-03-31"}, "7062"),
        ({"area_code": "K02000001", "breakdown": "total", "offence": "scwc_uk", "period_start": "2024-04-01", "period_end": "2025-03-31"}, "7263"),
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


def test_rows_not_placed_are_listed_with_their_reason() -> None:
    issues = pd.read_csv(PROCESSED / "issues.csv", dtype=str, keep_default_na=False)
    review = issues[issues["issue_type"] == "figure_not_placed"]
    assert len(review) > 50 and (review["message"].str.startswith("not placed: ")).all()
    assert (review["source_file"] == "published_figures.csv").any()


def test_the_adjustments_the_public_record_needed_are_in_the_issue_log() -> None:
    issues = pd.read_csv(PROCESSED / "issues.csv", dtype=str, keep_default_na=False)
    kinds = issues["issue_type"].value_counts()
    assert kinds["period_adjusted"] >= 10 and kinds["denominator_linked"] >= 3
    shifted = issues[issues["issue_type"] == "period_adjusted"]
    assert shifted["message"].str.contains("s.15A began on 2017-04-03").all()


def test_processed_is_exactly_what_ingest_builds(tmp_path: Path) -> None:
    """`make data` (= the ingest) rebuilds data/processed byte for byte from what is committed."""
    out = tmp_path / "processed"
    proc = subprocess.run([sys.executable, "-m", "ingest", str(ROOT / "data" / "raw"), "--out", str(out), "-q"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    # 3: written, and the rows its collector called doubtful need review (as `make data` accepts)
    assert proc.returncode == 3, proc.stderr
    issues = pd.read_csv(out / "issues.csv", dtype=str, keep_default_na=False)
    assert set(issues[issues["severity"] == "review"]["issue_type"]) == {"record_doubtful"}
    for name in ("figures.csv", "issues.csv", "datapackage.json"):
        assert (out / name).read_bytes() == (PROCESSED / name).read_bytes(), f"{name} differs: run `make data` and commit"
    pd.testing.assert_frame_equal(pd.read_parquet(out / "figures.parquet"), pd.read_parquet(PROCESSED / "figures.parquet"))


def test_raw_holds_the_public_record_as_received() -> None:
    import hashlib

    import yaml

    folder = ROOT / "data" / "raw" / "public-record"
    meta = yaml.safe_load((folder / "source.yml").read_text(encoding="utf-8"))
    for name, about in meta["files"].items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == about["sha256"], name
    assert not list((ROOT / "data" / "raw").glob("pr-*")), "nothing generated lives in data/raw"


REFERENCE = ROOT / "data" / "reference"


def test_national_figures_credit_the_release_that_first_published_them(figures: pd.DataFrame) -> None:
    national = figures[figures["area_code"].isin(["K02000001", "K04000001"]) & (figures["breakdown"] == "total")]
    scwc = national[national["offence"].isin(["scwc", "scwc_uk"])]
    assert len(scwc) >= 10
    assert set(scwc["originator"]) == {"NSPCC"}, scwc[["value", "publisher", "originator"]].to_string()
    assert (scwc["release"] != "").all()
    grooming = national[national["offence"] == "sexual_grooming"]
    assert set(grooming["originator"]) == {"Home Office"}
    # the carrier stays where it was read: a local paper carrying the NSPCC's 7,062
    row = one(figures, area_code="K02000001", value="7062", publisher="todaysfamilylawyer.co.uk")
    assert len(row) == 1 and row["originator"].iloc[0] == "NSPCC" and row["release"].iloc[0].startswith("Online grooming crimes reach")


def test_a_uk_total_is_its_own_offence_and_says_what_it_sums(figures: pd.DataFrame) -> None:
    uk = figures[figures["area_code"] == "K02000001"]
    assert set(uk["offence"]) == {"scwc_uk"}
    assert uk["note"].str.contains("Art. 22A").all()
    assert not (figures[figures["offence"] == "scwc_uk"]["area_code"] != "K02000001").any()
    assert not (figures[figures["offence"] == "scwc"]["area_type"] == "uk").any()


def test_every_coverage_note_is_the_one_its_release_gives_for_that_year(figures: pd.DataFrame) -> None:
    releases = pd.read_csv(REFERENCE / "public_record_releases.csv", dtype=str, keep_default_na=False).set_index("title")
    series = pd.read_csv(ROOT / "data" / "raw" / "public-record" / "nspcc_series.csv", dtype=str, keep_default_na=False)
    published = pd.read_csv(ROOT / "data" / "raw" / "public-record" / "published_figures.csv", dtype=str, keep_default_na=False)
    noted = figures[figures["note"].str.contains("coverage: ")]
    assert len(noted) >= 5
    for _, r in noted.iterrows():
        coverage = r["note"].split("coverage: ", 1)[1].split(";")[0]
        file, line = r["source_file"], int(r["source_location"].split()[1].rstrip(";"))
        raw = (series if file == "nspcc_series.csv" else published).iloc[line - 2]
        stated = raw["forces_covered"] if file == "nspcc_series.csv" else raw["geography"]
        assert coverage in stated, (coverage, stated)
        if r["release"]:  # a release's coverage is for its own headline year
            headline = releases.loc[r["release"], "headline_period"]
            if headline[:4].isdigit():  # a financial year: the figure is that year's
                assert pd.Timestamp(r["period_end"]).year == int(headline[:4]) + 1, (r["value"], headline)
            else:  # "April to June 2020 (first three months of lockdown)": the figure covers those months
                from ingest.vocabulary.periods import parse_period

                start, end = parse_period(headline.split("(")[0].strip())  # type: ignore[misc]
                assert (str(r["period_start"])[:7], str(r["period_end"])[:7]) == (f"{start:%Y-%m}", f"{end:%Y-%m}"), (r["value"], headline)
    uk_1718 = one(figures, area_code="K02000001", breakdown="total", value="3728")
    assert not uk_1718["note"].str.contains("coverage: ").any()
    assert uk_1718["note"].str.contains("re-reported in the NSPCC release of 2025-11-13").all()


def test_every_carrier_names_a_known_release() -> None:
    releases = pd.read_csv(REFERENCE / "public_record_releases.csv", dtype=str, keep_default_na=False)
    carriers = pd.read_csv(REFERENCE / "public_record_carriers.csv", dtype=str, keep_default_na=False)
    assert set(carriers["release_id"]) <= set(releases["release_id"])
    record = "".join((ROOT / "data" / "raw" / "public-record" / n).read_text(encoding="utf-8")
                     for n in ("published_figures.csv", "nspcc_series.csv"))
    assert all(url in record for url in carriers["carrier_url"])


def test_a_carriers_page_with_no_title_recorded_says_its_words_are_its_addresss() -> None:
    """Issue 20: words of a page's address stood in the sources list as if they were its headline."""
    from ingest.read.public_record import carrier, rules

    doc = carrier("https://www.example-news.co.uk/news/police-record-86-cases-of-child-grooming-1-9216426", rules())
    assert doc["reference"] == "Police record 86 cases of child grooming (words of its web address)"
