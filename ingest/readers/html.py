"""Saved HTML disclosure pages (layout family 6): every `<table>`, plus a total stated in
a sentence ("a total of 61 offences were recorded"). Navigation, header, footer, scripts
and styles are dropped before anything is read; nothing in the page is ever run.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.readers.base import Cell, Label, NamedGrid, RawFigure, ReaderError, ReaderNote, ReadResult
from ingest.readers.grids import decode_text
from ingest.readers.tables import read_grids

ACTIVE = ("script", "style", "noscript", "iframe", "object", "embed", "form", "template")
CHROME = ("nav", "header", "footer", "aside")

# Dyfed-Powys 370/2022: "There have been 39 offences recorded under s15A ..."
TOTAL_SENTENCES = [
    re.compile(r"\btotal of (\d[\d,]*) (?:offences|crimes|incidents)\b", re.I),
    re.compile(r"\b(\d[\d,]*) (?:offences|crimes) (?:were |have been |was |had been )?recorded\b", re.I),
    re.compile(r"\bTotal Count:? (\d[\d,]*)\b", re.I),  # Northamptonshire 10905-25
]


def _cell_text(el: object) -> str:
    return " ".join("".join(el.itertext()).split())  # type: ignore[attr-defined]


def parse(path: Path) -> tuple[list[NamedGrid], list[tuple[str, str]], list[ReaderNote]]:
    import lxml.html

    text, enc_note = decode_text(path.read_bytes())
    notes: list[ReaderNote] = [enc_note] if enc_note else []
    try:
        doc = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError, ValueError
        raise ReaderError(f"not a readable HTML page ({exc})") from None
    active = doc.xpath("|".join(f"//{t}" for t in ACTIVE))
    handlers = [el for el in doc.iter() if isinstance(el.tag, str) and any(a.startswith("on") for a in el.attrib)]
    if active or handlers:
        notes.append(
            ReaderNote(
                "html_active_content_ignored", "",
                f"{len(active)} script/style/form element(s) and {len(handlers)} event handler(s) dropped unread",
            )
        )
    for el in active + doc.xpath("|".join(f"//{t}" for t in CHROME)):
        el.drop_tree()
    grids: list[NamedGrid] = []
    for ti, table in enumerate(doc.xpath("//table")):
        grid: list[list[Cell]] = []
        spans: dict[tuple[int, int], str] = {}  # rowspan carry-over: (row, col) -> text
        for ri, tr in enumerate(table.xpath(".//tr")):
            row: list[Cell] = []
            col = 0
            for td in tr.xpath("./th|./td"):
                while (ri, col) in spans:
                    row.append(Cell(spans.pop((ri, col)), f"table {ti + 1} row {ri + 1} col {col + 1}"))
                    col += 1
                value = _cell_text(td)
                colspan = int(td.get("colspan", "1") or 1) if str(td.get("colspan", "1")).isdigit() else 1
                rowspan = int(td.get("rowspan", "1") or 1) if str(td.get("rowspan", "1")).isdigit() else 1
                for k in range(min(colspan, 50)):
                    # spread a spanning header's text; a spanning number counts once
                    v = value if (k == 0 or not value.replace(",", "").isdigit()) else ""
                    row.append(Cell(v or None, f"table {ti + 1} row {ri + 1} col {col + 1}"))
                    for d in range(1, min(rowspan, 50)):
                        if not value.replace(",", "").isdigit():
                            spans[(ri + d, col)] = value
                    col += 1
            grid.append(row)
        caption = table.xpath("./caption")
        title = _cell_text(caption[0]) if caption else ""
        grids.append(NamedGrid(f"table {ti + 1}", grid, title))
        table.drop_tree()
    sentences: list[tuple[str, str]] = []
    for pi, p in enumerate(doc.xpath("//p|//li|//h1|//h2|//h3|//div[not(*)]")):
        t = _cell_text(p)
        if t:
            sentences.append((f"paragraph {pi + 1}", t))
    return grids, sentences, notes


def detect(path: Path) -> bool:
    return path.suffix.lower() in (".html", ".htm")


def read(path: Path) -> ReadResult:
    grids, sentences, notes = parse(path)
    result = read_grids(grids) if grids else ReadResult()
    result.notes = notes + [n for n in result.notes if n.issue_type != "sheet_ignored"]
    if not any(not f.labels or all(lab.text.lower().startswith("total") for lab in f.labels) for f in result.figures):
        for loc, text in sentences:
            for pattern in TOTAL_SENTENCES:
                m = pattern.search(text)
                if m:
                    result.figures.append(
                        RawFigure(m.group(1), loc, [Label("sentence", "Total", "role")], note=text[:200], block="page text")
                    )
                    break
            else:
                continue
            break
    return result
