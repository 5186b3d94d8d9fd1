"""Turn the public record (data/public-record/*.csv, as collected) into source folders
under data/raw/ in the hand-transcription format, one folder per source document.

    python tools/build_public_record.py      (or `make data`, which also runs the ingest)

Only facts are written: figures, dates, names, the document's address. Rows too ambiguous
to place go to data/review/public_record_review.csv with the reason. The rules are
explicit tables below; a row no rule fits is left out and listed, never guessed.
"""

from __future__ import annotations

import csv
import re
import shutil
import sys
from collections import OrderedDict
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.periods import parse_period  # noqa: E402
from ingest.reference import reference  # noqa: E402

PUBLIC = ROOT / "data" / "public-record"
RAW = ROOT / "data" / "raw"
REVIEW = ROOT / "data" / "review" / "public_record_review.csv"
PREFIX = "pr-"  # folders this tool owns; anything else in data/raw is left alone

COLUMNS = ["breakdown", "area", "period_start", "period_end", "age_band", "gender", "platform", "measure",
           "value", "denominator", "offence", "location", "label", "note"]

FIRST_SIX_MONTHS = (date(2017, 4, 3), date(2017, 10, 2))
FIRST_YEAR = (date(2017, 4, 3), date(2018, 3, 31))

# --- periods -------------------------------------------------------------------------------
PERIOD_PHRASES: dict[str, tuple[date, date] | None] = {
    "first six months from 2017-04-03": FIRST_SIX_MONTHS,
    "first 6 months from 2017-04-03": FIRST_SIX_MONTHS,
    "first year from 2017-04-03": FIRST_YEAR,
    "first year after april 2017": FIRST_YEAR,
    "first 12 months from 2017-04-03": FIRST_YEAR,
    "2017-04-03 to 2018 (first year; dyfed-powys 6 months only)": FIRST_YEAR,
    "first nine months of s.15a (2017-04 to 2017-12)": (date(2017, 4, 3), date(2017, 12, 31)),
    "first nine months of s.15a": (date(2017, 4, 3), date(2017, 12, 31)),
    "year to april 2019": (date(2018, 4, 1), date(2019, 3, 31)),
    "year to april 2019 (2018/19)": (date(2018, 4, 1), date(2019, 3, 31)),
    "12 months to april 2019": (date(2018, 4, 1), date(2019, 3, 31)),
    "six month period (oct 2017-apr 2018 per pembrokeshire herald)": (date(2017, 10, 1), date(2018, 4, 30)),
}
# Periods the formats doc or the collector flagged as uncertain: listed for review.
AMBIGUOUS_PERIOD = re.compile(r"assumed|may be multi-year|not stated|article says|five-year period|vs|^n/a$|first year \(partial\)|^2017 to|six months to", re.I)
_YM = re.compile(r"^(\d{4})-(\d{2}) to (\d{4})-(\d{2})$")
_FY_SPAN = re.compile(r"^(\d{4})/(\d{2}) to (\d{4})/(\d{2})$")


def _month_end(y: int, m: int) -> date:
    import calendar

    return date(y, m, calendar.monthrange(y, m)[1])


def period_of(text: str, offence: str) -> tuple[tuple[date, date] | None, str]:
    """-> (period, reason if None)."""
    raw = text.strip()
    if AMBIGUOUS_PERIOD.search(raw):
        return None, f"period '{raw}' is flagged as uncertain"
    key = raw.lower()
    if key in PERIOD_PHRASES:
        return PERIOD_PHRASES[key], ""
    core = re.sub(r"\s*\(.*\)\s*$", "", raw).strip()
    m = _YM.match(core)
    if m:
        start = date(int(m.group(1)), int(m.group(2)), 1)
        p: tuple[date, date] | None = (start, _month_end(int(m.group(3)), int(m.group(4))))
    else:
        m = _FY_SPAN.match(core)
        if m:
            p = (date(int(m.group(1)), 4, 1), date(int(m.group(3)), 3, 31))
        else:
            p = parse_period(core)
    if p is None:
        return None, f"period '{raw}' cannot be placed on dates"
    # s.15A came into force on 3 April 2017: a span "from April 2017" starts then
    if offence == "scwc" and p[0] < FIRST_SIX_MONTHS[0] and p[0] >= date(2017, 4, 1):
        p = (FIRST_SIX_MONTHS[0], p[1])
    return p, ""


