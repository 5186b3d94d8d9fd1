"""The round tracker: for an FOI round (a request date and a period), which forces have
answered, which are overdue, which refused and on what ground, which answered in part.

FOI's time limit is 20 working days after the day the request is received (s.10(1)); a
working day is any day but a Saturday, Sunday, Christmas Day, Good Friday or a bank holiday
(s.10(6)). Never imports streamlit.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import pandas as pd

from core.markers import grounds_named
from dashboard.data import REFERENCE

WORKING_DAYS = 20
STATUS_ORDER = ["answered", "partial", "refused", "overdue", "awaiting"]


@lru_cache(maxsize=1)
def bank_holidays() -> frozenset[date]:
    df = pd.read_csv(REFERENCE / "bank_holidays_england_wales.csv", dtype=str)
    return frozenset(date.fromisoformat(d) for d in df["date"])


def is_working_day(d: date) -> bool:
    return d.weekday() < 5 and d not in bank_holidays()


def due_date(request_date: date, days: int = WORKING_DAYS) -> date:
    """The last day of the time limit: the 20th working day after the day of receipt."""
    d, n = request_date, 0
    while n < days:
        d += timedelta(days=1)
        if is_working_day(d):
            n += 1
    return d


def ground_of(texts: list[str]) -> str:
    return ", ".join(grounds_named(texts))


def round_status(figures: pd.DataFrame, forces: pd.DataFrame, request_date: date, period_start: date, period_end: date,
                 today: date | None = None, offence: str = "scwc") -> pd.DataFrame:
    """One row per force: status, ground of any refusal, date answered, due date, days overdue."""
    today = today or date.today()
    due = due_date(request_date)
    d = figures[(figures["offence"] == offence) & (figures["period_start"] == pd.Timestamp(period_start))
                & (figures["period_end"] == pd.Timestamp(period_end)) & (figures["source_type"] == "foi_return")]
    rows = []
    for _, f in forces.iterrows():
        mine = d[d["area_code"] == f["area_code"]]
        refused = mine[mine["status"].isin(["refused", "withheld", "not_held"])]
        total = mine[(mine["breakdown"] == "total") & (mine["status"].isin(["reported", "suppressed"]))]
        received = mine["published"].dropna().min()
        if mine.empty:
            status = "overdue" if today > due else "awaiting"
        elif total.empty and not refused.empty:
            status = "refused"
        elif not refused.empty or total.empty:
            status = "partial"
        else:
            status = "answered"
        rows.append({
            "area_code": f["area_code"], "force": f["area_name"], "status": status,
            "ground": ground_of(list(refused["value_raw"]) + list(refused["note"])) if not refused.empty else "",
            "refused_parts": ", ".join(sorted(set(refused["breakdown"]))),
            "answered_on": received.date() if pd.notna(received) else None,
            "due": due,
            "late": bool(pd.notna(received) and received.date() > due),
            "days_overdue": sum(1 for k in range((today - due).days) if is_working_day(due + timedelta(days=k + 1)))
            if status == "overdue" else 0,
            "sources": ", ".join(sorted(set(mine["source_id"]))),
        })
    out = pd.DataFrame(rows)
    out["order"] = out["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    return out.sort_values(["order", "force"]).drop(columns="order").reset_index(drop=True)


def chase_list(status: pd.DataFrame) -> pd.DataFrame:
    """Forces still to answer (or to answer in full), most overdue first."""
    c = status[status["status"].isin(["overdue", "awaiting", "partial"])]
    return c.sort_values(["days_overdue", "force"], ascending=[False, True])[
        ["force", "status", "due", "days_overdue", "refused_parts", "ground"]]


def recorded_rounds(rounds: pd.DataFrame) -> dict[tuple[date, date, date], str]:
    """The recorded rounds (data/rounds.csv) as (request date, period start, period end) -> title."""
    return {(r["requested"], r["period_start"], r["period_end"]): r["title"] for _, r in rounds.iterrows()}
