"""Tables on a grid, for every format: letterhead and title lines, header rows, row-label
columns, body cells, notes under the table; several tables stacked or side by side.

A `Table` is stage 1's answer to "what is printed where": each body cell with its row and
column labels (`labelled_cells`, what `python -m ingest inspect` prints). It does not say
what the figures mean; the interpretations in `ingest/interpret/readings.py` do.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from core.markers import DASHES
from ingest.read.base import Cell, NamedGrid, ProseLine, is_blank
from ingest.vocabulary.labels import is_category_label, is_total_label
from ingest.vocabulary.periods import YEAR_ALONE, parse_period
from ingest.vocabulary.values import MARKED_LABEL, parse_value

MAX_LABEL_COLUMNS = 4
# Sheets that hold guidance, not answers (the kit's Instructions and Lists sheets; covers).
NON_DATA_SHEETS = {"instructions", "notes", "cover", "contents", "lists", "readme", "read me", "guidance"}


def is_value(v: object) -> bool:
    """A body cell: a number or a marker (*, <5, n/a, s.12...), not a label."""
    if is_blank(v) or isinstance(v, (bool, datetime, date)):
        return False
    if isinstance(v, (int, float)):
        return True
    return parse_value(v).status not in ("unparsed", "empty")


def label_text(v: object) -> str:
    """A header or row-label cell as text: a year stays `2023`, a date cell that stands for a
    month (the 1st or the last day) reads `Apr 2023` (monthly tables with date headers)."""
    if isinstance(v, (datetime, date)):
        d = v.date() if isinstance(v, datetime) else v
        if d.day == 1 or d.day == calendar.monthrange(d.year, d.month)[1]:
            return f"{calendar.month_abbr[d.month]} {d.year}"
        return d.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return " ".join(str(v).split())


def _non_blank(row: list[Cell]) -> list[Cell]:
    return [c for c in row if not is_blank(c.value)]


def _width(row: list[Cell]) -> int:
    end = len(row)
    while end and is_blank(row[end - 1].value):
        end -= 1
    return end


@dataclass
class LabelledCell:
    table: str
    location: str
    title: str
    row_label: str
    column_label: str
    value_raw: str
    value: float | None
    status: str


@dataclass
class Table:
    name: str  # "Sheet1#1", "page 2 table 1"
    title: str
    rows: list[list[Cell]]  # header rows first, then body rows; all padded to the table's width
    n_header: int
    n_label: int
    notes: list[ProseLine] = field(default_factory=list)
    review: str = ""  # a doubt from stage 1 (a PDF table's wrapped labels placed by a guess)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    @property
    def body(self) -> list[list[Cell]]:
        return self.rows[self.n_header:]

    def column_labels(self, n_header: int | None = None, n_label: int | None = None) -> list[list[str]]:
        """For each data column, its header labels from the top level down. Upper header rows
        carry a group label right over blank cells (a group header written once); the lowest
        row does not (a blank there is a column without a label)."""
        nh = self.n_header if n_header is None else n_header
        nl = self.n_label if n_label is None else n_label
        levels: list[list[str]] = []
        for hi in range(nh):
            row = self.rows[hi]
            out: list[str] = []
            last = ""
            for c in range(nl, self.width):
                v = row[c].value if c < len(row) else None
                if not is_blank(v):
                    last = label_text(v)
                    out.append(last)
                else:
                    out.append(last if hi < nh - 1 else "")
            levels.append(out)
        # a header row with one label repeated over every column (a merged "Age band" title)
        # says what the axis is, not which column: keep it only when it is the only level
        kept = [lv for lv in levels if len({x for x in lv if x}) > 1] or levels[-1:]
        return [[lv[i] for lv in kept] for i in range(self.width - nl)] if kept else [[] for _ in range(self.width - nl)]

    def row_labels(self, n_header: int | None = None, n_label: int | None = None) -> list[list[str]]:
        """For each body row, its labels from the leftmost column; a blank label cell in an outer
        column continues the one above (a vertical merge)."""
        nh = self.n_header if n_header is None else n_header
        nl = self.n_label if n_label is None else n_label
        out: list[list[str]] = []
        carry = [""] * nl
        for r in self.rows[nh:]:
            labels = []
            for c in range(nl):
                v = r[c].value if c < len(r) else None
                if not is_blank(v):
                    carry[c] = label_text(v)
                    for d in range(c + 1, nl):
                        carry[d] = ""
                labels.append(carry[c] if (c < nl - 1 or not is_blank(v)) else "")
            out.append(labels)
        return out

    def labelled_cells(self, zeros: set[str] | None = None) -> list[LabelledCell]:
        """Each body cell with its labels; `zeros`: cells printed '-' that stand for 0."""
        cols = self.column_labels()
        rows = self.row_labels()
        out = []
        zeros = dash_zeros(self) if zeros is None else zeros
        for ri, r in enumerate(self.body):
            for c in range(self.n_label, self.width):
                cell = r[c]
                if is_blank(cell.value) and not any(cols[c - self.n_label]):
                    continue
                pv = parse_value(cell.value)
                status = {"empty": "not_provided", "unparsed": "text"}.get(pv.status, pv.status)
                value = pv.value
                if cell.location in zeros:
                    status, value = "reported", 0.0
                out.append(LabelledCell(
                    self.name, cell.location, self.title, " / ".join(x for x in rows[ri] if x),
                    " / ".join(x for x in cols[c - self.n_label] if x), "" if cell.value is None else label_text(cell.value),
                    value, status))
        return out


def _year_of(v: object) -> int | None:
    text = label_text(v) if not isinstance(v, str) else v.strip()
    marked = MARKED_LABEL.match(text)  # "2024*": a year with its footnote mark
    text = marked.group("label") if marked else text
    return int(text) if re.fullmatch(r"20\d\d", text) else None


def years_across(cells: list[Cell]) -> bool:
    """A row of consecutive years (2019, 2020, ... as numbers or text) heads columns; it is not
    a row of counts (Humberside 006753 heads its columns 2019 .. 2024)."""
    years = [_year_of(c.value) for c in cells if not is_blank(c.value)]
    if len(years) < 2 or any(y is None for y in years):
        return False
    steps = {b - a for a, b in zip(years, years[1:], strict=False)}  # type: ignore[operator]
    return steps in ({1}, {-1})


MAX_HEADER_ROWS = 4


def _labels_with_a_marker(cells: list[Cell]) -> bool:
    """A row of column names in which one reads like a marker ("Female | Male | Under 13 | 13-17":
    "Under 13" is also how a small number is withheld): no number in it, and mostly words."""
    words = [c for c in cells if not is_value(c.value)]
    # two names, or one beside the marker-like one ("offences | under 13": the second line of wrapped headings)
    return len(words) >= max(1, min(2, len(cells) - 1)) and 2 * len(words) >= len(cells) and \
        not any(isinstance(c.value, (int, float)) or parse_value(c.value).status == "reported" for c in cells)


def _header_count(body: list[list[Cell]]) -> int:
    if not any(is_value(c.value) for r in body for c in r[1:]):
        return 1  # a table of words (a record listing): its first row names the columns
    n = 0
    while n < min(len(body) - 1, MAX_HEADER_ROWS):
        first = body[n]
        data = [c for c in first[1:] if not is_blank(c.value)]
        if data and (all(not is_value(c.value) for c in data) or years_across(data) or _labels_with_a_marker(data)):
            n += 1
        else:
            break
    return n


def _one_year(cells: list[object]) -> bool:
    """Three rows or more, every one the same year."""
    years = {label_text(v) for v in cells}
    return len(cells) >= 3 and len(years) == 1 and bool(YEAR_ALONE.fullmatch(next(iter(years))))


BOUND_WORDS = re.compile(r"(?:under|less than|fewer than|below|younger than)\s+(\d+)$", re.I)


def _ranks(cells: list[object]) -> bool:
    """A column numbering the rows 1, 2, 3 ... (blanks between allowed): ranks, not figures."""
    numbers = [label_text(v) for v in cells if not is_blank(v)]
    return len(numbers) >= 3 and numbers == [str(i) for i in range(1, len(numbers) + 1)]


def _label_columns(body: list[list[Cell]], width: int) -> int:
    """How many leading columns hold row labels (text, not figures, in body rows)."""
    n = 0
    for c in range(min(MAX_LABEL_COLUMNS, max(width - 1, 0))):
        cells = [r[c].value for r in body if c < len(r)]
        if c == 0 and _one_year(cells):
            n = 1  # a date column that holds one year on every row (a census extract's "2011"): labels follow it
            continue
        if c == 0 and _ranks(cells) and width > 2 and \
                all(not is_value(r[1].value) for r in body if len(r) > 1 and not is_blank(r[1].value)) and \
                any(is_value(x.value) for r in body for x in r[2:]):
            # rank numbers beside the names they rank, figures after them (the LGA's table of the 20 largest
            # providers): labels. A record listing's line numbers before its words stay its rows' labels (Hertfordshire)
            n = 1
            continue
        if any(is_value(v) for v in cells if not isinstance(v, str) or v.strip().replace(",", "").isdigit()):
            break
        texts = [v for v in cells if not is_blank(v) and not is_value(v)]
        # "Under 13" is an age band among labels, though alone it reads as a suppressed "<13": a column of age
        # bands printed once for a group of rows (blanks below) stayed unread as labels, its figures lost. A bound
        # over 10 is no suppression threshold (they are 5 or 10); one of 10 or less is a label only among labels
        bands = [v for v in cells if isinstance(v, str) and (m := BOUND_WORDS.match(v.strip())) and (int(m[1]) > 10 or texts)]
        if (texts or bands) and all(is_blank(v) or not is_value(v) or v in bands for v in cells):
            n = c + 1
        else:
            break
    return max(n, 1) if width > 1 else 0


def _split_columns(run: list[list[Cell]]) -> list[list[list[Cell]]]:
    """Tables side by side: split a run of rows at columns blank in every row, where the part
    to the right has row labels of its own (text in its first column)."""
    width = max((len(r) for r in run), default=0)
    blank_cols = [c for c in range(width) if all(c >= len(r) or is_blank(r[c].value) for r in run)]
    cuts = []
    for c in blank_cols:
        right_first = next((k for k in range(c + 1, width) if k not in blank_cols), None)
        if right_first is None or not any(right_first < len(r) for r in run):
            continue
        left_has_values = any(is_value(r[k].value) for r in run for k in range(0, c) if k < len(r))
        # the right part labels its own rows: text in its first column beside its figures (a blank column
        # between two groups of one table's columns is no cut: Missing persons 2019/20 puts one between
        # Incidents and Individuals, whose first column holds figures)
        labelled_rows = sum(1 for r in run if right_first < len(r) and isinstance(r[right_first].value, str)
                            and not is_value(r[right_first].value) and any(is_value(x.value) for x in r[right_first + 1:]))
        if left_has_values and labelled_rows >= 1:
            cuts.append(c)
    if not cuts:
        return [run]
    parts, start = [], 0
    for c in cuts + [width]:
        part = [r[start:c] for r in run]
        if any(_non_blank(r) for r in part):
            parts.append(part)
        start = c + 1
    return parts


def _text_table(body: list[list[Cell]]) -> bool:
    """A table of words (a record listing whose only number is its row number): three or more
    rows that fill the same two or more columns."""
    if len(body) < 3:
        return False
    filled = [tuple(i for i, c in enumerate(r) if not is_blank(c.value)) for r in body]
    common = max(set(filled), key=filled.count)
    return len(common) >= 2 and filled.count(common) >= 0.6 * len(body)


def _empty_body_row(row: list[Cell], above: list[list[Cell]]) -> bool:
    """A last row holding only its label ("Unknown Age" with every cell blank) is a row of the table
    whose figures were left blank, not a note below it: its one cell is in the label column the rows
    above use, and it is a category the vocabulary knows (a note is a sentence)."""
    cell = _non_blank(row)[0]
    if row.index(cell) != 0 or not above:
        return False
    if not any(not is_blank(r[0].value) and len(_non_blank(r)) > 1 for r in above):
        return False
    return is_category_label(label_text(cell.value))


# a note (to the table above, or a general one) is never a table's title: "Note: figures for 2022/23 are
# provisional" over the next table would give it a period, "* denotes 1 to 4" a title of nothing
NOTE_LINE = re.compile(r"^\s*(?:notes?\b|n\.\s?b\.?|please note\b|sources?\s*:|\*|[\u00b9\u00b2\u00b3\u2070-\u2079]|\(\d+\)\s)", re.I)
# a workbook's navigation link, never a table's title (the Home Office's "Back to | Contents" over Table B2)
NAVIGATION = re.compile(r"^\s*(back to|return to|go to)?\s*(the )?(contents|index|home|top|menu)( page)?\s*$", re.I)


def _title_line(row: list[Cell], part: list[list[Cell]]) -> bool:
    """A line above a table, not its header: one cell; or words in the first two columns only over a
    table wider than that (a link pair "Back to | Contents" above a table of eleven columns)."""
    cells = [(i, c) for i, c in enumerate(row) if not is_blank(c.value)]
    if len(cells) == 1:
        return True
    texts = {label_text(c.value) for _, c in cells}
    if cells[0][0] == 0 and len(texts) == 1 and isinstance(cells[0][1].value, str) and not is_value(cells[0][1].value):
        return True  # a title merged across the sheet from its first column (its text spread over the merge)
    if len(cells) != 2 or any(i > 1 or not isinstance(c.value, str) or is_value(c.value) for i, c in cells):
        return False
    return max(len(_non_blank(r)) for r in part) > 3


def _headings_only(rows: list[list[Cell]]) -> bool:
    """A block of column headings and nothing else: a few rows whose cells right of the first are
    words (or a row of years), at least one row naming two columns or more."""
    if not rows or len(rows) > MAX_HEADER_ROWS:
        return False
    for r in rows:
        cells = _non_blank(r[1:])
        if cells and not (all(not is_value(c.value) for c in cells) or years_across(cells)):
            return False
    return any(len(_non_blank(r[1:])) >= 2 for r in rows)


def _fuller(heading: object, over_figures: object) -> bool:
    """The heading column's cell says more: the figures' column has none there, or a part of it."""
    a, b = heading, over_figures
    return not is_blank(a) and (is_blank(b) or (label_text(b) in label_text(a) and label_text(b) != label_text(a)))


def _agrees(heading: object, over_figures: object) -> bool:
    return is_blank(heading) or is_blank(over_figures) or label_text(over_figures) in label_text(heading)


def join_heading_columns(rows: list[list[Cell]]) -> list[list[Cell]]:
    """A column holding only headings beside a column holding the figures under no heading is one
    column: a PDF's heading set flush left over figures set flush right ("Number of / offences" over
    35, 21, 65) came out as two columns, the figures' heading lost. The heading's cells fill the
    figures' column where it has none (or the same words); the heading-only column goes."""
    # the first row with a number in it (a heading that reads like a marker, "under 13", is no figure)
    first_fig = next((k for k, r in enumerate(rows) if any(parse_value(c.value).status == "reported" for c in r[1:])), None)
    if not first_fig:
        return rows
    width = max(len(r) for r in rows)
    grid = [r + [Cell(None, "")] * (width - len(r)) for r in rows]
    i = 1
    while i < width:
        head = [grid[h][i] for h in range(first_fig)]
        if all(is_blank(c.value) for c in head) or any(not is_blank(r[i].value) for r in grid[first_fig:]):
            i += 1
            continue
        for j in (i + 1, i - 1):
            if not 1 <= j < width or not any(is_value(r[j].value) for r in grid[first_fig:]):
                continue
            pairs = [(grid[h][i].value, grid[h][j].value) for h in range(first_fig)]
            if all(_agrees(a, b) for a, b in pairs) and any(_fuller(a, b) for a, b in pairs):
                for h, (a, b) in enumerate(pairs):
                    if _fuller(a, b):
                        grid[h][j] = grid[h][i]
                grid = [r[:i] + r[i + 1:] for r in grid]
                width -= 1
                break
        else:
            i += 1
    return grid


