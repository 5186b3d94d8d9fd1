"""`python -m ingest review SOURCE_DIR`: the source's doubtful tables (needing review, or not read),
with their ids and why; and, with `--table`, a decision about one of them, written into the
source's `source.yml` (ingest/decisions.py) and applied on every rebuild.

    python -m ingest review data/raw/kent-2025-1234
    python -m ingest review data/raw/kent-2025-1234 --file answer.xlsx --table Sheet1 \\
        --header-rows 2 --label-columns 1 --by me@example.org --why "the years across are headings"

One decision per call: --reading NAME | --header-rows N --label-columns M | --label TEXT --means
MEANING | --offence CODE | --period START END | --skip | --figure CELL --value N.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ingest.decisions import Decision, DecisionError, make, record

DOUBTFUL = ("needs review", "not read", "labels not recognised")


@dataclass
class Doubt:
    """One table of a source as it reads now: what a person may need to settle."""

    file: str
    table: str
    title: str
    status: str  # needs review | not read | read | decided
    why: str
    reading: str = ""
    readings: list[tuple[str, float]] = field(default_factory=list)
    unknown_labels: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # the table's cells as printed (the first rows)
    roles: list[list[str]] = field(default_factory=list)  # each cell's role: header, label, figure, total, skipped, ""
    figures: list[dict[str, Any]] = field(default_factory=list)  # what the chosen reading gives
    page: int = 0  # a PDF table read upright: the page it starts on (0: no picture of the page)
    boxes: list[list[tuple[float, float, float, float] | None]] = field(default_factory=list)  # each cell's place on it


def tables_of(folder: Path) -> tuple[list[Doubt], list[dict[str, str]]]:
    """Every table of every file of the source, as it reads with the decisions taken so far, and
    the source's issues."""
    from ingest.issues import IssueLog
    from ingest.pipeline import ingest_source

    log = IssueLog()
    rows, summary = ingest_source(folder, log, err=None, details=True)
    unknown: dict[tuple[str, str], list[str]] = {}
    for r in log.rows:
        if r["issue_type"] in ("unknown_label", "platform_unmapped"):
            unknown.setdefault((r["source_file"], r["location"]), []).append(r["value"])
    out = []
    for detail in summary.files:
        interp = detail.interpretation
        if interp is None:
            continue
        for v in interp.verdicts:
            t = v.table
            decided = any(f.decided for f in (v.best.figures if v.best else [])) or v.not_read.startswith("as decided")
            labels = sorted({x for (file, loc), vals in unknown.items() if file == detail.file for x in vals
                             if v.best is not None and any(f.location == loc for f in v.best.figures)})
            # a table left unread until a person says what it counts (its title names another offence) is a doubt
            status = "decided" if decided else ("needs review" if v.review else "not read" if v.best is None else
                                                "labels not recognised" if labels else "read")
            out.append(Doubt(
                detail.file, t.name, t.title, status, v.review or v.not_read or t.review,
                v.best.name if v.best else "",
                [(x.name, round(x.score, 3)) for x in [v.best, *v.others] if x is not None],
                labels,
                [[("" if c.value is None else str(c.value)) for c in r] for r in t.rows[:40]],
                _roles(t, v.best),
                [r for r in rows if r["source_file"] == detail.file and any(f.location == r["source_location"]
                                                                            for f in (v.best.figures if v.best else []))],
                *_placed(t),
            ))
    return out, log.rows


def _placed(t: Any) -> tuple[int, list[list[tuple[float, float, float, float] | None]]]:
    """The page a PDF table starts on and each cell's box there (cells on later pages have none)."""
    import re

    first = next((c for r in t.rows for c in r if c.box is not None), None)
    if first is None:
        return 0, []
    page = int(re.match(r"page (\d+)", first.location).group(1))  # type: ignore[union-attr]
    return page, [[c.box if c.location.startswith(f"page {page} ") else None for c in r] for r in t.rows[:40]]


