"""Forces: a map and a ranking, counts or rates per 100,000; an area with no figure is grey and
named 'no data', never 0. Clicking an area or a bar opens that force's profile."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, data, loaders, queries, ui

df = ui.page("Forces", "Recorded offences by police force area: a map and a ranking, as counts or rates per 100,000 people.")
with ui.filters():
    c1, c2, c3 = st.columns(3)
    offence = ui.choose_offence(where=c1, force_level=True)
    period = ui.choose_period(df, offence, where=c2)
    measure = ui.choose("Show", ["count", "rate"], "measure", where=c3,
                        format_func=lambda m: {"count": "Count", "rate": "Rate per 100,000 people"}[m])

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
    st.caption("Rates use the ONS mid-2018 population of all ages (not children only) for every year.")
what = "offences per 100,000 people" if measure == "rate" else "offences"
coverage = f"{n} of {len(table)} forces have a figure; grey = no data, not zero"
small = loaders.small_areas()  # too small to pick on the map: a ringed point each
ringed = ", ".join(table[table["area_code"].isin(list(small))]["area_name"])
fig = charts.force_map(table, data.BOUNDARIES_URL, column, f"Where did police record the most {what}, {label}?",
                       "police FOI returns as published", coverage + (f"; ringed point: {ringed}" if ringed else ""),
                       colorbar_title="per 100,000" if measure == "rate" else "offences", markers=small)
picked = ui.chart(fig, table[["area_name", "region_name", "value", "rate_per_100k", "status"]],
                  charts.alt_text("Map", table, column) + " Click an area to open its profile.", key="forces_map", pick=True,
                  filename=f"forces-{label}")
ranked = table[table[column].notna()]
if not ranked.empty:
    bars = charts.ranked_bars(ranked, column, "area_name", f"Which forces recorded the most {what}, {label}?",
                              "police FOI returns as published", coverage, x_title=f"{what.capitalize()} recorded", key="area_code")
    picked = ui.chart(bars, ranked[["area_name", column]], charts.alt_text("Bar chart", ranked, column), key="forces_bars", pick=True,
                      filename=f"forces-ranked-{label}") or picked
if picked in set(table["area_code"]):  # every force opens its own profile, figures or not
    st.switch_page("pages/3_Force_profile.py", query_params={"force": str(picked), "offence": offence})
no_data = table[table["value"].isna()]["area_name"].tolist()
if no_data:
    st.markdown(f"**No figure for {label}:** " + ui.plain(", ".join(no_data)))
st.subheader("Open a force's profile")
cols = st.columns(3)
for i, (_, r) in enumerate(table.sort_values("area_name").iterrows()):
    cols[i % 3].page_link("pages/3_Force_profile.py", label=str(r["area_name"]),
                          query_params={"force": str(r["area_code"]), "offence": offence})