def _label_key(text: str) -> str:
    """A row label as compared between row groups: "2010-2014:" and "2010-2014" are one label."""
    return " ".join(text.rstrip().rstrip(":").split()).casefold()


def row_groups(rows: list[list[Cell]], n_header: int) -> list[list[Cell]] | None:
    """Row groups named in the label column: a group's name on a line of its own with no figures
    ("Female" over Under 13, 13-15; then "Male" over the same bands), the same labels repeated under
    each. The name becomes an outer label column (blank below its first row, as a vertical merge)
    and its own line goes. Returns the table's rows with that column, or None when the label column
    holds no such groups.

    A PDF may print a later group's name on the line of its first row ("Casualties aged 20-24 2010",
    after "Casualties aged 16-19" on a line of its own over 2010 ... 2014) or of the last row of the
    group before ("Total 2010-2014 Casualties aged 20-24" over 2010): the name is split off where the
    rest is the first label of a group, or a label the other groups end with (the Welsh Government's
    young road casualties 2014 tables). Every group must start with the first group's first label,
    and every group must get a name, or nothing changes: a row left blank in one place is no group."""
    head, body = rows[:n_header], rows[n_header:]

    def label(r: list[Cell]) -> str:
        return label_text(r[0].value) if r and not is_blank(r[0].value) else ""

    keys = [_label_key(label(r)) for r in body]
    filled = [any(is_value(c.value) for c in r[1:]) for r in body]
    # a row whose figures were all left blank is no group's name when its label has figures elsewhere
    # ("11 and under" blank under Unknown, with figures under Female) or is printed more than once (a band
    # left blank in every group): a group's name is printed once
    with_figures = {k for k, f in zip(keys, filled, strict=True) if f}
    printed = Counter(keys)

    def an_item(i: int) -> bool:  # a group's row: figures, or a label the groups share
        return filled[i] or keys[i] in with_figures or printed[keys[i]] > 1

    def heading(i: int) -> bool:
        return bool(keys[i]) and all(is_blank(c.value) for c in body[i][1:]) and keys[i] not in with_figures and \
            printed[keys[i]] == 1 and i + 1 < len(body) and an_item(i + 1)

    first = next((i for i in range(len(body)) if heading(i)), None)
    if first is None or not label(body[first + 1]):
        return None
    first_item = keys[first + 1]
    n_words = len(first_item.split())
    # each group: the index of its first row, and its name's cell (None while unknown)
    starts: list[tuple[int, Cell | None]] = []
    split_items: dict[int, str] = {}
    dropped: set[int] = set()
    pending: Cell | None = None
    for j in range(first, len(body)):
        text = label(body[j])
        if heading(j):
            if pending is not None:
                return None  # two names with no rows between them
            pending = body[j][0]
            dropped.add(j)
            continue
        words = text.split()
        if pending is not None:
            if _label_key(text) != first_item:
                return None  # a group that does not start as the first one did
            starts.append((j, pending))
            pending = None
        elif j > first + 1 and _label_key(text) == first_item:
            starts.append((j, None))  # its name is at the end of the row above
        elif len(words) > n_words and _label_key(" ".join(words[-n_words:])) == first_item:
            starts.append((j, Cell(" ".join(words[:-n_words]), body[j][0].location, body[j][0].box)))
            split_items[j] = " ".join(words[-n_words:])
    if pending is not None or len(starts) < 2:
        return None
    grouped_labels = set(keys[first + 1:])
    if any(k and k in grouped_labels for k in keys[:first]):
        # rows above the first group that repeat its labels: a group whose name was lost (taken for the
        # table's title, its header row left blank) would be read as nobody's
        return None
    start_rows = {j for j, _ in starts}
    known = {keys[j] for j in range(first, len(body)) if j not in dropped and j not in start_rows and j + 1 not in start_rows}
    named: dict[int, Cell] = {}
    for j, cell in starts:
        if cell is not None:
            named[j] = cell
            continue
        above = label(body[j - 1]).split()
        cut = next((k for k in range(len(above) - 1, 0, -1) if _label_key(" ".join(above[:k])) in known), None)
        if j - 1 in start_rows or cut is None:
            return None  # a group whose name cannot be told from its rows
        at = body[j - 1][0]
        named[j] = Cell(" ".join(above[cut:]), at.location, at.box)
        split_items[j - 1] = " ".join(above[:cut])
    out = [[Cell(None, "")] + r for r in head]
    for j, r in enumerate(body):
        if j in dropped:
            continue
        item = r[0] if j not in split_items else Cell(split_items[j], r[0].location, r[0].box)
        out.append([named.get(j, Cell(None, ""))] + [item] + r[1:])
    return out


