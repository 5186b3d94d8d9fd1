"""Periods and dates in the forms forces and the press print them (formats doc s.4, s.5).

`parse_period(text)` returns an inclusive (start, end) pair of dates or None. It never
guesses a year that is not printed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from ingest.vocabulary.values import MARKED_LABEL

MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
MONTHS["sept"] = 9


_ORD = r"(?:st|nd|rd|th)?"
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def financial_year(start_year: int) -> tuple[date, date]:
    return date(start_year, 4, 1), date(start_year + 1, 3, 31)


def _safe(fn):  # type: ignore[no-untyped-def]
    """A printed period that names an impossible date ("0000", month 13) reads as no period."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return fn(*args, **kwargs)
        except (ValueError, OverflowError):
            return None

    return wrapper


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), "ymd"),
    (re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})$|^(\d{1,2})-(\d{1,2})-(\d{4})$"), "dmy"),
    (re.compile(rf"^(\d{{1,2}}){_ORD}\s+{_MONTH},?\s+(\d{{4}})$", re.I), "d_month_y"),
    (re.compile(rf"^{_MONTH}\s+(\d{{1,2}}){_ORD},?\s+(\d{{4}})$", re.I), "month_d_y"),
]


@_safe
def parse_date(text: str) -> date | None:
    """One date: `29th May 2025`, `March 31st, 2025`, `01/04/2022`, `9/3/18`, `2024-10-31`."""
    t = " ".join(str(text).replace(",", ", ").split()).strip(" ,.")
    t = t.replace(" ,", ",")
    t = re.sub(r"(?<=\d)(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$", "", t)  # a database export's time of day ("2023-01-05 00:00:00")
    for pattern, kind in _DATE_PATTERNS:
        m = pattern.match(t)
        if not m:
            continue
        try:
            if kind == "ymd":
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if kind == "dmy":  # UK order: day first
                d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
                return date(_year(y), int(mo), int(d))
            if kind == "d_month_y":
                return date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
            if kind == "month_d_y":
                return date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
        except ValueError:
            return None
    return None


# a year printed alone ("2023"): a heading, a row's label, a column of years
YEAR_ALONE = re.compile(r"(19|20)\d\d")
# a financial year inside a sentence or a title ("in 2022/23", "2023-24", "2022 to 2023")
FY_IN_TEXT = re.compile(r"\b(20[12]\d)\s*(?:/|-|–|to)\s*(20[12]\d|\d{2})\b")
_FY = re.compile(r"^(?:fy\s*|financial year\s*)?(\d{4})\s*(?:/|-|–|to)\s*(\d{1,4})$", re.I)
_COUNT_BEFORE = re.compile(r"^(?:(?:total\s+)?(?:number of\s+)?(?:recorded\s+)?(?:offences|crimes)(?:\s+recorded)?|recorded)"
                           r"\s*(?:in|for|during)?\s*[,:\-\u2013]?\s+(?=[a-z]*\s*\d)", re.I)
_FY_FROM = re.compile(r"^from\s+(\d{4})\s+to\s+(\d{4})$", re.I)
# "FY22/23", "FY 22-23": two-digit years only after a word that says a financial year (a bare "22/23" is no period)
_FY_SHORT = re.compile(r"^(?:fy|financial year)\s*(\d{2})\s*(?:/|-|–)\s*(\d{2})$", re.I)
# a month written in figures, as exports write it ("2023-04", "04/2023", "4/2023")
_NUMERIC_MONTH = re.compile(r"^(?:(20[12]\d)[-/](0[1-9]|1[0-2])|(0?[1-9]|1[0-2])[-/](20[12]\d))$")
_MONTH_YEAR = re.compile(rf"^{_MONTH}[\s\-']*(\d{{2}}|\d{{4}})$", re.I)
# "Q1 2023/24", "Quarter 1 2023-24": a quarter of a financial year (Q1 April to June)
_FY_QUARTER = re.compile(r"^(?:q|quarter\s*)([1-4])\s*(?:of\s+)?(?:fy\s*)?(\d{4})\s*(?:/|-|–)\s*(\d{2}|\d{4})$", re.I)
# "Apr-Jun 2023", "April to June 2023", "Jan - Mar 2024": months of one year
_MONTHS_OF_A_YEAR = re.compile(rf"^{_MONTH}\s*(?:-|–|to)\s*{_MONTH}\s*(\d{{4}})$", re.I)
_YEAR = re.compile(r"^(?:calendar year\s*)?(\d{4})$", re.I)
_RANGE_SPLIT = re.compile(r"\s*(?:\bto\b|\buntil\b(?:\s*\(and including\))?|\band\b|–|—|\s-\s|(?<=\d)-(?=\d{1,2}/)|(?<=\d)-(?=[a-z]{3}))\s*", re.I)


