"""Entry of the dashboard: the home page.

Routing shape: file-based pages only (pages/1_Overview.py ... pages/9_Data_and_export.py),
no st.navigation, the built-in menu hidden (.streamlit/config.toml) and our own drawn with
st.page_link. This is the shape that survives a page opened directly by its URL with query
parameters (platform notes: the pages/ trap); tests/browser checks every page that way.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import streamlit as st  # noqa: E402

from dashboard import queries, ui  # noqa: E402

df = ui.page("Online grooming of children: police figures",
             "Sexual communication with a child (s.15A Sexual Offences Act 2003), recorded by police forces in England and Wales "
             "since 3 April 2017, as released under Freedom of Information and published.")

if df.empty:
    ui.empty("No figures loaded yet. Run `make ingest` (or `python -m ingest`) to build data/processed from data/raw.")
    st.stop()

series = queries.national_series(df)
yearly = queries.yearly(series)
latest = yearly.iloc[-1] if not yearly.empty else None
c1, c2, c3 = st.columns(3)
if latest is not None:
    c1.metric(f"Recorded offences, {latest['area_name']} {latest['period_label']}", f"{latest['value']:,.0f}")
c2.metric("Figures held", f"{len(df):,}")
c3.metric("Sources", f"{df['source_id'].nunique():,}")
st.markdown("Pick a page from the menu. Every figure links to the document it came from; "
            "missing figures are shown as missing, never as zero.")
for path, label in ui.PAGES:
    st.page_link(path, label=label)
