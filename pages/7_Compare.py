"""Compare: chosen forces side by side on the periods they all report, as rates per 100,000."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from core.facts import ENGLAND_AND_WALES, THE_OFFENCE
from dashboard import charts, loaders, queries, ui

df = ui.page("Compare", "Forces side by side on the periods every one of them reports (like for like), as rates per 100,000 people.")
forces = loaders.forces()
have = sorted(set(df.loc[(df["area_type"] == "force") & (df["offence"] == "scwc"), "area_code"]))
names = dict(zip(forces["area_code"], forces["area_name"], strict=True))
default = queries.longest_series_forces(df, 2)
with ui.filters():
    chosen = ui.choose_many("Forces", have, "forces", format_func=lambda c: names.get(c, c), default=default)
if not chosen:
    ui.empty("Choose one or more forces to compare.")
    st.stop()
common = queries.yearly(queries.like_for_like(df, chosen, "scwc"))
if common.empty:
    ui.empty("These forces have no financial year in common. Choose others, or see each on its profile page.")
    st.stop()
rated = queries.with_rates(common, loaders.population())
if (common["value"] < 10).any():
    ui.caveat("Some counts are under 10: a difference of a few offences moves a rate a lot.")
axis = charts.fy_axis(list(rated["period_label"]))
fig = go.Figure()
for i, (name, g) in enumerate(rated.groupby("area_name", sort=False)):
    by = dict(zip(g["period_label"], g["rate_per_100k"], strict=True))
    fig.add_trace(go.Bar(x=axis, y=[by.get(a) for a in axis], name=str(name), marker_color=charts.PALETTE[i % len(charts.PALETTE)],
                         hovertemplate="%{x}: %{y:.2f} per 100,000<extra>" + str(name) + "</extra>"))
fig.update_xaxes(title_text="Financial year (April to March)", type="category", categoryorder="array", categoryarray=axis)
fig.update_yaxes(title_text="Offences recorded per 100,000 people", rangemode="tozero")
fig.update_layout(barmode="group")
charts.style(fig, "How do these forces compare, per 100,000 people?",
             charts.subtitle("police FOI returns and NSPCC releases", "years every chosen force reports; ONS mid-2018 population, all ages"))
ui.chart(fig, rated[["area_name", "period_label", "value", "rate_per_100k", "publisher"]],
         "; ".join(f"{r['area_name']} {r['period_label']}: {r['rate_per_100k']:.2f} per 100,000" for _, r in rated.iterrows()),
         key="cmp_rate", filename="compare")
ew = queries.yearly(queries.area_series(df, [ENGLAND_AND_WALES], THE_OFFENCE))
ew = ew[ew["period"].isin(set(common["period"]))]
if not ew.empty:
    ew_rated = queries.with_rates(ew, loaders.population())
    st.caption("England and Wales in the same years, for reference: " + ", ".join(
        f"{r['period_label']} {r['rate_per_100k']:.2f} per 100,000" for _, r in ew_rated.iterrows() if pd.notna(r["rate_per_100k"])))
