"""Force profile: one force over time, every breakdown it has, its sources, against its
region and England and Wales."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, loaders, queries, ui

df = ui.page("Force profile", "One force over time, with every breakdown it has and where each figure came from.")
forces = loaders.forces()
have = set(df.loc[df["area_type"] == "force", "area_code"])
codes = [c for c in forces["area_code"] if c in have] or list(forces["area_code"])
names = dict(zip(forces["area_code"], forces["area_name"], strict=True))
force = ui.choose("Force", codes, "force", format_func=lambda c: names.get(c, c), sidebar=False)
offence = ui.choose_offence(df)
mine = df[df["area_code"] == force]
if force is None or mine.empty:
    ui.empty("No figures for this force yet.")
    st.stop()

region = str(forces.set_index("area_code").loc[force, "region_code"]) if force in set(forces["area_code"]) else ""
series = queries.area_series(df, [force, region, "K04000001"], offence)
if series.empty:
    ui.empty("No totals for this force and offence.")
else:
    rep = queries.yearly(series[series["status"] == "reported"])
    ui.chart(charts.series_chart(rep, f"{names.get(force, force)} against its region and England and Wales",
                                 note="different periods and force sets: compare trends, not levels"),
             series[["area_name", "period_label", "value", "status", "source_id"]], charts.alt_text("Line chart", rep), key="profile_series")
st.subheader("Every figure for this force")
for breakdown, g in queries.with_period(mine).groupby("breakdown"):
    st.markdown(f"**{str(breakdown).replace('_', ' ')}**")
    g = g.assign(figure=g.apply(queries.range_text, axis=1), category=g.apply(queries.category, axis=1))
    st.dataframe(g[["period_label", "offence", "category", "figure", "source_location", "source_id"]], hide_index=True)
st.subheader("Sources")
ui.source_links(mine)
