"""Answers with the quirks real letters have (issue 18), each with the figures it must read back.

Each quirk is a generator: from a random seed it writes one answer (figures, label spellings and,
where the quirk is a table, the file format drawn at random) and says what the ingest must give
(`want`), and whether the answer must come out *needs review* (a figure no reader can know, such as
a formula a workbook never saved the value of). `tools/measure_quirks.py` reads a corpus of them and
prints the share of figures read right and how many answers were called `ok` with a wrong figure;
tests/ingest/test_quirks.py holds the ingest to 95% and none. Every figure here is invented.

Quirks that are layouts of the fuzzer (row groups, a page printed turned, a monthly table in two
halves) come from synthetic/layouts.py; the others are written here.
"""

from __future__ import annotations

import io
import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from synthetic.layouts import (
    SUFFIX,
    WRITERS,
    Key,
    Layout,
    Rows,
    expected,
    random_layout,
    random_truth,
    sheet_rows,
    variant,
)

Want = dict[Key, tuple[str, float | None]]  # (status, value) of each figure the answer must give
TABLE_FORMATS = ("xlsx", "xls", "ods", "csv", "html", "pdf_ruled", "pdf_plain", "docx")
YML = 'force: Kent\nreference: "QUIRK {kind}"\nreceived: 2024-06-01\nperiod_start: {start}\nperiod_end: {end}\n'
FY = [("2022/23", "2022-04-01", "2023-03-31"), ("2023/24", "2023-04-01", "2024-03-31")]
ASKED = ("2022-04-01", "2024-03-31")
LETTERHEAD = ["SYNTHETIC TEST CONSTABULARY", "Freedom of Information request: sexual communication with a child"]


@dataclass
class Quirk:
    kind: str
    files: dict[str, bytes]
    want: Want
    review: bool = False  # the answer must need review (and still give every figure of `want` right)
    period: tuple[str, str] = ASKED
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def yml(self) -> str:
        return YML.format(kind=self.kind, start=self.period[0], end=self.period[1])


def _sheets_file(sheets: list[tuple[str, Rows]], fmt: str) -> dict[str, bytes]:
    """Sheets of rows in a format drawn by the quirk: a workbook's sheets, one after another in the others."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"answer.{SUFFIX[fmt]}"
        WRITERS[fmt](sheets, path, Layout(fmt, merged_header=False))
        return {path.name: path.read_bytes()}


def _table_file(rows: Rows, fmt: str) -> dict[str, bytes]:
    """One sheet of rows."""
    return _sheets_file([("Answer", rows)], fmt)


def _letter(rows: Rows, title: str) -> Rows:
    return [[LETTERHEAD[0]], [LETTERHEAD[1]], [], [title]] + rows


def _fmt(rng: random.Random, formats: tuple[str, ...] = TABLE_FORMATS) -> str:
    return rng.choice(formats)


def _n(rng: random.Random, lo: int = 5, hi: int = 90) -> int:
    return rng.randint(lo, hi)


def _prose_letter(paragraphs: list[str], rng: random.Random, bullets: set[int] | None = None) -> dict[str, bytes]:
    """A letter of paragraphs, as Word or as a PDF (most answers arrive as PDF letters); `bullets`: the
    paragraphs set as a bulleted list."""
    if rng.random() < 0.5:
        import docx

        d = docx.Document()
        for i, text in enumerate(paragraphs):
            d.add_paragraph(text, style="List Bullet" if i in (bullets or set()) else None)
        buf = io.BytesIO()
        d.save(buf)
        return {"letter.docx": buf.getvalue()}
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(
        [Paragraph(("\u2022 " if i in (bullets or set()) else "") + text, styles["Normal"]) for i, text in enumerate(paragraphs)])
    return {"letter.pdf": buf.getvalue()}


# --- the quirks -----------------------------------------------------------------------------------

def marked_numbers(rng: random.Random) -> Quirk:
    """Figures with footnote and revision marks set against them, thousands separators."""
    marks = ["¹", "²", "*", "^", "^**", " R", " (r)", "†", " [note 1]"]
    rows: Rows = [["Victim gender", "2022/23", "2023/24"]]
    want: Want = {}
    for g, code in (("Female", "female"), ("Male", "male")):
        row: list[Any] = [g]
        for _fy, start, end in FY:
            n = _n(rng, 1000, 4000) if rng.random() < 0.3 else _n(rng)
            printed = f"{n:,}" + (rng.choice(marks) if rng.random() < 0.7 else "")
            row.append(printed)
            want[("gender", "", code, "", start, end)] = ("reported", float(n))
        rows.append(row)
    notes: Rows = [[], ["¹ ² Revised since first published. R: revised. ^ Provisional. † Includes transferred crimes."]]
    return Quirk("marked_numbers", _table_file(_letter(rows, "Offences of sexual communication with a child by victim gender") + notes,
                                               _fmt(rng)), want)


def single_ages_as_numbers(rng: random.Random) -> Quirk:
    """A header row of single ages stored as numbers (13, 14, 15): column headings, not a row of figures."""
    ages = list(range(rng.choice((11, 12, 13)), 18))
    rows: Rows = [["Victim gender"] + ages]
    want: Want = {}
    for g, code in (("Female", "female"), ("Male", "male")):
        counts = [_n(rng, 0, 40) for _ in ages]
        rows.append([g] + counts)
        for a, n in zip(ages, counts, strict=True):
            want[("age_gender", str(a), code, "", *ASKED)] = ("reported", float(n))
    return Quirk("single_ages_as_numbers", _table_file(_letter(rows, "Sexual communication with a child: victims by age and gender"),
                                                       _fmt(rng)), want)


def derived_columns(rng: random.Random) -> Quirk:
    """A change and a percentage change beside the years: computed columns, skipped."""
    rows: Rows = [["Victim gender", "2022/23", "2023/24", "% change", "Numeric change between 2022/23 and 2023/24"]]
    want: Want = {}
    for g, code in (("Female", "female"), ("Male", "male")):
        a, b = _n(rng, 10), _n(rng, 10)
        rows.append([g, a, b, f"{(b - a) / a:.0%}", b - a])
        want[("gender", "", code, "", *FY[0][1:])] = ("reported", float(a))
        want[("gender", "", code, "", *FY[1][1:])] = ("reported", float(b))
    return Quirk("derived_columns", _table_file(_letter(rows, "Offences of sexual communication with a child"), _fmt(rng)), want)


def hidden_superseded_rows(rng: random.Random) -> Quirk:
    """A workbook with superseded figures in a hidden row, a hidden column and a hidden sheet."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Answer"
    female, male, female2, male2 = _n(rng), _n(rng), _n(rng), _n(rng)
    # the hidden row sits between the header and the rows below it: closed up, it must not part them
    for row in [[LETTERHEAD[0]], ["Victim gender", "2022/23", "Draft", "2023/24"], ["Female", female, female * 10, female2],
                ["Female", female + 1, None, female2 + 1], ["Male", male, male * 10, male2],
                ["Total", female + male, (female + male) * 10, female2 + male2]]:
        ws.append(row)
    ws.row_dimensions[4].hidden = True
    ws.column_dimensions["C"].hidden = True
    old = wb.create_sheet("Draft")
    old.append(["Victim gender", "Offences"])
    old.append(["Female", 999])
    old.sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    want: Want = {}
    for (_, start, end), (f, m) in zip(FY, ((female, male), (female2, male2)), strict=True):
        want |= {("gender", "", "female", "", start, end): ("reported", float(f)), ("gender", "", "male", "", start, end): ("reported", float(m)),
                 ("total", "", "", "", start, end): ("reported", float(f + m))}
    return Quirk("hidden_superseded_rows", {"answer.xlsx": buf.getvalue()}, want)


