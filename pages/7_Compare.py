"""Compare: chosen forces side by side, counts and rates, against England and Wales, on the
periods they all report."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, loaders, queries, ui

df = ui.page("Compare", "Forces side by side on the periods every one of them reports (like for like).")
offence = ui.choose_offence(df)
forces = loaders.forces()
have = sorted(set(df.loc[(df["area_type"] == "force") & (df["offence"] == offence), "area_code"]))
names = dict(zip(forces["area_code"], forces["area_name"], strict=True))
chosen = ui.choose_many("Forces", have, "forces", format_func=lambda c: names.get(c, c), default=have[:2])
if not chosen:
    ui.empty("Choose one or more forces to compare.")
    st.stop()
common = queries.like_for_like(df, chosen, offence)
if common.empty:
    ui.empty("These forces have no period in common. Choose others, or see each on its profile page.")
    st.stop()
ew = queries.area_series(df, ["K04000001"], offence)
ew = ew[ew["period"].isin(set(common["period"]))]
both = queries.with_rates(pd.concat([common, ew], ignore_index=True), loaders.population())
if (common["value"] < 10).any():
    ui.caveat("Some counts are under 10: a difference of a few offences moves a rate a lot.")
ui.chart(charts.bar_chart(both, x="period_label", y="rate_per_100k", colour="area_name", title="Rate per 100,000 people (all ages, mid-2018)",
                             labels={"rate_per_100k": "rate per 100,000", "period_label": "", "area_name": ""}),
         both[["area_name", "period_label", "value", "rate_per_100k", "source_id"]], charts.alt_text("Bar chart", both, "rate_per_100k"), key="cmp_rate")
st.dataframe(both[["area_name", "period_label", "value", "rate_per_100k", "publisher"]], hide_index=True)
