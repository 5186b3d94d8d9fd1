"""The four real police answers (tests/fixtures/real, byte for byte): every printed figure read
with the row and column labels a reader of the letter would give it, across page breaks, with
no figure shifted into a neighbouring column.

Set UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change (and review the diff).
"""

from __future__ import annotations

import csv
import functools
import io
import os
from collections import Counter
from pathlib import Path

import pytest

from ingest.inspect import COLUMNS, cells
from ingest.issues import IssueLog
from ingest.pipeline import ingest_source

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "real"
LETTERS = {p.parent.name: p for p in sorted(REAL.glob("*/*.pdf"))}
GOLDEN = ["01-cumbria-1306-25-pdf-crosstabs", "02-durham-1406745-pdf-dash-zero", "03-humberside-006753-pdf-split-table"]


@functools.cache
def _cells_once(name: str) -> tuple[list[dict[str, object]], list[str]]:
    """A letter's cells, read once per test process (the 61-page listing takes seconds)."""
    rows, notes = cells(LETTERS[name])
    return rows, notes


def _lookup(rows: list[dict[str, object]]) -> dict[tuple[str, str], str]:
    return {(str(r["row_label"]), str(r["column_label"])): str(r["value_raw"]) for r in rows}


@pytest.mark.parametrize("name", GOLDEN)
def test_inspect_matches_golden(name: str) -> None:
    rows, _ = _cells_once(name)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    golden = REAL / name / "inspect.csv"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(buf.getvalue(), encoding="utf-8")
    assert buf.getvalue() == golden.read_text(encoding="utf-8")


def test_cumbria_tables_across_page_breaks_and_wrapped_labels() -> None:
    rows, _ = _cells_once("01-cumbria-1306-25-pdf-crosstabs")
    got = _lookup(rows)
    # the crime type x year table runs from page 2 onto page 3 with no repeated header
    assert [got[("Violence without Injury", y)] for y in ("2019/20", "2020/21", "2021/22", "2022/23", "2023/24", "Grand Total")] == \
        ["259", "257", "246", "218", "128", "1108"]
    assert [got[("Grand Total", y)] for y in ("2019/20", "2023/24", "Grand Total")] == ["635", "278", "2500"]
    # a label wrapped over two lines, its figures on the second, blank cells kept in their columns
    assert got[("Disclosure, Obstruction, False Or Misleading Statements Etc", "2022/23")] == "1"
    assert got[("Disclosure, Obstruction, False Or Misleading Statements Etc", "2019/20")] == ""
    # a seven-line label; figures under the right hospitals (blank columns not closed up)
    label = ("Evidential Difficulties Victim Based – Named suspect not identified: The crime is confirmed but the victim "
             "either declines/ or is unable to support further police investigation to identify the offender.")
    assert [got[(label, h)] for h in ("Brampton War Memorial Hospital", "Carleton Clinic", "Cumberland Infirmary",
                                      "Furness General Hospital")] == ["", "7", "10", "4"]
    label = "Named Suspect identified: victim supports police action but evidential difficulties prevent further action"
    assert got[(label, "James Cook University Hospital")] == "1" and got[(label, "Keswick (Mary Hewetson) Community Hospital")] == "2"
    # a row cut by the page break: its label ends at the top of the next page
    assert got[("Named Suspect identified: victim supports police action but evidential difficulties prevent further action",
                "West Cumberland Hospital")] == "40"


def test_durham_dash_is_zero_where_the_totals_say_so() -> None:
    rows, _ = _cells_once("02-durham-1406745-pdf-dash-zero")
    by = {(r["row_label"], r["column_label"]): r for r in rows}
    cell = by[("Chester-le-Street Community Hospital", "2019/20")]
    assert (cell["value_raw"], cell["value"], cell["status"]) == ("-", 0, "reported")
    assert by[("Chester-le-Street Community Hospital", "2023/24")]["value"] == 1
    assert cell["location"] == "page 2 line 5 col 2"  # the figures sit between the label's two lines
    # the outcome table has no Total of its own: its dashes are 0 because the return prints 0 as '-'
    assert by[("Cautioned - Youth", "2019/20")]["status"] == "reported"


