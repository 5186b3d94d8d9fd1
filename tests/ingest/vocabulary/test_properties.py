"""Property tests for the parsers of numbers, markers and periods."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.vocabulary.periods import parse_date, parse_period
from ingest.vocabulary.values import parse_value


@given(st.integers(min_value=0, max_value=10**9))
def test_any_whole_number_reads_back_with_or_without_separators(n: int) -> None:
    for text in (str(n), f"{n:,}", f" {n} "):
        got = parse_value(text)
        assert got.status == "reported" and got.value == n and got.low == got.high == n


@given(st.text(max_size=30))
def test_parse_value_never_raises_and_missing_is_never_zero(text: str) -> None:
    got = parse_value(text)
    assert got.status in {"reported", "suppressed", "withheld", "refused", "not_held", "not_provided", "empty", "unparsed"}
    if got.status != "reported":
        assert got.value is None
    if got.status == "suppressed":
        assert got.low is not None and got.high is not None and 0 < got.low <= got.high


@given(st.integers(min_value=1, max_value=1000))
def test_less_than_marker_is_bounded_below_the_threshold(n: int) -> None:
    got = parse_value(f"<{n}")
    assert got.status == "suppressed" and got.high is not None and got.high <= max(n - 1, 1)


@given(st.integers(min_value=2000, max_value=2098))
def test_financial_year_labels_in_every_form(y: int) -> None:
    expected = (date(y, 4, 1), date(y + 1, 3, 31))
    yy, next_yy = y % 100, (y + 1) % 100
    for text in (f"{y}/{(y + 1) % 100:02d}", f"{y}-{(y + 1) % 100:02d}", f"{y}/{y + 1}", f"{y} to {y + 1}", f"From {y} to {y + 1}",
                 f"FY{yy:02d}/{next_yy:02d}", f"FY {yy:02d}-{next_yy:02d}", f"Apr{yy:02d}-Mar{next_yy:02d}", f"Apr-{yy:02d} - Mar-{next_yy:02d}"):
        assert parse_period(text) == expected, text
    assert parse_period(f"{yy:02d}/{next_yy:02d}") is None  # two-digit years with no word for a financial year: no period
    quarters = [(date(y, 4, 1), date(y, 6, 30)), (date(y, 7, 1), date(y, 9, 30)), (date(y, 10, 1), date(y, 12, 31)),
                (date(y + 1, 1, 1), date(y + 1, 3, 31))]
    for q, (a, b) in enumerate(quarters, start=1):
        assert parse_period(f"Q{q} {y}/{next_yy:02d}") == (a, b)
        assert parse_period(f"{a:%b}-{b:%b} {a.year}") == (a, b)
    assert parse_period(f"Q1 {y}") is None  # a quarter of which year's start, calendar or financial? no period
    for words in ("Offences in", "Number of offences,", "Recorded in", "Crimes recorded"):  # a count's words before it
        assert parse_period(f"{words} {y}/{next_yy:02d}") == expected


@given(st.integers(min_value=2017, max_value=2029), st.integers(min_value=1, max_value=12))
def test_months_written_in_figures_are_months_and_financial_years_stay_years(y: int, month: int) -> None:
    whole = (date(y, month, 1), date(y + month // 12, month % 12 + 1, 1) - timedelta(days=1))
    for text in (f"{y}-{month:02d}", f"{month:02d}/{y}", f"{month}/{y}"):  # a month as exports write it
        assert parse_period(text) == whole, text
    assert parse_period(f"{y}-{(y + 1) % 100:02d}") == (date(y, 4, 1), date(y + 1, 3, 31))  # "2017-18" stays a financial year


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)), st.integers(min_value=0, max_value=800))
def test_date_ranges_round_trip(start: date, days: int) -> None:
    end = start + timedelta(days=days)
    assert parse_period(f"{start:%d/%m/%Y}-{end:%d/%m/%Y}") == (start, end)
    assert parse_period(f"{start.day} {start:%B %Y} to {end.day} {end:%B %Y}") == (start, end)
    assert parse_date(f"{start:%Y-%m-%d}") == start
    assert parse_date(f"{start:%Y-%m-%d} 00:00:00") == parse_date(f"{start:%Y-%m-%dT%H:%M}") == start  # a database export's time of day
    assert parse_date(f"{start:%d-%m-%Y}") == start


@given(st.text(max_size=40))
def test_parse_period_never_raises(text: str) -> None:
    got = parse_period(text)
    assert got is None or (isinstance(got[0], date) and isinstance(got[1], date))


@pytest.mark.parametrize(("label", "period"), [
    ("2023/24 (provisional)", ("2023-04-01", "2024-03-31")), ("2022/2023 financial year", ("2022-04-01", "2023-03-31")),
    ("2024/25 (to 30 September 2024)", ("2024-04-01", "2024-09-30")), ("2024/25 (to 30 Sept)", ("2024-04-01", "2024-09-30")),
    ("2024/25 (October to March)", ("2024-10-01", "2025-03-31")), ("Year ending March 2023", ("2022-04-01", "2023-03-31")),
    ("12 months to March 2024", ("2023-04-01", "2024-03-31")), ("YE Dec 23", ("2023-01-01", "2023-12-31")),
    ("2023 (Jan-Dec)", ("2023-01-01", "2023-12-31")), ("CY2023", ("2023-01-01", "2023-12-31")),
    # a part year whose end is not said, or a date outside the year: no period, never the whole year
    ("2024/25 YTD", None), ("2024/25 to date", None), ("2024/25 (to 30 September 2026)", None), ("Year to 15 March 2024", None),
])
def test_periods_with_words_that_qualify_them(label: str, period: tuple[str, str] | None) -> None:
    got = parse_period(label)
    assert (got and (got[0].isoformat(), got[1].isoformat())) == period
