"""Bad input: one clear line naming the source and the reason, a row in issues.csv, the
other sources still go through (exit 1), no traceback, outputs written atomically."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from ingest.__main__ import main
from ingest.output import write as output
from tests.conftest import ROOT, make_source

GOOD_CSV = "Gender,Count\r\nFemale,40\r\nMale,12\r\nTotal,52\r\n"


def run_cli(tmp_path: Path, *extra: str) -> tuple[int, str, Path]:
    """The CLI in this process (as `python -m ingest RAW --out OUT`), its stderr captured: a
    traceback would fail the test. One case runs it as a real subprocess (test_the_cli_as_a_process)."""
    out = tmp_path / "out"
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main([str(tmp_path / "raw"), "--out", str(out), *extra])
    return code, err.getvalue(), out


def test_the_cli_as_a_process(tmp_path: Path) -> None:
    with_good_source(tmp_path)
    make_source(tmp_path / "raw", "b_corrupt", {"return.xlsx": b"PK\x03\x04 this is not really a zip"})
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "ingest", str(tmp_path / "raw"), "--out", str(out), "-q"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert [ln for ln in proc.stderr.splitlines() if ln.startswith("error:")][0].startswith("error: b_corrupt/return.xlsx")
    assert (out / "figures.csv").exists()


def with_good_source(tmp_path: Path) -> None:
    make_source(tmp_path / "raw", "a_good", {"genders.csv": GOOD_CSV})


BAD_CASES = {
    "corrupt_xlsx": ({"return.xlsx": b"PK\x03\x04 this is not really a zip"}, None, "source_unreadable"),
    "empty_file": ({"return.csv": b""}, None, "source_empty"),
    "invalid_yaml": ({"figures.yml": "figures:\n  - breakdown: total\n    value: [unclosed\n"}, None, "source_unreadable"),
    "invalid_source_yml": ({"genders.csv": GOOD_CSV}, "force: Kent\nreference: [oops\n", "invalid_source_yml"),
    "unknown_force": ({"genders.csv": GOOD_CSV}, 'force: Gotham City\nreference: "X"\nperiod_start: 2023-04-01\nperiod_end: 2024-03-31\n', "unknown_area"),
    "negative_count": ({"genders.csv": "Gender,Count\nFemale,-3\nMale,5\n"}, None, "negative_count"),
    "junk_30mb": ({"dump.bin": os.urandom(1024) * (30 * 1024)}, None, "source_too_large"),
    "binary_junk": ({"dump.csv": bytes(range(256)) * 40}, None, "unknown_layout"),
    "corrupt_pdf": ({"letter.pdf": b"%PDF-1.4 not parsed"}, None, "source_unreadable"),
    # larger than any force could record (a cell of 1e308 would top every map's scale): never a figure
    "implausible_value": ({"genders.csv": "Gender,Count\nFemale,999999999\nMale,5\n"}, None, "implausible_value"),
    # a typo in one date is that source's error, never "internal error, nothing written" (issue 21)
    **{f"received_{y}": ({"genders.csv": GOOD_CSV}, f'force: Kent\nreference: "X"\nreceived: {y}-05-01\n'
                         'period_start: 2023-04-01\nperiod_end: 2024-03-31\n', "invalid_source_yml") for y in ("0202", "9999", "0001")},
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_source_is_reported_and_others_go_through(tmp_path: Path, case: str) -> None:
    files, yml, issue_type = BAD_CASES[case]
    with_good_source(tmp_path)
    make_source(tmp_path / "raw", f"b_{case}", files, yml)
    code, err, out = run_cli(tmp_path, "-q")
    assert code == 1
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert lines and all(f"b_{case}" in ln for ln in lines), err
    issues = pd.read_csv(out / "issues.csv", dtype=str, keep_default_na=False)
    mine = issues[(issues["source_id"] == f"b_{case}") & (issues["severity"] == "error")]
    assert issue_type in set(mine["issue_type"]), issues.to_string()
    figures = pd.read_csv(out / "figures.csv", dtype=str, keep_default_na=False)
    good = figures[figures["source_id"] == "a_good"]
    assert set(good["value"]) == {"40", "12", "52"}


def test_html_with_scripts_is_read_without_running_anything(tmp_path: Path) -> None:
    page = ("<html><head><script>document.write('<table><tr><td>Female</td><td>999</td></tr></table>')</script></head>"
            "<body><img src=x onerror=alert(1)><table><tr><th></th><th>Count</th></tr><tr><td>Female</td><td>7</td></tr>"
            "<tr><td>Male</td><td>2</td></tr></table></body></html>")
    make_source(tmp_path / "raw", "page", {"page.html": page})
    code, err, out = run_cli(tmp_path, "-q")
    assert code == 0, err
    figures = pd.read_csv(out / "figures.csv", dtype=str, keep_default_na=False)
    assert sorted(figures["value"]) == ["2", "7"]
    issues = pd.read_csv(out / "issues.csv", dtype=str, keep_default_na=False)
    flagged = issues[issues["issue_type"] == "html_active_content"]
    assert len(flagged) == 1 and flagged["severity"].iloc[0] == "warning"
    assert "<script>" in flagged["message"].iloc[0] and "1 event handler" in flagged["message"].iloc[0]


def test_formula_text_is_never_evaluated_and_is_neutralised_in_csv(tmp_path: Path) -> None:
    text = ("breakdown,platform,value,location,label\n"
            "platform,\"=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",5,line 1,\"=HYPERLINK(\"\"http://x\"\")\"\n"
            "total,,12,line 2,\"+cmd|' /C calc'!A0\"\n"
            "total,,=1+1,line 3,sum\n")
    make_source(tmp_path / "raw", "formula", {"figures.csv": text})
    code, err, out = run_cli(tmp_path, "-q")
    assert "Traceback" not in err
    raw_csv = (out / "figures.csv").read_text(encoding="utf-8")
    for line in raw_csv.splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.startswith(("=", "+", "-", "@")), line
    figures = pd.read_csv(out / "figures.csv", dtype=str, keep_default_na=False)
    assert "'+cmd|' /C calc'!A0" in set(figures["label_raw"])
    issues = pd.read_csv(out / "issues.csv", dtype=str, keep_default_na=False)
    assert "formula_like_text" in set(issues["issue_type"])
    assert code == 1  # "=1+1" is not a figure: an error row, nothing computed
    assert "2" not in set(figures["value"])


def test_interrupted_write_leaves_previous_output_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with_good_source(tmp_path)
    out = tmp_path / "out"
    assert main([str(tmp_path / "raw"), "--out", str(out), "-q"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output, "datapackage", boom)
    make_source(tmp_path / "raw", "b_more", {"genders.csv": GOOD_CSV.replace("40", "41")})
    assert main([str(tmp_path / "raw"), "--out", str(out), "-q"]) == 130
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.tmp")]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert main([str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    (tmp_path / "empty").mkdir()
    assert main([str(tmp_path / "empty"), "--out", str(tmp_path / "o")]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["--no-such-flag"])
    assert exc.value.code == 2


def test_total_mismatch_and_duplicates_are_flagged(tmp_path: Path) -> None:
    csv = "Gender,Count\nFemale,40\nMale,12\nUnknown,3\nTotal,60\nFemale,40\n"
    make_source(tmp_path / "raw", "checks", {"g.csv": csv})
    code, err, out = run_cli(tmp_path, "-q")
    issues = pd.read_csv(out / "issues.csv", dtype=str, keep_default_na=False)
    assert {"total_mismatch", "duplicate_figure", "reading_doubtful"} <= set(issues["issue_type"])
    assert code == 3  # read, but a total that does not add up needs a person to look (not an error)


def test_suppressed_cells_keep_totals_within_bounds(tmp_path: Path) -> None:
    csv = "Gender,Count\nFemale,40\nMale,*\nUnknown,3\nTotal,45\n"
    make_source(tmp_path / "raw", "bounds", {"g.csv": csv})
    code, _, out = run_cli(tmp_path, "-q")
    issues = pd.read_csv(out / "issues.csv", dtype=str, keep_default_na=False)
    assert "total_mismatch" not in set(issues["issue_type"])
    figures = pd.read_csv(out / "figures.csv", dtype=str, keep_default_na=False)
    male = figures[figures["gender"] == "male"].iloc[0]
    assert (male["status"], male["value"], male["value_low"], male["value_high"]) == ("suppressed", "", "1", "4")


def test_impossible_period_is_an_error(tmp_path: Path) -> None:
    text = "breakdown,period_start,period_end,value,location\ntotal,2024-03-31,2023-04-01,5,line 1\ntotal,2030-04-01,2031-03-31,5,line 2\n"
    make_source(tmp_path / "raw", "periods", {"figures.csv": text})
    code, err, out = run_cli(tmp_path, "-q")
    assert code == 1
    issues = pd.read_csv(out / "issues.csv", dtype=str, keep_default_na=False)
    assert (issues["issue_type"] == "impossible_period").sum() == 2


def test_adapter_in_source_yml_overrides_detection(tmp_path: Path) -> None:
    yml = 'force: Kent\nreference: "A"\nperiod_start: 2023-04-01\nperiod_end: 2024-03-31\nadapter: crosstab\n'
    make_source(tmp_path / "raw", "forced", {"years.csv": "Measure,2021/22,2022/23\nOffences recorded,5,6\n"}, yml)
    code, err, out = run_cli(tmp_path, "-q")
    figures = pd.read_csv(out / "figures.csv", dtype=str, keep_default_na=False)
    assert code == 0 and set(figures["reader"]) == {"crosstab"}


def test_unknown_adapter_is_a_clear_error(tmp_path: Path) -> None:
    yml = 'force: Kent\nreference: "A"\nperiod_start: 2023-04-01\nperiod_end: 2024-03-31\nadapter: magic\n'
    make_source(tmp_path / "raw", "magic", {"g.csv": GOOD_CSV}, yml)
    code, err, out = run_cli(tmp_path, "-q")
    assert code == 1 and "unknown adapter 'magic'" in err and "Traceback" not in err


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_encodings_and_crlf(tmp_path: Path, encoding: str) -> None:
    text = "Victims – by gender,Count\r\nFemale,40\r\nMale,12\r\nNot known,3\r\n"
    make_source(tmp_path / "raw", "enc", {"g.csv": text.encode(encoding)})
    code, err, out = run_cli(tmp_path, "-q")
    figures = pd.read_csv(out / "figures.csv", dtype=str, keep_default_na=False)
    assert code == 0 and sorted(figures["value"]) == ["12", "3", "40"]
    assert set(figures["gender"]) == {"female", "male", "unknown"}


def test_each_error_is_said_once_on_stderr(tmp_path: Path) -> None:
    text = "breakdown,value,location\ntotal,,line 1\n"  # a transcription row with no value
    make_source(tmp_path / "raw", "once", {"figures.csv": text, "blank.csv": "Gender,Count\nNobody,\n"})
    code, err, out = run_cli(tmp_path, "-q")
    errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
    issues = pd.read_csv(out / "issues.csv", dtype=str, keep_default_na=False)
    assert code == 1 and len(errors) == (issues["severity"] == "error").sum() >= 2
    assert len(set(errors)) == len(errors)