def pivot_export(rng: random.Random) -> Quirk:
    """A pivot table pasted as values: a filter above, '(blank)' platforms, a Grand Total."""
    names = [("Snapchat", "Snapchat"), ("Instagram", "Instagram"), ("WhatsApp", "WhatsApp"), ("(blank)", "unknown")]
    rng.shuffle(names)
    counts = [_n(rng, 1) for _ in names]
    rows: Rows = [["Offence", "Sexual communication with a child"], [], ["Row Labels", "Count of Crime Reference"]]
    rows += [[label, n] for (label, _), n in zip(names, counts, strict=True)] + [["Grand Total", sum(counts)]]
    want: Want = {("platform", "", "", code, *ASKED): ("reported", float(n)) for (_, code), n in zip(names, counts, strict=True)}
    want[("total", "", "", "", *ASKED)] = ("reported", float(sum(counts)))
    return Quirk("pivot_export", _table_file(rows, _fmt(rng, ("xlsx", "xls", "ods", "csv"))), want)


def platform_spellings(rng: random.Random) -> Quirk:
    """One platform written several ways in one table: one platform, its parts summed."""
    snap = rng.sample(["Snapchat", "Snap chat", "SnapChat (app)", "SNAPCHAT"], 2)
    a, b, insta = _n(rng), _n(rng), _n(rng)
    b = b if b != a else a + 1  # one value under both names is a doubt (the figure twice, or two parts?), not this quirk
    rows: Rows = [["Platform used", "Number of offences"], [snap[0], a], ["Instagram", insta], [snap[1], b]]
    want: Want = {("platform", "", "", "Snapchat", *ASKED): ("reported", float(a + b)),
                  ("platform", "", "", "Instagram", *ASKED): ("reported", float(insta))}
    return Quirk("platform_spellings", _table_file(_letter(rows, "Sexual communication with a child: platform used"), _fmt(rng)), want)


def long_csv(rng: random.Random) -> Quirk:
    """One line per year x age x gender with a count column, 'All' lines first."""
    lines = ["Year,Age,Gender,Count"]
    want: Want = {}
    for fy, start, end in FY:
        cells = {(age, g): _n(rng, 1, 30) for age in ("12-15", "16-17") for g in ("Female", "Male")}
        lines.append(f"{fy},All,All,{sum(cells.values())}")
        want[("total", "", "", "", start, end)] = ("reported", float(sum(cells.values())))
        for (age, g), n in cells.items():
            lines.append(f"{fy},{age},{g},{n}")
            want[("age_gender", age, g.lower(), "", start, end)] = ("reported", float(n))
    return Quirk("long_csv", {"answer.csv": ("\r\n".join(lines) + "\r\n").encode()}, want)


def nested_word_tables(rng: random.Random) -> Quirk:
    """A Request / Response table whose Response cell holds the figures' table."""
    import docx

    d = docx.Document()
    d.add_paragraph(LETTERHEAD[0])
    outer = d.add_table(rows=2, cols=2)
    outer.cell(0, 0).text, outer.cell(0, 1).text = "Request", "Response"
    outer.cell(1, 0).text = "How many offences of sexual communication with a child were recorded, by victim gender?"
    cell = outer.cell(1, 1)
    cell.text = "Please see the table below."
    inner = cell.add_table(rows=3, cols=3)
    want: Want = {}
    for c, (fy, _, _) in enumerate(FY, start=1):
        inner.cell(0, c).text = fy
    inner.cell(0, 0).text = "Victim gender"
    for r, (g, code) in enumerate((("Female", "female"), ("Male", "male")), start=1):
        inner.cell(r, 0).text = g
        for c, (_, start, end) in enumerate(FY, start=1):
            n = _n(rng)
            inner.cell(r, c).text = str(n)
            want[("gender", "", code, "", start, end)] = ("reported", float(n))
    buf = io.BytesIO()
    d.save(buf)
    return Quirk("nested_word_tables", {"answer.docx": buf.getvalue()}, want)


def bilingual_labels(rng: random.Random) -> Quirk:
    """Welsh and English side by side in each label."""
    female, male = _n(rng), _n(rng)
    rows: Rows = [["Rhyw / Gender", "Nifer / Number"], ["Benyw / Female", female], ["Gwryw / Male", male],
                  ["Cyfanswm / Total", female + male]]
    want: Want = {("gender", "", "female", "", *ASKED): ("reported", float(female)),
                  ("gender", "", "male", "", *ASKED): ("reported", float(male)),
                  ("total", "", "", "", *ASKED): ("reported", float(female + male))}
    return Quirk("bilingual_labels", _table_file(_letter(rows, "Cyfathrebu rhywiol gyda phlentyn / Sexual communication with a child"),
                                                 _fmt(rng)), want)


def part_year_in_a_footnote(rng: random.Random) -> Quirk:
    """Calendar years, the last a part year said in a footnote ('2024*' and '* 2024: 1 January to 31 May')."""
    counts = [_n(rng, 20) for _ in range(3)]
    rows: Rows = [["Offences", "2022", "2023", "2024*"], ["Sexual communication with a child", *counts], [],
                  ["Figures are for calendar years."], ["* 2024: 1 January to 31 May 2024"]]
    want: Want = {("total", "", "", "", "2022-01-01", "2022-12-31"): ("reported", float(counts[0])),
                  ("total", "", "", "", "2023-01-01", "2023-12-31"): ("reported", float(counts[1])),
                  ("total", "", "", "", "2024-01-01", "2024-05-31"): ("reported", float(counts[2]))}
    return Quirk("part_year_in_a_footnote", _table_file(_letter(rows, "Recorded offences by calendar year"),
                                                        _fmt(rng, ("xlsx", "ods", "csv", "html", "docx"))), want,
                 period=("2022-01-01", "2024-05-31"))


WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


def nil_return_in_words(rng: random.Random) -> Quirk:
    """'No offences were recorded in 2022/23 and one offence in 2023/24', details withheld."""
    n = rng.choice(list(WORDS))
    files = _prose_letter([LETTERHEAD[0], "Dear Requester,", "Thank you for your request about sexual communication with a child.",
                           f"No offences were recorded in 2022/23 and {WORDS[n]} offence{'s were' if n > 1 else ' was'} recorded "
                           "in 2023/24.",
                           "The details (the age and gender of the victim, the platform used) are withheld under section 40(2).",
                           "Yours sincerely"], rng)
    want: Want = {("total", "", "", "", *FY[0][1:]): ("reported", 0.0), ("total", "", "", "", *FY[1][1:]): ("reported", float(n)),
                  ("age_gender", "", "", "", *ASKED): ("withheld", None), ("platform", "", "", "", *ASKED): ("withheld", None)}
    return Quirk("nil_return_in_words", files, want, note=next(iter(files)))


TWO_YEARS_IN_A_SENTENCE = [
    "Between 1 April 2022 and 31 March 2023 there were {a} crimes recorded, and between 1 April 2023 and 31 March 2024 there were {b}.",
    "In 2022/23, {a} offences were recorded. In 2023/24 the figure was {b}.",
    "{a} offences were recorded in 2022/23, compared with {b} in 2023/24.",
    "{a} and {b} offences were recorded in 2022/23 and 2023/24 respectively.",
    "The force recorded {a} offences in 2022/23 and {b} in 2023/24.",
    "In 2022/23 there were {a} offences of sexual communication with a child and in 2023/24 there were {b}.",
]


