"""One set of rules for a figure row: the check each source's rows pass (row_problem) and the
pandera schema of the whole table reject the same rows, for the same reason."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pandera.errors
import pytest

from core.facts import ENGLAND_AND_WALES, NATIONAL_SERIES, OFFENCE_LABELS, OFFENCES, UNITED_KINGDOM
from core.schema import ALLOWED, FIGURE_COLUMNS, FIGURE_KEY, figures_from_columns, row_problem, validate_figures


def good_row(**change: Any) -> dict[str, Any]:
    row: dict[str, Any] = {c: "" for c in FIGURE_COLUMNS}
    row.update({
        "offence": "scwc", "area_code": "E23000032", "area_name": "Kent Police", "area_type": "force",
        "period_start": date(2023, 4, 1), "period_end": date(2024, 3, 31), "breakdown": "total", "age_min": None, "age_max": None,
        "measure": "count", "value": 12.0, "status": "reported", "value_low": 12.0, "value_high": 12.0,
        "source_id": "synthetic-1", "source_type": "foi_return", "derived": False, "denominator": None, "published": None,
        "originated": None,
    })
    row.update(change)
    return row


BAD_ROWS = {
    "unknown offence": {"offence": "grooming"},
    "unknown status": {"status": "maybe"},
    "unknown breakdown": {"breakdown": "ethnicity"},
    "unknown gender": {"gender": "f"},
    "negative value": {"value": -1.0, "value_low": -1.0, "value_high": -1.0},
    "negative age": {"age_min": -3},
    "value without reported status": {"status": "suppressed"},
    "reported without value": {"value": None, "value_low": None, "value_high": None},
    "period backwards": {"period_start": date(2024, 4, 1), "period_end": date(2023, 3, 31)},
    "no area code": {"area_code": ""},
    "UK total filed under s.15A": {"area_type": "uk", "area_code": UNITED_KINGDOM, "area_name": "United Kingdom"},
}


def _pandera_rejects(row: dict[str, Any]) -> bool:
    frame = figures_from_columns({c: [row[c]] for c in FIGURE_COLUMNS})
    try:
        validate_figures(frame)
    except pandera.errors.SchemaErrors:
        return True
    return False


def test_a_good_row_passes_both() -> None:
    assert row_problem(good_row()) is None
    assert not _pandera_rejects(good_row())


@pytest.mark.parametrize("case", sorted(BAD_ROWS))
def test_a_bad_row_is_rejected_by_the_row_check(case: str) -> None:
    assert row_problem(good_row(**BAD_ROWS[case])) is not None


# the pandera schema knows nothing of which area types an offence may have (a rule across two
# columns that the row check holds); every other rule it shares
PANDERA_CASES = sorted(c for c in BAD_ROWS if c not in ("UK total filed under s.15A", "no area code"))


@pytest.mark.parametrize("case", PANDERA_CASES)
def test_the_table_schema_rejects_the_same_rows(case: str) -> None:
    assert _pandera_rejects(good_row(**BAD_ROWS[case]))


def test_allowed_values_are_the_facts() -> None:
    assert ALLOWED["offence"] == tuple(OFFENCES)
    assert set(OFFENCE_LABELS) == set(OFFENCES)
    assert [o for _, o, _ in NATIONAL_SERIES][0] == "scwc" and NATIONAL_SERIES[0][0] == ENGLAND_AND_WALES
    assert set(FIGURE_KEY) <= set(FIGURE_COLUMNS) and "value" not in FIGURE_KEY


def test_figure_key_tells_two_publications_of_one_figure_apart_from_two_figures() -> None:
    a, b = good_row(source_id="s1"), good_row(source_id="s2", value=13.0, value_low=13.0, value_high=13.0)
    c = good_row(measure="percent")
    key = lambda r: tuple(r[k] for k in FIGURE_KEY)  # noqa: E731
    assert key(a) == key(b)
    assert key(a) != key(c)
    frame = pd.DataFrame([a, b, c])
    assert frame.duplicated(subset=list(FIGURE_KEY)).tolist() == [False, True, False]
