"""Forces: map, ranking, counts and rates per 100,000; no data shown apart from zero."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, loaders, queries, ui

df = ui.page("Forces", "Recorded offences by police force area: a map and a ranking, as counts or rates per 100,000 people.")
offence = ui.choose_offence(df)
period = ui.choose_period(df, offence)
measure = ui.choose("Show", ["count", "rate"], "measure", format_func=lambda m: {"count": "Count", "rate": "Rate per 100,000 people"}[m])

if period is None:
    ui.empty("No force figures for this offence yet.")
    st.stop()

table = queries.force_table(df, loaders.forces(), loaders.population(), period, offence)
column = "rate_per_100k" if measure == "rate" else "value"
n = int(table["value"].notna().sum())
start, end = period.split("_")
label = queries.period_label(pd.Timestamp(start), pd.Timestamp(end))
ui.few_forces_caveat(n, label)
if measure == "rate":
    st.caption("Rates use ONS mid-2018 population of all ages (not children) for every year.")
if n == 0:
    ui.empty(f"No force has a figure for {label}. Grey areas on the map are 'no data', not zero.")
fig = charts.force_map(table, loaders.geojson(), column, f"{'Rate per 100,000' if measure == 'rate' else 'Recorded offences'}, {label}",
                       note=f"grey = no data ({len(table) - n} forces)")
picked = ui.chart(fig, table[["area_name", "value", "rate_per_100k", "status", "source_id"]],
                  charts.alt_text("Map", table, column) + " Click an area to open its profile.", key="forces_map", pick=True)
ranked = table[table[column].notna()].sort_values(column)
if not ranked.empty:
    picked = ui.chart(charts.bar_chart(ranked, x=column, y="area_name", orientation="h", title=f"Forces ranked, {label}",
                                       labels={column: column.replace("_", " "), "area_name": ""}),
                      ranked[["area_name", column, "source_id"]], charts.alt_text("Bar chart", ranked, column), key="forces_bars",
                      pick=True) or picked
codes_by_name = dict(zip(table["area_name"], table["area_code"], strict=True))
picked_code = codes_by_name.get(picked or "", picked)
if picked_code in set(table["area_code"]):
    st.switch_page("pages/3_Force_profile.py", query_params={"force": str(picked_code), "offence": offence})
no_data = table[table["value"].isna()]["area_name"].tolist()
if no_data:
    st.markdown(f"**No data for {label}:** " + ", ".join(no_data))
st.subheader("Open a force's profile")
for _, r in table[table["value"].notna()].iterrows():
    st.page_link("pages/3_Force_profile.py", label=str(r["area_name"]), query_params={"force": str(r["area_code"]), "offence": offence})
