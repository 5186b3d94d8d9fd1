"""Overview: the latest national figures with who published them, the national series since 2017
(one offence and one geography per panel), and the first six-month round."""

from __future__ import annotations

import streamlit as st

from core.facts import ENGLAND_AND_WALES, THE_OFFENCE
from dashboard import charts, queries, ui

df = ui.page("Overview", "The latest national figures, the national series since 2017, and the first six-month round.")

series = queries.yearly(queries.national_series(df))
if series.empty:
    ui.empty("No national totals in this table yet.")
else:
    st.subheader("Latest national figures")
    heads = queries.headlines(series)
    for col, (_, h) in zip(st.columns(max(1, min(4, len(heads)))), heads.iterrows(), strict=False):
        col.metric(h["label"], h["value_text"], h["change"] or None, delta_color="off")
        col.caption(f"{ui.plain(h['series'])}. Credit: {ui.plain(h['credit'])}")
    st.subheader("The national series since 2017")
    ui.caveat("Each year's figure covers the forces that answered that year's FOI requests (38 to 45): years are not "
              "strictly comparable. A UK total adds Northern Ireland's and Scotland's own offences to s.15A, so it is shown "
              "in its own panel and never joined to the England and Wales line.")
    panels = queries.national_panels(series)
    fig = charts.small_multiples(panels, "How many offences did police record each year?",
                                 "NSPCC FOI releases", "each panel is one offence in one geography, on its own scale")
    ui.chart(fig, series[["series", "period_label", "value", "coverage", "forces_held", "originator", "release", "publisher", "source_url"]],
             "; ".join(f"{n}: " + ", ".join(f"{r['period_label']} {r['value']:,.0f}" for _, r in g.sort_values("period_start").iterrows())
                       for n, g in panels), key="overview_series", filename="national-series")
    st.markdown("**Releases behind these figures**")
    ui.credit_line(series)

st.subheader("The first six months (3 April to 2 October 2017), as reported in January 2018")
first = queries.breakdown_rows(df, "total", THE_OFFENCE, period=queries.FIRST_ROUND_PERIOD)
first = first[first["area_type"] != "force"]
plat = queries.breakdown_rows(df, "platform", THE_OFFENCE, period=queries.FIRST_ROUND_PERIOD)
if first.empty:
    ui.empty("The first round's figures are not in this table.")
else:
    ew = first[first["area_code"] == ENGLAND_AND_WALES]
    c1, c2, c3 = st.columns(3)
    if not ew.empty:
        c1.metric("England and Wales", f"{ew['value'].iloc[0]:,.0f}")
    north = first[first["area_code"] == "GRP-NORTH"]
    if not north.empty and not ew.empty:
        c2.metric("North of England", f"{north['value'].iloc[0]:,.0f}",
                  queries.share_text(north["value"].iloc[0], ew["value"].iloc[0]), delta_color="off", delta_arrow="off")  # a share, not a rise
    if not plat.empty:
        r = plat.iloc[0]
        c3.metric(f"On {r['platform']}", f"{r['value']:g}%", "of offences where the method was recorded", delta_color="off",
                  delta_arrow="off")
    ui.table(first.assign(credit=first.apply(queries.credit, axis=1))[["area_name", "value", "credit"]])
