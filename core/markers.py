"""What a cell that is not a number says: a suppressed small number, not provided, a dash, or a
refusal on a named ground. The words are data (data/reference/markers.csv, refusal_grounds.csv),
read by the ingest's value parser and by the round tracker alike."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from core.facts import reference_rows

_MARKER_ROWS: Final = reference_rows("markers.csv")
SUPPRESSED_MARKERS: Final = frozenset(r["marker"] for r in _MARKER_ROWS if r["status"] == "suppressed")
DASHES: Final = tuple(r["marker"] for r in _MARKER_ROWS if r["status"] == "dash")
# a dash is "not provided" unless the return's own totals or notes show it means 0
NOT_PROVIDED_MARKERS: Final = frozenset(r["marker"] for r in _MARKER_ROWS if r["status"] in ("not_provided", "dash"))
# a word for none in a figure's cell ("Nil", "None"): a true zero, read as 0 and said
ZERO_MARKERS: Final = frozenset(r["marker"] for r in _MARKER_ROWS if r["status"] == "zero")


@dataclass(frozen=True)
class Ground:
    ground: str  # s12, s40 ...
    status: str  # not_held, refused or withheld
    label: str  # as a reader sees it: "s.12 cost limit"
    pattern: re.Pattern[str]
    generic: bool  # "refused", "exempt": no section named; a named ground says more


# in the file's order: the first ground that matches decides a cell's status
GROUNDS: Final = tuple(Ground(r["ground"], r["status"], r["label"], re.compile(r["pattern"], re.I), r["generic"] == "yes")
                       for r in reference_rows("refusal_grounds.csv"))


def status_of_refusal(text: str) -> str | None:
    """not_held, refused or withheld for a cell or sentence that names one; else None."""
    return next((g.status for g in GROUNDS if g.pattern.search(text)), None)


def grounds_named(texts: list[str]) -> list[str]:
    """The grounds a set of texts names, as labels, each once, in the file's order; a generic
    ground ("refused (no ground given)") only where no named one is found."""
    found = [g for g in GROUNDS if any(g.pattern.search(t) for t in texts)]
    named = [g for g in found if not g.generic]
    return [g.label for g in (named or found)]
