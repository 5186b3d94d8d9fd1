"""The Word reader: a table nested in another's cell (a letter laid out as a Request / Response
table with its figures in a table inside the Response cell) is a table of its own (issue 18: read
flat, its figures ran together into one cell and "no figures found"). Invented figures."""

from __future__ import annotations

from pathlib import Path

from ingest.issues import IssueLog
from ingest.pipeline import ingest_source
from ingest.read.docx import read
from tests.conftest import make_source


def request_response(path: Path, depth: int = 1) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("Freedom of Information Request FOI 123/25")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "Request"
    t.cell(0, 1).text = "The number of offences of sexual communication with a child recorded in 2023/24, by gender."
    t.cell(1, 0).text = "Response"
    cell = t.cell(1, 1)
    cell.text = "Please see below."
    for _ in range(depth - 1):  # a frame table around the figures
        frame = cell.add_table(rows=1, cols=1)
        cell = frame.cell(0, 0)
        cell.text = "Victims by gender"
    inner = cell.add_table(rows=4, cols=2)
    for r, (a, b) in enumerate([("Gender", "Offences"), ("Female", "31"), ("Male", "7"), ("Total", "38")]):
        inner.cell(r, 0).text = a
        inner.cell(r, 1).text = b
    d.save(str(path))
    return path


def test_a_nested_table_is_a_grid_of_its_own_titled_by_the_words_above_it(tmp_path: Path) -> None:
    doc = read(request_response(tmp_path / "a.docx"))
    names = [g.name for g in doc.grids]
    assert names == ["table 1", "table 1.1"]
    outer, inner = doc.grids
    assert outer.grid[1][1].value == "Please see below."  # the cell's own words, not its table's
    assert inner.title == "Please see below."
    assert [c.value for c in inner.grid[1]] == ["Female", "31"] and inner.grid[1][1].location == "table 1.1 row 2 col 2"


def test_figures_in_a_table_two_levels_down_are_read(tmp_path: Path) -> None:
    folder = make_source(tmp_path, "s", {})
    request_response(folder / "a.docx", depth=2)
    log = IssueLog()
    rows, _ = ingest_source(folder, log)
    assert {(r["breakdown"], r["gender"], r["value"]) for r in rows} == {("gender", "female", 31), ("gender", "male", 7), ("total", "", 38)}
    assert {r["source_location"] for r in rows} >= {"table 1.1.1 row 2 col 2"}
    assert not [r for r in log.rows if r["severity"] in ("error", "review")]
