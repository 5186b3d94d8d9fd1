"""The hand-transcription format (layout family 7): figures typed in by an analyst from an
answer that is prose or a PDF letter, each with where in the document it came from.

A CSV (or a YAML file with a top-level `figures:` list) with these columns; see
docs/transcription-format.md:

    breakdown   total | age | gender | age_gender | platform | youngest_age   (required)
    value       as printed: 52, 1,316, *, <5, "s.12 refusal", "not held", 33.7%  (required)
    location    where in the document: "paragraph 3", "page 2 table 1 row 4"     (required)
    area        force, region or group, any common name (default: the source's)
    period      a period label ("2023/24", "first six months" is NOT one: give dates)
    period_start, period_end   ISO dates, instead of period
    age_band, gender, platform  as printed; platform may join several with " + "
    measure     count (default) | percent
    denominator the count a percent is of, when the source gives it
    offence     scwc (default from source.yml) | scwc_ni | communicating_indecently | sexual_grooming
    label       the words the figure is printed with (kept in label_raw)
    note        caveat to carry with the figure
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import yaml

from ingest.read.base import MAX_CELLS_PER_SHEET, Document, Label, RawFigure, ReaderError
from ingest.read.text import decode_text

REQUIRED = ("breakdown", "value", "location")
OPTIONAL = (
    "area", "period", "period_start", "period_end", "age_band", "gender", "platform", "measure",
    "denominator", "offence", "label", "note",
)


def _rows_from_csv(path: Path) -> list[dict[str, Any]]:
    text, _ = decode_text(path.read_bytes())
    return list(csv.DictReader(io.StringIO(text, newline="")))


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without anchors and aliases: a transcription never needs them, and a file of
    nested aliases (a "billion laughs") would expand to gigabytes."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.YAMLError(f"aliases (*{event.anchor}) are not allowed in a transcription file")
        return super().compose_node(parent, index)


def safe_yaml(text: str) -> Any:
    """yaml.safe_load without aliases (shared by source.yml)."""
    return yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass


def _rows_from_yaml(path: Path) -> list[dict[str, Any]]:
    text, _ = decode_text(path.read_bytes())
    try:
        data = safe_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        raise ReaderError(f"invalid YAML: {getattr(exc, 'problem', exc)}", where, "source_unreadable") from None
    if not isinstance(data, dict) or not isinstance(data.get("figures"), list):
        raise ReaderError("a transcription YAML file needs a top-level 'figures:' list", "", "unknown_layout")
    rows = data["figures"]
    if not all(isinstance(r, dict) for r in rows):
        raise ReaderError("each entry under 'figures:' must be a mapping of column: value", "", "unknown_layout")
    return rows


def detect(path: Path) -> bool:
    suffix = path.suffix.lower()
    try:
        if suffix in (".yml", ".yaml"):
            head = path.read_text(encoding="utf-8", errors="ignore")[:4096]
            return "figures:" in head
        if suffix in (".csv", ".txt"):
            first = decode_text(path.read_bytes()[:4096])[0].splitlines()[:1]
            cols = {c.strip().lower() for c in first[0].split(",")} if first else set()
            return set(REQUIRED) <= cols
    except OSError:
        return False
    return False


def read(path: Path) -> Document:
    is_yaml = path.suffix.lower() in (".yml", ".yaml")
    rows = _rows_from_yaml(path) if is_yaml else _rows_from_csv(path)
    if len(rows) > MAX_CELLS_PER_SHEET // 10:
        raise ReaderError(f"transcription has {len(rows):,} rows, over the limit of {MAX_CELLS_PER_SHEET // 10:,}", "",
                          "source_too_large")
    result = Document("transcription")
    for i, raw in enumerate(rows):
        row = {str(k).strip().lower(): ("" if v is None else str(v).strip()) for k, v in raw.items() if k is not None}
        where = f"entry {i + 1}" if is_yaml else f"line {i + 2}"
        missing = [c for c in REQUIRED if not row.get(c)]
        if missing:
            raise ReaderError(f"transcription row lacks {', '.join(missing)}", where, "invalid_figure")
        labels = [Label("breakdown", row["breakdown"], "breakdown")]
        for col, dim in (("area", "area"), ("age_band", "age"), ("gender", "gender"), ("offence", "offence")):
            if row.get(col):
                labels.append(Label(col, row[col], dim))
        if row.get("platform"):
            labels.append(Label("platform", row["platform"], "platform_combo"))
        if row.get("period_start") or row.get("period_end"):
            labels.append(Label("period", f"{row.get('period_start', '')} to {row.get('period_end', '')}", "period"))
        elif row.get("period"):
            labels.append(Label("period", row["period"], "period"))
        if row.get("label"):
            labels.append(Label("label", row["label"], "printed"))
        result.figures.append(
            RawFigure(
                row["value"],
                f"{where}: {row['location']}",
                labels,
                measure=row.get("measure") or None,
                denominator=row.get("denominator") or None,
                note=row.get("note", ""),
                block="transcription",
            )
        )
    return result
