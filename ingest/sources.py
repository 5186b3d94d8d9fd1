"""Source folders and their `source.yml` (the contract's "Source folders" section)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from core.actors import mask_email
from core.schema import MAX_DATE, MIN_DATE, OFFENCES, SOURCE_TYPES
from ingest.read.transcription import safe_yaml
from ingest.vocabulary.periods import parse_date
from ingest.vocabulary.reference import Area, reference
from ingest.vocabulary.values import parse_suppression_rule

SOURCE_FILE = "source.yml"
MAX_SOURCE_YML_BYTES = 64 * 1024
KNOWN_KEYS = {
    "force", "area", "reference", "received", "url", "period_start", "period_end", "offence", "source_type",
    "suppression", "adapter", "publisher", "title", "note", "notes", "date", "request",
    "accepted_by", "accepted_at",  # who added the return through the dashboard, and when
    "not_read",  # files kept as received but never read: the preview stopped them (file: reason)
    "correspondence",  # files kept as received that are not answers: a covering e-mail, an acknowledgement
    "recognised",  # how `ingest round` recognised the force, reference, date and period (provenance)
    "decisions",  # what people decided about how its tables read (ingest/decisions.py), replayed on every rebuild
    "files", "collected_by",  # a collection's own description (the public record)
}
# files in a source folder that are not returns
NOT_RETURNS = {SOURCE_FILE, "README.md", "readme.md", "NOTES.md", ".DS_Store"}


class SourceError(Exception):
    def __init__(self, message: str, issue_type: str = "invalid_source_yml", value: str = "") -> None:
        super().__init__(message)
        self.issue_type = issue_type
        self.value = value


@dataclass
class Source:
    source_id: str
    folder: Path
    area: Area
    reference: str
    received: date | None
    url: str
    period: tuple[date, date] | None
    offence: str
    source_type: str
    suppression: tuple[float, float]
    adapter: str | None
    publisher: str
    note: str
    raw: dict[str, Any] = field(default_factory=dict)
    not_read: dict[str, str] = field(default_factory=dict)  # file (relative) -> why it is kept but never read
    correspondence: list[str] = field(default_factory=list)  # files kept that are not answers (a covering e-mail)
    decisions: list[Any] = field(default_factory=list)  # ingest.decisions.Decision: how people settled its tables

    @property
    def added_by(self) -> str:
        """Who added the return through the dashboard (masked), empty for the repository's own."""
        who = self.raw.get("accepted_by")
        return mask_email(str(who)) if who else ""

    def _walk(self) -> list[Path]:
        """Every entry under the folder, links not followed (a link could lead out of the tree)."""
        out = []
        for root, dirs, names in os.walk(self.folder, followlinks=False):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            out += [Path(root) / n for n in names + [d for d in dirs if (Path(root) / d).is_symlink()]]
        return out

    def files(self) -> list[Path]:
        return sorted(
            p for p in self._walk()
            if not p.is_symlink() and p.is_file() and p.name not in NOT_RETURNS and not p.name.startswith(".")
        )

    def links(self) -> list[Path]:
        """Symbolic links in the folder: never followed, each named as an error of the source."""
        return sorted(p for p in self._walk() if p.is_symlink())


def _as_date(value: object, key: str) -> date | None:
    if value is None or value == "":
        return None
    d = value if isinstance(value, date) else parse_date(str(value))
    if d is None:
        raise SourceError(f"'{key}: {value}' is not a date (use YYYY-MM-DD)", value=str(value))
    if not MIN_DATE <= d <= MAX_DATE:  # a typo such as 0202-05-01 is this source's error, never the run's
        raise SourceError(f"'{key}: {value}' is not a plausible date (between {MIN_DATE.year} and {MAX_DATE.year}); "
                          "a typo? (use YYYY-MM-DD)", value=str(value))
    return d


