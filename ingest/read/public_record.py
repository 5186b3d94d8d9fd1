"""The public record of published figures (data/raw/public-record, `adapter: public_record`):
NSPCC releases, the press that carried them, forces' own disclosure pages, as collected.

A reader like the others: it only places each free-text row as a figure with labels, and the
rules for that are data (data/reference/public_record_*.csv): phrases for periods, the kinds
of figure, platform phrases, the offence a row is about, area phrasing, hosts, and for every
page where a figure was read (the *carrier*) the release that first published it (the
*originator*). Values and periods are given as printed; the normaliser cleans them and logs each
change (a period from April 2017 read from 3 April, a share's base linked as its denominator).

A row the rules cannot place is not guessed: it is a `figure_not_placed` note with the reason.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from core.schema import LOWER_BOUND_NOTE
from ingest.read.base import Document, Label, RawFigure, ReaderNote
from ingest.vocabulary.reference import REFERENCE_DIR, reference

FILES = ("seed_round_2017.csv", "nspcc_series.csv", "published_figures.csv", "foi_disclosures.csv")
PREFIX = "pr-"  # source ids of documents in the public record


def _rows(name: str) -> list[dict[str, str]]:
    with open(REFERENCE_DIR / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@dataclass(frozen=True)
class Release:
    release_id: str
    originator: str
    title: str
    first_seen: str
    url: str
    headline_period: str
    geography: str
    coverage: str


class Rules:
    """The public record's placing rules, from data/reference (loaded once)."""

    def __init__(self) -> None:
        self.phrases: dict[str, tuple[date, date]] = {}
        uncertain = []
        for r in _rows("public_record_periods.csv"):
            if r["kind"] == "phrase":
                self.phrases[r["phrase"].lower()] = (date.fromisoformat(r["period_start"]), date.fromisoformat(r["period_end"]))
            else:
                uncertain.append(r["phrase"])
        self.uncertain = re.compile("|".join(uncertain), re.I)
        self.figures = [(re.compile(r["pattern"], re.I), r) for r in sorted(_rows("public_record_rules.csv"), key=lambda r: int(r["order"]))]
        self.platform_phrases = {r["phrase"].lower(): r["platforms"] for r in _rows("public_record_platforms.csv")}
        self.offences = [(r["field"], re.compile(r["pattern"], re.I), r["offence"]) for r in _rows("public_record_offences.csv")]
        self.areas = [(re.compile(r["pattern"], re.I), int(r["area_group"]), int(r["coverage_group"]) if r["coverage_group"] else 0)
                      for r in _rows("public_record_areas.csv")]
        self.publishers = {r["host"]: (r["publisher"], r["source_type"]) for r in _rows("public_record_publishers.csv")}
        self.seed_sources = [(r["source_prefix"], r["publisher"], date.fromisoformat(r["published"]), r["release_id"])
                             for r in _rows("public_record_seed_sources.csv")]
        self.releases = {r["release_id"]: Release(r["release_id"], r["originator"], r["title"], r["first_seen"], r["url"],
                                                  r["headline_period"], r["geography"], r["coverage"])
                         for r in _rows("public_record_releases.csv")}
        # words with which the collector marked a row as doubtful (West Yorkshire 2024/25: "article headline says
        # South Yorkshire - ambiguous"): such a row is placed, and needs review, never plain fact
        self.doubts = [(re.compile(r["pattern"], re.I), r["why"]) for r in _rows("public_record_doubts.csv")]
        self.carriers: dict[str, list[tuple[str, str]]] = {}
        for r in _rows("public_record_carriers.csv"):
            self.carriers.setdefault(r["carrier_url"], []).append((r["offence"], r["release_id"]))

    def release_for(self, carrier_url: str, offence: str) -> Release | None:
        options = self.carriers.get(carrier_url, [])
        chosen = next((rid for off, rid in options if off == offence), None) or next((rid for off, rid in options if not off), None)
        return self.releases.get(chosen) if chosen else None


@lru_cache(maxsize=1)
def rules() -> Rules:
    return Rules()


# --- one row's parts -----------------------------------------------------------------------------

_YM = re.compile(r"^(\d{4})-(\d{2}) to (\d{4})-(\d{2})$")
_FY_SPAN = re.compile(r"^(\d{4})/(\d{2}) to (\d{4})/(\d{2})$")


