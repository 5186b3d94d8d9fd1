"""Answers with the quirks real letters have (synthetic/quirks.py, issue 18): each quirk written
several ways, formats drawn at random. At least 95% of their figures read right, no answer called
`ok` with a wrong or made-up figure, and an answer whose quirk no reader can resolve needs review.
Invented figures."""

from __future__ import annotations

import random

import pytest

from synthetic.quirks import QUIRKS, corpus
from tools.measure_quirks import read_quirk


@pytest.mark.parametrize("kind", sorted(QUIRKS))
def test_each_quirk_reads_right_or_says_why_not(kind: str) -> None:
    for seed in range(2):
        quirk = QUIRKS[kind](random.Random(seed))
        result = read_quirk(quirk)
        assert not result.wrong_ok, (kind, quirk.note, result.wrong_ok)
        assert not result.review_missing, (kind, "its quirk needs review and it was called ok")
        assert not result.lost_silently, (kind, quirk.note, "figures lost with no warning", result.lost_silently)
        assert result.right == result.wanted, (kind, quirk.note, f"{result.right} of {result.wanted} right")


def test_most_figures_of_the_quirk_corpus_read_right() -> None:
    results = [read_quirk(q) for q in corpus(per_kind=1, seed=7)]  # one more of each beside the two above; ten in the sweep
    share = sum(r.right for r in results) / sum(r.wanted for r in results)
    assert share >= 0.95, f"{share:.1%}"
    assert not [r for r in results if r.wrong_ok or r.review_missing or r.lost_silently]
