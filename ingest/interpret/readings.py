"""Stage 2: what the tables and sentences of a return mean, as figures.

Every plausible reading of a table is tried and scored on evidence:

- **labels**: how many of its category labels the normaliser's vocabularies recognise, axis by
  axis (a number is never a gender, an age band or a platform);
- **cells**: how many of the cells it reads as figures are numbers or known markers;
- **totals**: whether the printed totals reconcile with their parts (within suppression bounds);
- **periods**: whether the periods it reads fall inside the period the source asked about.

Readings: a cross-tab (rows by columns, either way round; one-way tables, years or months
across and blocks are cross-tabs too), with the header and label rows found by the layout or
one more header row; a record-level extract (one row per offence); statements in sentences.
The best reading wins. A weak best reading, or a close runner-up that gives other figures,
marks the table **needs review**, with both readings named.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from core.facts import THE_OFFENCE
from core.markers import DASHES
from core.text import MARKUP, looks_like_formula
from ingest.decisions import SKIPPING_OFFENCES, Decision, label_means, same_label
from ingest.read.base import Cell, Document, Label, ProseLine, RawFigure, ReaderNote, is_blank
from ingest.tables.layout import Table, dash_zeros, find_tables, is_value, label_text, total_parts
from ingest.vocabulary.labels import (
    DIMENSIONS,
    infer_axis_dimension,
    is_derived_label,
    is_other_measure_label,
    is_total_label,
    match_age,
    match_dimension,
    match_gender,
    match_platform,
    match_role,
    split_platforms,
)
from ingest.vocabulary.periods import MONTHS, YEAR_ALONE, parse_date, parse_period, periods_in_sentence, periods_named
from ingest.vocabulary.reference import Reference, label_key, record_key, reference
from ingest.vocabulary.values import MARK, MARKED_LABEL, NUMBER_WORDS, parse_age_years, parse_value

STRONG = 0.999  # a reading scoring below this (anything lost or not reconciled) needs review
CLOSE = 0.05  # a runner-up this close with other figures is a disagreement

# Dyfed-Powys 370/2022: "There have been 39 offences recorded under s15A ..."
TOTAL_SENTENCES = [
    re.compile(r"\btotal of (\d[\d,]*) (?:offences|crimes|incidents)\b", re.I),
    re.compile(r"\b(\d[\d,]*) (?:offences|crimes) (?:were |have been |was |had been )?recorded\b", re.I),
    re.compile(r"\bTotal Count:? (\d[\d,]*)\b", re.I),  # Northamptonshire 10905-25
    # "The total number of offences recorded for the period requested is 54", "Number of offences: 54"
    re.compile(r"\b(?:total )?number of (?:recorded )?(?:offences|crimes)\b[^.:?]{0,80}?(?:\bis\b|\bwas\b|\bwere\b|:)\s*(\d[\d,]*)\b(?!\s*%)",
               re.I),
]
# a count of offences anywhere in a sentence, the letter's only one ("We have identified 54 crimes that fall within
# the scope of your request", "Our records show 54 recorded offences"): the total, when nothing comes before it that
# makes it a part or a bound ("Of these, 12 offences", "at least 5 offences") and no rate follows it ("per month")
RATE_AFTER = re.compile(r"^\W*(?:per|each|a|every)\s+(?:day|week|month|year|annum|100,?000|1,?000)\b", re.I)
# a count of offences written in a sentence, in figures or words ("No offences were recorded in 2022/23
# and one offence in 2023/24": a nil return in words); never a section number ("s.15 offences")
# never a number after a section, a reference or a "No." ("s.15 offences", "Our reference: 1234")
NOT_A_REFERENCE = r"(?<!section )(?<!s\. )(?<!s )(?<!reference: )(?<!reference )(?<!ref: )(?<!ref )(?<!no\. )"
COUNT_WORDS = {"no": 0, "nil": 0, "a single": 1, **NUMBER_WORDS}
COUNT_IN_SENTENCE = re.compile(
    # never a number that is part of a reference ("Our reference: FUZZ-1" over "Offences by month": a made-up 1)
    r"(?<![\w.§/-])" + NOT_A_REFERENCE + r"(?P<n>" + "|".join(sorted(COUNT_WORDS, key=len, reverse=True)) + r"|\d[\d,]*)"
    r"\s+(?:(?:recorded|reported|such|further|crimes? of|offences? of)\s+)?(?:offences?|crimes?|incidents?|occurrences?)\b", re.I)
# the count of a clause that leaves out what it counts, after a clause of the same sentence that named it
# ("... there were 54 crimes recorded, and between 1 April 2023 and 31 March 2024 there were 58.": the 58
# was lost without a word); only a number ending its clause, never a share, a date or another noun's count
ELLIPTICAL_COUNT = re.compile(
    r"(?:\bthere (?:were|was)|\b(?:was|were|totalled|totaled)|\ba total of|:)\s+(?P<n>" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"|\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?:were |was )?(?:recorded|reported))?\s*[.,;]?\s*$", re.I)
# a number standing alone in a sentence whose periods are masked: never a section (s.15A), a share, a reference
BARE_COUNT = re.compile(r"(?<![\w.§/£$-])" + NOT_A_REFERENCE +
                        r"(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w%]|[.,:/-]\d|\s*per ?cent)")
RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
# a clause counting something else than offences ("the number of victims was 50", "the youngest was aged 11")
OTHER_QUANTITY = re.compile(r"\b(victims?|suspects?|offenders?|arrests?|arrested|charges?|charged|summons\w*|people|persons?|children|"
                            r"girls?|boys?|outcomes?|per ?cent|rate|average|mean|median|aged?|ages|years? old|youngest|oldest)\b|%", re.I)
SENTENCE = re.compile(r".+?(?:[.!?](?=\s|$)|$)", re.S)  # a sentence of a line, up to its full stop
# where one clause of a sentence ends and the next begins ("... in 2022/23 and one offence in 2023/24")
CLAUSE_BREAK = re.compile(r";|\.\s|\b(?:and|but|while|whereas)\b", re.I)
PERIOD_JOIN = re.compile(r"\s*(?:,|and|&|or|to)\s*", re.I)  # "in 2022/23 and 2023/24": two periods of one clause
# a letter saying its years are calendar years ("calendar year", "January to December"; a part year from 1 January)
CALENDAR_SAID = re.compile(r"\bcalendar years?\b|\bJanuary to December\b", re.I)
# a statement that a part of the request is refused, exempt or not held (not the request's own
# wording about what to do if it were)
# a whole request refused, exempt or not held (a letter with no figures at all)
WHOLE_REQUEST = re.compile(
    r"\b(your request|the information (you )?(have )?requested|this request)\b[^.]{0,80}\b(is|has been|are|is being)\s+"
    r"(refused|exempt|withheld)\b|\b(does|do) not hold (the|any|this) information\b|\binformation (is )?not held\b"
    r"|\b(request|information)\b[^.]{0,80}\bwould exceed the (appropriate |cost )?limit\b", re.I)
# a total in a sentence that is about part of the area or period, not all of it
PARTIAL = re.compile(r"\b(some|each|per|of which|at least|more than|less than|fewer|several|certain)\b", re.I)
STATEMENT = re.compile(
    r"(\b(is|are|has been|have been|being|be)\s+(refused|exempt(ed)?|withheld|not held)\b|\bnot held\b|\bdoes not hold\b"
    r"|\bexceeds? the (appropriate |cost )?limit\b|\bwould exceed the (appropriate |cost )?limit\b|\bunable to (provide|answer)\b"
    r"|\bI am exempting\b|\bsection 12\(1\) applies\b|\bneither confirm nor deny\b)", re.I)
TOPICS: list[tuple[str, re.Pattern[str]]] = [
    ("youngest_age", re.compile(r"\byoungest\b", re.I)),
    ("platform", re.compile(r"\b(platforms?|apps?|methods? of communication|means of communication|social media|website)\b", re.I)),
    ("age_gender", re.compile(r"\bage and (gender|sex)\b|\b(gender|sex) and age\b", re.I)),
    ("age", re.compile(r"\bages?\b|\bage bands?\b", re.I)),
    ("gender", re.compile(r"\b(gender|sex)\b", re.I)),
]
DASH_NOTE = re.compile(r"['\"‘’“”]?[-–—]['\"‘’“”]?\s*(=|denotes|means|indicates|represents|is)\s*(zero|nil|none|0|no (crimes|offences))", re.I)


@dataclass
class Reading:
    kind: str  # crosstab, records
    table: Table
    figures: list[RawFigure]
    variant: str = ""
    score: float = 0.0
    problems: list[str] = field(default_factory=list)
    period_across: bool = False  # a cross-tab with periods as its columns (years or months across)
    kept: int = -1  # figures whose every label is recognised (-1: not counted)
    dims: dict[str, str | None] = field(default_factory=dict)  # each axis's dimension, as scored (the normaliser places by it)

    @property
    def name(self) -> str:
        return f"{self.kind} ({self.variant})" if self.variant else self.kind

    def signature(self) -> Counter[tuple[str, tuple[str, ...]]]:
        """The figures as printed, with their labels: two readings agree when these match. A count
        column's heading and an 'All' label say nothing of which figure it is (a long table read as
        one, or as a cross-tab whose 'All' rows add up: the same figures)."""
        def said(f: RawFigure) -> tuple[str, ...]:
            return tuple(sorted(lab.text for lab in f.labels if not _ALL.match(lab.text) and not _COUNT_HEADER.search(lab.text)))

        return Counter((str(f.value_raw), said(f)) for f in self.figures if not f.aggregate) \
            + Counter(("record", said(f)) for f in self.figures if f.aggregate)


@dataclass
class Verdict:
    table: Table
    best: Reading | None
    others: list[Reading]
    review: str = ""  # why the reading needs review ("" when it does not)
    not_read: str = ""  # why the table gave no figures
    review_type: str = "reading_doubtful"  # the issue type its doubt is logged as


@dataclass
class Interpretation:
    figures: list[RawFigure]
    verdicts: list[Verdict]
    notes: list[ReaderNote]
    tables: list[Table]
    prose: list[ProseLine]
    # each axis's dimension, decided once here by the winning reading: the normaliser places labels by it
    axis_dims: dict[str, str | None] = field(default_factory=dict)


# --- cross-tabs -----------------------------------------------------------------------------------

def _axis(table: str, side: str, level: int, labels: list[str]) -> str:
    """The axis a label lies on. Under a heading that names a dimension ("Victim Gender" over Female
    and Male, "Victim Age" over the bands, side by side), each heading's columns are an axis of
    their own, so each finds its own dimension (read as one axis, Female and Male were taken for
    age bands)."""
    heading = next((x for x in reversed(labels[:level]) if x and match_role(reference(), x) in ("value", "dimension")), "")
    return f"{table}.{side}{level}" + (f"@{heading}" if heading else "")


OFFENCES_WORD = re.compile(r"\b(offences?|crimes?)\b", re.I)  # a count's heading naming what it counts ("Crimes recorded")


def not_ours(lines: list[list[str]]) -> set[int]:
    """The lines (rows, or columns) a reading leaves: computed from the others (a change, a rate), or about
    another offence (a table answering for several offences, one row each), with the totals over them
    (a Total under rows of several offences is no figure of s.15A)."""
    ref = reference()
    other = {i for i, labs in enumerate(lines) if any(match_role(ref, x) == "other_offence" for x in labs if x)}
    out = other | {i for i, labs in enumerate(lines) if any(is_derived_label(x) for x in labs if x)}
    # victims, or what followed the offences (charges, outcomes), beside a line counting the offences themselves: not ours
    measures = {i for i, labs in enumerate(lines) if any(is_other_measure_label(x) for x in labs if x)}
    if measures and any(match_role(ref, x) in ("value", "total") and OFFENCES_WORD.search(x)
                        for i, labs in enumerate(lines) if i not in measures for x in labs if x):
        out |= measures
    if other:
        out |= {i for i, labs in enumerate(lines) if any(is_total_label(x) for x in labs if x)}
    return out


def _crosstab(table: Table, n_header: int, n_label: int, zeros: set[str]) -> list[RawFigure]:
    cols = table.column_labels(n_header, n_label)
    rows = table.row_labels(n_header, n_label)
    skipped_cols, skipped_rows = not_ours(cols), not_ours(rows)
    calendar_grid = _months_by_year(rows, cols)
    figures: list[RawFigure] = []
    for ri, r in enumerate(table.rows[n_header:]):
        row_lab = rows[ri]
        if n_label and not any(row_lab):
            continue
        if ri in skipped_rows:
            continue  # a row computed from the others, or another offence's: named in interpret's notes
        for c in range(n_label, table.width):
            cell = r[c]
            col_lab = cols[c - n_label]
            if is_blank(cell.value) and not any(col_lab):
                continue
            if c - n_label in skipped_cols:
                continue
            labels = [Label(_axis(table.name, "rows", k, row_lab), row_lab[k]) for k in range(n_label) if row_lab[k]]
            labels += [Label(_axis(table.name, "cols", k, col_lab), col_lab[k]) for k in range(len(col_lab)) if col_lab[k]]
            if calendar_grid:
                labels = _month_of_year(labels, table.name)
            f = RawFigure(cell.value, cell.location, labels, block=table.title)
            if cell.location in zeros:
                f.read_as = 0
                f.note = "printed '-': the return's own totals show it stands for 0"
            figures.append(f)
    return figures


def _months_by_year(rows: list[list[str]], cols: list[list[str]]) -> bool:
    """Years on one side and the months January to December, in that order, on the other ("2022 | Jan
    Feb ... Dec | Total"): each cell is the month of its year, each year's total that calendar year."""
    def level(labels: list[list[str]], test: Callable[[str], bool]) -> list[str] | None:
        for k in range(max((len(x) for x in labels), default=0)):
            texts = [x[k] for x in labels if k < len(x) and x[k] and not _ALL.match(x[k]) and not is_derived_label(x[k])]
            if len(texts) >= 2 and all(test(t) for t in texts):
                return texts
        return None

    for one, other in ((rows, cols), (cols, rows)):
        months = level(other, lambda t: _month_of(t) is not None)
        if months and level(one, lambda t: bool(YEAR_ALONE.fullmatch(t))) and len(months) >= 3 and \
                [_month_of(t) for t in months] == list(range(1, len(months) + 1)):
            return True
    return False


def _month_of_year(labels: list[Label], table: str) -> list[Label]:
    """A cell's month and year labels as one period label ("Mar 2023"); a year's total as that calendar
    year (its months run January to December)."""
    year = next((lab for lab in labels if YEAR_ALONE.fullmatch(lab.text)), None)
    if year is None:
        return labels
    month = next((lab for lab in labels if _month_of(lab.text) is not None), None)
    total = next((lab for lab in labels if lab is not year and _ALL.match(lab.text)), None)
    if month is not None:
        return [lab for lab in labels if lab not in (year, month)] + [Label(f"{table}#month", f"{month.text} {year.text}", "period")]
    if total is not None:
        return [lab for lab in labels if lab is not year] + [Label(f"{table}#year", f"January {year.text} to December {year.text}", "period")]
    return labels


def _heading_word(v: object) -> bool:
    """A corner cell naming the rows' dimension ("Gender" over Female and Male, beside ages 15, 16)."""
    return isinstance(v, str) and match_role(reference(), v) in ("value", "dimension")


def _header_variants(table: Table) -> list[tuple[int, int, str]]:
    variants = [(table.n_header, table.n_label, "")]
    body = table.body
    if len(body) >= 2:
        first = [c.value for c in body[0][table.n_label:] if not is_blank(c.value)]
        # a header row of numbers (single years of age, years) looks like a row of figures
        if first and all((pv := parse_value(v)).status == "reported" and pv.value is not None and pv.value.is_integer()
                         for v in first) and \
                (table.n_label == 0 or is_blank(body[0][0].value) or _heading_word(body[0][0].value)):
            variants.append((table.n_header + 1, table.n_label, "first row of numbers as column headings"))
    if table.n_label == 2:
        variants.append((table.n_header, 1, "one label column"))
    return variants


# --- record-level extracts ------------------------------------------------------------------------

def _record_header(table: Table, ref: Reference) -> tuple[int, dict[str, int]] | None:
    for hi in range(min(len(table.rows) - 1, table.n_header + 1)):
        roles: dict[str, int] = {}
        for ci, c in enumerate(table.rows[hi]):
            if isinstance(c.value, str):
                role = ref.record_columns.get(record_key(c.value))
                if role and role not in roles:
                    roles[role] = ci
        if {"age", "gender", "platform", "period"} & roles.keys() and len(roles) >= 2:
            return hi, roles
    return None


def _year_of_record(value: object, asked: tuple[date, date] | None) -> str | None:
    """The year a record's date falls in, as the request asked them: financial years for a request
    from 1 April to 31 March, calendar years for one from 1 January to 31 December; otherwise none
    (a record listing with dates was only ever counted for the whole span)."""
    if asked is None or (asked[0].month, asked[0].day, asked[1].month, asked[1].day) not in ((4, 1, 3, 31), (1, 1, 12, 31)):
        return None
    d = value.date() if isinstance(value, datetime) else value if isinstance(value, date) else parse_date(str(value or ""))
    if d is None:
        return None
    first = date(d.year if asked[0].month == 1 or d.month >= 4 else d.year - 1, asked[0].month, 1)
    last = date(first.year + (asked[0].month == 4), asked[1].month, 31)
    return f"{first} to {last}"


def _records(table: Table, ref: Reference, asked: tuple[date, date] | None = None) -> tuple[list[RawFigure], int] | None:
    found = _record_header(table, ref)
    if not found:
        return None
    hi, roles = found
    # records dated but with no year column: each counted in the year of its date, when every date reads
    # a Total line under an extract is not a record
    lines = [r for r in table.rows[hi + 1:] if not all(is_blank(c.value) for c in r)
             and not any(isinstance(c.value, str) and is_total_label(c.value) for c in r[:2])]
    years = {id(r): _year_of_record(r[roles["date"]].value, asked) if roles["date"] < len(r) else None for r in lines} \
        if "period" not in roles and "date" in roles else {}
    by_date = bool(years) and all(years.values())
    # a column headed as a count ("Number") with a number on every line: each line is a count, never one record
    # to be counted (a short "Gender, Age, Number" table was read as three records, its counts ignored)
    for ci, c in enumerate(table.rows[hi]):
        below = [r[ci].value for r in table.rows[hi + 1:] if ci < len(r) and not is_blank(r[ci].value)]
        if isinstance(c.value, str) and _COUNT_HEADER.search(label_text(c.value).strip()) and below and \
                all(parse_value(v).status in ("reported", "suppressed") for v in below) and \
                [parse_value(v).value for v in below] != [float(n) for n in range(1, len(below) + 1)]:
            return None  # (a "No." column numbering the lines 1, 2, 3 ... is the list's, not a count: Hertfordshire)
    axis = f"{table.name}#records"
    out: list[RawFigure] = []
    for row in lines:
        first = row[0].location
        period = row[roles["period"]] if "period" in roles and roles["period"] < len(row) else None
        base = [Label(f"{axis}.period", label_text(period.value), "period")] if period is not None and not is_blank(period.value) else []
        if by_date:
            base = [Label(f"{axis}.date", str(years[id(row)]), "period")]
        out.append(RawFigure(1, first, list(base), aggregate=True, derived=True, block=table.title))
        cells = {role: row[ci] for role, ci in roles.items() if ci < len(row)}
        age, gender, plat = cells.get("age"), cells.get("gender"), cells.get("platform")
        age_label = Label(f"{axis}.age", "" if age is None or is_blank(age.value) else label_text(age.value), "age_years")
        gender_label = Label(f"{axis}.gender", "" if gender is None or is_blank(gender.value) else label_text(gender.value), "gender")
        if age is not None:
            out.append(RawFigure(1, age.location, base + [age_label], aggregate=True, derived=True, block=table.title))
        if gender is not None:
            out.append(RawFigure(1, gender.location, base + [gender_label], aggregate=True, derived=True, block=table.title))
        if age is not None and gender is not None:
            out.append(RawFigure(1, age.location, base + [age_label, gender_label], aggregate=True, derived=True, block=table.title))
        if plat is not None:
            text = "" if is_blank(plat.value) else label_text(plat.value)
            out.append(RawFigure(1, plat.location, base + [Label(f"{axis}.platform", text, "platform_multi")], aggregate=True,
                                 derived=True, block=table.title))
    return out, len(lines)


# --- long ("tidy") tables: one line per combination, a count column -------------------------------

# never "Total": a wide table's Total column is its cross-tab total (police workforce Table_7, real-tables)
_COUNT_HEADER = re.compile(r"^(count|counts|number|no\.?|value|offences|crimes|n|frequency|freq)$|^(number|no\.?|count) of\b", re.I)
_ALL = re.compile(r"^(all|all \w+|any|total|all categories)$", re.I)


def _tidy(table: Table, ref: Reference) -> list[RawFigure] | None:
    """A long table (issue 18): a header row, columns of categories (a period, an age, a gender, a
    platform), and one count column; each line one figure. 'All' in a category column means the
    total over it (that label is left off). Never a record-level extract whose lines are counted."""
    if len(table.rows) < 4 or not 3 <= table.width <= 8:  # two or more category columns and a count, a few columns wide
        return None
    header = [label_text(c.value).strip() for c in table.rows[0]]
    counts = [i for i, h in enumerate(header) if h and _COUNT_HEADER.search(h)]  # ("Age", "Gender" are value roles too)
    if len(counts) != 1:
        return None
    vc = counts[0]
    body = [r for r in table.rows[1:] if not all(is_blank(c.value) for c in r)]
    if not body or not all(vc < len(r) and (is_value(r[vc].value) or is_blank(r[vc].value)) for r in body):
        return None
    dims: dict[int, str] = {}
    for i in range(len(header)):
        if i == vc:
            continue
        cells = [r[i].value for r in body if i < len(r) and not is_blank(r[i].value)]
        # a column of numbers headed by what they are ("Victim age" over 15, 16, 14) is a column of categories
        named = match_role(ref, header[i]) == "dimension" or ref.record_columns.get(record_key(header[i])) in ("age", "period")
        if not named and sum(1 for v in cells if is_value(v)) * 2 > len(cells):
            return None  # a column of figures: a wide table, not a column of categories
        texts = sorted({label_text(v) for v in cells if not _ALL.match(label_text(v))})
        dim = infer_axis_dimension(ref, texts) if texts and len(texts) <= 200 else None
        if dim is None and texts and all(_month_of(x) for x in texts):
            dim = "month"  # month names: a period only with the year column beside them (below)
        if dim is None:
            return None  # a column that is no category: not a long table this reading knows
        dims[i] = dim
    # a year column beside a month column ("2023 | April"): one period, the month of that year
    years_col = next((i for i in dims if all(YEAR_ALONE.fullmatch(label_text(r[i].value)) for r in body if i < len(r)
                                             and not is_blank(r[i].value))), None)
    months_col = next((i for i, d in dims.items() if d == "month"), None)
    month_of_year = years_col is not None and months_col is not None
    if months_col is not None and not month_of_year:
        return None  # month names with no year beside them are no period
    if month_of_year:
        dims.pop(years_col)  # type: ignore[arg-type]
        dims[months_col] = "period"  # type: ignore[index]
    if len(dims) < 2 and not month_of_year:
        return None  # one column of categories and a count is a plain table (the cross-tab reading)
    repeated = any(len({label_text(r[i].value) for r in body if i < len(r)}) < len(body) for i in dims)
    if not repeated and not month_of_year:
        return None  # long tables repeat their categories down the lines
    out = []
    for r in body:
        year = f" {label_text(r[years_col].value)}" if years_col is not None and month_of_year else ""
        labels = [Label(f"{table.name}#long.{i}", label_text(r[i].value) + (year if i == months_col else ""), dim)
                  for i, dim in dims.items() if i < len(r) and not is_blank(r[i].value) and not _ALL.match(label_text(r[i].value))]
        out.append(RawFigure(r[vc].value, r[vc].location, labels, block=table.title))
    return out


def _score_tidy(reading: Reading, ref: Reference) -> None:
    """Every category recognised and no two lines for one combination: a strong reading."""
    known = [lab for f in reading.figures for lab in f.labels]
    recognised = sum(1 for lab in known if lab.dim and match_dimension(ref, lab.dim, lab.text))
    keys = Counter(tuple(sorted((lab.dim or "", lab.text) for lab in f.labels)) for f in reading.figures)
    repeats = sum(n - 1 for n in keys.values() if n > 1)
    reading.problems = ([f"{len(known) - recognised} label(s) not recognised"] if recognised < len(known) else []) + (
        [f"{repeats} line(s) repeat a combination"] if repeats else [])
    reading.score = (recognised / len(known) if known else 1.0) * (0.5 if repeats else 1.0)
    reading.kept = len(reading.figures)
    reading.dims = {lab.axis: lab.dim for f in reading.figures for lab in f.labels}


# --- evidence ---------------------------------------------------------------------------------------

_UNKNOWN_WORDS = {"unknown", "not known", "not recorded", "unrecorded", "n/k", "nk", "u", "blank", "not stated", ""}


def _unmarked(text: str) -> str:
    """A label without the footnote mark set against it ("2024*" -> "2024")."""
    m = MARKED_LABEL.match(text.strip())
    return m.group("label") if m else text.strip()


def _score_crosstab(reading: Reading, ref: Reference, period: tuple[date, date] | None, calendar: bool = False) -> None:
    by_axis: dict[str, set[str]] = {}
    for f in reading.figures:
        for lab in f.labels:
            by_axis.setdefault(lab.axis, set()).add(lab.text)
    dims = {axis: infer_axis_dimension(ref, sorted(labels)) for axis, labels in by_axis.items()}
    reading.dims = dims
    reading.period_across = any(".cols" in axis and d == "period" for axis, d in dims.items())
    recognised = total = 0
    lost_labels: list[str] = []
    for axis, labels in by_axis.items():
        dim = dims[axis]
        for text in labels:
            if match_role(ref, text) is not None:
                continue
            total += 1
            if dim is not None and (match_dimension(ref, dim, text) or dim == "platform"):
                recognised += 1  # an unmapped platform is kept under Other, not lost
            else:
                lost_labels.append(text)
    cells = [f for f in reading.figures]
    unparsed = [f for f in cells if parse_value(f.value_raw).status == "unparsed"]
    label_ratio = recognised / total if total else 1.0
    value_ratio = 1 - len(unparsed) / len(cells) if cells else 0.0
    # periods outside the one asked about (a years-across table of past years is fine; a
    # period that starts after the asked one ends is a misread label)
    off_period = 0
    if period is not None:
        for axis, labels in by_axis.items():
            if dims[axis] == "period":
                for text in labels:
                    p = parse_period(text)
                    if p is not None and p[0] > period[1]:
                        off_period += 1
    # bare years across (2019, 2020 ...): calendar or financial? read as calendar years, and said
    bare_years = sorted({text for axis, labels in by_axis.items() if dims[axis] == "period" for text in labels
                         if YEAR_ALONE.fullmatch(_unmarked(text))})
    kept = sum(1 for f in reading.figures if all(
        match_role(ref, lab.text) is not None or (dims.get(lab.axis) is not None and (
            dims[lab.axis] == "platform" or match_dimension(ref, dims[lab.axis] or "", lab.text))) for lab in f.labels))
    reading.kept = kept
    problems = []
    if bare_years and not calendar:
        problems.append(f"columns headed by bare years ({bare_years[0]} .. {bare_years[-1]}) without saying calendar or "
                        "financial year: read as calendar years")
    if lost_labels:
        problems.append(f"{len(lost_labels)} label(s) recognised as no age band, gender, platform, period or area: "
                        + ", ".join(repr(x) for x in sorted(lost_labels)[:5]))
    if unparsed:
        problems.append(f"{len(unparsed)} cell(s) read as figures are neither numbers nor known markers: "
                        + ", ".join(repr(str(f.value_raw))[:30] for f in unparsed[:3]))
    if off_period:
        problems.append(f"{off_period} period label(s) after the period asked about")
    mismatches, checks = _reconcile(reading.table, reading.variant, by_axis, dims, ref)
    if mismatches:
        problems.append(f"{len(mismatches)} printed total(s) do not match their parts: " + "; ".join(mismatches[:2]))
    # cells the reading cannot tell apart (the same labels, other values) are a misreading
    seen: dict[tuple[str, ...], str] = {}
    clashes = repeats = 0
    for f in cells:
        k = tuple(sorted(lab.text for lab in f.labels))
        if k in seen and seen[k] != str(f.value_raw):
            clashes += 1
        elif k in seen and k and not is_blank(f.value_raw):
            repeats += 1  # the same labels and value again: a line printed twice, or a list of lines to be counted
        seen.setdefault(k, str(f.value_raw))
    if clashes:
        problems.append(f"{clashes} cell(s) get the same labels as another cell with a different value")
    if repeats:
        problems.append(f"{repeats} cell(s) repeat another cell's labels and value: a line printed twice, or a list "
                        "whose lines are to be counted")
    # a column headed only by a dimension's name ("Victim age" over 15, 16, 15; a list of victims): its cells
    # are that dimension's values, one per victim, not counts of anything (issue 18: "Gender, Age" lists tied
    # between this reading and the records one)
    valued = [f for f in cells if any(".cols" in lab.axis for lab in f.labels) and
              all(match_role(ref, lab.text) == "dimension" for lab in f.labels if ".cols" in lab.axis)]
    if valued:
        heading = next(lab.text for lab in valued[0].labels if ".cols" in lab.axis)
        problems.append(f"{len(valued)} cell(s) under a column named for what it records ({heading!r}), not a count: "
                        "values of it, one per line, not figures")
    # a figure under no column heading, in a table whose other columns have headings
    nh, nl = shape(reading)
    if nh:
        cols = reading.table.column_labels(nh, nl)
        headless = [c for r in reading.table.rows[nh:] for i, c in enumerate(r[nl:]) if is_value(c.value) and not any(cols[i])]
        if headless:
            problems.append(f"{len(headless)} figure(s) under no column heading, e.g. {headless[0].value!r} at {headless[0].location}")
    # figures printed in the table that the reading leaves unread (neither a figure nor a label)
    used = {f.location for f in cells} | _label_locations(reading)
    derived = _derived_cells(reading.table)
    values = [c for r in reading.table.rows for c in r if is_value(c.value) and c.location not in derived]
    unread = [c for c in values if c.location not in used]
    if unread:
        problems.append(f"{len(unread)} figure(s) in the table left unread, e.g. {unread[0].value!r} at {unread[0].location}")
    coverage = 1 - len(unread) / len(values) if values else 0.0
    reading.problems = problems
    reading.score = label_ratio * value_ratio * (0.6 if mismatches else 1.0) * (0.8 if off_period else 1.0) * \
        (0.9 if bare_years and not calendar else 1.0) * (0.5 if clashes else 1.0) * (0.3 if valued else 1.0) * (0.7 if repeats else 1.0) * coverage
    if not cells:
        reading.score = 0.0


def _derived_cells(table: Table) -> set[str]:
    """Cells of the columns and rows computed from the others, or about another offence: not figures a
    reading must read."""
    cols, rows = table.column_labels(), table.row_labels()
    width = table.width
    derived_cols = {i + table.n_label for i in not_ours(cols)}
    skipped_rows = not_ours(rows)
    out = set()
    for ri, r in enumerate(table.rows[table.n_header:]):
        row_derived = ri in skipped_rows
        if not row_derived and not derived_cols:
            continue
        for c in range(table.n_label, min(len(r), width)):
            if row_derived or c in derived_cols:
                out.add(r[c].location)
    return out


_DECIDED_SHAPE = re.compile(r"^(\d+) header rows, (\d+) label columns, decided$")


def shape(reading: Reading) -> tuple[int, int]:
    """(header rows, label columns) of a cross-tab reading (a layout's guess, a variant, or a person's decision)."""
    decided = _DECIDED_SHAPE.match(reading.variant)
    if decided:
        return int(decided.group(1)), int(decided.group(2))
    for h, l_, v in _header_variants(reading.table):
        if v == reading.variant:
            return h, l_
    return reading.table.n_header, reading.table.n_label


def _label_locations(reading: Reading) -> set[str]:
    """Header and row-label cells the reading uses as labels."""
    nh, nl = shape(reading)
    rows = reading.table.rows
    return {c.location for r in rows[:nh] for c in r} | {c.location for r in rows[nh:] for c in r[:nl]}


def _reconcile(table: Table, variant: str, by_axis: dict[str, set[str]], dims: dict[str, str | None],
               ref: Reference) -> tuple[list[str], int]:
    """Printed Total rows and columns against the cells they add up (bounds for suppressed cells;
    a sum that leaves out starred cells is a known pattern, not a mismatch)."""
    nh, nl = table.n_header, table.n_label
    for h, l_, v in _header_variants(table):
        if v == variant:
            nh, nl = h, l_
    rows = table.row_labels(nh, nl)
    cols = table.column_labels(nh, nl)
    body = table.rows[nh:]
    # computed columns and rows (a change, a rate), and another offence's, are neither parts nor totals
    derived_cols = {i + nl for i in not_ours(cols)}
    derived_rows = not_ours(rows)
    total_rows = [i for i, labels in enumerate(rows) if any(is_total_label(x) for x in labels) and i not in derived_rows]
    total_cols = [c for c in range(nl, table.width) if any(is_total_label(x) for x in cols[c - nl]) and c not in derived_cols]
    # membership by set: a census extract whose every row is a "Total" row took 7 s as lists
    is_total_row, is_total_col = set(total_rows).__contains__, set(total_cols).__contains__
    out: list[str] = []
    checks = 0

    def bounds(cells: list[object]) -> tuple[float, float, int] | None:
        lo = hi = 0.0
        starred = 0
        for v in cells:
            pv = parse_value(v)
            if pv.status == "reported" and pv.value is not None:
                lo += pv.value
                hi += pv.value
            elif pv.status == "suppressed" and pv.low is not None and pv.high is not None:
                lo += pv.low
                hi += pv.high
                starred += 1
            elif pv.status in ("empty",) or (isinstance(v, str) and v.strip() in DASHES):
                continue
            else:
                return None
        return lo, hi, starred

    def check(total: object, parts: list[object], what: str) -> None:
        nonlocal checks
        t = parse_value(total)
        b = bounds(parts)
        if t.status != "reported" or t.value is None or b is None or len([p for p in parts if not is_blank(p)]) < 2:
            return
        checks += 1
        lo, hi, starred = b
        visible = sum(parse_value(p).value or 0 for p in parts if parse_value(p).status == "reported")
        slack = _rounding(parts) + 1e-9  # shares printed rounded ("29.7%") need not add up to the 100% printed
        if lo - slack <= t.value <= hi + slack or (starred and abs(t.value - visible) < slack):
            return
        out.append(f"{what}: parts sum to {lo:g}" + (f"-{hi:g}" if hi != lo else "") + f", printed {t.value:g}")

    parts_of = total_parts(rows, total_rows)
    for tr in total_rows:
        for c in range(nl, table.width):
            if not is_total_col(c) and c not in derived_cols:
                check(body[tr][c].value, [body[r][c].value for r in parts_of[tr] if r not in derived_rows],
                      f"column '{' / '.join(cols[c - nl])}'")
    for tc in total_cols:
        for r in range(len(body)):
            if not is_total_row(r) and r not in derived_rows:
                check(body[r][tc].value, [body[r][c].value for c in range(nl, table.width) if not is_total_col(c) and
                                          c not in derived_cols], f"row '{' / '.join(rows[r])}'")
    # the corner: the grand total against the row totals and against the column totals
    for tr in total_rows:
        for tc in total_cols:
            check(body[tr][tc].value, [body[r][tc].value for r in parts_of[tr]], "the grand total (by rows)")
            check(body[tr][tc].value, [body[tr][c].value for c in range(nl, table.width) if not is_total_col(c)],
                  "the grand total (by columns)")
    return out, checks


def _rounding(cells: list[object]) -> float:
    """How far a sum of figures printed rounded may be from the total printed: half a unit of the last
    printed decimal for each share or decimal figure (counts are whole and exact: none)."""
    out = 0.0
    for v in cells:
        if isinstance(v, float) and not v.is_integer():
            out += 0.05  # a stored decimal: its printed precision is not known, take one decimal
            continue
        text = str(v).strip() if isinstance(v, str) else ""
        pv = parse_value(v) if text else None
        if pv is None or pv.status != "reported":
            continue
        decimals = len(m.group(1)) if (m := re.search(r"\.(\d+)", text)) else 0
        if decimals or pv.is_percent:
            out += 0.5 * 10 ** -decimals
    return out


def _score_records(reading: Reading, ref: Reference, n_records: int) -> None:
    bad: list[str] = []
    good = 0
    for f in reading.figures:
        for lab in f.labels:
            text = lab.text.strip()
            if lab.dim == "age_years":
                ok = text.lower() in _UNKNOWN_WORDS or parse_age_years(text) is not None
            elif lab.dim == "gender":
                ok = text.lower() in _UNKNOWN_WORDS or match_gender(ref, text) is not None
            elif lab.dim == "platform_multi":
                ok = text.lower() in _UNKNOWN_WORDS or any(match_platform(ref, p) for p in split_platforms(ref, text))
            elif lab.dim == "period":
                ok = parse_period(text) is not None
            else:
                continue
            if ok:
                good += 1
            else:
                bad.append(text)
    total = good + len(bad)
    reading.score = (good / total if total else 0.0) * (1.0 if n_records >= 2 else 0.5)
    if bad:
        reading.problems.append(f"{len(bad)} record field(s) not valid for their column: "
                                + ", ".join(repr(x) for x in sorted(set(bad))[:5]))
    if n_records < 2:
        reading.problems.append("fewer than two records")


# --- statements -------------------------------------------------------------------------------

def _clause_counts(text: str) -> list[tuple[int, str, int, tuple[date, date]]]:
    """Each count a clause gives for the one period it names: (where it stands, the words, the number,
    the period)."""
    periods = periods_in_sentence(text)
    masked = list(text)
    for a, b, _ in periods:  # "between 1 April 2022 and 31 March 2023" is one period, not two clauses
        masked[a:b] = "x" * (b - a)
    for (_, b, _), (a, _, _) in zip(periods, periods[1:], strict=False):
        if PERIOD_JOIN.fullmatch(text[b:a]):
            masked[b:a] = "x" * (a - b)
    breaks = [m.start() for m in CLAUSE_BREAK.finditer("".join(masked))]
    out = []
    counted: set[int] = set()  # the clauses (by where they start) that name what they count
    for m in COUNT_IN_SENTENCE.finditer(text):
        start = max((b for b in breaks if b < m.start()), default=0)
        end = min((b for b in breaks if b >= m.end()), default=len(text))
        mine = [p for a, b, p in periods if a >= start and b <= end]
        if len(mine) != 1 or PARTIAL.search(text[start:end]):
            continue
        n = m.group("n").casefold()
        out.append((m.start(), m.group(0), COUNT_WORDS[n] if n in COUNT_WORDS else int(n.replace(",", "")), mine[0]))
        counted.add(start)
    if out:  # "... there were 54 crimes recorded, and between 1 April 2023 and 31 March 2024 there were 58."
        bounds = sorted({0, *breaks, len(text)})
        for start, end in zip(bounds, bounds[1:], strict=False):
            mine = [p for a, b, p in periods if a >= start and b <= end]
            clause = "".join(masked[start:end])
            bare = ELLIPTICAL_COUNT.search(clause)
            if start in counted or len(mine) != 1 or not bare or PARTIAL.search(clause) or OTHER_QUANTITY.search(clause):
                continue
            n = bare.group("n").casefold()
            out.append((start + bare.start("n"), bare.group(0).strip(), NUMBER_WORDS[n] if n in NUMBER_WORDS else int(n.replace(",", "")),
                        mine[0]))
    return sorted(out, key=lambda x: x[0])


def _paired_counts(sentence: str, periods: list[tuple[int, int, tuple[date, date]]]) -> list[tuple[int, str, int, tuple[date, date]]]:
    """A sentence's counts paired one to one with its periods, where the sentence says how: in the
    same order with `respectively`, or each count beside its own period ("54 offences were recorded
    in 2022/23, compared with 58 in 2023/24"). Otherwise nothing (never a guess)."""
    masked = list(sentence)
    for a, b, _ in periods:
        masked[a:b] = "\0" * (b - a)
    numbers = list(BARE_COUNT.finditer("".join(masked)))
    if len(numbers) != len(periods) or len(periods) < 2 or PARTIAL.search(sentence) or OTHER_QUANTITY.search("".join(masked)):
        return []
    if not RESPECTIVELY.search(sentence):
        order = sorted([(m.start(), "n") for m in numbers] + [(a, "p") for a, _, _ in periods])
        kinds = "".join(k for _, k in order)
        if kinds not in ("np" * len(numbers), "pn" * len(numbers)):
            return []
    return [(m.start(), m.group(0), int(m.group(0).replace(",", "")), p) for m, (_, _, p) in zip(numbers, periods, strict=True)]


def sentence_counts(text: str) -> tuple[list[tuple[str, int, tuple[date, date]]], list[str]]:
    """Each count a line's sentences give for the periods they name: (the words, the number, the
    period); and the sentences that count offences for several periods in a way not read one to one
    (each one a doubt, never a guess and never lost without a word)."""
    found = _clause_counts(text)
    out: list[tuple[int, str, int, tuple[date, date]]] = []
    unread: list[str] = []
    for m in SENTENCE.finditer(text):
        mine = [c for c in found if m.start() <= c[0] < m.end()]
        sentence = m.group(0)
        periods = periods_in_sentence(sentence)
        if len(periods) >= 2 and len({c[3] for c in mine}) < len({p for _, _, p in periods}):
            paired = _paired_counts(sentence, periods)
            if paired and all((n, p) in {(x[2], x[3]) for x in paired} for _, _, n, p in mine):
                mine = [(m.start() + a, w, n, p) for a, w, n, p in paired]
            elif COUNT_IN_SENTENCE.search(sentence) and not PARTIAL.search(sentence):
                unread.append(sentence.strip())
        out += mine
    return [(w, n, p) for _, w, n, p in sorted(out, key=lambda x: x[0])], unread


def counts_by_period(text: str) -> list[tuple[str, int, tuple[date, date]]]:
    """Each count a line gives for a period it names: in the same clause, or paired one to one by the
    sentence (the words, the number, the period). A clause naming two periods, or none, gives nothing
    (never a guess)."""
    return sentence_counts(text)[0]


def counts_stated(prose: list[ProseLine], ref: Reference) -> list[RawFigure]:
    """Counts a letter gives in words for periods it names (a nil return in words: "No offences were
    recorded in 2022/23 ... one offence in 2023/24"), each a total of its own period; never from a
    sentence naming another offence."""
    return counts_and_doubts(prose, ref)[0]


def counts_and_doubts(prose: list[ProseLine], ref: Reference) -> tuple[list[RawFigure], list[ReaderNote]]:
    """counts_stated, and a doubt for each sentence counting offences for several periods that could
    not be read one to one ("In 2022/23 and 2023/24 there were 54 and 58 offences")."""
    out: list[RawFigure] = []
    doubts: list[ReaderNote] = []
    for line in prose:
        named = ref.offences_named(line.text)
        if named and THE_OFFENCE not in named:
            continue
        counts, unread = sentence_counts(line.text)
        doubts += [ReaderNote("sentence_not_read", line.location, f"a sentence counts offences for several periods in a way "
                              f"not read one count to one period; check its figures: {u[:160]!r}", u[:300]) for u in unread]
        for words, n, (start, end) in counts:
            out.append(RawFigure(words, line.location, [Label("sentence", "Total", "role"),
                                                        Label("sentence", f"{start} to {end}", "period")],
                                 read_as=n, note=f"stated: {line.text[:200]}", block="statement"))
    answered, unanswered = _answered_counts(prose, ref, {lab.text for f in out for lab in f.labels if lab.dim == "period"})
    return out + answered + _listed_counts(prose, ref, {f.location for f in out + answered}), doubts + unanswered


ANSWER_WORDS = {**COUNT_WORDS, "none": 0, "zero": 0}
_ANSWER_N = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+|" + "|".join(sorted(ANSWER_WORDS, key=len, reverse=True)) + r")"
_ANSWER_END = (r"(?:\s+(?:offences?|crimes?)(?:\s+(?:were|was|have been|had been)\s+recorded)?)?\s*"
               r"(?:\.(?=\s|$)|;|$|(?=\s+(?:q(?:uestion)?\s*\d|\d{1,2}[.)]\s|yours|kind regards|regards)\b))")
