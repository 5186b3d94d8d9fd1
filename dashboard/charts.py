"""Plotly figures for the pages, to a publication standard. Never imports streamlit.

Every chart: a title that asks the question it answers; its source and coverage under the title
(inside the figure, so the toolbar's PNG carries them); axes labelled in words; financial years
as `2017/18`, in order, a missing year a gap; a missing or suppressed value never drawn as 0
(a suppressed one is drawn as its range); series that cannot be compared never share a scale
unannounced (small multiples with their own axes). Palette: Okabe-Ito, safe for the common
forms of colour blindness.
"""

from __future__ import annotations

import html
import re
import textwrap
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboard.queries import FY_LABEL

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# sequential blues that start visibly darker than the page (a low value is never white on white)
MAP_SCALE = [[0.0, "#c6dbef"], [0.35, "#6baed6"], [0.7, "#2171b5"], [1.0, "#08306b"]]
NO_DATA_COLOUR = "#bdbdbd"
RANGE_COLOUR = "rgba(0,114,178,0.25)"
FONT = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"


# The look of plotly's 'plotly_white', written out: loading plotly's own templates costs about
# 9 MB of memory in every server process (make bench-app), for the few settings used here.
_GRID = "#EBF0F8"
TEMPLATE: dict[str, Any] = {"layout": {
    "paper_bgcolor": "white", "plot_bgcolor": "white", "font": {"color": "#2a3f5f"}, "colorway": PALETTE,
    "xaxis": {"gridcolor": _GRID, "linecolor": _GRID, "zerolinecolor": _GRID, "zerolinewidth": 2, "ticks": "", "showgrid": True},
    "yaxis": {"gridcolor": _GRID, "linecolor": _GRID, "zerolinecolor": _GRID, "zerolinewidth": 2, "ticks": "", "showgrid": True},
    "hoverlabel": {"align": "left"}, "hovermode": "closest",
}}
pio.templates.default = None  # a figure made anywhere in the app never loads plotly's templates


PNG_WIDTH = 1100


def png_height(fig: go.Figure | None) -> int:
    """A chart's image is as tall as the chart is drawn: the title's place and the plot's top margin
    are set for that height, so a taller image put a two-bar ranking over its title (issue 20)."""
    height = getattr(getattr(fig, "layout", None), "height", None)
    return int(height) if height else 650


def config(filename: str, fig: go.Figure | None = None) -> dict[str, Any]:
    """st.plotly_chart's config: the toolbar's PNG is the whole figure (title, source, coverage),
    at the figure's own height."""
    return {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
            "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2, "width": PNG_WIDTH,
                                     "height": png_height(fig)}}


# Titles wrap at a set number of characters (SVG text never wraps by itself): wide for a
# desktop, narrow for a phone (a page re-fits them with `fit` for a phone or a narrow column).
WIDE_TITLE, WIDE_SUBTITLE = (56, 80)
NARROW_TITLE, NARROW_SUBTITLE = (34, 50)
NARROW_PANEL = 40  # a small-multiples panel title on a phone
WIDE_PANEL = 80
NARROW_AXIS = 22  # a horizontal axis title on a phone
NARROW_LABEL = 16  # a bar's label on a phone
TOOLBAR_BAND = 34


def _plain(text: str) -> str:
    """Text from the data as plotly shows it: its own characters, never tags (plotly reads a
    subset of HTML in every label)."""
    return html.escape(text, quote=False)


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(_plain(text), width, break_long_words=True, break_on_hyphens=False) or [""]


def _title(fig: go.Figure, title: str, subtitle: str, title_chars: int, subtitle_chars: int, base_height: int,
           first_panel: str = "", panel_chars: int = 0) -> None:
    lines = _wrap(title, title_chars)
    subs = _wrap(subtitle, subtitle_chars) if subtitle else []
    # a band above the title keeps the toolbar (which floats at the top right) off its words;
    # line heights as plotly draws them (17px title, 12px subtitle, 12px panel titles)
    top = TOOLBAR_BAND + 21 * len(lines) + (8 + 15 * len(subs) if subs else 0) + 18
    if first_panel:  # the first small multiple's own title sits above the plot area
        top += 16 * len(_wrap(first_panel, panel_chars)) + 4
    height = base_height + max(0, top - 96)  # the plot keeps its room however many lines the title takes
    # plotly places a 'top'-anchored title about 15px above the y asked for
    fig.update_layout(title={"text": "<br>".join(lines), "x": 0, "xanchor": "left", "xref": "container", "yref": "container",
                             "y": 1 - (TOOLBAR_BAND + 15) / height, "yanchor": "top", "font": {"size": 17},
                             "subtitle": {"text": "<br>".join(subs), "font": {"size": 12, "color": "#555"}}},
                      height=height, margin={"t": top},
                      meta={**(fig.layout.meta or {}), "title": title, "subtitle": subtitle, "base_height": base_height})


