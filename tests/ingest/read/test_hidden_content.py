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
    # the hidden row closed up: the rows below it keep their column's name (they lost it to the gap)
    assert {r["label_raw"] for r in rows} == {"Female | Count", "Male | Count", "Total | Count"}
    hidden = [r for r in log.rows if r["issue_type"] == "hidden_content"]
    assert any("sheet 'Draft' is hidden in the workbook and holds 1 number(s)" in r["message"] for r in hidden)
    assert any("6 filled cell(s) in hidden rows or columns of 'Answer'" in r["message"] for r in hidden)
    assert not any(r["issue_type"] == "conflicting_values" for r in log.rows)


ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:version="1.2"><office:body><office:spreadsheet>
<table:table table:name="Answer">
<table:table-column table:number-columns-repeated="2"/><table:table-column table:visibility="collapse"/>
<table:table-row>{s}Gender{e}{s}Count{e}{s}Old count{e}</table:table-row>
<table:table-row>{s}Female{e}{n40}{n400}</table:table-row>
<table:table-row table:visibility="collapse">{s}Female{e}{n41}</table:table-row>
<table:table-row>{s}Male{e}{n12}{n120}</table:table-row>
</table:table>
<table:table table:name="Draft" table:style-name="hidden"><table:table-row>{s}Female{e}{n999}</table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>"""


def _ods(path: Path) -> None:
    import re
    import zipfile

    content = ODS_CONTENT.replace("{s}", '<table:table-cell office:value-type="string"><text:p>')
    content = content.replace("{e}", "</text:p></table:table-cell>")
    content = re.sub(r"\{n(\d+)\}", r'<table:table-cell office:value-type="float" office:value="\1"><text:p>\1</text:p></table:table-cell>',
                     content)
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", manifest)


def test_hidden_rows_and_columns_of_an_ods_are_not_read_and_the_sheet_closes_up(tmp_path: Path) -> None:
    folder = make_source(tmp_path, "s", {})
    _ods(folder / "answer.ods")
    log = IssueLog()
    rows, _ = ingest_source(folder, log)
    assert sorted((r["label_raw"], r["value"]) for r in rows if r["source_file"] == "answer.ods" and r["gender"] != "") == [
        ("Female | Count", 40.0), ("Male | Count", 12.0)]
    assert any("filled cell(s) in hidden rows or columns of 'Answer'" in r["message"] for r in log.rows
               if r["issue_type"] == "hidden_content")