def period_text(text: str, rs: Rules) -> tuple[str | None, str]:
    """A free-text period -> a period label the normaliser reads ('2017-04-01 to 2018-09-30',
    '2021/22'), or the reason it cannot be placed."""
    raw = text.strip()
    if rs.uncertain.search(raw):
        return None, f"period '{raw}' is flagged as uncertain"
    if raw.lower() in rs.phrases:
        a, b = rs.phrases[raw.lower()]
        return f"{a.isoformat()} to {b.isoformat()}", ""
    core = re.sub(r"\s*\(.*\)\s*$", "", raw).strip()
    m = _YM.match(core)
    if m:
        import calendar

        y2, m2 = int(m.group(3)), int(m.group(4))
        return f"{m.group(1)}-{m.group(2)}-01 to {y2}-{m2:02d}-{calendar.monthrange(y2, m2)[1]}", ""
    m = _FY_SPAN.match(core)
    if m:
        return f"{m.group(1)}-04-01 to {m.group(3)[:2]}{m.group(4)}-03-31", ""
    from ingest.vocabulary.periods import parse_period

    if parse_period(core) is None:
        return None, f"period '{raw}' cannot be placed on dates"
    return core, ""


def value_text(text: str) -> tuple[str | None, str, str]:
    """-> (value as printed for the normaliser, a note to keep, the reason when it is no figure)."""
    t = text.strip()
    if re.fullmatch(r"\d[\d,]*(\.\d+)?%?", t):
        return t, "", ""
    m = re.fullmatch(r"at least (\d[\d,]*)", t)
    if m:
        return m.group(1), f"{LOWER_BOUND_NOTE}{m.group(1)}'", ""
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


def offence_of(figure: str, geography: str, rs: Rules) -> str:
    for field, pattern, offence in rs.offences:
        if pattern.search(figure if field == "figure" else geography):
            return offence
    return "scwc"


def area_of(geography: str, rs: Rules) -> tuple[str | None, str]:
    """-> (an area name the reference knows, the coverage as stated) or (None, why not)."""
    g = geography.strip()
    ref = reference()
    if ref.find_area(g):
        return g, ""
    for pattern, area_group, coverage_group in rs.areas:
        m = pattern.match(g)
        if m and ref.find_area(m.group(area_group)):
            coverage = m.group(coverage_group).strip(" ;,") if coverage_group else ""
            return m.group(area_group), coverage
    return None, f"geography '{g}' is not a force, region, nation or defined group"


def platforms_of(text: str, rs: Rules) -> str | None:
    t = re.sub(r"\s*\(.*?\)", "", text).strip().lower().rstrip(".")
    t = t.replace("facebook-owned apps:", "").strip()
    if ":" in t:  # "Meta products: Facebook, Instagram, WhatsApp": the named apps are the share's platforms
        t = t.split(":", 1)[1].strip()
    if t in rs.platform_phrases:
        return rs.platform_phrases[t]
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


# --- documents (where each figure was read) ------------------------------------------------------

def slug(text: str, n: int = 48) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:n].rstrip("-")


def date_from_url(url: str) -> date | None:
    for pattern in (r"/(20\d\d)/(\d\d)/(\d\d)/", r"(20\d\d)-(\d\d)-(\d\d)"):
        m = re.search(pattern, url)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                pass
    return None


def title_from_url(url: str) -> str:
    path = [p for p in urlparse(url).path.split("/") if p]
    words = max(path, key=len) if path else urlparse(url).netloc
    words = re.sub(r"\.(html?|php|aspx)$", "", words)
    words = re.sub(r"-\d{5,}$", "", words)
    return words.replace("-", " ").replace("_", " ").strip().capitalize() or urlparse(url).netloc


