"""Stage 1b: a grid of labelled cells cut into tables (title, header rows, label columns, body)
and the prose around them. Synthetic grids, invented figures."""

from __future__ import annotations

import pytest

from ingest.read.base import Cell, NamedGrid
from ingest.tables.layout import dash_zeros, find_tables, is_value, label_text, total_parts


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


def test_tables_side_by_side_share_the_title_over_both_and_keep_their_own_headings() -> None:
    """A monthly table in two halves, one year each: the right half's heading is its own, not lost
    and not its left neighbour's (issue 18)."""
    rows: list[list[object]] = [["Offences recorded by month", None, None, None, None],
                                ["2022/23", None, None, "2023/24", None],
                                ["Month", "Offences", None, "Month", "Offences"],
                                ["Apr-22", 3, None, "Apr-23", 5], ["May-22", 4, None, "May-23", 2], ["Total", 7, None, "Total", 7]]
    left, right = find_tables([grid(rows)])[0]
    assert left.title == "Offences recorded by month / 2022/23" and right.title == "Offences recorded by month / 2023/24"
    assert (left.n_header, right.n_header) == (1, 1) and right.column_labels() == [["Offences"]]
    assert [label_text(r[0].value) for r in right.body] == ["Apr-23", "May-23", "Total"]


def test_a_contents_link_and_a_merged_title_title_the_table_and_a_blank_column_inside_it_is_no_cut() -> None:
    """The shape of the Home Office's missing persons Table B2 (real-tables): "Back to | Contents"
    over a title merged across the sheet, two column groups parted by a blank column whose right
    group begins with figures, not labels. One table; its title is the title, never the link."""
    title = "Table B2: Number of missing incidents"
    rows: list[list[object]] = [
        ["Back to", "Contents", None, None, None, None, None, None],
        [title, title, title, title, title, None, title, title],
        [None, None, "Incidents", "Incidents", None, None, "Individuals", "Individuals"],
        [None, None, "Children", "Adults", "Total", None, "Children", "Adults"],
        [None, "Avon and Somerset", 3744, 2738, 6482, None, 1206, 2295],
        [None, "Bedfordshire", 2405, 1148, 3553, None, 763, 902],
    ]
    [t], prose, _ = find_tables([grid(rows)])
    assert t.title == title and t.n_header == 2
    assert t.column_labels()[5] == ["Individuals", "Children"]
    assert any(p.text == "Back to Contents" for p in prose)


def test_a_merged_group_header_over_the_figures_stays_a_header() -> None:
    rows: list[list[object]] = [[None, "Victim gender", "Victim gender"], ["Age", "Female", "Male"], ["12-15", 4, 2]]
    [t], _, _ = find_tables([grid(rows)])
    assert t.n_header == 2 and t.column_labels() == [["Female"], ["Male"]]


def test_a_note_is_never_the_next_tables_title() -> None:
    rows: list[list[object]] = [["Victims by gender", None], ["Gender", "Offences"], ["Female", 4], ["Male", 2], [None, None],
                                ["Note: figures for 2022/23 are provisional", None], [None, None],
                                ["Platform", "Offences"], ["Snapchat", 3], [None, None], ["* denotes 1 to 4", None], [None, None],
                                ["Age", "Offences"], ["12-15", 5]]
    first, second, third = find_tables([grid(rows)])[0]
    assert first.title == "Victims by gender"
    assert second.title == "Sheet1" and third.title == "Sheet1"  # no title rather than a note's


