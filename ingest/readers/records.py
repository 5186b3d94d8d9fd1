"""Record-level extracts: one row per offence, with exact victim age, a gender code and
free-text method of communication (layout family 3).

Each record becomes one RawFigure per dimension marked `aggregate`; the normaliser maps
the labels and the pipeline counts them, so a cell naming two apps counts once for each.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.readers.base import Cell, Label, NamedGrid, RawFigure, ReadResult, is_blank
from ingest.readers.grids import trim

# header text -> column role; matched on whole words of the lower-cased header
COLUMN_ROLES: dict[str, tuple[str, ...]] = {
    "age": ("age", "victim age", "age of victim", "age at offence", "age at time of offence", "vict age"),
    "gender": ("gender", "sex", "victim gender", "victim sex", "gender of victim"),
    "platform": ("method", "method of communication", "platform", "app", "means of communication",
                 "communication method", "modus operandi", "mo", "website/app", "social media"),
    "id": ("crime reference", "crime ref", "crime number", "crime no", "reference", "ref", "urn", "occurrence",
           "offence id", "crime id", "id"),
    "date": ("date", "offence date", "date recorded", "recorded date", "committed date", "date of offence"),
}


def _role(header: object) -> str | None:
    if is_blank(header):
        return None
    h = re.sub(r"[^a-z/ ]", " ", str(header).lower())
    h = " ".join(h.split())
    for role, names in COLUMN_ROLES.items():
        if h in names:
            return role
    return None


def find_header(grid: list[list[Cell]]) -> tuple[int, dict[str, int]] | None:
    for ri, row in enumerate(trim(grid)[:15]):
        roles: dict[str, int] = {}
        for ci, c in enumerate(row):
            r = _role(c.value)
            if r and r not in roles:
                roles[r] = ci
        dims = {"age", "gender", "platform"} & roles.keys()
        if dims and len(roles) >= 2 and ("id" in roles or "date" in roles or len(dims) >= 2):
            return ri, roles
    return None


def detect(grids: list[NamedGrid]) -> bool:
    for g in grids:
        found = find_header(g.grid)
        if found and len(trim(g.grid)) > found[0] + 1:
            return True
    return False


def read(path: Path, grids: list[NamedGrid]) -> ReadResult:
    result = ReadResult()
    for g in grids:
        found = find_header(g.grid)
        if not found:
            continue
        hi, roles = found
        rows = trim(g.grid)[hi + 1:]
        axis = f"{g.name}#records"
        for row in rows:
            if all(is_blank(c.value) for c in row):
                continue
            first = row[0].location if row else ""
            record: dict[str, Cell] = {role: row[ci] for role, ci in roles.items() if ci < len(row)}
            # a trailing "Total" line under an extract is not a record
            if any(isinstance(c.value, str) and c.value.strip().lower().startswith("total") for c in row[:2]):
                continue
            result.figures.append(RawFigure(1, first, [], aggregate=True, derived=True, block=g.name))
            age = record.get("age")
            gender = record.get("gender")
            age_label = Label(f"{axis}.age", "" if age is None or is_blank(age.value) else str(age.value), "age_years")
            gender_label = Label(f"{axis}.gender", "" if gender is None or is_blank(gender.value) else str(gender.value), "gender")
            if age is not None:
                result.figures.append(RawFigure(1, age.location, [age_label], aggregate=True, derived=True, block=g.name))
            if gender is not None:
                result.figures.append(RawFigure(1, gender.location, [gender_label], aggregate=True, derived=True, block=g.name))
            if age is not None and gender is not None:
                result.figures.append(
                    RawFigure(1, age.location, [age_label, gender_label], aggregate=True, derived=True, block=g.name)
                )
            plat = record.get("platform")
            if plat is not None:
                text = "" if is_blank(plat.value) else str(plat.value)
                result.figures.append(
                    RawFigure(1, plat.location, [Label(f"{axis}.platform", text, "platform_multi")], aggregate=True,
                              derived=True, block=g.name)
                )
    return result