def carrier(url: str, rs: Rules, when: date | None = None, publisher: str = "") -> dict[str, Any]:
    host = urlparse(url).netloc
    name, source_type = rs.publishers.get(host, ("", ""))
    if not source_type and any(host.endswith(h.lstrip("*")) for h in rs.publishers if h.startswith("*")):
        source_type = "foi_return"
    host_short = host.removeprefix("www.").split(".")[0]
    # the record holds no title for a carrier's page: its address's words stand in, and say so (issue 20:
    # "Police record 86 cases of child grooming..." read as a headline the page may not carry)
    return {"source_id": PREFIX + slug(f"{host_short}-{title_from_url(url)}", 60),
            "reference": f"{re.sub(r' 1$', '', title_from_url(url))} (words of its web address)",  # '-1-9216426': a paper's article id
            "publisher": publisher or name or host.removeprefix("www."), "source_url": url,
            "published": when or date_from_url(url), "source_type": source_type or "news"}


def originate(doc: dict[str, Any], release: Release | None) -> dict[str, Any]:
    """The carrier's document, with the release that first published the figure (its originator)."""
    if release is None:
        return {**doc, "originator": "", "originator_url": "", "originated": None, "release": ""}
    return {**doc, "originator": release.originator, "originator_url": release.url,
            "originated": date.fromisoformat(release.first_seen) if release.first_seen else None, "release": release.title}


# --- reading -------------------------------------------------------------------------------------

@dataclass
class _Out:
    figures: list[RawFigure]
    notes: list[ReaderNote]

    def skip(self, file: str, line: int, figure: str, value: str, reason: str) -> None:
        self.notes.append(ReaderNote("figure_not_placed", f"{file} line {line}",
                                     f"not placed: {reason} ({figure[:80]}: {value[:40]})", value[:200]))


def _place(out: _Out, rs: Rules, doc: dict[str, Any], file: str, line: int, figure: str, value: str, geography: str,
           period: str, extra_note: str = "", coverage: str = "") -> None:
    offence = offence_of(figure, geography, rs)
    match, rule = next(((m, r) for pattern, r in rs.figures if (m := pattern.search(figure))), (None, None))
    if rule is None or match is None:
        return out.skip(file, line, figure, value, "no rule places this kind of figure")
    if rule["action"] == "skip":
        return out.skip(file, line, figure, value, rule["reason"])
    area, area_coverage = area_of(geography, rs)
    if area is None:
        return out.skip(file, line, figure, value, area_coverage)
    when, why = period_text(period, rs)
    if when is None:
        return out.skip(file, line, figure, value, why)
    v, v_note, v_why = value_text(value)
    if v is None:
        return out.skip(file, line, figure, value, v_why)
    release = rs.release_for(doc["source_url"], offence) if doc.get("source_url") else doc.pop("_release", None)
    document = originate({**doc, "source_file": file}, release)
    labels = [Label("area", area, "area"), Label("period", when, "period"), Label("offence", offence, "offence"),
              Label("label", figure, "printed")]
    location = f"line {line}"
    if rule["action"] == "base":
        labels.append(Label("base", rule["breakdown"], "base_for"))
        out.figures.append(RawFigure(v, location, labels, document=document, block="public record"))
        return None
    measure = rule["measure"] or "count"
    if v.endswith("%"):
        measure = "percent"
    labels.append(Label("breakdown", rule["breakdown"], "breakdown"))
    if rule["age_band"]:
        labels.append(Label("age_band", rule["age_band"], "age"))
    if rule["gender"]:
        labels.append(Label("gender", rule["gender"], "gender"))
    if rule["breakdown"] == "platform":
        named = match.groupdict().get("platforms")
        names = platforms_of(named, rs) if named else None
        if not names:
            return out.skip(file, line, figure, value, "platform names in the figure are not in the platform list")
        labels.append(Label("platform", names, "platform_combo"))
    notes = [n for n in (v_note, extra_note) if n]
    stated = coverage or area_coverage
    national = reference().find_area(area) is not None and reference().find_area(area).area_type in ("uk", "england_and_wales")  # type: ignore[union-attr]
    if (stated or national) and release is not None and not _same_period(when, release.headline_period):
        # a coverage is the release's, for its own year: a year it re-reports is not covered by it
        notes.append(f"as re-reported in the {release.originator} release of {release.first_seen or 'an undated release'}; "
                     "the forces it covers are stated for its own year only")
    elif stated:
        notes.append(f"coverage: {stated}")
    if offence == "scwc_uk":
        notes.append("UK total: s.15A (England and Wales) + Art. 22A (Northern Ireland) + communicating indecently with a child (Scotland)")
    if "incidents" in figure.lower():
        notes.append("counted as incidents")
    if "cumulative" in figure.lower() or "total" in figure.lower().split(",")[-1]:
        notes.append("cumulative over the period")
    review = next((f"{why}: '{text.strip()}'" for text in (figure, value, geography, period) for pattern, why in rs.doubts
                   if pattern.search(text)), "")
    if review:
        out.notes.append(ReaderNote("record_doubtful", f"{file} line {line}", f"needs review: {review}; kept, marked, and left "
                                    "out of rankings, charts and sentences until a person settles it", value))
    out.figures.append(RawFigure(v, location, labels, measure=measure, note="; ".join(notes), document=document,
                                 block="public record", review=review))
    return None


