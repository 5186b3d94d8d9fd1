"""Word documents (.docx): every table as a grid, every paragraph as a line of prose, in the
order they come, so a table's title is the paragraph just above it."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ingest.read.base import (
    MAX_CELLS_PER_SHEET,
    MAX_PROSE_LINES,
    MAX_SHEET_XML_BYTES,
    MAX_TABLES,
    Cell,
    Document,
    NamedGrid,
    ProseLine,
    ReaderError,
    title_above,
)
from ingest.tables.layout import NOTE_LINE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(i.file_size for i in zf.infolist())
            if total > MAX_SHEET_XML_BYTES:
                raise ReaderError(f"the document unpacks to {total / 2**20:.0f} MB, over the {MAX_SHEET_XML_BYTES // 2**20} MB limit",
                                  "", "source_too_large")
    except zipfile.BadZipFile as exc:
        raise ReaderError(f"not a readable Word document ({exc})") from None


def _text(el: object) -> str:
    return " ".join("".join(t.text or "" for t in el.iter(f"{W}t")).split())  # type: ignore[attr-defined]


def _tables(el: object, parent: object, name: str, title: str, doc: Document, count: list[int]) -> None:
    """One table as a grid named `name`, then each table nested in its cells as a grid of its own
    ("table 2.1"), titled by the words in its cell above it. A letter laid out as a Request /
    Response table holds its figures in a table inside the Response cell: read flat, the figures
    ran together into one cell's text and no figures were found (issue 18)."""
    from docx.table import Table

    table = Table(el, parent)  # type: ignore[arg-type]
    grid: list[list[Cell]] = []
    nested: list[tuple[object, object, str]] = []
    for ri, row in enumerate(table.rows):
        out: list[Cell] = []
        seen = None
        for ci, cell in enumerate(row.cells):
            inner = [] if cell._tc is seen else list(cell._tc.iterchildren(f"{W}tbl"))
            if inner:  # the cell's own words only; its tables are read as tables
                value = " ".join(_text(p) for p in cell._tc.iterchildren(f"{W}p")).strip() or None
                words = ""
                for child in cell._tc.iterchildren():
                    if child.tag == f"{W}p" and _text(child):
                        words = _text(child)
                    elif child.tag == f"{W}tbl":
                        nested.append((child, cell, words or value or title))
            else:
                value = " ".join(cell.text.split()) or None
            # a horizontally merged cell comes back once per column it spans: its text
            # spreads (a header), a number counts once
            if cell._tc is seen and value is not None and value.replace(",", "").isdigit():
                value = None
            seen = cell._tc
            out.append(Cell(value, f"{name} row {ri + 1} col {ci + 1}"))
        count[0] += len(out)
        if count[0] > MAX_CELLS_PER_SHEET:
            raise ReaderError(f"tables hold over {MAX_CELLS_PER_SHEET:,} cells, the limit", name, "source_too_large")
        grid.append(out)
    doc.grids.append(NamedGrid(name, grid, title))
    for k, (child, cell, words) in enumerate(nested, start=1):
        count[1] += 1
        if count[1] > MAX_TABLES:
            raise ReaderError(f"the document holds over {MAX_TABLES:,} tables, the limit for one return", "", "source_too_large")
        _tables(child, cell, f"{name}.{k}", words, doc, count)


def read(path: Path) -> Document:
    import docx

    _check_zip(path)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds for a corrupt file
        raise ReaderError(f"not a readable Word document ({type(exc).__name__}: {str(exc)[:200]})") from None
    doc = Document("docx")
    above: list[str] = []  # the paragraphs since the last table
    n_table = 0
    n_para = 0
    count = [0, 0]  # cells, tables
    for el in document.element.body.iterchildren():
        if el.tag == f"{W}p":
            n_para += 1
            text = _text(el)
            if text:
                if not NOTE_LINE.match(text):  # a note to the table above never titles the next
                    above.append(text)
                if len(doc.prose) < MAX_PROSE_LINES:
                    doc.prose.append(ProseLine(f"paragraph {n_para}", text))
        elif el.tag == f"{W}tbl":
            n_table += 1
            count[1] += 1
            if count[1] > MAX_TABLES:
                raise ReaderError(f"the document holds over {MAX_TABLES:,} tables, the limit for one return", "", "source_too_large")
            _tables(el, document, f"table {n_table}", title_above(above), doc, count)
            above = []
    return doc
