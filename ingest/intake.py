"""Adding returns from the browser: check uploads, stage them as a source folder, preview
them with the same ingest, and on accept move them into data/raw and rebuild data/processed.

Safe by construction:
- size caps per file and per upload; zip entries counted as they are read (zip bombs stop at
  the cap, whatever the archive's headers claim);
- file types checked by content, not by name;
- zip entries with absolute paths, `..`, links or nested archives refused;
- file names reduced to letters, digits, `.`, `-`, `_`; every path checked to stay inside the
  data folder;
- staging happens in a private folder; nothing reaches data/raw until accepted, and an
  abandoned or rejected upload is removed;
- accepts are serialised by a lock and each rebuild reads all of data/raw, so two people adding
  returns at once both keep their files.
"""

from __future__ import annotations

import fcntl
import io
import os
import re
import shutil
import stat
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import yaml

from ingest.issues import IssueLog
from ingest.kit import template_details, template_suppression
from ingest.output import write_outputs
from ingest.pipeline import preview_source, run, validated
from ingest.readers import READABLE_KINDS
from ingest.readers.base import MAX_FILE_BYTES
from ingest.readers.sniff import KIND_NAMES, sniff_bytes
from ingest.reference import Area, reference
from ingest.schema import empty_figures

MAX_UPLOAD_BYTES = 200 * 1024 * 1024
ACCEPTED_KINDS = READABLE_KINDS
STAGING = ".staging"


class UploadRejected(Exception):
    """An upload that cannot be taken; the message says which file and why."""


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


def safe_name(name: str) -> str:
    base = re.split(r"[\\/]", str(name))[-1]
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._") or "file"
    stem, dot, ext = base.rpartition(".")
    if dot and len(ext) <= 5:
        return f"{stem[:80]}.{ext.lower()}"
    return base[:90]


def _kind(name: str, data: bytes) -> str:
    return sniff_bytes(data, Path(name).suffix)


def _zip_entries(upload: Upload, budget: int) -> Iterator[Upload]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(upload.data))
    except zipfile.BadZipFile:
        raise UploadRejected(f"{upload.name}: not a readable zip archive") from None
    used = 0
    with zf:
        for info in zf.infolist():
            name = info.filename
            mode = info.external_attr >> 16
            if info.is_dir():
                continue
            if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in re.split(r"[\\/]", name):
                raise UploadRejected(f"{upload.name}: entry {name!r} points outside the archive; nothing was added")
            if stat.S_ISLNK(mode):
                raise UploadRejected(f"{upload.name}: entry {name!r} is a link; nothing was added")
            if info.file_size > MAX_FILE_BYTES:
                raise UploadRejected(f"{upload.name}: entry {name!r} is over {MAX_FILE_BYTES // 2**20} MB; nothing was added")
            with zf.open(info) as fh:  # read at most the cap: headers can lie
                data = fh.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:
                raise UploadRejected(f"{upload.name}: entry {name!r} unpacks to over {MAX_FILE_BYTES // 2**20} MB; nothing was added")
            used += len(data)
            if used > budget:
                raise UploadRejected(f"{upload.name}: unpacks to over {MAX_UPLOAD_BYTES // 2**20} MB in all; nothing was added")
            yield Upload(name.replace("\\", "/").split("/")[-1], data)


def expand(uploads: list[Upload]) -> list[Upload]:
    """Check every file (and every zip entry) and return the files to stage."""
    if not uploads:
        raise UploadRejected("no file was uploaded")
    total = sum(len(u.data) for u in uploads)
    if total > MAX_UPLOAD_BYTES:
        raise UploadRejected(f"the upload is {total / 2**20:.0f} MB, over the {MAX_UPLOAD_BYTES // 2**20} MB limit; nothing was added")
    files: list[Upload] = []
    budget = MAX_UPLOAD_BYTES
    for u in uploads:
        if len(u.data) > MAX_FILE_BYTES:
            raise UploadRejected(f"{u.name}: {len(u.data) / 2**20:.1f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit for one file; nothing was added")
        kind = _kind(u.name, u.data)
        if kind == "zip":
            for entry in _zip_entries(u, budget):
                budget -= len(entry.data)
                entry_kind = _kind(entry.name, entry.data)
                if entry_kind == "zip":
                    raise UploadRejected(f"{u.name}: archive inside the archive ({entry.name}); nothing was added")
                if entry_kind not in ACCEPTED_KINDS:
                    raise UploadRejected(f"{u.name}: {entry.name} is {KIND_NAMES.get(entry_kind, entry_kind)}, not a return this tool "
                                         "reads; nothing was added")
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
    base = re.sub(r"[^a-z0-9]+", "-", f"{force} {reference_text}".lower()).strip("-")[:60] or "return"
    return f"{base}-{uuid.uuid4().hex[:8]}"