def counts_for_two_years_in_a_sentence(rng: random.Random) -> Quirk:
    """Two years' counts in one sentence, the second leaving out what it counts or paired by order
    ("... compared with 58 in 2023/24", "54 and 58 ... respectively"): the second was lost without a
    word, or the first taken for both years. A refusal may share the paragraph (a PDF runs them into one
    line). One in five is written so it cannot be paired ("In 2022/23 and 2023/24 there were 54 and 58
    offences"): it must need review, never give one figure for both years."""
    a, b = _n(rng), _n(rng)
    unpaired = rng.random() < 0.2
    said = "In 2022/23 and 2023/24 there were {a} and {b} offences." if unpaired else rng.choice(TWO_YEARS_IN_A_SENTENCE)
    files = _prose_letter([LETTERHEAD[0], "Dear Requester,", "Thank you for your request about sexual communication with a child.",
                           said.format(a=a, b=b), "We do not record the platform used in a searchable field; to find it would exceed "
                           "the cost limit (section 12).", "Yours sincerely"], rng)
    want: Want = {("platform", "", "", "", *ASKED): ("refused", None)}
    if not unpaired:
        want |= {("total", "", "", "", *FY[0][1:]): ("reported", float(a)), ("total", "", "", "", *FY[1][1:]): ("reported", float(b))}
    return Quirk("counts_for_two_years_in_a_sentence", files, want, review=unpaired, note=said[:40])


TOTAL_PHRASINGS = ["The total number of offences recorded for the period requested is {n}.",
                   "We have identified {n} crimes that fall within the scope of your request.",
                   "Our records show {n} recorded offences of sexual communication with a child.",
                   "For the period requested, {n} offences of sexual communication with a child were recorded.",
                   "The force recorded {n} offences, involving {v} victims.", "Number of offences: {n}"]


def a_total_in_a_sentence(rng: random.Random) -> Quirk:
    """The span's total said in a sentence as letters say it ("We have identified 54 crimes that fall
    within the scope of your request"), the breakdowns refused: only two phrasings were read."""
    n = _n(rng, 5, 400)
    said = rng.choice(TOTAL_PHRASINGS).format(n=f"{n:,}", v=max(n - rng.randint(0, 4), 1))
    files = _prose_letter([LETTERHEAD[0], "Dear Requester,", "Thank you for your request about sexual communication with a child, "
                           "from 1 April 2022 to 31 March 2024.", said, "To find the age and gender of the victims would exceed the cost "
                           "limit (section 12).", "Yours sincerely"], rng)
    want: Want = {("total", "", "", "", *ASKED): ("reported", float(n)), ("age_gender", "", "", "", *ASKED): ("refused", None)}
    return Quirk("a_total_in_a_sentence", files, want, note=said[:40])


QUESTION_FORMS = [
    ("{i}. How many offences of sexual communication with a child were recorded in {fy}?", "{n}"),
    ("Question {i}: How many offences were recorded in {fy}?", "Answer: {n}"),
    ("Q{i}. Please state the number of s.15A offences recorded in {fy}.", "A{i}. {n}"),
    ("You asked: the number of crimes of sexual communication with a child recorded in {fy}.", "Response: {n} offences."),
]


def questions_and_answers(rng: random.Random) -> Quirk:
    """A letter repeating each question, its answer a number alone ("1. How many offences ... in
    2022/23?" / "54"; "Q2. ..." / "A2. 58"): read as nothing at all. One in four also answers a
    question about part of the offences ("How many of the victims were under 13 in 2022/23?"): that
    answer is no total and the letter needs review."""
    ask, answer = rng.choice(QUESTION_FORMS)
    lines = [LETTERHEAD[0], "Dear Requester,", "Thank you for your request about sexual communication with a child."]
    want: Want = {}
    for i, (fy, start, end) in enumerate(FY, start=1):
        n = _n(rng, 0, 90)
        lines += [ask.format(i=i, fy=fy), answer.format(i=i, n=n)]
        want[("total", "", "", "", start, end)] = ("reported", float(n))
    part = rng.random() < 0.25
    if part:
        lines += [f"3. How many of the victims were under 13 in {FY[0][0]}?", str(_n(rng, 0, 9))]
    return Quirk("questions_and_answers", _prose_letter(lines + ["Yours sincerely"], rng), want, review=part, note=ask[:30])


def several_offences(rng: random.Random) -> Quirk:
    """Tables of one shape for several offences: only the s.15A one is filed."""
    tables: list[Rows] = []
    want: Want = {}
    for title, ours in [("Table 1: Sexual communication with a child (section 15A), by victim gender", True),
                        ("Table 2: Meeting a child following sexual grooming (section 15), by victim gender", False),
                        ("Table 3: Causing a child to watch a sexual act (section 12), by victim gender", False)]:
        female, male = _n(rng), _n(rng)
        tables.append([[title], ["Victim gender", "Offences"], ["Female", female], ["Male", male], []])
        if ours:
            want[("gender", "", "female", "", *ASKED)] = ("reported", float(female))
            want[("gender", "", "male", "", *ASKED)] = ("reported", float(male))
    rng.shuffle(tables)
    rows: Rows = [[LETTERHEAD[0]], []] + [r for t in tables for r in t]
    return Quirk("several_offences", _table_file(rows, _fmt(rng)), want)


OFFENCE_NAMES = [("Sexual communication with a child (s.15A)", "71/17", True), ("Meeting a child following sexual grooming (s.15)", "88/1", False),
                 ("Causing a child to watch a sexual act (s.12)", "22/23", False), ("Sexual grooming", "88A", False)]


def several_offences_one_table(rng: random.Random) -> Quirk:
    """One table for several offences, each a column named with its section ("... grooming (s.15)"), or
    each a row with its Home Office code in a column of its own ("71/17 | Sexual communication with a
    child"): only the s.15A column or row is filed; a section number or code is no category."""
    offences = [OFFENCE_NAMES[0], *rng.sample(OFFENCE_NAMES[1:], 2)]
    rng.shuffle(offences)
    want: Want = {}
    counts = {name: [_n(rng, 1, 90) for _ in FY] for name, _, _ in offences}
    for name, _, ours in offences:
        if ours:
            want |= {("total", "", "", "", start, end): ("reported", float(n)) for (_fy, start, end), n in zip(FY, counts[name], strict=True)}
    across = rng.random() < 0.5
    if across:
        rows: Rows = [["Financial year", *(name for name, _, _ in offences)]]
        rows += [[fy, *(counts[name][i] for name, _, _ in offences)] for i, (fy, _, _) in enumerate(FY)]
    else:
        rows = [["Home Office code", "Offence", *(fy for fy, _, _ in FY)]]
        rows += [[code, name.split(" (")[0], *counts[name]] for name, code, _ in offences]
    # (names this long across an unruled PDF's columns run into each other as this writer sets them: not drawn so)
    formats = tuple(f for f in TABLE_FORMATS if f != "pdf_plain") if across else TABLE_FORMATS
    return Quirk("several_offences_one_table", _table_file(_letter(rows, "Offences recorded"), _fmt(rng, formats)), want)


def two_level_headings(rng: random.Random) -> Quirk:
    """'Victim Gender' over Female and Male beside 'Victim Age' over the bands, unknowns spelt out."""
    unknown_age = rng.choice(["Victim's age not recorded", "Age unknown", "Not recorded"])
    unknown_gender = rng.choice(["Unknown - not recorded", "Gender not recorded", "Not known"])
    g = [_n(rng) for _ in range(3)]
    a = [_n(rng) for _ in range(3)]
    rows: Rows = [[None, "Victim Gender", None, None, "Victim Age", None, None],
                  ["Measure", "Female", "Male", unknown_gender, "Under 13", "13-17", unknown_age], ["Offences", *g, *a]]
    want: Want = {("gender", "", code, "", *ASKED): ("reported", float(n)) for code, n in zip(("female", "male", "unknown"), g, strict=True)}
    want |= {("age", band, "", "", *ASKED): ("reported", float(n)) for band, n in zip(("0-12", "13-17", "unknown"), a, strict=True)}
    return Quirk("two_level_headings", _table_file(_letter(rows, "Offences by age and gender of victim"),
                                                   _fmt(rng, ("xlsx", "ods", "csv", "html"))), want)


