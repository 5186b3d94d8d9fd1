"""Name mappings, read from the data files in data/reference (never hard-coded here).

- areas.csv, area_aliases_generated.csv (built from forces.csv by tools/build_reference.py),
  area_aliases.csv (hand-kept common forms), area_groups.csv (press groups)
- platforms.csv, age_labels.csv, gender_labels.csv, label_roles.csv, record_columns.csv
"""

from __future__ import annotations

import csv
import difflib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "data" / "reference"


def learned_labels_path() -> Path:
    """Label meanings people settled (ingest/decisions.py); SCWC_LEARNED_LABELS moves it (tests)."""
    return Path(os.environ.get("SCWC_LEARNED_LABELS") or REFERENCE_DIR / "learned_labels.csv")


def _read(name: str) -> list[dict[str, str]]:
    with open(REFERENCE_DIR / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


_DROP_WORDS = re.compile(r"\b(the|police|constabulary|constabularies|service|force|area)\b")


def name_key(text: str) -> str:
    """A forgiving key for names: case, '&', punctuation and 'Police'/'Constabulary' ignored."""
    t = str(text).casefold().replace("&", " and ").replace("+", " and ")
    t = re.sub(r"[^\w\s]", " ", t)
    t = _DROP_WORDS.sub(" ", t)
    return " ".join(t.split())


def label_key(text: str) -> str:
    t = str(text).casefold().replace("&", " and ").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\s*-\s*", "-", t)
    t = re.sub(r"[\s:.*]+$", "", t)
    return " ".join(t.split())


def record_key(text: str) -> str:
    """A record extract's column header, compared by its words ("Victim Age:" = "victim age")."""
    return " ".join(re.sub(r"[^a-z0-9/ ]", " ", str(text).lower()).split())


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    area_type: str
    region_code: str
    nation: str


@dataclass(frozen=True)
class Platform:
    name: str
    group: str


class Reference:
    """All mappings, loaded once."""

    def __init__(self) -> None:
        self.areas: dict[str, Area] = {}
        for r in _read("areas.csv"):
            self.areas[r["area_code"]] = Area(r["area_code"], r["area_name"], r["area_type"], r["region_code"], r["nation"])
        self.group_members: dict[str, list[str]] = {}
        for r in _read("area_groups.csv"):
            self.areas.setdefault(r["area_code"], Area(r["area_code"], r["area_name"], "group", "", ""))
            self.group_members.setdefault(r["area_code"], []).append(r["member_code"])
        self.area_aliases: dict[str, str] = {}
        for name in ("area_aliases_generated.csv", "area_aliases.csv"):
            for r in _read(name):
                self.area_aliases[name_key(r["alias"])] = r["area_code"]
        for a in self.areas.values():
            self.area_aliases.setdefault(name_key(a.name), a.code)
            self.area_aliases.setdefault(name_key(a.code), a.code)

        self.platforms: dict[str, Platform] = {}
        for r in _read("platforms.csv"):
            self.platforms[label_key(r["variant"])] = Platform(r["platform"], r["platform_group"])
        self.age_labels: dict[str, tuple[str, int | None, int | None]] = {}
        for r in _read("age_labels.csv"):
            self.age_labels[label_key(r["label"])] = (
                r["age_band"],
                int(r["age_min"]) if r["age_min"] else None,
                int(r["age_max"]) if r["age_max"] else None,
            )
        self.genders = {label_key(r["label"]): r["gender"] for r in _read("gender_labels.csv")}
        self.roles = {label_key(r["label"]): r["role"] for r in _read("label_roles.csv")}
        self.record_columns = {record_key(r["header"]): r["role"] for r in _read("record_columns.csv")}
        self.offence_mentions = [(re.compile(r["pattern"], re.I), r["offence_named"]) for r in _read("offence_mentions.csv")]
        self._learn()

    def offences_named(self, text: str) -> list[str]:
        """The offences a title names (offence_mentions.csv): 'scwc' for s.15A, else the offence's name."""
        return [named for pattern, named in self.offence_mentions if pattern.search(text or "")]

    def _learn(self) -> None:
        """Label meanings people settled in a review (learned_labels.csv, with who added each):
        every later answer with that label reads it without review. A meaning names a category the
        vocabulary already has (it is never a new category)."""
        path = learned_labels_path()
        if not path.exists():
            return
        groups = {p.name: p.group for p in self.platforms.values()}
        with open(path, newline="", encoding="utf-8") as fh:
            learned = list(csv.DictReader(fh))
        for r in learned:
            key, value = label_key(r["label"]), r["value"]
            if r["dimension"] == "gender" and value in set(self.genders.values()):
                self.genders.setdefault(key, value)
            elif r["dimension"] == "platform" and value in groups:
                self.platforms.setdefault(key, Platform(value, groups[value]))
            elif r["dimension"] == "age" and label_key(value) in self.age_labels:
                self.age_labels.setdefault(key, self.age_labels[label_key(value)])

    # --- areas --------------------------------------------------------------------------
    def find_area(self, text: str) -> Area | None:
        code = self.area_aliases.get(name_key(text))
        return self.areas.get(code) if code else None

    def nearest_area_names(self, text: str, n: int = 3) -> list[str]:
        keys = difflib.get_close_matches(name_key(text), list(self.area_aliases), n=n * 3, cutoff=0.5)
        names: list[str] = []
        for k in keys:
            name = self.areas[self.area_aliases[k]].name
            if name not in names:
                names.append(name)
        return names[:n]

    def forces(self) -> list[Area]:
        return [a for a in self.areas.values() if a.area_type == "force"]


@lru_cache(maxsize=1)
def reference() -> Reference:
    return Reference()