def _write_source(session: Path, data_root: Path, files: list[Upload], force: Area, period: tuple[date, date],
                  details: Details) -> Path:
    folder = session / _source_id(force.name, details.reference)
    folder.mkdir(parents=True)
    used: set[str] = set()
    for f in files:
        name = safe_name(f.name)
        if name == "source.yml":
            name = "uploaded-source.yml"
        stem, dot, ext = name.rpartition(".")
        n = 1
        while name in used:
            name = f"{stem}-{n}{dot}{ext}" if dot else f"{name}-{n}"
            n += 1
        used.add(name)
        _inside(folder / name, data_root).write_bytes(f.data)
    meta: dict[str, object] = {"force": force.name, "reference": details.reference.strip(),
                               "period_start": period[0], "period_end": period[1]}
    if details.received:
        meta["received"] = details.received
    if details.url.strip():
        meta["url"] = details.url.strip()
    suppression = details.suppression.strip() or next(
        (s for f in files if f.name.lower().endswith(".xlsx") and (s := template_suppression(f.data))), "")
    if suppression:
        meta["suppression"] = suppression
    (folder / "source.yml").write_text(yaml.safe_dump(meta, sort_keys=False), encoding="utf-8")
    return folder


def stage(uploads: list[Upload], details: Details, data_root: Path) -> Path:
    """Check the files and write them, with a source.yml each, into a private staging session.

    A filled kit template names its force and period, so each becomes a source of its own
    (a zip of a whole round goes in at once); every other file goes into one source for the
    force and period given in the form. Returns the session folder.
    """
    if details.period_end < details.period_start:
        raise UploadRejected("the period ends before it starts")
    if not details.reference.strip():
        raise UploadRejected("give the FOI reference (or the title of the answer)")
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
    session = _inside(data_root / STAGING / uuid.uuid4().hex, data_root)
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
    return sorted(p for p in session.iterdir() if p.is_dir())


def preview(session: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run the ingest on the staged sources alone, with the checks of a rebuild: the figures
    they would add, and their issues."""
    frames, issue_frames = [], []
    for folder in staged_sources(session):
        figures, issues, _ = preview_source(folder)
        frames.append(figures)
        issue_frames.append(issues)
    frames = [f for f in frames if len(f)]
    figures = pd.concat(frames, ignore_index=True) if frames else empty_figures()
    issues = pd.concat(issue_frames, ignore_index=True) if issue_frames else IssueLog().frame()
    return figures, issues


def discard(session: Path) -> None:
    if session.parent.name == STAGING:
        shutil.rmtree(session, ignore_errors=True)


@contextmanager
def _lock(raw_dir: Path) -> Iterator[None]:
    raw_dir.mkdir(parents=True, exist_ok=True)
    with open(raw_dir / ".intake.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def rebuild(raw_dir: Path, processed_dir: Path) -> int:
    result = run([raw_dir], err=None, progress=False)
    figures, issues = validated(result)
    write_outputs(figures, issues, processed_dir, [s.meta for s in result.summaries if s.meta])
    return result.exit_code


def accept(session: Path, raw_dir: Path, processed_dir: Path) -> list[Path]:
    """Move the staged sources into data/raw and rebuild data/processed, under one lock."""
    targets = []
    with _lock(raw_dir):
        for folder in staged_sources(session):
            target = raw_dir / folder.name
            while target.exists():
                target = raw_dir / f"{folder.name}-{uuid.uuid4().hex[:4]}"
            os.replace(folder, target)
            targets.append(target)
        discard(session)
        rebuild(raw_dir, processed_dir)
    return targets
