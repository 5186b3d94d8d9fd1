"""Adding returns from the browser: check uploads, stage them as source folders, preview them
with the same ingest and the same checks as a rebuild, and on accept move them into data/raw
and rebuild data/processed, as one transaction.

Safe by construction:
- only an editor can accept or withdraw: every write checks the actor's role itself (hiding a
  page is not a check), and a refused attempt is written to the audit log;
- caps: per file, per upload, per browser session; files in a zip and their unpacked size
  (counted as they are read: headers can lie); pages in a PDF (the reader's limit); accepts
  and bytes per editor per day;
- file types checked by content, not by name; zip entries with absolute paths, `..`, links or
  nested archives refused; names reduced to letters, digits, `.`, `-`, `_`, and every path
  checked to stay inside the data folder;
- staging happens in a private folder, removed on cancel, on a new upload, and after
  STAGING_TTL when abandoned; nothing reaches data/raw until accepted;
- a preview reads the files in a separate process with a time and a memory limit, so a
  hostile file cannot hang or exhaust the server;
- an accept is a transaction: sources moved in, table rebuilt; if the rebuild fails, the
  sources go back and data/raw is as it was. Accepts are serialised by a lock, and each
  rebuild reads all of data/raw, so two people adding at once both keep their files;
- every accept, withdrawal, refusal and rollback is a line in an append-only audit log, and
  each accepted source records who accepted it and when in its source.yml.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from core.actors import Actor, append_audit, audit_log
from core.schema import empty_figures
from core.text import safe_file_name as safe_name
from core.text import slug
from editorial.kit import template_details, template_suppression
from ingest.issues import IssueLog
from ingest.output.write import write_outputs
from ingest.pipeline import run, validated
from ingest.read import READABLE_KINDS
from ingest.read.archive import ArchiveError, zip_entries
from ingest.read.base import MAX_FILE_BYTES
from ingest.read.sniff import KIND_NAMES, sniff_bytes
from ingest.vocabulary.reference import Area, reference

MAX_UPLOAD_BYTES = 100 * 2**20  # one upload (several files, or a zip as unpacked)
MAX_SESSION_BYTES = 200 * 2**20  # one browser session, all its uploads
MAX_ZIP_ENTRIES = 500  # a round is 45 forces; a zip of 70,000 entries is not a round
MAX_UNPACKED_BYTES = MAX_UPLOAD_BYTES
MAX_TEXT = 200  # characters in a typed field (reference, URL, suppression)
DAILY_ACCEPTS = 30  # per editor per day
DAILY_BYTES = 300 * 2**20  # per editor per day
STAGING_TTL = 30 * 60  # seconds before an abandoned preview is removed
PREVIEW_SECONDS = 300  # a preview that takes longer is stopped (each file is bounded on its own: ingest/read/bounded.py)
PREVIEW_MEMORY = 3 * 2**30  # address space of the preview process
ACCEPTED_KINDS = READABLE_KINDS
STAGING = ".staging"
WITHDRAWN = "withdrawn"


class UploadRejected(Exception):
    """An upload that cannot be taken; the message says which file and why."""


class NotAllowed(Exception):
    """A write asked for by someone who is not an editor (or over their quota)."""


class AcceptFailed(Exception):
    """An accept whose rebuild failed: rolled back, data/raw as it was."""


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


@dataclass
class Details:
    force: str
    reference: str
    period_start: date
    period_end: date
    received: date | None = None
    url: str = ""
    suppression: str = ""


# --- names and text ---------------------------------------------------------------------------

def clean_text(value: str, what: str) -> str:
    """A typed field: one line, printable, bounded. It is stored and shown as text, never markup."""
    text = " ".join(str(value or "").split())
    text = "".join(ch for ch in text if ch.isprintable())
    if len(text) > MAX_TEXT:
        raise UploadRejected(f"the {what} is over {MAX_TEXT} characters")
    return text


def clean_url(value: str) -> str:
    url = clean_text(value, "link")
    if url and not re.match(r"^https?://[^\s<>\"']+$", url, re.I):
        raise UploadRejected("the link must be a web address starting with http:// or https://")
    return url


def _kind(name: str, data: bytes) -> str:
    return sniff_bytes(data, Path(name).suffix)


# --- checking uploads --------------------------------------------------------------------------

def _zip_entries(upload: Upload, budget: list[int]) -> Iterator[Upload]:
    """The files of an uploaded zip, checked as `ingest round` checks them (ingest/read/archive.py)."""
    try:
        for entry, data in zip_entries(upload.data, upload.name, MAX_ZIP_ENTRIES, budget, "one upload"):
            yield Upload(entry.split("/")[-1], data)
    except ArchiveError as exc:
        raise UploadRejected(f"{exc}; nothing was added") from None


def _check_session(uploads: list[Upload], session_bytes: int) -> None:
    size = sum(len(u.data) for u in uploads)
    if session_bytes + size > MAX_SESSION_BYTES:
        raise UploadRejected(f"this session has uploaded {(session_bytes + size) / 2**20:.0f} MB, over the "
                             f"{MAX_SESSION_BYTES // 2**20} MB limit for one session; nothing was added")


def _check_upload(uploads: list[Upload]) -> None:
    if not uploads:
        raise UploadRejected("no file was uploaded")
    total = sum(len(u.data) for u in uploads)
    if total > MAX_UPLOAD_BYTES:
        raise UploadRejected(f"the upload is {total / 2**20:.0f} MB, over the {MAX_UPLOAD_BYTES // 2**20} MB limit; nothing was added")


def expand(uploads: list[Upload]) -> list[Upload]:
    """Check every file (and every zip entry) and return the files to stage."""
    _check_upload(uploads)
    files: list[Upload] = []
    budget = [MAX_UNPACKED_BYTES]
    for u in uploads:
        if len(u.data) > MAX_FILE_BYTES:
            raise UploadRejected(f"{u.name}: {len(u.data) / 2**20:.1f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit for one "
                                 "file; nothing was added")
        kind = _kind(u.name, u.data)
        if kind == "zip":
            for entry in _zip_entries(u, budget):
                entry_kind = _kind(entry.name, entry.data)
                if entry_kind == "zip":
                    raise UploadRejected(f"{u.name}: archive inside the archive ({entry.name}); nothing was added")
                if entry_kind not in ACCEPTED_KINDS:
                    raise UploadRejected(f"{u.name}: {entry.name} is {KIND_NAMES.get(entry_kind, entry_kind)}, not a return this "
                                         "tool reads; nothing was added")
                files.append(entry)
            continue
        if kind not in ACCEPTED_KINDS:
            raise UploadRejected(f"{u.name}: the file is {KIND_NAMES.get(kind, kind)}, not a return this tool reads "
                                 "(PDF, Word, Excel, OpenDocument, CSV or a saved web page); nothing was added")
        files.append(u)
    if not files:
        raise UploadRejected("the archive holds no files")
    return files


def _inside(path: Path, root: Path) -> Path:
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise UploadRejected(f"refused to write outside the data folder: {path}")
    return resolved


def _source_id(force: str, reference_text: str) -> str:
    """A folder name from the force and the reference, every character kept in order ('FOI 9/25' is
    not a path: safe_name would keep only what follows its slash)."""
    return f"{slug(f'{force} {reference_text}')}-{uuid.uuid4().hex[:8]}"


def _write_source(session: Path, data_root: Path, files: list[Upload], force: Area, period: tuple[date, date],
                  details: Details) -> Path:
    folder = session / _source_id(force.name, details.reference)
    folder.mkdir(parents=True)
    used: set[str] = set()
    for f in files:
        name = safe_name(f.name)
        if name in ("source.yml", "README.md"):
            name = "uploaded-" + name
        stem, dot, ext = name.rpartition(".")
        n = 1
        while name in used:
            name = f"{stem}-{n}{dot}{ext}" if dot else f"{name}-{n}"
            n += 1
        used.add(name)
        _inside(folder / name, data_root).write_bytes(f.data)
    meta: dict[str, object] = {"force": force.name, "reference": details.reference, "period_start": period[0],
                               "period_end": period[1]}
    if details.received:
        meta["received"] = details.received
    if details.url:
        meta["url"] = details.url
    suppression = details.suppression or next(
        (s for f in files if f.name.lower().endswith(".xlsx") and (s := template_suppression(f.data))), "")
    if suppression:
        meta["suppression"] = suppression
    (folder / "source.yml").write_text(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


PENDING = "pending.json"  # a staged round's answers that need a person: their force, or not an answer


def stage_round(uploads: list[Upload], data_root: Path, session_bytes: int = 0) -> Path:
    """A round with no force chosen: each answer's force, reference, date and period recognised
    from its files (ingest/round.py), each a source folder in the session. What is unclear is
    kept in the session's pending list for the page to ask, once; an acknowledgement alone is
    listed as not an answer. The same checks as `stage` on every file first."""
    import json

    from ingest.round import RoundError, collect, recognise_all, write_source

    _check_session(uploads, session_bytes)
    _check_upload(uploads)
    session = _inside(data_root / STAGING / f"{int(time.time())}-{uuid.uuid4().hex}", data_root)
    inbox = session / "inbox"
    inbox.mkdir(parents=True)
    try:
        loose = inbox / "files"
        loose.mkdir()
        zips: list[Path] = []
        for u in uploads:
            name = safe_name(u.name)
            if _kind(u.name, u.data) == "zip":
                zips.append(inbox / f"{len(zips)}-{name}")
                zips[-1].write_bytes(u.data)
            else:
                kind = _kind(u.name, u.data)
                if kind not in ACCEPTED_KINDS:
                    raise UploadRejected(f"{u.name}: the file is {KIND_NAMES.get(kind, kind)}, not a return this tool reads "
                                         "(PDF, Word, Excel, OpenDocument, CSV or a saved web page); nothing was added")
                (loose / name).write_bytes(u.data)
        try:
            units = [*collect(loose, MAX_UNPACKED_BYTES)] if any(loose.iterdir()) else []
            for z in zips:
                units += collect(z, MAX_UNPACKED_BYTES)
        except RoundError as exc:
            raise UploadRejected(f"{exc}; nothing was added") from None
        if sum(len(u.files) for u in units) > MAX_ZIP_ENTRIES:
            raise UploadRejected(f"the round holds over {MAX_ZIP_ENTRIES} files, the limit; nothing was added")
        pending = []
        for answer in recognise_all(units):
            if answer.triage == "not an answer" or answer.force is None:
                keep = session / "pending" / uuid.uuid4().hex[:8]
                keep.mkdir(parents=True)
                for i, (name, body) in enumerate(answer.unit.files.items()):
                    (keep / f"{i}-{safe_name(name)}").write_bytes(body)
                pending.append({"id": keep.name, "name": answer.unit.name, "files": list(answer.unit.files),
                                "triage": answer.triage or "needs a force", "why": answer.force_how,
                                "first_lines": answer.first_lines, "reference": str(answer.reference.value)})
                continue
            write_source(answer, session)
        (session / PENDING).write_text(json.dumps(pending, ensure_ascii=False), encoding="utf-8")
    except BaseException:
        shutil.rmtree(session, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(inbox, ignore_errors=True)
    return session


def pending_answers(session: Path) -> list[dict[str, Any]]:
    import json

    path = session / PENDING
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def settle_pending(session: Path, forces: dict[str, str], actor: Actor | None = None) -> None:
    """The forces a person chose for the answers the round could not place (pending id -> force
    name); a blank choice leaves the answer out. Each chosen one becomes a source in the session."""
    import json

    from ingest.round import Unit, recognise_all, write_source

    if actor is not None and not actor.is_editor:
        raise NotAllowed("only an editor can add returns")
    remaining = []
    for p in pending_answers(session):
        choice = forces.get(p["id"], "")
        area = reference().find_area(choice) if choice else None
        folder = session / "pending" / p["id"]
        if p["triage"] == "not an answer" or area is None or area.area_type != "force":
            remaining.append({**p, "settled": True})
            continue
        files = {name: (folder / f"{i}-{safe_name(name)}").read_bytes() for i, name in enumerate(p["files"])}
        [answer] = recognise_all([Unit(p["name"], files)])
        answer.force, answer.force_how = area, f"chosen by {actor.email if actor else 'the editor'} when adding the round"
        write_source(answer, session)
        shutil.rmtree(folder, ignore_errors=True)
    (session / PENDING).write_text(json.dumps(remaining, ensure_ascii=False), encoding="utf-8")


def stage(uploads: list[Upload], details: Details, data_root: Path, session_bytes: int = 0) -> Path:
    """Check the files and write them, with a source.yml each, into a private staging session.

    A filled kit template names its force and period, so each becomes a source of its own
    (a zip of a whole round goes in at once); every other file goes into one source for the
    force and period given in the form. `session_bytes`: what this browser session uploaded
    before (its cap). Returns the session folder.
    """
    if details.period_end < details.period_start:
        raise UploadRejected("the period ends before it starts")
    details = Details(clean_text(details.force, "force"), clean_text(details.reference, "FOI reference"), details.period_start,
                      details.period_end, details.received, clean_url(details.url), clean_text(details.suppression, "suppression rule"))
    if not details.reference:
        raise UploadRejected("give the FOI reference (or the title of the answer)")
    _check_session(uploads, session_bytes)
    files = expand(uploads)
    templates: list[tuple[Upload, tuple[Area, date, date]]] = []
    others: list[Upload] = []
    for f in files:
        found = template_details(f.data) if f.data[:4] == b"PK\x03\x04" else None
        if found:
            templates.append((f, found))
        else:
            others.append(f)
    area = reference().find_area(details.force) if details.force else None
    if others and area is None:
        what = f"unknown force {details.force!r}" if details.force else "choose the force"
        raise UploadRejected(f"{what} for {', '.join(f.name for f in others[:3])} (only the kit's templates name their force)")
    session = _inside(data_root / STAGING / f"{int(time.time())}-{uuid.uuid4().hex}", data_root)
    session.mkdir(parents=True)
    try:
        for f, (force, start, end) in templates:
            _write_source(session, data_root, [f], force, (start, end), details)
        if others and area is not None:
            _write_source(session, data_root, others, area, (details.period_start, details.period_end), details)
    except BaseException:
        shutil.rmtree(session, ignore_errors=True)
        raise
    return session


def staged_sources(session: Path) -> list[Path]:
    return sorted(p for p in session.iterdir() if p.is_dir() and p.name not in ("preview", "pending", "inbox"))


def discard(session: Path) -> None:
    if session.parent.name == STAGING:
        shutil.rmtree(session, ignore_errors=True)


def sweep_staging(data_root: Path, ttl: float = STAGING_TTL, now: float | None = None) -> list[Path]:
    """Remove abandoned previews (older than `ttl` seconds). Returns what was removed."""
    root = data_root / STAGING
    if not root.is_dir():
        return []
    now = time.time() if now is None else now
    removed = []
    for session in root.iterdir():
        try:
            age = now - session.stat().st_mtime
        except OSError:
            continue
        if age > ttl:
            shutil.rmtree(session, ignore_errors=True)
            removed.append(session)
    return removed


# --- preview ----------------------------------------------------------------------------------

def _limits() -> None:  # in the preview process, before it reads anything
    resource.setrlimit(resource.RLIMIT_AS, (PREVIEW_MEMORY, PREVIEW_MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (PREVIEW_SECONDS, PREVIEW_SECONDS + 5))


def preview(session: Path, timeout: float = PREVIEW_SECONDS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read the staged sources in a separate process, with the checks of a rebuild: the figures
    they would add, and their issues. A file that takes too long or too much memory is stopped
    and named; the server is not affected."""
    out = session / "preview"
    shutil.rmtree(out, ignore_errors=True)
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    try:
        proc = subprocess.run([sys.executable, "-m", "editorial.preview", str(session)], capture_output=True, text=True,
                              timeout=timeout, env=env, cwd=root, preexec_fn=_limits)  # noqa: PLW1509 - limits only
        failed = proc.returncode != 0 or not (out / "issues.csv").exists()
        reason = (proc.stderr.strip().splitlines() or ["the reader stopped"])[-1][:300] if failed else ""
        if failed and proc.returncode < 0:
            reason = "the reader was stopped: it used more than its memory or time limit"
    except subprocess.TimeoutExpired:
        failed, reason = True, f"reading took longer than {timeout:.0f} s, the limit for a preview"
    if failed:
        log = IssueLog()
        for folder in staged_sources(session):
            names = ", ".join(p.name for p in folder.iterdir() if p.name != "source.yml")
            log.add("source_too_large", folder.name, f"{names}: {reason}")
        out.mkdir(parents=True, exist_ok=True)  # what the accept reads to keep these files unread
        log.frame().to_csv(out / "issues.csv", index=False)
        return empty_figures(), log.frame()
    from core.schema import coerce_figures

    figures = coerce_figures(pd.read_parquet(out / "figures.parquet"))
    issues = pd.read_csv(out / "issues.csv", dtype=str, keep_default_na=False)
    return figures, issues