def test_headings_printed_once_head_every_block_below_them() -> None:
    """The ONS construction tables' shape: years and half-years at the top, then a group's name and a
    block of figures, a blank row, the next group's name and block."""
    rows: list[list[object]] = [
        ["Table A: new orders", None, None, None, None], [None, 2009, None, 2010, None],
        [None, "Jan-June", "July-Dec", "Jan-June", "July-Dec"], ["NORTH EAST", None, None, None, None], [None] * 5,
        ["Public Housing", 40.0, 20.5, 101.0, 49.7], ["Private Housing", 108.1, 94.9, 332.6, 247.5],
        [None] * 5, ["NORTH WEST", None, None, None, None], [None] * 5, ["Public Housing", 61.0, 33.2, 40.1, 55.0],
    ]
    first, second = find_tables([grid(rows)])[0]
    assert first.title.endswith("NORTH EAST") and second.title.endswith("NORTH WEST")
    assert first.column_labels() == second.column_labels() == [["2009", "Jan-June"], ["2009", "July-Dec"], ["2010", "Jan-June"],
                                                               ["2010", "July-Dec"]]
    assert [label_text(r[0].value) for r in second.body] == ["Public Housing"]


def test_upper_headings_parted_by_a_blank_row_join_the_headings_below() -> None:
    """The Home Office workforce tables: 'As at: | Change in 12 months' above a blank row, then the
    dates and 'number | %' over the figures."""
    rows: list[list[object]] = [
        ["Table 1: Police officers", None, None, None, None], [None, "As at:", None, "Change in 12 months", None], [None] * 5,
        [None, "Sep 2018", "Sep 2019", "number", "%"], ["Cleveland", 1223.9, 1225.9, 2.0, 0.2], ["Durham", 1141.1, 1124.7, -16.4, -1.4],
    ]
    [t] = find_tables([grid(rows)])[0]
    assert t.title == "Table 1: Police officers" and t.n_header == 2
    assert t.column_labels()[2:] == [["Change in 12 months", "number"], ["Change in 12 months", "%"]]


def test_a_column_of_one_year_is_a_label_column_and_the_words_after_it_too() -> None:
    rows: list[list[object]] = [["date", "geography", "All", "White"], ["2011", "Darlington", 105564, 101595],
                                ["2011", "Hartlepool", 92028, 89730], ["2011", "Middlesbrough", 138412, 119120]]
    [t] = find_tables([grid(rows)])[0]
    assert t.n_label == 2 and t.row_labels()[1] == ["2011", "Hartlepool"]


def test_a_blank_row_under_a_table_of_words_is_not_taken_for_headings() -> None:
    rows: list[list[object]] = [["Our ref:", "FOI 1", "Date:", "1 May"], [None] * 4, ["Gender", "Offences", None, None],
                                ["Female", 4, None, None], ["Male", 2, None, None]]
    [t] = find_tables([grid(rows)])[0]
    assert t.column_labels() == [["Offences"]] and t.n_header == 1


def test_word_headings_above_a_blank_row_head_the_blocks_below() -> None:
    rows: list[list[object]] = [[None, "Female", "Male"], [None] * 3, ["Under 13", 4, 1], ["13-17", 9, 2]]
    [t] = find_tables([grid(rows)])[0]
    assert t.column_labels() == [["Female"], ["Male"]] and [label_text(r[0].value) for r in t.body] == ["Under 13", "13-17"]


# --- row groups named in the label column (issue 18; the Welsh Government's young road casualties 2014) ---

def _row_labels(rows: list[list[object]]) -> list[str]:
    [t] = find_tables([grid([["Age", "2023/24"]] + rows)])[0]
    return [" / ".join(x for x in labels if x) for labels in t.row_labels()]