def test_humberside_table_cut_by_letterhead() -> None:
    rows, notes = _cells_once("03-humberside-006753-pdf-split-table")
    got = _lookup(rows)
    assert [got[("ROBBERY OF PERSONAL PROPERTY", str(y))] for y in range(2019, 2025)] == ["", "1", "3", "4", "1", ""]
    assert [got[("ARSON", str(y))] for y in range(2019, 2025)] == ["2", "3", "3", "", "1", "2"]
    assert not any("HUMBERSIDE POLICE" in str(r["row_label"]) or "Priory Road" in str(r["row_label"]) for r in rows)
    assert any("22: Diversionary" in str(r["row_label"]) for r in rows)  # page 3 of the outcome table


@pytest.mark.slow
def test_hertfordshire_record_listing_counts_like_a_spreadsheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               read_in_process: None) -> None:
    """The 61-page listing, parsed once here for both checks (stage 1 and the whole source)."""
    from ingest import inspect, pipeline
    from ingest.read import read_document

    doc = read_document(LETTERS["04-hertfordshire-pdf-record-level-61pp"])
    monkeypatch.setattr(inspect, "read_bounded", lambda path: doc)
    monkeypatch.setattr(pipeline, "read_document", lambda path: doc)
    rows, notes = cells(LETTERS["04-hertfordshire-pdf-record-level-61pp"])
    records = [r for r in rows if r["table"] == "pages 1-61 table 2" and r["column_label"] == "Financial Year"]
    assert len(records) == 4492 and [r["row_label"] for r in records[:3]] == ["1", "2", "3"]
    assert records[-1]["location"].startswith("page 61 ")
    assert Counter(r["value_raw"] for r in records) == {"2019/2020": 883, "2020/2021": 996, "2021/2022": 888, "2022/2023": 877,
                                                         "2023/2024": 848}
    assert any("read as records (4492 records)" in n for n in notes)
    # as a source: the records counted by year agree with the summary table it prints
    src = tmp_path / "herts"
    src.mkdir()
    (src / "letter.pdf").write_bytes(LETTERS["04-hertfordshire-pdf-record-level-61pp"].read_bytes())
    (src / "source.yml").write_text('force: Hertfordshire\nreference: "test"\nperiod_start: 2019-04-01\nperiod_end: 2024-03-31\n')
    log = IssueLog()
    figures, _ = ingest_source(src, log)
    assert sorted(int(f["value"]) for f in figures) == [848, 877, 883, 888, 996, 4492]
    assert all(f["breakdown"] == "total" for f in figures)  # what it reads of a hospital-crimes listing is totals only
    assert sum(1 for r in log.rows if r["issue_type"] == "derived_total_confirmed") == 5


# the 61-page listing is checked in the test above (parsed once there): totals only, its own summary confirmed
@pytest.mark.parametrize("name", sorted(n for n in LETTERS if not n.startswith("04-hertfordshire")))
def test_no_real_answer_is_called_ok_when_its_tables_are_about_something_else(name: str, tmp_path: Path) -> None:
    """These letters count crimes at hospitals: read as if they were s.15A returns, none may
    pass as a clean reading of figures it cannot place."""
    src = tmp_path / "s"
    src.mkdir()
    (src / "letter.pdf").write_bytes(LETTERS[name].read_bytes())
    (src / "source.yml").write_text('force: Kent\nreference: "test"\nperiod_start: 2019-04-01\nperiod_end: 2024-03-31\n')
    log = IssueLog()
    figures, _ = ingest_source(src, log)
    kinds = {r["issue_type"] for r in log.rows}
    severities = {r["severity"] for r in log.rows}
    # every table it could not place is named; what it did read is only totals by year
    assert {"table_not_read", "reading_doubtful", "derived_total_confirmed"} & kinds
    assert all(f["breakdown"] == "total" for f in figures)
    if name.startswith(("01", "02")):
        assert "review" in severities
