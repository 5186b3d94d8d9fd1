"""Who asks for a write, and the audit log of who did what. Light on purpose: the dashboard asks
for the user's role on every page, and Sources and coverage shows the audit log, without loading
the intake and its readers (20 MB of each server process, make bench-app)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

READER = "reader"
EDITOR = "editor"


@dataclass(frozen=True)
class Actor:
    """Who asks for a write: `email` as the identity provider gives it; `role` reader or editor."""

    email: str
    role: str

    @property
    def is_editor(self) -> bool:
        return self.role == EDITOR


def mask_email(email: str) -> str:
    """An editor's address as the public sees it (figures, audit log): first letter and domain."""
    name, at, domain = str(email).partition("@")
    return f"{name[:1]}***@{domain}" if at else (name[:1] + "***" if name else "")


def audit_path(raw_dir: Path) -> Path:
    return Path(os.environ.get("SCWC_AUDIT_LOG") or raw_dir.parent / "audit" / "audit.jsonl")


AUDIT_COLUMNS = ["at", "by", "role", "action", "sources", "reason"]


def audit_log(raw_dir: Path) -> pd.DataFrame:
    """The audit log as a table (editorial.intake.audit writes it), oldest first; a line that is not
    whole JSON (a write cut off) is skipped."""
    path = audit_path(raw_dir)
    if not path.exists():
        return pd.DataFrame(columns=AUDIT_COLUMNS)
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rows.append(json.loads(line))
        except ValueError:
            continue
    df = pd.DataFrame(rows)
    for c in AUDIT_COLUMNS:
        if c not in df:
            df[c] = ""
    df["sources"] = df["sources"].map(lambda v: ", ".join(v) if isinstance(v, list) else ("" if v is None or v != v else str(v)))
    return df.astype(object).fillna("")


def append_audit(raw_dir: Path, by: str, role: str, action: str, **details: object) -> None:
    """Append one line to the audit log (never rewritten; a line is whole or absent)."""
    import fcntl
    import json
    from datetime import UTC, datetime

    path = audit_path(raw_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    entry = {"at": datetime.now(UTC).isoformat(timespec="seconds"), "by": by, "role": role, "action": action, **details}
    line = (json.dumps(entry, ensure_ascii=False, default=str) + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)
