"""Exports: CSV and XLSX are formula-safe and carry their sources; charts render to PNG."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator

import openpyxl
import pandas as pd
import pytest

from dashboard import charts, exports, queries
from dashboard.data import read_figures

# the running kaleido browser was started with its options already: plotly says so on every image
pytestmark = pytest.mark.filterwarnings("ignore:The kopts argument is ignored if using a server")


@pytest.fixture(scope="module", autouse=True)
def one_chromium_for_the_images() -> Iterator[None]:
    """The chart images of this module through one kaleido browser (2.5 s an image started each
    time, about 0.6 s from a running one)."""
    import kaleido

    if not shutil.which("chromium"):
        yield
        return
    kaleido.start_sync_server(silence_warnings=True)
    try:
        yield
    finally:
        kaleido.stop_sync_server(silence_warnings=True)


@pytest.fixture(scope="module")
def kent() -> pd.DataFrame:
    df = read_figures()
    return df[df["area_code"] == "E23000032"]


def test_xlsx_has_figures_sources_and_no_formulas(kent: pd.DataFrame) -> None:
    evil = kent.head(2).copy()
    evil.loc[evil.index[0], "label_raw"] = '=HYPERLINK("http://x","y")'
    evil.loc[evil.index[1], "note"] = "@SUM(A1)"
    wb = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx_bytes(evil, "Cite me")))
    assert wb.sheetnames == ["Figures", "Releases", "Sources", "About"]
    cells = [c for row in wb["Figures"].iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"], "no cell is a formula"
    values = {c.value for c in cells}
    assert "'=HYPERLINK(\"http://x\",\"y\")" in values and "'@SUM(A1)" in values
    sources = [r[0].value for r in wb["Sources"].iter_rows(min_row=2)]
    assert sorted(sources) == sorted(set(evil["source_id"]))


def test_xlsx_numbers_are_numbers(kent: pd.DataFrame) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx_bytes(kent, "Cite me")))
    ws = wb["Figures"]
    header = [c.value for c in ws[1]]
    values = [row[header.index("value")] for row in ws.iter_rows(min_row=2)]
    filled = [c for c in values if c.value is not None]
    assert filled and all(c.data_type == "n" and isinstance(c.value, (int, float)) for c in filled)
    assert 264 in {c.value for c in filled}


def test_csv_export_carries_the_citation_and_round_trips(kent: pd.DataFrame) -> None:
    data = exports.to_csv_bytes(kent, "Cite me, please")
    first, second = data.decode("utf-8").splitlines()[:2]
    assert first == "# Cite as: Cite me, please" and second.startswith("# Licence: ")
    back = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, comment="#")
    assert len(back) == len(kent) and set(back["area_code"]) == {"E23000032"}
    assert (back["source_url"] != "").all()


def test_sentence_and_citation(kent: pd.DataFrame) -> None:
    t = queries.with_period(kent[(kent["breakdown"] == "total") & (kent["status"] == "reported")])
    row = t[t["period_label"] == "2023/24"].iloc[0]
    assert queries.sentence(row) == "In 2023/24 Kent Police recorded 264 offences of sexual communication with a child, according to NSPCC."
    cite = queries.citation(t)
    assert cite.startswith("Sexual communication with a child (s.15A SOA 2003): police figures as published by NSPCC, ")
    # the releases named in date order
    named = [r for r in queries.releases_of(t).itertuples()]
    assert [r.originated for r in named] == sorted(r.originated for r in named)


@pytest.mark.skipif(not shutil.which("chromium"), reason="kaleido renders with Debian's chromium (installed by .ci/run)")
def test_chart_png_has_title_and_source_line(kent: pd.DataFrame) -> None:
    t = queries.with_period(kent[(kent["breakdown"] == "total") & (kent["status"] == "reported")])
    fig = charts.series_chart(t, "How many offences did Kent Police record?", "NSPCC releases", "1 source")
    assert fig.layout.title.text.startswith("How many offences did Kent Police record?")
    assert "Source: NSPCC releases" in fig.layout.title.subtitle.text  # in the figure, so every PNG carries it
    png = charts.to_png(fig)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000


def test_every_exported_row_says_whether_it_is_the_figure_shown() -> None:
    """Two publications of one figure (3,550 then 3,600) and a figure that needs review: the
    export tells them apart, and its shown rows hold each figure once (no pivot counts twice)."""
    from core.schema import FIGURE_KEY
    from tests.dashboard.small_table import small_table

    df = queries.mark_latest(queries.add_periods(small_table()))
    doubtful = df.iloc[[0]].assign(review="the collector's own note calls the row doubtful", source_id="synthetic-doubt",
                                   value=9999.0, value_low=9999.0, value_high=9999.0)
    df = queries.mark_latest(pd.concat([df.drop(columns=["latest", "revised", "lower_bound"]),
                                        doubtful.drop(columns=["latest", "revised", "lower_bound"])], ignore_index=True))
    back = pd.read_csv(io.BytesIO(exports.to_csv_bytes(df, "Cite me")), comment="#", dtype=str, keep_default_na=False)
    assert back.columns[0] == "shown"
    assert set(back["shown"]) == set(queries.SHOWN_WORDS.values())
    shown = back[back["shown"] == queries.SHOWN_WORDS["shown"]]
    assert not shown.duplicated(subset=list(FIGURE_KEY)).any()
    assert "3550" in set(back[back["shown"] == queries.SHOWN_WORDS["other"]]["value"])
    assert set(back[back["shown"] == queries.SHOWN_WORDS["review"]]["value"]) == {"9999"}
    assert "9999" not in set(shown["value"])  # a figure that needs review is never the one shown


def test_the_xlsx_data_sheet_carries_the_citation(kent: pd.DataFrame) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx_bytes(kent, "Cite me, please")))
    ws = wb["Figures"]
    header = [c.value for c in ws[1]]
    assert header[0] == "shown"
    assert "Cite as: Cite me, please" in header  # one blank column right of the table
    assert header.index("Cite as: Cite me, please") == header.index(None) + 1


def test_xlsx_release_counts_are_numbers(kent: pd.DataFrame) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx_bytes(kent, "Cite me")))["Releases"]
    header = [c.value for c in ws[1]]
    counts = [row[header.index("figures")] for row in ws.iter_rows(min_row=2)]
    assert counts and all(c.data_type == "n" for c in counts)


@pytest.mark.parametrize("bars", [1, 2, 5, 40])
def test_a_charts_image_keeps_its_title_clear_of_the_plot_at_any_bar_count(bars: int) -> None:
    """Issue 20: with few bars, the PNG (drawn 650 px tall whatever the chart's height) put the bars
    over the title, source and coverage lines. The image is as tall as the chart; the title's
    lines end above the plot's top at that height."""
    import io

    rows = pd.DataFrame({"area_name": [f"Force {i}" for i in range(bars)], "value": list(range(bars, 0, -1))})
    fig = charts.ranked_bars(rows, "value", "area_name", "Which forces recorded the most offences in the region, 2023/24?",
                             "police FOI returns as published", f"{bars} of 5 forces; no figure: Force X, Force Y, Force Z")
    height = charts.png_height(fig)
    assert height == fig.layout.height and charts.config("x", fig)["toImageButtonOptions"]["height"] == height
    title_lines = fig.layout.title.text.count("<br>") + 1
    sub_lines = fig.layout.title.subtitle.text.count("<br>") + 1
    title_top = (1 - fig.layout.title.y) * height  # px from the image's top, at the image's height
    assert title_top + 21 * title_lines + 8 + 15 * sub_lines <= fig.layout.margin.t
    if shutil.which("chromium"):
        from PIL import Image

        image = Image.open(io.BytesIO(charts.to_png(fig)))
        assert image.size == (charts.PNG_WIDTH, height)
