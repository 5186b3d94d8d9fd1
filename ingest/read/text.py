"""Text returns: CSV (comma, semicolon, tab or pipe delimited) in UTF-8, UTF-16 or Windows-1252."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ingest.read.base import MAX_CELLS_PER_SHEET, Cell, Document, NamedGrid, ReaderError, ReaderNote, col_letter

DELIMITERS = (",", ";", "\t", "|")


def decode_text(data: bytes) -> tuple[str, ReaderNote | None]:
    """UTF-16 (with a BOM, or without one when every other byte is zero), UTF-8 (with or
    without BOM), then cp1252: the encodings forces' files come in."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ReaderNote("encoding_fallback", "", "file is UTF-16 text")
        except UnicodeDecodeError:
            pass
    head = data[:4096]
    if len(head) >= 8 and head[1::2].count(0) > len(head) * 0.4:
        try:
            return data.decode("utf-16-le"), ReaderNote("encoding_fallback", "", "file is UTF-16 text (no byte-order mark)")
        except UnicodeDecodeError:
            pass
    if len(head) >= 8 and head[0::2].count(0) > len(head) * 0.4:
        try:
            return data.decode("utf-16-be"), ReaderNote("encoding_fallback", "", "file is UTF-16 text (no byte-order mark)")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ReaderNote("encoding_fallback", "", "file is not UTF-8; read as Windows-1252 (cp1252)")
    except UnicodeDecodeError:
        return data.decode("latin-1"), ReaderNote("encoding_fallback", "", "file is neither UTF-8 nor cp1252; read as Latin-1")


def guess_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently into more than one field."""
    lines = [ln for ln in text.splitlines()[:30] if ln.strip()]
    best, best_score = ",", 0.0
    for d in DELIMITERS:
        counts = []
        for ln in lines:
            try:
                counts.append(len(next(csv.reader([ln], delimiter=d))) - 1)
            except (csv.Error, StopIteration):
                counts.append(0)
        used = [c for c in counts if c > 0]
        if not used:
            continue
        # lines split by it, weighted by how many fields they share
        common = max(set(used), key=used.count)
        score = used.count(common) * (1 + min(common, 10) / 10)
        if score > best_score:
            best, best_score = d, score
    return best


def read(path: Path) -> Document:
    text, note = decode_text(path.read_bytes())
    doc = Document("csv", notes=[note] if note else [])
    delimiter = guess_delimiter(text)
    grid: list[list[Cell]] = []
    cells = 0
    try:
        for ri, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)):
            cells += sum(1 for v in row if v.strip())
            if cells > MAX_CELLS_PER_SHEET:
                raise ReaderError(f"holds over {MAX_CELLS_PER_SHEET:,} filled cells, the limit for one table", f"line {ri + 1}",
                                  "source_too_large")
            grid.append([Cell(v if v.strip() else None, f"line {ri + 1} col {col_letter(ci)}") for ci, v in enumerate(row)])
    except csv.Error as exc:
        raise ReaderError(f"not readable as CSV ({exc})") from None
    doc.grids.append(NamedGrid(path.name, grid))
    return doc