def load_source(folder: Path) -> Source:
    path = folder / SOURCE_FILE
    if not path.is_file():
        raise SourceError(f"no {SOURCE_FILE} in the source folder")
    if path.stat().st_size > MAX_SOURCE_YML_BYTES:
        raise SourceError(f"{SOURCE_FILE} is {path.stat().st_size:,} bytes, over the {MAX_SOURCE_YML_BYTES:,}-byte limit")
    try:
        data = safe_yaml(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise SourceError(f"{SOURCE_FILE} is not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    except UnicodeDecodeError:
        raise SourceError(f"{SOURCE_FILE} is not UTF-8 text") from None
    if not isinstance(data, dict):
        raise SourceError(f"{SOURCE_FILE} must be a mapping of key: value")
    unknown = sorted(set(map(str, data)) - KNOWN_KEYS)
    if unknown:
        raise SourceError(f"{SOURCE_FILE} has unknown key(s): {', '.join(unknown)}")
    ref = reference()
    name = data.get("force") or data.get("area")
    if not name:
        raise SourceError(f"{SOURCE_FILE} needs 'force:' (or 'area:' with an ONS code)")
    area = ref.find_area(str(name))
    if area is None:
        near = ref.nearest_area_names(str(name))
        hint = f"; nearest known: {', '.join(near)}" if near else ""
        raise SourceError(f"unknown force or area {str(name)!r}{hint}", "unknown_area", str(name))
    offence = str(data.get("offence") or "scwc")
    if offence not in OFFENCES:
        raise SourceError(f"offence {offence!r} is not one of {', '.join(OFFENCES)}", value=offence)
    source_type = str(data.get("source_type") or "foi_return")
    if source_type not in SOURCE_TYPES:
        raise SourceError(f"source_type {source_type!r} is not one of {', '.join(SOURCE_TYPES)}", value=source_type)
    start, end = _as_date(data.get("period_start"), "period_start"), _as_date(data.get("period_end"), "period_end")
    if (start is None) != (end is None):
        raise SourceError("give both period_start and period_end, or neither")
    if start and end and end < start:
        raise SourceError(f"period_end {end} is before period_start {start}", "impossible_period")
    try:
        suppression = parse_suppression_rule(data.get("suppression"))
    except ValueError as exc:
        raise SourceError(str(exc)) from None
    not_read = data.get("not_read") or {}
    if not isinstance(not_read, dict) or not all(isinstance(k, str) for k in not_read):
        raise SourceError(f"'not_read:' in {SOURCE_FILE} must map file names to the reason they are not read")
    correspondence = data.get("correspondence") or []
    if not isinstance(correspondence, list) or not all(isinstance(k, str) for k in correspondence):
        raise SourceError(f"'correspondence:' in {SOURCE_FILE} must be a list of file names")
    from ingest.decisions import DecisionError, parse

    try:
        decisions = parse(data.get("decisions"))
    except DecisionError as exc:
        raise SourceError(f"{SOURCE_FILE}: {exc}") from None
    reference_text = data.get("reference") or data.get("title")
    if not reference_text:
        raise SourceError(f"{SOURCE_FILE} needs 'reference:' (the FOI reference or the publication's title)")
    return Source(
        source_id=folder.name,
        folder=folder,
        area=area,
        reference=str(reference_text),
        received=_as_date(data.get("received") or data.get("date"), "received"),
        url=str(data.get("url") or ""),
        period=(start, end) if start and end else None,
        offence=offence,
        source_type=source_type,
        suppression=suppression,
        adapter=str(data["adapter"]) if data.get("adapter") else None,
        publisher=str(data.get("publisher") or ""),
        note=str(data.get("note") or data.get("notes") or ""),
        raw=data,
        not_read={k: str(v) for k, v in not_read.items()},
        correspondence=list(correspondence),
        decisions=decisions,
    )


def discover(paths: list[Path]) -> list[Path]:
    """Each SOURCE argument is a source folder (it has source.yml) or a folder of them."""
    found: list[Path] = []
    for p in paths:
        if (p / SOURCE_FILE).is_file():
            found.append(p)
        elif p.is_dir():
            found.extend(sorted(c for c in p.iterdir() if c.is_dir() and not c.name.startswith(".")))
    return found


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
