"""Regions and the press's groups: each one's series, the forces that make it up, and a ranking of
those forces."""

from __future__ import annotations

import functools

import streamlit as st

from dashboard import charts, exports, loaders, queries, ui

df = ui.page("Regions", "ONS regions, Wales, and the groups the press reports (such as 'north of England'), with the forces in each.")
areas = loaders.areas()
groups = loaders.groups()
t = queries.totals(df, "scwc")
regional = t[t["area_type"].isin(["region", "group", "nation"]) & (t["status"] == "reported")]
forces = loaders.forces()
regions = {c: n for c, n in zip(areas["area_code"], areas["area_name"], strict=True) if c.startswith(("E12", "W92"))}
regions |= dict(zip(groups["area_code"], groups["area_name"], strict=False))
options = sorted(regions, key=lambda c: regions[c])
points = queries.yearly(regional).groupby("area_code").size()
default = max(options, key=lambda c: (points.get(c, 0), c))  # the region with the longest yearly series
with ui.filters():
    chosen = ui.choose("Region or group", options, "region", format_func=lambda c: regions.get(c, c), default=default) or default
name = regions.get(chosen, chosen)
member_names, definition = queries.members(str(chosen), areas, groups)
member_codes = sorted(queries.forces_of(str(chosen), areas, groups))  # a group of regions ('North of England') is their forces
rows = regional[regional["area_code"] == chosen]
years = queries.yearly(rows)
if years.empty:
    ui.empty(f"No financial-year totals published for {name}; its forces' own figures are ranked below.")
else:
    cover = queries.region_coverage(years, t, {c: n for c, n in zip(areas["area_code"], areas["area_name"], strict=True)
                                                if c in set(member_codes)})
    marked = cover[cover["coverage_note"].str.startswith(("covers", "printed"))]
    fig = charts.series_chart(years, f"How many offences did police in {name} record each year?", "NSPCC releases as published",
                              f"{name}: {', '.join(member_names) or definition}"
                              + ("; marked years cover other forces or disagree with them (see below)" if len(marked) else ""))
    charts.mark_points(fig, marked["period_label"].tolist(), marked["value"].tolist(),
                       ["not all forces" if n.startswith("covers") else "≠ its forces" for n in marked["coverage_note"]])
    ui.chart(fig, years[["period_label", "value", "note", "originator", "publisher", "source_url"]],
             f"{name}: " + ", ".join(f"{r['period_label']} {r['value']:,.0f}" for _, r in years.sort_values("period_start").iterrows()),
             key="region_series", filename=f"region-{chosen}")
if not years.empty and (cover["coverage_note"] != "").any():
    ui.caveat("Not like for like: " + "; ".join(f"{r['period_label']}: {r['coverage_note']}" for _, r in cover.iterrows()
                                                 if r["coverage_note"]))
    ui.table(cover.rename(columns={"forces_held": "Forces with their own figure", "forces": "Forces in the region",
                                   "sum_of_forces": "Their own figures summed", "coverage_note": "Note"}))
other = rows[~rows["fy"]]
if not other.empty:
    st.markdown("**Other periods** (part years and cumulative spans; not comparable with the yearly series):")
    ui.table(other[["period_label", "value", "note", "publisher"]])
st.markdown(f"**Defined as:** {ui.plain(definition)}")
st.markdown("**Made up of:** " + ui.plain(", ".join(member_names) or "(see definition)"))
# the groups a release reported together within this region, and the regions a group lies in: one click away
published = regional["area_code"].value_counts()
related = queries.related_areas(str(chosen), list(options), areas, groups)
if related:
    st.markdown("**Published together, or the wider area:** regions and the groups releases reported as one that share "
                "forces with it")
    cols = st.columns(min(len(related), 3))
    for i, (code, how) in enumerate(related):
        n = int(published.get(code, 0))
        count = f"{n} figure{'s' if n != 1 else ''}" if n else "no figure of its own"
        cols[i % 3].button(f"{regions.get(code, code)} ({how}, {count})", key=f"related_{code}",
                           on_click=functools.partial(st.session_state.__setitem__, "qp_region", code))

