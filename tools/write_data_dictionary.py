"""Write docs/data-dictionary.md from core/schema.py, the one place columns, statuses and
issue types are defined (`python tools/write_data_dictionary.py`; tests/test_docs.py fails when
the file is out of date)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.schema import (  # noqa: E402
    COLUMN_DOCS,
    CONTRACT_COLUMNS,
    EXPORT_COLUMN_DOCS,
    FIGURE_COLUMNS,
    ISSUE_TYPES,
    SEVERITIES,
    STATUS_DOCS,
    STATUS_SHORTHAND,
)

TARGET = ROOT / "docs" / "data-dictionary.md"


def render() -> str:
    lines = [
        "# Data dictionary",
        "",
        "Generated from `core/schema.py` by `tools/write_data_dictionary.py`; edit the schema, not this file.",
        f"The `figures` table's columns (the first {len(CONTRACT_COLUMNS)} are the contract's, see "
        "[canonical-table.md](canonical-table.md)), its statuses, and the issue types of `issues.csv`.",
        "",
        "## figures",
        "",
        "| column | contract | meaning |",
        "|---|---|---|",
    ]
    lines += [f"| `{c}` | {'yes' if c in CONTRACT_COLUMNS else 'added'} | {COLUMN_DOCS[c]} |" for c in FIGURE_COLUMNS]
    lines += ["", "## exports", "", "The dashboard's CSV and XLSX downloads hold the columns above, and first:", "",
              "| column | meaning |", "|---|---|"]
    lines += [f"| `{c}` | {doc} |" for c, doc in EXPORT_COLUMN_DOCS.items()]
    lines += ["", "## status", "", "| status | shown as | meaning |", "|---|---|---|"]
    lines += [f"| `{s}` | {STATUS_SHORTHAND[s] or '(the figure)'} | {doc} |" for s, doc in STATUS_DOCS.items()]
    lines += ["", "## issue types", "",
              "Severity: " + "; ".join(f"`{s}`" for s in SEVERITIES) + " (see the README: *needs review*).", "",
              "| type | severity | whose | meaning |", "|---|---|---|---|"]
    order = {s: i for i, s in enumerate(SEVERITIES)}
    for t, (sev, whose, meaning) in sorted(ISSUE_TYPES.items(), key=lambda kv: (order[kv[1][0]], kv[0])):
        lines.append(f"| `{t}` | {sev} | {whose} | {meaning} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
