"""Data and export: the figures in view as CSV and XLSX (formula-safe, numbers as numbers, the
citation and licence with them), a chart as PNG, a citation naming the originating releases, and
a sentence to quote."""

from __future__ import annotations

import functools

import streamlit as st

from dashboard import charts, exports, loaders, queries, ui

ui.page("Data and export", "Download the figures you are looking at, with their sources, and a sentence you can quote.")
names = loaders.area_names()
with ui.filters():
    c1, c2, c3 = st.columns(3)
    offence = ui.choose_offence(where=c1)
    have = sorted(loaders.areas_with_figures(offence), key=lambda c: names.get(c, c))
    area = ui.choose("Area", [queries.ALL, *have], "area", format_func=lambda c: "All areas" if c == queries.ALL else names.get(c, c),
                     where=c2) or queries.ALL
    period_labels = loaders.period_choices(offence, area)
    period = ui.choose("Period", [queries.ALL, *period_labels], "period",
                       format_func=lambda k: "All periods" if k == queries.ALL else period_labels.get(k, k), where=c3) or queries.ALL
    only_shown = st.toggle("Shown figures only", value=True, key="shown_only",
                           help="One row per figure, as the dashboard shows it. Off: every publication of each figure "
                                "(earlier and other publications, and figures that need review), told apart by the 'shown' column.")
view = loaders.view(offence, area, period)
if only_shown and not view.empty:
    view = view[view["latest"]]
if view.empty:
    ui.empty("No figures match this selection.")
    st.stop()
releases = loaders.releases(offence, area, period)
st.markdown(f"**{len(view):,} figures** from {loaders.document_count(offence, area, period)} documents, first published in "
            f"{len(releases)} release(s).")
row = loaders.headline_row(offence, area, period)
if row is not None:
    st.markdown("**In plain words:** " + ui.plain(queries.sentence(row)))
citation = queries.citation(view, releases=releases)
st.markdown("**Cite as:** " + ui.plain(citation))
c1, c2 = st.columns(2)
# built only when asked for (a large table would otherwise be exported on every rerun)
c1.download_button("Download CSV", functools.partial(exports.to_csv_bytes, view, citation), file_name="scwc_figures.csv",
                   mime="text/csv", key="dl_csv", on_click="ignore")
c2.download_button("Download XLSX", functools.partial(exports.to_xlsx_bytes, view, citation), file_name="scwc_figures.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="dl_xlsx", on_click="ignore")
st.caption("The CSV starts with two lines, the citation and the licence, each beginning with '#' "
           "(spreadsheets show them as the first rows; pandas reads the CSV with comment='#').")
ui.table(view, columns=["area_name", "period_label", "breakdown", "age_band", "gender", "platform", "measure", "value", "status",
                        "originator", "publisher", "source_location"], limit=250, rest="the downloads hold them all")
yearly = loaders.yearly_totals(offence, area) if area != queries.ALL else None
if yearly is not None and not yearly.empty:
    fig = charts.series_chart(yearly, f"How many offences did {names.get(area, area)} record each year?",
                              queries.source_line(yearly) or "as published", f"{yearly['source_id'].nunique()} document(s)")
    ui.chart(fig, yearly[["period_label", "value", "publisher"]], charts.alt_text("Line chart", yearly), key="export_chart",
             filename=f"series-{area}")
    st.caption("The chart's toolbar saves it as a PNG with its title, source and coverage. For a server-made image:")
    if st.button("Prepare chart as PNG", key="png"):
        try:
            st.download_button("Download PNG", charts.to_png(fig), file_name="scwc_chart.png", mime="image/png", key="dl_png")
        except Exception as exc:  # kaleido needs chromium; say so instead of failing the page
            ui.error(f"PNG export needs Chromium installed on the server ({type(exc).__name__}).")
