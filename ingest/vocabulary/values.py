"""Parse one printed figure into a status, a value and its bounds.

The four kinds of missing are kept apart (architecture habit 6): a suppressed small
number, an exemption, a refusal and "not held" each get their own status, and none of
them ever becomes 0.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from core.markers import NOT_PROVIDED_MARKERS, SUPPRESSED_MARKERS, ZERO_MARKERS, status_of_refusal

DEFAULT_SUPPRESSION = (1.0, 4.0)


@dataclass(frozen=True)
class ParsedValue:
    status: str  # one of schema.STATUSES, or "empty" / "unparsed" for the caller to decide
    value: float | None
    low: float | None
    high: float | None
    is_percent: bool = False
    mark: str = ""  # a footnote or revision mark set against the number ("¹", "*", "^", "R"), kept apart from it
    zero_word: bool = False  # a word for none ("Nil", "None"): a true zero


_NUMBER = re.compile(r"^[+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
# a number with a mark set against it (issue 18: '468¹', '2*', '3^', '20^**', '1,316 R', '52 (r)', '7 [note 2]'):
# the number is the figure, the mark a footnote or revision; a lone '*' stays a suppressed cell; daggers and
# section signs ('7†', '12‡') are footnote marks too
MARK = (r"(?:[\u00b9\u00b2\u00b3\u2070-\u2079\u2020\u2021\u00a7]+|\^+\**|\*+|\(?r\)?|\(p\)|\[r\]|\[note\s*\d+\]|\(note\s*\d+\))")
_MARKED = re.compile(r"^(?P<num>[+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?)\s*(?P<mark>" + MARK + ")$")
# a count printed with its share beside it, in one cell ("12 (34%)", "1,316 (22.5%)")
_COUNT_AND_SHARE = re.compile(r"^(?P<num>(\d{1,3}(,\d{3})+|\d+))\s*(?P<share>\(\s*\d+(\.\d+)?\s*%\s*\))$")
# a label with a footnote mark set against it ("2024*", "2023¹", "2022 (p)", "Female (a)"): the mark is no part of it
# (never a bare letter: "Gender" does not end in a revision mark)
MARKED_LABEL = re.compile(r"^(?P<label>.*?\S)\s*(?:[\u00b9\u00b2\u00b3\u2070-\u2079\u2020\u2021\u00a7]+|\^+\**|\*+|\((?:[a-z]|note\s*\d+)\)|"
                          r"\[(?:r|note\s*\d+)\])$", re.I)
# "1-4", "1 to 4" in a figure's cell: a small number withheld, printed as the range it lies in
_SMALL_RANGE = re.compile(r"^(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})$")
# "<5", "< 5", "less than 5", "fewer than 10"
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_LESS_THAN = re.compile(r"^(<|less than|fewer than|under)\s*(\d+)$")
_AT_MOST = re.compile(r"^(?:<=|≤|=<)\s*(\d+)$|^(\d+)\s+or\s+(?:fewer|less|under|below)$")


def parse_suppression_rule(rule: str | None) -> tuple[float, float]:
    """`suppression: "1-4"` or `"<5"` in source.yml -> (1, 4)."""
    if not rule:
        return DEFAULT_SUPPRESSION
    text = str(rule).strip().lower()
    m = re.fullmatch(r"(\d+)\s*(-|to|–)\s*(\d+)", text)
    if m:
        return float(m.group(1)), float(m.group(3))
    m = _LESS_THAN.match(text)
    if m:
        return 1.0, float(int(m.group(2)) - 1)
    raise ValueError(f"suppression rule {rule!r} is not like '1-4' or '<5'")


def parse_value(raw: object, suppression: tuple[float, float] = DEFAULT_SUPPRESSION) -> ParsedValue:
    """Parse a cell. Never evaluates text; never turns a marker into 0."""
    if raw is None:
        return ParsedValue("empty", None, None, None)
    if isinstance(raw, bool):
        return ParsedValue("unparsed", None, None, None)
    if isinstance(raw, (int, float)):
        v = float(raw)
        if math.isnan(v) or math.isinf(v):
            return ParsedValue("empty", None, None, None) if math.isnan(v) else ParsedValue("unparsed", None, None, None)
        return ParsedValue("reported", v, v, v)
    text = str(raw).translate(_ZERO_WIDTH).strip().replace("\u00a0", " ")  # zero-width marks copied from a web page
    if text == "":
        return ParsedValue("empty", None, None, None)
    low = text.lower()
    is_percent = False
    if low.endswith("%") or low.endswith("per cent"):
        is_percent = True
        low = low.removesuffix("%").removesuffix("per cent").strip()
    negative = False
    if low.startswith("-") and len(low) > 1 and low[1:].strip()[:1].isdigit():
        negative = True
        low = low[1:].strip()
    if _NUMBER.match(low):
        v = float(low.replace(",", ""))
        if negative:
            v = -v
        return ParsedValue("reported", v, v, v, is_percent)
    shared = _COUNT_AND_SHARE.match(low)
    if shared:  # "12 (34%)": a count printed with its share of the total; the count is the figure
        v = float(shared.group("num").replace(",", "")) * (-1 if negative else 1)
        return ParsedValue("reported", v, v, v, is_percent, shared.group("share"))
    marked = _MARKED.match(low)
    if marked:
        v = float(marked.group("num").replace(",", "")) * (-1 if negative else 1)
        return ParsedValue("reported", v, v, v, is_percent, marked.group("mark"))
    if low in ZERO_MARKERS:
        return ParsedValue("reported", 0.0, 0.0, 0.0, is_percent, zero_word=True)
    if low in SUPPRESSED_MARKERS:
        return ParsedValue("suppressed", None, suppression[0], suppression[1])
    m = _SMALL_RANGE.match(low)
    if m and int(m.group(1)) == 1 < int(m.group(2)) <= 9:
        # "1-4", "1 to 4": a small number withheld, printed as the range it lies in (never "5-9" or "13-15": age bands)
        return ParsedValue("suppressed", None, 1.0, float(m.group(2)))
    m = _LESS_THAN.match(low)
    if m:
        bound = float(m.group(2))
        return ParsedValue("suppressed", None, 1.0, max(bound - 1.0, 1.0))
    m = _AT_MOST.match(low)
    if m and int(m.group(1) or m.group(2)) >= 1:  # "<=5", "≤5", "5 or fewer": at most that many, at least one
        return ParsedValue("suppressed", None, 1.0, float(m.group(1) or m.group(2)))
    if low in NOT_PROVIDED_MARKERS:
        return ParsedValue("not_provided", None, None, None)
    refusal = status_of_refusal(low)
    if refusal is not None:
        return ParsedValue(refusal, None, None, None)
    return ParsedValue("unparsed", None, None, None)


NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
}


def parse_age_years(raw: object) -> float | None:
    """An exact age as recorded (13, "13", "13 yrs", "thirteen") -> 13.0; otherwise None."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return None if math.isnan(float(raw)) else float(raw)
    if raw is None:
        return None
    text = str(raw).strip().lower()
    m = re.fullmatch(r"(\d{1,3})(\.0)?\s*(years?|yrs?|y/?o|year old)?", text)
    if m:
        return float(m.group(1))
    return float(NUMBER_WORDS[text]) if text in NUMBER_WORDS else None
