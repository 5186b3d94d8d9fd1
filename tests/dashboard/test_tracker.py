"""The round tracker: FOI deadlines around bank holidays, and each force's status."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from core.schema import coerce_figures
from dashboard import tracker
from dashboard.data import read_forces_ew


@pytest.mark.parametrize(
    ("requested", "due"),
    [
        (date(2025, 4, 14), date(2025, 5, 15)),  # Good Friday, Easter Monday and early May all inside
        (date(2026, 12, 18), date(2027, 1, 20)),  # Christmas, Boxing Day substitute (28 Dec) and New Year
        (date(2024, 3, 1), date(2024, 4, 2)),  # Good Friday 29 Mar and Easter Monday 1 Apr
        (date(2023, 5, 2), date(2023, 6, 1)),  # coronation bank holiday 8 May and spring bank holiday 29 May
        (date(2024, 6, 3), date(2024, 7, 1)),  # no holiday: four weeks exactly
        (date(2024, 6, 8), date(2024, 7, 5)),  # received on a Saturday: count starts the next working day
    ],
)
def test_due_date_counts_working_days_without_bank_holidays(requested: date, due: date) -> None:
    assert tracker.due_date(requested) == due


def test_working_days() -> None:
    assert not tracker.is_working_day(date(2022, 9, 19))  # the Queen's funeral
    assert not tracker.is_working_day(date(2025, 12, 27))  # Saturday
    assert tracker.is_working_day(date(2025, 12, 29))


def fig(code: str, breakdown: str, status: str, value_raw: str, published: str) -> dict[str, object]:
    return {"offence": "scwc", "area_code": code, "area_name": code, "area_type": "force", "period_start": "2024-04-01",
            "period_end": "2025-03-31", "breakdown": breakdown, "measure": "count", "status": status,
            "value": 5.0 if status == "reported" else None, "value_raw": value_raw, "source_id": f"s-{code}",
            "source_type": "foi_return", "published": published}


def test_round_status() -> None:
    figures = coerce_figures(pd.DataFrame([
        fig("E23000032", "total", "reported", "5", "2025-05-01"),  # Kent answered on time
        fig("E23000033", "total", "reported", "5", "2025-06-20"),  # Sussex answered late
        fig("E23000033", "platform", "refused", "s.12 cost limit", "2025-06-20"),  # ... and refused a part
        fig("E23000031", "total", "refused", "Section 12 refusal", "2025-05-02"),  # Surrey refused
    ]))
    status = tracker.round_status(figures, read_forces_ew(), date(2025, 4, 14), date(2024, 4, 1), date(2025, 3, 31),
                                  today=date(2025, 6, 1))
    s = status.set_index("area_code")
    assert s.loc["E23000032", "status"] == "answered" and not s.loc["E23000032", "late"]
    assert s.loc["E23000033", "status"] == "partial" and s.loc["E23000033", "ground"] == "s.12 cost limit"
    assert s.loc["E23000033", "late"]
    assert s.loc["E23000031", "status"] == "refused" and s.loc["E23000031", "ground"] == "s.12 cost limit"
    assert s.loc["E23000001", "status"] == "overdue" and s.loc["E23000001", "days_overdue"] == 10  # 16 May .. 30 May less the spring bank holiday
    assert len(status) == 43
    chase = tracker.chase_list(status)
    assert "Kent Police" not in set(chase["force"]) and "Metropolitan Police" in set(chase["force"])
    early = tracker.round_status(figures, read_forces_ew(), date(2025, 4, 14), date(2024, 4, 1), date(2025, 3, 31),
                                 today=date(2025, 5, 1))
    assert early.set_index("area_code").loc["E23000001", "status"] == "awaiting"
