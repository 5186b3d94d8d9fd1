"""Plotly figures for the pages, to a publication standard. Never imports streamlit.

Every chart: a title that asks the question it answers; its source and coverage under the title
(inside the figure, so the toolbar's PNG carries them); axes labelled in words; financial years
as `2017/18`, in order, a missing year a gap; a missing or suppressed value never drawn as 0
(a suppressed one is drawn as its range); series that cannot be compared never share a scale
unannounced (small multiples with their own axes). Palette: Okabe-Ito, safe for the common
forms of colour blindness.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# sequential blues that start visibly darker than the page (a low value is never white on white)
MAP_SCALE = [[0.0, "#c6dbef"], [0.35, "#6baed6"], [0.7, "#2171b5"], [1.0, "#08306b"]]
NO_DATA_COLOUR = "#bdbdbd"
RANGE_COLOUR = "rgba(0,114,178,0.25)"
FONT = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"


def config(filename: str) -> dict[str, Any]:
    """st.plotly_chart's config: the toolbar's PNG is the whole figure (title, source, coverage)."""
    return {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
            "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2, "width": 1100, "height": 650}}


def style(fig: go.Figure, title: str, subtitle: str = "", height: int = 460, legend: bool = True) -> go.Figure:
    """Title (the question), the source and coverage under it, a legend below the plot."""
    sub = f"<br><span style='font-size:12px;color:#555'>{subtitle}</span>" if subtitle else ""
    fig.update_layout(
        title={"text": f"{title}{sub}", "x": 0, "xanchor": "left", "y": 0.98, "yanchor": "top", "font": {"size": 17}},
        colorway=PALETTE, template="plotly_white", font={"size": 13, "family": FONT}, height=height,
        margin={"l": 10, "r": 10, "t": 96 if subtitle else 60, "b": 10},
        legend={"orientation": "h", "yanchor": "top", "y": -0.14, "x": 0, "title": {"text": ""}} if legend else None,
        showlegend=legend, hoverlabel={"font": {"family": FONT}},
    )
    return fig


def subtitle(source: str, coverage: str = "") -> str:
    return " · ".join(t for t in (f"Source: {source}" if source else "", coverage) if t)


def fy_axis(labels: list[str]) -> list[str]:
    """Every financial year from the first to the last label, in order (a missing one is a gap)."""
    years = sorted({int(x[:4]) for x in labels if isinstance(x, str) and len(x) == 7 and x[4] == "/"})
    if not years:
        return sorted(set(labels))
    return [f"{y}/{(y + 1) % 100:02d}" for y in range(years[0], years[-1] + 1)]


def _fy_values(g: pd.DataFrame, axis: list[str]) -> list[float | None]:
    by = dict(zip(g["period_label"], g["value"], strict=False))
    return [by.get(lab) for lab in axis]


def series_chart(df: pd.DataFrame, title: str, source: str, coverage: str = "", colour: str = "area_name",
                 y_title: str = "Offences recorded") -> go.Figure:
    """Lines by financial year, one per `colour` value, on one scale: only for comparable series."""
    axis = fy_axis(list(df["period_label"]))
    fig = go.Figure()
    for i, (name, g) in enumerate(df.groupby(colour, sort=False)):
        fig.add_trace(go.Scatter(x=axis, y=_fy_values(g, axis), name=str(name), mode="lines+markers", connectgaps=False,
                                 line={"color": PALETTE[i % len(PALETTE)], "width": 2.5},
                                 hovertemplate="%{x}: %{y:,.0f}<extra>" + str(name)[:60] + "</extra>"))
    fig.update_xaxes(title_text="Financial year (April to March)", type="category", categoryorder="array", categoryarray=axis)
    fig.update_yaxes(title_text=y_title, rangemode="tozero", tickformat=",d")
    return style(fig, title, subtitle(source, coverage), legend=df[colour].nunique() > 1)


def small_multiples(panels: list[tuple[str, pd.DataFrame]], title: str, source: str, note: str, y_title: str = "Offences recorded",
                    height_each: int = 190) -> go.Figure:
    """One panel per series, each with its own scale: series that must not share a line or a scale."""
    from plotly.subplots import make_subplots

    panels = [(name, g) for name, g in panels if not g.empty]
    axis = fy_axis([lab for _, g in panels for lab in g["period_label"]])
    fig = make_subplots(rows=max(len(panels), 1), cols=1, shared_xaxes=True, vertical_spacing=0.12,
                        subplot_titles=[name for name, _ in panels])
    for i, (name, g) in enumerate(panels, start=1):
        fig.add_trace(go.Scatter(x=axis, y=_fy_values(g, axis), mode="lines+markers+text", connectgaps=False, name=name,
                                 text=[f"{v:,.0f}" if v is not None else "" for v in _fy_values(g, axis)], textposition="top center",
                                 cliponaxis=False, line={"color": PALETTE[(i - 1) % len(PALETTE)], "width": 2.5},
                                 hovertemplate="%{x}: %{y:,.0f}<extra>" + name[:60] + "</extra>"), row=i, col=1)
        fig.update_yaxes(title_text=y_title if i == (len(panels) + 1) // 2 else "", rangemode="tozero", tickformat=",d",
                         row=i, col=1, automargin=True)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=axis)
    fig.update_xaxes(title_text="Financial year (April to March)", row=len(panels), col=1)
    for ann in fig.layout.annotations:  # panel titles: left, small, wrapping-safe
        ann.update(x=0, xanchor="left", font={"size": 12, "color": "#333"})
    return style(fig, title, subtitle(source, note), height=110 + height_each * max(len(panels), 1), legend=False)


def ranked_bars(df: pd.DataFrame, value: str, label: str, title: str, source: str, coverage: str = "",
                x_title: str = "Offences recorded", highlight: str | None = None) -> go.Figure:
    """Horizontal bars, largest at the top, each labelled with its value."""
    d = df.sort_values(value)
    colours = [PALETTE[1] if highlight and n == highlight else PALETTE[0] for n in d[label]]
    fmt = ",.2f" if "rate" in value else ",.0f"
    fig = go.Figure(go.Bar(x=d[value], y=d[label], orientation="h", marker_color=colours, text=[f"{v:{fmt}}" for v in d[value]],
                           textposition="outside", cliponaxis=False, hovertemplate="%{y}: %{x:" + fmt + "}<extra></extra>"))
    fig.update_xaxes(title_text=x_title, rangemode="tozero", tickformat=",")
    fig.update_yaxes(title_text="", automargin=True)
    return style(fig, title, subtitle(source, coverage), height=max(260, 90 + 24 * len(d)), legend=False)


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
                                 hovertemplate="%{x}: %{y}% of %{customdata}<extra>" + str(platform) + "</extra>"))
    fig.update_xaxes(title_text="Financial year (April to March)", type="category", categoryorder="array", categoryarray=axis)
    fig.update_yaxes(title_text="Share of offences where the platform was known (%)", rangemode="tozero", ticksuffix="%")
    return style(fig, title, subtitle(source, coverage))


def _features(geojson: dict[str, Any], codes: set[str]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [f for f in geojson["features"] if f["properties"].get("pfa_code") in codes]}


def force_map(table: pd.DataFrame, geojson: dict[str, Any], column: str, title: str, source: str, coverage: str = "",
              height: int = 620, colorbar_title: str = "offences") -> go.Figure:
    """Force areas coloured by `column`; an area with no figure is grey and says 'no data' (never 0).
    Each boundary is sent once (the areas with and without data are two traces over disjoint parts)."""
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
    fig.update_layout(map={"style": "white-bg", "center": {"lat": 52.7, "lon": -2.2}, "zoom": 4.8})
    return style(fig, title, subtitle(source, coverage), height=height, legend=False)


def alt_text(kind: str, df: pd.DataFrame, value: str = "value", label: str = "area_name") -> str:
    """A one-sentence description of what a chart shows, for screen readers and exports."""
    d = df[df[value].notna()] if value in df else df
    if d.empty:
        return f"{kind}: no figures to show."
    top = d.sort_values(value, ascending=False).iloc[0]
    return f"{kind} of {len(d)} figures; highest is {top[label]} with {top[value]:,.0f}."


def to_png(fig: go.Figure, width: int = 1100, height: int = 650) -> bytes:
    """Static PNG through kaleido (uses the system chromium)."""
    return fig.to_image(format="png", width=width, height=height)
