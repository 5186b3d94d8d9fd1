"""The home page's headline figures, checked against the public record's rows as received
(data/raw/public-record), not against the table built from them: each headline is a row of the
record with the same value, geography, financial year and offence, and no row of the record
gives that geography and offence for a later year."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from dashboard import queries
from dashboard.data import read_figures
from tests.conftest import ROOT

RECORD = ROOT / "data" / "raw" / "public-record"
FY = re.compile(r"\b(20\d\d)/(\d\d)\b")
# how the record's rows name each national series: (geography words, offence words, words that rule a row out)
SERIES_IN_RECORD = {
    "K04000001": (r"^England and Wales", r"sexual communication", r"UK-wide|Art\.? ?22A"),
    "K02000001": (r"^(?:United Kingdom|UK\b)", r"sexual communication", r"Art\.? ?22A"),
    "N23000001": (r"Northern Ireland|PSNI", r"Art\.? ?22A|sexual communication", r"^$"),
    "S23000009": (r"Scotland", r"communicating indecently", r"^$"),
}


def record_rows() -> pd.DataFrame:
    """Every figure row of the record: geography, what the figure is, value, financial year."""
    series = pd.read_csv(RECORD / "nspcc_series.csv", dtype=str, keep_default_na=False)
    published = pd.read_csv(RECORD / "published_figures.csv", dtype=str, keep_default_na=False)
    a = pd.DataFrame({"geography": series["geography"], "what": series["offence"], "value": series["value"],
                      "year": series["financial_year"], "file": "nspcc_series.csv"})
    b = pd.DataFrame({"geography": published["geography"], "what": published["figure"], "value": published["value"],
                      "year": published["period"].str.extract(FY.pattern, expand=True).fillna("").agg("/".join, axis=1),
                      "file": "published_figures.csv"})
    rows = pd.concat([a, b], ignore_index=True)
    rows["year"] = rows["year"].where(rows["year"].str.fullmatch(r"\d{4}/\d{2}"), "")
    rows["number"] = pd.to_numeric(rows["value"].str.replace(",", ""), errors="coerce")
    return rows[rows["number"].notna() & (rows["year"] != "")]


HEADLINES = queries.headlines(queries.yearly(queries.national_series(read_figures())))


def test_every_national_series_has_a_headline() -> None:
    assert set(HEADLINES["area_code"]) == set(SERIES_IN_RECORD)


@pytest.mark.parametrize("code", sorted(SERIES_IN_RECORD))
def test_headline_is_a_row_of_the_record_and_its_latest_year(code: str) -> None:
    head = HEADLINES.set_index("area_code").loc[code]
    geography, offence, unless = SERIES_IN_RECORD[code]
    rows = record_rows()
    mine = rows[rows["geography"].str.contains(geography, regex=True) & rows["what"].str.contains(offence, case=False, regex=True)
                & ~rows["what"].str.contains(unless, regex=True)]
    # counts of offences only (not shares, not victims by age)
    mine = mine[~mine["what"].str.contains(r"share|per cent|%|aged|girls|boys|victims? (?:under|aged)", case=False, regex=True)]
    same = mine[(mine["number"] == head["value"]) & (mine["year"] == head["period_label"])]
    assert not same.empty, f"{head['label']} {head['value']:,.0f} is not a row of the record"
    assert (mine["year"] <= head["period_label"]).all(), f"the record has a later year for {head['label']}: " \
        f"{sorted(set(mine['year']) - {head['period_label']})}"
    assert head["credit"].startswith(("NSPCC", "Police Service of Northern Ireland", "PSNI", "Police Scotland", "Home Office"))


def test_a_lower_bound_is_said() -> None:
    """The record gives England and Wales 2018/19 as 'at least 4,373': the headline says so."""
    ew = HEADLINES.set_index("area_code").loc["K04000001"]
    series = pd.read_csv(RECORD / "nspcc_series.csv", dtype=str, keep_default_na=False)
    row = series[(series["geography"] == "England and Wales") & (series["financial_year"] == ew["period_label"])
                 & (pd.to_numeric(series["value"], errors="coerce") == ew["value"])]
    if (row["value_qualifier"] == "at least").any():
        assert ew["value_text"] == f"at least {ew['value']:,.0f}"
    else:
        assert ew["value_text"] == f"{ew['value']:,.0f}"
