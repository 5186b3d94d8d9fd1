"""Saved HTML disclosure pages: every `<table>` as a grid, every paragraph as a line of prose.

Scripts, styles, forms, frames and event handlers are dropped unread and the drop is flagged
(a force's page carrying active content is worth knowing); navigation, header, footer and
aside are dropped as page chrome. Nothing in the page is ever run, fetched or resolved.
"""

from __future__ import annotations

from pathlib import Path

from ingest.read.base import (
    MAX_CELLS_PER_SHEET,
    MAX_PROSE_LINES,
    MAX_SPAN,
    MAX_TABLES,
    Cell,
    Document,
    NamedGrid,
    ProseLine,
    ReaderError,
    ReaderNote,
    title_above,
)
from ingest.read.text import decode_text
from ingest.tables.layout import NOTE_LINE

ACTIVE = ("script", "style", "noscript", "iframe", "frame", "object", "embed", "form", "template", "link", "meta", "base")
CHROME = ("nav", "header", "footer", "aside")
TITLE_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6")


def _cell_text(el: object) -> str:
    return " ".join("".join(el.itertext()).split())  # type: ignore[attr-defined]


def _span(value: str | None) -> int:
    v = str(value or "1").strip()
    return max(1, min(int(v), MAX_SPAN)) if v.isdigit() else 1


def _table_grid(table: object, ti: int) -> list[list[Cell]]:
    grid: list[list[Cell]] = []
    carry: dict[tuple[int, int], str] = {}  # rowspan carry-over: (row, col) -> text
    rows = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")  # type: ignore[attr-defined]
    # spans are clipped to the cells the table has: its rows, and its widest row's cells
    width = max((len(tr.xpath("./th|./td")) for tr in rows), default=1)
    cells = 0
    for ri, tr in enumerate(rows):
        row: list[Cell] = []
        col = 0
        for td in tr.xpath("./th|./td"):
            while (ri, col) in carry:
                row.append(Cell(carry.pop((ri, col)), f"table {ti} row {ri + 1} col {col + 1}"))
                col += 1
            value = _cell_text(td)
            colspan, rowspan = min(_span(td.get("colspan")), max(width - col, 1)), _span(td.get("rowspan"))
            # a spanning header's text spreads over its columns; a spanning number counts once
            is_number = value.replace(",", "").isdigit()
            for k in range(colspan):
                v = value if (k == 0 or not is_number) else ""
                row.append(Cell(v or None, f"table {ti} row {ri + 1} col {col + 1}"))
                # rowspans are clipped to the rows the table has (a huge rowspan costs nothing)
                for d in range(1, min(rowspan, len(rows) - ri)):
                    if not is_number:
                        carry[(ri + d, col)] = value
                col += 1
            cells += colspan
        while (ri, col) in carry:
            row.append(Cell(carry.pop((ri, col)), f"table {ti} row {ri + 1} col {col + 1}"))
            col += 1
        if cells > MAX_CELLS_PER_SHEET:
            raise ReaderError(f"table {ti} spans over {MAX_CELLS_PER_SHEET:,} cells, the limit for one table", f"table {ti}",
                              "source_too_large")
        grid.append(row)
    return grid


def read(path: Path) -> Document:
    import lxml.html

    data = path.read_bytes()
    tables = data.lower().count(b"<table")  # counted before parsing: 400,000 tables took 115 s (issue 21)
    if tables > MAX_TABLES:
        raise ReaderError(f"the page holds {tables:,} tables, over the limit of {MAX_TABLES:,} for one return", "", "source_too_large")
    text, enc_note = decode_text(data)
    doc = Document("html", notes=[enc_note] if enc_note else [])
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError, ValueError
        raise ReaderError(f"not a readable HTML page ({exc})") from None
    active = root.xpath("|".join(f"//{t}" for t in ACTIVE))
    handlers = [el for el in root.iter() if isinstance(el.tag, str) and any(a.lower().startswith("on") for a in el.attrib)]
    js_links = [el for el in root.xpath("//*[@href or @src]")
                if str(el.get("href") or el.get("src") or "").strip().lower().startswith(("javascript:", "data:"))]
    kinds = sorted({str(el.tag) for el in active if str(el.tag) not in ("meta", "link", "style")})
    if kinds or handlers or js_links:
        what = ", ".join(f"<{k}>" for k in kinds) or "no active elements"
        doc.notes.append(ReaderNote(
            "html_active_content", "",
            f"page carries active content, dropped unread: {what}; {len(handlers)} event handler(s); "
            f"{len(js_links)} script link(s)",
            "; ".join(_cell_text(el)[:80] for el in active if str(el.tag) == "script")[:300],
        ))
    for el in active + root.xpath("|".join(f"//{t}" for t in CHROME)):
        el.drop_tree()
    for ti, table in enumerate(root.xpath("//table"), start=1):
        caption = table.xpath("./caption")
        # no caption: the heading or paragraph just above titles the table, as in a Word letter ("Offences by
        # month, 2022/23" over a table of bare month names is what puts them in a year)
        before = table.xpath(f"preceding::*[{' or '.join(f'self::{t}' for t in (*TITLE_TAGS, 'hr'))}]")[-4:]
        while any(el.tag == "hr" and el.get("data-table-read") for el in before):  # only the words since the table before
            before = before[1:]
        above = [t for t in (_cell_text(el) for el in before) if t and not NOTE_LINE.match(t)]  # a note above never titles the next
        title = _cell_text(caption[0]) if caption else title_above(above)
        doc.grids.append(NamedGrid(f"table {ti}", _table_grid(table, ti), title[:300]))
        mark = lxml.html.Element("hr", {"data-table-read": "1"})
        table.addprevious(mark)
        table.drop_tree()
    for pi, p in enumerate(root.xpath("//p|//li|//h1|//h2|//h3|//h4|//div[not(*)]|//span[not(*)]"), start=1):
        t = _cell_text(p)
        if t:
            doc.prose.append(ProseLine(f"paragraph {pi}", t))
        if len(doc.prose) > MAX_PROSE_LINES:
            break
    return doc
