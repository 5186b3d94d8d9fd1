"""A person's decisions about how a table reads, kept as data: a `decisions:` list in the source's
`source.yml`, applied on every rebuild (stage 2), so a doubt settled once is never asked again and
`make data` reproduces the table byte for byte. Each figure a decision touched says so (its `note`),
and each decision applied, or whose table is gone, is a row of the issue log.

One decision, in source.yml:

```yaml
decisions:
  - file: answer.xlsx          # the file, as in the source folder
    table: "Sheet1"            # the table id, as `python -m ingest inspect --readings` and `ingest review` print it
    decide: header_rows        # one of KINDS
    header_rows: 2             # the fields of that kind (below)
    label_columns: 1
    by: editor@example.org     # who
    at: 2026-12-06T21:00:00Z   # when
    why: "the years across are a header, not a row of figures"
```

Kinds and their fields:
- `reading`: `reading:` the name of another reading of the table (as `ingest review` lists them);
- `header_rows`: `header_rows:` rows of headings at the top, `label_columns:` columns of labels;
- `label`: `label:` as printed, `means:` `dimension=value` (e.g. `platform=Snapchat`, `gender=female`),
  or `header` (a heading's name, not a category), `derived` (a column computed from others: skipped),
  `note` (not a figure's label: its figures skipped). A `dimension=value` meaning is also written to
  `data/reference/learned_labels.csv` with who added it, so every later answer reads it;
- `offence`: `offence:` an offence code (data/reference/offences.csv); `other` (an offence the table
  cannot hold, named in `named:`, such as s.15 meeting a child following grooming: not read); or
  `not_a_count` (not read);
- `period`: `period_start:`, `period_end:` the table's period, when the letter says it in prose;
- `skip`: the table is not read;
- `figure`: `location:` the cell, `value:` the figure it stands for (the printed value is kept in
  `value_raw`): the last resort.
"""

from __future__ import annotations

import csv
import fcntl
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from core.facts import OFFENCES

KINDS = ("reading", "header_rows", "label", "offence", "period", "skip", "figure")
LABEL_ROLES = ("header", "derived", "note")
NOT_A_COUNT = "not_a_count"
OTHER_OFFENCE = "other"  # an offence the table cannot hold (s.15 meeting a child, s.12 ...): not read, named
SKIPPING_OFFENCES = (NOT_A_COUNT, OTHER_OFFENCE)
LEARNED_COLUMNS = ("label", "dimension", "value", "added_by", "added_at", "source_id", "why")
DIMENSIONS = ("age", "gender", "platform")  # the label vocabularies a meaning can extend


class DecisionError(ValueError):
    """A decision that cannot be taken or read back: the message says which field and why."""


@dataclass(frozen=True)
class Decision:
    file: str
    table: str
    kind: str
    fields: dict[str, Any] = field(default_factory=dict)
    by: str = ""
    at: str = ""
    why: str = ""

    def describe(self) -> str:
        f = self.fields
        what = {
            "reading": lambda: f"read as {f.get('reading')}",
            "header_rows": lambda: f"{f.get('header_rows')} header row(s), {f.get('label_columns')} label column(s)",
            "label": lambda: f"label {f.get('label')!r} means {f.get('means')}",
            "offence": lambda: ("not a count of offences" if f.get("offence") == NOT_A_COUNT else
                                f"about another offence ({f.get('named') or 'not named'}), not read" if f.get("offence") == OTHER_OFFENCE
                                else f"offence {f.get('offence')}"),
            "period": lambda: f"period {f.get('period_start')} to {f.get('period_end')}",
            "skip": lambda: "not read",
            "figure": lambda: f"cell {f.get('location')} stands for {f.get('value')}",
        }[self.kind]()
        return f"{what} (decided by {self.by} on {self.at[:10]}: {self.why})"

    def as_yaml(self) -> dict[str, Any]:
        return {"file": self.file, "table": self.table, "decide": self.kind, **self.fields, "by": self.by, "at": self.at, "why": self.why}