GROUP_CASES = [
    # (what, rows under the header, row labels the table gives, or None: the table is left as it was)
    ("a group's name on a line of its own over each group",
     [["Female", None], ["Under 13", 3], ["13-15", 5], ["Male", None], ["Under 13", 1], ["13-15", 7]],
     ["Female / Under 13", "Female / 13-15", "Male / Under 13", "Male / 13-15"]),
    ("later groups named on the line of their first row",
     [["Casualties aged 16-19", None], ["2010", 16], ["2011", 7], ["Casualties aged 20-24 2010", 14], ["2011", 16]],
     ["Casualties aged 16-19 / 2010", "Casualties aged 16-19 / 2011", "Casualties aged 20-24 / 2010", "Casualties aged 20-24 / 2011"]),
    ("the next group named at the end of the last row of the one before",
     [["Aged 16-19", None], ["2010", 8], ["Total", 9], ["Aged 20-24", None], ["2010", 4], ["Total 2010-2014 Aged 25+", 6], ["2010", 3],
      ["Total 2010-2014", 5]],
     ["Aged 16-19 / 2010", "Aged 16-19 / Total", "Aged 20-24 / 2010", "Aged 20-24 / Total 2010-2014", "Aged 25+ / 2010",
      "Aged 25+ / Total 2010-2014"]),
    ("a row above a group's first row that ends with no label the others have: nothing changes",
     [["Aged 16-19", None], ["2010", 8], ["Total", 9], ["Aged 20-24", None], ["2010", 4], ["All years Aged 25+", 6], ["2010", 3],
      ["Sum", 5]],
     None),  # where its name begins cannot be told
    ("a name at the end of a row, after a label the other groups end with",
     [["Aged 16-19", None], ["2010", 8], ["Total:", 9], ["Aged 20-24", None], ["2010", 4], ["Total Aged 25+", 6], ["2010", 3], ["Total", 5]],
     ["Aged 16-19 / 2010", "Aged 16-19 / Total:", "Aged 20-24 / 2010", "Aged 20-24 / Total", "Aged 25+ / 2010", "Aged 25+ / Total"]),
    ("a band left blank under one group is no group's name",
     [["Female", None], ["Under 13", 3], ["13-15", 5], ["Unknown", None], ["Under 13", None], ["13-15", 2]],
     ["Female / Under 13", "Female / 13-15", "Unknown / Under 13", "Unknown / 13-15"]),
    ("one row left blank, no repeated labels: no groups",
     [["Snapchat", None], ["Instagram", 3], ["WhatsApp", 5]],
     None),
    ("a second group that does not start as the first: no groups",
     [["Female", None], ["Under 13", 3], ["13-15", 5], ["Male", None], ["13-15", 7]],
     None),
]


@pytest.mark.parametrize(("what", "rows", "labels"), GROUP_CASES, ids=[c[0] for c in GROUP_CASES])
def test_row_groups_named_in_the_label_column_become_an_outer_label(what: str, rows: list[list[object]], labels: list[str] | None) -> None:
    got = _row_labels(rows)
    if labels is None:
        assert got == [label_text(r[0]) for r in rows], what  # every line kept as it was printed
    else:
        assert got == labels, what


def test_a_total_inside_a_group_adds_up_that_group_only() -> None:
    rows = [["Female", None], ["Under 13", "-"], ["13-15", 5], ["Total", 5], ["Male", None], ["Under 13", 1], ["13-15", 7], ["Total", 8]]
    [t] = find_tables([grid([["Age", "2023/24"]] + rows)])[0]
    # Female's '-' is 0 by Female's own Total (5 = 0 + 5), not by the sum over both groups
    assert dash_zeros(t) == {"Sheet1!B3"}
    assert total_parts(t.row_labels(), [2, 5]) == {2: [0, 1], 5: [3, 4]}


def test_ranks_beside_the_names_they_rank_are_labels() -> None:
    """The LGA's table of the 20 largest providers: rank, name, then figures (real-tables)."""
    ranked = [["", "Provider", "Income", "Share"], ["1", "Alpha", "346", "20%"], ["", "Beta", "16", "3%"], ["2", "Gamma", "293", "19%"],
              ["3", "Delta", "177", "11%"]]
    [t] = find_tables([grid(ranked)])[0]
    assert t.n_label == 2 and t.row_labels()[0] == ["1", "Alpha"]
    # a record listing's line numbers before its words stay the rows' labels (Hertfordshire's 61 pages)
    listing = [["No.", "Year", "Crime type"], ["1", "2019/2020", "Violence"], ["2", "2019/2020", "Theft"], ["3", "2020/2021", "Fraud"]]
    [t] = find_tables([grid(listing)])[0]
    assert t.n_label == 1


