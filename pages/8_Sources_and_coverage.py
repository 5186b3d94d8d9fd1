"""Sources and coverage: which force supplied which figure for which period; the issue log;
revisions; methodology, licences and attribution."""

from __future__ import annotations

import streamlit as st

from dashboard import data, loaders, queries, ui

df = ui.page("Sources and coverage", "Where every figure came from, what is missing, and what the ingest changed or rejected.")
offence = ui.choose_offence(df)
st.subheader("Coverage: force totals by period")
grid = queries.coverage(df, loaders.forces(), offence)
st.dataframe(grid)
st.caption("Empty = no figure held for that force and period (not zero). [c] suppressed, [x] withheld or not provided.")
st.subheader("Sources")
srcs = df.drop_duplicates("source_id")[["source_id", "publisher", "reference", "published", "source_type", "source_url"]]
st.dataframe(srcs.sort_values("published", ascending=False), hide_index=True,
             column_config={"source_url": st.column_config.LinkColumn("link")})
st.subheader("Revisions: figures published with different values")
st.caption("Rule: the latest publication is shown; earlier values are kept and listed here.")
st.dataframe(queries.revisions(df[df["offence"] == offence]), hide_index=True)
st.subheader("Issue log")
issues = loaders.issues()
severity = st.multiselect("Severity", ["error", "warning", "info"], default=["error", "warning"], key="sev")
st.dataframe(issues[issues["severity"].isin(severity)], hide_index=True)
st.subheader("Methodology, licences and attribution")
st.markdown(
    "- Figures are as published by each source; the ingest maps names and labels and never turns a missing figure into 0.\n"
    "- s.15A (England and Wales), Art. 22A (Northern Ireland), Scotland's offence and Home Office 88A 'grooming' are kept apart.\n"
    "- Press groups ('north of England', 'South East (4 forces)') are defined in data/reference/area_groups.csv.\n"
    f"- {data.ATTRIBUTION}"
)
