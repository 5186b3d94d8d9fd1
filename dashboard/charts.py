"""Plotly figures for the pages. Never imports streamlit.

Palette: Okabe-Ito, safe for the common forms of colour blindness.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
SEQUENTIAL = "Blues"
NO_DATA_COLOUR = "#d9d9d9"


def _style(fig: go.Figure, title: str, source: str = "", note: str = "") -> go.Figure:
    foot = " · ".join(t for t in (source, note) if t)
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        colorway=PALETTE,
        margin={"l": 10, "r": 10, "t": 60, "b": 70 if foot else 30},
        template="plotly_white",
        font={"size": 13},
    )
    if foot:
        fig.add_annotation(text=foot[:220], xref="paper", yref="paper", x=0, y=-0.18, showarrow=False,
                           xanchor="left", font={"size": 11, "color": "#555"})
    return fig


def _with_gaps(df: pd.DataFrame, colour: str) -> pd.DataFrame:
    """Financial years with no figure become gaps in the line (a missing year is not a trend)."""
    if df.empty or not df["period_label"].str.fullmatch(r"\d{4}/\d{2}").all():
        return df
    years = range(int(df["period_start"].dt.year.min()), int(df["period_start"].dt.year.max()) + 1)
    filled = []
    for name, g in df.groupby(colour, sort=False):
        have = set(g["period_start"].dt.year)
        gaps = pd.DataFrame({colour: name, "period_end": [pd.Timestamp(y + 1, 3, 31) for y in years if y not in have],
                             "period_start": [pd.Timestamp(y, 4, 1) for y in years if y not in have]})
        gaps["period_label"] = [f"{y}/{(y + 1) % 100:02d}" for y in years if y not in have]
        filled.append(pd.concat([g, gaps], ignore_index=True) if len(gaps) else g)
    return pd.concat(filled, ignore_index=True)


def series_chart(df: pd.DataFrame, title: str, colour: str = "area_name", note: str = "") -> go.Figure:
    d = _with_gaps(df, colour).sort_values("period_start")
    fig = px.line(d, x="period_end", y="value", color=colour, markers=True, line_shape="linear",
                  hover_data={"period_label": True, "source_id": True, "period_end": False},
                  labels={"period_end": "period ending", "value": "offences recorded", colour: ""},
                  color_discrete_sequence=PALETTE)
    return _style(fig, title, "Source: police FOI returns as published", note)


def bar_chart(df: pd.DataFrame, x: str, y: str, title: str, note: str = "", colour: str | None = None,
              orientation: str = "v", labels: dict[str, str] | None = None) -> go.Figure:
    fig = px.bar(df, x=x, y=y, color=colour, orientation=orientation, labels=labels or {},
                 color_discrete_sequence=PALETTE, text_auto=True, barmode="group")
    return _style(fig, title, "Source: police FOI returns as published", note)


def force_map(table: pd.DataFrame, geojson: dict[str, Any], column: str, title: str, note: str = "") -> go.Figure:
    """Choropleth of force areas; areas with no figure drawn grey and named 'no data' (not 0).

    choropleth_map with a white background needs no base-map download (works offline).
    """
    has = table[table[column].notna()]
    none = table[table[column].isna()]
    fig = go.Figure()
    if not none.empty:
        fig.add_trace(go.Choroplethmap(
            geojson=geojson, featureidkey="properties.pfa_code", locations=none["area_code"],
            z=[0] * len(none), colorscale=[[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]], showscale=False,
            text=none["area_name"], hovertemplate="%{text}: no data<extra></extra>", name="no data",
            marker={"line": {"color": "#888", "width": 0.6}},
        ))
    if not has.empty:
        fig.add_trace(go.Choroplethmap(
            geojson=geojson, featureidkey="properties.pfa_code", locations=has["area_code"], z=has[column],
            colorscale=SEQUENTIAL, zmin=0, text=has["area_name"], name=column,
            hovertemplate="%{text}: %{z:,.2f}<extra></extra>" if "rate" in column else "%{text}: %{z:,.0f}<extra></extra>",
            marker={"line": {"color": "#333", "width": 0.6}}, colorbar={"title": {"text": "per 100,000" if "rate" in column else "offences"}},
        ))
    fig.update_layout(map={"style": "white-bg", "center": {"lat": 52.6, "lon": -2.0}, "zoom": 4.9}, height=620)
    return _style(fig, title, "Boundaries: ONS PFA Dec 2020 (OGL v3.0)", note)


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