# a question the letter repeats, then its answer a number alone ("1. How many offences ... in 2022/23? 54";
# "Question 2: How many in 2023/24? Answer: 58"): the answer was lost (the letter read as holding no figure)
QUESTION_ANSWER = re.compile(r"(?P<q>[^?]{8,400}\?)\s*(?:(?:answer|response|reply|a\s*\d*)\s*[:.)\-]\s*)?" + _ANSWER_N + _ANSWER_END, re.I)
# a request restated without a question mark, its answer on the next line ("You asked: the number of ... in
# 2022/23." / "Response: 54 offences.")
REQUEST_LINE = re.compile(r"^(?:you asked|your request|request(?:ed)?|question\s*\d*|q\s*\d+)\b", re.I)
REQUEST_AND_ANSWER = re.compile(r"(?P<q>\b(?:you asked|your request|request(?:ed)?|question\s*\d*|q\s*\d+)\b[^?]{8,400}?)\s+"
                                r"(?:answer|response|reply|a\s*\d*)\s*[:.)\-]\s*" + _ANSWER_N + _ANSWER_END, re.I)
ANSWER_LINE = re.compile(r"^(?:(?:answer|response|reply|a\s*\d*)\s*[:.)\-]\s*)?" + _ANSWER_N + _ANSWER_END, re.I)
COUNT_ASKED = re.compile(r"\b(how many|number of|offences?|crimes?)\b", re.I)
# a question about part of the offences or about something else: its answer is no period's total
QUALIFIED = re.compile(r"\b(under|over|aged?|female|male|girls?|boys?|where|which|whom|charged|outcomes?|victims?|suspects?|"
                       r"arrests?|per ?cent|rate)\b", re.I)