def preview_readings(session: Path) -> list[dict[str, Any]]:
    """How each table of the staged files was read (written by the preview process)."""
    path = session / "preview" / "readings.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


# --- accept, withdraw, audit ----------------------------------------------------------------------

@contextmanager
def _lock(raw_dir: Path) -> Iterator[None]:
    raw_dir.mkdir(parents=True, exist_ok=True)
    with open(raw_dir.parent / ".intake.lock", "w") as fh:  # beside data/raw, not a file in it
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def audit(raw_dir: Path, actor: Actor, action: str, **details: Any) -> None:
    """Append one line to the audit log (never rewritten; a line is whole or absent)."""
    append_audit(raw_dir, actor.email, actor.role, action, **details)


def _require_editor(actor: Actor | None, raw_dir: Path, action: str, what: str) -> Actor:
    if actor is None or not actor.is_editor:
        who = actor or Actor("anonymous", "reader")
        audit(raw_dir, who, "refused", attempted=action, sources=[what], reason="not an editor")
        raise NotAllowed(f"only an editor can {action}; sign in as an editor")
    return actor


def _quota(actor: Actor, raw_dir: Path, adding: int) -> None:
    log = audit_log(raw_dir)
    if log.empty:
        return
    today = datetime.now(UTC).date().isoformat()
    mine = log[(log["by"] == actor.email) & (log["action"] == "accepted") & log["at"].astype(str).str.startswith(today)]
    used = pd.to_numeric(mine.get("bytes", pd.Series(dtype=float)), errors="coerce").fillna(0).sum()
    if len(mine) >= DAILY_ACCEPTS:
        audit(raw_dir, actor, "refused", attempted="accept", reason=f"daily limit of {DAILY_ACCEPTS} accepts")
        raise NotAllowed(f"you have added {len(mine)} returns today, the limit is {DAILY_ACCEPTS} a day")
    if used + adding > DAILY_BYTES:
        audit(raw_dir, actor, "refused", attempted="accept", reason=f"daily limit of {DAILY_BYTES // 2**20} MB")
        raise NotAllowed(f"you have added {(used + adding) / 2**20:.0f} MB today, over the limit of {DAILY_BYTES // 2**20} MB a day")


