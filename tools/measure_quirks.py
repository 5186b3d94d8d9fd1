"""How the ingest reads answers with the quirks real letters have: `python tools/measure_quirks.py [PER_KIND]`.

Reads a corpus of synthetic answers (synthetic/quirks.py: each quirk of issue 18 written several ways,
formats drawn at random) and prints, per quirk and in all: the figures each answer must give, how
many came back right (status and value), and how many answers were called `ok` while a figure was
wrong or made up, or lost with no warning (it must be none). An answer whose quirk no reader can resolve must need review.
Issue 18 asks for at least 95% of figures right on new synthetic quirks.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from synthetic.quirks import Quirk, corpus  # noqa: E402


@dataclass
class Result:
    kind: str
    wanted: int = 0
    right: int = 0
    flagged: bool = False  # the answer came out needing review (or with an error)
    wrong_ok: list[str] = field(default_factory=list)  # figures wrong or made up in an answer called ok
    review_missing: bool = False  # the quirk needs review and the answer was called ok
    lost_silently: list[str] = field(default_factory=list)  # figures missing from an answer with no warning or doubt at all
    note: str = ""


def read_quirk(q: Quirk) -> Result:
    from ingest.issues import IssueLog
    from ingest.pipeline import ingest_source

    folder = Path(tempfile.mkdtemp(prefix="quirk-"))
    try:
        src = folder / q.kind
        src.mkdir()
        (src / "source.yml").write_text(q.yml(), encoding="utf-8")
        for name, body in q.files.items():
            (src / name).write_bytes(body)
        log = IssueLog()
        rows, _ = ingest_source(src, log, err=None)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    # counts: a share printed beside a count is its own figure (measure percent), not wanted here, and never wrong
    got = {(r["breakdown"], r["age_band"], r["gender"], r["platform"], r["period_start"].isoformat(), r["period_end"].isoformat()):
           (r["status"], r["value"]) for r in rows if r["measure"] == "count"}
    res = Result(q.kind, wanted=len(q.want), note=q.note)
    res.right = sum(1 for k, v in q.want.items() if got.get(k) == v)
    res.flagged = any(r["severity"] in ("error", "review") for r in log.rows)
    if not any(r["severity"] in ("error", "review", "warning") for r in log.rows):
        res.lost_silently = [str(k) for k in q.want if k not in got]
    if not res.flagged:
        res.wrong_ok = [f"{k}: {got[k]} (want {q.want.get(k)})" for k in got if q.want.get(k) not in (None, got[k])] + \
                       [f"{k}: {got[k]} (not in the answer)" for k in got if k not in q.want and got[k][0] != "not_provided"]
        res.review_missing = q.review
    return res


def main(argv: list[str]) -> int:
    per_kind = int(argv[0]) if argv else 4
    results = [read_quirk(q) for q in corpus(per_kind)]
    by_kind: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by_kind[r.kind].append(r)
    print(f"{'quirk':34} {'answers':>7} {'figures':>8} {'right':>6} {'share':>7} {'review':>7} {'ok+wrong':>9}")
    print("(ok+wrong: answers called ok with a wrong or made-up figure, or a figure lost without a word)")
    for kind, rs in by_kind.items():
        wanted, right = sum(r.wanted for r in rs), sum(r.right for r in rs)
        print(f"{kind:34} {len(rs):7} {wanted:8} {right:6} {right / wanted if wanted else 1:7.1%} {sum(r.flagged for r in rs):7} "
              f"{sum(bool(r.wrong_ok or r.lost_silently) or r.review_missing for r in rs):9}")
    wanted, right = sum(r.wanted for r in results), sum(r.right for r in results)
    bad = [r for r in results if r.wrong_ok or r.review_missing or r.lost_silently]
    print(f"{'all quirks':34} {len(results):7} {wanted:8} {right:6} {right / wanted:7.1%} {sum(r.flagged for r in results):7} {len(bad):9}")
    for r in bad:
        what = r.wrong_ok[:2] or (f"lost with no warning: {r.lost_silently[:2]}" if r.lost_silently else "its quirk needs review")
        print(f"  called ok with a wrong or missing figure: {r.kind} {r.note} {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
