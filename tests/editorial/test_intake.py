"""Adding returns: uploads are checked, staged, previewed, and accepted or discarded."""

from __future__ import annotations

import io
import os
import stat
import threading
import time
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import yaml

from core.actors import audit_log
from editorial import intake
from editorial.intake import (
    MAX_FILE_BYTES,
    MAX_ZIP_ENTRIES,
    AcceptFailed,
    Actor,
    Details,
    NotAllowed,
    Upload,
    UploadRejected,
    accept,
    discard,
    expand,
    preview,
    safe_name,
    stage,
    staged_sources,
    sweep_staging,
    withdraw,
    withdrawable,
)

CSV = b"Gender,Count\r\nFemale,30\r\nMale,9\r\nTotal,39\r\n"
EDITOR = Actor("editor@example.org", "editor")
READER = Actor("someone@example.org", "reader")
DETAILS = Details(force="Northants", reference="FOI 1/25", period_start=date(2024, 4, 1), period_end=date(2025, 3, 31),
                  received=date(2025, 5, 1), url="https://example.org/foi-1-25")


def zip_bytes(entries: dict[str, bytes], link: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
        if link:
            info = zipfile.ZipInfo(link)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return buf.getvalue()


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    (tmp_path / "raw").mkdir()
    return tmp_path


def test_upload_preview_accept_rebuilds(data_root: Path) -> None:
    session = stage([Upload("answer.csv", CSV)], DETAILS, data_root)
    assert not list((data_root / "raw").iterdir()), "nothing is added before accept"
    figures, issues = preview(session)
    assert set(figures["value"]) == {30.0, 9.0, 39.0} and set(figures["area_code"]) == {"E23000022"}
    assert (issues["severity"] != "error").all()
    [target] = accept(session, data_root / "raw", data_root / "processed", EDITOR)
    assert target.parent == data_root / "raw" and (target / "answer.csv").read_bytes() == CSV
    out = pd.read_csv(data_root / "processed" / "figures.csv", dtype=str, keep_default_na=False)
    assert set(out["value"]) == {"30", "9", "39"} and set(out["source_url"]) == {DETAILS.url}
    assert not list((data_root / ".staging").iterdir())


def test_discard_leaves_nothing(data_root: Path) -> None:
    session = stage([Upload("answer.csv", CSV)], DETAILS, data_root)
    discard(session)
    assert not list((data_root / ".staging").iterdir()) and not list((data_root / "raw").iterdir())


def test_zip_of_a_round_is_unpacked(data_root: Path) -> None:
    session = stage([Upload("round.zip", zip_bytes({"kent/answer.csv": CSV, "page.html": b"<html><body><table><tr><td>Female</td><td>3</td></tr></table></body></html>"}))],
                    DETAILS, data_root)
    [folder] = staged_sources(session)
    assert sorted(p.name for p in folder.iterdir()) == ["answer.csv", "page.html", "source.yml"]


@pytest.mark.parametrize(
    ("uploads", "message"),
    [
        ([Upload("slip.zip", zip_bytes({"../../evil.csv": CSV}))], "outside the archive"),
        ([Upload("abs.zip", zip_bytes({"/etc/evil.csv": CSV}))], "outside the archive"),
        ([Upload("link.zip", zip_bytes({"a.csv": CSV}, link="passwd.csv"))], "is a link"),
        ([Upload("nested.zip", zip_bytes({"inner.zip": zip_bytes({"a.csv": CSV})}))], "archive inside the archive"),
        ([Upload("big.csv", b"a," * (MAX_FILE_BYTES // 2 + 1))], "over the 20 MB limit"),
        ([Upload("bomb.zip", zip_bytes({"bomb.csv": b"0" * (MAX_FILE_BYTES + 10)}))], "over 20 MB"),
        ([Upload("return.xlsx", b"MZ\x90\x00" + bytes(range(256)) * 10)], "not a return this tool reads"),
        ([Upload("letter.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") * 4)], "an old Word document"),
        ([Upload("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"))], "password"),
        ([Upload("empty.csv", b"")], "empty"),
        ([], "no file"),
    ],
)
def test_unsafe_or_wrong_uploads_are_refused_and_change_nothing(data_root: Path, uploads: list[Upload], message: str) -> None:
    with pytest.raises(UploadRejected, match=message):
        stage(uploads, DETAILS, data_root)
    assert not list((data_root / "raw").iterdir())
    assert not (data_root / ".staging").exists() or not list((data_root / ".staging").iterdir())


def test_type_is_checked_by_content_not_name(data_root: Path) -> None:
    session = stage([Upload("looks-like-a.pdf", CSV)], DETAILS, data_root)
    figures, _ = preview(session)
    assert len(figures) == 3


@pytest.mark.parametrize(("name", "safe"), [("../../etc/passwd", "passwd"), ("C:\\x\\Return (final).XLSX", "Return_final_.xlsx"),
                                             (".hidden.csv", "hidden.csv"), ("", "file"), ("a b/c d.csv", "c_d.csv"),
                                             ("отчёт.xlsx", "file.xlsx"), ("Réponse.PDF", "Reponse.pdf")])
def test_file_names_are_sanitised(name: str, safe: str) -> None:
    assert safe_name(name) == safe


def test_bad_details_are_refused(data_root: Path) -> None:
    with pytest.raises(UploadRejected, match="choose the force"):
        stage([Upload("a.csv", CSV)], Details("", "X", date(2024, 4, 1), date(2025, 3, 31)), data_root)
    with pytest.raises(UploadRejected, match="unknown force"):
        stage([Upload("a.csv", CSV)], Details("Gotham", "X", date(2024, 4, 1), date(2025, 3, 31)), data_root)
    with pytest.raises(UploadRejected, match="ends before"):
        stage([Upload("a.csv", CSV)], Details("Kent", "X", date(2025, 4, 1), date(2024, 3, 31)), data_root)


def test_two_people_accepting_at_once_keep_both(data_root: Path) -> None:
    a = stage([Upload("a.csv", CSV)], DETAILS, data_root)
    b = stage([Upload("b.csv", CSV.replace(b"30", b"31"))], Details("Kent", "FOI 2/25", date(2024, 4, 1), date(2025, 3, 31)), data_root)
    threads = [threading.Thread(target=accept, args=(f, data_root / "raw", data_root / "processed", EDITOR)) for f in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len([p for p in (data_root / "raw").iterdir() if p.is_dir()]) == 2
    out = pd.read_csv(data_root / "processed" / "figures.csv", dtype=str, keep_default_na=False)
    assert set(out["area_code"]) == {"E23000022", "E23000032"}


def test_expand_passes_plain_files_through() -> None:
    assert [u.name for u in expand([Upload("a.csv", CSV)])] == ["a.csv"]


def test_a_reader_cannot_accept_even_by_calling_accept_directly(data_root: Path) -> None:
    session = stage([Upload("answer.csv", CSV)], DETAILS, data_root)
    for who in (READER, None):
        with pytest.raises(NotAllowed, match="sign in as an editor"):
            accept(session, data_root / "raw", data_root / "processed", who)
    assert not [p for p in (data_root / "raw").iterdir() if p.is_dir()] and not (data_root / "processed").exists()
    log = audit_log(data_root / "raw")
    assert list(log["action"]) == ["refused", "refused"] and set(log["by"]) == {READER.email, "anonymous"}


def test_accept_records_who_and_when_and_withdraw_moves_out_and_rebuilds(data_root: Path) -> None:
    session = stage([Upload("answer.csv", CSV)], DETAILS, data_root)
    [target] = accept(session, data_root / "raw", data_root / "processed", EDITOR)
    meta = yaml.safe_load((target / "source.yml").read_text(encoding="utf-8"))
    assert meta["accepted_by"] == EDITOR.email and meta["accepted_at"]
    assert [r["source_id"] for r in withdrawable(data_root / "raw")] == [target.name]
    with pytest.raises(NotAllowed):
        withdraw(target.name, data_root / "raw", data_root / "processed", READER)
    kept = withdraw(target.name, data_root / "raw", data_root / "processed", EDITOR, "sent to the wrong force")
    assert kept.parent == data_root / "withdrawn" and (kept / "answer.csv").read_bytes() == CSV
    assert not target.exists()
    out = pd.read_csv(data_root / "processed" / "figures.csv", dtype=str, keep_default_na=False)
    assert out.empty
    assert list(audit_log(data_root / "raw")["action"]) == ["accepted", "refused", "withdrawn"]


def test_an_accept_whose_rebuild_fails_leaves_raw_as_it_was(data_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = stage([Upload("answer.csv", CSV)], DETAILS, data_root)
    before = sorted(p.name for p in (data_root / "raw").iterdir())

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(intake, "write_outputs", broken)
    with pytest.raises(AcceptFailed, match="nothing was added"):
        accept(session, data_root / "raw", data_root / "processed", EDITOR)
    assert sorted(p.name for p in (data_root / "raw").iterdir()) == before
    assert staged_sources(session), "the staged files are still there to retry or cancel"
    assert list(audit_log(data_root / "raw")["action"]) == ["rolled_back"]


def test_daily_quota_per_editor(data_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intake, "DAILY_ACCEPTS", 1)
    accept(stage([Upload("a.csv", CSV)], DETAILS, data_root), data_root / "raw", data_root / "processed", EDITOR)
    with pytest.raises(NotAllowed, match="limit is 1 a day"):
        accept(stage([Upload("b.csv", CSV)], DETAILS, data_root), data_root / "raw", data_root / "processed", EDITOR)


def test_abandoned_previews_are_swept(data_root: Path) -> None:
    old = stage([Upload("a.csv", CSV)], DETAILS, data_root)
    new = stage([Upload("b.csv", CSV)], DETAILS, data_root)
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    assert sweep_staging(data_root) == [old]
    assert new.exists() and not old.exists()


def test_caps_on_zip_entries_lying_headers_and_a_session(data_root: Path) -> None:
    many = zip_bytes({f"f{i}.csv": CSV for i in range(MAX_ZIP_ENTRIES + 1)})
    with pytest.raises(UploadRejected, match=f"over the limit of {MAX_ZIP_ENTRIES}"):
        stage([Upload("many.zip", many)], DETAILS, data_root)
    liar = bytearray(zip_bytes({"a.csv": CSV * 50}))
    at = liar.rfind(b"PK\x01\x02")  # the central directory's entry: claim a tiny size
    liar[at + 24:at + 28] = (10).to_bytes(4, "little")
    with pytest.raises(UploadRejected, match="cannot be unpacked|not a readable zip"):
        stage([Upload("liar.zip", bytes(liar))], DETAILS, data_root)
    with pytest.raises(UploadRejected, match="limit for one session"):
        stage([Upload("a.csv", CSV)], DETAILS, data_root, session_bytes=intake.MAX_SESSION_BYTES)


def test_typed_fields_are_checked(data_root: Path) -> None:
    with pytest.raises(UploadRejected, match="http"):
        stage([Upload("a.csv", CSV)], Details("Kent", "X", date(2024, 4, 1), date(2025, 3, 31), url="javascript:alert(1)"), data_root)
    with pytest.raises(UploadRejected, match="over 200 characters"):
        stage([Upload("a.csv", CSV)], Details("Kent", "X" * 300, date(2024, 4, 1), date(2025, 3, 31)), data_root)


def test_a_preview_that_takes_too_long_is_stopped_and_named(data_root: Path) -> None:
    session = stage([Upload("answer.csv", CSV)], DETAILS, data_root)
    figures, issues = preview(session, timeout=0.001)
    assert figures.empty and "answer.csv" in issues["message"].iloc[0] and "longer than" in issues["message"].iloc[0]


def test_a_source_id_keeps_the_whole_reference() -> None:
    """'FOI 9/25' gave the id '25-...' (the reference read as a path)."""
    from editorial.intake import _source_id

    sid = _source_id("Kent Police", "FOI 9/25")
    assert sid.startswith("kent-police-foi-9-25-")
    assert "/" not in _source_id("Kent", "../../etc/passwd") and ".." not in _source_id("Kent", "../../etc/passwd")


def test_a_file_the_preview_stopped_is_kept_but_never_read_again(data_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 21: a file the preview could not read within a file's bounds was re-read, unbounded, by
    the accept's rebuild and by every rebuild after. Now it is added as "kept, not read"."""
    from ingest import pipeline
    from synthetic.hostile import many_html_tables

    costly = many_html_tables()["page.html"]
    session = stage([Upload("answer.csv", CSV), Upload("page.html", costly)], DETAILS, data_root)
    figures, issues = preview(session)
    assert set(figures["value"]) == {30.0, 9.0, 39.0}
    assert "source_too_large" in set(issues.loc[issues["source_file"] == "page.html", "issue_type"])
    read: list[str] = []
    original = pipeline.read_source_file
    monkeypatch.setattr(pipeline, "read_source_file", lambda path, *a, **k: (read.append(path.name), original(path, *a, **k))[1])
    [target] = accept(session, data_root / "raw", data_root / "processed", EDITOR)
    assert (target / "page.html").read_bytes() == costly  # kept as received
    meta = yaml.safe_load((target / "source.yml").read_text(encoding="utf-8"))
    assert "400,000 tables" in meta["not_read"]["page.html"]
    assert read == ["answer.csv"]  # the rebuild never read it
    out = pd.read_csv(data_root / "processed" / "issues.csv", dtype=str, keep_default_na=False)
    assert any("kept as received, not read" in m for m in out.loc[out["source_file"] == "page.html", "message"])
    assert set(pd.read_csv(data_root / "processed" / "figures.csv", dtype=str)["value"]) == {"30", "9", "39"}


def test_a_round_with_no_force_is_recognised_and_the_unclear_asked(data_root: Path) -> None:
    from synthetic.round import round_zip

    data, expected = round_zip(20)
    session = intake.stage_round([Upload("round.zip", data)], data_root)
    pending = intake.pending_answers(session)
    assert sorted((p["name"], p["triage"]) for p in pending) == [("Acknowledgement.txt", "not an answer"), ("Data.xlsx", "needs a force")]
    assert len(staged_sources(session)) == len(expected) - 2
    with pytest.raises(NotAllowed):
        intake.settle_pending(session, {p["id"]: "Kent" for p in pending}, READER)
    intake.settle_pending(session, {p["id"]: "Kent" for p in pending}, EDITOR)
    assert len(staged_sources(session)) == len(expected) - 1  # the acknowledgement stays out
    assert all(p.get("settled") for p in intake.pending_answers(session))
    [kent_data] = [s for s in staged_sources(session) if "Data.xlsx" in (s / "source.yml").read_text(encoding="utf-8")]
    assert "chosen by editor@example.org" in (kent_data / "source.yml").read_text(encoding="utf-8")


def test_an_accept_killed_midway_is_undone_and_logged_not_published_by_the_next(data_root: Path) -> None:
    """Issue 21: a kill mid-accept left a return in data/raw, unpublished and not in the audit log,
    and the next unrelated accept published it under its own audit line."""
    import json as _json

    raw, processed = data_root / "raw", data_root / "processed"
    first = stage([Upload("a.csv", CSV)], DETAILS, data_root)
    preview(first)
    # what a kill after the move and before the rebuild leaves: the intent journal, the source in raw
    [src] = staged_sources(first)
    (data_root / intake.JOURNAL).mkdir()
    (data_root / intake.JOURNAL / "1-dead.json").write_text(_json.dumps(
        {"by": EDITOR.email, "at": "2026-01-01T00:00:00+00:00", "session": str(first), "moves": [[str(src), str(raw / src.name)]]}))
    os.replace(src, raw / src.name)
    second = stage([Upload("b.csv", CSV.replace(b"30", b"31"))], Details("Kent", "FOI 2/25", date(2024, 4, 1), date(2025, 3, 31)),
                   data_root)
    [target] = accept(second, raw, processed, EDITOR)
    assert [p.name for p in raw.iterdir()] == [target.name]  # the interrupted one is not in data/raw
    assert (first / src.name).is_dir()  # back in its session, to be added again
    out = pd.read_csv(processed / "figures.csv", dtype=str, keep_default_na=False)
    assert set(out["source_id"]) == {target.name}
    log = audit_log(raw)
    assert list(log["action"]) == ["rolled_back", "accepted"]
    assert log.iloc[0]["sources"] == src.name and log.iloc[1]["sources"] == target.name
    assert not list((data_root / intake.JOURNAL).glob("*.json"))