def _names_a_platform(ref: Reference, text: str) -> bool:
    """Whether a sentence names a platform ("How many offences involved Snapchat in 2023/24?")."""
    words = re.findall(r"[A-Za-z][\w&'+-]*", text)
    return any(ref.platforms[key].name.casefold() not in ("other", "unknown") for size in (1, 2, 3) for i in range(len(words) - size + 1)
               if (key := label_key(" ".join(words[i:i + size]))) in ref.platforms)


def _answered_counts(prose: list[ProseLine], ref: Reference, have: set[str]) -> tuple[list[RawFigure], list[ReaderNote]]:
    """Each count a letter gives as the answer to a question it repeats, for the one period the question
    names; an answer to a question about part of the offences, or naming no one period, is a doubt."""
    pairs: list[tuple[str, re.Match[str], str]] = []  # (the question, the answer's match, its line's location)
    for i, line in enumerate(prose):
        for m in [*QUESTION_ANSWER.finditer(line.text), *REQUEST_AND_ANSWER.finditer(line.text)]:  # on one line (a PDF runs them together)
            pairs.append((m.group("q"), m, line.location))
        asks = line.text.rstrip().endswith("?") or REQUEST_LINE.match(line.text.strip())
        answer = ANSWER_LINE.match(prose[i + 1].text.strip()) if asks and i + 1 < len(prose) else None
        if answer and not QUESTION_ANSWER.search(line.text):
            pairs.append((line.text, answer, prose[i + 1].location))  # the answer on the line after its question
    out: list[RawFigure] = []
    doubts: list[ReaderNote] = []
    for asked, m, location in pairs:
        question = [x.group(0) for x in SENTENCE.finditer(asked) if x.group(0).strip(" .0123456789)")][-1:]
        q = question[0] if question else asked
        named = ref.offences_named(q)
        if not COUNT_ASKED.search(q) or (named and THE_OFFENCE not in named):
            continue
        periods = {p for _, _, p in periods_in_sentence(q)}
        n = m.group("n").casefold()
        if len(periods) != 1 or _topics(q) or QUALIFIED.search(q) or PARTIAL.search(q) or _names_a_platform(ref, q):
            doubts.append(ReaderNote("sentence_not_read", location, f"an answer ({m.group('n')}) to a question about part of the "
                                     f"offences, or naming no one period, was not read; check it: {q.strip()[:160]!r}", q.strip()[:300]))
            continue
        start, end = next(iter(periods))
        if f"{start} to {end}" in have:
            continue
        have.add(f"{start} to {end}")
        out.append(RawFigure(m.group("n"), location, [Label("sentence", "Total", "role"), Label("sentence", f"{start} to {end}", "period")],
                             read_as=ANSWER_WORDS[n] if n in ANSWER_WORDS else int(n.replace(",", "")), note=f"answered: {q.strip()[:200]}",
                             block="statement"))
    return out, doubts


