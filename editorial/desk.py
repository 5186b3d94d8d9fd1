"""The review desk's writes (pages/13_Review_desk.py): a decision about how a table reads, taken by
an editor and kept as data (ingest/decisions.py); and the rebuild that publishes it. Every write
checks the actor's role itself, and a refused attempt is written to the audit log."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from core.actors import Actor, append_audit
from ingest.decisions import Decision, DecisionError, make, record

__all__ = ["DecisionError", "NotAllowed", "categories", "decide", "doubtful_sources", "doubts", "publish"]
from ingest.review import DOUBTFUL, Doubt, tables_of

KIND_WORDS = {
    "reading": "Read it another way",
    "header_rows": "Say which rows are headings and which columns are labels",
    "label": "Say what a label means",
    "offence": "Say what offence the table counts",
    "period": "Say what period the table covers",
    "skip": "Skip the table",
    "figure": "Correct one figure (last resort)",
}
MEANINGS = ("header", "derived", "note")


def categories(dimension: str) -> list[str]:
    """The categories a label can mean (the reference vocabulary; a meaning is never a new category)."""
    from ingest.vocabulary.reference import reference

    ref = reference()
    if dimension == "gender":
        return sorted(set(ref.genders.values()))
    if dimension == "platform":
        return sorted({p.name for p in ref.platforms.values()})
    return sorted({band for band, _, _ in ref.age_labels.values()})


class NotAllowed(Exception):
    """A decision asked for by someone who is not an editor."""


def _editor(actor: Actor | None, raw_dir: Path, what: str) -> Actor:
    if actor is None or not actor.is_editor:
        who = actor or Actor("anonymous", "reader")
        append_audit(raw_dir, who.email, who.role, "refused", attempted="decide", sources=[what], reason="not an editor")
        raise NotAllowed("only an editor can decide how a table reads; sign in as an editor")
    return actor


def _inside(folder: Path, roots: list[Path]) -> Path:
    resolved = folder.resolve()
    if not any(resolved.is_relative_to(r.resolve()) for r in roots) or not (resolved / "source.yml").is_file():
        raise NotAllowed(f"not a source folder this desk may write to: {folder.name}")
    return resolved


def doubtful_sources(issues: pd.DataFrame) -> list[str]:
    """Sources of the published table with a table needing review, not read, or with labels not
    recognised (from issues.csv), most doubts first."""
    if issues.empty:
        return []
    kinds = {"reading_doubtful", "table_not_read", "unknown_label", "platform_unmapped", "conflicting_values", "total_mismatch"}
    mine = issues[issues["issue_type"].isin(kinds) | (issues["severity"] == "review")]
    mine = mine[mine["source_id"] != "public-record"]
    return list(mine["source_id"].value_counts().index)


def page_picture(folder: Path, d: Doubt, colours: dict[str, str]) -> bytes | None:
    """The PDF page a doubtful table stands on, its cells outlined by role; None when the table is
    not a PDF table read upright. Drawn in a bounded worker, as every reading of a return is."""
    from ingest.read.bounded import call_bounded
    from ingest.review import page_picture as draw

    if not d.page or not d.boxes:
        return None
    return call_bounded(draw, folder / d.file, d.page, d.boxes, d.roles, colours)  # type: ignore[no-any-return]


def doubts(folder: Path) -> list[Doubt]:
    """The source's tables as they read now, doubtful first."""
    found, _ = tables_of(folder)
    return sorted(found, key=lambda d: (d.status not in DOUBTFUL, d.status != "decided"))


def decide(actor: Actor | None, folder: Path, roots: list[Path], raw_dir: Path, file: str, table: str, kind: str, why: str,
           **fields: Any) -> Decision:
    """Record an editor's decision in the source's source.yml (and the audit log)."""
    who = _editor(actor, raw_dir, folder.name)
    folder = _inside(folder, roots)
    if not why.strip():
        raise DecisionError("say why (it is kept with the decision)")
    d = make(file, table, kind, who.email, " ".join(why.split())[:300], **fields)
    record(folder, d, raw_dir=raw_dir, role=who.role)
    return d


def publish(actor: Actor | None, raw_dir: Path, processed_dir: Path) -> int:
    """Rebuild the published table with the decisions taken (under the intake's lock)."""
    from editorial.intake import _lock, rebuild

    who = _editor(actor, raw_dir, "rebuild")
    with _lock(raw_dir):
        code = rebuild(raw_dir, processed_dir)
    append_audit(raw_dir, who.email, who.role, "rebuilt", reason="decisions taken in the review desk")
    return code
