"""An .xlsx whose totals are formulas with no saved value (files written by scripts and some
exports carry none; issue 18): the figure is never "not provided"; it is left out and the source
needs review, with the reason."""

from __future__ import annotations

from pathlib import Path

from ingest.issues import IssueLog
from ingest.pipeline import ingest_source
from synthetic.hostile import _inline, _sheet, xlsx
from tests.conftest import make_source


def test_a_formula_without_a_saved_value_is_left_out_for_review(tmp_path: Path) -> None:
    rows = (f'<row r="1">{_inline("A1", "Gender")}{_inline("B1", "Count")}</row>'
            f'<row r="2">{_inline("A2", "Female")}<c r="B2"><v>40</v></c></row>'
            f'<row r="3">{_inline("A3", "Male")}<c r="B3"><v>12</v></c></row>'
            f'<row r="4">{_inline("A4", "Total")}<c r="B4"><f>SUM(B2:B3)</f></c></row>')
    folder = make_source(tmp_path, "s", {"answer.xlsx": xlsx(_sheet(rows))})
    log = IssueLog()
    figures, _ = ingest_source(folder, log)
    assert sorted((f["breakdown"], f["value"]) for f in figures) == [("gender", 12.0), ("gender", 40.0)]
    assert not any(f["status"] == "not_provided" for f in figures)
    [issue] = [r for r in log.rows if r["issue_type"] == "formula_not_evaluated"]
    assert issue["severity"] == "review" and issue["location"] == "Sheet1!B4"