# a count beside a category's name in a sentence ("12 involved Snapchat", "5 Instagram", "3 via WhatsApp",
# "14 of the victims were female and 6 male")
_CATEGORY_COUNT = re.compile(r"(?<![\w.§/-])(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s+(?:(?:of the\s+)?(?:victims?|offences?|crimes?|cases?)\s+)?"
                             r"(?:were\s+)?(?:(?:involved|involving|on|via|through|using|used|took place on|occurred on)\s+)?"
                             r"(?P<name>[A-Za-z][\w&'+-]*(?:\s+[A-Za-z][\w&'+-]*){0,2})")


_AGE_COUNT = re.compile(r"(?<![\w.§/-])(?P<n>\d{1,3})\s+(?:(?:of the\s+)?victims?\s+)?(?:were\s+)?"
                        r"(?P<age>aged\s+under\s+\d{1,2}|aged\s+\d{1,2}(?:\s*(?:-|to)\s*\d{1,2})?|under\s+\d{1,2})(?!\s*(?:-|to)?\s*\d)",
                        re.I)


def categories_stated(prose: list[ProseLine], ref: Reference, dims: set[str]) -> list[RawFigure]:
    """Platforms, genders or ages a letter counts in a sentence ("Of these, 12 involved Snapchat, 5 Instagram
    and 3 WhatsApp"; "14 of the victims were female and 6 male"; "8 were aged under 13 and 12 aged 13 to
    15"): two of one dimension or more, each its count, for the one period the sentence names or, failing
    that, the one its sentence before names ("In 2023/24 ... 20 offences. Of these, ..."); never from a
    sentence about another offence. `dims`: the dimensions no table of the answer gives."""
    out: list[RawFigure] = []
    for i, line in enumerate(prose):
        named = ref.offences_named(line.text)
        if named and THE_OFFENCE not in named:
            continue
        found: dict[str, list[tuple[str, str]]] = {"platform": [], "gender": [], "age": []}
        for m in _CATEGORY_COUNT.finditer(line.text):
            words = m.group("name").split()
            # the longest run of the words that names a platform ("Facebook Messenger", not "WhatsApp. Yours")
            name = next((" ".join(words[:k]).rstrip(".,;") for k in range(len(words), 0, -1)
                         if match_platform(ref, " ".join(words[:k]).rstrip(".,;"))), None)
            if name and name[0].isupper():
                found["platform"].append((m.group("n"), name))
            elif match_gender(ref, words[0].rstrip(".,;")) in ("female", "male"):
                found["gender"].append((m.group("n"), words[0].rstrip(".,;")))
        for m in _AGE_COUNT.finditer(line.text):
            if match_age(ref, m.group("age")):
                found["age"].append((m.group("n"), m.group("age")))
        periods = [pr for _, _, pr in periods_in_sentence(line.text)]
        if not periods and i:
            periods = [pr for _, _, pr in periods_in_sentence(prose[i - 1].text)]
        labels = [Label("sentence", f"{periods[0][0]} to {periods[0][1]}", "period")] if len(periods) == 1 else []
        for dim, counts in found.items():
            if dim not in dims or len(counts) < 2:
                continue
            for n, name in counts:
                out.append(RawFigure(n, line.location, [Label("sentence", name, dim), *labels],
                                     note=f"stated: {line.text[:200]}", block="statement"))
    return out


