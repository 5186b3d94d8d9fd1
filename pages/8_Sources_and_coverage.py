"""Sources and coverage: which force supplied which figure for which period; the releases and
documents behind the figures; revisions; the issue log; who added or withdrew returns;
methodology, licences and attribution."""

from __future__ import annotations

import streamlit as st

from core.actors import audit_log, mask_email
from dashboard import auth, data, loaders, ui

ui.page("Sources and coverage", "Where every figure came from, what is missing, and what the ingest changed or rejected.")
with ui.filters():
    offence = ui.choose_offence(force_level=True)
st.subheader("Coverage: force totals by period")
grid = loaders.coverage(offence)
ui.table(grid.reset_index())
st.caption("Empty = no figure held for that force and period (not zero). [c] suppressed, [x] withheld or not provided. "
           "Periods in date order.")
st.subheader("Releases: who first published the figures")
ui.table(loaders.releases().rename(columns={"figures": "figures held"}))
st.subheader("Documents the figures were read from")
ui.table(loaders.documents(), limit=200,
         rest="newest first; Data and export's XLSX lists every one (Sources sheet)")
st.subheader("Revisions: figures published with different values")
st.caption("Rule: the latest publication is shown; earlier values are kept and listed here, with who added each.")
ui.table(loaders.revisions(offence))
st.subheader("Figures that need review")
st.caption("A figure whose reading is doubtful, or that its source's collector called ambiguous, is never shown as the figure "
           "in a chart, map, ranking or sentence until a person settles it. Here it is, with why.")
doubtful = loaders.needs_review()
if doubtful.empty:
    ui.empty("No figure in this table needs review.")
else:
    ui.table(doubtful[["area_name", "period_label", "offence", "breakdown", "value", "publisher", "review"]])
st.subheader("Issue log")
issues = loaders.issues()
severity = st.multiselect("Severity", ["error", "review", "warning", "info"], default=["error", "review", "warning"], key="sev")
ui.table(issues[issues["severity"].isin(severity)][["source_id", "source_file", "location", "severity", "issue_type", "message"]],
         limit=1000, rest="the whole log is data/processed/issues.csv")
st.subheader("Returns added and withdrawn")
log = audit_log(data.raw_dir())
if log.empty:
    st.caption("No return has been added or withdrawn through the dashboard.")
else:
    if not auth.is_editor():
        log = log.assign(by=log["by"].map(mask_email))
    ui.table(log[["at", "by", "action", "sources", "reason"]].iloc[::-1])
st.subheader("Methodology, licences and attribution")
st.markdown(
    "- Figures are as published by each source; the ingest maps names and labels and never turns a missing figure into 0.\n"
    "- Each figure is credited to the release that first published it (its originator) and linked to where it was read.\n"
    "- s.15A (England and Wales), Art. 22A (Northern Ireland), Scotland's offence, a UK total of all three, and Home Office "
    "88A 'grooming' are kept apart and never added together.\n"
    "- Press groups ('north of England', 'South East (4 forces)') are defined in data/reference/area_groups.csv.\n"
    f"- {data.ATTRIBUTION}"
)
