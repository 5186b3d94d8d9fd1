"""`python -m ingest inspect FILE [--format csv|json] [--readings]`: stage 1 of the ingest, shown.

One row per cell of every table found in the file, with its place (sheet!cell, page and line,
table number), the table's title, its row and column labels (levels joined with ` / `), the
cell as printed, and its value and status as the normaliser reads them (`value` empty for a
marker such as `*`). `--readings` adds, on stderr, how each table would be read: the reading
chosen, its score, what weakens it, and the runner-up.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from core.text import neutralise
from ingest.interpret.readings import choose, dash_zero_cells
from ingest.read.base import Document, ReaderError
from ingest.read.bounded import read_bounded
from ingest.tables.layout import find_tables
from ingest.vocabulary.reference import reference

COLUMNS = ("table", "location", "title", "row_label", "column_label", "value_raw", "value", "status")


def cells(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The labelled cells of every table in the file, and a line per table on how it reads."""
    return cells_of(read_bounded(path))


def cells_of(doc: Document) -> tuple[list[dict[str, Any]], list[str]]:
    """The same, of a file already read (stage 1)."""
    tables, prose, _ = find_tables(doc.grids)
    zeros = dash_zero_cells(tables, doc.prose + prose)
    rows: list[dict[str, Any]] = []
    notes: list[str] = []
    ref = reference()
    for t in tables:
        for c in t.labelled_cells(zeros[t.name]):
            v = c.value
            rows.append({"table": c.table, "location": c.location, "title": c.title, "row_label": c.row_label,
                         "column_label": c.column_label, "value_raw": c.value_raw,
                         "value": "" if v is None else (int(v) if float(v).is_integer() else v), "status": c.status})
        verdict = choose(t, ref, None, zeros[t.name])
        if verdict.best is None:
            notes.append(f"{t.name}: not read as figures about the offence ({verdict.not_read})")
        else:
            runner = f"; runner-up {verdict.others[0].name} {verdict.others[0].score:.2f}" if verdict.others else ""
            notes.append(f"{t.name}: read as {verdict.best.name}, score {verdict.best.score:.2f}{runner}"
                         + (f"; NEEDS REVIEW: {verdict.review}" if verdict.review else ""))
    if doc.figures:
        notes.append(f"{len(doc.figures)} figure(s) typed in ({doc.fmt}): not a table, read as given")
    return rows, notes


def main(argv: list[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    p = argparse.ArgumentParser(prog="python -m ingest inspect", description=__doc__.splitlines()[0])
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--readings", action="store_true", help="say on stderr how each table would be read")
    args = p.parse_args(argv)
    if not args.file.is_file():
        print(f"python -m ingest inspect: error: not a file: {args.file}", file=err)
        return 2
    try:
        rows, notes = cells(args.file)
    except ReaderError as exc:
        print(f"error: {args.file.name}{' ' + exc.location if exc.location else ''}: {exc}", file=err)
        return 1
    if args.format == "json":
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in rows:  # text from a return is data: a spreadsheet must never run it
            w.writerow({k: neutralise(str(v)) if isinstance(v, str) else v for k, v in r.items()})
    if args.readings:
        for n in notes:
            print(n, file=err)
    return 0