# --- values --------------------------------------------------------------------------------
def value_of(text: str) -> tuple[str | None, str, str]:
    """-> (value as the transcription carries it, note, reason if None)."""
    t = text.strip()
    if re.fullmatch(r"\d[\d,]*(\.\d+)?%?", t):
        return t, "", ""
    m = re.fullmatch(r"at least (\d[\d,]*)", t)
    if m:
        return m.group(1), f"published as '{t}'", ""
    m = re.fullmatch(r"(\d+) \((boy|girl)\)", t)
    if m:
        return m.group(1), f"a {m.group(2)}", ""
    m = re.fullmatch(r"(\d[\d,]*) \((.+)\)", t)  # "2026 (more than 70%)": the count, the words kept as a note
    if m:
        return m.group(1), f"published as '{t}'", ""
    if t.lower().startswith("n/a"):
        return "n/a", "the force did not provide a figure", ""
    if not t or t.startswith("(blank"):
        return None, "", "no value in the source"
    return None, "", f"value '{t}' is not a figure (approximate, qualitative or a ratio)"


# --- what a figure is ----------------------------------------------------------------------
P = "platform"
RULES: list[tuple[re.Pattern[str], dict[str, str]]] = [
    (re.compile(r"increase|rank|number of (platforms|different)|forces not providing|primary school|online sexual offences|committed via the internet|social media used", re.I),
     {"skip": "not a count or share of the offence itself (a change, a rank, a number of apps or an estimate)"}),
    # the base a share is of: attached to the shares of the same source as their denominator
    (re.compile(r"^(offences|cases|instances|incidents) (where|with) .*(means|method|platform)", re.I), {"denominator": P}),
    (re.compile(r"^offences (with victim gender recorded|where victim gender known)", re.I), {"denominator": "gender"}),
    (re.compile(r"share.*girls aged 12-15", re.I), {"breakdown": "age_gender", "gender": "female", "age_band": "12-15", "measure": "percent"}),
    (re.compile(r"share.*(girl|female)", re.I), {"breakdown": "gender", "gender": "female", "measure": "percent"}),
    (re.compile(r"share.*(aged 11 or (younger|under)|11 or younger|under 12)", re.I), {"breakdown": "age", "age_band": "11 and under", "measure": "percent"}),
    (re.compile(r"^share (of offences )?(on|via|involving|where platform known:|of offences where platform known:|of offences on|of (tvp )?offences on|of online grooming cases on)\s*(?P<platforms>.+?)(\s*\(.*\))?( - .*)?$", re.I), {"breakdown": P, "measure": "percent"}),
    (re.compile(r"^(offences (involving|on)|victims in|instances (of|on))\s*(?P<platforms>.+?)(\s+(cases|used|combined|recorded))?(\s*\(.*\))?$", re.I), {"breakdown": P, "measure": "count"}),
    (re.compile(r"^(?P<platforms>instagram) instances recorded", re.I), {"breakdown": P, "measure": "count"}),
    (re.compile(r"^youngest victim", re.I), {"breakdown": "youngest_age", "measure": "count"}),
    (re.compile(r"^female victims aged 12-15", re.I), {"breakdown": "age_gender", "gender": "female", "age_band": "12-15", "measure": "count"}),
    (re.compile(r"^female victims under 11", re.I), {"breakdown": "age_gender", "gender": "female", "age_band": "under 11", "measure": "count"}),
    (re.compile(r"^(female victims|offences where victim female|offences against girls)", re.I), {"breakdown": "gender", "gender": "female", "measure": "count"}),
    (re.compile(r"^male victims", re.I), {"breakdown": "gender", "gender": "male", "measure": "count"}),
    (re.compile(r"(victims )?aged 12-15", re.I), {"breakdown": "age", "age_band": "12-15", "measure": "count"}),
    (re.compile(r"aged 11 and under", re.I), {"breakdown": "age", "age_band": "11 and under", "measure": "count"}),
    (re.compile(r"aged 15 and under", re.I), {"breakdown": "age", "age_band": "15 and under", "measure": "count"}),
    (re.compile(r"under 13", re.I), {"breakdown": "age", "age_band": "under 13", "measure": "count"}),
    (re.compile(r"(offences|incidents|crimes) recorded", re.I), {"breakdown": "total", "measure": "count"}),
]

PLATFORM_WORDS = {
    "facebook-owned apps": "Meta apps", "meta-owned platforms": "Meta apps", "meta products": "Meta apps",
    "meta apps": "Meta apps", "facebook-owned apps + snapchat": "Meta apps + Snapchat", "meta": "Meta apps",
}


