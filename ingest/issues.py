"""The issue log: one row per problem or change, with a type from a fixed list."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from core.schema import ISSUE_COLUMNS, ISSUE_TYPES


@dataclass
class IssueLog:
    rows: list[dict[str, str]] = field(default_factory=list)
    _seen: set[tuple[str, ...]] = field(default_factory=set)

    def add(
        self,
        issue_type: str,
        source_id: str,
        message: str,
        source_file: str = "",
        location: str = "",
        value: object = "",
        once: bool = False,
    ) -> None:
        """Record an issue. `once` drops repeats of the same type, file and value (label mappings)."""
        severity, responsibility, _ = ISSUE_TYPES[issue_type]  # KeyError: a type not in the fixed list
        key = (issue_type, source_id, source_file, str(value)) if once else None
        if key is not None:
            if key in self._seen:
                return
            self._seen.add(key)
        self.rows.append(
            {
                "source_id": source_id,
                "source_file": source_file,
                "location": location,
                "issue_type": issue_type,
                "severity": severity,
                "responsibility": responsibility,
                "value": "" if value is None else str(value)[:500],
                "message": message,
            }
        )

    def extend(self, other: IssueLog) -> None:
        self.rows.extend(other.rows)

    def count(self, severity: str, source_id: str | None = None) -> int:
        return sum(1 for r in self.rows if r["severity"] == severity and (source_id is None or r["source_id"] == source_id))

    def frame(self) -> pd.DataFrame:
        df = pd.DataFrame(self.rows, columns=list(ISSUE_COLUMNS))
        return df.fillna("").astype(str).astype(object) if len(df) else df.astype(object)