PICTURE_SCALE = 1.5  # pixels a point: the page drawn legibly, a table's cells outlined


def page_picture(path: Path, page: int, boxes: list[list[tuple[float, float, float, float] | None]], roles: list[list[str]],
                 colours: dict[str, str]) -> bytes:
    """A PNG of the part of one PDF page the table stands on (and a margin), its cells outlined, each
    in its role's colour (run in a bounded worker: the file is a return, and drawing a page can be
    made costly)."""
    import io

    import pypdfium2 as pdfium
    from PIL import ImageDraw

    from ingest.read.base import MAX_OCR_PIXELS

    pdf = pdfium.PdfDocument(str(path))
    try:
        p = pdf[page - 1]
        w, h = p.get_size()
        scale = min(PICTURE_SCALE, (MAX_OCR_PIXELS / max(w * h, 1.0)) ** 0.5)
        image = p.render(scale=scale).to_pil().convert("RGB")
    finally:
        pdf.close()
    draw = ImageDraw.Draw(image, "RGBA")
    for row_boxes, row_roles in zip(boxes, roles, strict=False):
        for box, role in zip(row_boxes, row_roles, strict=False):
            if box is None or not role:
                continue
            colour = colours.get(role, "#999999").lstrip("#")
            rgb = tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))
            x0, top, x1, bottom = (v * scale for v in box)
            draw.rectangle((x0 - 1, top - 1, x1 + 1, bottom + 1), fill=(*rgb, 90), outline=(*[max(0, c - 90) for c in rgb], 255))
    placed = [b for row in boxes for b in row if b is not None]
    if placed:  # the table and a margin round it: the rest of the page is the letter's prose
        margin = 36 * scale
        left, top = (min(b[0] for b in placed) * scale - margin, min(b[1] for b in placed) * scale - margin)
        right, bottom = (max(b[2] for b in placed) * scale + margin, max(b[3] for b in placed) * scale + margin)
        image = image.crop((int(max(0, left)), int(max(0, top)), int(min(image.width, right)), int(min(image.height, bottom))))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _roles(t: Any, best: Any) -> list[list[str]]:
    """What each cell of the table is in the chosen reading: header, label, figure, total (a figure
    whose labels are all totals), skipped (a cell with something in it that gave no figure), ""."""
    from ingest.interpret.readings import shape
    from ingest.vocabulary.labels import is_total_label

    where = {f.location: f for f in (best.figures if best is not None else [])}
    n_header, n_label = shape(best) if best is not None and best.kind == "crosstab" else (t.n_header, t.n_label)
    out = []
    for ri, row in enumerate(t.rows[:40]):
        roles = []
        for ci, c in enumerate(row):
            f = where.get(c.location)
            if f is not None:
                roles.append("total" if f.labels and all(is_total_label(lab.text) for lab in f.labels if lab.dim is None)
                             and any(is_total_label(lab.text) for lab in f.labels) else "figure")
            elif ri < n_header:
                roles.append("header")
            elif ci < n_label:
                roles.append("label")
            else:
                roles.append("" if c.value in (None, "") else "skipped")
        out.append(roles)
    return out


def decide(folder: Path, args: argparse.Namespace) -> Decision:
    kinds = [k for k in ("reading", "header_rows", "label", "offence", "period", "skip", "figure")
             if getattr(args, k) not in (None, False, [])]
    if len(kinds) != 1:
        raise DecisionError("give exactly one decision: --reading, --header-rows, --label, --offence, --period, --skip or --figure")
    kind = kinds[0]
    fields: dict[str, Any] = {
        "reading": lambda: {"reading": args.reading},
        "header_rows": lambda: {"header_rows": args.header_rows, "label_columns": args.label_columns},
        "label": lambda: {"label": args.label, "means": args.means},
        "offence": lambda: {"offence": args.offence, **({"named": args.named} if args.named else {})},
        "period": lambda: {"period_start": args.period[0], "period_end": args.period[1]},
        "skip": lambda: {},
        "figure": lambda: {"location": args.figure, "value": args.value},
    }[kind]()
    d = make(args.file, args.table, kind, args.by, args.why or "", **fields)
    known = {(x.file, x.table) for x in tables_of(folder)[0]}
    if (d.file, d.table) not in known:
        raise DecisionError(f"no table {d.table!r} in {d.file!r}; the source's tables: "
                            + ", ".join(f"{f} {t}" for f, t in sorted(known)))
    record(folder, d)
    return d


