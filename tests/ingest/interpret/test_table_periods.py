"""A table's own periods over the period asked (issue 18): a monthly table printed in two halves side
by side, one financial year each with its own Total, reads each Total as its own year, never the
two years asked; months printed with no year read in the one year the half's title names.
Invented figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.issues import IssueLog
from ingest.pipeline import ingest_source
from tests.conftest import make_source

YML = 'force: Kent\nreference: "H"\nperiod_start: 2022-04-01\nperiod_end: 2024-03-31\n'
FIRST = [3, 4, 1, 2, 5, 3, 2, 4, 1, 2, 3, 6]
SECOND = [5, 2, 6, 3, 4, 1, 2, 5, 3, 4, 2, 1]
NAMES = ["April", "May", "June", "July", "August", "September", "October", "November", "December", "January", "February",
         "March"]


def halves(month: str, heading: str) -> str:
    """Two years side by side: `month` formats a month label ({name}, {short}, {yy}); `heading` is
    the line over each half ({fy})."""
    lines = ["Sexual communication with a child: offences recorded by month,,,,",
             f"{heading.format(fy='2022/23')},,,{heading.format(fy='2023/24')},", "Month,Offences,,Month,Offences"]
    for i, name in enumerate(NAMES):
        y = 22 if i < 9 else 23
        a = month.format(name=name, short=name[:3], yy=y)
        b = month.format(name=name, short=name[:3], yy=y + 1)
        lines.append(f"{a},{FIRST[i]},,{b},{SECOND[i]}")
    lines.append(f"Total,{sum(FIRST)},,Total,{sum(SECOND)}")
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize(("month", "heading"), [
    ("{short}-{yy}", "{fy}"),  # months with their year; a year over each half
    ("{name}", "{fy}"),  # bare month names: only the heading says which year
    ("{name}", "Financial year {fy}"),
    ("{short} 20{yy}", "Year ending March: {fy}"),
])
def test_each_half_total_is_its_own_year(tmp_path: Path, month: str, heading: str) -> None:
    folder = make_source(tmp_path, "s", {"months.csv": halves(month, heading)}, yml=YML)
    log = IssueLog()
    rows, _ = ingest_source(folder, log)
    got = {(str(r["period_start"]), str(r["period_end"])): r["value"] for r in rows}
    assert got[("2022-04-01", "2023-03-31")] == sum(FIRST)
    assert got[("2023-04-01", "2024-03-31")] == sum(SECOND)
    assert got[("2022-04-01", "2022-04-30")] == FIRST[0] and got[("2024-03-01", "2024-03-31")] == SECOND[-1]
    assert ("2022-04-01", "2024-03-31") not in got  # never the two years asked
    assert len(rows) == 26
    assert not [r for r in log.rows if r["severity"] in ("error", "review")], log.rows
    assert any(r["issue_type"] == "period_from_table" for r in log.rows)


def test_bare_months_with_no_year_anywhere_are_not_read_as_dates(tmp_path: Path) -> None:
    text = "Month,Offences\r\n" + "".join(f"{n},{v}\r\n" for n, v in zip(NAMES, FIRST, strict=True))
    folder = make_source(tmp_path, "s", {"m.csv": text}, yml=YML)
    log = IssueLog()
    rows, _ = ingest_source(folder, log)
    assert rows == []  # a month with no year is no period: never guessed
    assert any(r["issue_type"] == "table_not_read" for r in log.rows)


def test_a_total_of_years_across_covers_those_years(tmp_path: Path) -> None:
    text = "Measure,2021/22,2022/23,Total\r\nOffences,10,12,22\r\n"
    folder = make_source(tmp_path, "s", {"y.csv": text}, yml=YML)
    rows, _ = ingest_source(folder, IssueLog())
    got = {(str(r["period_start"]), str(r["period_end"])): r["value"] for r in rows}
    assert got == {("2021-04-01", "2022-03-31"): 10, ("2022-04-01", "2023-03-31"): 12, ("2021-04-01", "2023-03-31"): 22}


def test_a_title_naming_one_year_dates_a_table_with_none(tmp_path: Path) -> None:
    text = "Victims by gender in 2023/24\r\nGender,Offences\r\nFemale,20\r\nMale,5\r\nTotal,25\r\n"
    folder = make_source(tmp_path, "s", {"g.csv": text}, yml=YML)
    rows, _ = ingest_source(folder, IssueLog())
    assert {(str(r["period_start"]), str(r["period_end"])) for r in rows} == {("2023-04-01", "2024-03-31")}


def test_a_title_naming_two_years_leaves_the_period_asked(tmp_path: Path) -> None:
    text = "Victims by gender, 2022/23 and 2023/24 together\r\nGender,Offences\r\nFemale,20\r\nMale,5\r\n"
    folder = make_source(tmp_path, "s", {"g.csv": text}, yml=YML)
    rows, _ = ingest_source(folder, IssueLog())
    assert {(str(r["period_start"]), str(r["period_end"])) for r in rows} == {("2022-04-01", "2024-03-31")}


CAL = 'force: Kent\nreference: "C"\nperiod_start: 2022-01-01\nperiod_end: 2024-05-31\n'


def read_csv(tmp_path: Path, text: str) -> tuple[dict[tuple[str, str], float | None], list[dict[str, str]]]:
    folder = make_source(tmp_path, "s", {"t.csv": text}, yml=CAL)
    log = IssueLog()
    rows, _ = ingest_source(folder, log)
    return {(str(r["period_start"]), str(r["period_end"])): r["value"] for r in rows}, log.rows


@pytest.mark.parametrize("note", ["* 2024: 1 January to 31 May", "* Figures for 2024 cover 1 January 2024 to 31 May 2024.",
                                  "Note: 2024 is a part year (1 January to 31 May 2024)"])
def test_a_part_year_said_in_a_footnote_is_that_part(tmp_path: Path, note: str) -> None:
    got, log = read_csv(tmp_path, f"Offences recorded,,,\r\nMeasure,2022,2023,2024*\r\nOffences,40,52,18\r\n\r\n{note}\r\n")
    assert got == {("2022-01-01", "2022-12-31"): 40, ("2023-01-01", "2023-12-31"): 52, ("2024-01-01", "2024-05-31"): 18}
    assert not [r for r in log if r["severity"] in ("error", "review")]  # the letter said its years start in January


def test_bare_years_said_to_be_calendar_years_are_no_doubt(tmp_path: Path) -> None:
    got, log = read_csv(tmp_path, "Offences by calendar year,,\r\nMeasure,2022,2023\r\nOffences,40,52\r\n")
    assert got == {("2022-01-01", "2022-12-31"): 40, ("2023-01-01", "2023-12-31"): 52}
    assert not [r for r in log if r["severity"] in ("error", "review")]


def test_bare_years_with_nothing_said_stay_in_doubt(tmp_path: Path) -> None:
    got, log = read_csv(tmp_path, "Letter of 1 January 2025,,\r\n\r\nMeasure,2022,2023,2024*\r\nOffences,40,52,18\r\n")
    assert got[("2024-01-01", "2024-12-31")] == 18  # no part year said: the mark is only a mark
    assert any("bare years" in r["message"] for r in log if r["severity"] == "review")