def platforms_of(text: str) -> str | None:
    t = re.sub(r"\s*\(.*?\)", "", text).strip().lower().rstrip(".")
    t = t.replace("facebook-owned apps:", "").strip()
    # "Meta products: Facebook, Instagram, WhatsApp": the named apps are the share's platforms
    if ":" in t:
        t = t.split(":", 1)[1].strip()
    if t in PLATFORM_WORDS:
        return PLATFORM_WORDS[t]
    t = t.replace("meta-owned", "meta").replace("facebook-owned apps", "meta apps")
    parts = [p.strip() for p in re.split(r",\s*|\s+or\s+|\s+and\s+|\s*/\s*|\s*\+\s*", t) if p.strip()]
    ref = reference()
    names: list[str] = []
    for p in parts:
        if p in ("meta apps", "meta"):
            names.append("Meta apps")
            continue
        found = ref.platforms.get(p)
        if not found:
            return None
        if found.name not in names:
            names.append(found.name)
    return " + ".join(names) if names else None


def offence_of(figure: str, geography: str) -> str:
    f, g = figure.lower(), geography.lower()
    if "communicating indecently" in f or "scotland" in g:
        return "communicating_indecently"
    if "22a" in f or "psni" in g or "northern ireland" in g:
        return "scwc_ni"
    if "meeting after grooming" in f or "home office" in f or "incl. meeting" in f:
        return "sexual_grooming"
    return "scwc"


def area_of(geography: str) -> tuple[str | None, str]:
    ref = reference()
    g = geography.strip()
    if ref.find_area(g):
        return g, ""
    m = re.match(r"^(.*?)\s*\((\d+(?: of \d+)? forces?)\)$", g)
    if m and ref.find_area(m.group(1)):
        return m.group(1), f"coverage: {m.group(2)}"
    m = re.match(r"^(.*?)\s*\((E\d{8}|W\d{8})\)$", g)
    if m:
        return m.group(2), ""
    m = re.match(r"^UK\b.*$", g)
    if m:
        return "UK", f"coverage: {g[2:].strip(' ()')}" if len(g) > 2 else ""
    return None, f"geography '{g}' is not a force, region, nation or defined group"


# --- sources -------------------------------------------------------------------------------
PUBLISHERS = {
    "www.nspcc.org.uk": "NSPCC", "racetothemoon.nspcc.org.uk": "NSPCC", "feeds.bbci.co.uk": "BBC News",
    "www.itv.com": "ITV News", "itv.com": "ITV News", "news.stv.tv": "STV News",
}
POLICE_DOMAIN = re.compile(r"police\.uk$|\.police\.uk$")


def source_type_of(url: str) -> str:
    host = urlparse(url).netloc
    if "nspcc.org.uk" in host:
        return "press_release"
    if POLICE_DOMAIN.search(host):
        return "foi_return"
    return "news"


def date_from_url(url: str) -> date | None:
    for pattern in (r"/(20\d\d)/(\d\d)/(\d\d)/", r"(20\d\d)-(\d\d)-(\d\d)"):
        m = re.search(pattern, url)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                pass
    return None


def slug(text: str, n: int = 48) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:n].rstrip("-")


def title_from_url(url: str) -> str:
    path = [p for p in urlparse(url).path.split("/") if p]
    words = max(path, key=len) if path else urlparse(url).netloc
    words = re.sub(r"\.(html?|php|aspx)$", "", words)
    words = re.sub(r"-\d{5,}$", "", words)
    return words.replace("-", " ").replace("_", " ").strip().capitalize() or urlparse(url).netloc


