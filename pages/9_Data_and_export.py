"""Data and export: the filtered table as CSV and XLSX (formula-safe, with sources), a chart
as PNG, a citation line and a plain-language sentence."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, exports, loaders, queries, ui

df = ui.page("Data and export", "Download the figures you are looking at, with their sources, and a sentence you can quote.")
offence = ui.choose_offence(df)
areas = loaders.areas()
have = sorted(set(df.loc[df["offence"] == offence, "area_code"]))
names = dict(zip(areas["area_code"], areas["area_name"], strict=True)) | dict(zip(df["area_code"], df["area_name"], strict=False))
area = ui.choose("Area", ["all"] + have, "area", format_func=lambda c: "All areas" if c == "all" else names.get(c, c))
view = df[df["offence"] == offence]
if area and area != "all":
    view = view[view["area_code"] == area]
view = queries.with_period(view)
period_labels = dict(zip(view["period"], view["period_label"], strict=False))
period = ui.choose("Period", ["all"] + sorted(period_labels, reverse=True), "period",
                   format_func=lambda k: "All periods" if k == "all" else period_labels.get(k, k))
if period and period != "all":
    view = view[view["period"] == period]
if view.empty:
    ui.empty("No figures match this selection.")
    st.stop()
st.markdown(f"**{len(view):,} figures** from {view['source_id'].nunique()} sources.")
tot = view[(view["breakdown"] == "total") & (view["status"] == "reported")].sort_values("period_end")
if not tot.empty:
    st.markdown("**In plain words:** " + queries.sentence(tot.iloc[-1]))
citation = queries.citation(view)
st.markdown("**Cite as:** " + citation)
table = view.drop(columns=["period", "period_label"])
c1, c2 = st.columns(2)
c1.download_button("Download CSV", exports.to_csv_bytes(table), file_name="scwc_figures.csv", mime="text/csv", key="dl_csv")
c2.download_button("Download XLSX", exports.to_xlsx_bytes(table, citation), file_name="scwc_figures.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="dl_xlsx")
st.dataframe(view[["area_name", "period_label", "breakdown", "age_band", "gender", "platform", "measure", "value", "status",
                   "source_id", "source_location"]], hide_index=True)
yearly = queries.yearly(tot)
if not yearly.empty and area != "all" and st.button("Prepare chart as PNG", key="png"):
    fig = charts.series_chart(yearly, f"Recorded offences by financial year: {names.get(area, area)}",
                              note=f"{yearly['source_id'].nunique()} sources")
    try:
        st.download_button("Download PNG", charts.to_png(fig), file_name="scwc_chart.png", mime="image/png", key="dl_png")
    except Exception as exc:  # kaleido needs chromium; say so instead of failing the page
        st.error(f"PNG export needs Chromium installed on the server ({type(exc).__name__}).")
