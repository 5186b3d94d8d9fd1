"""Columns and rows computed from the others (a change, a percentage change, a rate) are never read
as periods or figures, and say so (issue 18). Invented figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.issues import IssueLog
from ingest.pipeline import ingest_source
from ingest.vocabulary.labels import is_derived_label
from tests.conftest import make_source


@pytest.mark.parametrize(("text", "derived"), [
    ("% change", True), ("Percentage change", True), ("Numeric change between 2015 and 2016", True),
    ("Change from 2022/23", True), ("Rate per 100,000 population", True), ("Difference", True),
    ("2022/23", False), ("Female", False), ("Total", False), ("Number of offences", False), ("Change Grow Live", False),
])
def test_what_is_derived(text: str, derived: bool) -> None:
    assert is_derived_label(text) is derived


def test_a_table_with_change_columns_reads_its_years_only(tmp_path: Path) -> None:
    table = ("Offences,2022/23,2023/24,% change,Numeric change between 2022/23 and 2023/24\r\n"
             "Female,12,15,25%,3\r\nMale,3,4,33%,1\r\nTotal,15,19,27%,4\r\n")
    folder = make_source(tmp_path, "s", {"d.csv": table}, yml='force: Kent\nreference: "D"\n')
    log = IssueLog()
    rows, _ = ingest_source(folder, log)
    assert sorted(r["value"] for r in rows) == [3.0, 4.0, 12.0, 15.0, 15.0, 19.0]
    assert any(r["issue_type"] == "derived_skipped" and "% change" in r["message"] for r in log.rows)
    assert not [r for r in log.rows if r["severity"] in ("error", "review")]
