"""Regions and the named press groups: totals, trends, and the forces that make them up."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, loaders, queries, ui

df = ui.page("Regions", "ONS regions, Wales, and the groups the press reports (such as 'north of England'), with the forces in each.")
offence = ui.choose_offence(df)
t = queries.totals(df, offence)
regional = t[t["area_type"].isin(["region", "group", "nation"]) & (t["status"] == "reported")]
if regional.empty:
    ui.empty("No regional figures for this offence yet.")
    st.stop()
areas = loaders.areas()
options = sorted(regional["area_code"].unique(), key=lambda c: regional.loc[regional["area_code"] == c, "area_name"].iloc[0])
names = dict(zip(regional["area_code"], regional["area_name"], strict=False))
chosen = ui.choose("Region or group", options, "region", format_func=lambda c: names.get(c, c), sidebar=False)
rows = regional[regional["area_code"] == chosen]
years = queries.yearly(rows)
if years.empty:
    ui.empty("No financial-year figures for this area; its other figures are listed below.")
else:
    ui.chart(charts.series_chart(years, f"{names.get(chosen, chosen)}: recorded offences by financial year"),
             years[["period_label", "value", "note", "publisher", "source_url"]], charts.alt_text("Line chart", years), key="region_series")
other = rows[~rows.index.isin(years.index)]
if not other.empty:
    st.markdown("**Other periods** (part years and cumulative spans; not comparable with the yearly series):")
    st.dataframe(other[["period_label", "value", "note", "publisher"]], hide_index=True)
member_names, definition = queries.members(str(chosen), areas, loaders.groups())
st.markdown(f"**Defined as:** {definition}")
st.markdown("**Made up of:** " + (", ".join(member_names) or "(see definition)"))
st.caption("'South East' in NSPCC releases means Kent, Sussex, Surrey and Hampshire (not Thames Valley); "
           "'West Midlands' region is four forces, not West Midlands Police.")
st.subheader("All regional and group figures")
st.dataframe(regional[["area_name", "period_label", "value", "publisher"]].sort_values(["area_name", "period_label"]), hide_index=True)
