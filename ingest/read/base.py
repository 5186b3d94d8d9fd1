"""What every reader produces: a `Document` of grids of cells and lines of prose, each cell and
line with its place in the file (stage 1). Interpreting them as figures is stage 2
(`ingest/interpret/readings.py`); cleaning values is the normaliser's job, for all formats.

The limits below bound every read by what a file really holds; a file over one is a clear
error naming the file and the limit (issue: one bad file never sinks a run).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# --- limits (stated in the README; each has a test in tests/ingest/test_hostile.py) ------------
MAX_FILE_BYTES = 20 * 1024 * 1024  # one return
MAX_CELLS_PER_SHEET = 300_000  # cells that hold something, per sheet or table
MAX_CELLS_PER_FILE = 1_000_000  # the same over a whole file
MAX_SHEET_XML_BYTES = 80 * 1024 * 1024  # a worksheet's XML as unpacked
MAX_DENSE_AREA = 2_000_000  # rows x columns of a used range read densely (xls, ods)
MAX_PDF_PAGES = 200  # the longest real answer seen is 61 pages (a record listing)
MAX_SPAN = 200  # rowspan/colspan of one HTML cell, clipped to cells present
MAX_PROSE_LINES = 20_000
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell; a longer text is cut there, with a note
MAX_SHARED_STRINGS = MAX_CELLS_PER_FILE  # more distinct strings than a file may fill cells is a bomb
MAX_SHEETS = 255  # sheets (or sheet entries) in one workbook
MAX_ZIP_MEMBER_BYTES = MAX_SHEET_XML_BYTES  # one part of an xlsx, docx or ods, as unpacked
MAX_ZIP_BYTES = 200 * 1024 * 1024  # all its parts
MAX_ZIP_MEMBERS = 10_000
MAX_TABLES = 2_000  # tables in one saved web page or Word document
MAX_OCR_PAGES = 10  # pages of a scan read by OCR (a few seconds each); a longer scan is transcribed
MAX_OCR_PIXELS = 40_000_000  # one page rendered for OCR (A3 at 300 dpi is 17.4 million)


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
    # where a PDF cell sits on its page (x0, top, x1, bottom in points from the top left), for the review
    # desk's picture of the page; None elsewhere, and on a page read turned
    box: tuple[float, float, float, float] | None = field(default=None, compare=False)


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
    decided: str = ""  # the decisions a person took about its table (ingest/decisions.py): shown in its note
    corrected: bool = False  # its value was corrected by a person (read_as holds it; value_raw stays as printed)
    unevaluated: bool = False  # a workbook formula with no saved value: never computed, never "not provided"


@dataclass
class Document:
    """Stage 1: everything a file holds, before any interpretation."""

    fmt: str  # xlsx, xls, ods, csv, html, pdf, docx, transcription, public_record
    grids: list[NamedGrid] = field(default_factory=list)
    prose: list[ProseLine] = field(default_factory=list)
    notes: list[ReaderNote] = field(default_factory=list)
    figures: list[RawFigure] = field(default_factory=list)  # formats that are figures already
    review: str = ""  # why the whole file's reading is doubtful (OCR)
    unevaluated: set[str] = field(default_factory=set)  # cells holding a formula with no saved value

    def cell_count(self) -> int:
        return sum(1 for g in self.grids for row in g.grid for c in row if not is_blank(c.value))


def check_zip(path: Path, what: str) -> None:
    """Unpack every member of a zip-based file (xlsx, docx, ods) in small steps, before any
    library reads it whole: a member larger than its directory says, or over the limits, is a
    clear refusal, found with little memory (issue 21: a docx whose directory under-states a
    member took 2.2 GB in the Word library; an ods of 1 GB of spaces, 1.2 GB)."""
    import zipfile

    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReaderError(f"not a readable {what} ({exc})") from None
    with zf:
        members = zf.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise ReaderError(f"the {what} holds {len(members):,} parts, over the limit of {MAX_ZIP_MEMBERS:,}", "", "source_too_large")
        total = 0
        for info in members:
            if info.file_size > MAX_ZIP_MEMBER_BYTES:
                raise ReaderError(f"part '{info.filename[:80]}' of the {what} unpacks to {info.file_size / 2**20:,.0f} MB, over the "
                                  f"{MAX_ZIP_MEMBER_BYTES // 2**20} MB limit for one part", "", "source_too_large")
            total += info.file_size
            if total > MAX_ZIP_BYTES:
                raise ReaderError(f"the {what} unpacks to over {MAX_ZIP_BYTES // 2**20} MB, the limit for one file", "", "source_too_large")
            try:
                with zf.open(info) as fh:
                    while fh.read(2**20):  # zipfile stops at the declared size and checks the CRC
                        pass
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
                raise ReaderError(f"part '{info.filename[:80]}' of the {what} is damaged or is not what the file's directory "
                                  f"says ({str(exc)[:120]})", "", "source_unreadable") from None


def cut_long_texts(doc: Document) -> None:
    """A cell or line longer than MAX_CELL_CHARS is cut there, with a note (issue 21: one 9.9 MB
    string shared by 100 cells held a rebuild for minutes)."""
    cut = 0
    for g in doc.grids:
        for row in g.grid:
            for i, c in enumerate(row):
                if isinstance(c.value, str) and len(c.value) > MAX_CELL_CHARS:
                    row[i] = Cell(c.value[:MAX_CELL_CHARS], c.location)
                    cut += 1
    for i, line in enumerate(doc.prose):
        if len(line.text) > MAX_CELL_CHARS:
            doc.prose[i] = ProseLine(line.location, line.text[:MAX_CELL_CHARS])
            cut += 1
    if cut:
        doc.notes.append(ReaderNote("text_cut", "", f"{cut} cell(s) or line(s) hold over {MAX_CELL_CHARS:,} characters, "
                                    "Excel's limit for a cell; they were cut there"))


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


def title_above(lines: list[str]) -> str:
    """A table's title from the lines of text above it (since the table before): the last line, and the
    line over it when that one names the period the last does not ("2023/24" over "Victims by gender", a
    web page's heading or a letter's bold line: the second year's table had been read as the first's)."""
    from ingest.vocabulary.periods import periods_named

    if not lines:
        return ""
    last = lines[-1]
    if len(lines) > 1 and len(lines[-2]) <= 80 and periods_named(lines[-2]) and not periods_named(last):
        return f"{lines[-2]} / {last}"
    return last

