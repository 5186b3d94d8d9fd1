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
)

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


def read(path: Path) -> Document:
    import docx
    from docx.table import Table

    _check_zip(path)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds for a corrupt file
        raise ReaderError(f"not a readable Word document ({type(exc).__name__}: {str(exc)[:200]})") from None
    doc = Document("docx")
    last_para = ""
    n_table = 0
    n_para = 0
    cells = 0
    for el in document.element.body.iterchildren():
        if el.tag == f"{W}p":
            n_para += 1
            text = _text(el)
            if text:
                last_para = text
                if len(doc.prose) < MAX_PROSE_LINES:
                    doc.prose.append(ProseLine(f"paragraph {n_para}", text))
        elif el.tag == f"{W}tbl":
            n_table += 1
            if n_table > MAX_TABLES:
                raise ReaderError(f"the document holds over {MAX_TABLES:,} tables, the limit for one return", "", "source_too_large")
            table = Table(el, document)
            grid: list[list[Cell]] = []
            for ri, row in enumerate(table.rows):
                out: list[Cell] = []
                seen = None
                for ci, cell in enumerate(row.cells):
                    value = " ".join(cell.text.split()) or None
                    # a horizontally merged cell comes back once per column it spans: its text
                    # spreads (a header), a number counts once
                    if cell._tc is seen and value is not None and value.replace(",", "").isdigit():
                        value = None
                    seen = cell._tc
                    out.append(Cell(value, f"table {n_table} row {ri + 1} col {ci + 1}"))
                cells += len(out)
                if cells > MAX_CELLS_PER_SHEET:
                    raise ReaderError(f"tables hold over {MAX_CELLS_PER_SHEET:,} cells, the limit", f"table {n_table}", "source_too_large")
                grid.append(out)
            doc.grids.append(NamedGrid(f"table {n_table}", grid, last_para))
            last_para = ""
    return doc