def rebuild(raw_dir: Path, processed_dir: Path) -> int:
    result = run([raw_dir], err=None, progress=False)
    figures, issues = validated(result)
    write_outputs(figures, issues, processed_dir, [s.meta for s in result.summaries if s.meta])
    return result.exit_code


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _stopped_in_preview(session: Path) -> dict[str, dict[str, str]]:
    """Files the preview could not read within a file's bounds, by source folder: they are added
    as "kept, not read" (`not_read:` in source.yml), so no rebuild reads them again. A preview
    stopped as a whole marks every file of its sources."""
    path = session / "preview" / "issues.csv"
    out: dict[str, dict[str, str]] = {}
    if path.exists():
        issues = pd.read_csv(path, dtype=str, keep_default_na=False)
        for r in issues[issues["issue_type"] == "source_too_large"].itertuples():
            out.setdefault(str(r.source_id), {})[str(r.source_file)] = str(r.message)[:300]
    for folder in staged_sources(session):
        whole = out.get(folder.name, {}).pop("", None)
        if whole:
            out[folder.name].update({p.relative_to(folder).as_posix(): whole for p in folder.rglob("*")
                                     if p.is_file() and p.name != "source.yml"})
    return {k: v for k, v in out.items() if v}


def accept(session: Path, raw_dir: Path, processed_dir: Path, actor: Actor | None = None) -> list[Path]:
    """Move the staged sources into data/raw and rebuild data/processed, under one lock, as a
    transaction: if the rebuild fails, the sources are taken back out and data/raw is as it was."""
    sources = staged_sources(session) if session.is_dir() else []
    actor = _require_editor(actor, raw_dir, "accept returns", ", ".join(p.name for p in sources) or session.name)
    if not sources:
        raise UploadRejected("nothing staged to add (the preview expired or was cancelled); upload the files again")
    adding = sum(_size(p) for p in sources)
    _quota(actor, raw_dir, adding)
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    targets: list[Path] = []
    stopped = _stopped_in_preview(session)
    with _lock(raw_dir):
        recover(raw_dir, processed_dir)  # an accept a stopped server left unfinished is undone first, never published by this one
        for folder in sources:
            target = raw_dir / folder.name
            while target.exists() or target in targets:
                target = raw_dir / f"{folder.name}-{uuid.uuid4().hex[:4]}"
            targets.append(target)
        journal = _journal(raw_dir, {"by": actor.email, "at": stamp, "session": str(session),
                                     "moves": [[str(f), str(t)] for f, t in zip(sources, targets, strict=True)]})
        for folder, target in zip(sources, targets, strict=True):
            meta = yaml.safe_load((folder / "source.yml").read_text(encoding="utf-8")) or {}
            meta.update(accepted_by=actor.email, accepted_at=stamp)
            if stopped.get(folder.name):  # kept as received, never read again in the server (issue 21)
                meta["not_read"] = {**(meta.get("not_read") or {}), **stopped[folder.name]}
            (folder / "source.yml").write_text(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True), encoding="utf-8")
            os.replace(folder, target)
        try:
            rebuild(raw_dir, processed_dir)
        except BaseException as exc:
            for folder, target in zip(sources, targets, strict=True):
                if target.exists():
                    os.replace(target, folder)
            audit(raw_dir, actor, "rolled_back", sources=[t.name for t in targets], reason=f"{type(exc).__name__}: {str(exc)[:200]}")
            journal.unlink(missing_ok=True)
            raise AcceptFailed(f"the table could not be rebuilt with these returns ({type(exc).__name__}); nothing was "
                               "added and the published figures are unchanged") from exc
        audit(raw_dir, actor, "accepted", sources=[t.name for t in targets], bytes=adding,
              files=sorted(p.name for t in targets for p in t.iterdir() if p.name != "source.yml"))
        journal.unlink(missing_ok=True)  # the result is in the audit log: the accept is whole
        discard(session)
    return targets