def _sheet_period(g: NamedGrid) -> str:
    """A workbook sheet named for its period ("2022-23", "2022_23", "FY 22-23": a sheet name cannot hold
    '/'), as the period it reads: the title of its tables, as a heading over them would be. Two-digit
    years one apart are a financial year in a sheet's name."""
    first = next((c for r in g.grid for c in r if c.location), None)
    if first is None or "!" not in first.location:
        return ""
    name = " ".join(g.name.replace("_", "/").split())
    short = re.fullmatch(r"(?:fy\s*)?(\d{2})\s*[-/]\s*(\d{2})", name, re.I)
    if short and (int(short[2]) - int(short[1])) % 100 == 1:
        name = f"20{short[1]}/{short[2]}"
    return name if parse_period(name) is not None else ""


def _part_at_repeated_headings(rows: list[list[Cell]]) -> list[list[Cell]]:
    """A blank row put before a table's headings printed again under a title of their own, in a run of
    rows with no blank between (a CSV holding one table a year, "2022/23" / "Victims by gender" /
    "Gender,Number of offences" and again for 2023/24, was read as one table: the second year's figures
    clashed with the first's). Headings repeated with no title line above them (a table carried over a
    page) stay one table."""
    out: list[list[Cell]] = []
    heading: tuple[str, ...] | None = None
    for row in rows:
        cells = _non_blank(row)
        if not cells:
            heading = None
        elif len(cells) > 1 and all(isinstance(c.value, str) for c in cells):
            key = tuple(label_text(c.value) for c in cells)
            if heading is None:
                heading = key
            elif key == heading:
                k = len(out)
                while k > 0 and len(_non_blank(out[k - 1])) == 1:
                    k -= 1
                if k < len(out) and k > 0 and _non_blank(out[k - 1]):  # title lines above it, rows of the last table above them
                    out.insert(k, [])
        elif len(cells) > 1 and heading is None:
            heading = ()  # figures before any heading: no heading to repeat
        out.append(row)
    return out


