"""Age and gender: the cross-tab with suppressed cells as ranges, and bars where a withheld or
understated figure is drawn as the range it lies in, never as 0."""

from __future__ import annotations

import streamlit as st

from core.facts import OFFENCE_LABELS
from core.schema import STANDARD_AGE_BANDS
from dashboard import charts, loaders, queries, ui

df = ui.page("Age and gender", "Victims by age band and gender. Withheld small numbers are shown as ranges (e.g. 1-4), never as 0.")
d = df[df["breakdown"].isin(["age", "gender", "age_gender"])]
if d.empty:
    ui.empty("No age or gender figures yet.")
    st.stop()
d = d.assign(choice=d["offence"] + "|" + d["area_code"] + "|" + d["period"])
counts = d.groupby("choice").size()
labels = dict(zip(d["choice"], d["area_name"] + ", " + d["period_label"] + d["offence"].map(lambda o: "" if o == "scwc" else f" ({OFFENCE_LABELS[o]})"),
                  strict=False))
with ui.filters():
    choice = ui.choose("Area and period", sorted(labels, key=lambda k: labels[k]), "view", format_func=lambda k: labels[k],
                       default=str(counts.idxmax())) or str(counts.idxmax())
offence, area, period = choice.split("|")
rows = queries.resolve(d[(d["choice"] == choice)])[0]
source = queries.source_line(rows)
cells = rows[(rows["breakdown"] == "age_gender") & (rows["measure"] == "count")]
if not cells.empty:
    st.subheader("Age band by gender")
    ui.table(queries.crosstab(cells).reset_index().rename(columns={"age_band": "Age band"}))
    if (cells["status"] == "suppressed").any():
        st.caption("[c] a small number withheld by the force, shown as its range. Totals over such cells are ranges too.")
if queries.understated_sources(loaders.issues(), set(rows["source_id"])):
    ui.caveat("This force's printed totals by age or gender leave out its withheld (*) cells, so they understate: they are "
              "shown as the range the true total lies in.")
for what, col, order in (("age", "age_band", list(STANDARD_AGE_BANDS)), ("gender", "gender", ["female", "male", "unknown"])):
    part = rows[(rows["breakdown"] == what) & (rows["measure"] == "count")]
    if part.empty:
        continue
    st.subheader(f"By {what}")
    shares = queries.shares_of_known(part, col)
    unknown = shares[shares[col] == "unknown"]
    if not unknown.empty:
        st.caption(f"Unknown {what}: {unknown['range'].iloc[0]}. Shares are of those whose {what} is known.")
    extra = sorted(set(part[col]) - set(order))
    missing = queries.missing_categories(part, col, [c for c in order if c != "unknown"])
    coverage = "ranges: withheld small numbers, or printed sums that leave them out"
    if missing:  # a chart with one bar must say the other was not published, not let it read as none
        coverage = f"not published: {', '.join(missing)}; " + coverage
        ui.caveat(f"The source did not publish a figure for {', '.join(missing)}: the chart shows only what was published.")
    fig = charts.range_bars(part, col, f"How old were the victims? {labels[choice]}" if what == "age" else
                            f"Were the victims girls or boys? {labels[choice]}", source, coverage, order=order + extra)
    ui.chart(fig, shares, charts.alt_text("Bar chart", part.assign(value=part["value"].fillna(part["value_high"])), "value", col),
             key=f"ag_{what}", filename=f"{what}-{area}")
pct = rows[rows["measure"] == "percent"]
if not pct.empty:
    st.markdown("**Published shares:** " + ui.plain("; ".join(f"{queries.category(r)} {r['value']:g}%" for _, r in pct.iterrows())))
