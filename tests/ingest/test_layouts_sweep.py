"""The fuzzer's wide sweep (make test-sweep, run by CI after make test): 600 random layouts, a quarter
with a flaw put in, each read back exactly or, with a flaw, never called `ok` with a wrong figure or
a figure lost without a word; and ten answers of every quirk (synthetic/quirks.py). The per-format
property tests in test_layouts_fuzzer.py sample a few of these on every make test. Invented figures."""

from __future__ import annotations

import random

import pytest

from synthetic.layouts import MUTATIONS
from synthetic.quirks import corpus
from tests.ingest.test_layouts_fuzzer import _roundtrip, flawed_layout, ok_but_wrong
from tools.measure_quirks import read_quirk

pytestmark = pytest.mark.sweep


def test_six_hundred_layouts_read_back_or_say_why() -> None:
    rng0 = random.Random(18)
    failures = []
    for _ in range(600):
        seed = rng0.randrange(2**32)
        mutation = rng0.choice([""] * 3 + list(MUTATIONS))
        layout = flawed_layout(seed, mutation)
        got, want, severities, issues = _roundtrip(seed, layout)
        flagged = bool({"error", "review"} & severities)
        if not mutation and (got != want or flagged):
            failures.append((seed, layout.name(), "not read back exactly"))
        elif mutation and not flagged:
            wrong, unsaid = ok_but_wrong(got, want, issues)
            if wrong or unsaid:
                failures.append((seed, layout.name(), f"{mutation}: called ok with {list(wrong)[:2] or 'figures lost unsaid'}"))
    assert not failures, failures[:5]


def test_ten_answers_of_every_quirk_read_right() -> None:
    results = [read_quirk(q) for q in corpus(per_kind=10, seed=181)]
    bad = [(r.kind, r.note) for r in results if r.wrong_ok or r.review_missing or r.lost_silently or r.right < r.wanted]
    assert not bad, bad[:5]
