"""Entry of the dashboard: the home page. It leads with the national series and a small map.

Routing shape: file-based pages only (pages/1_Overview.py ... pages/12_Request_kit.py), no
st.navigation, the built-in menu hidden (.streamlit/config.toml) and our own drawn with
st.page_link. This is the shape that survives a page opened directly by its URL with query
parameters (platform notes: the pages/ trap); tests/browser checks every page that way.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import streamlit as st  # noqa: E402

from dashboard import charts, data, loaders, queries, ui  # noqa: E402

df = ui.page("Online grooming of children: police figures",
             "Sexual communication with a child (s.15A Sexual Offences Act 2003) recorded by police forces in England and Wales "
             "since 3 April 2017, as released under Freedom of Information and published; the UK's and the nations' own offences "
             "beside it, never added to it.")

series = queries.yearly(queries.national_series(df))
heads = queries.headlines(series)
if not heads.empty:
    cols = st.columns(min(len(heads), 4))
    for col, (_, h) in zip(cols, heads.iterrows(), strict=False):
        col.metric(h["label"], h["value_text"], h["change"] or None, delta_color="off",
                   help=h["series"])
        col.caption(f"{ui.plain(h['series'])}. Credit: {ui.plain(h['credit'])}")

left, right = st.columns([3, 2])
with left:
    panels = queries.national_panels(series)
    if panels:
        fig = charts.small_multiples(panels, "How many offences did police record each year?",
                                     "NSPCC FOI releases", "each panel is one offence in one geography, on its own scale; they are "
                                     "never added together. Coverage differs by year (38 to 45 forces)")
        ui.chart(fig, series[["series", "period_label", "value", "coverage", "originator", "release", "publisher"]],
                 f"Small multiples of {len(panels)} national series by financial year; "
                 + "; ".join(f"{n}: latest {g.sort_values('period_start')['value'].iloc[-1]:,.0f}" for n, g in panels),
                 key="home_series", filename="national-series")
    else:
        ui.empty("No national totals in this table yet.")
with right:
    p = queries.periods(df, "scwc", "force")
    if not p.empty:
        best = queries.fullest_period(p)
        table = queries.force_table(df, loaders.forces(), loaders.population(), best["period"])
        n = int(table["value"].notna().sum())
        fig = charts.force_map(table, data.BOUNDARIES_URL, "value", f"Where were offences recorded in {best['period_label']}?",
                               "police FOI returns as published", f"{n} of {len(table)} forces have a figure; grey = no data",
                               height=460)
        picked = ui.chart(fig, table[["area_name", "value", "status"]], charts.alt_text("Map", table), key="home_map", pick=True,
                          filename="forces-map", narrow=True)
        if picked and picked in set(table["area_code"]):
            st.switch_page("pages/3_Force_profile.py", query_params={"force": str(picked)})
        st.page_link("pages/2_Forces.py", label="Every force, counts and rates", query_params={"period": best["period"]})
st.caption("Every figure links to the release it came from; missing figures are shown as missing, never as zero. "
           "Start with the Overview, or pick a page from the menu.")
