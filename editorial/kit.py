"""The request kit for a new FOI round: the standard request text and a fillable xlsx return
template per force, which the ingest reads back exactly (tests/editorial/test_kit.py).

    python -m ingest kit --period-start 2024-04-01 --period-end 2025-03-31 --out kit/ [--force Kent]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ingest.vocabulary.reference import Area, reference

if TYPE_CHECKING:  # openpyxl is imported where a template is built: the dashboard's kit page reads the request text without it
    from openpyxl import Workbook

BANDS = ["11 and under", "12-15", "16 and over", "Unknown Age"]
GENDERS = ["Female", "Male", "Unknown"]
PLATFORMS = ["Snapchat", "Instagram", "WhatsApp", "Facebook", "Facebook Messenger", "Kik", "TikTok", "X (Twitter)",
             "Text message", "Discord", "Telegram", "Omegle", "Online gaming", "Other", "Not recorded"]
FILL_COLOUR = "FFF2CC"  # cells the force fills in


def _fill() -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill("solid", fgColor=FILL_COLOUR)

SHEET_TOTAL = "Q1 Total"
SHEET_AGE_GENDER = "Q2 Age and gender"
SHEET_YOUNGEST = "Q3 Youngest victim"
SHEET_PLATFORMS = "Q4 Platforms"


def nice_date(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def request_text(period_start: date, period_end: date) -> str:
    span = f"{nice_date(period_start)} and {nice_date(period_end)}"
    return f"""Freedom of Information request: sexual communication with a child

Under the Freedom of Information Act 2000, please provide the following for offences of sexual
communication with a child (section 15A Sexual Offences Act 2003; Home Office crime code 71/17)
recorded by your force between {span} inclusive.

1. The total number of offences recorded.
2. The number of offences by the age and gender of the victim, in these age bands:
   11 and under; 12-15; 16 and over; age unknown. Gender: female; male; unknown.
3. The age of the youngest victim.
4. For each offence where it was recorded, the means of communication used (for example
   Snapchat, Instagram, WhatsApp, Facebook, Facebook Messenger, Kik, TikTok, X/Twitter,
   text message). Where an offence involved more than one, please count it under each.
   Please also give the number of offences where the means was not recorded.

To make your answer quick to give and to compare, a return template is attached (xlsx, one sheet
per question). If your force withholds small numbers, please enter * in those cells and state your
threshold (for example "1-4") on the Instructions sheet; please do not enter 0 for a withheld number.
If any part would exceed the cost limit (section 12), please answer the other parts and say which
part was refused and why.

Thank you.
"""


def _instructions(wb: Workbook, force: Area | None, period_start: date, period_end: date) -> None:
    from openpyxl.styles import Font

    ws = wb.active
    assert ws is not None
    ws.title = "Instructions"
    lines = [
        ("Return template: sexual communication with a child (s.15A SOA 2003, HO code 71/17)", True),
        ("", False),
        (f"Force: {force.name if force else '(your force)'}", True),
        (f"Period: {nice_date(period_start)} to {nice_date(period_end)} inclusive", True),
        ("", False),
        ("Fill in the yellow cells on sheets Q1 to Q4. Do not add or remove rows or columns in the tables.", False),
        ("Enter numbers only. A zero is 0; leave no yellow cell empty.", False),
        ("Small numbers withheld: enter * (never 0) and give your threshold below.", False),
        ("A question refused (e.g. s.12 cost limit): enter the reason, e.g. 's.12 cost limit', in its cells.", False),
        ("Each sheet shows a check under its table once you have filled it in.", False),
        ("", False),
        ("Suppression threshold used for * (e.g. 1-4):", False),
    ]
    for i, (text, bold) in enumerate(lines, start=1):
        ws.cell(row=i, column=1, value=text).font = Font(bold=bold)
    ws.cell(row=len(lines), column=2).fill = _fill()
    ws.column_dimensions["A"].width = 95


def _lists(wb: Workbook) -> None:
    ws = wb.create_sheet("Lists")
    for col, values in enumerate((BANDS, GENDERS, PLATFORMS), start=1):
        for row, v in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=v)
    ws.sheet_state = "hidden"


def _validation(ws, column_letter: str, n: int, cells: str) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.worksheet.datavalidation import DataValidation

    dv = DataValidation(type="list", formula1=f"=Lists!${column_letter}$1:${column_letter}${n}", allow_blank=True)
    dv.error = "Choose a value from the list"
    ws.add_data_validation(dv)
    dv.add(cells)


def _single_answer(wb: Workbook, sheet: str, question: str, label: str, width: int) -> None:
    """A question answered by one figure: the label in A3, the yellow answer cell B3."""
    ws = wb.create_sheet(sheet)
    ws["A1"] = question
    ws["A3"] = label
    ws["B3"].fill = _fill()
    ws.column_dimensions["A"].width = width


def _age_gender(wb: Workbook) -> None:
    ws = wb.create_sheet(SHEET_AGE_GENDER)
    ws["A1"] = "Question 2: offences by age band and gender of the victim"
    ws.append([])
    ws.append(["Gender", *BANDS, "Total"])
    for g in GENDERS:
        ws.append([g])
    ws.append(["Total"])
    for r in range(4, 8):
        for c in range(2, 7):
            ws.cell(row=r, column=c).fill = _fill()
    ws["A9"] = ('=IF(COUNTA(B4:F7)<20,"Check: fill every yellow cell",IF(COUNTIF(B4:F7,"*")>0,'
                '"Check: some cells are withheld (*); totals cannot be checked",IF(AND(SUM(B4:E6)=F7,SUM(F4:F6)=F7,'
                'SUM(B7:E7)=F7),"Check: rows and columns add up to the total","Check: the totals do not add up")))')
    _validation(ws, "A", len(BANDS), "B3:E3")
    _validation(ws, "B", len(GENDERS), "A4:A6")
    ws.column_dimensions["A"].width = 14


def _platforms(wb: Workbook) -> None:
    ws = wb.create_sheet(SHEET_PLATFORMS)
    ws["A1"] = "Question 4: means of communication, where recorded (an offence may count under several)"
    ws.append([])
    ws.append(["Platform", "Number of offences"])
    for p in PLATFORMS:
        ws.append([p])
        ws.cell(row=ws.max_row, column=2).fill = _fill()
    _validation(ws, "C", len(PLATFORMS), f"A4:A{3 + len(PLATFORMS) + 10}")  # ten spare rows for other apps
    ws.column_dimensions["A"].width = 22


def build_template(path: Path, force: Area | None, period_start: date, period_end: date) -> None:
    """The return template: one sheet per question, read back by the crosstab reader."""
    from openpyxl import Workbook

    wb = Workbook()
    _instructions(wb, force, period_start, period_end)
    _single_answer(wb, SHEET_TOTAL, "Question 1: total offences of sexual communication with a child recorded in the period",
                   "Total offences recorded", 45)
    _age_gender(wb)
    _single_answer(wb, SHEET_YOUNGEST, "Question 3: the youngest victim", "Youngest victim age (years)", 35)
    _platforms(wb)
    _lists(wb)
    wb.save(path)


SUPPRESSION_CELL = ("Instructions", "B12")


def template_suppression(data: bytes) -> str | None:
    """The threshold a force wrote on a filled template's Instructions sheet ("1-4"), if any."""
    import io

    from openpyxl import load_workbook

    from ingest.vocabulary.values import parse_suppression_rule

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet, cell = SUPPRESSION_CELL
        value = wb[sheet][cell].value if sheet in wb.sheetnames else None
    except Exception:  # not a template, or not readable: the ingest will say why
        return None
    if value is None:
        return None
    try:
        parse_suppression_rule(str(value))
    except ValueError:
        return None
    return str(value).strip()


