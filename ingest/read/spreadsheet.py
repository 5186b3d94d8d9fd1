"""Spreadsheets: xlsx read by streaming its XML (only the cells it holds, so one cell in the far
corner or one merged range over a whole sheet costs nothing), xls and ods read with calamine.

Each sheet becomes a grid of the cells it holds, with their addresses (`Sheet1!C7`). Runs of
empty rows or columns are squeezed to one (an empty row or column still separates two tables);
merged header text is spread over the cells of its range that exist.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path, PurePosixPath
from typing import IO, Any

from ingest.read.base import (
    MAX_CELLS_PER_FILE,
    MAX_CELLS_PER_SHEET,
    MAX_DENSE_AREA,
    MAX_SHARED_STRINGS,
    MAX_SHEET_XML_BYTES,
    MAX_SHEETS,
    Cell,
    Document,
    NamedGrid,
    ReaderError,
    ReaderNote,
    col_index,
    col_letter,
)

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d{1,7})$")
# Excel's built-in number formats that show a date or a time
_DATE_FORMAT_IDS = set(range(14, 23)) | {27, 30, 36, 45, 46, 47, 50, 57}
_DATE_CODE = re.compile(r"(?<![\\_])[dmyhs]", re.I)


class _Capped:
    """A file object that refuses to yield more than `limit` bytes (zip headers can lie)."""

    def __init__(self, fh: IO[bytes], limit: int, what: str) -> None:
        self.fh, self.limit, self.used, self.what = fh, limit, 0, what

    def read(self, n: int = -1) -> bytes:
        chunk = self.fh.read(65536 if n is None or n < 0 else n)
        self.used += len(chunk)
        if self.used > self.limit:
            raise ReaderError(f"{self.what} unpacks to over {self.limit // 2**20} MB, the limit for one sheet", "", "source_too_large")
        return chunk


def _parser() -> Any:
    from lxml import etree

    # no entities, no network, no DTD: an xlsx is data, never instructions (XXE)
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _xml(zf: zipfile.ZipFile, name: str, limit: int = 16 * 2**20) -> Any:
    from lxml import etree

    with zf.open(name) as fh:
        data = _Capped(fh, limit, name).read(limit + 1)
    return etree.fromstring(data, _parser())


def _is_date_format(code: str) -> bool:
    code = re.sub(r'"[^"]*"|\[[^\]]*\]', "", code)  # quoted text and [colour]/[h] parts
    return bool(_DATE_CODE.search(code)) and "General" not in code


def _excel_date(serial: float, date1904: bool) -> datetime | None:
    if serial < 0 or serial > 2958465:  # beyond 9999-12-31
        return None
    base = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)
    return base + timedelta(days=serial)


def _sheet_paths(zf: zipfile.ZipFile) -> list[tuple[str, str, str]]:
    wb = _xml(zf, "xl/workbook.xml")
    rels = _xml(zf, "xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in zf.namelist() else None
    targets = {}
    if rels is not None:
        for r in rels.iter(f"{PKG_REL_NS}Relationship"):
            target = r.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
            targets[r.get("Id")] = path
    out = []
    parts: set[str] = set()
    for i, s in enumerate(wb.iter(f"{NS}sheet")):
        if i >= MAX_SHEETS:
            raise ReaderError(f"the workbook lists over {MAX_SHEETS} sheets, the limit", "", "source_too_large")
        rid = s.get(f"{REL_NS}id")
        part = targets.get(rid, f"xl/worksheets/sheet{i + 1}.xml")
        if part in parts:  # a part is read once: 2,000 entries pointing at one part took minutes (issue 21)
            continue
        parts.add(part)
        out.append((s.get("name") or f"Sheet{i + 1}", part, s.get("state") or "visible"))
    return out


def _shared_strings(zf: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in zf.namelist():
        return []
    from lxml import etree

    # streamed and counted: 16 million empty entries pack into 118 KB and took 2.2 GB as a tree (issue 21)
    out: list[str] = []
    with zf.open("xl/sharedStrings.xml") as fh:
        for _, si in etree.iterparse(_Capped(fh, MAX_SHEET_XML_BYTES, "xl/sharedStrings.xml"), events=("end",), tag=f"{NS}si",
                                     resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False):
            out.append("".join(t.text or "" for t in si.iter(f"{NS}t")))
            si.clear()
            if len(out) > MAX_SHARED_STRINGS:
                raise ReaderError(f"the workbook's table of shared strings holds over {MAX_SHARED_STRINGS:,} entries, the limit",
                                  "", "source_too_large")
            while si.getprevious() is not None:
                del si.getparent()[0]
    return out


def _date_styles(zf: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell styles that show a date."""
    if "xl/styles.xml" not in zf.namelist():
        return set()
    root = _xml(zf, "xl/styles.xml")
    custom = {int(f.get("numFmtId", "0")): f.get("formatCode", "") for f in root.iter(f"{NS}numFmt")}
    out = set()
    xfs = root.find(f"{NS}cellXfs")
    for i, xf in enumerate(xfs if xfs is not None else []):
        fid = int(xf.get("numFmtId", "0") or 0)
        if fid in _DATE_FORMAT_IDS or (fid in custom and _is_date_format(custom[fid])):
            out.add(i)
    return out


