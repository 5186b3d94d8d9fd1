"""A long ("tidy") table, one line per combination with a count column and 'All' lines first
(issue 18): each line is one figure, never a record whose lines are counted. Invented figures."""

from __future__ import annotations

from pathlib import Path

from ingest.issues import IssueLog
from ingest.pipeline import ingest_source
from tests.conftest import make_source

LONG = ("Year,Age,Gender,Count\r\n2023/24,All,All,27\r\n2023/24,All,Female,20\r\n2023/24,All,Male,7\r\n2023/24,12-15,Female,12\r\n"
        "2023/24,12-15,Male,4\r\n2023/24,16-17,Female,8\r\n2023/24,16-17,Male,3\r\n2022/23,All,All,21\r\n2022/23,12-15,Female,10\r\n"
        "2022/23,12-15,Male,5\r\n2022/23,16-17,Female,4\r\n2022/23,16-17,Male,2\r\n")


def test_each_line_of_a_long_table_is_one_figure(tmp_path: Path) -> None:
    folder = make_source(tmp_path, "s", {"long.csv": LONG}, yml='force: Kent\nreference: "L"\n')
    log = IssueLog()
    rows, _ = ingest_source(folder, log)
    got = {(str(r["period_start"]), r["breakdown"], r["age_band"], r["gender"]): r["value"] for r in rows}
    assert got[("2023-04-01", "total", "", "")] == 27.0 and got[("2023-04-01", "gender", "", "female")] == 20.0
    assert got[("2023-04-01", "age_gender", "12-15", "female")] == 12.0 and got[("2022-04-01", "age_gender", "16-17", "male")] == 2.0
    assert len(rows) == 12 and not any(r["reader"] == "records" for r in rows)
    assert not [r for r in log.rows if r["severity"] in ("error", "review")]


def test_a_plain_two_column_table_stays_a_cross_tab(tmp_path: Path) -> None:
    folder = make_source(tmp_path, "s", {"g.csv": "Gender,Count\r\nFemale,20\r\nMale,5\r\nTotal,40\r\n"})
    log = IssueLog()
    ingest_source(folder, log)
    assert any("do not match their parts" in r["message"] for r in log.rows)  # its total is still checked