# a line of a list giving one period's count ("• 2022/23 - 45", "2023/24: 52 offences")
_PERIOD_LINE = re.compile(r"^(?:[\u2022\u00b7*\-]\s*)?(?P<period>.+?)\s*(?:[-\u2013:=]|\s)\s*(?P<n>\d{1,3}(?:,\d{3})*|\d+)"
                          r"(?:\s*(?:offences?|crimes?|recorded))*\.?$", re.I)


def _listed_counts(prose: list[ProseLine], ref: Reference, taken: set[str]) -> list[RawFigure]:
    """Counts listed a period a line, two lines or more in a row ("2022/23 - 45" / "2023/24 - 52" under
    "The number of offences ... recorded:"), each its period's total; never under a line naming another
    offence, never a line that is itself a period ("2023 - 2024")."""
    found: list[tuple[int, ProseLine, str, tuple[date, date]]] = []
    for i, line in enumerate(prose):
        m = _PERIOD_LINE.match(line.text.strip())
        if not m or line.location in taken or parse_period(line.text.strip()) is not None:
            continue
        period = parse_period(m.group("period").strip(" -:"))
        if period is not None:
            found.append((i, line, m.group("n"), period))
    listed = {i for i, *_ in found}
    out: list[RawFigure] = []
    for i, line, n, (start, end) in found:
        if i - 1 not in listed and i + 1 not in listed:
            continue  # one such line alone is no list
        first = i
        while first - 1 in listed:
            first -= 1
        named = ref.offences_named(prose[first - 1].text) if first else []  # the line that introduces the list
        if named and THE_OFFENCE not in named:
            continue
        out.append(RawFigure(n, line.location, [Label("sentence", "Total", "role"), Label("sentence", f"{start} to {end}", "period")],
                             note=f"listed: {line.text[:200]}", block="statement"))
    return out


