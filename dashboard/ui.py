"""Shared page chrome: the menu, filters kept in the URL (at the top of the page, reachable on a
phone without opening the sidebar), charts with a table view and a description, tables with
words for column names, caveats and empty states. Pages call these and read like a
description of the UI."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from core.facts import OFFENCE_LABELS, OFFENCES
from dashboard import auth, charts, loaders, queries
from dashboard.text import md_escape, safe_frame, safe_url

PAGES: list[tuple[str, str]] = [
    ("pages/1_Overview.py", "Overview"),
    ("pages/2_Forces.py", "Forces"),
    ("pages/3_Force_profile.py", "Force profile"),
    ("pages/4_Regions.py", "Regions"),
    ("pages/5_Age_and_gender.py", "Age and gender"),
    ("pages/6_Platforms.py", "Platforms"),
    ("pages/7_Compare.py", "Compare"),
    ("pages/8_Sources_and_coverage.py", "Sources and coverage"),
    ("pages/9_Data_and_export.py", "Data and export"),
    ("pages/10_Add_returns.py", "Add returns"),
    ("pages/11_Round_tracker.py", "Round tracker"),
    ("pages/12_Request_kit.py", "Request kit"),
    ("pages/13_Review_desk.py", "Review desk"),
]
EDITOR_PAGES = {"pages/10_Add_returns.py", "pages/13_Review_desk.py"}  # in the menu for editors only (the page checks again)
# column names as people read them (tables never show a slug or a code where a word will do)
COLUMN_WORDS = {
    "area_name": "Area", "period_label": "Period", "value": "Figure", "status": "Status", "figure": "Figure", "breakdown": "Breakdown",
    "age_band": "Age band", "gender": "Gender", "platform": "Platform", "platform_group": "Parent company", "measure": "Measure",
    "denominator": "Base (offences with the platform known)", "publisher": "Published by", "source_url": "Link",
    "reference": "Title or FOI reference", "published": "Published", "source_location": "Where in the document",
    "note": "Note", "rate_per_100k": "Rate per 100,000 people", "region_name": "Region", "offence": "Offence", "category": "Category",
    "credit": "Credit", "originator": "Originator", "release": "Release", "originated": "Released", "forces_held": "Force figures held here",
    "coverage": "Coverage as published", "series": "Series", "range": "Figure", "share_of_known_pct": "Share of known (%)",
    "count": "Count", "source": "Source", "value_raw": "As printed", "label_raw": "Labels as printed", "review": "Needs review",
    "added_by": "Added by", "source_type": "Kind of source", "table": "Table", "title": "Table title", "row_label": "Row",
    "column_label": "Column", "location": "Where", "labels": "Labels", "source_file": "File", "severity": "Severity",
    "issue_type": "Issue", "message": "What happened", "source_id": "Source", "at": "When", "by": "By", "action": "Action",
    "sources": "Sources", "reason": "Reason", "originator_url": "Release link", "figures held": "Figures held",
    "force": "Force", "ground": "Ground of refusal", "refused_parts": "Parts refused", "answered_on": "Answered on", "due": "Due",
    "late": "Late", "days_overdue": "Working days overdue",
}


LINK_WORDS = {COLUMN_WORDS["source_url"], COLUMN_WORDS["originator_url"]}  # shown as links, never as text
# the columns that hold a table's figures: on a phone they come second, where the screen still shows them
FIGURE_WORDS = {COLUMN_WORDS[c] for c in ("value", "range", "count", "rate_per_100k", "share_of_known_pct", "value_raw")}


def page(title: str, intro: str = "", allow_empty: bool = False) -> pd.DataFrame:
    """Set up a page: config, menu, title; returns the figures table (with its period columns)."""
    st.set_page_config(page_title=f"{title} · Online grooming figures", layout="wide")
    menu()
    st.title(title)
    if intro:
        st.caption(intro)
    df = loaders.figures()
    if df.empty:
        empty("No figures loaded yet. Run `make ingest` to build data/processed from data/raw.")
        if not allow_empty:
            st.stop()
    return df


def menu() -> None:
    editor = auth.is_editor()
    with st.sidebar:
        st.markdown("**Online grooming: police figures**")
        st.page_link("app.py", label="Home")
        for path, label in PAGES:
            if path not in EDITOR_PAGES or editor:
                st.page_link(path, label=label)
        st.caption("s.15A Sexual Offences Act 2003 · figures from FOI returns and their publication")
    auth.sign_in_box()


def plain(text: object) -> str:
    """Text from a return or a person, for markdown: shown as typed, never as a link or markup."""
    return md_escape(text)


def error(message: str) -> None:
    st.error(plain(message))


def notice(message: str) -> None:
    st.info(plain(message), icon=":material/info:")  # a Material icon: an emoji loads Streamlit's emoji catalog (0.1 s, each process)


def frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    return pd.DataFrame(rows)


def words(df: pd.DataFrame) -> pd.DataFrame:
    """A table as people read it: columns in words, offences named, 'None' never shown."""
    out = df.copy()
    if "offence" in out:
        out["offence"] = out["offence"].map(lambda o: OFFENCE_LABELS.get(o, o))
    for c in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[c]):
            out[c] = out[c].dt.strftime("%d %b %Y").fillna("")
        elif out[c].dtype == object:  # a missing date or text is blank, never the word 'None'
            out[c] = out[c].where(out[c].notna(), "")
    return out.rename(columns={c: COLUMN_WORDS.get(c, c) for c in out.columns})


def table(df: pd.DataFrame, where: object = None, limit: int | None = None, rest: str = "", columns: list[str] | None = None,
          **kwargs: object) -> None:
    """A table in words whose text cannot run as a formula in the toolbar's own CSV download.
    With `limit`, only the first rows are drawn (a page stays quick however big the table) and
    a note says how many, and where the rest are (`rest`); `columns`: those only, in that order."""
    if limit is not None and len(df) > limit:
        (where or st).caption(f"The first {limit:,} of {len(df):,} rows are shown{'; ' + rest if rest else ''}.")  # type: ignore[attr-defined]
        df = df.head(limit)
    if columns is not None:
        df = df[columns]
    shown = safe_frame(words(df))
    if on_phone() and len(shown.columns) > 2:  # the figures beside the first column: a phone shows two columns
        figures = [c for c in shown.columns[1:] if c in FIGURE_WORDS]
        shown = shown[[shown.columns[0], *figures, *[c for c in shown.columns[1:] if c not in figures]]]
    config = dict(kwargs.pop("column_config", {}) or {})  # type: ignore[call-overload]
    for c in shown.columns:
        if c in LINK_WORDS:
            config[c] = st.column_config.LinkColumn(c, display_text="open")
    (where or st).dataframe(shown, hide_index=True, column_config=config, **kwargs)  # type: ignore[attr-defined]


# --- filters, kept in the URL ---------------------------------------------------------------------

def filters() -> Any:
    """Where a page's filters go: at the top of the page, in a row that stacks on a phone."""
    return st.container(border=True, key="filters")  # class st-key-filters: the browser tests find it by that