def _same_period(when: str, headline: str) -> bool:
    from ingest.vocabulary.periods import parse_period

    a = parse_period(when)
    b = parse_period(re.sub(r"\s*\(.*\)\s*$", "", headline).strip())
    return a is not None and b is not None and a[1] == b[1] and abs((a[0] - b[0]).days) <= 2


def read_folder(folder: Path) -> Document:
    rs = rules()
    out = _Out([], [])
    files: dict[str, list[dict[str, str]]] = {}
    for name in FILES:
        if (folder / name).exists():
            with open(folder / name, newline="", encoding="utf-8") as fh:
                files[name] = list(csv.DictReader(fh))
    # the structured series names where and when each figure was read; the free-text rows use its dates
    found = {r["found_at_url"]: (date.fromisoformat(r["found_at_date"].strip()) if re.fullmatch(r"\d{4}-\d\d-\d\d", r["found_at_date"].strip())
                                 else None, re.sub(r"\s*\(.*\)$", "", r["found_at_publisher"]).strip())
             for r in files.get("nspcc_series.csv", [])}
    when: date | None
    for i, r in enumerate(files.get("seed_round_2017.csv", []), start=2):
        seed = next(((pub, when, rid) for prefix, pub, when, rid in rs.seed_sources if r["source"].startswith(prefix)), None)
        if seed is None:
            out.skip("seed_round_2017.csv", i, r["figure"], r["value"], "source not identified")
            continue
        publisher, when, rid = seed
        doc = {"source_id": PREFIX + "seed-2018-01-" + slug(publisher, 30),
               "reference": f"First six-month FOI round (3 Apr to 2 Oct 2017), as reported by {publisher}",
               "publisher": publisher, "source_url": "", "published": when, "source_type": "news", "_release": rs.releases.get(rid)}
        _seed_row(out, rs, doc, i, r)
    for i, r in enumerate(files.get("nspcc_series.csv", []), start=2):
        when, publisher = found[r["found_at_url"]]
        value = r["value"]
        if r["value_qualifier"].strip():
            value = f"{r['value_qualifier'].strip()} {value}"
        if not r["value"].strip():
            value = "(blank - no value)"
        figure = "sexual communication with a child offences recorded"
        if "88A" in r["offence"] or ("grooming" in r["offence"].lower() and "communication" not in r["offence"].lower()):
            figure = "grooming crimes recorded (Home Office; incl. meeting after grooming)"
        covered = r["forces_covered"].strip()
        coverage = covered if covered and "not stated" not in covered else ""
        _place(out, rs, carrier(r["found_at_url"], rs, when, publisher), "nspcc_series.csv", i, figure, value, r["geography"],
               r["financial_year"] or r["period_as_stated"], f"period as printed: {r['period_as_stated']}", coverage)
    for i, r in enumerate(files.get("published_figures.csv", []), start=2):
        when, publisher = found.get(r["source_url"], (None, ""))
        _place(out, rs, carrier(r["source_url"], rs, when, publisher), "published_figures.csv", i, r["figure"], r["value"],
               r["geography"], r["period"])
    for i, r in enumerate(files.get("foi_disclosures.csv", []), start=2):
        _disclosure_row(out, rs, i, r)
    return Document("public_record", figures=out.figures, notes=out.notes)