def template_details(data: bytes) -> tuple[Area, date, date] | None:
    """The force and period a kit template was made for (Instructions!A3 and A4), or None
    when the file is not one of our templates."""
    import io

    from openpyxl import load_workbook

    from ingest.vocabulary.periods import parse_period

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        if "Instructions" not in wb.sheetnames:
            return None
        ws = wb["Instructions"]
        force_line, period_line = str(ws["A3"].value or ""), str(ws["A4"].value or "")
    except Exception:  # not a workbook we can open: not a template
        return None
    if not (force_line.startswith("Force: ") and period_line.startswith("Period: ")):
        return None
    area = reference().find_area(force_line.removeprefix("Force: "))
    period = parse_period(period_line.removeprefix("Period: ").removesuffix(" inclusive"))
    if area is None or period is None:
        return None
    return area, period[0], period[1]


def force_areas(codes: list[str]) -> list[Area]:
    """The areas of these codes, for build_kit (the Request kit page knows forces by code)."""
    ref = reference()
    return [ref.areas[c] for c in codes]


def build_kit(out: Path, period_start: date, period_end: date, forces: list[Area]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "request.txt"]
    written[0].write_text(request_text(period_start, period_end), encoding="utf-8")
    for f in forces:
        slug = "".join(ch if ch.isalnum() else "-" for ch in f.name.lower()).strip("-")
        path = out / f"return-{slug}-{period_start:%Y%m%d}-{period_end:%Y%m%d}.xlsx"
        build_template(path, f, period_start, period_end)
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m ingest kit", description="Write the FOI request text and return templates for a round.")
    p.add_argument("--period-start", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    p.add_argument("--period-end", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    p.add_argument("--out", required=True, type=Path, help="folder for request.txt and the templates")
    p.add_argument("--force", action="append", default=[], help="a force (any common name); repeat; default all of England and Wales")
    args = p.parse_args(argv)
    if args.period_end < args.period_start:
        p.error("--period-end is before --period-start")
    ref = reference()
    forces: list[Area] = []
    for name in args.force:
        area = ref.find_area(name)
        if area is None or area.area_type != "force":
            near = ", ".join(ref.nearest_area_names(name))
            p.error(f"unknown force {name!r}" + (f"; nearest known: {near}" if near else ""))
        forces.append(area)
    if not forces:
        forces = [a for a in ref.forces() if a.code[:1] in ("E", "W")]
    written = build_kit(args.out, args.period_start, args.period_end, forces)
    print(f"wrote {len(written)} files to {args.out}", file=sys.stderr)
    return 0

