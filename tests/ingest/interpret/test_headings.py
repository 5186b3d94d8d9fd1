"""Two levels of column headings (issue 18): a heading that names a dimension ("Victim Gender" over
Female and Male, "Victim Age" over the bands, side by side) is a heading, not a category; each
heading's columns find their own dimension. A column name that reads like a marker ("Under 13") is
still a column name. Invented figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.issues import IssueLog
from ingest.pipeline import ingest_source
from ingest.vocabulary.labels import match_gender, match_role
from ingest.vocabulary.reference import reference
from tests.conftest import make_source

REF = reference()


@pytest.mark.parametrize(("upper", "unknown_age", "unknown_gender"), [
    ("Victim Gender,,Victim Age,,,", "Victim's age not recorded", "Unknown - not recorded"),
    ("Gender of victim,,Age of victim,,,", "Age unknown", "Gender not recorded"),
    ("Victim's gender,,Victim's age,,,", "Not recorded", "Not known"),
])
def test_each_heading_over_its_columns_gives_its_own_dimension(tmp_path: Path, upper: str, unknown_age: str,
                                                               unknown_gender: str) -> None:
    a, b, c, d, e, f = upper.split(",")
    text = (f"Offences by age and gender of victim\r\n,{a},,,{c},,\r\n"
            f"Measure,Female,Male,{unknown_gender},Under 13,13-17,{unknown_age}\r\nOffences,30,8,2,10,25,5\r\n")
    folder = make_source(tmp_path, "s", {"t.csv": text})
    log = IssueLog()
    rows, _ = ingest_source(folder, log)
    got = {(r["breakdown"], r["age_band"], r["gender"]): r["value"] for r in rows}
    assert got == {("gender", "", "female"): 30, ("gender", "", "male"): 8, ("gender", "", "unknown"): 2,
                   ("age", "0-12", ""): 10, ("age", "13-17", ""): 25, ("age", "unknown", ""): 5}
    assert not [r for r in log.rows if r["severity"] in ("error", "review")], [r["message"] for r in log.rows]


@pytest.mark.parametrize(("text", "role"), [("Victim Gender", "dimension"), ("Victim's age", "dimension"), ("Age of the victim", "dimension"),
                                            ("Victim age band", "dimension"), ("Victims", None), ("Female", None), ("Number of offences", "value")])
def test_a_heading_that_names_a_dimension_is_a_heading(text: str, role: str | None) -> None:
    assert match_role(REF, text) == role


@pytest.mark.parametrize(("text", "gender"), [("Unknown - not recorded", "unknown"), ("Victim's gender not recorded", "unknown"),
                                              ("Female victims", "female"), ("Victim", None)])
def test_genders_with_the_victim_named(text: str, gender: str | None) -> None:
    assert match_gender(REF, text) == gender
