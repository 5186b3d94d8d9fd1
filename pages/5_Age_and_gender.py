"""Age and gender: cross-tab and bars; shares of known with the unknown shown; suppressed
cells as ranges."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, loaders, queries, ui

df = ui.page("Age and gender", "Victims by age band and gender. Suppressed small numbers are shown as ranges (e.g. 1-4), never as 0.")
offence = ui.choose_offence(df)
d = df[(df["offence"] == offence) & df["breakdown"].isin(["age", "gender", "age_gender"])]
if d.empty:
    ui.empty("No age or gender figures for this offence yet.")
    st.stop()
d = queries.with_period(d)
d["choice"] = d["area_code"] + "|" + d["period"]
labels = dict(zip(d["choice"], d["area_name"] + ", " + d["period_label"], strict=False))
choice = ui.choose("Area and period", sorted(labels, key=lambda k: labels[k]), "view", format_func=lambda k: labels[k], sidebar=False)
area, period = (choice or "|").split("|")
rows = d[(d["area_code"] == area) & (d["period"] == period)]
cells = rows[(rows["breakdown"] == "age_gender") & (rows["measure"] == "count")]
if not cells.empty:
    st.subheader("Age band x gender")
    st.dataframe(queries.crosstab(cells))
    if (cells["status"] == "suppressed").any():
        st.caption("[c] a small number withheld by the force; shown as its range. Totals over such cells are ranges too.")
if queries.understated_sources(loaders.issues(), set(rows["source_id"])):
    ui.caveat("This force's printed totals by age or gender leave out its withheld (*) cells, so they understate. "
              "The ranges in the cross-tab above are the better guide.")
for what, col in (("age", "age_band"), ("gender", "gender")):
    part = rows[(rows["breakdown"] == what)]
    counts = part[part["measure"] == "count"]
    if not counts.empty:
        st.subheader(f"By {what}")
        shares = queries.shares_of_known(counts, col)
        unknown = shares[shares[col] == "unknown"]
        if not unknown.empty:
            st.caption(f"Unknown {what}: {unknown['range'].iloc[0]}. Shares are of those whose {what} is known.")
        known = shares[shares["count"].notna()]
        ui.chart(charts.bar_chart(known, x=col, y="count", title=f"Victims by {what}"), shares,
                 charts.alt_text("Bar chart", known, "count", col), key=f"ag_{what}")
    pct = part[part["measure"] == "percent"]
    if not pct.empty:
        st.markdown(f"**Published shares by {what}:** " + "; ".join(f"{queries.category(r)} {r['value']:g}%" for _, r in pct.iterrows()))
