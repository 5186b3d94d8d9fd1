"""Platforms: shares and counts by platform over time, the parent-company roll-up, and each
share's denominator."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, queries, ui

df = ui.page("Platforms", "Apps and sites used, where police recorded the method of communication.")
offence = ui.choose_offence(df)
p, _ = queries.resolve(df[(df["offence"] == offence) & (df["breakdown"] == "platform")])
p = queries.with_period(p)
if p.empty:
    ui.empty("No platform figures for this offence yet.")
    st.stop()
ui.caveat("Shares are of offences where the platform was recorded, and that base differs between releases. "
          "One offence can involve several apps, so shares can add up to more than 100%.")

shares = p[(p["measure"] == "percent") & (p["status"] == "reported")].copy()
if not shares.empty:
    st.subheader("Published shares")
    shares["view"] = shares["area_code"] + "|" + shares["period"]
    views = shares.drop_duplicates("view").sort_values("period_end", ascending=False)
    labels = dict(zip(views["view"], views["area_name"] + ", " + views["period_label"], strict=True))
    view = ui.choose("Area and period", list(views["view"]), "view", format_func=lambda v: labels[v], sidebar=False)
    one = shares[shares["view"] == view].sort_values("value")
    dens = sorted({f"{d:,.0f}" for d in one["denominator"].dropna()})
    base = f"of {' / '.join(dens)} offences with the platform recorded" if dens else "base not stated by the source"
    ui.chart(charts.bar_chart(one, x="value", y="platform", orientation="h", title=f"Share of offences by platform, {labels[view]}",
                              note=base, labels={"value": "% of offences with platform recorded", "platform": ""}),
             one[["platform", "platform_group", "value", "denominator", "publisher", "source_url"]],
             charts.alt_text("Bar chart", one, "value", "platform"), key="plat_shares")
    st.caption(f"Denominator: {base}.")
    st.subheader("Shares over time")
    st.dataframe(queries.shares_over_time(shares))

counts = p[p["measure"] == "count"].copy()
if not counts.empty:
    st.subheader("Counts by platform")
    counts["figure"] = counts.apply(queries.range_text, axis=1)
    st.dataframe(counts[["area_name", "period_label", "platform", "platform_group", "figure", "source_id"]], hide_index=True)
    roll = queries.parent_company(counts)
    if not roll.empty:
        st.subheader("By parent company")
        st.caption("Meta = Facebook, Facebook Messenger, Instagram and WhatsApp. A sum of counts can count one offence twice.")
        st.dataframe(roll, hide_index=True)