def _date1904(zf: zipfile.ZipFile) -> bool:
    wb = _xml(zf, "xl/workbook.xml")
    pr = wb.find(f"{NS}workbookPr")
    return pr is not None and pr.get("date1904") in ("1", "true")


def _cell_value(c: Any, kind: str | None, shared: list[str], date_styles: set[int], date1904: bool) -> object:
    if kind == "inlineStr":
        return "".join(t.text or "" for t in c.iter(f"{NS}t")) or None
    v = c.find(f"{NS}v")
    text = v.text if v is not None else None
    if text is None:
        return None
    if kind == "s":
        try:
            return shared[int(text)]
        except (ValueError, IndexError):
            return None
    if kind in ("str", "e"):
        return text
    if kind == "b":
        return text == "1"
    if kind == "d":
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            return text
    try:
        num = float(text)
    except ValueError:
        return text
    if int(c.get("s", "0") or 0) in date_styles:
        return _excel_date(num, date1904) or num
    return int(num) if num.is_integer() and abs(num) < 2**53 else num


def _read_sheet_xml(zf: zipfile.ZipFile, path: str, shared: list[str], date_styles: set[int], date1904: bool,
                    budget: int) -> tuple[dict[tuple[int, int], object], list[tuple[int, int, int, int]], set[tuple[int, int]], int,
                                          set[int], set[int]]:
    """-> ({(row, col): value} of the cells that hold something, merged ranges, formulas without a
    value, filled cells in hidden rows or columns (not read), the hidden rows, the hidden columns)."""
    from lxml import etree

    cells: dict[tuple[int, int], object] = {}
    merged: list[tuple[int, int, int, int]] = []
    unevaluated: set[tuple[int, int]] = set()
    hidden = 0
    hidden_cols: set[int] = set()
    hidden_rows: set[int] = set()
    limit = min(MAX_CELLS_PER_SHEET, budget)
    with zf.open(path) as raw:
        stream = _Capped(raw, MAX_SHEET_XML_BYTES, path)
        rows_seen = 0
        last_col: dict[int, int] = {}
        for _, el in etree.iterparse(stream, events=("end",), tag=(f"{NS}c", f"{NS}row", f"{NS}mergeCell", f"{NS}col"),
                                     resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False):
            tag = el.tag
            if tag == f"{NS}c":
                if not len(el) and el.get("r"):  # a styled cell holding nothing: a million of them took 35 s (issue 21)
                    el.clear()
                    continue
                m = _REF.match(el.get("r") or "")
                if m:
                    r, c = int(m.group(2)) - 1, col_index(m.group(1))
                else:  # cells without an address follow each other along their row
                    parent = el.getparent()
                    pr = parent.get("r", "") if parent is not None else ""
                    r = int(pr) - 1 if pr.isdigit() else rows_seen
                    c = last_col.get(r, -1) + 1
                last_col[r] = c
                row_el = el.getparent()
                if c in hidden_cols or (row_el is not None and row_el.get("hidden") in ("1", "true")):
                    if len(el):
                        hidden += 1
                    el.clear()
                    continue
                value = _cell_value(el, el.get("t"), shared, date_styles, date1904)
                if value is None and el.find(f"{NS}f") is not None:
                    unevaluated.add((r, c))
                if value is not None and not (isinstance(value, str) and not value.strip()):
                    cells[(r, c)] = value
                    if len(cells) > limit:
                        raise ReaderError(f"sheet holds over {limit:,} filled cells, the limit", "", "source_too_large")
                el.clear()
            elif tag == f"{NS}row":
                pr = el.get("r", "")
                rows_seen = int(pr) if pr.isdigit() else rows_seen + 1
                if el.get("hidden") in ("1", "true"):
                    hidden_rows.add(rows_seen - 1)
                last_col.clear()  # cells without an address follow each other within one row only
                el.clear()
                while el.getprevious() is not None:  # rows read are dropped from the tree as it is parsed
                    del el.getparent()[0]
            elif tag == f"{NS}col":
                if el.get("hidden") in ("1", "true") and (el.get("min") or "").isdigit() and (el.get("max") or "").isdigit():
                    hidden_cols.update(range(int(el.get("min")) - 1, min(int(el.get("max")), 16_384)))
                el.clear()
            else:
                parts = (el.get("ref") or "").split(":")
                ms = [_REF.match(p) for p in parts]
                if len(parts) == 2 and ms[0] is not None and ms[1] is not None:
                    a, b = ms[0], ms[1]
                    merged.append((int(a.group(2)) - 1, col_index(a.group(1)), int(b.group(2)) - 1, col_index(b.group(1))))
                el.clear()
    return cells, merged, unevaluated, hidden, hidden_rows, hidden_cols


