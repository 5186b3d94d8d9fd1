"""AppTest for every page: it renders clean on the committed public record, on an empty table and
on a one-force table; what a page must show is asserted on a small table made for these tests
(tests/dashboard/small_table.py, invented figures)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.schema import empty_figures
from ingest.output.write import write_outputs
from ingest.pipeline import run, validated
from tests.conftest import FIXTURES, ROOT
from tests.dashboard.small_table import KENT, NORTHANTS, SUSSEX, write_small_table

PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))


@pytest.fixture(scope="module")
def empty_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("empty")
    import pandas as pd

    write_outputs(empty_figures(), pd.DataFrame(columns=["source_id"]), out, [])
    return out


@pytest.fixture(scope="module")
def one_force_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("oneforce")
    result = run([FIXTURES / "sources" / "crosstab_xlsx"], err=None, progress=False)
    figures, issues = validated(result)
    write_outputs(figures, issues, out, [s.meta for s in result.summaries])
    return out


@pytest.fixture(scope="module")
def small_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_small_table(tmp_path_factory.mktemp("small"))


def open_page(page: str, data_dir: Path | None, monkeypatch: pytest.MonkeyPatch, params: dict[str, str] | None = None) -> AppTest:
    if data_dir is not None:
        monkeypatch.setenv("SCWC_DATA_DIR", str(data_dir))
    else:
        monkeypatch.delenv("SCWC_DATA_DIR", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    if page != "app.py":
        at.switch_page(page)
    return at.run()


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", ["app.py", *PAGES])
def test_page_on_real_data(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(page, None, monkeypatch)
    assert_clean(at)
    assert at.title, "every page has a title"
    for frame in at.dataframe:  # tables in words: no 'None', no column named by its code
        shown = frame.value
        assert not shown.astype(str).isin(["None", "nan", "NaT"]).any().any(), f"{page}: a table shows None/nan"
        assert not {"area_code", "period_label", "value", "source_url"} & set(map(str, shown.columns)), f"{page}: {list(shown.columns)}"


@pytest.mark.parametrize("page", ["app.py", *PAGES])
def test_page_on_empty_table(page: str, empty_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(page, empty_dir, monkeypatch)
    assert_clean(at)
    assert at.info, "an empty table gives a helpful message"


@pytest.mark.parametrize("page", ["app.py", *PAGES])
def test_page_on_one_force_table(page: str, one_force_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(page, one_force_dir, monkeypatch)
    assert_clean(at)


def test_overview_shows_the_first_round(small_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page("pages/1_Overview.py", small_dir, monkeypatch)
    assert_clean(at)
    values = {m.label: m.value for m in at.metric}
    assert values.get("England and Wales") == "1,000"
    assert values.get("North of England") == "300"
    assert any("30.0%" in str(m.proto.delta) for m in at.metric)
    # the latest national figure is the later publication of 2022/23 (3,600, not 3,550)
    assert any(m.value == "3,600" for m in at.metric), [m.value for m in at.metric]


def test_forces_map_has_every_force_area_and_no_data_is_not_zero(small_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page("pages/2_Forces.py", small_dir, monkeypatch, {"period": "2022-04-01_2023-03-31"})
    assert_clean(at)
    import json

    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    traces = spec["data"]
    located = [loc for t in traces for loc in t.get("locations", [])]  # the small areas' points add none
    assert len(located) == 43 and len(set(located)) == 43
    no_data = next(t for t in traces if t["name"] == "no data")
    # Surrey has figures for other years but none for 2022/23: grey, never a 0 on the scale
    assert "Surrey Police" in no_data["text"] and "Kent Police" not in no_data["text"]
    # the City of London, too small to pick at this zoom, has a ringed point of its own that opens its profile
    points = [t for t in traces if t.get("type") == "scattermap"]
    assert points and all(t["customdata"] == ["E23000034"] for t in points)
    assert all(t["text"] == ["City of London Police: no data"] for t in points)


def test_filters_come_from_the_url(small_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page("pages/3_Force_profile.py", small_dir, monkeypatch, {"force": KENT})
    assert_clean(at)
    assert at.selectbox(key="qp_force").value == KENT
    at.selectbox(key="qp_force").set_value(SUSSEX).run()
    assert at.query_params["force"] == [SUSSEX] or at.query_params["force"] == SUSSEX


def test_age_and_gender_shows_suppressed_cells_as_ranges(small_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page("pages/5_Age_and_gender.py", small_dir, monkeypatch, {"view": f"{NORTHANTS}|2022-04-01_2023-03-31"})
    assert_clean(at)
    table = at.dataframe[0].value
    assert (table == "1-4 [c]").sum().sum() == 3
    assert any("understate" in w.value for w in at.warning)


def test_data_page_sentence_and_citation(small_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page("pages/9_Data_and_export.py", small_dir, monkeypatch, {"area": KENT})
    assert_clean(at)
    text = " ".join(m.value for m in at.markdown)
    assert "In 2022/23" in text
    assert "Kent Police recorded" in text and "Cite as:" in text


def test_the_overview_on_the_public_record_shows_the_first_round(monkeypatch: pytest.MonkeyPatch) -> None:
    """The seed facts of the committed public record: the January 2018 figures as published."""
    at = open_page("pages/1_Overview.py", None, monkeypatch)
    values = {m.label: m.value for m in at.metric}
    assert values.get("England and Wales") == "1,316"
    assert values.get("North of England") == "444"


def test_a_reader_sees_no_made_up_round(small_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCWC_ROUNDS", str(tmp_path / "none.csv"))
    at = open_page("pages/11_Round_tracker.py", small_dir, monkeypatch)
    assert_clean(at)
    assert not at.metric and any("No FOI round is recorded" in i.value for i in at.info)


def test_a_reader_sees_a_recorded_round(small_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rounds = tmp_path / "rounds.csv"
    rounds.write_text("requested,period_start,period_end,title\n2023-04-14,2022-04-01,2023-03-31,Synthetic round\n", encoding="utf-8")
    monkeypatch.setenv("SCWC_ROUNDS", str(rounds))
    at = open_page("pages/11_Round_tracker.py", small_dir, monkeypatch)
    assert_clean(at)
    counts = {m.label: m.value for m in at.metric}
    # 2022/23 in the small table: Kent and Sussex answered; Northamptonshire gave an age x gender table and no total
    assert counts["Answered"] == "2" and counts["Partial"] == "1"
    assert not any("Demonstration" in w.value for w in at.warning)


def test_an_editor_sees_a_demonstration_labelled_as_one(small_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCWC_ROUNDS", str(tmp_path / "none.csv"))
    monkeypatch.setenv("SCWC_MODE", "local")
    at = open_page("pages/11_Round_tracker.py", small_dir, monkeypatch)
    assert_clean(at)
    assert at.metric and any("Demonstration" in w.value for w in at.warning)


def test_a_figure_that_needs_review_is_not_the_figure_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    """The public record's West Yorkshire 2024/25 = 144 (its collector's note: 'article headline says
    South Yorkshire - ambiguous') needs review, and no page shows it as the force's figure."""
    from dashboard import loaders

    df = loaders.figures()
    wy = df[(df["area_code"] == "E23000010") & (df["period_start"] == "2024-04-01") & (df["breakdown"] == "total")]
    assert len(wy) and (wy["review"] != "").all() and not wy["latest"].any()


def test_a_category_not_published_is_named_not_drawn_as_none(small_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.facts import ENGLAND_AND_WALES

    at = open_page("pages/5_Age_and_gender.py", small_dir, monkeypatch, {"view": f"scwc|{ENGLAND_AND_WALES}|2022-04-01_2023-03-31"})
    assert_clean(at)
    assert any("did not publish a figure for boys" in w.value for w in at.warning), [w.value for w in at.warning]


def test_the_journalists_region_latest_figure_for_each_force(small_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """South East in the small table: Kent and Sussex have 2022/23, Surrey only 2021/22, Thames Valley
    and Hampshire none; each force's latest figure with its year, the ones with none named, and the
    years said to differ."""
    at = open_page("pages/4_Regions.py", small_dir, monkeypatch, {"region": "E12000008"})
    assert_clean(at)
    latest = next(f.value for f in at.dataframe if "Figure" in f.value.columns and "Credit" in f.value.columns)
    got = dict(zip(latest["Area"], zip(latest["Period"], latest["Figure"], strict=True), strict=True))
    assert got == {"Kent Police": ("2022/23", "100"), "Sussex Police": ("2022/23", "70"), "Surrey Police": ("2021/22", "45")}
    text = " ".join(m.value for m in at.markdown)
    assert "Hampshire and Isle of Wight Constabulary" in text and "Thames Valley Police" in text
    assert any("latest year differs" in w.value for w in at.warning)
    assert {b.label for b in at.get("download_button")} >= {"Download these figures (CSV)", "Download these figures (XLSX)"}


@pytest.mark.parametrize(("script", "params", "said"), [
    ("pages/2_Forces.py", {"period": "1999-04-01_2000-03-31"}, "The link asked for period '1999-04-01_2000-03-31'"),
    ("pages/3_Force_profile.py", {"force": "E99999999"}, "The link asked for force 'E99999999'"),
    ("pages/2_Forces.py", {"measure": "per-capita"}, "The link asked for measure 'per-capita'"),
    ("pages/11_Round_tracker.py", {"requested": "yesterday"}, "The link asked for requested 'yesterday', which is not a date"),
])
def test_a_link_the_page_cannot_follow_gets_a_notice(script: str, params: dict[str, str], said: str, small_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(script, small_dir, monkeypatch, params)
    assert_clean(at)
    shown = [i.value.replace("\\", "") for i in at.info]  # as shown: markdown escapes removed
    assert any(said in text for text in shown), shown


@pytest.mark.parametrize("page", ["pages/9_Data_and_export.py", "pages/3_Force_profile.py"])
def test_on_a_phone_a_tables_figures_come_second(page: str, small_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 20: a phone shows two columns of a table; they were Area and Period, the figures off-screen."""
    from dashboard import ui

    monkeypatch.setattr(ui, "on_phone", lambda: True)
    at = open_page(page, small_dir, monkeypatch, {"force": KENT})
    assert_clean(at)
    tables = [df.value for df in at.dataframe if "Figure" in df.value.columns]
    assert tables and all(list(t.columns).index("Figure") <= 1 for t in tables)


