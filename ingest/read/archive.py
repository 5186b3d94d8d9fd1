"""The files of a zip archive a person hands in (Add returns, `ingest round`), checked once for both:
no absolute or `..` names, no links, each file and the whole bounded by what it really unpacks to
(a zip's directory can lie about sizes)."""

from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator

from ingest.read.base import MAX_FILE_BYTES


class ArchiveError(Exception):
    """The archive cannot be taken: the message names the archive, the entry and why."""


def zip_entries(data: bytes, name: str, max_files: int, budget: list[int], what: str, skip_hidden: bool = False
                ) -> Iterator[tuple[str, bytes]]:
    """(entry name with '/' separators, its bytes) for each file; `budget[0]`: bytes the whole may
    still unpack to, spent as it goes (shared by nested archives); `what`: the whole, in words
    ("one round"); `skip_hidden`: leave out dot-files and macOS resource forks."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ArchiveError(f"{name}: not a readable zip archive") from None
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > max_files:
            raise ArchiveError(f"{name}: holds {len(infos):,} files, over the limit of {max_files:,} for {what}")
        for info in infos:
            entry = info.filename.replace("\\", "/")
            if entry.startswith("/") or re.match(r"^[A-Za-z]:", entry) or ".." in entry.split("/"):
                raise ArchiveError(f"{name}: entry {entry!r} points outside the archive")
            if stat.S_ISLNK(info.external_attr >> 16):
                raise ArchiveError(f"{name}: entry {entry!r} is a link")
            if skip_hidden and (entry.split("/")[-1].startswith(".") or "__MACOSX" in entry):
                continue
            if info.file_size > MAX_FILE_BYTES:
                raise ArchiveError(f"{name}: entry {entry!r} is over {MAX_FILE_BYTES // 2**20} MB")
            try:
                with zf.open(info) as fh:  # read at most the cap: headers can lie
                    body = fh.read(MAX_FILE_BYTES + 1)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError) as exc:
                raise ArchiveError(f"{name}: entry {entry!r} cannot be unpacked ({type(exc).__name__}: {str(exc)[:120]})") from None
            if len(body) > MAX_FILE_BYTES:
                raise ArchiveError(f"{name}: entry {entry!r} unpacks to over {MAX_FILE_BYTES // 2**20} MB")
            budget[0] -= len(body)
            if budget[0] < 0:
                raise ArchiveError(f"{name}: unpacks to over the limit for {what}")
            yield entry, body
