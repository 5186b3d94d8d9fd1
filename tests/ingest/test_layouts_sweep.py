"""The fuzzer's wide sweep (make test-sweep, run by CI after make test): 600 random layouts, a quarter
with a flaw put in, each read back exactly or, with a flaw, never called `ok` with a wrong figure or
a figure lost without a word; and ten answers of every quirk (synthetic/quirks.py). The per-format
property tests in test_layouts_fuzzer.py sample a few of these on every make test. Invented figures."""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

import pytest

from synthetic.layouts import FORMATS, MUTATIONS, expected, random_layout, random_truth, read_back, variant, write
from synthetic.quirks import corpus
from tests.ingest.test_layouts_fuzzer import _within
from tools.measure_quirks import read_quirk

pytestmark = pytest.mark.sweep


def test_six_hundred_layouts_read_back_or_say_why() -> None:
    rng0 = random.Random(18)
    failures = []
    for _ in range(600):
        seed = rng0.randrange(2**32)
        mutation = rng0.choice([""] * 3 + list(MUTATIONS))
        rng = random.Random(seed)
        layout = variant(random_layout(rng, rng.choice(FORMATS)), mutation=mutation)
        if mutation == "shifted_row":  # a shifted row shows only against the totals it no longer matches
            layout = variant(layout, content=("age_gender",), totals="printed")
        truth = random_truth(random.Random(seed))
        folder = Path(tempfile.mkdtemp(prefix="sweep-"))
        try:
            write(truth, layout, folder / "src")
            got, issues = read_back(folder / "src")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        want = expected(truth, variant(layout, mutation=""))
        flagged = bool({"error", "review"} & {r["severity"] for r in issues})
        kinds = {r["issue_type"] for r in issues}
        if not mutation and (got != want or flagged):
            failures.append((seed, layout.name(), "not read back exactly"))
        elif mutation and not flagged:
            wrong = [k for k, v in got.items() if want.get(k) != v and not (k[3] == "Other" and "platform_unmapped" in kinds)
                     and not _within(v, want.get(k))]
            lost = set(want) - set(got) and not {"table_not_read", "unknown_label", "platform_unmapped"} & kinds
            if wrong or lost:
                failures.append((seed, layout.name(), f"{mutation}: called ok with {wrong[:2] or 'figures lost'}"))
    assert not failures, failures[:5]


def test_ten_answers_of_every_quirk_read_right() -> None:
    results = [read_quirk(q) for q in corpus(per_kind=10, seed=181)]
    bad = [(r.kind, r.note) for r in results if r.wrong_ok or r.review_missing or r.lost_silently or r.right < r.wanted]
    assert not bad, bad[:5]
