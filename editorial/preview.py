"""`python -m editorial.preview SESSION`: the Add returns preview, run in its own process (with a
time and memory limit set by editorial/intake.py) so a hostile file cannot hang the server.

Writes SESSION/preview/: figures.parquet and issues.csv (exactly what a rebuild would add),
readings.json (per file and table: the tables of labelled cells, the reading chosen and why, and
for a table that needs review the runner-up reading's figures beside it).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from core.schema import FIGURE_COLUMNS, empty_figures
from ingest.interpret.readings import Reading, Verdict
from ingest.output.write import write_csv
from ingest.pipeline import preview_source

MAX_CELLS_SHOWN = 2000  # labelled cells per table in the preview


def _figures(reading: Reading | None) -> list[dict[str, str]]:
    if reading is None:
        return []
    return [{"location": f.location, "labels": " | ".join(lab.text for lab in f.labels), "value_raw": str(f.value_raw)}
            for f in reading.figures if not f.aggregate][:MAX_CELLS_SHOWN]


def _verdict(v: Verdict) -> dict[str, Any]:
    runner = v.others[0] if v.others else None
    return {
        "table": v.table.name, "title": v.table.title,
        "reading": v.best.name if v.best else "", "score": round(v.best.score, 3) if v.best else 0.0,
        "problems": v.best.problems if v.best else [], "review": v.review, "not_read": v.not_read,
        "runner_up": runner.name if runner else "", "runner_up_score": round(runner.score, 3) if runner else 0.0,
        "cells": [c.__dict__ for c in v.table.labelled_cells()][:MAX_CELLS_SHOWN],
        "chosen_figures": _figures(v.best) if v.review else [],
        "runner_up_figures": _figures(runner) if v.review else [],
    }


def main(argv: list[str]) -> int:
    session = Path(argv[0])
    out = session / "preview"
    out.mkdir(exist_ok=True)
    frames, issue_frames, readings = [], [], []
    for folder in sorted(p for p in session.iterdir() if p.is_dir() and p.name != "preview"):
        figures, issues, summary = preview_source(folder)
        frames.append(figures)
        issue_frames.append(issues)
        for detail in summary.files:
            interp = detail.interpretation
            readings.append({"source_id": folder.name, "file": detail.file,
                             "format": detail.document.fmt if detail.document else "",
                             "tables": [_verdict(v) for v in interp.verdicts] if interp else []})
    filled = [f for f in frames if len(f)]
    figures = pd.concat(filled, ignore_index=True) if filled else empty_figures()
    figures.reindex(columns=list(FIGURE_COLUMNS)).to_parquet(out / "figures.parquet", index=False)
    issues = pd.concat(issue_frames, ignore_index=True) if issue_frames else pd.DataFrame()
    write_csv(issues, out / "issues.csv")
    (out / "readings.json").write_text(json.dumps(readings, ensure_ascii=False, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