NARROW_MAP_ZOOM = 4.75  # England and Wales are about 8 degrees wide: some 330 px at this zoom, inside a phone's 350


def fit(fig: go.Figure, narrow: bool) -> go.Figure:
    """For a narrow place (a phone, or a chart in a column): titles and panel titles re-wrapped."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else None
    if not (narrow and meta and "title" in meta):
        return fig
    panels = list(meta.get("panels", []))
    _title(fig, str(meta["title"]), str(meta.get("subtitle", "")), NARROW_TITLE, NARROW_SUBTITLE, int(meta["base_height"]),
           panels[0] if panels else "", NARROW_PANEL)
    for ann, name in zip(fig.layout.annotations, panels, strict=False):
        ann.update(text="<br>".join(_wrap(name, NARROW_PANEL)))
    # long bar labels wrap, or they squeeze the bars to a third of a phone
    for trace in fig.data:
        if trace.type == "bar" and trace.orientation == "h" and trace.y is not None:
            trace.y = ["<br>".join(textwrap.wrap(str(v), NARROW_LABEL)) for v in trace.y]
            # room for every line of the wrapped labels (three-line labels overlapped their neighbours on a phone)
            lines = sum(str(v).count("<br>") + 1 for v in trace.y)
            fig.update_layout(height=int(fig.layout.height or 460) + 10 * len(trace.y) + 16 * max(0, lines - len(trace.y)))
    # a map: England and Wales whole, the colour bar under it (beside it, it hid East Anglia and Kent on a phone)
    if fig.layout.map is not None and fig.layout.map.zoom is not None:
        fig.update_layout(map={"zoom": NARROW_MAP_ZOOM, "center": {"lat": 52.8, "lon": -2.0}})
        for trace in fig.data:
            if trace.type == "choroplethmap" and trace.showscale is not False:
                trace.colorbar.update(orientation="h", x=0.5, xanchor="center", y=0.0, yanchor="top", len=0.85, thickness=10,
                                      title={"side": "top"})
    # a horizontal axis title is centred under the plot, which labels can still squeeze
    fig.for_each_xaxis(lambda ax: ax.update(title_text="<br>".join(textwrap.wrap(ax.title.text, NARROW_AXIS)))
                       if ax.title and ax.title.text and "<br>" not in ax.title.text else None)
    # the legend at the foot of the figure, under the axis title it was drawn over (a force's rates on a phone), a line an entry
    entries = [t for t in fig.data if t.showlegend is not False and t.name]
    if fig.layout.showlegend and fig.layout.legend.orientation == "h" and entries and fig.layout.map.zoom is None:
        extra = 22 * len(entries)
        fig.update_layout(legend={"yref": "container", "y": 0, "yanchor": "bottom"}, height=int(fig.layout.height or 460) + extra,
                          margin={"b": int(fig.layout.margin.b if fig.layout.margin.b is not None else 80) + extra})
    return fig


def style(fig: go.Figure, title: str, subtitle: str = "", height: int = 460, legend: bool = True) -> go.Figure:
    """Title (the question), the source and coverage under it, a legend below the plot."""
    fig.update_layout(
        colorway=PALETTE, template=TEMPLATE, font={"size": 13, "family": FONT}, height=height,
        margin={"l": 10, "r": 10, "b": 10},
        legend={"orientation": "h", "yanchor": "top", "y": -0.14, "x": 0, "title": {"text": ""}} if legend else None,
        showlegend=legend, hoverlabel={"font": {"family": FONT}},
    )
    fig.update_xaxes(automargin=True)  # rotated year labels on a phone push the axis title down, not over them
    fig.update_yaxes(automargin=True)
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    panels = list(meta.get("panels", []))  # small_multiples names its panels here before styling
    _title(fig, title, subtitle, WIDE_TITLE, WIDE_SUBTITLE, height, panels[0] if panels else "", WIDE_PANEL)
    return fig


def subtitle(source: str, coverage: str = "") -> str:
    return " · ".join(t for t in (f"Source: {source}" if source else "", coverage) if t)


def fy_axis(labels: list[str]) -> list[str]:
    """Every financial year from the first to the last label, in order (a missing one is a gap)."""
    years = sorted({int(x[:4]) for x in labels if isinstance(x, str) and re.fullmatch(FY_LABEL, x)})
    if not years:
        return sorted(set(labels))
    return [f"{y}/{(y + 1) % 100:02d}" for y in range(years[0], years[-1] + 1)]


def _fy_values(g: pd.DataFrame, axis: list[str]) -> list[float | None]:
    """The values on the year axis; None (a gap, never 0) where a year has no figure or a row
    without a number (a withheld or refused figure)."""
    by = {lab: float(v) for lab, v in zip(g["period_label"], g["value"], strict=False) if pd.notna(v)}
    return [by.get(lab) for lab in axis]


def series_chart(df: pd.DataFrame, title: str, source: str, coverage: str = "", colour: str = "area_name",
                 y_title: str = "Offences recorded") -> go.Figure:
    """Lines by financial year, one per `colour` value, on one scale: only for comparable series."""
    axis = fy_axis(list(df["period_label"]))
    fig = go.Figure()
    for i, (name, g) in enumerate(df.groupby(colour, sort=False)):
        fig.add_trace(go.Scatter(x=axis, y=_fy_values(g, axis), name=str(name), mode="lines+markers", connectgaps=False,
                                 line={"color": PALETTE[i % len(PALETTE)], "width": 2.5},
                                 hovertemplate="%{x}: %{y:,.0f}<extra>" + _plain(str(name)[:60]) + "</extra>"))
    fig.update_xaxes(title_text="Financial year (April to March)", type="category", categoryorder="array", categoryarray=axis)
    fig.update_yaxes(title_text=y_title, rangemode="tozero", tickformat=",d")
    return style(fig, title, subtitle(source, coverage), legend=df[colour].nunique() > 1)


def mark_points(fig: go.Figure, xs: list[str], ys: list[float], labels: list[str]) -> None:
    """Ring the points of a series that are not like for like (a year covering other forces), each
    with a short word above it, so a dip is never read as a fall unannounced."""
    if not xs:
        return
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="markers+text", text=labels, textposition="top center", showlegend=False,
                             marker={"symbol": "circle-open", "size": 16, "color": "#b22222", "line": {"width": 2}},
                             textfont={"color": "#b22222", "size": 11}, hoverinfo="skip"))


def _axis_no(i: int) -> str:
    """Plotly names the first axis 'xaxis' ('x'), the others 'xaxis2' ('x2')..."""
    return "" if i == 1 else str(i)


def _stacked_panels(n: int, titles: list[str], spacing: float = 0.14) -> dict[str, Any]:
    """The layout of `n` panels stacked one above another, sharing the x axis (labels on the
    bottom one only), each titled at its top left: what plotly's make_subplots(rows=n, cols=1,
    shared_xaxes=True) lays out, written out because make_subplots instantiates every kind of
    layout plotly has (maps, polar, 3-D scenes...) on the way, about 3 MB of each server's memory."""
    n = max(n, 1)
    h = (1 - spacing * (n - 1)) / n
    layout: dict[str, Any] = {"annotations": []}
    for i in range(1, n + 1):
        top = 1 - (i - 1) * (h + spacing)
        layout[f"yaxis{_axis_no(i)}"] = {"domain": [round(max(top - h, 0.0), 6), round(top, 6)], "anchor": f"x{_axis_no(i)}"}
        layout[f"xaxis{_axis_no(i)}"] = {"anchor": f"y{_axis_no(i)}", "domain": [0.0, 1.0]} | (
            {"matches": f"x{_axis_no(n)}", "showticklabels": False} if i < n else {})
        if i <= len(titles):
            layout["annotations"].append({"text": titles[i - 1], "x": 0, "xref": "paper", "xanchor": "left", "align": "left",
                                          "y": round(top, 6), "yref": "paper", "yanchor": "bottom", "showarrow": False,
                                          "font": {"size": 12, "color": "#333"}})
    return layout


