"""The flow of one run: each source in its own error boundary, the same checks for every source
(the public record included), exit codes, and the axis dimensions decided once in stage 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import pipeline
from ingest.issues import IssueLog
from ingest.pipeline import EXIT_FAILED, EXIT_OK, ingest_source, run, validated
from tests.conftest import ROOT, make_source

GOOD_CSV = "Gender,Count\r\nFemale,40\r\nMale,12\r\nTotal,52\r\n"


def test_a_broken_source_costs_only_itself(tmp_path: Path) -> None:
    make_source(tmp_path, "a_good", {"genders.csv": GOOD_CSV})
    make_source(tmp_path, "b_broken", {"return.xlsx": b"PK\x03\x04 not a workbook"})
    result = run([tmp_path], err=None, progress=False)
    figures, issues = validated(result)
    assert result.exit_code == EXIT_FAILED
    assert set(figures["source_id"]) == {"a_good"}
    assert sorted(figures["value"]) == [12.0, 40.0, 52.0]
    assert (issues[issues["source_id"] == "b_broken"]["severity"] == "error").any()


def test_a_clean_source_exits_ok(tmp_path: Path) -> None:
    make_source(tmp_path, "a_good", {"genders.csv": GOOD_CSV})
    assert run([tmp_path], err=None, progress=False).exit_code == EXIT_OK


def test_a_bug_of_ours_in_one_source_is_that_sources_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_source(tmp_path, "a_good", {"genders.csv": GOOD_CSV})

    def boom(*_: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(pipeline, "check_rows", boom)
    log = IssueLog()
    rows, summary = ingest_source(folder, log, err=None)
    assert rows == [] and summary.failed
    assert any("a bug" in r["message"] and r["issue_type"] == "source_failed" for r in log.rows)


def test_the_public_record_goes_through_the_same_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only its reader is special: the rows it gives pass check_rows like every other source's."""
    seen: list[str] = []
    real = pipeline.check_rows

    def spy(rows: list[dict[str, object]], source_id: str, local: IssueLog) -> list[dict[str, object]]:
        seen.append(source_id)
        return real(rows, source_id, local)

    monkeypatch.setattr(pipeline, "check_rows", spy)
    rows, summary = ingest_source(ROOT / "data" / "raw" / "public-record", IssueLog(), err=None)
    assert seen == ["public-record"]
    assert rows and summary.readers == {"public_record"}


def test_the_placer_uses_the_dimensions_the_scorer_chose(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_in_process: None) -> None:
    """A column's dimension is decided once (stage 2) and the normaliser places by it: with the
    normaliser's own vote disabled, the figures still land in the right categories."""
    from ingest.normalise.normaliser import Normaliser

    monkeypatch.setattr(Normaliser, "_axis_dims", lambda self, figures, decided=None: {})
    folder = make_source(tmp_path, "a_good", {"ages.csv": "Age band,Female,Male\n0-11,2,1\n12-15,20,4\n"})
    rows, _ = ingest_source(folder, IssueLog(), err=None)
    got = {(r["age_band"], r["gender"]): r["value"] for r in rows}
    assert got[("12-15", "female")] == 20.0 and got[("0-11", "male")] == 1.0


def test_two_folders_with_one_id_are_never_merged(tmp_path: Path) -> None:
    make_source(tmp_path / "a", "kent-2024", {"genders.csv": GOOD_CSV})
    make_source(tmp_path / "b", "kent-2024", {"genders.csv": GOOD_CSV.replace("40", "400")})
    result = run([tmp_path / "a", tmp_path / "b"], err=None, progress=False)
    figures, issues = validated(result)
    assert result.exit_code == EXIT_FAILED
    assert 400.0 not in set(figures["value"]) and 40.0 in set(figures["value"])
    assert "duplicate_source_id" in set(issues["issue_type"])


def test_a_symbolic_link_in_a_source_is_never_followed(tmp_path: Path) -> None:
    folder = make_source(tmp_path, "a_good", {"genders.csv": GOOD_CSV})
    secret = tmp_path / "outside.csv"
    secret.write_text("Gender,Count\nFemale,7\n", encoding="utf-8")
    (folder / "link.csv").symlink_to(secret)
    log = IssueLog()
    rows, _ = ingest_source(folder, log, err=None)
    assert 7.0 not in {r["value"] for r in rows}
    assert any(r["source_file"] == "link.csv" and r["severity"] == "error" and "symbolic link" in r["message"] for r in log.rows)