def test_a_heading_column_beside_its_figures_column_is_one_column() -> None:
    """A PDF's headings set flush left over figures set flush right came out as a column of headings beside
    a column of figures with none (quirks corpus): one column, the heading over its figures."""
    from ingest.tables.layout import join_heading_columns

    rows = [["Platform", "Number of", "Number of", "Of which"], [None, "offences", None, "under 13"],
            ["Snapchat", None, "35", "34"], ["Instagram", None, "65", "8"]]
    joined = join_heading_columns(grid(rows).grid)
    assert [[c.value for c in r] for r in joined] == [["Platform", "Number of", "Of which"], [None, "offences", "under 13"],
                                                     ["Snapchat", "35", "34"], ["Instagram", "65", "8"]]
    # a column with its own heading and figures stays as it is
    plain = [["Platform", "2022/23", "2023/24"], ["Snapchat", "35", "34"]]
    assert [[c.value for c in r] for r in join_heading_columns(grid(plain).grid)] == plain


def test_headings_printed_again_under_a_title_start_a_new_table() -> None:
    rows: list[list[object]] = [["2022/23", None], ["Victims by gender", None], ["Gender", "Number of offences"], ["Female", 37], ["Male", 5],
                                ["2023/24", None], ["Victims by gender", None], ["Gender", "Number of offences"], ["Female", 17], ["Male", 8]]
    tables, _, _ = find_tables([NamedGrid("answer.csv", [[Cell(v, f"line {r + 1} col {c + 1}") for c, v in enumerate(row)]
                                                         for r, row in enumerate(rows)])])
    assert [t.title for t in tables] == ["2022/23 / Victims by gender", "2023/24 / Victims by gender"]
    assert [[label_text(r[0].value) for r in t.body] for t in tables] == [["Female", "Male"], ["Female", "Male"]]


def test_headings_repeated_with_no_title_above_them_stay_one_table() -> None:
    rows: list[list[object]] = [["Gender", "Number"], ["Female", 37], ["Gender", "Number"], ["Male", 5]]  # a table carried over a page
    [t] = find_tables([grid(rows)])[0]
    assert [label_text(r[0].value) for r in t.body if is_value(r[1].value)] == ["Female", "Male"]


@pytest.mark.parametrize(("sheet", "title"), [("2022-23", "2022-23"), ("2022_23", "2022/23"), ("22-23", "2022/23"), ("FY 22-23", "2022/23"),
                                              ("Apr22-Mar23", "Apr22-Mar23"), ("Sheet1", ""), ("21-23", "")])
def test_a_sheet_named_for_its_period_titles_its_tables(sheet: str, title: str) -> None:
    [t] = find_tables([grid([["Gender", "Number"], ["Female", 3], ["Male", 4]], name=sheet)])[0]
    assert t.title == (title or sheet)  # a period as the sheet names it, read as one; any other name is only the sheet's


@pytest.mark.parametrize(("cells", "labels"), [
    ([["Under 13", "Female", 5], [None, "Male", 1], ["Under 16", "Female", 6], [None, "Male", 2]], 2),  # bands printed once
    ([["Under 13", "Female", 5], [None, "Male", 1], ["13-15", "Female", 6], [None, "Male", 2]], 2),
    ([["Snapchat", "Under 5", 5], ["Instagram", "Under 5", 6]], 1),  # a suppression marker among figures is a figure
])
def test_an_age_band_that_reads_like_a_bound_is_a_label_among_labels(cells: list[list[object]], labels: int) -> None:
    [t] = find_tables([grid([["Age", "Gender", "2023/24"], *cells])])[0]
    assert t.n_label == labels
