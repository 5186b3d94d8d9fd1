"""One reader per layout family, chosen by looking at the file.

`choose(path, adapter)` returns the reader's name and its result. Order matters: the most
specific layouts are tried first (a transcription CSV is also a table; a record-level
extract has a header row like a table's).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.readers import html, records, tables, transcription
from ingest.readers.base import MAX_FILE_BYTES, NamedGrid, ReaderError, ReaderNote, ReadResult
from ingest.readers.grids import load_csv, load_xlsx, sniff_kind

READERS = ("transcription", "records", "timewide", "crosstab", "html")


def _grids(path: Path, kind: str) -> tuple[list[NamedGrid], list[ReaderNote]]:
    if kind == "xlsx":
        return load_xlsx(path), []
    if kind in ("csv", "text"):
        return load_csv(path)
    raise ReaderError(f"cannot read a {kind} file here", "", "unknown_layout")


def read_file(path: Path, adapter: str | None = None) -> tuple[str, ReadResult]:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ReaderError(
            f"file is {size / 1e6:.1f} MB, over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit for one return",
            "", "source_too_large",
        )
    kind = sniff_kind(path)
    if kind == "empty":
        raise ReaderError("file is empty", "", "source_empty")
    if kind in ("binary", "zip", "xls", "pdf"):
        what = {"binary": "binary data", "zip": "a zip archive", "xls": "an old .xls workbook (save it as .xlsx)",
                "pdf": "a PDF (type its figures into a transcription file)"}[kind]
        raise ReaderError(f"file is {what}, not a return this ingest can read", "", "unknown_layout")

    if adapter and adapter not in READERS:
        raise ReaderError(f"unknown adapter {adapter!r} in source.yml (one of {', '.join(READERS)})", "", "invalid_source_yml")

    # `adapter:` in source.yml names the reader; otherwise each reader looks at the file in turn
    def chosen(name: str, detected: Callable[[], bool]) -> bool:
        return adapter == name if adapter else detected()

    if kind in ("yaml", "csv", "text") and chosen("transcription", lambda: transcription.detect(path)):
        return "transcription", transcription.read(path)
    if kind == "yaml":
        raise ReaderError("YAML file is not a transcription file (no top-level 'figures:' list)", "", "unknown_layout")
    if chosen("html", lambda: kind == "html"):
        return "html", html.read(path)
    grids, notes = _grids(path, kind)
    if not any(any(c.value is not None for c in row) for g in grids for row in g.grid):
        raise ReaderError("file holds no cells", "", "source_empty")
    for name, detect, read in _TABLE_READERS:
        if chosen(name, lambda: detect(grids)):  # noqa: B023 - called at once, inside the loop
            result = read(path, grids)
            result.notes = notes + result.notes
            return name, result
    raise ReaderError(
        "no table of figures found (no header row over numbers, no record-level columns)", "", "unknown_layout"
    )


def _read_tables(path: Path, grids: list[NamedGrid]) -> ReadResult:
    return tables.read_grids(grids)


_TABLE_READERS: list[tuple[str, Callable[[list[NamedGrid]], bool], Callable[[Path, list[NamedGrid]], ReadResult]]] = [
    ("records", records.detect, records.read),
    ("timewide", tables.has_period_header, _read_tables),
    ("crosstab", tables.has_table, _read_tables),
]
