"""How much of a published table `python -m ingest inspect` finds: `python tools/measure_tables.py FILE_OR_DIR...`.

For each file: the numbers its tables hold, how many stage 1 gives as figures with a row and a column
label that tell them apart (no other figure of the table has the same pair), and how many it lost (numbers in a grid that are neither a table's figure nor one of
its headings). Issue 18 asks for at least 90% of the figures of real official tables found with
their labels. A PDF's grids are the tables the reader found: numbers in its prose are not counted.
Also a summary of each table (for the golden files of tests/ingest/read/test_real_tables.py).
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ingest.inspect import cells_of  # noqa: E402
from ingest.read.base import Document, ReaderError, is_blank  # noqa: E402
from ingest.read.bounded import read_bounded  # noqa: E402
from ingest.tables.layout import find_tables  # noqa: E402
from ingest.vocabulary.values import parse_value  # noqa: E402

READABLE = {".xlsx", ".xls", ".ods", ".csv", ".pdf", ".docx", ".html", ".htm", ".txt"}


def _number(v: object) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, (int, float)):
        return True
    return isinstance(v, str) and parse_value(v).status == "reported"


@dataclass
class Measure:
    file: str
    numbers: int = 0  # numbers in the tables (figures and lost ones)
    labelled: int = 0  # figures with a row and a column label that no other figure of their table shares
    lost: int = 0  # numbers in a grid that no table gives as a figure or a heading
    error: str = ""

    @property
    def share(self) -> float:
        return self.labelled / self.numbers if self.numbers else 0.0


def measure(path: Path, doc: Document | None = None) -> Measure:
    """`doc`: the file already read (stage 1), else it is read here."""
    m = Measure(path.name)
    try:
        doc = doc if doc is not None else read_bounded(path)
    except ReaderError as exc:
        m.error = str(exc)
        return m
    rows, _ = cells_of(doc)
    tables, _, _ = find_tables(doc.grids)
    headings = {c.location for t in tables for r in t.rows[:t.n_header] for c in r}
    headings |= {c.location for t in tables for r in t.body for c in r[:t.n_label]}
    figures = [r for r in rows if _number(r["value_raw"])]
    given = {str(r["location"]) for r in rows}
    # found with its labels: a row and a column label, and no other figure of its table with the same pair (a
    # date column taken for the row labels gives every row "2011": labels, but none that tells the rows apart)
    pairs = Counter((r["table"], r["row_label"], r["column_label"]) for r in figures)
    m.labelled = sum(1 for r in figures if r["row_label"] and r["column_label"] and pairs[(r["table"], r["row_label"], r["column_label"])] == 1)
    m.lost = sum(1 for g in doc.grids for row in g.grid for c in row
                 if not is_blank(c.value) and _number(c.value) and c.location not in given and c.location not in headings)
    m.numbers = len(figures) + m.lost
    return m


def summary(path: Path, doc: Document | None = None) -> list[str]:
    """One line per table: name, title, header rows x label columns, figures (labelled), first and last figure."""
    doc = doc if doc is not None else read_bounded(path)
    tables, _, _ = find_tables(doc.grids)
    out = []
    for t in tables:
        cs = [c for c in t.labelled_cells() if _number(c.value_raw)]
        both = sum(1 for c in cs if c.row_label and c.column_label)
        ends = [f"{c.location}: {c.row_label} | {c.column_label} = {c.value_raw}" for c in (cs[:1] + cs[-1:] if cs else [])]
        out.append(f"{t.name} | {t.title[:90]} | {t.n_header}x{t.n_label} | {len(cs)} figures, {both} labelled | " + " ; ".join(ends))
    return out


def files(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out += sorted(f for f in p.rglob("*") if f.suffix.lower() in READABLE) if p.is_dir() else [p]
    return out


def main(argv: list[str]) -> int:
    results = [measure(p) for p in files(argv)]
    print(f"{'file':60} {'numbers':>8} {'labelled':>9} {'lost':>6} {'share':>6}")
    for m in results:
        if m.error:
            print(f"{m.file[:60]:60} not read: {m.error[:80]}")
        else:
            print(f"{m.file[:60]:60} {m.numbers:8,} {m.labelled:9,} {m.lost:6,} {m.share:6.1%}")
    read = [m for m in results if not m.error]
    total, labelled = sum(m.numbers for m in read), sum(m.labelled for m in read)
    print(f"{'all read':60} {total:8,} {labelled:9,} {sum(m.lost for m in read):6,} {labelled / total if total else 0:6.1%}"
          f"  ({len(results) - len(read)} file(s) not read)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