def small_multiples(panels: list[tuple[str, pd.DataFrame]], title: str, source: str, note: str, y_title: str = "Offences recorded",
                    height_each: int = 190) -> go.Figure:
    """One panel per series, each with its own scale: series that must not share a line or a
    scale. Each line is labelled with its latest value and any point standing alone (every value
    is in the hover and the table)."""
    panels = [(name, g) for name, g in panels if not g.empty]
    axis = fy_axis([lab for _, g in panels for lab in g["period_label"]])
    fig = go.Figure(layout=_stacked_panels(len(panels), [_plain(name) for name, _ in panels]))
    for i, (name, g) in enumerate(panels, start=1):
        ys = _fy_values(g, axis)
        last = max((j for j, v in enumerate(ys) if v is not None), default=None)
        # the latest value, and any point standing alone (no line leads to it), carry their number
        alone = {j for j, v in enumerate(ys) if v is not None and (j == 0 or ys[j - 1] is None) and (j + 1 == len(ys) or ys[j + 1] is None)}
        top = max((v for v in ys if v is not None), default=0.0)
        fig.add_trace(go.Scatter(x=axis, y=ys, mode="lines+markers+text", connectgaps=False, name=name, xaxis=f"x{_axis_no(i)}", yaxis=f"y{_axis_no(i)}",
                                 text=[f"{v:,.0f}" if (j == last or j in alone) and v is not None else "" for j, v in enumerate(ys)],
                                 textposition="top center", cliponaxis=False, line={"color": PALETTE[(i - 1) % len(PALETTE)], "width": 2.5},
                                 hovertemplate="%{x}: %{y:,.0f}<extra>" + _plain(name[:60]) + "</extra>"))
        fig.layout[f"yaxis{_axis_no(i)}"].update(title_text=y_title if i == (len(panels) + 1) // 2 else "", rangemode="tozero", tickformat=",d",
                                       range=[0, top * 1.25 if top else 1])
        fig.layout[f"xaxis{_axis_no(i)}"].update(type="category", categoryorder="array", categoryarray=axis)
    fig.layout[f"xaxis{_axis_no(max(len(panels), 1))}"].update(title_text="Financial year (April to March)")
    fig.update_layout(meta={"panels": [name for name, _ in panels]})
    style(fig, title, subtitle(source, note), height=110 + height_each * max(len(panels), 1), legend=False)
    return fig


