"""Round tracker: who has answered this round, who is overdue, who refused and why."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import auth, charts, data, exports, loaders, tracker, ui

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


rounds = loaders.rounds()
editor = auth.is_editor()
latest = rounds.iloc[-1] if len(rounds) else None
this_year = date.today().year
default_request = latest["requested"] if latest is not None else date(this_year, 4, 14)
default_start = latest["period_start"] if latest is not None else date(this_year - 1, 4, 1)
default_end = latest["period_end"] if latest is not None else date(this_year, 3, 31)
asked = (_date("requested", default_request), _date("from", default_start), _date("to", default_end))
recorded = tracker.recorded_rounds(rounds)
if not editor:
    # a reader sees only a round that was recorded (data/rounds.csv), never a made-up one
    if asked not in recorded:
        if any(params.get(k) for k in ("requested", "from", "to")):
            ui.notice("The link asked for a round that is not recorded here; the tracker shows recorded rounds only.")
        if not recorded:
            ui.empty("No FOI round is recorded here yet. When an editor records one (a line in data/rounds.csv: the date the "
                     "request was sent and the period it asked about), this page shows who has answered it, who is overdue "
                     "and who refused, and on what ground.")
            st.stop()
        asked = next(iter(reversed(list(recorded))))
    with ui.filters():
        keys = list(recorded)
        chosen = st.selectbox("Round", keys, index=keys.index(asked), format_func=lambda k: recorded[k], key="round")
    request, start, end = chosen
else:
    with ui.filters():
        c1, c2, c3 = st.columns(3)
        request = c1.date_input("Request sent", value=asked[0], format="YYYY-MM-DD", key="requested")
        start = c2.date_input("Period asked: from", value=asked[1], format="YYYY-MM-DD", key="from")
        end = c3.date_input("Period asked: to", value=asked[2], format="YYYY-MM-DD", key="to")
    if (request, start, end) not in recorded:
        ui.caveat("Demonstration: this is not a recorded round, only what the table would show for a request sent on "
                  f"{request:%d %b %Y}. Readers see recorded rounds only (data/rounds.csv).")
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
