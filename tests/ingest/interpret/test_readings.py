"""Stage 2: readings of a table compete on evidence; the winner's figures carry their labels; a
weak or disputed winner is marked needs review. Synthetic tables, invented figures."""

from __future__ import annotations

from datetime import date

from ingest.interpret.readings import choose, interpret
from ingest.read.base import Cell, Document, NamedGrid, ProseLine
from ingest.tables.layout import find_tables
from ingest.vocabulary.reference import reference

PERIOD = (date(2023, 4, 1), date(2024, 3, 31))


def grid(rows: list[list[object]], name: str = "Sheet1") -> NamedGrid:
    return NamedGrid(name, [[Cell(v, f"{name}!{chr(65 + c)}{r + 1}") for c, v in enumerate(row)] for r, row in enumerate(rows)])


def verdict(rows: list[list[object]]):  # type: ignore[no-untyped-def]
    [t], _, _ = find_tables([grid(rows)])
    return choose(t, reference(), PERIOD, set())


def test_a_clean_crosstab_wins_without_doubt() -> None:
    v = verdict([["Age band", "Female", "Male"], ["0-11", 2, 1], ["12-15", 20, 4], ["Total", 22, 5]])
    assert v.best is not None and v.best.kind == "crosstab"
    assert v.review == ""
    got = {(tuple(sorted(lab.text for lab in f.labels)), f.value_raw) for f in v.best.figures}
    assert (("12-15", "Female"), 20) in got


def test_labels_no_vocabulary_knows_are_not_read() -> None:
    v = verdict([["Station", "Cases"], ["Ashford", 3], ["Dover", 4]])
    assert v.best is None and "no age band" in v.not_read


def test_a_total_that_does_not_add_up_marks_the_table_for_review() -> None:
    v = verdict([["Gender", "Count"], ["Female", 20], ["Male", 5], ["Total", 40]])
    assert v.best is not None
    assert "do not match their parts" in v.review


def test_a_record_listing_is_counted_not_read_as_figures() -> None:
    rows: list[list[object]] = [["Crime reference", "Victim age", "Victim gender"]]
    rows += [[f"CR{i:04d}", 13 + i % 3, "Female" if i % 2 else "Male"] for i in range(12)]
    v = verdict(rows)
    assert v.best is not None and v.best.kind == "records"
    assert all(f.aggregate for f in v.best.figures)


def test_statements_in_prose_are_figures_with_their_sentence() -> None:
    doc = Document("pdf", prose=[ProseLine("page 1 line 4", "There have been 39 offences recorded under s15A in the period.")])
    interp = interpret(doc, reference(), PERIOD)
    [f] = interp.figures
    assert f.value_raw == "39" and f.reading == "statement"