# "Kent Police" -> "Kent" in a ranking, where the names take the room the bars need on a phone
_FORCE_SUFFIX = re.compile(r"\s+(Police Service|Police|Constabulary)$")


def short_name(name: str) -> str:
    short = _FORCE_SUFFIX.sub("", name)
    return short if short and short != "Metropolitan" else name


def ranked_bars(df: pd.DataFrame, value: str, label: str, title: str, source: str, coverage: str = "",
                x_title: str = "Offences recorded", key: str | None = None) -> go.Figure:
    """Horizontal bars, largest at the top, each labelled with its value; force names without
    their 'Police'/'Constabulary'. A click on a bar gives `key` (e.g. the area code)."""
    d = df.sort_values(value)
    fmt = ",.2f" if "rate" in value else ",.0f"
    top = float(d[value].max()) if len(d) else 0.0
    fig = go.Figure(go.Bar(x=d[value], y=[_plain(short_name(str(n))) for n in d[label]], orientation="h", marker_color=PALETTE[0],
                           text=[f"{v:{fmt}}" for v in d[value]], textposition="outside", cliponaxis=False,
                           customdata=list(d[key]) if key else None, hovertemplate="%{y}: %{x:" + fmt + "}<extra></extra>"))
    # room at the right for the largest bar's label inside the plot (never cut off on a phone)
    fig.update_xaxes(title_text=x_title, rangemode="tozero", tickformat=",", range=[0, top * 1.22 if top > 0 else 1])
    fig.update_yaxes(title_text="", automargin=True)
    return style(fig, title, subtitle(source, coverage), height=170 + 26 * len(d), legend=False)


