"""Round tracker: who has answered this round, who is overdue, who refused and why."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import charts, data, exports, loaders, tracker, ui

df = ui.page("Round tracker", "For an FOI round: which forces have answered, which are overdue (20 working days, "
             "English bank holidays excluded), which refused and on what ground.", allow_empty=True)
params = st.query_params


def _date(name: str, default: date) -> date:
    """A date from the link (?requested=2026-04-14); one that is not a date is said, not ignored."""
    asked = params.get(name, "")
    try:
        return date.fromisoformat(asked) if asked else default
    except ValueError:
        ui.notice(f"The link asked for {name} '{asked[:30]}', which is not a date (YYYY-MM-DD); showing {default:%d %b %Y} instead.")
        return default


this_year = date.today().year
with ui.filters():
    c1, c2, c3 = st.columns(3)
    request = c1.date_input("Request sent", value=_date("requested", date(this_year, 4, 14)), format="YYYY-MM-DD", key="requested")
    start = c2.date_input("Period asked: from", value=_date("from", date(this_year - 1, 4, 1)), format="YYYY-MM-DD", key="from")
    end = c3.date_input("Period asked: to", value=_date("to", date(this_year, 3, 31)), format="YYYY-MM-DD", key="to")
for k, v in (("requested", request), ("from", start), ("to", end)):
    if params.get(k) != v.isoformat():
        params[k] = v.isoformat()

status = tracker.round_status(df, loaders.forces(), request, start, end)
due = tracker.due_date(request)
counts = status["status"].value_counts()
cols = st.columns(len(tracker.STATUS_ORDER))
for col, s in zip(cols, tracker.STATUS_ORDER, strict=True):
    col.metric(s.capitalize(), int(counts.get(s, 0)))
st.caption(f"Answers are due by {due:%A %d %B %Y} (20 working days after {request:%d %B %Y}). "
           "Forces count as answered when an FOI return for exactly this period is in the data.")
palette = {"answered": "#009E73", "partial": "#E69F00", "refused": "#D55E00", "overdue": "#CC79A7", "awaiting": "#d9d9d9"}
fig = charts.category_map(status, data.BOUNDARIES_URL, "status", {s: palette[s] for s in tracker.STATUS_ORDER},
                         f"Which forces have answered the request of {request:%d %b %Y}?", "FOI returns held in this table",
                         f"period asked {start:%d %b %Y} to {end:%d %b %Y}; due {due:%d %b %Y}", label="force", legend_title="Answer")
ui.chart(fig, status.drop(columns=["area_code"]), f"Map of {len(status)} force areas by answer status: " +
         ", ".join(f"{int(counts.get(s, 0))} {s}" for s in tracker.STATUS_ORDER), key="tracker_map")
ui.table(status.drop(columns=["area_code"]))
chase = tracker.chase_list(status)
st.download_button("Download the chase list (CSV)", exports.to_csv_bytes(pd.DataFrame(chase)), file_name="chase_list.csv",
                   mime="text/csv", key="chase", disabled=chase.empty)