def _fy_pair(a: str, b: str) -> tuple[date, date] | None:
    start = int(a)
    end_txt = b
    if len(end_txt) == 4:
        end = int(end_txt)
    elif len(end_txt) == 2:
        end = (start // 100) * 100 + int(end_txt)
    elif len(end_txt) == 1:  # "financial year 2021/2"
        end = (start // 10) * 10 + int(end_txt)
    else:
        return None
    if end != start + 1:
        return None
    return financial_year(start)


# words after a period that leave it as it is ("2023/24 (provisional)", "2022/2023 financial year")
_SAME_PERIOD = re.compile(r"\s*(?:\((?:provisional|revised|final|unaudited|p|r)\)|\b(?:provisional|financial year|fy))$", re.I)
# a year cut short, said in the label ("2024/25 (to 30 September 2024)", "2024/25 (April to September)")
_CUT_TO = re.compile(r"^(?P<p>.+?)\s*\(?\s*(?:to|up to|until)\s+(?P<d>\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\.?(?:\s+\d{4})?|\d{1,2}/\d{1,2}/\d{2,4})\s*\)?$", re.I)
_PART_MONTHS = re.compile(rf"^(?P<p>.+?)\s*\(\s*{_MONTH}\s*(?:-|–|to)\s*{_MONTH}\s*\)$", re.I)
# twelve months named by their end ("Year ending March 2023", "year to 31 March 2024", "12 months to March 2024")
_YEAR_ENDING = re.compile(rf"^(?:(?:the\s+)?(?:year|12 months|twelve months)\s+(?:ending|ended|to)|ye)\s+(?:(\d{{1,2}}){_ORD}\s+)?{_MONTH}\s+(\d{{4}}|\d{{2}})$",
                          re.I)
_CALENDAR_WORDS = re.compile(r"^(?:cy\s*(\d{4})|(\d{4})\s*\(\s*jan(?:uary)?\s*(?:-|–|to)\s*dec(?:ember)?\s*\))$", re.I)


def _qualified(raw: str) -> tuple[date, date] | None:
    """A period with words that qualify it: kept as it is, cut short, or named by its end."""
    if (m := _SAME_PERIOD.search(raw)) and m.start() > 0:
        return parse_period(raw[:m.start()])
    if m := _YEAR_ENDING.match(raw):
        end = month_end(_year(m.group(3)), MONTHS[m.group(2).lower()])
        if m.group(1) and int(m.group(1)) != end.day:  # "year to 15 March 2024": no whole months, no guess
            return None
        return (date(end.year, 1, 1) if end.month == 12 else date(end.year - 1, end.month + 1, 1)), end
    if m := _CALENDAR_WORDS.match(raw):
        y = int(m.group(1) or m.group(2))
        return date(y, 1, 1), date(y, 12, 31)
    if (m := _CUT_TO.match(raw)) and (whole := parse_period(m.group("p"))) and (whole[1] - whole[0]).days > 300:
        for text in (m.group("d"), f"{m.group('d')} {whole[0].year}", f"{m.group('d')} {whole[1].year}"):
            if (d := parse_date(text)) and whole[0] <= d <= whole[1]:
                return whole[0], d
        return None
    if (m := _PART_MONTHS.match(raw)) and (whole := parse_period(m.group("p"))) and (whole[1] - whole[0]).days > 300:
        a, b = MONTHS[m.group(2).lower()], MONTHS[m.group(3).lower()]
        ya = whole[0].year + (a < whole[0].month)
        yb = whole[0].year + (b < whole[0].month)
        start, end = date(ya, a, 1), month_end(yb, b)
        return (start, end) if whole[0] <= start <= end <= whole[1] else None
    return None


@_safe
def parse_period(text: object) -> tuple[date, date] | None:
    """A period label -> inclusive (start, end), or None when it cannot be read for sure."""
    if text is None:
        return None
    raw = " ".join(str(text).split()).strip(" .:")
    if not raw:
        return None
    if (qualified := _qualified(raw)) is not None:
        return qualified
    marked = MARKED_LABEL.match(raw)  # "2024*" with its footnote "2024: 1 January to 31 May" (interpret reads that)
    if marked:
        raw = marked.group("label")
    # a count's words before the period ("Offences in 2022/23", "Number of offences, 2023/24"): the period
    raw = _COUNT_BEFORE.sub("", raw) or raw
    t = re.sub(r"^(between|from)\s+(?=\d|[a-z]+\s+\d)", "", raw, flags=re.I)
    m = _FY.match(raw) or _FY.match(t)
    if m and (fy := _fy_pair(m.group(1), m.group(2))):
        return fy
    numeric = _NUMERIC_MONTH.match(t)  # after the financial years: "2017-18" is a year, "2017-12" and "2023-04" months
    if numeric:
        year, month = (int(numeric[1]), int(numeric[2])) if numeric[1] else (int(numeric[4]), int(numeric[3]))
        return date(year, month, 1), month_end(year, month)
    if m:
        return None
    m = _FY_FROM.match(raw)
    if m:
        return _fy_pair(m.group(1), m.group(2))
    m = _FY_SHORT.match(raw)
    if m and (int(m.group(2)) - int(m.group(1))) % 100 == 1:
        return _fy_pair(f"20{m.group(1)}", m.group(2))
    m = _FY_QUARTER.match(raw)
    if m:
        fy = _fy_pair(m.group(2), m.group(3))
        if fy is None:
            return None
        first = 4 + 3 * (int(m.group(1)) - 1)  # April, July, October, January
        year = fy[0].year + (first > 12)
        first = (first - 1) % 12 + 1
        return date(year, first, 1), month_end(year, first + 2)
    m = _MONTHS_OF_A_YEAR.match(t)
    if m:
        a, b, year = MONTHS[m.group(1).lower()], MONTHS[m.group(2).lower()], int(m.group(3))
        return (date(year, a, 1), month_end(year, b)) if a <= b else None  # "Nov-Jan 2024": which year is whose?
    m = _MONTH_YEAR.match(t)
    if m:
        year, month = _year(m.group(2)), MONTHS[m.group(1).lower()]
        return date(year, month, 1), month_end(year, month)
    m = _YEAR.match(t)
    if m:
        y = int(m.group(1))
        return date(y, 1, 1), date(y, 12, 31)
    parts = [p for p in _RANGE_SPLIT.split(t) if p and p.strip()]
    if len(parts) == 2:
        a, b = parse_date(parts[0]), parse_date(parts[1])
        if a and b:
            return a, b
        ma, mb = _MONTH_YEAR.match(parts[0].strip()), _MONTH_YEAR.match(parts[1].strip())
        if ma and mb:
            ya, mo_a = _year(ma.group(2)), MONTHS[ma.group(1).lower()]
            yb, mo_b = _year(mb.group(2)), MONTHS[mb.group(1).lower()]
            return date(ya, mo_a, 1), month_end(yb, mo_b)
    d = parse_date(t)
    if d:
        return d, d
    return None



def periods_named(text: str) -> list[tuple[date, date]]:
    """The periods a title names, each once: a part between ` / ` that is a period as a whole
    ("2023", "Apr 2022 to Mar 2023"), or financial years inside its words ("Offences 2022/23")."""
    found: list[tuple[date, date]] = []
    for part in str(text).split(" / "):
        whole = parse_period(part)
        if whole is not None:
            if (whole[1] - whole[0]).days >= 27:  # a date line of a letterhead is no period
                found.append(whole)
            continue
        ranges = [(m.start(), m.end(), r) for m in _MONTH_RANGE_IN_TEXT.finditer(part) if (r := _month_range(m))] + \
                 [(m.start(), m.end(), r) for m in _RANGE_IN_TEXT.finditer(part) if (r := _range_match(m))]
        found += [r for _, _, r in ranges]  # a range inside a title's words ("... a child April 2022 to March 2023": a PDF's lines run together)
        for m in FY_IN_TEXT.finditer(part):
            if any(a <= m.start() < b for a, b, _ in ranges):
                continue
            last = m.group(2)
            first = int(m.group(1))
            if (int(last) if len(last) == 4 else (first // 100) * 100 + int(last)) == first + 1:
                found.append(financial_year(first))
    return list(dict.fromkeys(found))


_DAY_MONTH = rf"(\d{{1,2}}){_ORD}\s+{_MONTH}"
# "between 1 April 2022 and 31 March 2023", "1 January to 31 May 2024", "2024: 1 January to 31 May"
_RANGE_IN_TEXT = re.compile(
    rf"(?:(?P<y0>20\d\d)\s*[:,]\s*)?(?:between\s+|from\s+)?{_DAY_MONTH}(?:,?\s+(?P<y1>20\d\d))?\s*(?:to|and|until|-|–)\s*"
    rf"(?:\(and including\)\s*)?(\d{{1,2}}){_ORD}\s+{_MONTH}(?:,?\s+(?P<y2>20\d\d))?", re.I)
# "April 2022 to March 2023", "between Apr 2023 and Mar 2024": months with their years, in words
_MONTH_RANGE_IN_TEXT = re.compile(rf"(?:\b(?:between|from)\s+)?\b{_MONTH}\s+(20\d\d)\s*(?:to|and|until|-|–)\s*{_MONTH}\s+(20\d\d)\b", re.I)
_CALENDAR_YEAR = re.compile(r"\b(?:calendar year|in|during|for|of)\s+(20[12]\d)\b(?!\s*(?:/|-|–|to)\s*\d)", re.I)


@_safe
def _range_match(m: re.Match[str]) -> tuple[date, date] | None:
    year_end = m.group("y2") or m.group("y0")
    year_start = m.group("y1") or year_end
    if not year_end or not year_start:
        return None  # a range with no year printed is never given one
    start = date(int(year_start), MONTHS[m.group(3).lower()], int(m.group(2)))
    end = date(int(year_end), MONTHS[m.group(6).lower()], int(m.group(5)))
    return (start, end) if start <= end else None


def _month_range(m: re.Match[str]) -> tuple[date, date] | None:
    start = date(int(m.group(2)), MONTHS[m.group(1).lower()], 1)
    end = month_end(int(m.group(4)), MONTHS[m.group(3).lower()])
    return (start, end) if start <= end else None


def periods_in_sentence(text: str) -> list[tuple[int, int, tuple[date, date]]]:
    """Each period a sentence names, with where it stands (start, end of the words): date ranges
    ("between 1 April 2022 and 31 March 2023", "2024: 1 January to 31 May"), financial years
    ("in 2022/23") and calendar years ("in 2023", "calendar year 2021"). Never a year not printed."""
    found: list[tuple[int, int, tuple[date, date]]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in _RANGE_IN_TEXT.finditer(text):
        period = _range_match(m)
        if period is not None:
            found.append((m.start(), m.end(), period))
            taken.append((m.start(), m.end()))
    for m in _MONTH_RANGE_IN_TEXT.finditer(text):
        period = _month_range(m)
        if period is not None and free(m.start(), m.end()):
            found.append((m.start(), m.end(), period))
            taken.append((m.start(), m.end()))
    for m in FY_IN_TEXT.finditer(text):
        first, last = int(m.group(1)), m.group(2)
        if free(m.start(), m.end()) and (int(last) if len(last) == 4 else (first // 100) * 100 + int(last)) == first + 1:
            found.append((m.start(), m.end(), financial_year(first)))
            taken.append((m.start(), m.end()))
    for m in _CALENDAR_YEAR.finditer(text):
        if free(m.start(1), m.end(1)):
            y = int(m.group(1))
            found.append((m.start(1), m.end(1), (date(y, 1, 1), date(y, 12, 31))))
    return sorted(found)