def formula_without_a_saved_value(rng: random.Random) -> Quirk:
    """A total written as a formula whose value the workbook never saved: never 'not provided';
    the answer needs review, its other figures are read."""
    from synthetic.hostile import _inline, _sheet, xlsx

    female, male = _n(rng), _n(rng)
    rows = (f'<row r="1">{_inline("A1", "Victim gender")}{_inline("B1", "Offences")}</row>'
            f'<row r="2">{_inline("A2", "Female")}<c r="B2"><v>{female}</v></c></row>'
            f'<row r="3">{_inline("A3", "Male")}<c r="B3"><v>{male}</v></c></row>'
            f'<row r="4">{_inline("A4", "Total")}<c r="B4"><f>SUM(B2:B3)</f></c></row>')
    want: Want = {("gender", "", "female", "", *ASKED): ("reported", float(female)),
                  ("gender", "", "male", "", *ASKED): ("reported", float(male))}
    return Quirk("formula_without_a_saved_value", {"answer.xlsx": xlsx(_sheet(rows))}, want, review=True)


PERIOD_SPELLINGS = ["FY{a:02d}/{b:02d}", "{y}-{b:02d}", "April {y} to March {y1}", "Apr {y} - Mar {y1}", "{y}/{y1}", "Apr{a:02d}-Mar{b:02d}",
                    "1 April {y} - 31 March {y1}", "Financial year {y}/{b:02d}", "{y}/{b:02d} (provisional)", "Year ending March {y1}",
                    "12 months to March {y1}", "{y}/{y1} financial year"]


def period_spellings(rng: random.Random) -> Quirk:
    """Financial years spelt as forces spell them ('FY22/23', 'April 2022 to March 2023', 'Apr22-Mar23')."""
    spelling = rng.choice(PERIOD_SPELLINGS)
    years = [2021, 2022, 2023]
    heads = [spelling.format(y=y, y1=y + 1, a=y % 100, b=(y + 1) % 100) for y in years]
    counts = [_n(rng, 10) for _ in years]
    rows: Rows = [["Recorded offences", *heads], ["Sexual communication with a child", *counts]]
    want: Want = {("total", "", "", "", f"{y}-04-01", f"{y + 1}-03-31"): ("reported", float(n)) for y, n in zip(years, counts, strict=True)}
    return Quirk("period_spellings", _table_file(_letter(rows, "Offences recorded by financial year"), _fmt(rng)), want,
                 period=("2021-04-01", "2024-03-31"), note=spelling)


SUPPRESSION_MARKS = ["*", "<5", "1-4", "~", "[c]", "c", "**", "Less than 5", "redacted", "≤4", "4 or fewer"]


def a_part_year_said_in_its_label(rng: random.Random) -> Quirk:
    """The latest year cut short, said in its own label ("2024/25 (to 30 September 2024)", "2024/25
    (April to September)"): that part, never the whole year; one whose end is not said ("2024/25
    YTD") is no period (review), never the whole year."""
    cut = rng.choice(["{y}/{b:02d} (to 30 September {y})", "{y}/{b:02d} (to 30 Sept)", "{y}/{b:02d} (April to September)", "{y}/{b:02d} YTD"])
    years = [2022, 2023, 2024]
    heads = [f"{y}/{(y + 1) % 100:02d}" for y in years[:-1]] + [cut.format(y=years[-1], b=(years[-1] + 1) % 100)]
    counts = [_n(rng, 10) for _ in years]
    rows: Rows = [["Recorded offences", *heads], ["Sexual communication with a child", *counts]]
    want: Want = {("total", "", "", "", f"{y}-04-01", f"{y + 1}-03-31"): ("reported", float(n)) for y, n in zip(years[:-1], counts, strict=False)}
    unsaid = "YTD" in cut
    if not unsaid:
        want[("total", "", "", "", f"{years[-1]}-04-01", f"{years[-1]}-09-30")] = ("reported", float(counts[-1]))
    return Quirk("a_part_year_said_in_its_label", _table_file(_letter(rows, "Offences recorded by financial year"), _fmt(rng)), want,
                 review=unsaid, period=("2022-04-01", "2024-09-30"), note=cut)


def suppression_marks(rng: random.Random) -> Quirk:
    """Small numbers withheld with the mark a force uses ('<5', '1-4', '[c]', '~'), never read as a number."""
    mark = rng.choice(SUPPRESSION_MARKS)
    rows: Rows = [["Platform", "Number of offences"]]
    want: Want = {}
    for label, code in (("Snapchat", "Snapchat"), ("Instagram", "Instagram"), ("WhatsApp", "WhatsApp"), ("TikTok", "TikTok")):
        if rng.random() < 0.4:
            rows.append([label, mark])
            want[("platform", "", "", code, *ASKED)] = ("suppressed", None)
        else:
            n = _n(rng, 5)
            rows.append([label, n])
            want[("platform", "", "", code, *ASKED)] = ("reported", float(n))
    notes: Rows = [[], [f"{mark} denotes a number between 1 and 4, withheld to protect the identity of victims."]]
    return Quirk("suppression_marks", _table_file(_letter(rows, "Means of communication") + notes, _fmt(rng)), want, note=mark)


def short_labels_years_down(rng: random.Random) -> Quirk:
    """Years down the rows, genders across as letters (F, M, U), a count and a share of each year."""
    rows: Rows = [["Year", "F", "M", "U", "Total"]]
    want: Want = {}
    for fy, start, end in FY:
        counts = [_n(rng, 1) for _ in range(3)]
        rows.append([fy, *counts, sum(counts)])
        for code, n in zip(("female", "male", "unknown"), counts, strict=True):
            want[("gender", "", code, "", start, end)] = ("reported", float(n))
        want[("total", "", "", "", start, end)] = ("reported", float(sum(counts)))
    notes: Rows = [[], ["F: female; M: male; U: not recorded."]]
    return Quirk("short_labels_years_down", _table_file(_letter(rows, "Victims of sexual communication with a child by gender") + notes,
                                                        _fmt(rng)), want)


AGE_SPELLINGS = [("Under 13", "0-12"), ("13 to 15", "13-15"), ("16 and 17", "16-17"), ("Age not known", "unknown")]


def age_words_with_counts_and_shares(rng: random.Random) -> Quirk:
    """Age bands in words, a count column and a percentage column beside it."""
    counts = [_n(rng, 1) for _ in AGE_SPELLINGS]
    total = sum(counts)
    rows: Rows = [["Age of victim", "Number", "%"]]
    rows += [[label, n, f"{100 * n / total:.1f}%"] for (label, _), n in zip(AGE_SPELLINGS, counts, strict=True)]
    rows.append(["Total", total, "100%"])
    want: Want = {("age", band, "", "", *ASKED): ("reported", float(n)) for (_, band), n in zip(AGE_SPELLINGS, counts, strict=True)}
    want[("total", "", "", "", *ASKED)] = ("reported", float(total))
    return Quirk("age_words_with_counts_and_shares", _table_file(_letter(rows, "Victims by age"), _fmt(rng)), want)


def zeros_in_words_and_quarters(rng: random.Random) -> Quirk:
    """Quarters of a financial year across ('Q1 2023/24', 'Apr-Jun 2023'), 'Nil' for a quarter with none."""
    style = rng.choice(["Q{q} 2023/24", "Quarter {q} 2023-24", "{m} {y}"])
    months = [("Apr-Jun", 2023), ("Jul-Sep", 2023), ("Oct-Dec", 2023), ("Jan-Mar", 2024)]
    heads = [style.format(q=q + 1, m=m, y=y) for q, (m, y) in enumerate(months)]
    word = rng.choice(["Nil", "None", "nil", "Zero"])
    counts: list[Any] = [_n(rng, 1, 9) for _ in heads]
    counts[rng.randrange(4)] = word
    rows: Rows = [["Offences", *heads], ["Sexual communication with a child", *counts]]
    ends = [("2023-04-01", "2023-06-30"), ("2023-07-01", "2023-09-30"), ("2023-10-01", "2023-12-31"), ("2024-01-01", "2024-03-31")]
    want: Want = {("total", "", "", "", a, b): ("reported", 0.0 if n == word else float(n)) for (a, b), n in zip(ends, counts, strict=True)}
    return Quirk("zeros_in_words_and_quarters", _table_file(_letter(rows, "Offences recorded by quarter, 2023/24"), _fmt(rng)), want,
                 period=("2023-04-01", "2024-03-31"), note=f"{style} {word}")


