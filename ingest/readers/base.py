"""What every reader produces, and the grids the table readers look at.

A reader only reshapes: it returns `RawFigure`s holding the cell as printed, the labels
as printed and where they were. Cleaning values is the normaliser's job, for all readers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_FILE_BYTES = 20 * 1024 * 1024


class ReaderError(Exception):
    """A file cannot be read: the message names the reason; the location where it can."""

    def __init__(self, message: str, location: str = "", issue_type: str = "source_unreadable") -> None:
        super().__init__(message)
        self.location = location
        self.issue_type = issue_type


@dataclass(frozen=True)
class Label:
    axis: str  # e.g. "Sheet1#1.rows": labels on one axis of one table are classified together
    text: str  # as printed
    dim: str | None = None  # known dimension (age, gender, platform, period, area, age_years,
    # platform_multi, role) or None to infer from the axis


@dataclass
class RawFigure:
    value_raw: object
    location: str
    labels: list[Label] = field(default_factory=list)
    aggregate: bool = False  # one record of a record-level extract: counted, not read
    derived: bool = False
    measure: str | None = None  # "percent" when the layout says so
    denominator: object = None
    note: str = ""
    block: str = ""  # title of the table it came from (context in messages)


@dataclass
class ReaderNote:
    """Something worth an issue row that is not a failure (a sheet ignored, an encoding)."""

    issue_type: str
    location: str
    message: str
    value: str = ""


@dataclass
class ReadResult:
    figures: list[RawFigure] = field(default_factory=list)
    notes: list[ReaderNote] = field(default_factory=list)


@dataclass(frozen=True)
class Cell:
    value: object
    location: str


Grid = list[list[Cell]]


@dataclass
class NamedGrid:
    name: str  # sheet name, "table 2", or the file name for a CSV
    grid: Grid
    title: str = ""


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