def test_a_force_profile_lists_the_chosen_offences_figures_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 20: Home Office class 88A rows stood among s.15A's in a profile filtered to s.15A
    (Hampshire has both in the public record)."""
    from core.facts import OFFENCE_LABELS

    at = open_page("pages/3_Force_profile.py", None, monkeypatch, {"force": "E23000030", "offence": "scwc"})
    assert_clean(at)
    listed = [df.value for df in at.dataframe if "Offence" in df.value.columns]
    assert listed and all(set(t["Offence"]) == {OFFENCE_LABELS["scwc"]} for t in listed), [set(t["Offence"]) for t in listed]
    assert any("for other offences" in c.value and "88A" in c.value for c in at.caption)


def test_a_region_year_with_one_force_reporting_is_a_sentence_not_a_one_bar_chart(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 20: a ranking of one force is no ranking (Yorkshire and the Humber, 2017/18, public record)."""
    at = open_page("pages/4_Regions.py", None, monkeypatch, {"region": "E12000003", "rank_period": "2017-04-03_2018-03-31"})
    assert_clean(at)
    said = [m.value for m in at.markdown if m.value.startswith("Only **")]
    assert said and "has a figure for 2017/18" in said[0], [m.value for m in at.markdown][:12]
    import json

    titles = [json.loads(c.proto.spec)["layout"].get("meta", {}).get("title", "") for c in at.get("plotly_chart")]
    assert not any(str(t).startswith("Which forces in") for t in titles), titles


