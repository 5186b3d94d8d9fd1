"""One platform printed under several names in one table (issue 18), and a pivot-table export
((blank) categories, a Grand Total): one platform, its parts summed and named. Invented figures."""

from __future__ import annotations

from pathlib import Path

from ingest.issues import IssueLog
from ingest.pipeline import ingest_source
from tests.conftest import make_source


def test_one_platform_under_several_names_is_summed_and_named(tmp_path: Path) -> None:
    table = "Platform,Offences\r\nSnapchat,10\r\nSnap chat,3\r\nInstagram,4\r\n(blank),2\r\nGrand Total,19\r\n"
    folder = make_source(tmp_path, "s", {"pivot.csv": table})
    log = IssueLog()
    rows, _ = ingest_source(folder, log)
    by = {(r["breakdown"], r["platform"]): r for r in rows}
    snap = by[("platform", "Snapchat")]
    assert snap["value"] == 13.0 and snap["label_raw"] == "Snapchat | Offences + Snap chat | Offences" and snap["derived"]
    assert by[("platform", "unknown")]["value"] == 2.0 and by[("total", "")]["value"] == 19.0
    assert any(r["issue_type"] == "platform_parts_summed" for r in log.rows)
    assert not [r for r in log.rows if r["severity"] in ("error", "review")]


def test_one_platform_under_two_names_with_one_value_is_a_doubt(tmp_path: Path) -> None:
    """'SnapChat (app) 12' and 'Snapchat 12': the same figure twice, or two parts of 24? Never ok on a guess."""
    table = "Platform,Offences\r\nSnapChat (app),12\r\nInstagram,41\r\nSnapchat,12\r\n"
    folder = make_source(tmp_path, "s", {"p.csv": table})
    log = IssueLog()
    rows, _ = ingest_source(folder, log)
    snap = [r for r in rows if r["platform"] == "Snapchat"]
    assert len(snap) == 1 and snap[0]["value"] == 12.0 and snap[0]["review"]
    assert [r["severity"] for r in log.rows if r["issue_type"] == "platform_parts_unclear"] == ["review"]


def test_two_columns_of_one_platform_row_are_never_summed(tmp_path: Path) -> None:
    """Two columns whose headings lost their years read as one platform twice: never one platform's parts."""
    table = "Platform,Offences,Offences\r\nSnapchat,12,30\r\nInstagram,4,5\r\n"
    folder = make_source(tmp_path, "s", {"p.csv": table})
    log = IssueLog()
    rows, _ = ingest_source(folder, log)
    assert not any(r["issue_type"] == "platform_parts_summed" for r in log.rows)
    assert all(r["value"] in (12.0, 4.0, 30.0, 5.0) for r in rows)
    assert any(r["severity"] == "review" for r in log.rows)