def _topics(text: str) -> list[str]:
    """Every breakdown a sentence names; age and gender together is one (age_gender), not three."""
    found = [breakdown for breakdown, pattern in TOPICS if pattern.search(text)]
    if "age_gender" in found:
        found = [t for t in found if t not in ("age", "gender")]
    return found


# words that make a count in a sentence a part of the offences, not their total ("12 offences involved girls under 13")
PART_WORDS = re.compile(r"\b(?:under|over|below|above)\s+(?:the age of\s+)?\d|\b(aged?|female|male|girls?|boys?|charged|charges?|outcomes?|"
                        r"suspects?|arrests?)\b", re.I)  # never "recorded under section 15A"


def _about_a_part(ref: Reference, sentence: str) -> bool:
    """Whether a sentence counts a part of the offences (a platform, an age, a gender, an outcome) or
    another offence's: its count is no total."""
    named = ref.offences_named(sentence)
    return bool(PART_WORDS.search(sentence) or _topics(sentence) or _names_a_platform(ref, sentence) or (named and THE_OFFENCE not in named))


def _total_stated(prose: list[ProseLine]) -> RawFigure | None:
    """The total a letter states in a sentence: one of the phrasings forces use (TOTAL_SENTENCES), else
    the one count of offences in a sentence that names no period. A total in a sentence naming one
    period is that period's; naming several, it is none of them and never the whole span's ("54
    offences were recorded in 2022/23, compared with 58 ..." gave 54 for both years)."""
    ref = reference()

    def stated(line: ProseLine, found: re.Match[str], value: str) -> RawFigure | None:
        sentence = next(m for m in SENTENCE.finditer(line.text) if m.start() <= found.start() < m.end())
        named = {p for _, _, p in periods_in_sentence(sentence.group(0))}
        # a figure then a capital: the next paragraph, run on with no full stop ("Number of offences: 62 The age and ...", a PDF)
        rest = line.text[found.end():sentence.end()]
        own = line.text[sentence.start():found.end()] + ("" if re.match(r"\s+[A-Z]", rest) else rest)
        if len(named) > 1 or _about_a_part(ref, own):
            return None
        return RawFigure(value, line.location, [Label("sentence", "Total", "role")]
                         + [Label("sentence", f"{a} to {b}", "period") for a, b in named], note=line.text[:200], block="statement")

    for line in prose:
        found = next((m for p in TOTAL_SENTENCES if (m := p.search(line.text))), None)
        if found and not PARTIAL.search(line.text[max(0, found.start() - 60):found.end() + 40]) and \
                (figure := stated(line, found, found.group(1))) is not None:
            return figure
    for line in prose:
        for sentence in SENTENCE.finditer(line.text):
            counts = list(COUNT_IN_SENTENCE.finditer(sentence.group(0)))
            if len(counts) != 1 or periods_in_sentence(sentence.group(0)) or _about_a_part(ref, sentence.group(0)):
                continue
            m = counts[0]
            before, after = sentence.group(0)[:m.start()], sentence.group(0)[m.end():]
            n = m.group("n").casefold()
            if PARTIAL.search(before) or RATE_AFTER.match(after) or not re.fullmatch(r"\d[\d,]*", n):
                continue
            return RawFigure(m.group("n"), line.location, [Label("sentence", "Total", "role")], note=line.text[:200], block="statement")
    return None


def statements(prose: list[ProseLine], have_total: bool, have_figures: bool) -> list[RawFigure]:
    """Figures stated in sentences: a total ("There have been 39 offences recorded"), and a
    part of the request refused, exempt or not held (its breakdown named by the sentence, the
    question above it, or the sheet it sits on)."""
    out: list[RawFigure] = []
    if not have_total and (total := _total_stated(prose)) is not None:
        out.append(total)
    seen: set[str] = set()
    for i, line in enumerate(prose):
        said = STATEMENT.search(line.text)
        if not said or parse_value(line.text).status not in ("refused", "withheld", "not_held"):
            continue
        # the sentence that says it, not the whole line: a PDF letter's paragraphs can come out as one line,
        # its counts before the refusal ("... there were 58. We do not record the platform ...")
        sentence = next(m.group(0) for m in SENTENCE.finditer(line.text) if m.start() <= said.start() < m.end())
        if parse_value(sentence).status not in ("refused", "withheld", "not_held"):
            sentence = line.text
        context = [line.location.split("!")[0] if "!" in line.location else "", sentence, line.text]
        context += [p.text for p in prose[max(0, i - 2):i]]
        # each part a sentence names ("the age and gender of the victim, the platform used ... are withheld")
        topics = next((t for t in (_topics(x) for x in context) if t), [])
        if not topics:
            if have_figures or not WHOLE_REQUEST.search(line.text):
                continue  # boilerplate about exemptions, or an exemption of something else (names of places)
            topics = ["total"]
        for topic in topics:
            if topic in seen:
                continue
            seen.add(topic)
            out.append(RawFigure(sentence[:300], line.location, [Label("statement", topic, "breakdown")],
                                 note=f"stated: {sentence[:200]}", block="statement"))
    return out


# --- choosing ---------------------------------------------------------------------------------

ADAPTERS = ("crosstab", "timewide", "records", "html", "transcription", "public_record")


def readings(table: Table, ref: Reference, period: tuple[date, date] | None, zeros: set[str], adapter: str | None = None,
             calendar: bool = False) -> list[Reading]:
    """Every plausible reading of the table, best first (`adapter:` in source.yml limits them)."""
    out: list[Reading] = []
    if adapter != "records":
        for nh, nl, variant in _header_variants(table):
            r = Reading("crosstab", table, _crosstab(table, nh, nl, zeros), variant)
            _score_crosstab(r, ref, period, calendar)
            out.append(r)
    long = _tidy(table, ref) if adapter in (None, "crosstab", "html") else None
    if long is not None:
        r = Reading("long", table, long, "one line per combination, a count column")
        _score_tidy(r, ref)
        out.append(r)
    # a table with a count on every line is not a list of records to be counted
    rec = _records(table, ref, period) if adapter in (None, "records", "html") and long is None else None
    if rec is not None:
        figures, n = rec
        r = Reading("records", table, figures, f"{n} records")
        _score_records(r, ref, n)
        out.append(r)
    return sorted(out, key=lambda x: -x.score)


def choose(table: Table, ref: Reference, period: tuple[date, date] | None, zeros: set[str], adapter: str | None = None,
           calendar: bool = False) -> Verdict:
    """The best reading of the table, and whether it needs review (`calendar`: the letter says its
    years are calendar years, so bare years across are no doubt)."""
    candidates = readings(table, ref, period, zeros, adapter, calendar)
    best = candidates[0] if candidates else None
    others = candidates[1:]
    if best is None or best.score == 0 or best.kept == 0 or not any(
            match_dimension(ref, d, lab.text) for f in best.figures for lab in f.labels for d in DIMENSIONS) and \
            not any(match_role(ref, lab.text) for f in best.figures for lab in f.labels):
        if best is not None and best.kept == 0 and best.figures:
            lost = [p for p in best.problems if "label(s)" in p]
            return Verdict(table, None, candidates, not_read="every figure in it has a label that is no age band, gender, "
                           "platform, period or area" + (f" ({lost[0].split(': ', 1)[-1]})" if lost else ""))
        labels = sorted({lab.text for f in (best.figures if best else []) for lab in f.labels})[:6]
        return Verdict(table, None, candidates, not_read="no label in it is an age band, gender, platform, period or area"
                       + (f" ({', '.join(repr(x) for x in labels)})" if labels else ""))
    review = ""
    if best.problems or best.score < STRONG:
        review = f"best reading ({best.name}, score {best.score:.2f}) is weak: " + "; ".join(best.problems)
    rival = next((o for o in others if o.score >= best.score - CLOSE and o.signature() != best.signature()), None)
    if rival is not None:
        review = (review + "; " if review else "") + (
            f"two readings disagree: {best.name} (score {best.score:.2f}) and {rival.name} (score {rival.score:.2f}) "
            "give different figures")
    return Verdict(table, best, others, review)