def _param(name: str) -> str | None:
    value = st.query_params.get(name)
    return value if value else None


def choose(label: str, options: Sequence[str], param: str, format_func: Callable[[str], str] = str, default: str | None = None,
           where: object = None, help: str | None = None) -> str | None:
    """A selectbox whose value lives in the URL (?param=value), so a copied link reopens it. A
    value in the link that is not one of the options is said, never silently replaced."""
    if not options:
        return None
    wanted = _param(param)
    fallback = default if default is not None and default in options else options[0]
    if wanted is not None and wanted not in options:
        notice(f"The link asked for {param} '{wanted[:60]}', which this page does not have; showing "
               f"{format_func(fallback)} instead.")
        wanted = None
    index = list(options).index(wanted if wanted is not None else fallback)
    value = (where or st).selectbox(label, options, index=index, format_func=format_func, key=f"qp_{param}", help=help)  # type: ignore[attr-defined]
    if value is not None and st.query_params.get(param) != value:
        st.query_params[param] = value
    return value


def choose_many(label: str, options: Sequence[str], param: str, format_func: Callable[[str], str] = str,
                default: Sequence[str] = (), where: object = None) -> list[str]:
    asked = [v for v in (_param(param) or "").split(",") if v]
    unknown = [v for v in asked if v not in options]
    if unknown:
        notice(f"The link asked for {', '.join(unknown[:3])}, which this page does not have; left out.")
    wanted = [v for v in asked if v in options] or [v for v in default if v in options]
    values = (where or st).multiselect(label, options, default=wanted, format_func=format_func, key=f"qp_{param}")  # type: ignore[attr-defined]
    joined = ",".join(values)
    if st.query_params.get(param, "") != joined:
        if joined:
            st.query_params[param] = joined
        elif param in st.query_params:
            del st.query_params[param]
    return list(values)