def _squeeze(indexes: set[int]) -> dict[int, int]:
    """Occupied indexes -> positions in a grid where each run of empty ones is one empty."""
    out: dict[int, int] = {}
    pos, prev = -1, None
    for i in sorted(indexes):
        pos += 1 if prev is None or i == prev + 1 else 2
        out[i] = pos
        prev = i
    return out


def _closed_up(cells: dict[tuple[int, int], object], merged: list[tuple[int, int, int, int]], hidden_rows: set[int],
               hidden_cols: set[int]) -> tuple[dict[tuple[int, int], object], list[tuple[int, int, int, int]],
                                               dict[int, int], dict[int, int]]:
    """The cells with hidden rows and columns taken out and the sheet closed up over them (a hidden row
    between a table's header and its rows must not part them: Male and Total lost their column's name),
    and the way back from each index to the sheet's own."""
    import bisect

    hr, hc = sorted(hidden_rows), sorted(hidden_cols)

    def shift(i: int, hidden: list[int]) -> int:
        return i - bisect.bisect_left(hidden, i)

    out = {(shift(r, hr), shift(c, hc)): v for (r, c), v in cells.items()}
    back_r = {shift(r, hr): r for r, _ in cells}
    back_c = {shift(c, hc): c for _, c in cells}
    moved = [(shift(a, hr), shift(b, hc), shift(c, hr), shift(d, hc)) for a, b, c, d in merged]
    return out, moved, back_r, back_c


def sparse_grid(sheet: str, cells: dict[tuple[int, int], object], merged: list[tuple[int, int, int, int]],
                hidden_rows: set[int] | None = None, hidden_cols: set[int] | None = None) -> list[list[Cell]]:
    """A grid of the cells a sheet holds, addressed as in the sheet, empty runs squeezed to one;
    hidden rows and columns (their cells already left out) closed up, not left as gaps."""
    if not cells:
        return []
    back_r: dict[int, int] = {}
    back_c: dict[int, int] = {}
    if hidden_rows or hidden_cols:
        cells, merged, back_r, back_c = _closed_up(cells, merged, hidden_rows or set(), hidden_cols or set())
    rows = _squeeze({r for r, _ in cells})
    cols = _squeeze({c for _, c in cells})
    # merged header text spreads over the range's cells that exist (numbers are left in place:
    # a merged body cell counts once)
    for r1, c1, r2, c2 in merged:
        first = cells.get((r1, c1))
        if not isinstance(first, str):
            continue
        for r in [r for r in rows if r1 <= r <= r2]:
            for c in [c for c in cols if c1 <= c <= c2]:
                cells.setdefault((r, c), first)
    n_rows, n_cols = max(rows.values()) + 1, max(cols.values()) + 1
    inv_rows = {v: k for k, v in rows.items()}
    inv_cols = {v: k for k, v in cols.items()}
    grid: list[list[Cell]] = []
    for gr in range(n_rows):
        r_at = inv_rows.get(gr)
        row: list[Cell] = []
        for gc in range(n_cols):
            c_at = inv_cols.get(gc)
            value = cells.get((r_at, c_at)) if r_at is not None and c_at is not None else None
            # an empty squeezed row or column is addressed by its neighbour's row/column + 1
            rr = back_r.get(r_at, r_at) if r_at is not None else back_r.get(inv_rows[gr - 1], inv_rows[gr - 1]) + 1
            cc = back_c.get(c_at, c_at) if c_at is not None else back_c.get(inv_cols[gc - 1], inv_cols[gc - 1]) + 1
            row.append(Cell(value, f"{sheet}!{col_letter(cc)}{rr + 1}"))
        grid.append(row)
    return grid