def _seed_row(out: _Out, rs: Rules, doc: dict[str, Any], i: int, r: dict[str, str]) -> None:
    file = "seed_round_2017.csv"
    release = doc.pop("_release")
    if not r["value"].strip():
        return out.skip(file, i, r["figure"], r["note"], "qualitative statement, no figure")
    area, coverage = area_of(r["geography"], rs)
    if area is None:
        return out.skip(file, i, r["figure"], r["value"], coverage)
    breakdown, measure = r["breakdown"], r["measure"] or "count"
    if breakdown == "total" and measure == "percent":
        # "33.7% of the 1,316": a share of the national total by area, recomputed from the counts
        return out.skip(file, i, r["figure"], r["value"], "share of the national total by area: recomputed from the counts (444 / 1,316), not stored")
    labels = [Label("area", area, "area"), Label("period", f"{r['period_start']} to {r['period_end']}", "period"),
              Label("offence", "scwc", "offence"), Label("label", r["figure"], "printed"), Label("breakdown", breakdown, "breakdown")]
    if breakdown == "age":
        labels.append(Label("age_band", r["category"], "age"))
    if breakdown == "platform":
        names = platforms_of(r["category"], rs)
        if not names:
            return out.skip(file, i, r["figure"], r["value"], "platform names not in the platform list")
        labels.append(Label("platform", names, "platform_combo"))
    value = r["value"] + ("%" if measure == "percent" else "")
    out.figures.append(RawFigure(value, f"line {i}; {r['source']}", labels, measure=measure, note=r["note"],
                                 document=originate({**doc, "source_file": file}, release), block="public record"))
    return None


def _disclosure_row(out: _Out, rs: Rules, i: int, r: dict[str, str]) -> None:
    """A force's own disclosure page: the force is the originator and the page its carrier."""
    file = "foi_disclosures.csv"
    url = r["source_url"]
    when = date_from_url(url)
    m = re.search(r"/(20\d\d)/([a-z]+)/", url) or re.search(r"disclosure(20\d\d)/([a-z]+)/", url)
    if when is None and m is not None:
        from ingest.vocabulary.periods import parse_period

        month = parse_period(f"{m.group(2)} {m.group(1)}")  # the disclosure log's month, from the URL
        when = month[0] if month else None
    if r["request_date"]:
        when = date.fromisoformat(r["request_date"])
    doc: dict[str, Any] = {"source_id": PREFIX + slug(f"foi-{r['force']}-{r['reference']}", 60), "reference": r["reference"], "publisher": r["force"],
           "source_url": url, "published": when, "source_type": "foi_return", "source_file": file,
           "originator": r["force"], "originator_url": url, "originated": when, "release": f"FOI {r['reference']}"}
    dim = r["dimension"]
    offence = "sexual_grooming" if "88A" in r["category"] or "88A" in r["notes"][:60] else "scwc"
    labels = [Label("area", r["force"], "area"), Label("period", f"{r['period_start']} to {r['period_end']}", "period"),
              Label("offence", offence, "offence"), Label("label", r["category"], "printed")]
    value = r["value_raw"]
    note = ""
    if dim == "total":
        labels.append(Label("breakdown", "total", "breakdown"))
    elif dim == "age_band_x_gender":
        gender, band = [s.strip() for s in r["category"].split("|")]
        if not value.strip():
            return out.skip(file, i, r["category"], "", "empty cell in the published table (not a printed figure; the Sum row treats it as 0)")
        labels += [Label("breakdown", "age_gender", "breakdown"), Label("gender", gender, "gender"), Label("age_band", band, "age")]
    elif dim == "age_band":
        labels += [Label("breakdown", "age", "breakdown"), Label("age_band", r["category"].split("(")[0].strip(), "age")]
        note = "the force's Sum row: leaves out the starred cells, so it understates the band"
    elif dim == "youngest_age":
        labels.append(Label("breakdown", "youngest_age", "breakdown"))
        value = "withheld s.40(2)" if "40" in value else value
    elif dim == "platform":
        labels.append(Label("breakdown", "platform", "breakdown"))
        value = "refused s.12" if "s.12" in value else value
    else:
        return out.skip(file, i, r["category"], value, f"'{dim}' figures (outcomes, response status) are outside the table")
    out.figures.append(RawFigure(value, f"line {i}; {r['reference']} {r['category']}".strip(), labels, note=note, document=doc,
                                 block="public record"))
    return None