# a label and two figures or more, and nothing else ("Male 55* 49^"): a table's row printed where no table was found
_ROW_LIKE = re.compile(r"^(?P<label>[^\d\s][^\d]{0,60}?)\s+(?P<cells>(?:\S+(?:\s+|$)){2,12})$")
# lines of a letter that end in numbers and are no row: a telephone number, a page, an address, a reference
_NOT_A_ROW = re.compile(r"\b(tel|telephone|phone|fax|mobile|box|page|ref|reference|foi|request|dx|postcode|room|floor|"
                        r"section|s\.|act|date|dated|suite|unit)\b", re.I)


def row_like(text: str) -> bool:
    """A line of text that reads like a table's row: a short label, then only figures or markers."""
    m = _ROW_LIKE.match(" ".join(text.split()))
    if not m or _NOT_A_ROW.search(m.group("label")) or len(m.group("label").split()) > 6:
        return False
    # a cell: a number with any mark set against it ('56 (r)', '1,316 R', '7 [note 2]'), or one word-like token
    cells = re.findall(r"\d[\d,]*(?:\.\d+)?(?:\s?" + MARK + r")?(?=\s|$)|\S+", m.group("cells"), flags=re.I)
    if all(YEAR_ALONE.fullmatch(c) for c in cells):
        return False  # a line of years heads columns
    return all(parse_value(c).status == "suppressed" or (re.match(r"^\d", c) and not re.match(r"^0\d", c) and
                                                         parse_value(c).status == "reported") for c in cells) and \
        any(parse_value(c).status == "reported" for c in cells)


def hostile_text(tables: list[Table], prose: list[ProseLine], limit: int = 5) -> list[ReaderNote]:
    """Cells and lines that carry markup or formula text: they are only ever shown as plain text
    and written formula-safe, and each is flagged so a person knows the return carried them."""
    notes: list[ReaderNote] = []
    seen: set[tuple[str, str]] = set()
    cells = [(c.location, c.value, True) for t in tables for r in t.rows for c in r if isinstance(c.value, str)]
    for loc, text, in_table in cells + [(p.location, p.text, False) for p in prose]:
        kind = ("markup_like_text" if MARKUP.search(text) else
                "formula_like_text" if in_table and looks_like_formula(text.strip()) else "")
        if not kind or (kind, text) in seen or sum(1 for k, _ in seen if k == kind) >= limit:
            continue
        seen.add((kind, text))
        what = "markup (a tag, a link or an image)" if kind == "markup_like_text" else "a spreadsheet formula"
        notes.append(ReaderNote(kind, loc, f"text that looks like {what}: kept as plain text, never rendered or run", text[:200]))
    return notes


def dash_zero_cells(tables: list[Table], prose: list[ProseLine]) -> dict[str, set[str]]:
    """Per table, the cells printed '-' that stand for 0. A return that shows it prints 0 as '-'
    (a table whose totals add up only so, or a note saying so) does so throughout (Durham
    1406745: three tables share one Total row)."""
    zeros = {t.name: dash_zeros(t) for t in tables}
    if any(zeros.values()) or any(DASH_NOTE.search(p.text) for p in prose):
        zeros = {t.name: {c.location for r in t.body for c in r if isinstance(c.value, str) and c.value.strip() in DASHES}
                 for t in tables}
    return zeros


def _decided(v: Verdict, t: Table, mine: list[Decision], ref: Reference, period: tuple[date, date] | None, zeros: set[str],
             notes: list[ReaderNote]) -> Verdict:
    """The table as a person decided it reads (ingest/decisions.py): a doubt settled, not asked again."""
    said = "; ".join(d.describe() for d in mine)
    candidates = [x for x in [v.best, *v.others] if x is not None]
    for d in mine:
        notes.append(ReaderNote("decision_applied", t.name, f"table '{t.name}': {d.describe()}"))
    if any(d.kind == "skip" or (d.kind == "offence" and d.fields["offence"] in SKIPPING_OFFENCES) for d in mine):
        return Verdict(t, None, candidates, not_read=f"as decided: {said}")
    best = v.best
    for d in mine:
        if d.kind == "reading":
            found = next((x for x in candidates if x.name == d.fields["reading"]), None)
            if found is None:
                notes.append(ReaderNote("decision_unmatched", t.name, f"table '{t.name}' has no reading named "
                                        f"{d.fields['reading']!r} (it has: {', '.join(x.name for x in candidates) or 'none'}); not applied"))
            else:
                best = found
        elif d.kind == "header_rows":
            nh, nl = int(d.fields["header_rows"]), int(d.fields["label_columns"])
            best = Reading("crosstab", t, _crosstab(t, nh, nl, zeros), f"{nh} header rows, {nl} label columns, decided")
            _score_crosstab(best, ref, period)
    if best is None:
        return Verdict(t, None, candidates, not_read=v.not_read)
    means = label_means(mine, t.name)
    meanings = [d for d in mine if d.kind == "label" and "=" in str(d.fields["means"])]
    kept = []
    for f in best.figures:
        labels: list[Label] = []
        drop = False
        for lab in f.labels:
            role = next((m for k, m in means.items() if same_label(k, lab.text)), None)
            if role == "header":  # a heading's name ("Victim Gender"), not a category
                continue
            if role in ("derived", "note"):
                drop = True
                break
            meaning = next((d for d in meanings if same_label(str(d.fields["label"]), lab.text)), None)
            if meaning is not None:  # learned_labels.csv holds it too; here in case that file does not
                dim, _, value = str(meaning.fields["means"]).partition("=")
                if not match_dimension(ref, dim, lab.text):
                    lab = Label(lab.axis, value, dim)
            labels.append(lab)
        if drop:
            continue
        f.labels = labels
        for d in mine:
            if d.kind == "offence":
                f.labels.append(Label(f"{t.name}.decided", str(d.fields["offence"]), "offence"))
            elif d.kind == "period" and not any(lab.dim == "period" or match_dimension(ref, "period", lab.text) for lab in f.labels):
                f.labels.append(Label(f"{t.name}.decided", f"{d.fields['period_start']} to {d.fields['period_end']}", "period"))
            elif d.kind == "figure" and f.location == d.fields["location"]:
                f.read_as, f.corrected = d.fields["value"], True
        f.decided = said
        kept.append(f)
    best.figures = kept
    for d in mine:
        if d.kind == "figure" and not any(f.location == d.fields["location"] for f in kept):
            notes.append(ReaderNote("decision_unmatched", t.name, f"table '{t.name}' has no figure at {d.fields['location']}; "
                                    "the correction was not applied"))
    return Verdict(t, best, [x for x in candidates if x is not best])


def _month_of(v: object) -> int | None:
    return MONTHS.get(v.strip().rstrip(".").casefold()) if isinstance(v, str) else None


def months_in_titled_year(table: Table, ref: Reference) -> tuple[Table, tuple[date, date]] | None:
    """A table of bare month names ("April" ... "March") under a title naming one year ("2022/23",
    "2023") reads each month in that year: the table with those labels dated ("April 2022"), or None.
    Months with no year are no period; the title says which (a monthly return in two halves, one
    year each)."""
    titled = [p for p in periods_named(table.title) if 27 <= (p[1] - p[0]).days <= 366]
    if len(titled) != 1:
        return None
    start, end = titled[0]

    def dated(cell: Cell) -> Cell:
        month = _month_of(cell.value)
        if month is None:
            return cell
        year = start.year if date(start.year, month, 1) >= date(start.year, start.month, 1) else start.year + 1
        if date(year, month, 1) > end:
            return cell
        return Cell(f"{str(cell.value).strip()} {year}", cell.location)

    def months(cells: list[Cell]) -> bool:
        texts = [c.value for c in cells if not is_blank(c.value)]
        named = [t for t in texts if _month_of(t) is not None]
        return len(named) >= 3 and all(_month_of(t) is not None or match_role(ref, str(t)) == "total" for t in texts)

    rows = [list(r) for r in table.rows]
    changed = False
    for c in range(table.n_label):
        if months([r[c] for r in table.body if c < len(r)]):
            for r in rows[table.n_header:]:
                r[c] = dated(r[c])
            changed = True
    for h in range(table.n_header):
        if months(rows[h][table.n_label:]):
            rows[h] = [dated(x) if i >= table.n_label else x for i, x in enumerate(rows[h])]
            changed = True
    return (replace(table, rows=rows), (start, end)) if changed else None


def part_periods(prose: list[ProseLine]) -> dict[tuple[date, date], tuple[date, date]]:
    """Part years a letter states in words, by the whole year they are part of: "2024: 1 January to
    31 May" makes a column headed 2024 (or 2024*) the five months, not the calendar year. A range
    counts when it starts or ends with its year (calendar or financial) and is the only range the
    letter gives inside that year."""
    found: dict[tuple[date, date], set[tuple[date, date]]] = {}
    for line in prose:
        for _, _, (start, end) in periods_in_sentence(line.text):
            years = [(date(start.year, 1, 1), date(start.year, 12, 31))]
            fy = start.year if start.month >= 4 else start.year - 1
            years.append((date(fy, 4, 1), date(fy + 1, 3, 31)))
            for whole in years:
                if whole[0] <= start <= end <= whole[1] and (start, end) != whole and (start == whole[0] or end == whole[1]):
                    found.setdefault(whole, set()).add((start, end))
    return {whole: next(iter(parts)) for whole, parts in found.items() if len(parts) == 1}


