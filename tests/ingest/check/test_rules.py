"""check_totals as a table of cases: a printed margin against its cells, within suppression
bounds; a Sum row that leaves out starred cells is kept as understated with the true range."""

from __future__ import annotations

from typing import Any

import pytest

from ingest.check.rules import check_totals
from ingest.issues import IssueLog

STAR = ("suppressed", None, 1.0, 4.0, "*")


def row(breakdown: str, age: str = "", gender: str = "", value: float | tuple[Any, ...] = 0.0, label: str = "") -> dict[str, Any]:
    status, v, lo, hi, raw = value if isinstance(value, tuple) else ("reported", value, value, value, f"{value:g}")
    return {"source_id": "s", "source_file": "f.csv", "offence": "scwc", "area_code": "E23000022", "period_start": "2024-04-01",
            "period_end": "2025-03-31", "breakdown": breakdown, "age_band": age, "gender": gender, "platform": "", "measure": "count",
            "status": status, "value": v, "value_low": lo, "value_high": hi, "value_raw": raw, "label_raw": label,
            "source_location": "line 1"}


# (case, cells, the margin as printed, its label, expected (status, value, low, high), expected issue type or None)
CASES = [
    ("one starred cell under a printed Sum row of 0 (Northamptonshire 10905-25's '11 and under')",
     [row("age_gender", "0-11", "male", STAR)], 0.0, "11 and under (table \"Sum:\" row)",
     ("understated", None, 1.0, 4.0), "sum_row_excludes_suppressed"),
    ("two starred cells and a printed 22 (its 12-15 row)",
     [row("age_gender", "12-15", "female", 22.0), row("age_gender", "12-15", "male", STAR),
      row("age_gender", "12-15", "unknown", STAR)], 22.0, "12-15 (table \"Sum:\" row)",
     ("understated", None, 24.0, 30.0), "sum_row_excludes_suppressed"),
    ("starred cells inside a margin that counts them", [row("age_gender", "12-15", "female", 22.0),
                                                        row("age_gender", "12-15", "male", STAR)], 25.0, "12-15",
     ("reported", 25.0, 25.0, 25.0), None),
    ("one reported cell equal to its margin", [row("age_gender", "16+", "female", 5.0)], 5.0, "16 and over",
     ("reported", 5.0, 5.0, 5.0), None),
    ("one reported cell above its margin", [row("age_gender", "16+", "female", 9.0)], 5.0, "16 and over",
     ("reported", 5.0, 5.0, 5.0), "total_mismatch"),
    ("no cells: nothing to check", [], 7.0, "0-11", ("reported", 7.0, 7.0, 7.0), None),
]


@pytest.mark.parametrize(("case", "cells", "printed", "label", "want", "issue"), CASES, ids=[c[0] for c in CASES])
def test_margin_against_its_cells(case: str, cells: list[dict[str, Any]], printed: float, label: str,
                                  want: tuple[Any, ...], issue: str | None) -> None:
    band = cells[0]["age_band"] if cells else "0-11"
    margin = row("age", band, "", printed, label)
    issues = IssueLog()
    check_totals([*cells, margin], "s", issues)
    assert (margin["status"], margin["value"], margin["value_low"], margin["value_high"]) == want
    assert [i["issue_type"] for i in issues.rows] == ([issue] if issue else [])
