"""`python -m ingest round`: a round of answers named anything, in a zip, becomes source folders
with each force recognised from the file itself (or asked, never guessed), and a triage list."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from ingest.read.bounded import reading
from ingest.round import Answer, ForceNames, RoundError, Unit, collect, recognise, run_round, triage_lines
from ingest.vocabulary.reference import Area, reference
from synthetic.round import round_zip
from tests.conftest import FIXTURES, ROOT

REAL = {p.parent.name: p for p in sorted((FIXTURES / "real").glob("*/*.pdf"))}
REAL_FORCES = {"01-cumbria-1306-25-pdf-crosstabs": "Cumbria Constabulary", "02-durham-1406745-pdf-dash-zero": "Durham Constabulary",
               "03-humberside-006753-pdf-split-table": "Humberside Police",
               "04-hertfordshire-pdf-record-level-61pp": "Hertfordshire Constabulary"}


@pytest.fixture(scope="module")
def synthetic_round(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str | None]]:
    root = tmp_path_factory.mktemp("round")
    data, expected = round_zip()
    (root / "round.zip").write_bytes(data)
    return root / "round.zip", expected


def _got(answers: list[Answer]) -> dict[str, str | None]:
    return {a.unit.name: "not an answer" if a.triage == "not an answer" else (a.force.code if a.force else None) for a in answers}


def test_every_force_is_recognised_right_or_left_unwritten(synthetic_round: tuple[Path, dict[str, str | None]],
                                                           tmp_path: Path) -> None:
    zip_path, expected = synthetic_round
    answers = run_round(zip_path, tmp_path / "raw", ask=None, err=None)
    assert _got(answers) == expected
    triage = {a.unit.name: a.triage for a in answers}
    assert triage["Data.xlsx"] == "needs a force" and triage["Acknowledgement.txt"] == "not an answer"
    assert sum(t == "read" for t in triage.values()) == len(expected) - 2
    written = sorted(p.name for p in (tmp_path / "raw").iterdir())
    assert len(written) == len(expected) - 2  # nothing written for the unclear one or the acknowledgement
    summary = triage_lines(answers)[-1]
    assert summary == f"{len(expected) - 2} read, 0 needs review, 0 failed, 1 not an answer, 1 needs a force"


def test_each_source_says_how_it_was_recognised_and_keeps_its_files(synthetic_round: tuple[Path, dict[str, str | None]],
                                                                    tmp_path: Path) -> None:
    zip_path, _ = synthetic_round
    answers = run_round(zip_path, tmp_path / "raw", ask=None, err=None)
    download = next(a for a in answers if a.unit.name == "Correspondence 3.zip")
    meta = yaml.safe_load((download.folder / "source.yml").read_text(encoding="utf-8"))  # type: ignore[operator]
    assert meta["correspondence"] == ["Email.txt"] and meta["reference"] == "FOI 1003-25"
    assert "Email.txt" in meta["recognised"]["force"]  # the covering e-mail named the force
    assert (meta["period_start"], meta["period_end"]) == (__import__("datetime").date(2023, 4, 1),
                                                          __import__("datetime").date(2024, 3, 31))
    letter = next(a for a in answers if a.unit.name == "FOI 1000-25 Response.pdf")
    meta = yaml.safe_load((letter.folder / "source.yml").read_text(encoding="utf-8"))  # type: ignore[operator]
    assert meta["received"].isoformat() == "2025-05-14" and "letterhead" in meta["recognised"]["force"]
    assert meta["recognised"]["files"] == {"FOI_1000-25_Response.pdf": "FOI 1000-25 Response.pdf"}


def test_what_is_unclear_is_asked_once_and_never_again(synthetic_round: tuple[Path, dict[str, str | None]], tmp_path: Path) -> None:
    zip_path, _ = synthetic_round
    asked: list[str] = []
    kent = reference().find_area("Kent")

    def ask(answer: Answer, forces: list[Area]) -> Area | None:
        asked.append(answer.unit.name)
        return kent

    first = run_round(zip_path, tmp_path / "raw", ask=ask, err=None)
    assert asked == ["Data.xlsx"]
    data = next(a for a in first if a.unit.name == "Data.xlsx")
    assert data.force == kent and data.triage == "read"
    before = sorted(p.name for p in (tmp_path / "raw").iterdir())
    again = run_round(zip_path, tmp_path / "raw", ask=ask, err=None)
    assert asked == ["Data.xlsx"], "asked twice"
    assert sorted(p.name for p in (tmp_path / "raw").iterdir()) == before  # nothing new written
    assert next(a for a in again if a.unit.name == "Data.xlsx").force == kent


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_letters_name_their_force(name: str) -> None:
    """Real answers (tests/fixtures/real), renamed to say nothing: the force comes from the letter."""
    with reading():
        answer = recognise(Unit("letter.pdf", {"letter.pdf": REAL[name].read_bytes()}), ForceNames())
    assert answer.force is not None and answer.force.name == REAL_FORCES[name], answer.force_how


def test_loose_files_of_one_answer_are_one_source(tmp_path: Path) -> None:
    letter = b"Kent Police\nFreedom of Information\nOur reference: FOI 77-25\nDate: 3 June 2025\n\nPlease find attached the figures."
    table = b"Kent Police FOI 77-25\nGender,Count\r\nFemale,4\r\nMale,2\r\n"
    round_dir = tmp_path / "round"
    round_dir.mkdir()
    (round_dir / "Response.txt").write_bytes(letter)
    (round_dir / "Attachment 1.csv").write_bytes(table)
    answers = run_round(round_dir, tmp_path / "raw", ask=None, err=None)
    [source] = [a for a in answers if a.folder]
    assert sorted(p.name for p in source.folder.iterdir()) == ["Attachment_1.csv", "Response.txt", "source.yml"]  # type: ignore[union-attr]


def test_a_hostile_round_is_refused_with_its_reason(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("../escape.pdf", b"%PDF-1.4")
    (tmp_path / "bad.zip").write_bytes(buf.getvalue())
    with pytest.raises(RoundError, match="points outside the archive"):
        collect(tmp_path / "bad.zip")


def test_the_command_without_a_terminal_lists_and_writes_nothing_unclear(synthetic_round: tuple[Path, dict[str, str | None]],
                                                                         tmp_path: Path) -> None:
    zip_path, expected = synthetic_round
    proc = subprocess.run([sys.executable, "-m", "ingest", "round", str(zip_path), "--into", str(tmp_path / "raw"), "-q"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "needs a force" in proc.stdout and "no force is named in the files" in proc.stdout
    assert proc.stdout.strip().splitlines()[-1].startswith(f"{len(expected) - 2} read")
    ingest = subprocess.run([sys.executable, "-m", "ingest", str(tmp_path / "raw"), "--out", str(tmp_path / "out"), "-q"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert ingest.returncode == 0, ingest.stderr[-500:]