def _table_periods(reading: Reading, table: Table, ref: Reference, notes: list[ReaderNote],
                   parts: dict[tuple[date, date], tuple[date, date]]) -> None:
    """Periods a table says for itself, over the period the request asked:

    - a period label the letter says is a part year ("2024*" with "* 2024: 1 January to 31 May")
      is that part (`parts`, from part_periods);
    - a total across a row or column of periods covers those periods (a monthly table's Total is
      its months, not the two years the request asked: a return printed two halves side by side,
      one year each, with a total under each);
    - a figure with no period of its own takes the one period its title names ("... / 2023/24")."""
    figures = [f for f in reading.figures if not f.aggregate]

    def dim_of(lab: Label) -> str | None:
        return lab.dim or reading.dims.get(lab.axis)

    spans: dict[str, list[tuple[date, date]]] = {}
    shortened: set[str] = set()
    for f in figures:
        for lab in list(f.labels):
            if dim_of(lab) == "period" and (p := parse_period(lab.text)) is not None:
                if p in parts and not lab.axis.endswith(".part"):
                    p = parts[p]
                    f.labels.append(Label(f"{lab.axis}.part", f"{p[0]} to {p[1]}", "period"))  # the later label wins
                    shortened.add(lab.text)
                spans.setdefault(lab.axis, []).append(p)
    if shortened:
        notes.append(ReaderNote("period_from_table", table.name, f"table '{table.title[:60]}': {', '.join(sorted(shortened))} "
                                "read as the part year the letter states, not the whole year"))
    titled = [p for p in periods_named(table.title) if (p[1] - p[0]).days >= 27]
    spanned = 0
    for f in figures:
        if any(dim_of(lab) == "period" and parse_period(lab.text) is not None for lab in f.labels):
            continue
        totals = [lab for lab in f.labels if lab.axis in spans and match_role(ref, lab.text) == "total"]
        if totals:
            periods = spans[totals[0].axis]
            start, end = min(p[0] for p in periods), max(p[1] for p in periods)
            f.labels.append(Label(f"{totals[0].axis}.span", f"{start} to {end}", "period"))
            spanned += 1
        elif len(titled) == 1:
            start, end = titled[0]
            f.labels.append(Label(f"{table.name}.title", f"{start} to {end}", "period"))
    if spanned:
        notes.append(ReaderNote("period_from_table", table.name, f"table '{table.title[:60]}': {spanned} total(s) across "
                                "periods read as the span of the periods they add up, not the period asked"))
    if len(titled) == 1 and any(lab.axis.endswith(".title") for f in figures for lab in f.labels):
        notes.append(ReaderNote("period_from_table", table.name, f"table '{table.title[:60]}': figures with no period of "
                                f"their own read as {titled[0][0]} to {titled[0][1]}, the period its title names"))


def interpret(doc: Document, ref: Reference, period: tuple[date, date] | None, adapter: str | None = None,
              decisions: list[Decision] | None = None) -> Interpretation:
    """Every table's best reading and the statements in the prose, as raw figures; where a person
    decided how a table reads (`decisions`, this file's), as they decided."""
    decisions = decisions or []
    tables, table_prose, skipped = find_tables(doc.grids)
    notes = list(doc.notes)
    for name in skipped:
        notes.append(ReaderNote("sheet_ignored", name, f"'{name}' is a guidance sheet, not an answer"))
    prose = doc.prose + table_prose
    notes += hostile_text(tables, prose)
    zeros_by_table = dash_zero_cells(tables, prose)
    parts = part_periods(prose)
    calendar = any(CALENDAR_SAID.search(p.text) for p in prose) or any(whole[0].month == 1 for whole in parts)
    figures: list[RawFigure] = list(doc.figures)
    verdicts: list[Verdict] = []
    titled_tables: list[str] = []  # titles of tables that took a part of the period asked from their title
    undated_tables: list[Verdict] = []  # tables whose figures have no period of their own
    axis_dims: dict[str, str | None] = {}
    for t in tables:
        col_labels, row_labels = t.column_labels(), t.row_labels()
        derived = sorted({x for labs in col_labels + row_labels for x in labs if x and is_derived_label(x)})
        if derived:
            notes.append(ReaderNote("derived_skipped", t.name, f"table '{t.title[:60]}': column(s) or row(s) computed from the "
                                    f"others, not read: {', '.join(repr(x) for x in derived[:5])}"))
        for lines in (col_labels, row_labels):
            if not any(x and is_other_measure_label(x) for labs in lines for x in labs):
                continue
            measures = sorted({x for i in not_ours(lines) for x in lines[i] if x and is_other_measure_label(x)})
            if measures:
                notes.append(ReaderNote("other_measure_skipped", t.name, f"table '{t.title[:60]}': column(s) or row(s) counting "
                                        f"something else than the offences (victims, what followed), not read: {', '.join(repr(x) for x in measures[:5])}"))
        others = sorted({x for labs in col_labels + row_labels for x in labs if x and match_role(ref, x) == "other_offence"})
        if others:
            notes.append(ReaderNote("other_offence_skipped", t.name, f"table '{t.title[:60]}': row(s) or column(s) about another "
                                    f"offence, and any total over them, not read: {', '.join(repr(x) for x in others[:5])}"))
        dated = months_in_titled_year(t, ref)
        if dated is not None:
            t, (start, end) = dated
            notes.append(ReaderNote("period_from_table", t.name, f"table '{t.title[:60]}': months printed with no year read "
                                    f"in the one year its title names ({start} to {end})"))
        v = choose(t, ref, period, zeros_by_table[t.name], adapter, calendar or bool(CALENDAR_SAID.search(t.title)))
        named = ref.offences_named(t.title)
        mine = [d for d in decisions if d.table == t.name]
        if v.best is not None and named and THE_OFFENCE not in named and not any(d.kind == "offence" for d in mine):
            # its own title says what it counts (issue 18): a table of the same shape about s.15 beside the s.15A one
            # is never filed as s.15A, nor set against it as a second value of its figures; a person may say otherwise
            notes.append(ReaderNote("table_of_another_offence", t.name, f"table '{t.title[:80]}': its title names another "
                                    f"offence ({', '.join(named)}), not s.15A; not read as s.15A (if it is, say so: a decision "
                                    "on its offence)"))
            v = Verdict(t, None, [x for x in [v.best, *v.others] if x is not None],
                        review=f"the table's title names another offence ({', '.join(named)}), not s.15A: say what offence it counts",
                        not_read=f"its title names another offence ({', '.join(named)})")
        if mine:
            v = _decided(v, t, mine, ref, period, zeros_by_table[t.name], notes)
        verdicts.append(v)
        if v.best is None:
            notes.append(ReaderNote("table_not_read", t.name, f"table '{t.title[:80]}' not read: {v.not_read}"))
            continue
        kind = "timewide" if v.best.kind == "crosstab" and v.best.period_across else v.best.kind
        if adapter in ("crosstab", "timewide", "records"):
            kind = adapter
        _table_periods(v.best, t, ref, notes, parts)
        best = v.best
        with_period = [any((lab.dim or best.dims.get(lab.axis)) == "period" for lab in f.labels) for f in best.figures if not f.aggregate]
        own = {lab.text for f in best.figures for lab in f.labels if lab.axis.endswith(".title")}
        if period is not None and own - {f"{period[0]} to {period[1]}"}:  # a part of the period asked, named in its title
            titled_tables.append(t.title)
        elif not own and with_period and not any(with_period):
            undated_tables.append(v)
        for f in v.best.figures:
            f.review = v.review or t.review or doc.review
            f.reading = kind
        figures.extend(v.best.figures)
        # in a cross-tab, a heading of single years of age (13, 14, 15) is each one age, never folded into a band (the
        # records' reading of an age): three columns of one band were three values of one figure (issue 18)
        for axis, dim in v.best.dims.items():
            texts = {lab.text.strip() for f in v.best.figures for lab in f.labels if lab.axis == axis}
            single = dim == "age_years" and v.best.kind == "crosstab" and texts and all(x.isdigit() and int(x) <= 25 for x in texts)
            axis_dims[axis] = "age" if single else dim
    for undated in undated_tables if titled_tables else []:  # its period missed beside tables naming theirs?
        if undated.review:
            continue  # in doubt already, for its own reason
        undated.review = (f"it names no period of its own, while another table of the letter names its own "
                          f"('{titled_tables[0][:40]}'): given the period asked, which may be wrong; check (a decision on its period)")
        undated.review_type = "period_unclear"  # on the Review desk, where a person settles its period
        for f in undated.best.figures if undated.best else []:
            f.review = f.review or undated.review
    names = {t.name for t in tables}
    for d in decisions:
        if d.table not in names:
            notes.append(ReaderNote("decision_unmatched", d.table, f"a decision names table '{d.table}', which the file no longer "
                                    f"has (tables: {', '.join(sorted(names)) or 'none'}): not applied ({d.describe()})"))
    # a total: a figure whose labels are roles ("Total", "Number of offences"), periods or areas only
    have_total = any(all(match_role(ref, lab.text) in ("total", "value", "dimension") or match_dimension(ref, "period", lab.text)
                         or match_dimension(ref, "area", lab.text) for lab in f.labels) for f in figures if not f.aggregate)
    if not have_total:
        stated, doubts = counts_and_doubts(prose, ref)
        notes += doubts
        for f in stated:
            f.review = doc.review
            f.reading = "statement"
        figures.extend(stated)
        have_total = bool(stated)
    in_sentences = {"platform", "gender", "age"}
    given = {d for d in in_sentences if any(match_dimension(ref, d, lab.text) for f in figures for lab in f.labels)}
    if given != in_sentences:
        listed = categories_stated(prose, ref, in_sentences - given)  # "Of these, 12 involved Snapchat, 5 ..."
        for f in listed:
            f.review = doc.review
            f.reading = "statement"
        figures.extend(listed)
    for f in statements(prose, have_total, bool(figures)):
        f.review = doc.review
        f.reading = "statement"
        figures.append(f)
    used = {f.location for f in figures}
    notes += [ReaderNote("row_outside_table", line.location, f"a line that reads like a row of a table was not read as one: "
                         f"{line.text[:120]!r}") for line in prose if line.location not in used and row_like(line.text)]
    if doc.review:
        for f in figures:
            f.review = f.review or doc.review
    if doc.unevaluated:  # formulas a program wrote without computing them (issue 18): never "not provided"
        for f in figures:
            f.unevaluated = f.location in doc.unevaluated
    return Interpretation(figures, verdicts, notes, tables, prose, axis_dims)
