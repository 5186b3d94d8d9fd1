"""Stage 1b: a grid of labelled cells cut into tables (title, header rows, label columns, body)
and the prose around them. Synthetic grids, invented figures."""

from __future__ import annotations

from ingest.read.base import Cell, NamedGrid
from ingest.tables.layout import dash_zeros, find_tables, is_value, label_text


def grid(rows: list[list[object]], name: str = "Sheet1") -> NamedGrid:
    return NamedGrid(name, [[Cell(v, f"{name}!{chr(65 + c)}{r + 1}") for c, v in enumerate(row)] for r, row in enumerate(rows)])


LETTER = [
    ["Freedom of Information request 0001/25", None, None],
    [None, None, None],
    ["Offences of sexual communication with a child by gender", None, None],
    ["Gender", "2022/23", "2023/24"],
    ["Female", 10, "*"],
    ["Male", 3, 4],
    ["Total", 13, 6],
    [None, None, None],
    ["* denotes a figure of 1 to 4", None, None],
]


def test_a_letterhead_table_has_its_title_header_labels_and_body() -> None:
    tables, prose, skipped = find_tables([grid(LETTER)])
    assert skipped == []
    [t] = tables
    assert "by gender" in t.title
    assert (t.n_header, t.n_label) == (1, 1)
    assert [label_text(r[0].value) for r in t.body] == ["Female", "Male", "Total"]
    assert t.column_labels() == [["2022/23"], ["2023/24"]]
    assert any("denotes" in p.text for p in prose)


def test_guidance_sheets_are_skipped_by_name() -> None:
    tables, _, skipped = find_tables([grid(LETTER, "Instructions"), grid(LETTER, "Answer")])
    assert skipped == ["Instructions"]
    assert [t.name.split("#")[0] for t in tables] == ["Answer"]


def test_two_tables_on_one_sheet_are_two_tables() -> None:
    rows = LETTER[2:7] + [[None, None, None], ["Platform", "2022/23", "2023/24"], ["Snapchat", 5, 2], ["Instagram", 1, 0]]
    tables, _, _ = find_tables([grid(rows)])
    assert len(tables) == 2
    assert [label_text(r[0].value) for r in tables[1].body] == ["Snapchat", "Instagram"]


def test_cells_that_are_figures_and_cells_that_are_labels() -> None:
    assert all(is_value(v) for v in (0, 12, "1,316", "*", "<5", "n/a", "s.12 cost limit"))
    assert not any(is_value(v) for v in (None, "", "Female", "2022/23 total"))


def test_a_dash_is_zero_only_where_the_totals_say_so() -> None:
    shows_zero = [["Gender", "2023/24"], ["Female", 5], ["Male", "-"], ["Total", 5]]
    does_not = [["Gender", "2023/24"], ["Female", 5], ["Male", "-"], ["Total", 9]]
    [t1], _, _ = find_tables([grid(shows_zero)])
    [t2], _, _ = find_tables([grid(does_not)])
    assert dash_zeros(t1) == {"Sheet1!B3"}
    assert dash_zeros(t2) == set()
