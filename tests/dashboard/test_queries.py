"""Queries on the real table: the rules the pages rely on."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import queries
from dashboard.data import read_areas, read_figures, read_groups, read_population


def test_latest_publication_wins_and_the_other_is_a_revision() -> None:
    df = read_figures()
    ew = df[(df["area_code"] == "K04000001") & (df["breakdown"] == "total") & (df["period_end"] == pd.Timestamp("2018-03-31"))]
    chosen, others = queries.resolve(ew)
    assert list(chosen["value"]) == [3217.0] and 3171.0 in set(others["value"])
    rev = queries.revisions(df)
    assert ((rev["area_name"] == "England and Wales") & rev["values"].str.contains("3171")).any()


def test_figures_marked_once_in_the_loader_resolve_as_they_would_row_by_row() -> None:
    """The loader marks `latest` and `revised` once; queries on any whole-figure subset of the
    marked table give what resolving that subset afresh gives, at 1x and with the table repeated."""
    plain = read_figures()
    repeated = pd.concat([plain.assign(source_id=plain["source_id"] + f"-x{i}") for i in range(3)], ignore_index=True)
    for df in (plain, repeated):
        marked = queries.mark_latest(queries.add_periods(df))
        for offence in sorted(set(df["offence"])):
            subset = marked[marked["offence"] == offence]
            fresh, fresh_others = queries.resolve(subset.drop(columns=["latest", "revised"]))
            fast, fast_others = queries.resolve(subset)
            assert sorted(fast.index) == sorted(fresh.index) and sorted(fast_others.index) == sorted(fresh_others.index)
        assert queries.revisions(marked).equals(queries.revisions(marked.drop(columns=["latest", "revised"])))
        fast_totals = queries.totals(marked).drop(columns=["latest", "revised"]).sort_index()
        assert fast_totals.equals(queries.totals(marked.drop(columns=["latest", "revised"])).sort_index())


def test_members_of_groups_and_regions() -> None:
    names, definition = queries.members("GRP-NORTH", read_areas(), read_groups())
    assert sorted(names) == ["North East", "North West", "Yorkshire and The Humber"]
    assert "North East + North West + Yorkshire and The Humber" in definition
    names, _ = queries.members("GRP-SE4", read_areas(), read_groups())
    assert sorted(names) == ["Hampshire and Isle of Wight Constabulary", "Kent Police", "Surrey Police", "Sussex Police"]
    names, _ = queries.members("E12000005", read_areas(), read_groups())
    assert "West Midlands Police" in names and len(names) == 4


def test_like_for_like_keeps_only_common_periods_and_rates() -> None:
    df = read_figures()
    common = queries.like_for_like(df, ["E23000032", "W15000003"])
    periods = common.groupby("area_code")["period"].apply(set)
    assert periods["E23000032"] == periods["W15000003"] and len(periods["E23000032"]) >= 1
    rated = queries.with_rates(common, read_population())
    kent = rated[rated["area_code"] == "E23000032"].iloc[0]
    assert kent["rate_per_100k"] == round(kent["value"] / 1_846_500 * 100_000, 2)  # Kent, ONS mid-2018


def test_crosstab_shows_ranges_and_totals_over_them() -> None:
    df = read_figures()
    cells = queries.breakdown_rows(df, "age_gender", codes=["E23000022"], period="2024-04-01_2025-03-31")
    table = queries.crosstab(cells)
    assert table.loc["12-15", "male"] == "1-4 [c]" and table.loc["12-15", "all (range)"] == "24-30"


def test_headlines_and_recomputed_share() -> None:
    heads = queries.headlines(queries.yearly(queries.national_series(read_figures(), "scwc_uk"))).set_index("area_name")
    assert heads.loc["United Kingdom", "value"] == 7263 and heads.loc["United Kingdom", "change"] == "+3% on 2023/24"
    assert queries.share_text(444, 1316) == "33.7% of the total (444 / 1,316)"


@pytest.mark.parametrize(("offence", "area", "period"), [
    ("scwc", "", ""), ("scwc", "all", "all"), ("all", "", ""), ("scwc", "a force", ""), ("scwc", "", "first"),
    ("scwc", "a force", "first"), ("scwc_uk", "all", ""), ("scwc", "NO_SUCH_AREA", ""),
])
def test_view_rows_filter_each_given_field_and_treat_all_as_none(offence: str, area: str, period: str) -> None:
    df = queries.mark_latest(queries.add_periods(read_figures()))
    of_offence = df[(df["offence"] == offence) & (df["area_type"] == "force")]
    if area == "a force":
        area = str(of_offence["area_code"].iloc[0])
    if period == "first":
        period = str((of_offence[of_offence["area_code"] == area] if area else of_offence)["period"].iloc[0])
    want = df
    for column, value in (("offence", offence), ("area_code", area), ("period", period)):
        if value and value != queries.ALL:
            want = want[want[column] == value]
    got = queries.view_rows(df, offence, area, period)
    assert got.index.equals(want.index)
    assert not (area == "NO_SUCH_AREA" and len(got))


def test_missing_categories_are_named_in_words() -> None:
    rows = pd.DataFrame({"gender": ["female"], "value": [100.0]})
    assert queries.missing_categories(rows, "gender", ["female", "male"]) == ["boys"]
    both = pd.DataFrame({"gender": ["female", "male"], "value": [100.0, 20.0]})
    assert queries.missing_categories(both, "gender", ["female", "male"]) == []
    ages = pd.DataFrame({"age_band": ["12-15"], "value": [5.0]})
    assert queries.missing_categories(ages, "age_band", ["0-11", "12-15", "16+"]) == ["0-11", "16+"]


def test_latest_per_force_takes_each_forces_own_latest_year() -> None:
    from tests.dashboard.small_table import KENT, SURREY, SUSSEX, small_table

    t = queries.totals(queries.mark_latest(queries.add_periods(small_table())), "scwc")
    latest, none = queries.latest_per_force(t, {KENT: "Kent Police", SURREY: "Surrey Police", SUSSEX: "Sussex Police",
                                                "E23000029": "Thames Valley Police"})
    assert list(zip(latest["area_name"], latest["period_label"], latest["value"], strict=True)) == [
        ("Kent Police", "2022/23", 100.0), ("Sussex Police", "2022/23", 70.0), ("Surrey Police", "2021/22", 45.0)]
    assert none == ["Thames Valley Police"]


def test_a_periods_count_of_forces_is_of_forces_with_a_figure() -> None:
    """Issue 20: the period list said '(11 forces)' where the page said only 10 had a figure: a
    withheld total is a force's answer, not a figure."""
    from tests.dashboard.small_table import KENT, small_table

    df = queries.mark_latest(queries.add_periods(small_table()))
    before = queries.periods(df, "scwc", "force").set_index("period")["forces"]
    row = df[(df["area_code"] == KENT) & (df["breakdown"] == "total") & (df["period_label"] == "2022/23")].index[0]
    df.loc[row, ["value", "status"]] = [None, "withheld"]
    after = queries.periods(df, "scwc", "force").set_index("period")["forces"]
    period = df.loc[row, "period"]
    assert after[period] == before[period] - 1


@pytest.mark.parametrize(("code", "related"), [
    ("E12000003", [("GRP-YORKS3", "part of it"), ("GRP-NORTH", "takes it in")]),
    ("GRP-YORKS3", [("E12000003", "takes it in"), ("GRP-NORTH", "takes it in")]),
    ("E12000002", [("GRP-NW4", "part of it"), ("GRP-NORTH", "takes it in"), ("GRP-NE-CUMBRIA", "shares forces with it")]),
    ("W92000004", []),
])
def test_regions_and_groups_that_share_forces(code: str, related: list[tuple[str, str]]) -> None:
    areas, groups = read_areas(), read_groups()
    candidates = sorted(set(groups["area_code"]) | {c for c in areas["area_code"] if c.startswith(("E12", "W92"))})
    assert queries.related_areas(code, candidates, areas, groups) == related


def test_a_group_of_regions_is_made_of_their_forces() -> None:
    areas, groups = read_areas(), read_groups()
    north = queries.forces_of("GRP-NORTH", areas, groups)
    assert len(north) == 12 and "E23000010" in north  # West Yorkshire Police, through Yorkshire and The Humber
    assert queries.forces_of("E23000032", areas, groups) == {"E23000032"}
