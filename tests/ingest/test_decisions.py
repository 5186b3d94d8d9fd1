"""A person's decisions are data (ingest/decisions.py): written into source.yml, applied on every
rebuild, shown on each figure they touched, never asked again; a decision whose table is gone is
reported, not dropped; `ingest review` lists the doubtful tables and takes decisions."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from ingest.decisions import DecisionError, make, record
from ingest.issues import IssueLog
from ingest.pipeline import ingest_source
from ingest.review import main as review_main
from ingest.review import tables_of
from tests.conftest import make_source

YEARS = "Offences,2022,2023\r\nFemale,12,15\r\nMale,3,4\r\n"  # years across stored as numbers: a header row of numbers
ONE_TABLE = "Gender,Count\r\nFemale,40\r\nMale,12\r\nTotal,52\r\n"


def _read(folder: Path) -> tuple[list[dict[str, object]], list[dict[str, str]]]:
    log = IssueLog()
    rows, _ = ingest_source(folder, log)
    return rows, log.rows


def _decide(folder: Path, file: str, table: str, kind: str, **fields: object) -> None:
    record(folder, make(file, table, kind, "editor@example.org", "checked against the letter", **fields))


@pytest.fixture(autouse=True)
def learned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from ingest.vocabulary.reference import reference

    path = tmp_path / "learned_labels.csv"
    monkeypatch.setenv("SCWC_LEARNED_LABELS", str(path))
    monkeypatch.setenv("SCWC_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    reference.cache_clear()
    yield path
    reference.cache_clear()


def test_a_skipped_table_gives_no_figure_and_says_who_skipped_it(tmp_path: Path) -> None:
    folder = make_source(tmp_path, "s", {"g.csv": ONE_TABLE})
    _decide(folder, "g.csv", "g.csv#1", "skip")
    rows, issues = _read(folder)
    assert rows == []
    assert any(r["issue_type"] == "decision_applied" and "editor@example.org" in r["message"] for r in issues)


def test_another_offence_is_filed_under_it_and_not_a_count_is_skipped(tmp_path: Path) -> None:
    folder = make_source(tmp_path, "s", {"g.csv": ONE_TABLE})
    _decide(folder, "g.csv", "g.csv#1", "offence", offence="sexual_grooming")
    rows, _ = _read(folder)
    assert {r["offence"] for r in rows} == {"sexual_grooming"} and all("offence sexual_grooming" in str(r["note"]) for r in rows)
    _decide(folder, "g.csv", "g.csv#1", "offence", offence="other", named="s.15 meeting a child following grooming")
    rows, issues = _read(folder)  # a later decision replaces the earlier
    assert rows == [] and any("s.15 meeting a child" in r["message"] for r in issues)
    assert len(yaml.safe_load((folder / "source.yml").read_text(encoding="utf-8"))["decisions"]) == 1


def test_header_rows_settle_a_row_of_years_read_as_figures(tmp_path: Path) -> None:
    folder = make_source(tmp_path, "s", {"y.csv": YEARS}, yml='force: Kent\nreference: "T"\n')
    _decide(folder, "y.csv", "y.csv#1", "header_rows", header_rows=1, label_columns=1)
    rows, _ = _read(folder)
    got = {(r["gender"], str(r["period_start"])): r["value"] for r in rows}
    assert got[("female", "2023-01-01")] == 15.0 and got[("male", "2022-01-01")] == 3.0


def test_a_corrected_figure_keeps_the_printed_value_and_names_who(tmp_path: Path) -> None:
    folder = make_source(tmp_path, "s", {"g.csv": ONE_TABLE.replace("52", "520")})  # a typo in the printed total
    rows, issues = _read(folder)
    assert any(r["severity"] == "review" for r in issues)  # the total does not add up
    _decide(folder, "g.csv", "g.csv#1", "figure", location="line 4 col B", value=52)
    rows, issues = _read(folder)
    [total] = [r for r in rows if r["breakdown"] == "total"]
    assert total["value"] == 52.0 and total["value_raw"] == "520" and "editor@example.org" in str(total["note"])
    assert any(r["issue_type"] == "figure_corrected" for r in issues)
    assert not any(r["severity"] == "review" for r in issues)


def test_a_period_said_in_prose_is_the_tables_period(tmp_path: Path) -> None:
    folder = make_source(tmp_path, "s", {"g.csv": ONE_TABLE}, yml='force: Kent\nreference: "T"\n')
    assert _read(folder)[0] == []  # no period anywhere: nothing read
    _decide(folder, "g.csv", "g.csv#1", "period", period_start="2024-01-01", period_end="2024-05-31")
    rows, _ = _read(folder)
    assert {(str(r["period_start"]), str(r["period_end"])) for r in rows} == {("2024-01-01", "2024-05-31")}


def test_a_label_meaning_reads_this_table_and_every_later_answer(tmp_path: Path, learned: Path) -> None:
    table = "Platform,Count\r\nSnapchat,10\r\nInstagrm app,3\r\n"
    folder = make_source(tmp_path, "s", {"p.csv": table})
    _decide(folder, "p.csv", "p.csv#1", "label", label="Instagrm app", means="platform=Instagram")
    rows, _ = _read(folder)
    assert {r["platform"]: r["value"] for r in rows} == {"Snapchat": 10.0, "Instagram": 3.0}
    assert "Instagrm app" in learned.read_text(encoding="utf-8") and "editor@example.org" in learned.read_text(encoding="utf-8")
    later = make_source(tmp_path, "later", {"p.csv": table})
    rows, issues = _read(later)  # no decision in this source: the learned alias reads it
    assert {r["platform"] for r in rows} == {"Snapchat", "Instagram"}
    assert not any(r["issue_type"] == "platform_unmapped" for r in issues)


def test_a_decision_whose_table_is_gone_is_reported_not_dropped(tmp_path: Path) -> None:
    folder = make_source(tmp_path, "s", {"g.csv": ONE_TABLE})
    _decide(folder, "g.csv", "g.csv#1", "skip")
    (folder / "g.csv").write_text("", encoding="utf-8")
    (folder / "g.csv").write_text("Some text, no table\r\n", encoding="utf-8")
    _, issues = _read(folder)
    assert any(r["issue_type"] == "decision_unmatched" and "g.csv#1" in r["message"] for r in issues)


def test_a_rebuild_with_decisions_is_byte_for_byte_the_same(tmp_path: Path) -> None:
    from ingest.__main__ import main

    folder = make_source(tmp_path / "raw", "s", {"y.csv": YEARS}, yml='force: Kent\nreference: "T"\n')
    _decide(folder, "y.csv", "y.csv#1", "header_rows", header_rows=1, label_columns=1)
    main([str(tmp_path / "raw"), "--out", str(tmp_path / "a"), "-q"])
    main([str(tmp_path / "raw"), "--out", str(tmp_path / "b"), "-q"])
    for name in ("figures.csv", "issues.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.parametrize(("entry", "message"), [
    ({"decide": "guess"}, "is not one of"),
    ({"decide": "skip", "file": "g.csv", "table": "t"}, "'by:' is missing"),
    ({"decide": "header_rows", "file": "g.csv", "table": "t", "by": "x", "why": "y", "header_rows": -1, "label_columns": 1},
     "whole number from 0 to 20"),
    ({"decide": "label", "file": "g.csv", "table": "t", "by": "x", "why": "y", "label": "a", "means": "colour=red"}, "dimension=value"),
    ({"decide": "figure", "file": "g.csv", "table": "t", "by": "x", "why": "y", "location": "A1", "value": "=1+1"}, "not a number"),
])
def test_a_wrong_decision_is_a_clear_error_of_its_source(tmp_path: Path, entry: dict[str, object], message: str) -> None:
    from ingest.decisions import parse

    with pytest.raises(DecisionError, match=message):
        parse([entry])
    folder = make_source(tmp_path, "s", {"g.csv": ONE_TABLE})
    meta = yaml.safe_load((folder / "source.yml").read_text(encoding="utf-8"))
    (folder / "source.yml").write_text(yaml.safe_dump({**meta, "decisions": [entry]}), encoding="utf-8")
    rows, issues = _read(folder)
    assert rows == [] and any(r["issue_type"] == "invalid_source_yml" and message in r["message"] for r in issues)


def test_review_lists_the_doubtful_and_takes_a_decision(tmp_path: Path) -> None:
    folder = make_source(tmp_path, "s", {"y.csv": YEARS}, yml='force: Kent\nreference: "T"\n')
    out = io.StringIO()
    assert review_main([str(folder)], out=out) == 0
    listed = out.getvalue()
    assert "y.csv  table 'y.csv#1'" in listed and ("needs review" in listed or "not read" in listed)
    out = io.StringIO()
    code = review_main([str(folder), "--file", "y.csv", "--table", "y.csv#1", "--header-rows", "1", "--label-columns", "1",
                        "--by", "analyst", "--why", "years are headings"], out=out)
    assert code == 0 and "now: decided; 4 figure(s)" in out.getvalue()
    [doubt] = [d for d in tables_of(folder)[0] if d.table == "y.csv#1"]
    assert doubt.status == "decided"
    out = io.StringIO()
    assert review_main([str(folder)], out=out) == 0 and "nothing to settle" in out.getvalue()  # never asked again
    audit = (tmp_path / "audit.jsonl").read_text(encoding="utf-8")
    assert '"action": "decided"' in audit and "analyst" in audit
    err = io.StringIO()
    assert review_main([str(folder), "--file", "y.csv", "--table", "nope", "--skip", "--why", "x"], out=io.StringIO(), err=err) == 2
    assert "no table 'nope'" in err.getvalue()


def test_another_reading_decided_replaces_the_one_chosen(tmp_path: Path) -> None:
    """A person who knows better picks another reading of a table (here the cross-tab of a list the
    readers count as records): its figures are that reading's, each saying who decided."""
    listing = "Victim gender,Victim age\r\nFemale,15\r\nMale,16\r\nFemale,15\r\n"
    folder = make_source(tmp_path, "s", {"a.csv": listing})
    rows, _ = _read(folder)
    assert {r["reader"] for r in rows} == {"records"}
    _decide(folder, "a.csv", "a.csv#1", "reading", reading="crosstab")
    rows, issues = _read(folder)
    assert rows and all(r["reader"] != "records" and "decided by editor@example.org" in r["note"] for r in rows)
    assert any(i["issue_type"] == "decision_applied" for i in issues)