def range_bars(rows: pd.DataFrame, category: str, title: str, source: str, coverage: str = "",
               y_title: str = "Victims (offences)", order: list[str] | None = None) -> go.Figure:
    """A bar per category: a reported figure as a bar; a suppressed or understated one as the range
    it lies in (a pale bar from its lowest to its highest value, labelled so); a missing one not
    drawn at all, but named under the chart."""
    d = rows.copy()
    cats = [c for c in (order or list(d[category])) if c in set(d[category])]
    d = d.set_index(category).reindex(cats)
    reported = d[d["status"] == "reported"]
    ranged = d[d["status"].isin(["suppressed", "understated"])]
    fig = go.Figure()
    if not reported.empty:
        fig.add_trace(go.Bar(x=list(reported.index), y=reported["value"], name="Reported", marker_color=PALETTE[0],
                             text=[f"{v:,.0f}" for v in reported["value"]], textposition="outside", cliponaxis=False,
                             hovertemplate="%{x}: %{y:,.0f}<extra></extra>"))
    if not ranged.empty:
        fig.add_trace(go.Bar(x=list(ranged.index), y=ranged["value_high"] - ranged["value_low"], base=ranged["value_low"],
                             name="Withheld: the range it lies in", marker={"color": RANGE_COLOUR, "line": {"color": PALETTE[0], "width": 1.5},
                                                                             "pattern": {"shape": "/", "fgcolor": PALETTE[0]}},
                             text=[f"{lo:,.0f}-{hi:,.0f}" for lo, hi in zip(ranged["value_low"], ranged["value_high"], strict=True)],
                             textposition="outside", cliponaxis=False,
                             hovertemplate="%{x}: between %{base:,.0f} and %{y:,.0f} more (withheld)<extra></extra>"))
    missing = [c for c in cats if c not in set(reported.index) | set(ranged.index)]
    note = coverage + (f" · Not provided (not drawn): {', '.join(missing)}" if missing else "")
    fig.update_xaxes(title_text="", type="category", categoryorder="array", categoryarray=cats)
    fig.update_yaxes(title_text=y_title, rangemode="tozero", tickformat=",d")
    fig.update_layout(barmode="overlay")
    return style(fig, title, subtitle(source, note.strip(" ·")), legend=not ranged.empty)


def shares_over_time(shares: pd.DataFrame, title: str, source: str, coverage: str = "") -> go.Figure:
    """Published platform shares by financial year, a line per platform; each point's hover names
    the base it is a share of (the base changes every year)."""
    axis = fy_axis(list(shares["period_label"]))
    fig = go.Figure()
    for i, (platform, g) in enumerate(shares.groupby("platform", sort=False)):
        by = {r["period_label"]: r for _, r in g.iterrows()}
        ys = [by[a]["value"] if a in by else None for a in axis]
        bases = [(f"{by[a]['denominator']:,.0f} offences with the platform known" if a in by and pd.notna(by[a]["denominator"])
                  else "base not stated") if a in by else "" for a in axis]
        fig.add_trace(go.Scatter(x=axis, y=ys, name=str(platform), mode="lines+markers", connectgaps=False, customdata=bases,
                                 line={"color": PALETTE[i % len(PALETTE)]},
                                 hovertemplate="%{x}: %{y}% of %{customdata}<extra>" + _plain(str(platform)) + "</extra>"))
    fig.update_xaxes(title_text="Financial year (April to March)", type="category", categoryorder="array", categoryarray=axis)
    fig.update_yaxes(title_text="% of offences with the platform known", rangemode="tozero", ticksuffix="%")
    return style(fig, title, subtitle(source, coverage))


def _features(geojson: str | dict[str, Any], codes: set[str]) -> str | dict[str, Any]:
    """The boundaries a trace needs: the served file's address as it is (the browser fetches it
    once for every trace), or of a boundaries object only the areas in `codes`."""
    if isinstance(geojson, str):
        return geojson
    return {"type": "FeatureCollection", "features": [f for f in geojson["features"] if f["properties"].get("pfa_code") in codes]}


