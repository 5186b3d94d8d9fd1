"""Platforms: shares and counts by platform, the parent-company roll-up, and each share's
denominator."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, queries, ui

df = ui.page("Platforms", "Apps and sites used, where police recorded the method of communication.")
offence = ui.choose_offence(df)
p = queries.with_period(df[(df["offence"] == offence) & (df["breakdown"] == "platform")])
if p.empty:
    ui.empty("No platform figures for this offence yet.")
    st.stop()
ui.caveat("Shares are of offences where the platform was recorded, and that base differs between releases. "
          "One offence can involve several apps, so shares can add up to more than 100%.")
shares = p[(p["measure"] == "percent") & (p["status"] == "reported")].copy()
if not shares.empty:
    shares["denominator shown"] = shares["denominator"].map(lambda v: f"{v:,.0f}" if v == v else "not stated")
    shares["label"] = shares["platform"] + " (" + shares["area_name"] + ", " + shares["period_label"] + ")"
    ui.chart(charts.bar_chart(shares.sort_values("value"), x="value", y="label", orientation="h",
                              title="Published platform shares (%)", labels={"value": "% of offences with platform recorded", "label": ""}),
             shares[["area_name", "period_label", "platform", "value", "denominator shown", "publisher", "source_url"]],
             charts.alt_text("Bar chart", shares, "value", "label"), key="plat_shares")
counts = p[p["measure"] == "count"].copy()
if not counts.empty:
    st.subheader("Counts by platform")
    counts["figure"] = counts.apply(queries.range_text, axis=1)
    st.dataframe(counts[["area_name", "period_label", "platform", "platform_group", "figure", "source_id"]], hide_index=True)
    rep = counts[counts["status"] == "reported"]
    if not rep.empty:
        roll = rep[rep["platform_group"] != ""].groupby(["area_name", "period_label", "platform_group"], as_index=False)["value"].sum()
        st.subheader("By parent company")
        st.caption("Meta = Facebook, Facebook Messenger, Instagram and WhatsApp. A sum of counts can count one offence twice.")
        st.dataframe(roll, hide_index=True)
