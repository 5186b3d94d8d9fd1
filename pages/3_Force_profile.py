"""Force profile: one force over time, every breakdown it has, its sources, beside its region and
England and Wales (each on its own scale). A force with no figures says so; it is never swapped
for another."""

from __future__ import annotations

import streamlit as st

from core.facts import ENGLAND_AND_WALES, OFFENCE_LABELS
from dashboard import charts, loaders, queries, ui

df = ui.page("Force profile", "One force over time, with every breakdown it has and where each figure came from.")
forces = loaders.forces()
names = dict(zip(forces["area_code"], forces["area_name"], strict=True))
codes = sorted(names, key=lambda c: names[c])
have = df[df["area_type"] == "force"].groupby("area_code").size()
default = max(codes, key=lambda c: have.get(c, 0))  # the force with the most figures
with ui.filters():
    c1, c2 = st.columns(2)
    force = ui.choose("Force", codes, "force", format_func=lambda c: names.get(c, c), default=default, where=c1) or default
    offence = ui.choose_offence(where=c2, force_level=True)
name = names.get(force, force)
mine = df[df["area_code"] == force]
if mine.empty:
    ui.empty(f"No figures for {name} yet: none of the returns or publications in this table gives one. "
             "The Round tracker shows whether it has answered the current round.")
    st.page_link("pages/11_Round_tracker.py", label="Round tracker")
    st.stop()

region = str(forces.set_index("area_code").loc[force, "region_code"])
region_name = str(forces.set_index("area_code").loc[force, "region_name"])
series = queries.yearly(queries.area_series(df, [force, region, ENGLAND_AND_WALES], offence))
series = series[series["status"] == "reported"]
panels = [(f"{nm}", series[series["area_code"] == code]) for code, nm in
          ((force, name), (region, f"{region_name} (its region)"), (ENGLAND_AND_WALES, "England and Wales"))]
if not panels[0][1].empty:
    beside = " and ".join(nm for nm, rows in panels[1:] if not rows.empty)
    fig = charts.small_multiples(panels, f"How many offences did {name} record each year?", "police FOI returns and NSPCC releases",
                                 (f"{beside} on their own scales below, to compare trends, not levels (they cover different sets "
                                  "of forces in different years)") if beside else "no regional or national series for this offence")
    ui.chart(fig, series[["area_name", "period_label", "value", "status", "publisher"]],
             f"{name}: " + ", ".join(f"{r['period_label']} {r['value']:,.0f}" for _, r in panels[0][1].sort_values("period_start").iterrows()),
             key="profile_series", filename=f"profile-{force}")
else:
    ui.empty(f"No financial-year totals for {name} for this offence; its other figures are below.")

if offence == "scwc":
    members = [c for c, r in zip(forces["area_code"], forces["region_code"], strict=True) if r == region]
    rates = queries.rate_series(queries.totals(df, offence), loaders.population(), force, members, ENGLAND_AND_WALES,
                                {force: name, "region": region_name, ENGLAND_AND_WALES: "England and Wales"})
    if not rates.empty and (rates["series"] == name).any():
        st.subheader(f"Rates: {name} beside its region and England and Wales")
        fewer = rates[(rates["series"].str.endswith("forces reporting")) & (rates["forces"] < len(members))]
        fig = charts.series_chart(rates, f"How many offences per 100,000 people did {name} record, against its region and "
                                  "England and Wales?", "police FOI returns and NSPCC releases; ONS mid-2018 population (all ages)",
                                  f"every year divided by the mid-2018 population; the region is its forces that reported each "
                                  f"year (of {len(members)})" + (f", fewer in {', '.join(fewer['period_label'])}" if len(fewer) else ""),
                                  colour="series", y_title="Offences per 100,000 people")
        ui.chart(fig, rates[["series", "period_label", "value", "forces"]],
                 "; ".join(f"{s}: " + ", ".join(f"{r['period_label']} {r['value']:.1f}" for _, r in g.sort_values("period_start").iterrows())
                           for s, g in rates.groupby("series", sort=False)),
                 key="profile_rates", filename=f"profile-{force}-rates")
st.subheader(f"Every figure for this force: {OFFENCE_LABELS.get(offence, offence)}")
others = mine[mine["offence"] != offence]
if not others.empty:  # the offence chosen above filters this list too (Home Office 88A rows stood among s.15A's)
    st.caption(f"{len(others)} figure(s) for other offences ({', '.join(sorted(OFFENCE_LABELS.get(o, o) for o in set(others['offence'])))}) "
               "are not listed: choose the offence above to see them.")
shown, earlier = queries.resolve(mine[mine["offence"] == offence])
if not earlier.empty:
    st.caption(f"Each figure once, as most recently published; {len(earlier)} other publication(s) of the same figures "
               "are in the sources below (different values are listed under Revisions on Sources and coverage).")
for breakdown, g in shown.groupby("breakdown"):
    st.markdown(f"**{str(breakdown).replace('_', ' ').capitalize()}**")
    g = g.sort_values(["period_start", "period_end"]).assign(figure=g.apply(queries.range_text, axis=1),
                                                              category=g.apply(queries.category, axis=1),
                                                              credit=g.apply(queries.credit, axis=1))
    ui.table(g[["period_label", "offence", "category", "figure", "credit", "source_location"]])
st.subheader("Sources")
ui.source_links(mine)
