"""What a file is, by its content (the name only breaks ties between text formats).

Kinds: xlsx, xls, ods, docx, pdf, zip, csv, text, html, yaml, empty, binary, and
`encrypted` (a password-protected Office file, which is an OLE2 container holding an
EncryptedPackage stream), `doc` (old binary Word).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import IO

CSV_SUFFIXES = {".csv", ".txt", ".tsv", ".tab"}
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# What each kind is called in messages to people.
KIND_NAMES = {
    "xlsx": "an Excel workbook (.xlsx)", "xls": "an old Excel workbook (.xls)", "ods": "an OpenDocument spreadsheet (.ods)",
    "docx": "a Word document (.docx)", "pdf": "a PDF", "zip": "a zip archive", "csv": "a CSV file", "text": "a text file",
    "html": "a saved web page", "yaml": "a YAML file", "empty": "empty", "binary": "binary data",
    "encrypted": "a password-protected Office file", "doc": "an old Word document (.doc; save it as .docx or PDF)",
}


def _utf16le(name: str) -> bytes:
    return name.encode("utf-16-le")


def _ole_kind(data: bytes) -> str:
    if _utf16le("EncryptedPackage") in data or _utf16le("EncryptionInfo") in data:
        return "encrypted"
    if _utf16le("WordDocument") in data:
        # a workbook with a Word object embedded in it (the ONS construction tables carry their notice so)
        # holds a WordDocument stream too: it is a workbook when calamine opens it as one
        if _utf16le("Workbook") in data or _utf16le("Book") in data:
            try:
                import io

                from python_calamine import CalamineWorkbook

                if CalamineWorkbook.from_filelike(io.BytesIO(data)).sheet_names:
                    return "xls"
            except Exception:  # noqa: BLE001 - calamine raises its own kinds for what is no workbook
                pass
        return "doc"
    return "xls"


def zip_kind(source: Path | IO[bytes]) -> str:
    """xlsx, docx or ods for an Office zip; zip otherwise (or for a corrupt one)."""
    try:
        with zipfile.ZipFile(source) as zf:
            names = set(zf.namelist())
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names:
                info = zf.getinfo("mimetype")
                if info.file_size < 200 and b"opendocument.spreadsheet" in zf.read("mimetype"):
                    return "ods"
            return "zip"
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return "zip"


_SUFFIX_FOR_BAD_ZIP = {".xlsx": "xlsx", ".xlsm": "xlsx", ".docx": "docx", ".ods": "ods"}


def sniff_bytes(data: bytes, suffix: str) -> str:
    """The kind of a file from its bytes (all of them for zip and OLE2 files, else the head)."""
    suffix = suffix.lower()
    if not data:
        return "empty"
    head = data[:4096]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        kind = zip_kind(io.BytesIO(data))
        # a broken zip named like an Office file is that file, and is reported as corrupt
        return _SUFFIX_FOR_BAD_ZIP.get(suffix, kind) if kind == "zip" else kind
    if head.startswith(OLE2):
        return _ole_kind(data)
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(UTF16_BOMS):
        return "csv" if suffix in CSV_SUFFIXES or suffix == "" else "text"
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff").lstrip().lower()
    if text.startswith("<!doctype html") or text.startswith("<html") or "<table" in text or "<body" in text:
        return "html"
    if suffix in {".yml", ".yaml"}:
        return "yaml"
    # UTF-16 without a BOM: every other byte is zero in ASCII text (little-endian: the odd bytes;
    # big-endian: the even ones)
    if len(head) >= 8 and (head[1::2].count(0) > len(head) * 0.4 or head[0::2].count(0) > len(head) * 0.4):
        return "csv" if suffix in CSV_SUFFIXES else "text"
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    if ctrl > len(head) * 0.01:
        return "binary"
    return "csv" if suffix in CSV_SUFFIXES or b"," in head or b";" in head or b"\t" in head else "text"


def first_control_byte(data: bytes) -> str:
    """Where a file that reads as binary has its first control byte, as a place a person can find
    ("byte 57 (line 3): 0x00"); empty when there is none in the head."""
    head = data[:4096]
    at = next((i for i, b in enumerate(head) if b < 9 or 13 < b < 32), None)
    if at is None:
        return ""
    line = head[:at].count(b"\n") + 1
    return f"byte {at + 1} (line {line}): 0x{head[at]:02x}"


def sniff_kind(path: Path) -> str:
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", OLE2)):
        return sniff_bytes(path.read_bytes(), path.suffix)
    return sniff_bytes(head, path.suffix)