class Builder:
    def __init__(self) -> None:
        self.sources: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self.review: list[dict[str, str]] = []
        self.denominators: list[dict[str, Any]] = []

    def link_denominators(self) -> None:
        """A base ("offences where the method was recorded: 1,824") becomes the denominator of
        the shares the same source gives for the same area and period."""
        ref = reference()
        for d in self.denominators:
            src = self.sources.get(d["key"])
            area = ref.find_area(d["area"])
            linked = 0
            for row in src["rows"] if src else []:
                same_area = ref.find_area(row["area"]) == area
                same_period = (row["period_start"], row["period_end"]) == (d["period"][0].isoformat(), d["period"][1].isoformat())
                # a gender base serves gender and age x gender shares; a platform base, platform shares
                fits = row["breakdown"] == d["breakdown"] or (d["breakdown"] == "gender" and row["breakdown"] == "age_gender")
                if same_area and same_period and row["measure"] == "percent" and fits:
                    row["denominator"] = d["value"].replace(",", "")
                    linked += 1
            if not linked:
                self.skip(d["origin"], d["figure"], d["value"], "the base of a share, but this source gives no share for the same area and period")

    def source(self, key: str, meta: dict[str, Any]) -> dict[str, Any]:
        if key not in self.sources:
            self.sources[key] = {"meta": meta, "rows": [], "keys": set()}
        return self.sources[key]

    def add(self, key: str, meta: dict[str, Any], row: dict[str, str], origin: str) -> None:
        src = self.source(key, meta)
        k = self.key(row)
        if k in src["keys"]:
            prior = next(r for r in src["rows"] if self.key(r) == k)
            if prior["value"] != row["value"]:
                self.skip(origin, row.get("label", ""), row["value"], f"same figure already given as {prior['value']} by this source")
            return
        src["keys"].add(k)
        src["rows"].append(row)

    @staticmethod
    def key(row: dict[str, str]) -> tuple[str, ...]:
        area = reference().find_area(row["area"])
        fields = ("period_start", "period_end", "breakdown", "age_band", "gender", "platform", "measure", "offence")
        return (area.code if area else row["area"],) + tuple(row.get(c, "") for c in fields)

    def skip(self, origin: str, figure: str, value: str, reason: str) -> None:
        self.review.append({"origin": origin, "figure": figure, "value": value, "reason": reason})


