"""Questions the pages ask of the figures table. Plain pandas; never imports streamlit.

Competing values: when several sources give the same figure (same offence, area, period and
category), the one published latest is shown and the others are listed as revisions
(docs/methodology.md). A figure with no publication date counts as the oldest.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from core.facts import FIRST_ROUND, FY_START_DAYS, NATIONAL_SERIES
from core.schema import FIGURE_KEY, LOWER_BOUND_NOTE, STATUS_SHORTHAND

KEY = list(FIGURE_KEY)
FY_LABEL_FMT = "{a}/{b:02d}"
FY_LABEL = r"\d{4}/\d{2}"  # a financial year as labelled: 2017/18


def period_key(start: pd.Timestamp | date, end: pd.Timestamp | date) -> str:
    """The `period` key add_periods gives a row: 2023-04-01_2024-03-31."""
    return f"{pd.Timestamp(start):%Y-%m-%d}_{pd.Timestamp(end):%Y-%m-%d}"


FIRST_ROUND_PERIOD = period_key(*FIRST_ROUND)


def period_label(start: pd.Timestamp | date, end: pd.Timestamp | date) -> str:
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    if s.month == 4 and s.day in FY_START_DAYS and e.month == 3 and e.day == 31 and e.year == s.year + 1:
        return FY_LABEL_FMT.format(a=s.year, b=(s.year + 1) % 100)
    return f"{s.day} {s:%b %Y} to {e.day} {e:%b %Y}"


def add_periods(df: pd.DataFrame) -> pd.DataFrame:
    """`period` (a key), `period_label` (2023/24, or the dates) and `fy` (a financial year), in
    one vectorised pass; the cached loader does this once per table."""
    out = df.copy()
    if out.empty:
        out["period"] = pd.Series(dtype=object)
        out["period_label"] = pd.Series(dtype=object)
        out["fy"] = pd.Series(dtype=bool)
        return out
    s, e = out["period_start"], out["period_end"]
    out["period"] = s.dt.strftime("%Y-%m-%d") + "_" + e.dt.strftime("%Y-%m-%d")
    fy = (s.dt.month == 4) & s.dt.day.isin(FY_START_DAYS) & (e.dt.month == 3) & (e.dt.day == 31) & (e.dt.year == s.dt.year + 1)
    fy_label = s.dt.year.astype(str) + "/" + ((s.dt.year + 1) % 100).astype(str).str.zfill(2)
    span = s.dt.day.astype(str) + " " + s.dt.strftime("%b %Y") + " to " + e.dt.day.astype(str) + " " + e.dt.strftime("%b %Y")
    out["period_label"] = fy_label.where(fy, span).astype(object)
    out["fy"] = fy.astype(bool)
    return out


def with_period(df: pd.DataFrame) -> pd.DataFrame:
    """The table with its period columns (already there when it came from the loader)."""
    return df if "period_label" in df.columns else add_periods(df)


# Columns the loader adds to the table for the pages; never exported.
DERIVED_COLUMNS = ("period", "period_label", "fy", "latest", "revised", "lower_bound")


def _latest(df: pd.DataFrame) -> pd.Series:
    """True for the row each figure is shown by: the latest published (ties: the first source id).
    A row that needs review (a doubtful reading, a row its collector called ambiguous) is never the
    one shown: it stays in the table, listed as such, and out of charts, rankings and sentences."""
    clean = df[df["review"].eq("")] if "review" in df.columns else df
    ordered = clean.assign(_pub=clean["published"].fillna(pd.Timestamp("1900-01-01"))).sort_values(
        ["_pub", "source_id"], ascending=[False, True], kind="stable"
    )
    return (~ordered.duplicated(subset=KEY, keep="first")).reindex(df.index, fill_value=False)


SHOWN_WORDS = {"shown": "shown", "other": "earlier or other publication", "review": "needs review (not shown)"}


def shown_column(df: pd.DataFrame) -> pd.Series:
    """For exports: whether each row is the figure the dashboard shows, an earlier or other
    publication of it, or a figure that needs review (never shown)."""
    latest = df["latest"] if "latest" in df.columns else _latest(df)
    review = df["review"].ne("") if "review" in df.columns else pd.Series(False, index=df.index)
    words = pd.Series(SHOWN_WORDS["other"], index=df.index, dtype=object)
    words[latest.astype(bool)] = SHOWN_WORDS["shown"]
    words[review] = SHOWN_WORDS["review"]
    return words


def needs_review(df: pd.DataFrame) -> pd.DataFrame:
    """The figures that need review, each with why: never shown as a figure until a person settles it."""
    return with_period(df[df["review"].ne("")]) if "review" in df.columns else df.iloc[0:0]


def _revised(df: pd.DataFrame) -> pd.Series:
    """True for the reported rows of a figure that sources give with different values."""
    reported = df["status"] == "reported"
    distinct = df[reported].drop_duplicates(subset=[*KEY, "value"])
    keys = distinct[distinct.duplicated(subset=list(KEY), keep=False)][list(KEY)].drop_duplicates()
    if keys.empty:
        return pd.Series(False, index=df.index)
    hit = df[list(KEY)].reset_index().merge(keys, on=list(KEY), how="inner")["index"]
    return pd.Series(df.index.isin(hit), index=df.index) & reported


def _lower_bound(df: pd.DataFrame) -> pd.Series:
    """True for every row of a figure that some source published as a lower bound ('at least
    4,373'), whichever row shows it (another carrier may print the same number plainly)."""
    bounded = df[df["note"].str.contains(LOWER_BOUND_NOTE, regex=False)][[*KEY, "value"]].drop_duplicates()
    if bounded.empty:
        return pd.Series(False, index=df.index)
    hit = df[[*KEY, "value"]].reset_index().merge(bounded, on=[*KEY, "value"], how="inner")["index"]
    return pd.Series(df.index.isin(hit), index=df.index)


def mark_latest(df: pd.DataFrame) -> pd.DataFrame:
    """The table with `latest` (the row that shows each figure), `revised` (a figure given
    different values) and `lower_bound`, computed once over the whole table in the cached loader."""
    if df.empty:
        return df.assign(latest=pd.Series(dtype=bool), revised=pd.Series(dtype=bool), lower_bound=pd.Series(dtype=bool))
    return df.assign(latest=_latest(df).astype(bool), revised=_revised(df), lower_bound=_lower_bound(df))


def shown(df: pd.DataFrame) -> pd.DataFrame:
    """Only the rows that show a figure (one per figure), when the loader has marked them: a
    cheap first filter, so the rest of a query works on one copy of each figure however many
    sources repeat it."""
    return df[df["latest"]] if "latest" in df.columns else df


def resolve(df: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """-> (one row per figure: the latest published; the other values, as revisions). `df` holds
    whole figures (every row of each it holds: filtered by offence, area, period or breakdown)."""
    if df.empty:
        return df, df
    latest = df["latest"] if "latest" in df.columns else _latest(df)
    return df[latest], df[~latest]


def revisions(df: pd.DataFrame) -> pd.DataFrame:
    """Figures given different values by different sources, side by side, oldest first, with who
    published each (and who added it, for a return added through the dashboard)."""
    cols = ["area_name", "period_label", "offence", "breakdown", "category", "values", "shown", "sources"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    d = with_period(df[df["revised"]] if "revised" in df.columns else df[df["status"] == "reported"])
    rows = []
    for _, g in d.groupby(list(KEY), dropna=False, sort=True):
        if g["value"].nunique() > 1:
            g = g.sort_values("published", na_position="first")
            r = g.iloc[-1]

            def one(x: pd.Series) -> str:
                when = f"{x['published']:%d %b %Y}" if pd.notna(x["published"]) else "undated"
                who = x["publisher"] or x["reference"]
                added = f", added by {x['added_by']}" if x.get("added_by") else ""
                return f"{x['value']:g} ({who}, {when}{added})"

            # one entry per value as each publisher gave it (a figure repeated by many sources is said once)
            said = g.drop_duplicates(subset=["value", "publisher", "published", "added_by"])
            ids = list(dict.fromkeys(g["source_id"]))
            rows.append({
                "area_name": r["area_name"], "period_label": r["period_label"], "offence": r["offence"],
                "breakdown": r["breakdown"], "category": category(r), "values": " then ".join(one(x) for _, x in said.iterrows()),
                "shown": f"{r['value']:g}",
                "sources": ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else ""),
            })
    return pd.DataFrame(rows, columns=cols)


def replacements(new: pd.DataFrame, current: pd.DataFrame) -> pd.DataFrame:
    """Figures in `new` (a preview) that the published table already gives with another value:
    each would become a revision, shown with both values."""
    cols = ["area_name", "period", "breakdown", "category", "published value", "published by", "new value"]
    if new.empty or current.empty:
        return pd.DataFrame(columns=cols)
    both = new.merge(current, on=KEY, suffixes=("", "_cur"))
    differ = both[(both["value_raw"] != both["value_raw_cur"]) | (both["status"] != both["status_cur"])]
    if differ.empty:
        return pd.DataFrame(columns=cols)
    return pd.DataFrame({
        "area_name": differ["area_name"], "period": [period_label(s, e) for s, e in zip(differ["period_start"], differ["period_end"], strict=True)],
        "breakdown": differ["breakdown"], "category": differ.apply(category, axis=1),
        "published value": differ["value_raw_cur"],
        "published by": differ["publisher_cur"].where(differ["publisher_cur"] != "", differ["source_id_cur"]),
        "new value": differ["value_raw"],
    }).reset_index(drop=True)


def category(row: pd.Series) -> str:
    parts = [str(row.get(c, "") or "") for c in ("age_band", "gender", "platform")]
    return " / ".join(p for p in parts if p) or "all"


def filter_table(df: pd.DataFrame, offence: str | None = None, period: str | None = None,
                 area_codes: list[str] | None = None, breakdown: str | None = None) -> pd.DataFrame:
    out = df
    if offence:
        out = out[out["offence"] == offence]
    if period:
        start, end = period.split("_")
        out = out[(out["period_start"] == pd.Timestamp(start)) & (out["period_end"] == pd.Timestamp(end))]
    if area_codes:
        out = out[out["area_code"].isin(area_codes)]
    if breakdown:
        out = out[out["breakdown"] == breakdown]
    return out


ALL = "all"  # a filter's value for 'no filter' (in links: ?area=all)


def view_rows(df: pd.DataFrame, offence: str = "", area: str = "", period: str = "") -> pd.DataFrame:
    """The rows of one offence, area and period (filter_table's), each of them all when empty or ALL."""
    def given(value: str) -> str | None:
        return value if value and value != ALL else None

    chosen_area = given(area)
    return filter_table(df, offence=given(offence), period=given(period), area_codes=[chosen_area] if chosen_area else None)


def documents(df: pd.DataFrame) -> pd.DataFrame:
    """The documents the figures were read from, newest first."""
    cols = ["publisher", "reference", "published", "originator", "source_type", "source_url", "added_by"]
    return df.drop_duplicates("source_id")[cols].sort_values("published", ascending=False).reset_index(drop=True)


def periods(df: pd.DataFrame, offence: str = "scwc", area_type: str | None = None) -> pd.DataFrame:
    """Periods that have figures, newest first, with how many forces give a total figure (a withheld or
    refused total is not counted: the period list said 11 forces where the page said only 10 had a figure)."""
    df = shown(df)  # every figure has one shown row: the same periods and counts, from fewer rows
    d = df[(df["offence"] == offence)]
    if area_type:
        d = d[d["area_type"] == area_type]
    if d.empty:
        return pd.DataFrame(columns=["period", "period_label", "period_start", "period_end", "forces"])
    d = with_period(d)
    forces = d[(d["area_type"] == "force") & (d["breakdown"] == "total") & d["value"].notna()].groupby("period")["area_code"].nunique()
    p = d.drop_duplicates("period")[["period", "period_label", "period_start", "period_end"]].copy()
    p["forces"] = p["period"].map(forces).fillna(0).astype(int)
    return p.sort_values(["period_end", "period_start"], ascending=False).reset_index(drop=True)


def fullest_period(p: pd.DataFrame) -> pd.Series:
    """Of `periods(...)`, the one a page opens on: the financial year with the most force figures
    (the latest of equals); a part-year only when there is no financial year."""
    fy = p[p["period_label"].str.fullmatch(FY_LABEL)]
    return (fy if not fy.empty else p).sort_values(["forces", "period_end"], ascending=False).iloc[0]


def longest_series_forces(df: pd.DataFrame, n: int = 2, offence: str = "scwc") -> list[str]:
    """The `n` forces with the most financial-year totals of the offence (Compare's default)."""
    t = totals(df, offence)
    per_force = t[(t["area_type"] == "force") & t["fy"]].groupby("area_code")["period"].nunique()
    return [str(c) for c in per_force.sort_values(ascending=False, kind="stable").index[:n]]


def area_names(df: pd.DataFrame, areas: pd.DataFrame) -> dict[str, str]:
    """Every area code's name: the reference's, and any other area the table names."""
    in_table = shown(df).drop_duplicates("area_code")
    return dict(zip(in_table["area_code"], in_table["area_name"], strict=True)) | dict(
        zip(areas["area_code"], areas["area_name"], strict=True))


def period_choices(df: pd.DataFrame) -> dict[str, str]:
    """The periods of these figures, newest end first, each with its label."""
    labelled = shown(df).drop_duplicates("period").sort_values(["period_end", "period_start"], ascending=False)
    return dict(zip(labelled["period"], labelled["period_label"], strict=True))


def totals(df: pd.DataFrame, offence: str = "scwc") -> pd.DataFrame:
    df = shown(df)
    d = df[(df["offence"] == offence) & (df["breakdown"] == "total") & (df["measure"] == "count")]
    chosen, _ = resolve(d)
    return with_period(chosen)


def national_series(df: pd.DataFrame, offence: str | None = None) -> pd.DataFrame:
    """Yearly totals of each national series (or of one offence's), with a `series` name that says
    its geography and offence, and how many force figures we hold for each year."""
    wanted = [(a, o, name) for a, o, name in NATIONAL_SERIES if offence in (None, o)]
    if "lower_bound" not in df.columns:  # a table not from the loader: mark it here
        df = mark_latest(df)
    frames = []
    for area, off, name in wanted:
        t = totals(df, off)
        t = t[(t["area_code"] == area) & (t["status"] == "reported")]
        if not t.empty:
            frames.append(t.assign(series=name))
    if not frames:
        return pd.DataFrame(columns=[*df.columns, "series", "forces_held", "coverage"])
    nat = pd.concat(frames, ignore_index=True)
    forces = totals(df, "scwc")
    forces_held = forces[forces["area_type"] == "force"].groupby("period")["area_code"].nunique()
    nat["forces_held"] = nat["period"].map(forces_held).fillna(0).astype(int)
    nat["coverage"] = nat["note"].str.extract(r"coverage: ([^;]+)", expand=False).fillna("")
    return nat.sort_values(["series", "period_start", "period_end"]).reset_index(drop=True)


def national_panels(series: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """The national series as (name, rows) panels, England and Wales's s.15A first."""
    order = {name: i for i, (_, _, name) in enumerate(NATIONAL_SERIES)}
    panels = [(str(name), g) for name, g in series.groupby("series", sort=False)]
    return sorted(panels, key=lambda p: order.get(p[0], 99))


def credit(row: pd.Series) -> str:
    """Who to credit for a figure: its originator and release (with the date), then where it was read."""
    when = f" ({pd.Timestamp(row['originated']):%d %b %Y})" if pd.notna(row.get("originated")) else ""
    if row.get("originator"):
        release = f", {row['release']}" if row.get("release") else ""
        carried = "" if row["publisher"] in ("", row["originator"]) else f"; as carried by {row['publisher']}"
        return f"{row['originator']}{release}{when}{carried}"
    return f"{row['publisher'] or row['reference']} (originator not identified in the record)"


def source_line(rows: pd.DataFrame) -> str:
    """A chart's source line: the one credit in full, or the originators and how many releases
    (never a credit cut off mid-sentence; the table view lists every release)."""
    credits = sorted({credit(r) for _, r in rows.iterrows()})
    if len(credits) <= 1:
        return credits[0] if credits else ""
    who = sorted({str(o) for o in rows["originator"] if o}) or sorted({str(p) for p in rows["publisher"] if p})
    return f"{', '.join(who)}: {len(credits)} releases (listed in the table view)"


def yearly(df: pd.DataFrame) -> pd.DataFrame:
    """Only financial-year periods (12 months from April), the like-for-like series."""
    if df.empty:
        return df
    d = with_period(df)
    return d[d["fy"]]


def force_table(df: pd.DataFrame, forces: pd.DataFrame, population: pd.DataFrame, period: str,
                offence: str = "scwc") -> pd.DataFrame:
    """Every force area (so 'no data' shows), with its total for the period and a rate."""
    t = totals(df, offence)
    t = t[(t["period"] == period) & (t["area_type"] == "force")]
    out = forces[["area_code", "area_name", "region_name"]].merge(
        t[["area_code", "value", "status", "value_low", "value_high", "source_id", "source_url", "published"]],
        on="area_code", how="left",
    )
    out = out.merge(population[["area_code", "population"]], on="area_code", how="left")
    out["status"] = out["status"].fillna("no data")
    out["rate_per_100k"] = (out["value"] / out["population"] * 100_000).round(2)
    return out.sort_values(["value", "area_name"], ascending=[False, True], na_position="last").reset_index(drop=True)


def area_series(df: pd.DataFrame, codes: list[str], offence: str = "scwc") -> pd.DataFrame:
    t = totals(df, offence)
    return t[t["area_code"].isin(codes)].sort_values(["area_code", "period_start"])


def like_for_like(df: pd.DataFrame, codes: list[str], offence: str = "scwc") -> pd.DataFrame:
    """Totals of the chosen areas on the periods every one of them reports."""
    s = area_series(df, codes, offence)
    s = s[s["status"] == "reported"]
    if s.empty or not codes:
        return s
    counts = s.groupby("period")["area_code"].nunique()
    common = counts[counts == len(set(codes))].index
    return s[s["period"].isin(common)]


def breakdown_rows(df: pd.DataFrame, breakdown: str, offence: str = "scwc", codes: list[str] | None = None,
                   period: str | None = None) -> pd.DataFrame:
    d = filter_table(shown(df), offence=offence, breakdown=breakdown, area_codes=codes)
    chosen, _ = resolve(d)
    chosen = with_period(chosen)
    if period:
        chosen = chosen[chosen["period"] == period]
    return chosen


def range_text(row: pd.Series) -> str:
    """A figure as a reader should see it: 52, 1-4 for a suppressed cell, or the status."""
    if row["status"] == "reported":
        v = row["value"]
        return f"{v:,.0f}" if row["measure"] == "count" and float(v).is_integer() else f"{v:g}" + ("%" if row["measure"] == "percent" else "")
    mark = STATUS_SHORTHAND.get(row["status"], "")
    if row["status"] == "suppressed":
        return f"{row['value_low']:g}-{row['value_high']:g} {mark}"
    if row["status"] == "understated" and pd.notna(row["value_low"]):
        return f"{row['value_low']:g}-{row['value_high']:g} {mark} (printed {row['value_raw']}, leaving out withheld cells)"
    return f"{str(row['status']).replace('_', ' ')} {mark}".strip()


def crosstab(rows: pd.DataFrame) -> pd.DataFrame:
    """age_gender rows -> a table of age band x gender with ranges for suppressed cells,
    and totals over them as ranges."""
    if rows.empty:
        return pd.DataFrame()
    d = rows.copy()
    d["text"] = d.apply(range_text, axis=1)
    table = d.pivot_table(index="age_band", columns="gender", values="text", aggfunc="first")
    lo = d.pivot_table(index="age_band", columns="gender", values="value_low", aggfunc="sum", min_count=1)
    hi = d.pivot_table(index="age_band", columns="gender", values="value_high", aggfunc="sum", min_count=1)
    row_lo, row_hi = lo.sum(axis=1), hi.sum(axis=1)
    table["all (range)"] = [f"{a:g}" if a == b else f"{a:g}-{b:g}" for a, b in zip(row_lo, row_hi, strict=True)]
    return table.fillna("")


def shares_of_known(rows: pd.DataFrame, column: str) -> pd.DataFrame:
    """Counts by category with the share of those whose category is known, and the unknown shown."""
    d = rows[(rows["measure"] == "count")].copy()
    if d.empty:
        return pd.DataFrame(columns=[column, "count", "range", "share_of_known_pct"])
    d["range"] = d.apply(range_text, axis=1)
    known = d[(d[column] != "unknown") & (d["status"] == "reported")]["value"].sum()
    d["share_of_known_pct"] = [
        round(v / known * 100, 1) if (c != "unknown" and s == "reported" and known) else None
        for v, c, s in zip(d["value"], d[column], d["status"], strict=True)
    ]
    return d[[column, "value", "range", "share_of_known_pct", "status", "source_id"]].rename(columns={"value": "count"})


def sentence(row: pd.Series) -> str:
    """A plain-language sentence for one figure, for a journalist to quote (with its originator)."""
    when = period_label(row["period_start"], row["period_end"])
    when_text = f"In {when}" if "/" in when else f"Between {when.replace(' to ', ' and ')}"
    who = row["area_name"]
    by = f", according to {row['originator']}" if row.get("originator") else ""
    if row["breakdown"] == "total" and row["measure"] == "count" and row["status"] == "reported":
        what = ("offences of sexual communication with a child (and the equivalent offences in Northern Ireland and Scotland)"
                if row["offence"] == "scwc_uk" else "offences of sexual communication with a child")
        verb = "police in" if row["area_type"] != "force" else ""
        return f"{when_text} {verb + ' ' if verb else ''}{who} recorded {figure_text(row)} {what}{by}."
    return f"{when_text}, {who}: {category(row)} {range_text(row)} ({row['breakdown'].replace('_', ' ')}){by}."


def headline_sentence(view: pd.DataFrame) -> pd.Series | None:
    """The figure 'In plain words' quotes: the latest national total when the view is all areas,
    else the latest total of the area in view."""
    view = shown(view)
    tot = view[(view["breakdown"] == "total") & (view["status"] == "reported") & (view["measure"] == "count")]
    if tot.empty:
        return None
    national = tot[tot["area_type"].isin(["england_and_wales", "uk"])]
    pool = national if tot["area_code"].nunique() > 1 and not national.empty else tot
    if tot["area_code"].nunique() > 1 and national.empty:
        return None
    pool = pool[pool["fy"]] if "fy" in pool and pool["fy"].any() else pool
    return pool.sort_values(["period_end", "published"]).iloc[-1]


LICENCE = ("Figures are facts from the releases and answers named; boundaries and population: Office for National Statistics, "
           "Open Government Licence v3.0")


def releases_of(rows: pd.DataFrame) -> pd.DataFrame:
    """The originating releases behind these figures, oldest first (a force's answer is its own release)."""
    if rows.empty:
        return pd.DataFrame(columns=["originator", "release", "originated", "originator_url", "figures"])
    d = rows.assign(originator=rows["originator"].where(rows["originator"] != "", rows["publisher"]),
                    release=rows["release"].where(rows["release"] != "", rows["reference"]),
                    originator_url=rows["originator_url"].where(rows["originator_url"] != "", rows["source_url"]),
                    originated=rows["originated"].fillna(rows["published"]))
    g = d.groupby(["originator", "release"], dropna=False, sort=False).agg(
        originated=("originated", "min"), originator_url=("originator_url", "first"), figures=("value", "size")).reset_index()
    return g.sort_values(["originated", "originator"], na_position="last").reset_index(drop=True)


def citation(rows: pd.DataFrame, today: date | None = None, most: int = 4, releases: pd.DataFrame | None = None) -> str:
    """A citation of a view: the few originating releases, in date order (`releases`: releases_of
    these rows, when the page has them already)."""
    rel = releases if releases is not None else releases_of(rows)
    parts = [f"{r['originator']}, {r['release']}" + (f" ({pd.Timestamp(r['originated']):%d %b %Y})" if pd.notna(r["originated"]) else "")
             for _, r in rel.head(most).iterrows()]
    more = f"; and {len(rel) - most} more release(s) listed with the data" if len(rel) > most else ""
    d = (today or date.today()).isoformat()
    return (f"Sexual communication with a child (s.15A SOA 2003): police figures as published by {'; '.join(parts) or 'no source'}"
            f"{more}. Compiled by the online grooming figures project; accessed {d}.")


def coverage(df: pd.DataFrame, forces: pd.DataFrame, offence: str = "scwc") -> pd.DataFrame:
    """Force x period grid: which force supplied a total for which period; periods in date order."""
    t = totals(df, offence)
    t = t[t["area_type"] == "force"]
    if t.empty:
        return pd.DataFrame(index=pd.Index(sorted(forces["area_name"]), name="force"))
    t = t.assign(cell=t.apply(range_text, axis=1))
    order = t.drop_duplicates("period").sort_values(["period_start", "period_end"])["period_label"].tolist()
    grid = t.pivot_table(index="area_name", columns="period_label", values="cell", aggfunc="first")
    grid = grid.reindex(index=sorted(forces["area_name"]), columns=order).fillna("")
    grid.index.name, grid.columns.name = "force", None
    return grid


def shares_over_time(shares: pd.DataFrame) -> pd.DataFrame:
    """Published platform shares: a row per area and platform, a column per period."""
    return shares.pivot_table(index=["area_name", "platform"], columns="period_label", values="value", aggfunc="first")


def parent_company(counts: pd.DataFrame) -> pd.DataFrame:
    """Reported single-platform counts summed by parent company (one offence may count twice)."""
    rep = counts[(counts["status"] == "reported") & (counts["platform_group"] != "")]
    if rep.empty:
        return pd.DataFrame(columns=["area_name", "period_label", "platform_group", "value"])
    return rep.groupby(["area_name", "period_label", "platform_group"], as_index=False).agg(value=("value", "sum"))


def members(area_code: str, areas: pd.DataFrame, groups: pd.DataFrame) -> tuple[list[str], str]:
    """The forces that make up a region or press group, and where the definition comes from."""
    g = groups[groups["area_code"] == area_code]
    if not g.empty:
        codes = set(g["member_code"])
        definition = str(g["definition_source"].iloc[0])
    else:
        codes = set(areas.loc[(areas["area_type"] == "force") & (areas["region_code"] == area_code), "area_code"])
        definition = "ONS region: the police force areas within it"
    return areas[areas["area_code"].isin(codes)]["area_name"].tolist(), definition


def forces_of(area_code: str, areas: pd.DataFrame, groups: pd.DataFrame) -> set[str]:
    """The force codes an area is made of: a force itself; a region's or a nation's forces; a press
    group's members, a member region taken as its forces ('North of England' is three regions)."""
    kind = dict(zip(areas["area_code"], areas["area_type"], strict=True))
    if kind.get(area_code) == "force":
        return {area_code}
    g = groups[groups["area_code"] == area_code]
    codes = set(g["member_code"]) if not g.empty else {area_code}
    out: set[str] = set()
    for code in codes:
        if kind.get(code) == "force":
            out.add(code)
        else:
            out |= set(areas.loc[(areas["area_type"] == "force") & (areas["region_code"] == code), "area_code"])
    return out


RELATIONS = {"part": "part of it", "whole": "takes it in", "same": "the same forces", "overlap": "shares forces with it"}


def related_areas(area_code: str, candidates: list[str], areas: pd.DataFrame, groups: pd.DataFrame) -> list[tuple[str, str]]:
    """The regions and press groups among `candidates` that share forces with this one, and how (a release
    that reported 'North, South and West Yorkshire' together is part of Yorkshire and The Humber), the
    ones within it first."""
    mine = forces_of(area_code, areas, groups)
    out: list[tuple[int, str, str]] = []
    for code in candidates:
        if code == area_code:
            continue
        theirs = forces_of(code, areas, groups)
        if not mine or not theirs or not mine & theirs:
            continue
        how = "same" if theirs == mine else "part" if theirs < mine else "whole" if theirs > mine else "overlap"
        out.append((list(RELATIONS).index(how), code, RELATIONS[how]))
    return [(code, how) for _, code, how in sorted(out)]


def understated_sources(issues: pd.DataFrame, source_ids: set[str]) -> bool:
    """Whether any of these sources prints totals that leave out its suppressed cells."""
    return bool(((issues["issue_type"] == "sum_row_excludes_suppressed") & issues["source_id"].isin(source_ids)).any())


def with_rates(rows: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    pop = population.set_index("area_code")["population"]
    return rows.assign(rate_per_100k=(rows["value"] / rows["area_code"].map(pop) * 100_000).round(2))


def latest_per_force(totals_fy: pd.DataFrame, forces: dict[str, str]) -> tuple[pd.DataFrame, list[str]]:
    """Each force's latest financial-year total (the figure shown, with its year), and the forces
    with none. `totals_fy`: shown totals of one offence; `forces`: code -> name of the forces asked about."""
    d = totals_fy[totals_fy["area_code"].isin(list(forces)) & totals_fy["fy"]]
    if d.empty:
        return d, sorted(forces.values())
    latest = d.sort_values(["period_end", "source_id"], kind="stable").groupby("area_code", sort=False).tail(1)
    latest = latest.sort_values("value", ascending=False, na_position="last", kind="stable")
    none = sorted(n for c, n in forces.items() if c not in set(latest["area_code"]))
    return latest.reset_index(drop=True), none


def figure_text(row: pd.Series) -> str:
    """A reported count as a reader should quote it: '4,373', or 'at least 4,373' when the source
    published it as a lower bound."""
    bound = "at least " if bool(row.get("lower_bound", False)) or LOWER_BOUND_NOTE in str(row.get("note", "") or "") else ""
    return f"{bound}{row['value']:,.0f}"


def headlines(yearly_series: pd.DataFrame) -> pd.DataFrame:
    """The latest yearly figure of each national series, with its change on the year before
    (only when that year is the one just before), and who to credit."""
    rows = []
    for series, g in yearly_series.groupby("series", sort=False):
        g = g.sort_values("period_start")
        last = g.iloc[-1]
        change = ""
        if len(g) > 1 and g.iloc[-2]["period_end"].year == last["period_start"].year:
            prev = g.iloc[-2]
            change = f"{(last['value'] - prev['value']) / prev['value'] * 100:+.0f}% on {prev['period_label']}"
        rows.append({"series": series, "label": f"{str(series).split(':')[0]}, {last['period_label']}", "area_name": last["area_name"], "area_code": last["area_code"], "offence": last["offence"],
                     "period_label": last["period_label"], "period_start": last["period_start"], "period_end": last["period_end"],
                     "value": last["value"], "value_text": figure_text(last), "change": change, "credit": credit(last), "originator_url": last["originator_url"],
                     "source_url": last["source_url"], "source_id": last["source_id"], "release": last["release"]})
    order = {name: i for i, (_, _, name) in enumerate(NATIONAL_SERIES)}
    out = pd.DataFrame(rows)
    return out.sort_values("series", key=lambda s: s.map(order)).reset_index(drop=True) if len(out) else out


CATEGORY_WORDS = {"female": "girls", "male": "boys"}


def missing_categories(rows: pd.DataFrame, col: str, expected: list[str]) -> list[str]:
    """The categories of a breakdown a source did not publish at all (England and Wales's girls
    without boys), in words, so a chart can name them instead of letting them read as none."""
    held = set(rows[col])
    return [CATEGORY_WORDS.get(c, c) for c in expected if c not in held]


def share_text(part: float, whole: float) -> str:
    """'33.7% of the total (444 / 1,316)': a share recomputed from the two published counts."""
    return f"{part / whole * 100:.1f}% of the total ({part:,.0f} / {whole:,.0f})"


def triage(sources: list[Path], issues: pd.DataFrame, pending: list[dict[str, Any]]) -> pd.DataFrame:
    """A staged round's triage list: each source read / needs review / failed (from its preview
    issues), each answer left aside not an answer / needs a force (left out); with the counts in
    the column names' order."""
    rows = []
    for folder in sources:
        mine = issues[issues["source_id"] == folder.name] if len(issues) else issues
        sev = set(mine["severity"]) if len(mine) else set()
        status = "failed" if "error" in sev else ("needs review" if "review" in sev else "read")
        rows.append({"answer": folder.name, "status": status})
    for p in pending:
        rows.append({"answer": str(p["name"]), "status": "not an answer" if p["triage"] == "not an answer" else "needs a force"})
    return pd.DataFrame(rows, columns=["answer", "status"])


def role_grid(rows: list[list[str]], roles: list[list[str]], colours: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A table's cells as printed, and beside it the CSS that colours each cell by its role (the
    review desk): same shape, columns named `col 1`, `col 2`..."""
    grid = pd.DataFrame(rows).fillna("")
    grid.columns = [f"col {j + 1}" for j in range(grid.shape[1])]
    css = pd.DataFrame(roles).reindex(index=grid.index, columns=range(grid.shape[1])).fillna("")
    css = css.map(lambda r: f"background-color: {colours[r]}" if r in colours else "")
    css.columns = grid.columns
    return grid, css


def region_coverage(years: pd.DataFrame, totals_fy: pd.DataFrame, members: dict[str, str]) -> pd.DataFrame:
    """For each year of a region's series, what its printed total can be checked against: how many
    of its member forces have a figure of their own that year, their sum, and a note where the
    total does not cover the same forces as other years, or disagrees with its forces' own figures
    (South East 2021/22 without Hampshire; Wales 2023/24 printed 554, its forces summing to 564)."""
    rows = []
    mine = totals_fy[totals_fy["area_code"].isin(list(members)) & totals_fy["fy"] & (totals_fy["status"] == "reported")]
    for _, r in years.sort_values("period_start").iterrows():
        held = mine[mine["period"] == r["period"]] if "period" in mine else mine.iloc[0:0]
        names = sorted(members[c] for c in set(held["area_code"]))
        missing = sorted(set(members.values()) - set(names))
        total = float(held["value"].sum()) if len(held) else None
        note = ""
        value = float(r["value"])
        if missing and total is not None and abs(total - value) < 0.5:
            note = f"covers {len(names)} of {len(members)} forces (no {', '.join(missing)}): not comparable with a year of all of them"
        elif not missing and total is not None and abs(total - value) >= 0.5:
            note = f"printed {value:,.0f}; its {len(members)} forces' own figures sum to {total:,.0f}"
        elif missing and names:
            note = f"its forces' own figures held for {len(names)} of {len(members)}: what the total covers is not known"
        rows.append({"period_label": r["period_label"], "value": value, "forces_held": len(names), "forces": len(members),
                     "sum_of_forces": total, "coverage_note": note})
    return pd.DataFrame(rows, columns=["period_label", "value", "forces_held", "forces", "sum_of_forces", "coverage_note"])


def rate_series(totals_fy: pd.DataFrame, population: pd.DataFrame, force: str, members: list[str], national: str,
                names: dict[str, str]) -> pd.DataFrame:
    """Offences per 100,000 people, by financial year: the force; its region's forces that have a
    figure that year, summed over their own population (so a year with fewer forces reporting is
    still a like-for-like rate, and says how many); and England and Wales. One scale: rates compare
    levels across areas of any size."""
    pop = population.set_index("area_code")["population"]
    d = totals_fy[totals_fy["fy"] & (totals_fy["status"] == "reported")]
    rows = []
    for _, r in d[d["area_code"] == force].iterrows():
        if force in pop:
            rows.append({"series": names.get(force, force), "period_label": r["period_label"], "period_start": r["period_start"],
                         "value": round(r["value"] / pop[force] * 100_000, 2), "forces": 1})
    region = d[d["area_code"].isin(members) & d["area_code"].isin(list(pop.index))]
    for (label, start), g in region.groupby(["period_label", "period_start"]):
        rows.append({"series": f"{names.get('region', 'its region')}: forces reporting", "period_label": label, "period_start": start,
                     "value": round(g["value"].sum() / pop[g["area_code"]].sum() * 100_000, 2), "forces": g["area_code"].nunique()})
    for _, r in d[d["area_code"] == national].iterrows():
        if national in pop:
            rows.append({"series": names.get(national, "England and Wales"), "period_label": r["period_label"],
                         "period_start": r["period_start"], "value": round(r["value"] / pop[national] * 100_000, 2), "forces": 0})
    return pd.DataFrame(rows, columns=["series", "period_label", "period_start", "value", "forces"])
