"""Overview: headline figures, the national series with coverage, and the first round."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, queries, ui

df = ui.page("Overview", "Headline figures for the latest year, the national series since 2017, and the first six-month round.")
offence = ui.choose_offence(df)
series = queries.national_series(df, offence)

if series.empty:
    ui.empty("No national totals for this offence yet.")
else:
    yearly = queries.yearly(series)
    st.subheader("Latest national figures")
    heads = queries.headlines(yearly)
    for col, (_, h) in zip(st.columns(max(1, min(3, len(heads)))), heads.iterrows(), strict=False):
        col.metric(f"{h['area_name']}, {h['period_label']}", f"{h['value']:,.0f}", h["change"] or None, delta_color="off")
        col.caption(f"Source: {h['source']}")
    st.subheader("National series since 2017")
    ui.caveat("Each year's national figure covers the forces that answered that year's FOI requests (38 to 45). "
              "Years are not strictly comparable unless the same forces answered.")
    table = yearly[["area_name", "period_label", "value", "forces_held", "coverage", "publisher", "source_url"]].rename(
        columns={"forces_held": "force figures held here", "coverage": "coverage as published"})
    ui.chart(charts.series_chart(yearly, "Recorded offences by financial year", note="coverage differs by year"),
             table, charts.alt_text("Line chart", yearly), key="overview_series")

st.subheader("The first six months (3 April to 2 October 2017), as reported in January 2018")
first = queries.breakdown_rows(df, "total", "scwc", period="2017-04-03_2017-10-02")
first = first[first["area_type"] != "force"]
plat = queries.breakdown_rows(df, "platform", "scwc", period="2017-04-03_2017-10-02")
if first.empty:
    ui.empty("The first round's figures are not in this table.")
else:
    ew = first[first["area_code"] == "K04000001"]
    c1, c2, c3 = st.columns(3)
    if not ew.empty:
        c1.metric("England and Wales", f"{ew['value'].iloc[0]:,.0f}")
    north = first[first["area_code"] == "GRP-NORTH"]
    if not north.empty and not ew.empty:
        c2.metric("North of England", f"{north['value'].iloc[0]:,.0f}",
                  queries.share_text(north["value"].iloc[0], ew["value"].iloc[0]), delta_color="off")
    if not plat.empty:
        r = plat.iloc[0]
        c3.metric(f"On {r['platform']}", f"{r['value']:g}%", "of offences where the method was recorded", delta_color="off")
    st.dataframe(pd.DataFrame({"area": first["area_name"], "offences": first["value"], "source": first["publisher"]}), hide_index=True)