def choose_offence(where: object = None, force_level: bool = False) -> str:
    """The offence to show, of those the table holds. Offences are never added together: each is
    its own series."""
    held = loaders.offences()
    present = [o for o in OFFENCES if o in held and (not force_level or o != "scwc_uk")] or ["scwc"]
    value = choose("Offence", present, "offence", format_func=lambda o: OFFENCE_LABELS.get(o, o), default="scwc", where=where,
                   help="Offences are never added together: each is its own series.")
    return value or "scwc"


def choose_period(df: pd.DataFrame, offence: str, area_type: str | None = "force", param: str = "period",
                  where: object = None) -> str | None:
    """A period, defaulting to the financial year with the most force figures (the fullest map)."""
    p = queries.periods(df, offence, area_type)
    if p.empty:
        return None
    labels = dict(zip(p["period"], p["period_label"] + p["forces"].map(lambda n: f" ({n} forces)" if n else ""), strict=True))
    default = str(queries.fullest_period(p)["period"])
    return choose("Period", list(p["period"]), param, format_func=lambda k: labels.get(k, k), default=default, where=where)


# --- charts ---------------------------------------------------------------------------------------

def on_phone() -> bool:
    """A phone's browser says so in its user agent ("Mobi", as browsers advise): its charts get
    titles wrapped for a narrow screen (SVG text does not wrap by itself)."""
    try:
        return "Mobi" in (st.context.headers.get("User-Agent") or "")
    except Exception:  # no request (AppTest, a script): a desktop layout
        return False


def chart(fig: go.Figure, table_rows: pd.DataFrame, alt: str, key: str, pick: bool = False, filename: str = "chart",
          narrow: bool = False) -> str | None:
    """A chart with its description and a table view of the same numbers. With `pick`, a click on
    an area or a bar returns its location (map) or its key (bars: ranked_bars(key=...)). `narrow`:
    drawn in a column, not the page's width (titles wrap shorter, as on a phone)."""
    charts.fit(fig, narrow=narrow or on_phone())
    event = st.plotly_chart(fig, key=key, config=charts.config(filename, fig), on_select="rerun" if pick else "ignore",
                            selection_mode="points", width="stretch")
    st.caption(f"Chart description: {plain(alt)}")
    with st.expander("Table view of this chart"):
        table(table_rows)
    if pick and isinstance(event, dict):
        points = event.get("selection", {}).get("points", [])
        if points:
            first = points[0]
            custom = first.get("customdata")
            custom = custom[0] if isinstance(custom, list) and custom else custom
            return str(first.get("location") or (custom if isinstance(custom, str) else "")) or None
    return None


def empty(message: str) -> None:
    st.info(message)


def caveat(message: str) -> None:
    st.warning(message, icon=":material/warning:")


def few_forces_caveat(n_forces: int, what: str = "this period") -> None:
    if 0 < n_forces < 30:
        caveat(f"Only {n_forces} force(s) have a figure for {what}: totals and rankings cover those forces only, "
               "not England and Wales.")


def credit_line(rows: pd.DataFrame) -> None:
    """The releases these figures come from, credited to their originator, linked to where they were read."""
    rel = queries.releases_of(rows)
    lines = []
    for _, r in rel.iterrows():
        when = f" ({pd.Timestamp(r['originated']):%d %b %Y})" if pd.notna(r["originated"]) else ""
        lines.append(f"- {plain(r['originator'])}: {plain(r['release'])}{plain(when)}{_link(r['originator_url'])}")
    if lines:
        st.markdown("\n".join(lines))  # one element, however many releases


def source_links(rows: pd.DataFrame) -> None:
    """Where these figures were read (carriers), as plain text with their links."""
    srcs = rows.drop_duplicates("source_id")
    lines = []
    for _, r in srcs.iterrows():
        when = f" ({pd.Timestamp(r['published']):%d %b %Y})" if pd.notna(r["published"]) else ""
        name = f"{r['publisher']}: {r['reference']}" if r["publisher"] else str(r["reference"])
        orig = f" · originally published by {r['originator']}" if r.get("originator") and r["originator"] != r["publisher"] else ""
        lines.append(f"- {plain(name)}{plain(when)}{plain(orig)}{_link(r['source_url'])}")
    if lines:
        st.markdown("\n".join(lines))


def _link(url: object) -> str:
    safe = safe_url(url)
    return f" · [link]({safe.replace(')', '%29').replace(' ', '%20')})" if safe else ""
