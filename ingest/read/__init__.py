"""Stage 1: one reader per file format, chosen by the file's content. Each returns a
`Document` of grids and prose (or, for the transcription format, figures already typed in).

| format | reader |
|---|---|
| xlsx | `spreadsheet.read_xlsx` (streamed XML: only the cells the file holds) |
| xls, ods | `spreadsheet.read_calamine` |
| csv, tsv, txt | `text.read` (comma, semicolon, tab or pipe; UTF-8, UTF-16, cp1252) |
| html | `html.read` |
| pdf | `pdf.read` (text layer; OCR with tesseract for a scan) |
| docx | `docx.read` |
| csv or yaml with the transcription columns | `transcription.read` |
"""

from __future__ import annotations

from pathlib import Path

from ingest.read import docx, html, pdf, spreadsheet, text, transcription
from ingest.read.base import MAX_FILE_BYTES, Document, ReaderError, check_zip, cut_long_texts
from ingest.read.sniff import KIND_NAMES, first_control_byte, sniff_kind

FORMATS = ("xlsx", "xls", "ods", "csv", "html", "pdf", "docx", "transcription")
READABLE_KINDS = {"xlsx", "xls", "ods", "csv", "text", "html", "pdf", "docx", "yaml"}


def read_document(path: Path) -> Document:
    """The file's grids and prose (stage 1), or a ReaderError naming why it cannot be read."""
    doc = _read(path)
    cut_long_texts(doc)
    return doc


def _read(path: Path) -> Document:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ReaderError(f"file is {size / 2**20:.1f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit for one return", "",
                          "source_too_large")
    kind = sniff_kind(path)
    if kind == "empty":
        raise ReaderError("file is empty", "", "source_empty")
    if kind == "encrypted":
        raise ReaderError("the file is protected by a password; ask the force for an unprotected copy", "", "source_unreadable")
    if kind == "binary":  # say where, so a person can look (a CSV with one stray NUL byte)
        with open(path, "rb") as fh:
            where = first_control_byte(fh.read(4096))
        raise ReaderError(f"file is binary data, not a return this ingest can read: a control byte at {where}" if where else
                          "file is binary data, not a return this ingest can read", where.split(":")[0], "unknown_layout")
    if kind not in READABLE_KINDS:
        raise ReaderError(f"file is {KIND_NAMES.get(kind, kind)}, not a return this ingest can read", "", "unknown_layout")
    if kind in ("yaml", "csv", "text") and transcription.detect(path):
        return transcription.read(path)
    if kind == "yaml":
        raise ReaderError("YAML file is not a transcription file (no top-level 'figures:' list)", "", "unknown_layout")
    if kind in ("xlsx", "docx", "ods"):
        check_zip(path, {"xlsx": "workbook", "docx": "Word document", "ods": "OpenDocument spreadsheet"}[kind])
    if kind == "xlsx":
        return spreadsheet.read_xlsx(path)
    if kind in ("xls", "ods"):
        return spreadsheet.read_calamine(path, kind)
    if kind == "html":
        return html.read(path)
    if kind == "pdf":
        return pdf.read(path)
    if kind == "docx":
        return docx.read(path)
    return text.read(path)
