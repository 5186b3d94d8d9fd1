"""Classify a printed label: which dimension it belongs to and its canonical value.

The vocabularies are the data files in data/reference; the only code here is the
handful of patterns for age bands that no list can hold ("0-5", "13 and under", "16+").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from core.facts import THE_OFFENCE
from core.schema import STANDARD_AGE_BANDS
from ingest.vocabulary.periods import parse_period
from ingest.vocabulary.reference import Platform, Reference, label_key, reference
from ingest.vocabulary.values import MARKED_LABEL

T = TypeVar("T")

DIMENSIONS = ("gender", "age", "platform", "period", "area")


@dataclass(frozen=True)
class AgeBand:
    label: str
    low: int | None
    high: int | None

    @property
    def standard(self) -> bool:
        return self.label in STANDARD_AGE_BANDS


_AGE_RANGE = re.compile(r"^(?:aged\s+|age\s+)?(\d{1,2})\s*(?:-|to)\s*(\d{1,2})(?:\s*(?:years?|yrs?)(?:\s*old)?)?$")
_AGE_PAIR = re.compile(r"^(?:aged\s+)?(\d{1,2})\s*(?:and|&)\s*(\d{1,2})(?:\s*(?:years?|yrs?)(?:\s*old)?)?$")
_AGE_UNDER = re.compile(r"^(?:aged\s+)?(\d{1,2})\s*(?:and|or|&)\s*(?:under|younger|below)$")
_AGE_BELOW = re.compile(r"^(?:aged\s+)?(?:under|below|less than|u|<)\s*(\d{1,2})s?(?:\s*(?:years?|yrs?)(?:\s*old)?)?$")
_AGE_OVER = re.compile(r"^(?:aged\s+)?(\d{1,2})\s*(?:\+|and over|or over|and older|or older|and above)$|^(?:>=|≥)\s*(\d{1,2})$")
# signs as age bands ("<13", "<=12", ">15"): a label beside others, not a suppression marker
_AGE_SIGNED = re.compile(r"^(<=|≤|>)\s*(\d{1,2})(?:\s*(?:years?|yrs?))?$")
_AGE_ONE = re.compile(r"^(?:aged\s+|age\s+)?(\d{1,2})(?:\s*(?:years?|yrs?)(?:\s*old)?)?$")


def _memo(ref: Reference, kind: str, text: str, find: Callable[[], T]) -> T:
    """What a label means, worked out once per vocabulary (a table asks of the same label many times: the
    quirks and the fuzzer's 100x rounds spent a quarter of their time here)."""
    memo: dict[tuple[str, str], Any] = ref.__dict__.setdefault("_label_memo", {})
    key = (kind, text)
    if key not in memo:
        if len(memo) > 200_000:
            memo.clear()
        memo[key] = find()
    return memo[key]  # type: ignore[no-any-return]


def match_age(ref: Reference, text: str) -> AgeBand | None:
    return _memo(ref, "age", text, lambda: _either(text, lambda t: _match_age(ref, t)))


def _match_age(ref: Reference, text: str) -> AgeBand | None:
    key = label_key(text)
    if key in ref.age_labels:
        band, lo, hi = ref.age_labels[key]
        return AgeBand(band, lo, hi)
    m = _AGE_RANGE.match(key)
    if m:
        lo, hi = int(m.group(1)), int(m.group(2))
        if lo <= hi <= 25:
            return AgeBand(f"{lo}-{hi}", lo, hi)
        return None
    m = _AGE_PAIR.match(key)
    if m and int(m.group(2)) == int(m.group(1)) + 1 <= 25:  # "16 and 17": two ages side by side are a band
        lo, hi = int(m.group(1)), int(m.group(2))
        return AgeBand(f"{lo}-{hi}", lo, hi)
    m = _AGE_UNDER.match(key)
    if m:
        return AgeBand(f"0-{int(m.group(1))}", 0, int(m.group(1)))
    m = _AGE_BELOW.match(key)
    if m and int(m.group(1)) > 0:
        return AgeBand(f"0-{int(m.group(1)) - 1}", 0, int(m.group(1)) - 1)
    m = _AGE_OVER.match(key)
    if m:
        lo = int(m.group(1) or m.group(2))
        return AgeBand(f"{lo}+", lo, None)
    m = _AGE_SIGNED.match(key)
    if m:
        n = int(m.group(2))
        return AgeBand(f"0-{n}", 0, n) if m.group(1) != ">" else AgeBand(f"{n + 1}+", n + 1, None)
    m = _AGE_ONE.match(key)
    if m and int(m.group(1)) <= 25:
        n = int(m.group(1))
        return AgeBand(str(n), n, n)
    return None


def band_for_age(years: float) -> AgeBand:
    """An exact recorded age -> the standard request's band (records layout)."""
    if years < 12:
        return AgeBand("0-11", 0, 11)
    if years < 16:
        return AgeBand("12-15", 12, 15)
    return AgeBand("16+", 16, None)


_BILINGUAL = re.compile(r"\s+/\s+|\s*\|\s*")


def _either(text: str, match: Callable[[str], T | None]) -> T | None:
    """A label printed in two languages ("Benyw / Female", "Cyfanswm | Total": Welsh forces) means
    what its parts mean when the parts that are known agree."""
    found = match(text)
    if found is not None:
        return found
    marked = MARKED_LABEL.match(str(text).strip())  # "Male¹", "Female (a)": the label without its footnote mark
    if marked and (found := match(marked.group("label"))) is not None:
        return found
    parts = _BILINGUAL.split(str(text))
    if len(parts) != 2:
        return None
    known = [m for m in (match(p) for p in parts) if m is not None]
    return known[0] if known and all(k == known[0] for k in known) else None


def match_gender(ref: Reference, text: str) -> str | None:
    """gender_labels.csv, also with the victim named ("Victim's gender not recorded", "Female victims")."""
    return _memo(ref, "gender", text, lambda: _either(
        text, lambda t: ref.genders.get(label_key(t)) or ref.genders.get(" ".join(_VICTIM.sub(" ", label_key(t)).split()))))


# a platform's name with a word for what it is set after it ("SnapChat (app)", "Instagram app",
# "WhatsApp (messaging)"): the name is the platform
_PLATFORM_KIND = re.compile(r"\s*(?:\((?:app|application|website|web site|site|messaging|messenger app|social media)\)|"
                            r"\b(?:app|application|website)\b)$")


def match_platform(ref: Reference, text: str) -> tuple[str, str] | None:
    def one(t: str) -> Platform | None:
        key = label_key(t)
        return ref.platforms.get(key) or ref.platforms.get(_PLATFORM_KIND.sub("", key).strip())

    marked = MARKED_LABEL.match(str(text).strip())
    p = one(text) or (one(marked.group("label")) if marked else None)
    return (p.name, p.group) if p else None


def match_role(ref: Reference, text: str) -> str | None:
    """total / value (a count: "Number of offences") / dimension (the name of one: "Victim age", "Gender") /
    youngest_age / percent / other_offence, for labels that are not a category."""
    return _memo(ref, "role", text, lambda: _either(text, lambda t: _match_role(ref, t)))


# what may stand beside an offence's name in a label that is only that name ("Sexual communication with a
# child (s.15A SOA 2003) offences recorded")
_OFFENCE_NOISE = re.compile(r"\b(?:s|ss|sec|section|soa|sexual offences act|act|2003|offences?|crimes?|recorded|number of|no\. of|"
                            r"count of|total|all|the)\b|[()\[\]\-\u2013:;,./]", re.I)


# a section of the Act or a Home Office code beside an offence's name ("... grooming (s.15)", "71/17"): no category
_SECTION_OR_CODE = re.compile(r"\b(?:s|ss|sec|section)\.?\s*\d+[a-z]?\b|\b\d{1,3}/\d{1,2}[a-z]?\b|\b\d{1,3}[a-z]\b", re.I)


def offence_label(ref: Reference, text: str) -> str | None:
    """The offence a label names when the label is that offence's name and nothing more (a row of a table
    of several offences: "Sexual communication with a child", "Meeting a child following sexual grooming"):
    'scwc' for s.15A, else the other offence's name (offence_mentions.csv). None for any other label,
    and for a name with a category beside it ("Sexual communication with a child - female")."""
    if len(text) > 160:
        return None
    for pattern, named in ref.offence_mentions:
        if not pattern.search(text):
            continue
        rest = _OFFENCE_NOISE.sub(" ", _SECTION_OR_CODE.sub(" ", pattern.sub(" ", text))).split()
        # the rest of the offence's name ("sexual grooming", "a sexual act"), never a category or a number
        if any(re.search(r"\d", w) or label_key(w) in ref.genders or ref.platforms.get(label_key(w)) for w in rest):
            return None
        return named
    return None


# what a count's heading may carry after its name: "Offences (n)", "Crimes (number)"
_COUNT_SUFFIX = re.compile(r"\s*\((?:n|no\.?|number|count)\)$")


# a heading counting something else than offences recorded: victims, or what followed the offences ("Number
# of victims", "Charged/summonsed", "Outcome: charge", "Arrests", "Suspects identified"), beside the offences' column
OTHER_MEASURE = re.compile(r"^(?:(?:number|no\.?|count|total) of |total )?victims?(?: count| recorded| identified)?$|\b(charged|charges?|charge/summons|summons(ed)?|outcomes?|arrests?|arrested|suspects?|detected|detections?|"
                           r"solved|no further action|nfa|convictions?|convicted|cautions?|cautioned)\b", re.I)


def _match_role(ref: Reference, text: str) -> str | None:
    key = label_key(text)
    role = ref.roles.get(key) or ref.roles.get(_COUNT_SUFFIX.sub("", key))
    if role:
        return role
    if re.search(r"\d{4}", key) and parse_period(text) is not None:
        return None  # "Number of offences, 2022/23": a count of that year, its period the label's meaning
    named = offence_label(ref, text)
    if named is not None:
        # the offence counted is no category: its row is the offence's total; another offence's row is not ours
        return "value" if named == THE_OFFENCE else "other_offence"
    # "Total", "Grand total", "Sum:", and a named total such as "South East total" (NSPCC tables)
    if key.startswith("sum") or re.search(r"\btotals?\b", key):
        return "total"
    if "youngest" in key:
        return "youngest_age"
    if key.startswith("number of") or key.startswith("no. of") or key.startswith("count of"):
        return "value"
    # a heading that names a dimension of the victim ("Victim Gender", "Victim's age", "Age of victim"):
    # the name of a header level over its categories (issue 18), as label_roles.csv says of "Gender"
    bare = " ".join(_VICTIM.sub(" ", key).split())
    if bare != key and ref.roles.get(bare) in ("value", "dimension"):
        return ref.roles[bare]
    return None


_VICTIM = re.compile(r"\b(?:of (?:the )?)?victims?(?:'s|'|s')?(?=\s|$)|^(?:the )", re.I)


def is_total_label(text: str) -> bool:
    """A total row or column ("Total", "Grand total", "Sum:", "All ages", "South East total"): one
    definition, from label_roles.csv and the patterns in match_role, for the layout, the readings
    and the checks alike."""
    return bool(text) and match_role(reference(), text) == "total"


def match_dimension(ref: Reference, dim: str, text: str) -> bool:
    if dim == "gender":
        return match_gender(ref, text) is not None
    if dim == "age":
        return match_age(ref, text) is not None
    if dim == "platform":
        return match_platform(ref, text) is not None
    if dim == "period":
        return parse_period(text) is not None and not is_derived_label(text)
    if dim == "area":
        return ref.find_area(text) is not None
    return False


_SPLIT_PLATFORMS = re.compile(r"\s*(?:/|,|;|&|\+|\band\b|\bor\b|\bthen\b)\s*", re.I)


def split_platforms(ref: Reference, text: str) -> list[str]:
    """A free-text method cell naming one or more apps -> the printed names, one per app.

    A known name containing a separator ("Facebook Messenger", "Text message") is kept
    whole; otherwise "Snapchat / WhatsApp" and "Snapchat and Instagram" split.
    """
    t = str(text).strip()
    if not t:
        return []
    if match_platform(ref, t):
        return [t]
    parts = [p for p in _SPLIT_PLATFORMS.split(t) if p and p.strip()]
    return parts or [t]


def infer_axis_dimension(ref: Reference, labels: list[str]) -> str | None:
    """The dimension most of an axis's category labels belong to (ties: DIMENSIONS order)."""
    cats = [lab for lab in labels if match_role(ref, lab) is None and lab.strip()]
    if not cats:
        return None
    best, best_score = None, 0
    for dim in DIMENSIONS:
        score = sum(1 for lab in cats if match_dimension(ref, dim, lab))
        if score > best_score:
            best, best_score = dim, score
    return best


def is_category_label(text: str) -> bool:
    """A short label the vocabulary knows as a category or a total ("Unknown Age", "Female", "Total"):
    a row holding only such a label is a row of the table with its figures blank, not a line of text."""
    t = (text or "").strip()
    if not t or len(t) > 40 or t.endswith((".", ":")):
        return False
    ref = reference()
    return is_total_label(t) or any(match_dimension(ref, d, t) for d in ("age", "gender", "platform"))


_DERIVED = re.compile(r"(%|\bper\s*cent\b|\bpercentage\b)\s*(change|difference|increase|decrease)|\b(change|difference|increase|"
                      r"decrease)\b.*\b(between|from|on|since|vs|compared)\b|^(numeric|numerical|actual|net)?\s*(change|difference)\s*(\(.*\))?$|"
                      r"\brate per\b|\bper (1,?000|10,?000|100,?000)\b|"
                      r"^(monthly |weekly |yearly |annual )?(average|mean|median)\b|\b(average|mean) (per|a|each) (day|week|month|year)\b", re.I)


def is_other_measure_label(text: str) -> bool:
    """A heading counting something else than the offences (victims, or what followed: "Charged/summonsed",
    "Outcome rate", "Arrests"): never read when it stands beside a column of the offences themselves."""
    return bool(OTHER_MEASURE.search(str(text or "")))


def is_derived_label(text: str) -> bool:
    """A column or row computed from others ("% change", "Numeric change between 2015 and 2016",
    "Rate per 100,000"): never a period, a category or a figure to read (issue 18)."""
    return bool(_DERIVED.search(str(text or "")))