def test_a_table_whose_period_was_missed_beside_one_naming_its_own_is_in_doubt_until_a_person_says(tmp_path: Path) -> None:
    # one table a year; the first headed in words no reader knows, the second with its year
    csv_text = ("Year one\r\nVictims by gender\r\nGender,Number of offences\r\nFemale,37\r\nMale,5\r\n\r\n"
                "2023/24\r\nVictims by gender\r\nGender,Number of offences\r\nFemale,17\r\nMale,8\r\n")
    folder = make_source(tmp_path, "s", {"g.csv": csv_text},
                         yml='force: Kent\nreference: "T"\nperiod_start: 2022-04-01\nperiod_end: 2024-03-31\n')
    rows, issues = _read(folder)
    [doubt] = [i for i in issues if i["issue_type"] == "period_unclear"]
    assert doubt["severity"] == "review" and doubt["location"] == "g.csv#1"  # on the table, where the desk settles it
    assert [d.status for d in tables_of(folder)[0] if d.table == "g.csv#1"] == ["needs review"]
    _decide(folder, "g.csv", "g.csv#1", "period", period_start="2022-04-01", period_end="2023-03-31")
    rows, issues = _read(folder)
    assert not [i for i in issues if i["issue_type"] == "period_unclear"]
    assert {(r["gender"], str(r["period_start"])): r["value"] for r in rows} == {
        ("female", "2022-04-01"): 37.0, ("male", "2022-04-01"): 5.0, ("female", "2023-04-01"): 17.0, ("male", "2023-04-01"): 8.0}