MONTH_NAMES = ["April", "May", "June", "July", "August", "September", "October", "November", "December", "January", "February", "March"]


def months_down_with_a_year_column(rng: random.Random) -> Quirk:
    """One line a month, the year in a column of its own ('2023 | April | 5'), as a database export prints it."""
    rows: Rows = [["Year", "Month", "Number of offences"]]
    want: Want = {}
    import calendar

    for i, month in enumerate(MONTH_NAMES):
        year = 2023 + (i >= 9)
        n = _n(rng, 0, 12)
        rows.append([year, month, n])
        m = i + 4 if i < 9 else i - 8
        want[("total", "", "", "", f"{year}-{m:02d}-01", f"{year}-{m:02d}-{calendar.monthrange(year, m)[1]:02d}")] = ("reported", float(n))
    return Quirk("months_down_with_a_year_column", _table_file(_letter(rows, "Offences recorded each month, 2023/24"), _fmt(rng)), want,
                 period=("2023-04-01", "2024-03-31"))


def months_written_in_figures(rng: random.Random) -> Quirk:
    """Months as exports write them ("2023-04", "04/2023", "4/2023"): each a month, never a
    financial year ("2017-12" is December, "2017-18" a year)."""
    import calendar

    style = rng.choice(["{y}-{m:02d}", "{m:02d}/{y}", "{m}/{y}", "{y}/{m:02d}"])
    rows: Rows = [["Month", rng.choice(COUNT_HEADINGS)]]
    want: Want = {}
    for i in range(12):
        year, m = 2023 + (i >= 9), i + 4 if i < 9 else i - 8
        n = _n(rng, 0, 12)
        rows.append([style.format(y=year, m=m), n])
        want[("total", "", "", "", f"{year}-{m:02d}-01", f"{year}-{m:02d}-{calendar.monthrange(year, m)[1]:02d}")] = ("reported", float(n))
    return Quirk("months_written_in_figures", _table_file(_letter(rows, "Sexual communication with a child: offences by month"),
                                                          _fmt(rng)), want, period=("2023-04-01", "2024-03-31"), note=style)


def outer_labels_printed_once(rng: random.Random) -> Quirk:
    """Two label columns, the outer one's name printed on its group's first row only (the rest blank,
    as a merged cell exports): "Under 13 | Female", " | Male". "Under 13" alone reads like a
    suppressed "<13", which had taken the column for figures and lost every one."""
    bands = rng.sample([("Under 13", "0-12"), ("13-15", "13-15"), ("11 and under", "0-11"), ("12-15", "12-15"), ("Under 16", "0-15")], 2)
    rows: Rows = [["Age band", "Gender", *(fy for fy, _, _ in FY)]]
    want: Want = {}
    for band, code in bands:
        for j, (g, gc) in enumerate((("Female", "female"), ("Male", "male"))):
            row: list[Any] = [band if j == 0 else None, g]
            for _fy, start, end in FY:
                n = _n(rng, 0, 40)
                row.append(n)
                want[("age_gender", code, gc, "", start, end)] = ("reported", float(n))
            rows.append(row)
    return Quirk("outer_labels_printed_once", _table_file(_letter(rows, "Sexual communication with a child: victims by age and gender"),
                                                          _fmt(rng)), want)


def signs_and_letters_as_labels(rng: random.Random) -> Quirk:
    """Age bands written with signs and genders with letters ("<13", ">15"; "F", "M", "U")."""
    bands = [(rng.choice(["<13", "< 13", "<=12"]), "0-12"), ("13-15 yrs", "13-15"), (rng.choice([">15", ">=16", "16+"]), "16+")]
    rows: Rows = [["Age", "F", "M", "U"]]
    want: Want = {}
    for band, code in bands:
        row: list[Any] = [band]
        for g in ("female", "male", "unknown"):
            n = _n(rng, 0, 30)
            row.append(n)
            want[("age_gender", code, g, "", *ASKED)] = ("reported", float(n))
        rows.append(row)
    return Quirk("signs_and_letters_as_labels", _table_file(_letter(rows, "Sexual communication with a child: age and gender of victims"),
                                                            _fmt(rng)), want)


def a_table_a_year(rng: random.Random) -> Quirk:
    """One table a year of the same shape: a workbook's sheet each, named for its year ("2022-23",
    "2022_23", "22-23": a sheet name cannot hold '/'), or one after another under a heading naming
    the year, with no blank line between them (a CSV) or as a web page or letter prints them (the
    heading two lines above the table). Read as one table, or each given the whole span, before. One
    in five heads its first table in words no reader knows ("Year one"): that table needs review
    (period_unclear), never the span asked."""
    fmt = _fmt(rng)
    workbook = fmt in ("xlsx", "xls", "ods")
    styles = [("{a}-{b:02d}", "{a}-{b:02d}"), ("{a}_{b:02d}", "{a}_{b:02d}"), ("{a2:02d}-{b:02d}", "{a2:02d}-{b:02d}")] if workbook \
        else [("{a}/{b:02d}", "{a}/{b:02d}"), ("Financial year {a}/{b:02d}", "Financial year {a}/{b:02d}"),
              ("April {a} to March {a1}", "April {a} to March {a1}")]
    style = rng.choice(styles)[0]
    unknown = not workbook and rng.random() < 0.2
    want: Want = {}
    sheets: list[tuple[str, Rows]] = []
    for i, (_fy, start, end) in enumerate(FY):
        a = int(start[:4])
        name = style.format(a=a, b=(a + 1) % 100, a2=a % 100, a1=a + 1)
        rows: Rows = [["Victims by gender"], ["Gender", "Number of offences"]]
        for g, gc in (("Female", "female"), ("Male", "male")):
            n = _n(rng, 1, 40)
            rows.append([g, n])
            if not (unknown and i == 0):
                want[("gender", "", gc, "", start, end)] = ("reported", float(n))
        if workbook:
            sheets.append((name, rows))
        else:
            sheets.append((name, [["Year one" if unknown and i == 0 else name], *rows] + ([[]] if rng.random() < 0.5 else [])))
    return Quirk("a_table_a_year", _sheets_file(sheets, fmt), want, review=unknown, note=f"{fmt} {style}")


def calendar_months_across_years_down(rng: random.Random) -> Quirk:
    """Calendar years down and the months January to December across, a total for each year, and
    sometimes an average row: each cell its month of its year, each total its calendar year."""
    import calendar

    short = rng.random() < 0.5
    months = [calendar.month_abbr[m] if short else calendar.month_name[m] for m in range(1, 13)]
    rows: Rows = [["Year", *months, "Total"]]
    want: Want = {}
    for y in (2022, 2023):
        ns = [_n(rng, 0, 9) for _ in months]
        rows.append([y, *ns, sum(ns)])
        for m, n in enumerate(ns, start=1):
            want[("total", "", "", "", f"{y}-{m:02d}-01", f"{y}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}")] = ("reported", float(n))
        want[("total", "", "", "", f"{y}-01-01", f"{y}-12-31")] = ("reported", float(sum(ns)))
    if rng.random() < 0.5:
        rows.append(["Average per month", *[round((a + b) / 2, 1) for a, b in zip(rows[1][1:13], rows[2][1:13], strict=True)], None])
    return Quirk("calendar_months_across_years_down", _table_file(_letter(rows, "Sexual communication with a child: offences by month"),
                                                                  _fmt(rng)), want, period=("2022-01-01", "2023-12-31"))