def split_tables(g: NamedGrid) -> tuple[list[Table], list[ProseLine]]:
    """Runs of non-blank rows; inside each: title lines, header rows, body rows, notes.
    Returns the tables and the lines of text around them (titles, notes, statements)."""
    rows = _part_at_repeated_headings(g.grid)
    tables: list[Table] = []
    prose: list[ProseLine] = []
    pending_title: list[str] = [t for t in (_sheet_period(g), g.title) if t]
    # column headings printed once over blocks of figures below them, each block parted from the
    # last by a blank row and a group's name (the ONS construction tables: years and half-years at
    # the top, then NORTH EAST, NORTH WEST ... each a block of figures without headings)
    carried: list[list[Cell]] | None = None
    carried_at: tuple[int, Table] | None = None  # where the headings would stand as a table of their own
    carried_used = False
    fresh: tuple[list[list[Cell]], list[str]] | None = None  # upper headings without figures, just above
    i = 0
    while i < len(rows):
        if not _non_blank(rows[i]):
            i += 1
            continue
        run = []
        while i < len(rows) and _non_blank(rows[i]):
            run.append(rows[i])
            i += 1
        # title lines over the whole run title every table side by side below them
        while run and len(_non_blank(run[0])) == 1:
            cell = _non_blank(run[0])[0]
            if not NOTE_LINE.match(label_text(cell.value)):
                pending_title.append(label_text(cell.value))
            prose.append(ProseLine(cell.location, label_text(cell.value)))
            run = run[1:]
        shared_title = list(pending_title)
        for part in _split_columns(run):
            # a part of tables side by side starts from the titles over all of them, not from its left
            # neighbour's (a monthly table printed in two halves, one year each, headed 2022/23 and 2023/24)
            pending_title = list(shared_title)
            while part and not _non_blank(part[0]):
                part = part[1:]
            # leading title lines (letterhead, question text, a "Back to | Contents" link) are titles
            j = 0
            while j < len(part) and _title_line(part[j], part):
                text = " ".join(dict.fromkeys(label_text(c.value) for c in _non_blank(part[j])))
                if not NAVIGATION.match(text) and not NOTE_LINE.match(text):
                    pending_title.append(text)
                prose.append(ProseLine(_non_blank(part[j])[0].location, text))
                j += 1
            body = part[j:]
            k = len(body)
            while k > 0 and len(_non_blank(body[k - 1])) == 1 and not _empty_body_row(body[k - 1], body[:k - 1]):
                k -= 1
            notes = [ProseLine(_non_blank(r)[0].location, label_text(_non_blank(r)[0].value)) for r in body[k:]]
            prose.extend(notes)
            body = body[:k]
            if not body or not (any(is_value(c.value) for r in body for c in r[1:]) or _text_table(body)):
                # a block without figures (cover text, a list): it may title the next one, or be the upper
                # headings of the next one, parted from it by a blank row (the Home Office workforce tables:
                # "As at: | Change in 12 months | Change in 6 months" over dates, number, %, number, %)
                fresh = ([list(r) for r in body], [" ".join(label_text(c.value) for c in _non_blank(r)) for r in body]) \
                    if body and _headings_only(body) else None
                for r in body:
                    text = " ".join(label_text(c.value) for c in _non_blank(r))
                    if not NOTE_LINE.match(text):
                        pending_title.append(text)
                    prose.append(ProseLine(_non_blank(r)[0].location, text))
                continue
            body = join_heading_columns(body)
            width = max(_width(r) for r in body)
            body = [r[:width] + [Cell(None, "")] * (width - len(r[:width])) for r in body]
            if _headings_only(body):
                if carried_at is not None and not carried_used:
                    tables.insert(carried_at[0], carried_at[1])
                carried, carried_used = body, False
                carried_at = (len(tables), Table("", " / ".join(t for t in pending_title[-2:] if t) or g.name, body,
                                                  _header_count(body), _label_columns(body, width), notes, g.review))
                pending_title += [n.text for n in notes if not NOTE_LINE.match(n.text)]  # "NORTH EAST" titles the block below
                continue
            n_header = _header_count(body)
            if n_header == 0 and fresh is not None and max(_width(r) for r in fresh[0]) <= width + 1:
                # headings with no figures (no year row) just above a block without headings: they head it and the
                # blocks below it
                if carried_at is not None and not carried_used:
                    tables.insert(carried_at[0], carried_at[1])
                carried, carried_used, carried_at = fresh[0], False, None
                pending_title = [t for t in pending_title if t not in fresh[1]]
            if n_header == 0 and carried is not None and width <= len(carried[0]) + 1:
                head = [r[:width] + [Cell(None, "")] * (width - len(r[:width])) for r in carried]
                body, n_header, carried_used = head + body, len(head), True
            elif n_header and fresh is not None and max(_width(r) for r in fresh[0]) <= width:
                head = [r[:width] + [Cell(None, "")] * (width - len(r[:width])) for r in fresh[0]]
                body, n_header = head + body, n_header + len(head)
                pending_title = [t for t in pending_title if t not in fresh[1]]
            fresh = None
            n_label = _label_columns(body[n_header:], width)
            grouped = row_groups(body, n_header) if n_label == 1 else None
            if grouped is not None:
                body, n_label = grouped, 2
            title = " / ".join(t for t in pending_title[-2:] if t) or g.name
            tables.append(Table(f"{g.name}#{len(tables) + 1}", title, body, n_header, n_label, notes, g.review))
            pending_title = []
    if carried_at is not None and not carried_used:  # headings that headed nothing stay the table they are
        tables.insert(carried_at[0], carried_at[1])
    for n, t in enumerate(tables, start=1):
        t.name = f"{g.name}#{n}"
    if len(tables) == 1 and re.search(r"\btable \d+(\.\d+)*$", g.name):
        tables[0].name = g.name  # a grid that is one table already (PDF, Word, web page)
    return tables, prose