st.subheader(f"Forces in {name}, ranked")
mt = t[t["area_code"].isin(member_codes) & (t["status"] == "reported") & t["fy"]]
if mt.empty:
    ui.empty("None of its forces has a financial-year figure in this table.")
else:
    by_year = mt.groupby("period").agg(n=("area_code", "nunique"), end=("period_end", "max")).sort_values(["n", "end"], ascending=False)
    labels = dict(zip(mt["period"], mt["period_label"], strict=False))
    counts = {str(k): int(v) for k, v in by_year["n"].items()}
    period = ui.choose("Year", list(counts), "rank_period",
                       format_func=lambda k: f"{labels[k]} ({counts[k]} force{'s' if counts[k] != 1 else ''})")
    ranked = mt[mt["period"] == period]
    missing = sorted(set(member_names) - set(ranked["area_name"]))
    if len(ranked) == 1:  # a ranking of one is no ranking: say the figure and who has none (issue 20)
        only = ranked.iloc[0]
        st.markdown(f"Only **{ui.plain(only['area_name'])}** has a figure for {labels[period]}: **{only['value']:,.0f}** offences"
                    + (f". No figure: {ui.plain(', '.join(missing))}." if missing else "."))
    else:
        fig = charts.ranked_bars(ranked, "value", "area_name", f"Which forces in {name} recorded the most offences, {labels[period]}?",
                                 "police FOI returns and NSPCC releases as published",
                                 f"{len(ranked)} of {len(member_codes)} forces" + (f"; no figure: {', '.join(missing)}" if missing else ""))
        ui.chart(fig, ranked[["area_name", "value", "publisher"]], charts.alt_text("Bar chart", ranked), key="region_rank",
                 filename=f"region-{chosen}-ranked")
st.subheader(f"The latest figure for each force in {name}")
latest, without = queries.latest_per_force(t, {c: n for c, n in zip(forces["area_code"], forces["area_name"], strict=True)
                                              if c in member_codes})
if latest.empty:
    ui.empty("None of its forces has a financial-year figure in this table.")
else:
    latest_years = sorted(set(latest["period_label"]))
    shown_rows = latest[latest["status"] == "reported"]
    if not shown_rows.empty:
        # the year beside each short name only when years differ (long labels wrap over each other on a phone)
        names_short = shown_rows["area_name"].map(charts.short_name)
        bars = shown_rows.assign(label=names_short + " " + shown_rows["period_label"] if len(latest_years) > 1 else names_short)
        when = "" if len(latest_years) > 1 else f", {latest_years[0]}"
        fig = charts.ranked_bars(bars, "value", "label", f"What is the latest figure for each force in {name}{when}?",
                                 queries.source_line(shown_rows) or "as published",
                                 ("years differ: " + ", ".join(latest_years) if len(latest_years) > 1 else latest_years[0])
                                 + (f"; no figure: {', '.join(without)}" if without else ""))
        ui.chart(fig, bars[["area_name", "period_label", "value", "publisher"]], charts.alt_text("Bar chart", bars, "value", "label"),
                 key="region_latest", filename=f"region-{chosen}-latest")
    if len(latest_years) > 1:
        ui.caveat("Each force's latest year differs (" + ", ".join(latest_years) + "): the bars are not one year's ranking.")
    table = latest.assign(figure=latest.apply(queries.range_text, axis=1), credit=latest.apply(queries.credit, axis=1))
    ui.table(table[["area_name", "period_label", "figure", "credit"]])
    if without:
        st.markdown("**No financial-year figure held for:** " + ui.plain(", ".join(without)))
    citation = queries.citation(latest)
    c1, c2 = st.columns(2)
    c1.download_button("Download these figures (CSV)", functools.partial(exports.to_csv_bytes, latest, citation),
                       file_name=f"latest-{chosen}.csv", mime="text/csv", key="latest_csv", on_click="ignore")
    c2.download_button("Download these figures (XLSX)", functools.partial(exports.to_xlsx_bytes, latest, citation),
                       file_name=f"latest-{chosen}.xlsx", key="latest_xlsx", on_click="ignore",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
st.caption("'South East' in NSPCC releases means Kent, Sussex, Surrey and Hampshire (not Thames Valley); the 'West Midlands' "
           "region is four forces, not West Midlands Police.")