JOURNAL = ".intake-journal"  # beside data/raw: one file per accept under way


def _journal(raw_dir: Path, entry: dict[str, Any]) -> Path:
    """The accept's intent, written whole (and synced) before anything moves."""
    folder = raw_dir.parent / JOURNAL
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{int(time.time())}-{uuid.uuid4().hex[:8]}.json"
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(entry, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path


def unfinished(raw_dir: Path) -> bool:
    return any((raw_dir.parent / JOURNAL).glob("*.json")) if (raw_dir.parent / JOURNAL).is_dir() else False


def recover_now(raw_dir: Path, processed_dir: Path) -> list[str]:
    """`recover` under the intake's lock (for a page opening)."""
    with _lock(raw_dir):
        return recover(raw_dir, processed_dir)


def recover(raw_dir: Path, processed_dir: Path) -> list[str]:
    """Undo every accept a stopped server left unfinished (its journal is still there): its returns
    go back to their staging session (or, when that is gone, to data/withdrawn/), the table is
    rebuilt without them, and the audit log says so. Called under the intake lock, on every
    accept and when the Add returns page opens. Returns the sources moved back."""
    folder = raw_dir.parent / JOURNAL
    if not folder.is_dir():
        return []
    undone: list[str] = []
    for path in sorted(folder.glob("*.json")):
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entry = {"moves": []}
        names = sorted(Path(dst).name for _, dst in entry.get("moves", []))
        log = audit_log(raw_dir)
        if names and not log.empty and ", ".join(names) in {", ".join(sorted(str(r).split(", ")))
                                                            for r in log.loc[log["action"] == "accepted", "sources"]}:
            path.unlink(missing_ok=True)  # stopped after its audit line: the accept was whole
            continue
        moved = []
        for src, dst in entry.get("moves", []):
            target, origin = Path(dst), Path(src)
            if not target.exists() or not target.resolve().is_relative_to(raw_dir.resolve()):
                continue
            back = origin if origin.parent.is_dir() else raw_dir.parent / WITHDRAWN / f"{target.name}-interrupted"
            back.parent.mkdir(parents=True, exist_ok=True)
            os.replace(target, back)
            moved.append(target.name)
        if moved:
            rebuild(raw_dir, processed_dir)
        append_audit(raw_dir, str(entry.get("by", "unknown")), "editor", "rolled_back", sources=moved,
                     reason="an accept was interrupted before it finished (the server stopped); none of it is published: "
                            "add the returns again")
        path.unlink(missing_ok=True)
        undone += moved
    for tmp in folder.glob("*.tmp"):  # an intent cut off while being written: nothing had moved
        tmp.unlink(missing_ok=True)
    return undone


def withdrawable(raw_dir: Path) -> list[dict[str, str]]:
    """Sources added through the dashboard (they name who accepted them), newest first."""
    out = []
    for folder in sorted(p for p in raw_dir.iterdir() if p.is_dir()) if raw_dir.is_dir() else []:
        try:
            meta = yaml.safe_load((folder / "source.yml").read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            continue
        if isinstance(meta, dict) and meta.get("accepted_by"):
            out.append({"source_id": folder.name, "force": str(meta.get("force", "")), "reference": str(meta.get("reference", "")),
                        "accepted_by": str(meta["accepted_by"]), "accepted_at": str(meta.get("accepted_at", ""))})
    return sorted(out, key=lambda r: r["accepted_at"], reverse=True)


def withdraw(source_id: str, raw_dir: Path, processed_dir: Path, actor: Actor | None, reason: str = "") -> Path:
    """Move an accepted source out of data/raw (into data/withdrawn, kept) and rebuild."""
    actor = _require_editor(actor, raw_dir, "withdraw a source", source_id)
    if source_id not in {r["source_id"] for r in withdrawable(raw_dir)}:
        raise NotAllowed(f"{source_id!r} is not a source added through the dashboard; it cannot be withdrawn here")
    folder = _inside(raw_dir / source_id, raw_dir)
    dest = raw_dir.parent / WITHDRAWN / f"{source_id}-{datetime.now(UTC):%Y%m%dT%H%M%S}"
    with _lock(raw_dir):
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(folder, dest)
        try:
            rebuild(raw_dir, processed_dir)
        except BaseException as exc:
            os.replace(dest, folder)
            audit(raw_dir, actor, "rolled_back", sources=[source_id], reason=f"withdraw: {type(exc).__name__}")
            raise AcceptFailed(f"the table could not be rebuilt without {source_id}; it stays") from exc
    audit(raw_dir, actor, "withdrawn", sources=[source_id], reason=clean_text(reason, "reason"), kept_at=str(dest))
    return dest
