"""Labels printed in Welsh and English side by side (issue 18): a label means what its known part means."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.issues import IssueLog
from ingest.pipeline import ingest_source
from ingest.vocabulary.labels import match_age, match_gender, match_role
from ingest.vocabulary.reference import reference
from tests.conftest import make_source


@pytest.mark.parametrize(("text", "gender"), [
    ("Benyw / Female", "female"), ("Gwryw | Male", "male"), ("Female / Benyw", "female"),
    ("Female / Male", None),  # two categories: never one of them
    ("Benyw", None), ("Female", "female"),
])
def test_gender(text: str, gender: str | None) -> None:
    assert match_gender(reference(), text) == gender


def test_age_and_totals() -> None:
    ref = reference()
    assert match_age(ref, "Dan 12 / 11 and under").label == "0-11"  # type: ignore[union-attr]
    assert match_age(ref, "0-11 / 12-15") is None
    assert match_role(ref, "Cyfanswm / Total") == "total"


def test_a_bilingual_table_reads_without_review(tmp_path: Path) -> None:
    table = "Rhyw / Gender,Nifer / Number\r\nBenyw / Female,7\r\nGwryw / Male,3\r\nCyfanswm / Total,10\r\n"
    folder = make_source(tmp_path, "s", {"t.csv": table})
    log = IssueLog()
    rows, _ = ingest_source(folder, log)
    assert {(r["breakdown"], r["gender"]): r["value"] for r in rows} == {("gender", "female"): 7.0, ("gender", "male"): 3.0,
                                                                        ("total", ""): 10.0}
    assert not [r for r in log.rows if r["severity"] in ("error", "review")]
