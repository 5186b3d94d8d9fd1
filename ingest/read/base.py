"""What every reader produces: a `Document` of grids of cells and lines of prose, each cell and
line with its place in the file (stage 1). Interpreting them as figures is stage 2
(`ingest/interpret/readings.py`); cleaning values is the normaliser's job, for all formats.

The limits below bound every read by what a file really holds; a file over one is a clear
error naming the file and the limit (issue: one bad file never sinks a run).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# --- limits (stated in the README; each has a test in tests/ingest/test_hostile.py) ------------
MAX_FILE_BYTES = 20 * 1024 * 1024  # one return
MAX_CELLS_PER_SHEET = 300_000  # cells that hold something, per sheet or table
MAX_CELLS_PER_FILE = 1_000_000  # the same over a whole file
MAX_SHEET_XML_BYTES = 80 * 1024 * 1024  # a worksheet's XML as unpacked
MAX_DENSE_AREA = 2_000_000  # rows x columns of a used range read densely (xls, ods)
MAX_PDF_PAGES = 200  # the longest real answer seen is 61 pages (a record listing)
MAX_SPAN = 200  # rowspan/colspan of one HTML cell, clipped to cells present
MAX_PROSE_LINES = 20_000


class ReaderError(Exception):
    """A file cannot be read: the message names the reason; the location where it can."""

    def __init__(self, message: str, location: str = "", issue_type: str = "source_unreadable") -> None:
        super().__init__(message)
        self.location = location
        self.issue_type = issue_type


@dataclass(frozen=True)
class Cell:
    value: object  # as printed: str, int, float, datetime, or None when blank
    location: str  # Sheet1!C7, line 4 col B, page 2 line 14 col 3, table 1 row 3 col 2


Grid = list[list[Cell]]


@dataclass
class NamedGrid:
    """One sheet, one HTML or Word table, one table found on a PDF page, or one CSV file."""

    name: str
    grid: Grid
    title: str = ""  # a caption, or the prose just above a table on a page
    review: str = ""  # a doubt about how the grid was laid out (a PDF table's wrapped labels)


@dataclass(frozen=True)
class ProseLine:
    location: str  # "page 1 line 12", "paragraph 4", "Sheet1!A30"
    text: str


@dataclass
class ReaderNote:
    """Something worth an issue row that is not a failure (a sheet ignored, an encoding)."""

    issue_type: str
    location: str
    message: str
    value: str = ""


@dataclass(frozen=True)
class Label:
    axis: str  # e.g. "Sheet1#1.rows0": labels on one axis of one table are classified together
    text: str  # as printed
    dim: str | None = None  # a known dimension (age, gender, platform, period, area, age_years,
    # platform_multi, platform_combo, breakdown, role, offence, printed), or None: inferred from the axis


@dataclass
class RawFigure:
    """One figure as printed, with its labels: what an interpretation hands the normaliser."""

    value_raw: object
    location: str
    labels: list[Label] = field(default_factory=list)
    aggregate: bool = False  # one record of a record-level extract: counted, not read
    derived: bool = False
    measure: str | None = None  # "percent" when the layout says so
    denominator: object = None
    note: str = ""
    block: str = ""  # title of the table it came from (context in messages)
    review: str = ""  # why this figure's reading is doubtful, when it is
    read_as: object = None  # the value a reading gives a marker ('-' shown by the totals to be 0)
    reading: str = ""  # the reading that gave it: crosstab, timewide, records, statement, transcription
    document: dict[str, object] | None = None  # per-figure source document (public record)


@dataclass
class Document:
    """Stage 1: everything a file holds, before any interpretation."""

    fmt: str  # xlsx, xls, ods, csv, html, pdf, docx, transcription, public_record
    grids: list[NamedGrid] = field(default_factory=list)
    prose: list[ProseLine] = field(default_factory=list)
    notes: list[ReaderNote] = field(default_factory=list)
    figures: list[RawFigure] = field(default_factory=list)  # formats that are figures already
    review: str = ""  # why the whole file's reading is doubtful (OCR)

    def cell_count(self) -> int:
        return sum(1 for g in self.grids for row in g.grid for c in row if not is_blank(c.value))


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def col_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def col_index(letters: str) -> int:
    """A -> 0, Z -> 25, AA -> 26."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1
