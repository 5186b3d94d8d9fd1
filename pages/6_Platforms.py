"""Platforms: published shares with their bases, shares over time, counts, and the parent-company
roll-up."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, queries, ui

df = ui.page("Platforms", "Apps and sites used, where police recorded the means of communication.")
p, _ = queries.resolve(df[df["breakdown"] == "platform"])
p = queries.with_period(p)
if p.empty:
    ui.empty("No platform figures yet.")
    st.stop()
ui.caveat("Shares are of offences where the platform was recorded, and that base differs between releases and years. "
          "One offence can involve several apps, so shares can add up to more than 100%.")

shares = p[(p["measure"] == "percent") & (p["status"] == "reported")].copy()
if not shares.empty:
    shares["view"] = shares["offence"] + "|" + shares["area_code"] + "|" + shares["period"]
    views = shares.drop_duplicates("view").sort_values("period_end", ascending=False)
    labels = dict(zip(views["view"], views["area_name"] + ", " + views["period_label"], strict=True))
    sizes = shares.groupby("view").size()
    with ui.filters():
        view = ui.choose("Area and period", list(views["view"]), "view", format_func=lambda v: labels[v],
                         default=str(sizes.idxmax())) or str(sizes.idxmax())
    one = shares[shares["view"] == view]
    dens = sorted({f"{d:,.0f}" for d in one["denominator"].dropna()})
    base = f"of {' / '.join(dens)} offences with the platform recorded" if dens else "base not stated by the source"
    credit = queries.source_line(one)
    fig = charts.ranked_bars(one, "value", "platform", f"Which apps were used? Share of offences, {labels[view]}", credit, base,
                             x_title="% of offences with the platform known")
    ui.chart(fig, one[["platform", "platform_group", "value", "denominator", "originator", "publisher", "source_url"]],
             charts.alt_text("Bar chart", one, "value", "platform"), key="plat_shares", filename="platform-shares")

    st.subheader("Shares over time")
    area_code = view.split("|")[1]
    offence = view.split("|")[0]
    yearly = queries.yearly(shares[(shares["area_code"] == area_code) & (shares["offence"] == offence)])
    single = yearly[~yearly["platform"].str.contains(r" \+ ", regex=True)]
    if single["period"].nunique() >= 2:
        area = single["area_name"].iloc[0]
        fig = charts.shares_over_time(single, f"Which apps were used, year by year? {area}", "NSPCC releases as published",
                                      "each year's share is of that year's base (hover a point for it); bases differ")
        ui.chart(fig, single[["platform", "period_label", "value", "denominator", "originator", "publisher"]],
                 f"Shares by platform over {single['period'].nunique()} financial years for {area}", key="plat_time",
                 filename="platform-shares-over-time")
    else:
        ui.empty("Shares for this area were published for fewer than two financial years: no trend to draw.")

counts = p[p["measure"] == "count"].copy()
if not counts.empty:
    st.subheader("Counts by platform")
    counts["figure"] = counts.apply(queries.range_text, axis=1)
    ui.table(counts[["area_name", "period_label", "platform", "platform_group", "figure", "publisher"]])
    roll = queries.parent_company(counts)
    if not roll.empty:
        st.subheader("By parent company")
        st.caption("Meta = Facebook, Facebook Messenger, Instagram and WhatsApp. A sum of counts can count one offence twice.")
        ui.table(roll)