def find_tables(grids: list[NamedGrid]) -> tuple[list[Table], list[ProseLine], list[str]]:
    """Every table of every grid, the lines of text outside tables, and the guidance sheets skipped."""
    tables: list[Table] = []
    prose: list[ProseLine] = []
    skipped: list[str] = []
    for g in grids:
        if g.name.strip().casefold() in NON_DATA_SHEETS:
            skipped.append(g.name)
            continue
        t, p = split_tables(g)
        tables.extend(t)
        prose.extend(p)
    return tables, prose, skipped


def _number(v: object) -> float | None:
    pv = parse_value(v)
    return pv.value if pv.status == "reported" else None


def total_parts(row_labels: list[list[str]], total_rows: list[int]) -> dict[int, list[int]]:
    """For each total row, the rows it adds up: the rows that are no total and share its labels at
    every other level. "Female / Total" adds up the rows of the Female group; "Total casualties / 2010"
    the 2010 rows of every group; a "Total" on its own every row that is no total. Rows sharing one
    set of labels are found once (a census extract is all total rows)."""
    is_total = set(total_rows).__contains__
    found: dict[tuple[tuple[int, str], ...], list[int]] = {}
    out: dict[int, list[int]] = {}
    for tr in total_rows:
        key = tuple((k, x) for k, x in enumerate(row_labels[tr]) if x and not is_total_label(x))
        if key not in found:
            found[key] = [r for r, labels in enumerate(row_labels) if not is_total(r) and
                          all(k < len(labels) and labels[k] == x for k, x in key)]
        out[tr] = found[key]
    return out