def _as_date(value: object, key: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DecisionError(f"'{key}: {value}' is not a date (YYYY-MM-DD)") from None


def check(entry: object, n: int = 0) -> Decision:
    """One `decisions:` entry, validated; a DecisionError names the entry and the field."""
    where = f"decision {n + 1}"
    if not isinstance(entry, dict):
        raise DecisionError(f"{where} is not a mapping of key: value")
    kind = str(entry.get("decide") or "")
    if kind not in KINDS:
        raise DecisionError(f"{where}: 'decide: {kind}' is not one of {', '.join(KINDS)}")
    for key in ("file", "table", "by", "why"):
        if not str(entry.get(key) or "").strip():
            raise DecisionError(f"{where}: '{key}:' is missing (who decided and why are kept with every decision)")
    known = {"file", "table", "decide", "by", "at", "why"}
    fields = {k: v for k, v in entry.items() if k not in known}
    need: dict[str, tuple[str, ...]] = {"reading": ("reading",), "header_rows": ("header_rows", "label_columns"), "label": ("label", "means"),
                                        "offence": ("offence",), "period": ("period_start", "period_end"), "skip": (),
                                        "figure": ("location", "value")}
    missing = [k for k in need[kind] if k not in fields or fields[k] in (None, "")]
    if missing:
        raise DecisionError(f"{where} ({kind}): '{missing[0]}:' is missing")
    extra = sorted(set(fields) - set(need[kind]) - ({"named"} if kind == "offence" else set()))
    if extra:
        raise DecisionError(f"{where} ({kind}): unknown key(s) {', '.join(extra)}")
    if kind == "header_rows":
        for k in ("header_rows", "label_columns"):
            if not isinstance(fields[k], int) or not 0 <= fields[k] <= 20:
                raise DecisionError(f"{where}: '{k}: {fields[k]}' must be a whole number from 0 to 20")
    if kind == "label":
        means = str(fields["means"])
        dim, _, value = means.partition("=")
        if means not in LABEL_ROLES and (dim not in DIMENSIONS or not value.strip()):
            raise DecisionError(f"{where}: 'means: {means}' must be one of {', '.join(LABEL_ROLES)} or dimension=value with a "
                                f"dimension among {', '.join(DIMENSIONS)}")
    if kind == "offence" and fields["offence"] not in (*OFFENCES, *SKIPPING_OFFENCES):
        raise DecisionError(f"{where}: 'offence: {fields['offence']}' is not one of {', '.join((*OFFENCES, *SKIPPING_OFFENCES))}")
    if kind == "period":
        start, end = _as_date(fields["period_start"], "period_start"), _as_date(fields["period_end"], "period_end")
        if end < start:
            raise DecisionError(f"{where}: the period ends before it starts")
        fields = {"period_start": start, "period_end": end}
    if kind == "figure":
        try:
            number = float(fields["value"])
        except (TypeError, ValueError):
            raise DecisionError(f"{where}: 'value: {fields['value']}' is not a number") from None
        if number < 0 or not number.is_integer():
            raise DecisionError(f"{where}: 'value: {fields['value']}' must be a whole number, not negative")
        fields = {"location": str(fields["location"]), "value": int(number)}
    return Decision(str(entry["file"]), str(entry["table"]), kind, fields, str(entry["by"]), str(entry.get("at") or ""),
                    str(entry["why"]))


def parse(raw: object) -> list[Decision]:
    if raw in (None, ""):
        return []
    if not isinstance(raw, list):
        raise DecisionError("'decisions:' must be a list")
    return [check(e, i) for i, e in enumerate(raw)]


# --- recording ---------------------------------------------------------------------------------------

def make(file: str, table: str, kind: str, by: str, why: str, **fields: Any) -> Decision:
    """A new decision, stamped now, checked as a rebuild will read it back."""
    entry = {"file": file, "table": table, "decide": kind, **fields, "by": by, "why": why,
             "at": datetime.now(UTC).isoformat(timespec="seconds")}
    return check(entry)


def record(folder: Path, decision: Decision, raw_dir: Path | None = None, role: str = "") -> None:
    """Append the decision to the source's `source.yml` (written whole, then renamed into place)
    and a line to the audit log (beside `raw_dir`, by default the source's parent). A label's
    meaning is also written to data/reference/learned_labels.csv, with who added it."""
    import yaml

    from core.actors import append_audit
    from ingest.sources import SOURCE_FILE

    path = folder / SOURCE_FILE
    with open(folder / ".decisions.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        meta = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        entries = list(meta.get("decisions") or [])
        entries = [e for e in entries if not _same_question(e, decision)]  # a later decision replaces an earlier one
        entries.append(decision.as_yaml())
        meta["decisions"] = entries
        tmp = path.with_name(f".{SOURCE_FILE}.tmp")
        tmp.write_text(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
        os.replace(tmp, path)
    (folder / ".decisions.lock").unlink(missing_ok=True)
    append_audit(raw_dir or folder.parent, decision.by, role or "command line", "decided", sources=[folder.name],
                 file=decision.file, table=decision.table, decision=decision.describe())
    if decision.kind == "label" and "=" in str(decision.fields["means"]):
        learn_label(decision, folder.name)


def _same_question(entry: dict[str, Any], d: Decision) -> bool:
    if entry.get("file") != d.file or entry.get("table") != d.table or entry.get("decide") != d.kind:
        return False
    if d.kind == "label":
        return bool(entry.get("label") == d.fields.get("label"))
    if d.kind == "figure":
        return bool(entry.get("location") == d.fields.get("location"))
    return True


def learn_label(d: Decision, source_id: str) -> None:
    from ingest.vocabulary.reference import learned_labels_path, reference

    path = learned_labels_path()
    dim, _, value = str(d.fields["means"]).partition("=")
    new = not path.exists()
    with open(path, "a", newline="", encoding="utf-8") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        w = csv.writer(fh, lineterminator="\n")
        if new:
            w.writerow(LEARNED_COLUMNS)
        w.writerow([d.fields["label"], dim, value, d.by, d.at, source_id, d.why])
    reference.cache_clear()


# --- applying (stage 2) ----------------------------------------------------------------------------------

def for_file(decisions: list[Decision], file: str) -> list[Decision]:
    return [d for d in decisions if d.file == file]


def label_means(decisions: list[Decision], table: str) -> dict[str, str]:
    """Label (as printed, compared by its words) -> header | derived | note, for one table."""
    return {_key(str(d.fields["label"])): str(d.fields["means"]) for d in decisions
            if d.table == table and d.kind == "label" and d.fields["means"] in LABEL_ROLES}


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def same_label(a: str, b: str) -> bool:
    return _key(a) == _key(b)
