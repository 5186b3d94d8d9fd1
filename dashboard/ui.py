"""Shared page chrome: the menu, filters kept in the URL, charts with a table view and alt
text, caveats and empty states. Pages call these and read like a description of the UI."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import auth, loaders, queries
from dashboard.text import md_escape, safe_frame, safe_url
from ingest.schema import OFFENCES

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
]
EDITOR_PAGES = {"pages/10_Add_returns.py"}  # in the menu for editors only (the page checks again)
OFFENCE_LABELS = {
    "scwc": "Sexual communication with a child (s.15A, England and Wales)",
    "scwc_ni": "Northern Ireland equivalent (Art. 22A)",
    "communicating_indecently": "Scotland: communicating indecently with a child",
    "sexual_grooming": "Home Office 'sexual grooming' (88A, includes meeting after grooming)",
}


def page(title: str, intro: str = "", allow_empty: bool = False) -> pd.DataFrame:
    """Set up a page: config, menu, title; returns the figures table."""
    st.set_page_config(page_title=f"{title} · Online grooming figures", layout="wide")
    menu()
    st.title(title)
    if intro:
        st.caption(intro)
    df = loaders.figures()
    if df.empty:
        empty("No figures loaded yet. Add returns on the Add returns page, or run `make ingest` to build data/processed "
              "from data/raw.")
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


def table(df: pd.DataFrame, where: object = None, **kwargs: object) -> None:
    """A table whose text cannot run as a formula in the toolbar's own CSV download."""
    (where or st).dataframe(safe_frame(df), hide_index=True, **kwargs)  # type: ignore[attr-defined]


def frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    return pd.DataFrame(rows)


def _param(name: str, default: str | None = None) -> str | None:
    value = st.query_params.get(name)
    return value if value else default


def choose(label: str, options: Sequence[str], param: str, format_func=str, default: str | None = None,  # type: ignore[no-untyped-def]
           sidebar: bool = True, help: str | None = None) -> str | None:
    """A selectbox whose value lives in the URL (?param=value), so a copied link reopens it."""
    if not options:
        return None
    wanted = _param(param, default)
    index = list(options).index(wanted) if wanted is not None and wanted in options else 0
    where = st.sidebar if sidebar else st
    value = where.selectbox(label, options, index=index, format_func=format_func, key=f"qp_{param}", help=help)
    if value is not None and st.query_params.get(param) != value:
        st.query_params[param] = value
    return value


def choose_many(label: str, options: Sequence[str], param: str, format_func=str, default: Sequence[str] = ()) -> list[str]:  # type: ignore[no-untyped-def]
    wanted = [v for v in (_param(param) or "").split(",") if v in options] or [v for v in default if v in options]
    values = st.multiselect(label, options, default=wanted, format_func=format_func, key=f"qp_{param}")
    joined = ",".join(values)
    if st.query_params.get(param, "") != joined:
        if joined:
            st.query_params[param] = joined
        elif param in st.query_params:
            del st.query_params[param]
    return list(values)


def choose_offence(df: pd.DataFrame) -> str:
    present = [o for o in OFFENCES if o in set(df["offence"])] or ["scwc"]
    value = choose("Offence", present, "offence", format_func=lambda o: OFFENCE_LABELS.get(o, o), default="scwc",
                   help="Offences are never added together: each is its own series.")
    return value or "scwc"


def choose_period(df: pd.DataFrame, offence: str, area_type: str | None = "force", param: str = "period") -> str | None:
    p = queries.periods(df, offence, area_type)
    if p.empty:
        return None
    labels = dict(zip(p["period"], p["period_label"] + p["forces"].map(lambda n: f" ({n} forces)" if n else ""), strict=True))
    # default: the most recent financial year with force figures, else the most recent period
    fy = p[p["period_label"].str.fullmatch(r"\d{4}/\d{2}") & (p["forces"] > 0)]
    default = fy["period"].iloc[0] if not fy.empty else p["period"].iloc[0]
    return choose("Period", list(p["period"]), param, format_func=lambda k: labels.get(k, k), default=default)


def chart(fig: go.Figure, table: pd.DataFrame, alt: str, key: str, pick: bool = False) -> str | None:
    """A chart with its alt text and a table view of the same numbers. With `pick`, a click on
    a point returns its location (map) or category label (bars)."""
    event = st.plotly_chart(fig, key=key, config={"displaylogo": False},
                            on_select="rerun" if pick else "ignore", selection_mode="points")
    st.caption(f"Chart description: {alt}")
    with st.expander("Table view of this chart"):
        st.dataframe(table, hide_index=True)
    if pick and isinstance(event, dict):
        points = event.get("selection", {}).get("points", [])
        if points:
            first = points[0]
            return str(first.get("location") or first.get("y") or "") or None
    return None


def empty(message: str) -> None:
    st.info(message)


def caveat(message: str) -> None:
    st.warning(message, icon="⚠️")


def few_forces_caveat(n_forces: int, what: str = "this period") -> None:
    if 0 < n_forces < 30:
        caveat(f"Only {n_forces} force(s) have a figure for {what}: totals and rankings cover those forces only, "
               "not England and Wales.")


def source_links(rows: pd.DataFrame) -> None:
    """The sources of these figures, as plain text with their links (a reference typed by a
    person is never rendered as markdown)."""
    srcs = rows.drop_duplicates("source_id")
    for _, r in srcs.iterrows():
        when = f" ({pd.Timestamp(r['published']):%d %b %Y})" if pd.notna(r["published"]) else ""
        name = f"{r['publisher']}: {r['reference']}" if r["publisher"] else str(r["reference"])
        url = safe_url(r["source_url"])
        link = f" · [link]({url.replace(')', '%29').replace(' ', '%20')})" if url else ""
        st.markdown(f"- {plain(name)}{plain(when)}{link}")
