"""What is visible is the answer (issue 18): hidden sheets, and filled cells in hidden rows or
columns of a workbook (often superseded figures), are not read, and are named in the issue log."""

from __future__ import annotations

from pathlib import Path

from ingest.issues import IssueLog
from ingest.pipeline import ingest_source
from tests.conftest import make_source


def _workbook(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Answer"
    for row in [["Gender", "Count", "Old count"], ["Female", 40, 400], ["Female", 41, None], ["Male", 12, 120], ["Total", 52, 520]]:
        ws.append(row)
    ws.row_dimensions[3].hidden = True  # a superseded row, hidden
    ws.column_dimensions["C"].hidden = True  # a superseded column, hidden
    old = wb.create_sheet("Draft")
    old.append(["Gender", "Count"])
    old.append(["Female", 999])
    old.sheet_state = "hidden"
    wb.save(path)


def test_hidden_rows_columns_and_sheets_are_not_read_and_are_named(tmp_path: Path) -> None:
    folder = make_source(tmp_path, "s", {})
    _workbook(folder / "answer.xlsx")
    log = IssueLog()
    rows, _ = ingest_source(folder, log)
    assert sorted(r["value"] for r in rows) == [12.0, 40.0, 52.0]  # the visible answer only
    hidden = [r for r in log.rows if r["issue_type"] == "hidden_content"]
    assert any("sheet 'Draft' is hidden in the workbook and holds 1 number(s)" in r["message"] for r in hidden)
    assert any("6 filled cell(s) in hidden rows or columns of 'Answer'" in r["message"] for r in hidden)
    assert not any(r["issue_type"] == "conflicting_values" for r in log.rows)