def read_xlsx(path: Path) -> Document:
    doc = Document("xlsx")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReaderError(f"not a readable xlsx workbook ({exc})") from None
    with zf:
        try:
            shared = _shared_strings(zf)
            date_styles = _date_styles(zf)
            date1904 = _date1904(zf)
            sheets = _sheet_paths(zf)
        except ReaderError:
            raise
        except Exception as exc:  # a corrupt part: lxml and zipfile raise many kinds
            raise ReaderError(f"not a readable xlsx workbook ({type(exc).__name__}: {exc})") from None
        budget = MAX_CELLS_PER_FILE
        for name, part, state in sheets:
            if part not in zf.namelist():
                doc.notes.append(ReaderNote("sheet_ignored", name, f"sheet '{name}' has no cells in the file"))
                continue
            with zf.open(part) as fh:
                head = fh.read(4096)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                doc.notes.append(ReaderNote("xml_entities_ignored", name, f"sheet '{name}' declares XML entities (a way to make a reader "
                                            "fetch files or expand text); they were not resolved"))
            try:
                cells, merged, unevaluated, hidden, hidden_rows, hidden_cols = _read_sheet_xml(zf, part, shared, date_styles,
                                                                                               date1904, budget)
            except ReaderError as exc:
                raise ReaderError(f"sheet '{name}': {exc}", name, exc.issue_type) from None
            except Exception as exc:
                raise ReaderError(f"sheet '{name}' is not readable ({type(exc).__name__}: {exc})", name) from None
            budget -= len(cells)
            if state in ("hidden", "veryHidden"):  # what is visible is the answer (issue 18: superseded figures hidden)
                numbers = sum(1 for v in cells.values() if isinstance(v, (int, float)))
                doc.notes.append(ReaderNote("hidden_content", name, f"sheet '{name}' is hidden in the workbook and holds {numbers} "
                                            "number(s): not read (what the force shows is the answer); open it if the visible "
                                            "sheets seem to lack figures") if numbers else
                                 ReaderNote("sheet_ignored", name, f"sheet '{name}' is hidden and holds no figures (lists for a form)"))
                continue
            if hidden:
                doc.notes.append(ReaderNote("hidden_content", name, f"{hidden} filled cell(s) in hidden rows or columns of '{name}' "
                                            "were not read (what the force shows is the answer; hidden figures are often superseded)"))
            if unevaluated:
                doc.unevaluated |= {f"{name}!{col_letter(c)}{r + 1}" for r, c in unevaluated}
            doc.grids.append(NamedGrid(name, sparse_grid(name, cells, merged, hidden_rows, hidden_cols)))
    return doc