def records_dated_with_no_year_column(rng: random.Random) -> Quirk:
    """A record listing (one line a crime) with the date each was recorded and no year column: each
    counted in the financial year of its date (it was counted for the whole span only)."""
    import datetime as dt
    from collections import Counter

    header = ["Crime reference", rng.choice(["Date recorded", "Offence date", "Date"]), "Victim age", "Victim gender", "Platform"]
    rows: Rows = [header]
    counts: Counter[tuple[str, str, str, str, str, str]] = Counter()
    fmt = _fmt(rng, ("xlsx", "ods", "csv", "html", "docx"))
    as_text = fmt not in ("xlsx", "ods") or rng.random() < 0.5
    style = rng.choice(["%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%d %b %Y", "%d-%m-%Y"])
    for i in range(rng.randint(12, 40)):
        d = dt.date(2022, 4, 1) + dt.timedelta(days=rng.randint(0, 730))
        start, end = next((s, e) for _fy, s, e in FY if s <= d.isoformat() <= e)
        age, gender, platform = rng.randint(9, 15), rng.choice(["Female", "Male"]), rng.choice(["Snapchat", "Instagram", "WhatsApp"])
        rows.append([f"CR/{1000 + i}/{d.year % 100}", dt.datetime(d.year, d.month, d.day).strftime(style) if as_text
                     else dt.datetime(d.year, d.month, d.day), age, gender, platform])
        band = "0-11" if age < 12 else "12-15"
        counts[("total", "", "", "", start, end)] += 1
        counts[("age", band, "", "", start, end)] += 1
        counts[("age_gender", band, gender.lower(), "", start, end)] += 1
        counts[("gender", "", gender.lower(), "", start, end)] += 1
        counts[("platform", "", "", platform, start, end)] += 1
    want: Want = {k: ("reported", float(n)) for k, n in counts.items()}
    return Quirk("records_dated_with_no_year_column", _table_file(_letter(rows, "Sexual communication with a child: crimes recorded"),
                                                                  fmt), want, note=style)


def what_followed_beside_the_offences(rng: random.Random) -> Quirk:
    """Columns of what followed the offences (charged, outcomes, arrests) printed beside the column of
    offences recorded: not read, never a second value of the offences' figure (the answer needed
    review for nothing)."""
    followed = rng.sample(["Charged/summonsed", "Arrests", "Suspects identified", "Outcome: charge", "Cautioned", "Outcome rate (%)",
                           "Number of victims"], 2)
    rows: Rows = [["Financial year", rng.choice(["Crimes recorded", "Number of offences", "Offences recorded"]), *followed]]
    want: Want = {}
    for fy, start, end in FY:
        n = _n(rng, 20, 90)
        rows.append([fy, n, *[_n(rng, 0, 15) for _ in followed]])
        want[("total", "", "", "", start, end)] = ("reported", float(n))
    return Quirk("what_followed_beside_the_offences", _table_file(_letter(rows, "Sexual communication with a child: crimes and outcomes"),
                                                                  _fmt(rng)), want, note=", ".join(followed))


def years_side_by_side(rng: random.Random) -> Quirk:
    """The same table for two years side by side, each under its own year ('2022/23' over one, '2023/24' over the other)."""
    rows: Rows = [["2022/23", None, None, "2023/24", None], ["Victim gender", "Offences", None, "Victim gender", "Offences"]]
    want: Want = {}
    pairs = []
    for g, code in (("Female", "female"), ("Male", "male")):
        a, b = _n(rng), _n(rng)
        pairs.append([g, a, None, g, b])
        want[("gender", "", code, "", *FY[0][1:])] = ("reported", float(a))
        want[("gender", "", code, "", *FY[1][1:])] = ("reported", float(b))
    return Quirk("years_side_by_side", _table_file(_letter(rows + pairs, "Sexual communication with a child by victim gender"),
                                                   _fmt(rng, ("xlsx", "xls", "ods", "csv"))), want)


def semicolon_csv(rng: random.Random) -> Quirk:
    """A CSV written with semicolons, a byte-order mark, and a blank line before the table."""
    female, male = _n(rng), _n(rng)
    text = f"\ufeffSexual communication with a child;;\r\n\r\nVictim gender;2023/24\r\nFemale;{female}\r\nMale;{male}\r\n"
    want: Want = {("gender", "", "female", "", *FY[1][1:]): ("reported", float(female)),
                  ("gender", "", "male", "", *FY[1][1:]): ("reported", float(male))}
    return Quirk("semicolon_csv", {"answer.csv": text.encode("utf-8")}, want)


def column_names_written_up(rng: random.Random) -> Quirk:
    """A PDF table whose column names are set vertically, up or down their cells (narrow columns)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    how = rng.choice(["up", "down"])
    heads = [("Female", "female"), ("Male", "male"), ("Gender not recorded", "unknown")]
    bands = [("Under 13", "0-12"), ("13-15", "13-15"), ("16-17", "16-17")]
    want: Want = {}
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 10)
    x, y = 72, 600
    # the headings stand in a row 20 to 130 points above the first line: up from its foot, or down from its top
    c.drawString(x, y + 160, "Sexual communication with a child: victims by age and gender, 2023/24")
    c.drawString(x, y + 20, "Age band")
    for k, (h, _) in enumerate(heads):
        c.saveState()
        if how == "up":
            c.translate(x + (k + 1) * 90 + 8, y + 20)
            c.rotate(90)
        else:
            c.translate(x + (k + 1) * 90 + 2, y + 130)
            c.rotate(-90)
        c.drawString(0, 0, h)
        c.restoreState()
    for r, (band, code) in enumerate(bands):
        c.drawString(x, y - r * 16, band)
        for k, (_, g) in enumerate(heads):
            n = _n(rng, 0, 40)
            c.drawString(x + (k + 1) * 90, y - r * 16, str(n))
            want[("age_gender", code, g, "", *FY[1][1:])] = ("reported", float(n))
    c.showPage()
    c.save()
    return Quirk("column_names_written_up", {"answer.pdf": buf.getvalue()}, want, note=how)


COUNT_HEADINGS = ["Offences (n)", "Crime count", "Offence count", "Volume of offences", "Recorded crimes", "No. of crimes"]


def marked_labels_and_count_headings(rng: random.Random) -> Quirk:
    """Category labels with footnote marks ('Male¹', 'Female (a)', 'Snapchat¹') under a count heading spelt as
    a force spells it ('Crime count', 'Offences (n)')."""
    heading = rng.choice(COUNT_HEADINGS)
    mark = rng.choice(["¹", " (a)", "*", "†"])
    rows: Rows = [["Platform", heading]]
    want: Want = {}
    for label, code in (("Snapchat", "Snapchat"), ("Instagram", "Instagram"), ("WhatsApp", "WhatsApp")):
        n = _n(rng, 5)
        rows.append([label + (mark if rng.random() < 0.5 else ""), n])
        want[("platform", "", "", code, *ASKED)] = ("reported", float(n))
    notes: Rows = [[], [f"{mark.strip()} includes messages sent on linked accounts."]]
    return Quirk("marked_labels_and_count_headings", _table_file(_letter(rows, "Means of communication used") + notes, _fmt(rng)), want,
                 note=f"{heading} {mark}")


def years_over_genders(rng: random.Random) -> Quirk:
    """Each year's heading over its own Female and Male columns (a header of two levels, the year merged
    over its pair), age bands down."""
    rows: Rows = [[None, "2022/23", "2022/23", "2023/24", "2023/24"], ["Age of victim", "Female", "Male", "Female", "Male"]]
    want: Want = {}
    for band, code in (("Under 13", "0-12"), ("13-15", "13-15"), ("16-17", "16-17")):
        row: list[Any] = [band]
        for _, start, end in FY:
            for g in ("female", "male"):
                n = _n(rng, 0, 30)
                row.append(n)
                want[("age_gender", code, g, "", start, end)] = ("reported", float(n))
        rows.append(row)
    return Quirk("years_over_genders", _table_file(_letter(rows, "Victims by age and gender"), _fmt(rng)), want)


def figures_in_a_bulleted_list(rng: random.Random) -> Quirk:
    """A letter giving each year's total as a bullet ('• 2022/23: 45 offences')."""
    style = rng.choice(["{fy}: {n} offences", "{fy} - {n}", "In {fy}, {n} offences were recorded.", "{n} offences in {fy}"])
    paragraphs = [LETTERHEAD[0], "The number of offences of sexual communication with a child recorded by the force:"]
    want: Want = {}
    for fy, start, end in FY:
        n = _n(rng, 10)
        paragraphs.append(style.format(fy=fy, n=n))
        want[("total", "", "", "", start, end)] = ("reported", float(n))
    files = _prose_letter(paragraphs, rng, bullets={2, 3})
    return Quirk("figures_in_a_bulleted_list", files, want, note=f"{style} {next(iter(files))}")


