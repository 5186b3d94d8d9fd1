"""Chart builders: what a reader sees follows from the figure's structure."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import charts


def _panel(labels: list[str], values: list[float | None]) -> pd.DataFrame:
    return pd.DataFrame({"period_label": labels, "value": values})


@pytest.mark.parametrize("n", [1, 2, 4, 7])
def test_small_multiples_give_each_series_its_own_scale_on_a_shared_year_axis(n: int) -> None:
    panels = [(f"Series {i}", _panel(["2019/20", "2020/21", "2021/22"], [10.0 * 10**i, None, 30.0 * 10**i])) for i in range(n)]
    fig = charts.small_multiples(panels, "Title?", "a source", "a note")
    layout = fig.to_plotly_json()["layout"]
    names = ["" if i == 1 else str(i) for i in range(1, n + 1)]
    # one trace per panel, each on its own pair of axes
    assert [(t.xaxis, t.yaxis) for t in fig.data] == [(f"x{s}", f"y{s}") for s in names]
    # panels stacked top to bottom without overlapping, inside the plot
    domains = [layout[f"yaxis{s}"]["domain"] for s in names]
    assert all(0 <= lo < hi <= 1 for lo, hi in domains)
    assert all(below[1] < above[0] for above, below in zip(domains, domains[1:], strict=False))
    # each scale fits its own series (a series of millions never squashes one of tens)
    for i, s in enumerate(names):
        assert layout[f"yaxis{s}"]["range"][1] >= 30.0 * 10**i > layout[f"yaxis{s}"]["range"][1] / 2
    # the year axis is shared: upper panels follow the bottom one and show no labels of their own
    bottom = f"x{names[-1]}"
    for s in names[:-1]:
        assert layout[f"xaxis{s}"]["matches"] == bottom and layout[f"xaxis{s}"]["showticklabels"] is False
    assert layout[f"xaxis{names[-1]}"]["title"]["text"] == "Financial year (April to March)"
    # each panel titled at its top left
    titles = [a for a in layout["annotations"] if a["text"].startswith("Series")]
    assert [a["text"] for a in titles] == [name for name, _ in panels]
    assert [a["y"] for a in titles] == [d[1] for d in domains]
    # a missing year is a gap, not a zero
    assert fig.data[0].y[1] is None


def test_small_multiples_label_the_latest_value_and_lone_points() -> None:
    fig = charts.small_multiples([("A", _panel(["2017/18", "2018/19", "2019/20", "2020/21"], [5.0, None, 7.0, 9.0]))], "T?", "s", "n")
    assert list(fig.data[0].text) == ["5", "", "", "9"]


def test_a_year_without_a_number_is_a_gap_in_every_line_chart() -> None:
    df = pd.DataFrame({"period_label": ["2017/18", "2018/19", "2019/20"], "value": [5.0, float("nan"), 7.0], "area_name": "A"})
    fig = charts.series_chart(df, "T?", "s")
    assert list(fig.data[0].y) == [5.0, None, 7.0]


def test_a_category_map_draws_each_area_once_in_its_categorys_colour() -> None:
    geo = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"pfa_code": c, "name": c}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}
        for c in ("A", "B", "C", "D")]}
    table = pd.DataFrame({"area_code": ["A", "B", "C", "D"], "force": ["<b>A</b>", "B", "C", "D"],
                          "status": ["overdue", "answered", "overdue", "refused"]})
    colours = {"answered": "#009E73", "refused": "#D55E00", "overdue": "#CC79A7", "awaiting": "#d9d9d9"}
    fig = charts.category_map(table, geo, "status", colours, "Who answered?", "s", label="force", legend_title="Answer")
    assert [t.name for t in fig.data] == ["answered", "refused", "overdue"]  # the given order; none for an empty category
    assert sorted(c for t in fig.data for c in t.locations) == ["A", "B", "C", "D"]
    for t in fig.data:
        assert t.colorscale[0][1] == t.colorscale[-1][1] == colours[t.name]
        assert {f["properties"]["pfa_code"] for f in t.geojson["features"]} == set(t.locations)  # each boundary sent once
    assert "&lt;b&gt;A&lt;/b&gt;" in fig.data[2].text  # text from the data is shown as typed
    assert fig.layout.legend.title.text == "Answer"


def test_on_a_narrow_screen_the_legend_goes_under_the_axis_title() -> None:
    """Issue 20: on a phone a line chart's legend was drawn over its wrapped axis title (a force's rates)."""
    import plotly.graph_objects as go

    fig = go.Figure([go.Scatter(x=["2017/18", "2018/19"], y=[1, 2], name=n) for n in ("Kent Police", "South East", "England and Wales")])
    fig.update_xaxes(title_text="Financial year (April to March)")
    charts.style(fig, "How many?", "Source: test")
    height = fig.layout.height
    charts.fit(fig, narrow=True)
    assert fig.layout.legend.yref == "container" and fig.layout.legend.y == 0
    assert fig.layout.height == height + 3 * 22 and fig.layout.margin.b >= 3 * 22
    wide = charts.style(go.Figure(fig.data), "How many?", "Source: test")
    assert charts.fit(wide, narrow=False).layout.legend.yref is None  # a laptop keeps the legend where it was
