"""Load a spreadsheet, CSV or HTML file into grids of cells with their locations.

Loading is shared by the table readers; which layout a grid holds is their business.
"""

from __future__ import annotations

import contextlib
import csv
import io
import zipfile
from pathlib import Path
from typing import IO

from ingest.readers.base import Cell, NamedGrid, ReaderError, ReaderNote, col_letter, is_blank

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm"}
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
HTML_SUFFIXES = {".html", ".htm"}


def sniff_kind(path: Path) -> str:
    """What the file is by its content (name only breaks ties): xlsx, html, csv, yaml or binary."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if head.startswith(b"PK\x03\x04"):
        # a zip named .xlsx is a workbook, readable or not (a corrupt one is reported as such)
        return "xlsx" if path.suffix.lower() in SPREADSHEET_SUFFIXES or is_xlsx_zip(path) else "zip"
    return sniff_bytes(head, path.suffix)


def sniff_bytes(head: bytes, suffix: str, is_xlsx_zip: bool | None = None) -> str:
    """`sniff_kind` on the first bytes of a file (uploads are checked before they are written)."""
    suffix = suffix.lower()
    if not head:
        return "empty"
    if head.startswith(b"PK\x03\x04"):
        return "xlsx" if is_xlsx_zip else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    if head.startswith(b"%PDF"):
        return "pdf"
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff").lstrip().lower()
    if text.startswith("<!doctype html") or text.startswith("<html") or "<table" in text or "<body" in text:
        return "html"
    if suffix in {".yml", ".yaml"}:
        return "yaml"
    # text files: few control bytes
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    if ctrl > len(head) * 0.01:
        return "binary"
    return "csv" if suffix in CSV_SUFFIXES or b"," in head else "text"


def is_xlsx_zip(source: Path | IO[bytes]) -> bool:
    """A zip archive holding a workbook (a file on disk, or an upload's bytes)."""
    try:
        with zipfile.ZipFile(source) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


def load_xlsx(path: Path) -> list[NamedGrid]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a corrupt file
        raise ReaderError(f"not a readable xlsx workbook ({type(exc).__name__}: {exc})") from None
    grids: list[NamedGrid] = []
    for ws in wb.worksheets:
        values = [[c.value for c in row] for row in ws.iter_rows()]
        # Merged header cells hold their text in the first cell only: spread text across
        # the range so each column has its label. Numbers are left in place (a merged body
        # cell counts once).
        for rng in ws.merged_cells.ranges:
            first = values[rng.min_row - 1][rng.min_col - 1] if values else None
            if isinstance(first, str):
                for r in range(rng.min_row - 1, rng.max_row):
                    for c in range(rng.min_col - 1, rng.max_col):
                        if r < len(values) and c < len(values[r]):
                            values[r][c] = first
        grid = [
            [Cell(v, f"{ws.title}!{col_letter(ci)}{ri + 1}") for ci, v in enumerate(row)]
            for ri, row in enumerate(values)
        ]
        grids.append(NamedGrid(ws.title, grid))
    return grids


def decode_text(data: bytes) -> tuple[str, ReaderNote | None]:
    """UTF-8 (with or without BOM) first, then cp1252, the encodings forces' CSVs come in."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ReaderNote("encoding_fallback", "", "file is not UTF-8; read as Windows-1252 (cp1252)")
    except UnicodeDecodeError:
        return data.decode("latin-1"), ReaderNote("encoding_fallback", "", "file is neither UTF-8 nor cp1252; read as Latin-1")


def load_csv(path: Path) -> tuple[list[NamedGrid], list[ReaderNote]]:
    text, note = decode_text(path.read_bytes())
    notes = [note] if note else []
    sample = text[:8192]
    delimiter = ","
    with contextlib.suppress(csv.Error):
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    grid = [
        [Cell(v if v.strip() else None, f"line {ri + 1} col {col_letter(ci)}") for ci, v in enumerate(row)]
        for ri, row in enumerate(rows)
    ]
    return [NamedGrid(path.name, grid)], notes


def trim(grid: list[list[Cell]]) -> list[list[Cell]]:
    """Drop trailing blank cells of each row (spreadsheets pad rows to the used range)."""
    out = []
    for row in grid:
        end = len(row)
        while end and is_blank(row[end - 1].value):
            end -= 1
        out.append(row[:end])
    return out