def counts_with_shares_in_one_cell(rng: random.Random) -> Quirk:
    """Each count printed with its share of the total in the same cell ('12 (34%)')."""
    counts = [_n(rng, 1) for _ in range(3)]
    total = sum(counts)
    rows: Rows = [["Victim gender", "Number (% of total)"]]
    want: Want = {}
    for (g, code), n in zip((("Female", "female"), ("Male", "male"), ("Not recorded", "unknown")), counts, strict=True):
        rows.append([g, f"{n} ({100 * n / total:.0f}%)"])
        want[("gender", "", code, "", *ASKED)] = ("reported", float(n))
    rows.append(["Total", f"{total} (100%)"])
    want[("total", "", "", "", *ASKED)] = ("reported", float(total))
    return Quirk("counts_with_shares_in_one_cell", _table_file(_letter(rows, "Victims by gender"), _fmt(rng)), want)


AGE_WAYS = [[("Under 13", "0-12"), ("U13", "0-12"), ("0-12 yrs", "0-12"), ("Aged under 13", "0-12")],
            [("13-15", "13-15"), ("13 to 15", "13-15"), ("13 - 15 years old", "13-15")],
            [("16-17", "16-17"), ("16 and 17", "16-17"), ("16 - 17 yrs", "16-17")]]


def mixed(rng: random.Random) -> Quirk:
    """Several quirks at once, drawn at random: years spelt a force's way across, age bands spelt its way
    down (some with a footnote mark), figures with marks, small numbers withheld with its mark, 'Nil' for
    none, a Total row or not."""
    spelling = rng.choice(PERIOD_SPELLINGS)
    years = [2022, 2023]
    heads = [spelling.format(y=y, y1=y + 1, a=y % 100, b=(y + 1) % 100) for y in years]
    star = rng.choice(SUPPRESSION_MARKS)
    rows: Rows = [["Age of victim", *heads]]
    want: Want = {}
    sums = [0, 0]
    for ways in AGE_WAYS:
        label, code = rng.choice(ways)
        row: list[Any] = [label + (rng.choice(["¹", " (a)"]) if rng.random() < 0.2 else "")]
        for k, y in enumerate(years):
            period = (f"{y}-04-01", f"{y + 1}-03-31")
            roll = rng.random()
            if roll < 0.15:
                n = rng.randint(1, 4)
                row.append(star)
                want[("age", code, "", "", *period)] = ("suppressed", None)
            elif roll < 0.22:
                n = 0
                row.append("Nil")
                want[("age", code, "", "", *period)] = ("reported", 0.0)
            else:
                n = _n(rng, 5)
                row.append(f"{n}" + (rng.choice(["*", "^", " R", "¹"]) if rng.random() < 0.2 and star != "*" else ""))
                want[("age", code, "", "", *period)] = ("reported", float(n))
            sums[k] += n
        rows.append(row)
    if rng.random() < 0.5:
        rows.append(["Total", *sums])
        for k, y in enumerate(years):
            want[("total", "", "", "", f"{y}-04-01", f"{y + 1}-03-31")] = ("reported", float(sums[k]))
    notes: Rows = [[], [f"{star} denotes a number between 1 and 4, withheld to protect the identity of victims."]]
    return Quirk("mixed", _table_file(_letter(rows, "Sexual communication with a child: victims by age") + notes, _fmt(rng)), want,
                 period=("2022-04-01", "2024-03-31"), note=f"{spelling} {star}")


def wrapped_pdf_labels(rng: random.Random) -> Quirk:
    """A PDF table without rules whose headings wrap over two lines ("Offences in" / "2022/23"), set flush
    left over figures set flush right past where the heading ends, and a label wrapped onto a second line
    ("Facebook" / "Messenger") under its row, as word processors set them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(72, 780, LETTERHEAD[0])
    c.drawString(72, 750, "Sexual communication with a child: the platform used")
    c.drawString(72, 712, "Platform")
    first = rng.choice(["Offences in", "Number of offences,", "Recorded in"])
    for k, (fy, _, _) in enumerate(FY):
        c.drawString(230 + k * 120, 712, first)
        c.drawString(230 + k * 120, 700, fy)
    y = 680
    want: Want = {}
    for label, code in [("Snapchat", "Snapchat"), ("Facebook Messenger", "Facebook Messenger"), ("Instagram", "Instagram")]:
        words = label.split()
        c.drawString(72, y, words[0])
        for k, (_, start, end) in enumerate(FY):
            n = _n(rng, 5)
            c.drawRightString(230 + k * 120 + 105, y, str(n))  # past where the heading ends: no overlap
            want[("platform", "", "", code, start, end)] = ("reported", float(n))
        if len(words) > 1 and rng.random() < 0.7:  # the label wrapped onto a line of its own under its row
            y -= 12
            c.drawString(72, y, " ".join(words[1:]))
        elif len(words) > 1:
            c.drawString(72 + c.stringWidth(words[0] + " ", "Helvetica", 10), y, " ".join(words[1:]))
        y -= 18
    c.showPage()
    c.save()
    return Quirk("wrapped_pdf_labels", {"answer.pdf": buf.getvalue()}, want, note=first)


def total_column_first(rng: random.Random) -> Quirk:
    """Genders down, the Total column printed first, then the age bands."""
    bands = [("Under 13", "0-12"), ("13-15", "13-15"), ("16-17", "16-17")]
    rows: Rows = [["Gender", "Total", *[b for b, _ in bands]]]
    want: Want = {}
    for g, code in (("Female", "female"), ("Male", "male")):
        counts = [_n(rng, 0, 30) for _ in bands]
        rows.append([g, sum(counts), *counts])
        want[("gender", "", code, "", *ASKED)] = ("reported", float(sum(counts)))
        for (_, band), n in zip(bands, counts, strict=True):
            want[("age_gender", band, code, "", *ASKED)] = ("reported", float(n))
    return Quirk("total_column_first", _table_file(_letter(rows, "Victims by gender and age"), _fmt(rng)), want)


def years_down_platforms_across(rng: random.Random) -> Quirk:
    """Financial years down the rows, platforms across."""
    platforms = [("Snapchat", "Snapchat"), ("Instagram", "Instagram"), ("WhatsApp", "WhatsApp"), ("Other", "Other")]
    rows: Rows = [["Year", *[p for p, _ in platforms]]]
    want: Want = {}
    for fy, start, end in FY:
        counts = [_n(rng, 1) for _ in platforms]
        rows.append([fy, *counts])
        for (_, code), n in zip(platforms, counts, strict=True):
            want[("platform", "", "", code, start, end)] = ("reported", float(n))
    return Quirk("years_down_platforms_across", _table_file(_letter(rows, "Platforms used, by year"), _fmt(rng)), want)


def web_page_with_a_layout_table(rng: random.Random) -> Quirk:
    """A saved web page: a layout table of links first, then the answer's table under its heading."""
    female, male = _n(rng), _n(rng)
    html = ("<html><head><title>FOI disclosure log</title></head><body>"
            "<table><tr><td><a href='/'>Home</a></td><td><a href='/foi'>FOI</a></td><td><a href='/contact'>Contact us</a></td></tr></table>"
            "<h1>Disclosure: sexual communication with a child</h1><p>The number of offences recorded in 2023/24:</p>"
            f"<table><tr><th>Victim gender</th><th>Offences</th></tr><tr><td>Female</td><td>{female}</td></tr>"
            f"<tr><td>Male</td><td>{male}</td></tr></table><p>Page last updated 3 May 2024</p></body></html>")
    want: Want = {("gender", "", "female", "", *FY[1][1:]): ("reported", float(female)),
                  ("gender", "", "male", "", *FY[1][1:]): ("reported", float(male))}
    return Quirk("web_page_with_a_layout_table", {"answer.html": html.encode()}, want)


