"""Facts about the offence and its geography, each stated once. The tables of words and codes are
data files in data/reference (offences.csv, areas.csv); the dates are here, with their sources.

Light on purpose (the csv module only): the dashboard imports it on every page."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Final

REFERENCE_DIR: Final = Path(__file__).resolve().parent.parent / "data" / "reference"

# s.15A Sexual Offences Act 2003 (inserted by Serious Crime Act 2015 s.67) came into force on
# 3 April 2017 (SI 2017/451). "2017/18" for this offence runs from then (NSPCC series, force tables).
OFFENCE_START: Final = date(2017, 4, 3)
# The first six-month FOI round, as reported in January 2018: 3 April to 2 October 2017.
FIRST_ROUND: Final = (OFFENCE_START, date(2017, 10, 2))
# A financial year starts on 1 April, or on commencement in 2017/18.
FY_START_DAYS: Final = (1, OFFENCE_START.day)


def reference_rows(name: str) -> list[dict[str, str]]:
    with open(REFERENCE_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


_OFFENCE_ROWS: Final = reference_rows("offences.csv")
_AREA_ROWS: Final = reference_rows("areas.csv")

# code -> definition, in the file's order (the order the data dictionary lists them)
OFFENCES: Final[dict[str, str]] = {r["offence"]: r["definition"] for r in _OFFENCE_ROWS}
# code -> what a reader sees on a page or a chart
OFFENCE_LABELS: Final[dict[str, str]] = {r["offence"]: r["label"] for r in _OFFENCE_ROWS}
# which areas each offence can be counted in: a geography and an offence are separate keys, and a
# UK total is never filed under the England and Wales offence (nor the reverse)
OFFENCE_AREA_TYPES: Final[dict[str, tuple[str, ...]]] = {r["offence"]: tuple(r["area_types"].split()) for r in _OFFENCE_ROWS}
THE_OFFENCE: Final = "scwc"  # what the project is about: s.15A in England and Wales

# The national series: one geography and one offence each, never drawn on one line or scale;
# (area code, offence, name), England and Wales's s.15A first.
NATIONAL_SERIES: Final[list[tuple[str, str, str]]] = [
    (r["national_area"], r["offence"], r["national_series"])
    for r in sorted((r for r in _OFFENCE_ROWS if r["national_area"]), key=lambda r: int(r["national_order"]))
]


def _area_of_type(area_type: str) -> str:
    return next(r["area_code"] for r in _AREA_ROWS if r["area_type"] == area_type)


ENGLAND_AND_WALES: Final = _area_of_type("england_and_wales")
UNITED_KINGDOM: Final = _area_of_type("uk")


# A round's triage, in the order `ingest round` and the Add returns page list it
TRIAGE = ("read", "needs review", "failed", "not an answer", "needs a force")