def force_map(table: pd.DataFrame, geojson: str | dict[str, Any], column: str, title: str, source: str, coverage: str = "",
              height: int = 620, colorbar_title: str = "offences", markers: dict[str, tuple[float, float]] | None = None) -> go.Figure:
    """Force areas coloured by `column`; an area with no figure is grey and says 'no data' (never 0).
    Each boundary is sent once (the areas with and without data are two traces over disjoint parts).
    `markers`: areas too small to pick (City of London), each a ringed point of its own to hover and click."""
    has = table[table[column].notna()]
    none = table[table[column].isna()]
    fig = go.Figure()
    if not none.empty:
        fig.add_trace(go.Choroplethmap(
            geojson=_features(geojson, set(none["area_code"])), featureidkey="properties.pfa_code", locations=none["area_code"],
            z=[0] * len(none), colorscale=[[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]], showscale=False, text=none["area_name"],
            hovertemplate="%{text}: no data<extra></extra>", name="no data", marker={"line": {"color": "#fff", "width": 0.8}}))
    if not has.empty:
        fmt = ",.2f" if "rate" in column else ",.0f"
        fig.add_trace(go.Choroplethmap(
            geojson=_features(geojson, set(has["area_code"])), featureidkey="properties.pfa_code", locations=has["area_code"],
            z=has[column], colorscale=MAP_SCALE, zmin=0, text=has["area_name"], name=colorbar_title,
            hovertemplate="%{text}: %{z:" + fmt + "}<extra></extra>", marker={"line": {"color": "#fff", "width": 0.8}},
            colorbar={"title": {"text": colorbar_title, "side": "right"}, "thickness": 12, "len": 0.6, "x": 1.0}))
    small = table[table["area_code"].isin(list(markers or {}))]
    if not small.empty:
        fmt = ",.2f" if "rate" in column else ",.0f"
        words = [f"{n}: {v:{fmt}}" if pd.notna(v) else f"{n}: no data" for n, v in zip(small["area_name"], small[column], strict=True)]
        fig.add_trace(go.Scattermap(
            lat=[markers[c][0] for c in small["area_code"]], lon=[markers[c][1] for c in small["area_code"]],  # type: ignore[index]
            mode="markers", marker={"size": 11, "color": "#fff"}, customdata=list(small["area_code"]), text=words,
            hovertemplate="%{text}<extra></extra>", name="small areas", showlegend=False))
        fig.add_trace(go.Scattermap(
            lat=[markers[c][0] for c in small["area_code"]], lon=[markers[c][1] for c in small["area_code"]],  # type: ignore[index]
            mode="markers", marker={"size": 6, "color": "#222"}, customdata=list(small["area_code"]), text=words,
            hovertemplate="%{text}<extra></extra>", name="small areas", showlegend=False))
    fig.update_layout(map={"style": "white-bg", "center": {"lat": 52.7, "lon": -2.2}, "zoom": 4.8})
    return style(fig, title, subtitle(source, coverage), height=height, legend=False)


def category_map(table: pd.DataFrame, geojson: str | dict[str, Any], column: str, colours: dict[str, str], title: str, source: str,
                 coverage: str = "", label: str = "area_name", legend_title: str = "", height: int = 600) -> go.Figure:
    """Force areas coloured by a category (`column`), one trace and legend entry per category in
    the order of `colours`; each boundary sent once."""
    fig = go.Figure()
    for name, colour in colours.items():
        part = table[table[column] == name]
        if part.empty:
            continue
        fig.add_trace(go.Choroplethmap(
            geojson=_features(geojson, set(part["area_code"])), featureidkey="properties.pfa_code", locations=part["area_code"],
            z=[0] * len(part), colorscale=[[0, colour], [1, colour]], showscale=False, showlegend=True, name=_plain(name),
            text=[_plain(str(v)) for v in part[label]], hovertemplate="%{text}: " + _plain(name) + "<extra></extra>",
            marker={"line": {"color": "#fff", "width": 0.8}}))
    fig.update_layout(map={"style": "white-bg", "center": {"lat": 52.6, "lon": -2.0}, "zoom": 4.9})
    style(fig, title, subtitle(source, coverage), height=height, legend=True)
    return fig.update_layout(legend_title_text=legend_title)


def alt_text(kind: str, df: pd.DataFrame, value: str = "value", label: str = "area_name") -> str:
    """A one-sentence description of what a chart shows, for screen readers and exports."""
    d = df[df[value].notna()] if value in df else df
    if d.empty:
        return f"{kind}: no figures to show."
    top = d.sort_values(value, ascending=False).iloc[0]
    return f"{kind} of {len(d)} figures; highest is {top[label]} with {top[value]:,.0f}."


def to_png(fig: go.Figure, width: int = PNG_WIDTH, height: int | None = None) -> bytes:
    """Static PNG through kaleido (uses the system chromium), at the figure's own height."""
    return fig.to_image(format="png", width=width, height=height or png_height(fig))