def _counted_in_a_sentence(rng: random.Random, kind: str, sentence: str, parts: Want, total: int, note: str) -> Quirk:
    """A letter giving 2023/24's total in one sentence, then its parts in the next (`parts`: the figures
    that sentence must give)."""
    files = _prose_letter([LETTERHEAD[0], "Dear Requester,",
                           f"In 2023/24 the force recorded {total} offences of sexual communication with a child.",
                           sentence, "Yours sincerely"], rng)
    want: Want = {("total", "", "", "", *FY[1][1:]): ("reported", float(total)), **parts}
    return Quirk(kind, files, want, note=f"{note} {next(iter(files))}")


def platforms_in_a_sentence(rng: random.Random) -> Quirk:
    """The platforms in a sentence after the total ("Of these, 12 involved Snapchat, 5 Instagram and 3 WhatsApp")."""
    counts = {"Snapchat": _n(rng, 5), "Instagram": _n(rng, 1, 9), "WhatsApp": _n(rng, 1, 9)}
    sentence = (f"Of these, {counts['Snapchat']} involved Snapchat, {counts['Instagram']} Instagram and "
                f"{counts['WhatsApp']} WhatsApp.")
    parts: Want = {("platform", "", "", p, *FY[1][1:]): ("reported", float(n)) for p, n in counts.items()}
    return _counted_in_a_sentence(rng, "platforms_in_a_sentence", sentence, parts, sum(counts.values()) + rng.randint(0, 5), "")


def genders_in_a_sentence(rng: random.Random) -> Quirk:
    """The victims' genders in a sentence after the total ("14 of the victims were female and 6 male")."""
    female, male = _n(rng, 5), _n(rng, 1, 9)
    style = rng.choice(["{f} of the victims were female and {m} male.", "Of these, {f} victims were girls and {m} were boys.",
                        "The victims were {f} female and {m} male."])
    parts: Want = {("gender", "", "female", "", *FY[1][1:]): ("reported", float(female)),
                   ("gender", "", "male", "", *FY[1][1:]): ("reported", float(male))}
    return _counted_in_a_sentence(rng, "genders_in_a_sentence", style.format(f=female, m=male), parts, female + male, style)


def ages_in_a_sentence(rng: random.Random) -> Quirk:
    """The victims' ages in a sentence after the total ("8 were aged under 13 and 12 aged 13 to 15")."""
    young, middle = _n(rng, 1, 20), _n(rng, 1, 20)
    style = rng.choice(["Of these, {a} were aged under 13 and {b} aged 13 to 15.", "{a} victims were aged under 13 and {b} were aged 13-15."])
    parts: Want = {("age", "0-12", "", "", *FY[1][1:]): ("reported", float(young)),
                   ("age", "13-15", "", "", *FY[1][1:]): ("reported", float(middle))}
    return _counted_in_a_sentence(rng, "ages_in_a_sentence", style.format(a=young, b=middle), parts, young + middle, style)


def _from_layout(kind: str, make: Callable[[random.Random], Layout]) -> Callable[[random.Random], Quirk]:
    def quirk(rng: random.Random) -> Quirk:
        seed = rng.randrange(2**32)
        layout = make(random.Random(seed))
        truth = random_truth(random.Random(seed))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"answer.{SUFFIX[layout.fmt]}"
            WRITERS[layout.fmt](sheet_rows(truth, layout), path, layout)
            files = {path.name: path.read_bytes()}
        want = {k: (v[0], v[1]) for k, v in expected(truth, layout).items()}
        from synthetic.layouts import PERIOD

        return Quirk(kind, files, want, period=(PERIOD[0].isoformat(), PERIOD[1].isoformat()), note=layout.name())
    quirk.__doc__ = f"The fuzzer's {kind.replace('_', ' ')} layouts (synthetic/layouts.py)."
    return quirk


def _grouped(rng: random.Random) -> Layout:
    fmt = rng.choice([f for f in TABLE_FORMATS if f != "pdf_plain"])
    layout = variant(random_layout(rng, fmt), content=("age_gender",), grouped=True, transposed=False, merged_header=False,
                     refuse_platforms=False, arrangement="stacked")
    return layout


def _turned(rng: random.Random) -> Layout:
    return variant(random_layout(rng, rng.choice(("pdf_ruled", "pdf_plain"))), turned=rng.choice((90, 270)), grouped=False)


def _halves(rng: random.Random) -> Layout:
    return variant(random_layout(rng, rng.choice(("xlsx", "xls", "ods", "csv"))), content=("month_halves",), arrangement="side_by_side",
                   transposed=False, refuse_platforms=False, totals="printed", merged_header=False, grouped=False)


QUIRKS: dict[str, Callable[[random.Random], Quirk]] = {
    f.__name__: f for f in (marked_numbers, single_ages_as_numbers, derived_columns, hidden_superseded_rows, pivot_export,
                            platform_spellings, long_csv, nested_word_tables, bilingual_labels, part_year_in_a_footnote,
                            nil_return_in_words, several_offences, two_level_headings, formula_without_a_saved_value,
                            period_spellings, suppression_marks, short_labels_years_down, age_words_with_counts_and_shares,
                            zeros_in_words_and_quarters, months_down_with_a_year_column, years_side_by_side, semicolon_csv,
                            column_names_written_up, marked_labels_and_count_headings,
                            years_over_genders, figures_in_a_bulleted_list, counts_with_shares_in_one_cell, mixed,
                            wrapped_pdf_labels, total_column_first, years_down_platforms_across, web_page_with_a_layout_table,
                            platforms_in_a_sentence, genders_in_a_sentence, ages_in_a_sentence,
                            counts_for_two_years_in_a_sentence, months_written_in_figures, outer_labels_printed_once,
                            signs_and_letters_as_labels, questions_and_answers, a_table_a_year,
                            a_part_year_said_in_its_label, calendar_months_across_years_down,
                            records_dated_with_no_year_column, what_followed_beside_the_offences,
                            several_offences_one_table, a_total_in_a_sentence)
} | {"row_groups": _from_layout("row_groups", _grouped), "page_printed_turned": _from_layout("page_printed_turned", _turned),
     "months_in_two_halves": _from_layout("months_in_two_halves", _halves)}


def corpus(per_kind: int = 3, seed: int = 18) -> list[Quirk]:
    """`per_kind` answers of every quirk, reproducible from `seed`."""
    rng = random.Random(seed)
    return [QUIRKS[k](random.Random(rng.randrange(2**32))) for k in QUIRKS for _ in range(per_kind)]