def _calamine_value(v: object) -> object:
    if v == "" or v is None:
        return None
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    if isinstance(v, (date, datetime)) and not isinstance(v, datetime):
        return datetime(v.year, v.month, v.day)
    if isinstance(v, (time, timedelta)):
        return str(v)
    return v


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def _ods_hidden(path: Path) -> dict[str, tuple[set[int], set[int]]]:
    """Per sheet of an OpenDocument workbook, its hidden rows and columns (table:visibility collapse or
    filter), by index as calamine gives the rows. Read from content.xml with the zip's own limits."""
    out: dict[str, tuple[set[int], set[int]]] = {}
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return out  # calamine has read it, or said why not
    with zf:
        if "content.xml" not in zf.namelist():
            return out
        import lxml.etree as ET

        with zf.open("content.xml") as fh:
            sheet, row, col = "", 0, 0
            rows: set[int] = set()
            cols: set[int] = set()
            for event, el in ET.iterparse(_Capped(fh, MAX_SHEET_XML_BYTES, "content.xml"), events=("start", "end"),
                                          resolve_entities=False, no_network=True, huge_tree=False):
                tag = el.tag
                if event == "start" and tag == f"{_ODS_TABLE}table":
                    sheet, row, col, rows, cols = el.get(f"{_ODS_TABLE}name") or "", 0, 0, set(), set()
                elif event == "start" and tag == f"{_ODS_TABLE}table-column":
                    n = min(int(el.get(f"{_ODS_TABLE}number-columns-repeated") or 1), 16_384)
                    if el.get(f"{_ODS_TABLE}visibility") in ("collapse", "filter"):
                        cols.update(range(col, col + n))
                    col += n
                elif event == "end" and tag == f"{_ODS_TABLE}table-row":
                    n = min(int(el.get(f"{_ODS_TABLE}number-rows-repeated") or 1), 1_048_576)
                    if el.get(f"{_ODS_TABLE}visibility") in ("collapse", "filter") and n < 100_000:
                        rows.update(range(row, row + n))
                    row += n
                    el.clear()
                elif event == "end" and tag == f"{_ODS_TABLE}table":
                    if rows or cols:
                        out[sheet] = (rows, cols)
                    el.clear()
    return out


def read_calamine(path: Path, fmt: str) -> Document:
    """xls and ods (and xlsx when asked): calamine reads them directly, far faster than openpyxl."""
    import python_calamine as pc

    doc = Document(fmt)
    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError:
        raise ReaderError("the workbook is protected by a password; ask the force for an unprotected copy") from None
    except Exception as exc:  # calamine raises its own errors for corrupt files
        raise ReaderError(f"not a readable {fmt} workbook ({type(exc).__name__}: {str(exc)[:200]})") from None
    budget = MAX_CELLS_PER_FILE
    # what is visible is the answer (issue 18): hidden sheets (xls and ods), hidden rows and columns (ods)
    hidden_sheets = {m.name for m in getattr(wb, "sheets_metadata", []) or [] if "Visible" not in str(m.visible)}
    hidden_parts = _ods_hidden(path) if fmt == "ods" else {}
    for name in wb.sheet_names:
        try:
            sheet = wb.get_sheet_by_name(name)
        except Exception as exc:
            raise ReaderError(f"sheet '{name}' is not readable ({type(exc).__name__})", name) from None
        area = sheet.total_height * sheet.total_width
        if area > MAX_DENSE_AREA:
            raise ReaderError(f"sheet '{name}' spans {sheet.total_height:,} rows x {sheet.total_width:,} columns, over the "
                              f"{MAX_DENSE_AREA:,}-cell limit for an old-format or OpenDocument sheet", name, "source_too_large")
        rows = sheet.to_python(skip_empty_area=False)
        cells: dict[tuple[int, int], object] = {}
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                value = _calamine_value(v)
                if value is not None and not (isinstance(value, str) and not value.strip()):
                    cells[(r, c)] = value
        if len(cells) > min(MAX_CELLS_PER_SHEET, budget):
            raise ReaderError(f"sheet '{name}' holds over {MAX_CELLS_PER_SHEET:,} filled cells, the limit", name, "source_too_large")
        budget -= len(cells)
        if name in hidden_sheets:
            numbers = sum(1 for v in cells.values() if isinstance(v, (int, float)) and not isinstance(v, bool))
            doc.notes.append(ReaderNote("hidden_content", name, f"sheet '{name}' is hidden in the workbook and holds {numbers} "
                                        "number(s): not read (what the force shows is the answer)") if numbers else
                             ReaderNote("sheet_ignored", name, f"sheet '{name}' is hidden and holds no figures (lists for a form)"))
            continue
        hidden_rows, hidden_cols = hidden_parts.get(name, (set(), set()))
        unseen = [k for k in cells if k[0] in hidden_rows or k[1] in hidden_cols]
        for k in unseen:
            del cells[k]
        if unseen:
            doc.notes.append(ReaderNote("hidden_content", name, f"{len(unseen)} filled cell(s) in hidden rows or columns of '{name}' "
                                        "were not read (what the force shows is the answer; hidden figures are often superseded)"))
        merged = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
        doc.grids.append(NamedGrid(name, sparse_grid(name, cells, merged, hidden_rows, hidden_cols)))
    return doc