def dash_zeros(table: Table) -> set[str]:
    """Cells printed `-` that the table's own totals show to be 0 (Durham 1406745: '-' for
    zero, and each Total equals the sum of the other cells). Where no printed total covers a
    dash, it stays 'not provided'."""
    rows, cols = table.row_labels(), table.column_labels()
    body = table.body
    nl = table.n_label
    total_rows = [i for i, labels in enumerate(rows) if any(is_total_label(x) for x in labels)]
    total_cols = [c for c in range(nl, table.width) if any(is_total_label(x) for x in cols[c - nl])]
    # membership by set: a census extract whose every row is a "Total" row took 7 s as lists
    is_total_row, is_total_col = set(total_rows).__contains__, set(total_cols).__contains__
    zeros: set[str] = set()

    def check(total: Cell, parts: list[Cell]) -> None:
        dashes = [p for p in parts if isinstance(p.value, str) and p.value.strip() in DASHES]
        t = _number(total.value)
        if not dashes or t is None:
            return
        numbers = [_number(p.value) for p in parts if p not in dashes and not is_blank(p.value)]
        if all(n is not None for n in numbers) and abs(sum(n for n in numbers if n is not None) - t) < 1e-9:
            zeros.update(p.location for p in dashes)

    part_rows = [r for r in range(len(body)) if not is_total_row(r)]
    part_cols = [c for c in range(nl, table.width) if not is_total_col(c)]
    parts_of = total_parts(rows, total_rows)
    for tr in total_rows:
        for c in part_cols:
            if parts_of[tr]:
                check(body[tr][c], [body[r][c] for r in parts_of[tr]])
    for tc in total_cols if part_cols else []:
        for r in part_rows:
            check(body[r][tc], [body[r][c] for c in part_cols])
    return zeros
