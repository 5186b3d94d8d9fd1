"""Tables on a grid: cross-tabs and one-way tables under letterhead rows, several blocks
on one sheet, one sheet per question, and time-wide tables (a column per period).

Layout families 1, 2 and 4 of the ingest issue share this reshaping; the readers in
crosstab.py and timewide.py differ only in what they detect.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.periods import parse_period
from ingest.readers.base import Cell, Label, NamedGrid, RawFigure, ReaderNote, ReadResult, is_blank
from ingest.readers.grids import trim
from ingest.values import parse_value

MAX_LABEL_COLUMNS = 2
# Sheets that hold guidance, not answers (the kit's Instructions and Lists sheets; covers).
NON_DATA_SHEETS = {"instructions", "notes", "cover", "contents", "lists", "readme", "read me", "guidance"}


def _is_value(v: object) -> bool:
    """A body cell: a number or a marker (*, <5, n/a...), not a label."""
    if is_blank(v):
        return False
    if isinstance(v, bool):
        return False
    if isinstance(v, (int, float)):
        return True
    return parse_value(v).status not in ("unparsed", "empty")


def _is_year_header(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer() and 2000 <= v <= 2100


def _non_blank(row: list[Cell]) -> list[Cell]:
    return [c for c in row if not is_blank(c.value)]


@dataclass
class Table:
    title: str
    header_rows: list[list[Cell]]
    body_rows: list[list[Cell]]
    first_row_location: str


def split_tables(grid: list[list[Cell]]) -> list[Table]:
    """Runs of non-blank rows; inside each, title lines, header rows, body rows, notes."""
    # Rows are kept whole (a blank cell inside a table is a figure's place); the table's
    # width is where its rows' last non-blank cells end (spreadsheets pad rows to the used range).
    rows = grid
    tables: list[Table] = []
    pending_title: list[str] = []
    i = 0
    while i < len(rows):
        if not _non_blank(rows[i]):
            i += 1
            continue
        run = []
        while i < len(rows) and _non_blank(rows[i]):
            run.append(rows[i])
            i += 1
        # leading single-cell rows are titles (letterhead, question text)
        j = 0
        while j < len(run) and len(_non_blank(run[j])) == 1:
            pending_title.append(str(_non_blank(run[j])[0].value).strip())
            j += 1
        body = run[j:]
        # trailing single-cell rows are notes under the table
        k = len(body)
        while k > 0 and len(_non_blank(body[k - 1])) == 1:
            k -= 1
        body = body[:k]
        if not body or not any(_is_value(c.value) for r in body for c in r[1:]):
            # a block without figures (cover text, a list of notes): it may title the next one
            pending_title.extend(" ".join(str(c.value) for c in _non_blank(r)) for r in body)
            continue
        header_rows: list[list[Cell]] = []
        while body:
            first = body[0]
            data = [c for c in first[1:] if not is_blank(c.value)]
            if data and all((not _is_value(c.value)) or _is_year_header(c.value) for c in data) and len(body) > 1:
                header_rows.append(first)
                body = body[1:]
            else:
                break
        title = " / ".join(t for t in pending_title[-2:] if t)
        tables.append(Table(title, header_rows, body, body[0][0].location if body and body[0] else ""))
        pending_title = []
    return tables


def _label_columns(table: Table) -> int:
    """How many leading columns hold row labels (text in body rows)."""
    width = max(_width(r) for r in table.body_rows)
    n = 0
    for c in range(min(MAX_LABEL_COLUMNS, width)):
        cells = [r[c].value for r in table.body_rows if c < len(r)]
        if any(_is_value(v) and not isinstance(v, str) for v in cells):
            break
        if all(is_blank(v) or not _is_value(v) or (isinstance(v, str) and not v.strip().isdigit()) for v in cells):
            n = c + 1
        else:
            break
    return max(n, 1)


def _width(row: list[Cell]) -> int:
    return len(trim([row])[0])


def table_figures(table: Table, axis_prefix: str) -> list[RawFigure]:
    n_label = _label_columns(table)
    width = max(_width(r) for r in table.body_rows + table.header_rows)
    # row labels; a merged or blank label cell continues the one above (vertical merge)
    row_labels: list[list[str]] = []
    carry = [""] * n_label
    for r in table.body_rows:
        labels = []
        for c in range(n_label):
            v = r[c].value if c < len(r) else None
            if not is_blank(v):
                carry[c] = str(v).strip()
                for d in range(c + 1, n_label):
                    carry[d] = ""
            labels.append(carry[c] if (c < n_label - 1 or not is_blank(v)) else "")
        row_labels.append(labels)
    # column labels: each header row with more than one distinct label over the data columns
    # is an axis; a row with a single repeated label (a merged "Age band" title) is context
    col_axes: list[list[str]] = []
    for h in table.header_rows:
        header: list[str] = []
        last = ""
        for c in range(n_label, width):
            v = h[c].value if c < len(h) else None
            if not is_blank(v):
                last = str(int(float(str(v))) if _is_year_header(v) else v).strip()
            header.append(last)
        if len({lab for lab in header if lab}) > 1 or len(table.header_rows) == 1:
            col_axes.append(header)
    figures: list[RawFigure] = []
    for ri, r in enumerate(table.body_rows):
        row_lab = row_labels[ri]
        if not any(row_lab) and n_label:
            continue
        for c in range(n_label, width):
            cell = r[c] if c < len(r) else None
            cell_labels = [Label(f"{axis_prefix}.rows{k}", row_lab[k]) for k in range(n_label) if row_lab[k]]
            for k, axis in enumerate(col_axes):
                if axis[c - n_label]:
                    cell_labels.append(Label(f"{axis_prefix}.cols{k}", axis[c - n_label]))
            if cell is None:
                continue
            if is_blank(cell.value) and (not col_axes or not any(axis[c - n_label] for axis in col_axes)):
                continue
            figures.append(RawFigure(cell.value, cell.location, cell_labels, block=table.title))
    return figures


def read_grids(grids: list[NamedGrid]) -> ReadResult:
    result = ReadResult()
    for g in grids:
        if g.name.strip().casefold() in NON_DATA_SHEETS:
            result.notes.append(ReaderNote("sheet_ignored", g.name, f"'{g.name}' is a guidance sheet, not an answer"))
            continue
        tables = split_tables(g.grid)
        if not tables:
            result.notes.append(ReaderNote("sheet_ignored", g.name, f"'{g.name}' holds no table of figures (cover or notes)"))
            continue
        for ti, t in enumerate(tables):
            if not t.title:
                t.title = g.name
            result.figures.extend(table_figures(t, f"{g.name}#{ti + 1}"))
    return result


def has_period_header(grids: list[NamedGrid]) -> bool:
    for g in grids:
        for t in split_tables(g.grid):
            for h in t.header_rows:
                labels = [c.value for c in h[1:] if not is_blank(c.value)]
                if sum(1 for v in labels if _is_year_header(v) or parse_period(str(v)) is not None) >= 2:
                    return True
    return False


def has_table(grids: list[NamedGrid]) -> bool:
    return any(split_tables(g.grid) for g in grids)