def print_tables(doubts: list[Doubt], out: TextIO, everything: bool = False) -> None:
    shown = [d for d in doubts if everything or d.status in DOUBTFUL]
    if not shown:
        print("nothing to settle: every table reads without doubt" + (" (or as decided)" if doubts else ""), file=out)
    for d in shown:
        print(f"{d.file}  table {d.table!r}: {d.status}" + (f" — {d.why}" if d.why else ""), file=out)
        if d.title:
            print(f"    title: {d.title[:100]}", file=out)
        if d.readings:
            print("    readings: " + "; ".join(f"{n} ({s:.2f})" for n, s in d.readings), file=out)
        if d.unknown_labels:
            print("    labels not recognised: " + ", ".join(repr(x) for x in d.unknown_labels[:10]), file=out)


def main(argv: list[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    p = argparse.ArgumentParser(prog="python -m ingest review", description=(__doc__ or "").splitlines()[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter, epilog=(__doc__ or "").split("\n\n", 1)[1])
    p.add_argument("source", type=Path, metavar="SOURCE_DIR")
    p.add_argument("--all", action="store_true", help="list every table, not only the doubtful")
    p.add_argument("--file", help="the file the table is in")
    p.add_argument("--table", help="the table's id, as listed")
    p.add_argument("--reading", help="read the table as this reading (as listed)")
    p.add_argument("--header-rows", type=int, help="rows of headings at the top (with --label-columns)")
    p.add_argument("--label-columns", type=int, default=1, help="columns of labels at the left (default 1)")
    p.add_argument("--label", help="a label as printed (with --means)")
    p.add_argument("--means", help="dimension=value (age=12-15, gender=female, platform=Snapchat), header, derived or note")
    p.add_argument("--offence", help="the table's offence code; other (with --named) for an offence the table cannot hold; or not_a_count")
    p.add_argument("--named", help="with --offence other: the offence the table is about")
    p.add_argument("--period", nargs=2, metavar=("START", "END"), help="the table's period, YYYY-MM-DD YYYY-MM-DD")
    p.add_argument("--skip", action="store_true", help="do not read the table")
    p.add_argument("--figure", metavar="CELL", help="correct the figure at this cell (with --value): the last resort")
    p.add_argument("--value", type=int, help="what the figure at --figure stands for")
    p.add_argument("--by", default=getpass.getuser(), help="who decides (default: your user name)")
    p.add_argument("--why", help="why (kept with the decision)")
    args = p.parse_args(argv)
    if not (args.source / "source.yml").is_file():
        print(f"python -m ingest review: error: not a source folder (no source.yml): {args.source}", file=err)
        return 2
    if args.table is None:
        print_tables(tables_of(args.source)[0], out, args.all)
        return 0
    if not args.file or not args.why:
        print("python -m ingest review: error: a decision needs --file, --table and --why", file=err)
        return 2
    try:
        d = decide(args.source, args)
    except DecisionError as exc:
        print(f"python -m ingest review: error: {exc}", file=err)
        return 2
    print(f"decided: {args.file} table {args.table!r}: {d.describe()}", file=out)
    after = next((x for x in tables_of(args.source)[0] if x.file == d.file and x.table == d.table), None)
    if after is not None:
        print(f"now: {after.status}; {len(after.figures)} figure(s)" + (f" — {after.why}" if after.why else ""), file=out)
    return 0