def url_meta(url: str, extra: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    host = urlparse(url).netloc
    host_short = host.removeprefix("www.").split(".")[0]
    when = (extra or {}).get("received") or date_from_url(url)
    key = PREFIX + slug(f"{host_short}-{title_from_url(url)}", 60)
    meta = {
        "reference": (extra or {}).get("title") or title_from_url(url),
        "publisher": (extra or {}).get("publisher") or PUBLISHERS.get(host, host.removeprefix("www.")),
        "url": url,
        "received": when,
        "source_type": source_type_of(url),
    }
    return key, meta


def build_published(b: Builder, nspcc_dates: dict[str, tuple[date | None, str]]) -> None:
    with open(PUBLIC / "published_figures.csv", newline="", encoding="utf-8") as fh:
        for i, r in enumerate(csv.DictReader(fh), start=2):
            origin = f"published_figures.csv line {i}"
            when, publisher = nspcc_dates.get(r["source_url"], (None, ""))
            key, meta = url_meta(r["source_url"], {"received": when, "publisher": publisher})
            place(b, key, meta, origin, r["figure"], r["value"], r["geography"], r["period"], f"published_figures.csv line {i}")


def place(b: Builder, key: str, meta: dict[str, Any], origin: str, figure: str, value: str, geography: str,
          period_text: str, location: str, extra_note: str = "") -> None:
    offence = offence_of(figure, geography)
    match, rule = next(((m, spec) for pattern, spec in RULES if (m := pattern.search(figure))), (None, None))
    if rule is None or match is None:
        b.skip(origin, figure, value, "no rule places this kind of figure")
        return
    if "skip" in rule:
        b.skip(origin, figure, value, rule["skip"])
        return
    if "denominator" in rule:
        area, _ = area_of(geography)
        period, _ = period_of(period_text, offence)
        v, _, why = value_of(value)
        if area is None or period is None or v is None:
            b.skip(origin, figure, value, why or "the base of a share that cannot be placed")
            return
        b.denominators.append({"key": key, "area": area, "period": period, "breakdown": rule["denominator"], "value": v,
                               "origin": origin, "figure": figure})
        return
    area, area_note = area_of(geography)
    if area is None:
        b.skip(origin, figure, value, area_note)
        return
    period, why = period_of(period_text, offence)
    if period is None:
        b.skip(origin, figure, value, why)
        return
    v, v_note, v_why = value_of(value)
    if v is None:
        b.skip(origin, figure, value, v_why)
        return
    measure = rule.get("measure", "count")
    if v.endswith("%"):
        measure = "percent"
    if measure == "percent" and not v.endswith("%"):
        v = v + "%"
    platform = ""
    if rule["breakdown"] == P:
        named = match.groupdict().get("platforms")
        names = platforms_of(named) if named else None
        if not names:
            b.skip(origin, figure, value, "platform names in the figure are not in the platform list")
            return
        platform = names
    notes = [n for n in (area_note, v_note, extra_note) if n]
    if "incidents" in figure.lower():
        notes.append("counted as incidents")
    if "cumulative" in figure.lower() or "total" in figure.lower().split(",")[-1]:
        notes.append("cumulative over the period")
    b.add(key, meta, {
        "breakdown": rule["breakdown"], "area": area, "period_start": period[0].isoformat(), "period_end": period[1].isoformat(),
        "age_band": rule.get("age_band", ""), "gender": rule.get("gender", ""), "platform": platform, "measure": measure,
        "value": v, "denominator": "", "offence": offence, "location": location, "label": figure, "note": "; ".join(notes),
    }, origin)


def build_nspcc(b: Builder) -> dict[str, tuple[date | None, str]]:
    dates: dict[str, tuple[date | None, str]] = {}
    with open(PUBLIC / "nspcc_series.csv", newline="", encoding="utf-8") as fh:
        for i, r in enumerate(csv.DictReader(fh), start=2):
            found = r["found_at_date"].strip()
            when = date.fromisoformat(found) if re.fullmatch(r"\d{4}-\d\d-\d\d", found) else None
            publisher = re.sub(r"\s*\(.*\)$", "", r["found_at_publisher"]).strip()
            dates[r["found_at_url"]] = (when, publisher)
            key, meta = url_meta(r["found_at_url"], {"received": when, "publisher": publisher})
            value = r["value"]
            if r["value_qualifier"].strip():
                value = f"{r['value_qualifier'].strip()} {value}"
            if not r["value"].strip():
                value = "(blank - no value)"
            note = ""
            if r["forces_covered"].strip() and "not stated" not in r["forces_covered"]:
                note = f"forces covered: {r['forces_covered'].strip()}"
            figure = "sexual communication with a child offences recorded"
            if "88A" in r["offence"] or "grooming" in r["offence"].lower() and "communication" not in r["offence"].lower():
                figure = "grooming crimes recorded (Home Office; incl. meeting after grooming)"
            place(b, key, meta, f"nspcc_series.csv line {i}", figure, value, r["geography"], r["financial_year"] or r["period_as_stated"],
                  f"nspcc_series.csv line {i}; {r['period_as_stated']}", note)
    return dates


SEED_SOURCES = {
    "Mansfield 103.2": ("Mansfield 103.2", date(2018, 1, 29)),
    "national press report": ("PA Media (national press copy)", date(2018, 1, 29)),
    "Wisbech Standard": ("Wisbech Standard (Archant)", date(2018, 1, 29)),
    "NSPCC FOI round": ("NSPCC FOI round as reported by Mansfield 103.2 and others", date(2018, 1, 29)),
}


def build_seed(b: Builder) -> None:
    with open(PUBLIC / "seed_round_2017.csv", newline="", encoding="utf-8") as fh:
        for i, r in enumerate(csv.DictReader(fh), start=2):
            origin = f"seed_round_2017.csv line {i}"
            pub = next((v for k, v in SEED_SOURCES.items() if r["source"].startswith(k)), None)
            if pub is None:
                b.skip(origin, r["figure"], r["value"], "source not identified")
                continue
            publisher, when = pub
            key = PREFIX + "seed-2018-01-" + slug(publisher, 30)
            meta = {"reference": f"First six-month FOI round (3 Apr to 2 Oct 2017), as reported by {publisher}",
                    "publisher": publisher, "url": "", "received": when, "source_type": "news"}
            if not r["value"].strip():
                b.skip(origin, r["figure"], r["note"], "qualitative statement, no figure")
                continue
            area, area_note = area_of(r["geography"])
            if area is None:
                b.skip(origin, r["figure"], r["value"], area_note)
                continue
            breakdown = r["breakdown"]
            measure = r["measure"] or "count"
            row = {"breakdown": breakdown, "area": area, "period_start": r["period_start"], "period_end": r["period_end"],
                   "age_band": r["category"] if breakdown == "age" else "", "gender": "",
                   "platform": platforms_of(r["category"]) or "" if breakdown == "platform" else "", "measure": measure,
                   "value": r["value"] + ("%" if measure == "percent" else ""), "denominator": "", "offence": "scwc",
                   "location": f"seed_round_2017.csv line {i}; {r['source']}", "label": r["figure"], "note": r["note"]}
            if breakdown == "total" and measure == "percent":
                # "33.7% of the 1,316": a share of the national total, not a category of it
                b.skip(origin, r["figure"], r["value"], "share of the national total by area: recomputed from the counts (444 / 1,316), not stored")
                continue
            if breakdown == "platform" and not row["platform"]:
                b.skip(origin, r["figure"], r["value"], "platform names not in the platform list")
                continue
            b.add(key, meta, row, origin)


def build_disclosures(b: Builder) -> None:
    with open(PUBLIC / "foi_disclosures.csv", newline="", encoding="utf-8") as fh:
        for i, r in enumerate(csv.DictReader(fh), start=2):
            origin = f"foi_disclosures.csv line {i}"
            url = r["source_url"]
            when = date_from_url(url)
            m = re.search(r"/(20\d\d)/([a-z]+)/", url) or re.search(r"disclosure(20\d\d)/([a-z]+)/", url)
            month = parse_period(f"{m.group(2)} {m.group(1)}") if m else None  # disclosure-log month in the URL
            if when is None and month is not None:
                when = month[0]
            if r["request_date"]:
                when = date.fromisoformat(r["request_date"])
            key = PREFIX + slug(f"foi-{r['force']}-{r['reference']}", 60)
            meta = {"reference": r["reference"], "publisher": r["force"], "url": url, "received": when, "source_type": "foi_return"}
            dim = r["dimension"]
            offence = "sexual_grooming" if "88A" in r["category"] or "88A" in r["notes"][:60] else "scwc"
            row = {"area": r["force"], "period_start": r["period_start"], "period_end": r["period_end"], "age_band": "", "gender": "",
                   "platform": "", "measure": "count", "denominator": "", "offence": offence,
                   "location": f"{r['reference']} {r['category']}".strip(), "label": r["category"], "note": ""}
            value = r["value_raw"]
            if dim == "total":
                row.update(breakdown="total", value=value)
            elif dim == "age_band_x_gender":
                gender, band = [s.strip() for s in r["category"].split("|")]
                if not value.strip():
                    b.skip(origin, r["category"], "", "empty cell in the published table (not a printed figure; the Sum row treats it as 0)")
                    continue
                row.update(breakdown="age_gender", gender=gender, age_band=band, value=value)
            elif dim == "age_band":
                band = r["category"].split("(")[0].strip()
                row.update(breakdown="age", age_band=band, value=value,
                           note="the force's Sum row: leaves out the starred cells, so it understates the band")
            elif dim == "youngest_age":
                row.update(breakdown="youngest_age", value="withheld s.40(2)" if "40" in value else value)
            elif dim == "platform":
                status = "refused s.12" if "s.12" in value else value
                row.update(breakdown="platform", value=status)
            else:
                b.skip(origin, r["category"], value, f"'{dim}' figures (outcomes, response status) are outside the table")
                continue
            b.add(key, meta, row, origin)


def write(b: Builder, raw: Path = RAW, review: Path = REVIEW) -> None:
    for old in raw.glob(PREFIX + "*"):
        shutil.rmtree(old)
    for key, src in b.sources.items():
        if not src["rows"]:
            continue
        d = raw / key
        d.mkdir(parents=True, exist_ok=True)
        meta = src["meta"]
        lines = ["# Built by tools/build_public_record.py from data/public-record; edit the tool, not this file.",
                 "area: K04000001  # figures name their own area",
                 f"reference: {yaml_str(meta['reference'])}",
                 f"publisher: {yaml_str(meta['publisher'])}",
                 f"source_type: {meta['source_type']}"]
        if meta.get("received"):
            lines.append(f"received: {meta['received'].isoformat()}")
        if meta.get("url"):
            lines.append(f"url: {yaml_str(meta['url'])}")
        (d / "source.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        with open(d / "figures.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
            w.writeheader()
            for row in src["rows"]:
                w.writerow({c: row.get(c, "") for c in COLUMNS})
    review.parent.mkdir(parents=True, exist_ok=True)
    with open(review, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["origin", "figure", "value", "reason"], lineterminator="\n")
        w.writeheader()
        w.writerows(b.review)


def yaml_str(s: str) -> str:
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(argv: list[str] | None = None) -> None:
    import argparse

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--raw", type=Path, default=RAW, help="where the pr-* source folders go (default data/raw)")
    p.add_argument("--review", type=Path, default=REVIEW, help="the review file (default data/review/public_record_review.csv)")
    args = p.parse_args(argv)
    b = Builder()
    build_seed(b)
    dates = build_nspcc(b)
    build_published(b, dates)
    build_disclosures(b)
    b.link_denominators()
    write(b, args.raw, args.review)
    n = sum(len(s["rows"]) for s in b.sources.values())
    print(f"{len([s for s in b.sources.values() if s['rows']])} source folders, {n} figures; {len(b.review)} rows for review in {args.review}")


if __name__ == "__main__":
    main()