def test_a_region_links_the_groups_releases_reported_within_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 20: 'North, South and West Yorkshire' (a group an NSPCC release reported as one) is one
    click from Yorkshire and The Humber, and the group's page links back to its region."""
    at = open_page("pages/4_Regions.py", None, monkeypatch, {"region": "E12000003"})
    assert_clean(at)
    group = next(b for b in at.button if b.label.startswith("North, South and West Yorkshire (part of it"))
    assert any(b.label.startswith("North of England (takes it in") for b in at.button)
    group.click().run()
    assert_clean(at)
    assert at.selectbox(key="qp_region").value == "GRP-YORKS3"
    assert at.query_params["region"] == "GRP-YORKS3"  # a copied link reopens the group
    assert any(b.label.startswith("Yorkshire and The Humber (takes it in") for b in at.button)


def test_a_group_of_regions_ranks_the_forces_of_those_regions(monkeypatch: pytest.MonkeyPatch) -> None:
    """'North of England' is three regions: its ranking and latest figures are of their twelve forces."""
    at = open_page("pages/4_Regions.py", None, monkeypatch, {"region": "GRP-NORTH"})
    assert_clean(at)
    assert not any("None of its forces has" in str(getattr(e, "body", "")) for e in at.info)
    assert any(m.value.startswith("**Made up of:** North East") for m in at.markdown)
