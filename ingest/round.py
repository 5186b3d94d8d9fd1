"""`python -m ingest round DIR_OR_ZIP [--into RAW_DIR]`: a whole round of answers in one go.

An analyst's round is 45 answers as files named anything (`FOI 1234-25 Response.pdf`,
`Disclosure.xlsx`), some as a download of a request's whole correspondence. This turns them into
ordinary source folders (the files as received and a `source.yml`), recognising from each file
itself, and saying how:

- the **force**: its names in the letterhead and signature, the e-mail or web domain
  (`foi@kent.police.uk`), anywhere in the text, the file name last; recognised only when one force
  clearly leads, never guessed: otherwise asked (a terminal) or listed as needing a force and
  written nowhere;
- the **request reference** (`Our ref: 1234/25`, `FOI 1234-25`; the file name last);
- the **date of the answer** (the letter's date near its top);
- the **period asked** (the financial years the letter names).

Units: each folder under the round (a request's correspondence) or zip inside it is one answer,
its attachments one source; loose files with the same force and reference are one source. A
unit that is only a covering e-mail or an acknowledgement is "not an answer"; a covering e-mail
beside attachments is kept in the source as correspondence, not read for figures.

At the end a triage list: read / needs review / failed / not an answer / needs a force, with counts,
from an ordinary ingest of the sources written. Running it again on the same files writes nothing
new (a source folder is named by its force, reference and the files' hash).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

import yaml

from core.facts import OFFENCE_START, TRIAGE
from core.schema import MAX_DATE, MIN_DATE
from core.text import safe_file_name, slug
from ingest.read.archive import ArchiveError, zip_entries
from ingest.read.base import MAX_FILE_BYTES, Document, ReaderError
from ingest.read.bounded import call_bounded, reading
from ingest.sources import NOT_RETURNS, SOURCE_FILE
from ingest.vocabulary.periods import FY_IN_TEXT, MONTHS, financial_year
from ingest.vocabulary.reference import Area, name_key, reference

MAX_ROUND_FILES = 2_000
MAX_ROUND_BYTES = 1024 * 2**20
LEAD = 2.0  # the best force's score must be at least this many times the next one's
MIN_SCORE = 3.0  # and at least this (one full name in a letterhead, or a domain)
HEAD_LINES, TAIL_LINES = 15, 25  # letterhead and signature block


_ACK = re.compile(r"acknowledge (?:receipt|your request)|we (?:have )?received your (?:request|e-?mail)|will (?:respond|reply) (?:to you )?"
                  r"(?:within|no later than|promptly)|has been (?:logged|registered)|within (?:the statutory )?(?:20|twenty) working days",
                  re.I)
_COVERING = re.compile(r"please find (?:attached|enclosed)|(?:is|are) attached|attached (?:is|are|please find)|see attached", re.I)
_DOMAIN = re.compile(r"\b([a-z0-9][a-z0-9\-]{0,40})\.(?:pnn\.)?police\.uk\b", re.I)
_REF_LABELLED = re.compile(
    r"\b(?:our\s+ref(?:erence)?|your\s+ref(?:erence)?|ref(?:erence)?(?:\s+(?:no|number))?|request\s+(?:no|number|ref(?:erence)?)|"
    r"foi(?:a)?\s+(?:request\s+)?(?:no|number|ref(?:erence)?))\s*\.?\s*[:#]\s*"
    r"([A-Za-z]{0,6}[\s/\-]?\d[\w/\-\.]{0,24}\w)", re.I)
_REF_FOI = re.compile(r"\b(FOIA?[\s\-_/]*(?:no\.?\s*)?\d{1,6}(?:[\-/_]\d{2,6})?)\b", re.I)
_DATE_WORDS = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?,?\s+(\d{4})\b",
                         re.I)
_DATE_SLASH = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


@dataclass
class Found:
    """One recognised fact with how it was recognised, or the doubt that kept it unrecognised."""

    value: object = None
    how: str = ""


@dataclass
class Unit:
    """One answer: its files (name in the round -> bytes)."""

    name: str
    files: dict[str, bytes]


@dataclass
class Answer:
    unit: Unit
    force: Area | None = None
    force_how: str = ""
    reference: Found = field(default_factory=Found)
    received: Found = field(default_factory=Found)
    period: Found = field(default_factory=Found)
    correspondence: list[str] = field(default_factory=list)  # covering e-mails, acknowledgements
    unreadable: dict[str, str] = field(default_factory=dict)  # file -> why it could not be read
    first_lines: list[str] = field(default_factory=list)
    triage: str = ""
    folder: Path | None = None


class RoundError(Exception):
    """The round as a whole cannot be taken (not a folder or zip, too large): the message says why."""


# --- the round's files ---------------------------------------------------------------------------

def _zip_units(data: bytes, name: str, budget: list[int]) -> Iterator[tuple[str, bytes]]:
    """The files of a zip, checked as the Add returns page checks them (ingest/read/archive.py)."""
    try:
        yield from zip_entries(data, name, MAX_ROUND_FILES, budget, "one round", skip_hidden=True)
    except ArchiveError as exc:
        raise RoundError(str(exc)) from None


def _is_zip(body: bytes, name: str = "") -> bool:
    """A zip archive, not a workbook or document packed as one (xlsx, docx, ods)."""
    from ingest.read.sniff import sniff_bytes

    return body[:4] == b"PK\x03\x04" and sniff_bytes(body, Path(name).suffix) == "zip"


def collect(path: Path, max_bytes: int = MAX_ROUND_BYTES) -> list[Unit]:
    """The answers in a folder or zip: a folder or zip inside the round is one answer (a request's
    correspondence); each loose file is a unit of its own (grouped later by force and reference)."""
    budget = [max_bytes]
    entries: list[tuple[str, bytes]] = []
    if path.is_file():
        body = path.read_bytes()
        if not _is_zip(body, path.name):
            entries = [(path.name, body)]
        else:
            entries = list(_zip_units(body, path.name, budget))
    elif path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_symlink() or not p.is_file() or any(part.startswith(".") for part in p.relative_to(path).parts):
                continue
            if p.stat().st_size > MAX_FILE_BYTES:
                entries.append((p.relative_to(path).as_posix(), b""))  # named as too large when read
                continue
            budget[0] -= p.stat().st_size
            if budget[0] < 0:
                raise RoundError(f"{path}: holds over {max_bytes // 2**20} MB, the limit for one round")
            entries.append((p.relative_to(path).as_posix(), p.read_bytes()))
            if len(entries) > MAX_ROUND_FILES:
                raise RoundError(f"{path}: holds over {MAX_ROUND_FILES:,} files, the limit for one round")
    else:
        raise RoundError(f"{path}: not a folder or a zip file")
    # a round packed in one top folder ("Round 2025/...") is the round itself
    while entries and len({e.split("/")[0] for e, _ in entries}) == 1 and all("/" in e for e, _ in entries):
        entries = [(e.split("/", 1)[1], b) for e, b in entries]
    units: dict[str, Unit] = {}
    for entry, body in entries:
        top, _, rest = entry.partition("/")
        if rest:  # in a folder: that folder is one answer
            units.setdefault(top, Unit(top, {})).files[rest] = body
        elif _is_zip(body, entry):  # a correspondence download, zipped
            units[entry] = Unit(entry, {n.split("/")[-1]: b for n, b in _zip_units(body, entry, budget)})
        else:
            units[entry] = Unit(entry, {entry: body})
    return list(units.values())


# --- recognising -------------------------------------------------------------------------------------

def _read_text(name: str, body: bytes) -> tuple[list[str], bool]:
    """A file's lines of text in reading order (prose, then table titles and rows), and whether
    it holds a table with numbers. Read within the bounds of one file."""
    suffix = Path(name).suffix.lower()[:8] or ".bin"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"file{suffix}"
        path.write_bytes(body)
        from ingest.read import read_document

        doc: Document = call_bounded(read_document, path)
    lines = [p.text for p in doc.prose]
    numbers = False
    for g in doc.grids:
        if g.title:
            lines.append(g.title)
        for row in g.grid[:40]:
            texts = [str(c.value) for c in row if c.value not in (None, "")]
            numbers = numbers or any(re.fullmatch(r"[\d,]+", t.strip()) for t in texts)
            if texts:
                lines.append(" ".join(texts))
    for f in doc.figures:  # a transcription file
        numbers = True
        lines.append(str(f.value_raw))
    return lines, numbers


class ForceNames:
    """Every name of every force (data/reference), as patterns scored by where they are found."""

    def __init__(self) -> None:
        ref = reference()
        forces = {a.code: a for a in ref.forces()}
        self.forces = forces
        names: dict[str, set[str]] = {code: {a.name} for code, a in forces.items()}
        for alias_file in ("area_aliases_generated.csv", "area_aliases.csv"):
            from ingest.vocabulary.reference import _read

            for r in _read(alias_file):
                if r["area_code"] in forces:
                    names[r["area_code"]].add(r["alias"])
        self.patterns: list[tuple[re.Pattern[str], str, float, str]] = []
        for code, variants in names.items():
            for v in variants:
                words = v.split()
                if len(v) <= 4 and v.upper() == v:  # MPS, GMP, TVP, A&S: as printed, in capitals
                    pat, weight = re.compile(rf"(?<![\w&]){re.escape(v)}(?![\w&])"), 1.0
                elif re.search(r"\b(police|constabulary|service)\b", v, re.I):
                    pat, weight = re.compile(rf"\b{re.escape(v)}\b", re.I), 3.0
                elif len(words) > 1 or len(v) >= 5:
                    pat, weight = re.compile(rf"\b{re.escape(v)}\b", re.I), 1.0
                else:
                    continue
                self.patterns.append((pat, code, weight, v))
        self.squeezed = {re.sub(r"\s+", "", k): code for k, code in ref.area_aliases.items() if code in forces}

    def score(self, lines: list[str], file_name: str) -> tuple[Counter[str], dict[str, list[str]]]:
        scores: Counter[str] = Counter()
        how: dict[str, list[str]] = {}
        n = len(lines)
        for i, line in enumerate(lines):
            where = "letterhead" if i < HEAD_LINES else ("signature" if i >= n - TAIL_LINES else "text")
            factor = 2.0 if where != "text" else 1.0
            for m in _DOMAIN.finditer(line):
                code = self.squeezed.get(re.sub(r"[^a-z0-9]", "", m.group(1).lower()))
                if code:
                    scores[code] += 5
                    how.setdefault(code, []).append(f"domain {m.group(0).lower()} (line {i + 1})")
            low = line.lower()
            if "police" not in low and "constabulary" not in low and not any(c.isupper() for c in line):
                continue
            best: dict[str, tuple[float, str]] = {}
            for pat, code, weight, name in self.patterns:
                if pat.search(line) and weight > best.get(code, (0.0, ""))[0]:
                    best[code] = (weight, name)  # one line counts once per force, by its fullest name
            for code, (weight, name) in best.items():
                scores[code] += int(weight * factor)
                how.setdefault(code, []).append(f"{where} '{name}' (line {i + 1})")
        stem = re.sub(r"[_\-.]+", " ", Path(file_name).stem)
        for pat, code, _weight, name in self.patterns:
            if pat.search(stem):
                scores[code] += 1
                how.setdefault(code, []).append(f"file name '{name}'")
                break
        return scores, how


def _decide(scores: Counter[str], how: dict[str, list[str]], names: ForceNames) -> tuple[Area | None, str]:
    ranked = scores.most_common(3)
    if not ranked:
        return None, "no force is named in the files"
    (best, top), second = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
    if top >= MIN_SCORE and top >= LEAD * second:
        evidence = "; ".join(dict.fromkeys(how[best]))[:300]
        return names.forces[best], evidence
    options = ", ".join(f"{names.forces[c].name} ({s:g})" for c, s in ranked)
    return None, f"no force clearly leads: {options}"


def _reference(lines: list[str], file_names: list[str]) -> Found:
    for i, line in enumerate(lines[:60]):
        m = _REF_LABELLED.search(line)
        if m:
            return Found(m.group(1).strip(" .,"), f"'{line.strip()[:60]}' (line {i + 1})")
    for i, line in enumerate(lines[:60]):
        m = _REF_FOI.search(line)
        if m:
            return Found(" ".join(m.group(1).split()), f"'{line.strip()[:60]}' (line {i + 1})")
    for name in file_names:
        m = _REF_FOI.search(re.sub(r"[_]+", " ", Path(name).stem))
        if m:
            return Found(" ".join(m.group(1).split()), f"the file name '{name}'")
    return Found(Path(file_names[0]).stem[:80] if file_names else "", "no reference found: the file's name is used as its title")


def _date(lines: list[str]) -> Found:
    for i, line in enumerate(lines[:30]):
        for d, text in _dates_in(line):
            if max(MIN_DATE, OFFENCE_START) <= d <= min(MAX_DATE, date.today()):  # an answer is dated after the offence began
                return Found(d, f"'{text}' (line {i + 1})")
        for m in _DATE_SLASH.finditer(line):
            try:
                d = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                continue
            if max(MIN_DATE, OFFENCE_START) <= d <= min(MAX_DATE, date.today()):
                return Found(d, f"'{m.group(0)}' (line {i + 1})")
    return Found(None, "no date found near the top of the letter")


def _dates_in(line: str) -> list[tuple[date, str]]:
    out = []
    for m in _DATE_WORDS.finditer(line):
        try:
            out.append((date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))), m.group(0)))
        except (ValueError, KeyError):
            continue
    return out


def _period(lines: list[str]) -> Found:
    for i, line in enumerate(lines):  # "between 1 April 2023 and 31 March 2024"
        found = _dates_in(line)
        for (a, at), (b, bt) in zip(found, found[1:], strict=False):
            if a < b and re.search(re.escape(at) + r"\s*(?:to|and|until|-|–)\s*" + re.escape(bt), line, re.I):
                return Found((a, b), f"'{at} to {bt}' (line {i + 1})")
    years: list[int] = []
    where = ""
    for i, line in enumerate(lines):
        for m in FY_IN_TEXT.finditer(line):
            first, last = int(m.group(1)), m.group(2)
            if (int(last) if len(last) == 4 else 2000 + int(last)) == first + 1:
                years.append(first)
                where = where or f"line {i + 1}"
    if not years:
        return Found(None, "no financial year named")
    start, end = financial_year(min(years))[0], financial_year(max(years))[1]
    span = f"{min(years)}/{(min(years) + 1) % 100:02d}" + ("" if min(years) == max(years) else f" to {max(years)}/{(max(years) + 1) % 100:02d}")
    return Found((start, end), f"financial years {span} named in the letter (first at {where})")


def recognise(unit: Unit, names: ForceNames) -> Answer:
    answer = Answer(unit)
    scores: Counter[str] = Counter()
    how: dict[str, list[str]] = {}
    all_lines: list[str] = []
    readable: list[str] = []
    for name, body in unit.files.items():
        try:
            if not body:
                raise ReaderError(f"over the {MAX_FILE_BYTES // 2**20} MB limit for one file", "", "source_too_large")
            lines, numbers = _read_text(name, body)
        except ReaderError as exc:
            answer.unreadable[name] = str(exc)
            s, h = names.score([], name)
            scores.update(s)
            for k, v in h.items():
                how.setdefault(k, []).extend(v)
            continue
        text = " ".join(lines[:80])
        if not numbers and (_ACK.search(text) or _COVERING.search(text)):
            answer.correspondence.append(name)
        else:
            readable.append(name)
        s, h = names.score(lines, name)
        scores.update(s)
        for k, v in h.items():
            how.setdefault(k, []).extend(f"{name}: {x}" for x in v)
        all_lines.extend(lines)
        if not answer.first_lines:
            answer.first_lines = [ln.strip()[:100] for ln in lines if ln.strip()][:6]
    answer.force, answer.force_how = _decide(scores, how, names)
    answer.reference = _reference(all_lines, list(unit.files))
    answer.received = _date(all_lines)
    answer.period = _period(all_lines)
    if not readable and not answer.unreadable:
        answer.triage = "not an answer"
    return answer


# --- writing sources ------------------------------------------------------------------------------------

def _safe_file_name(name: str) -> str:
    name = safe_file_name(name)
    return "received-" + name if name in NOT_RETURNS else name


def digest(unit: Unit) -> str:
    """The answer's files, hashed: the last part of its source folder's name."""
    return hashlib.sha256(b"".join(hashlib.sha256(b).digest() for _, b in sorted(unit.files.items()))).hexdigest()[:8]


def _written_before(into: Path) -> dict[str, Path]:
    """Source folders an earlier round wrote, by the hash of their files: never asked about again."""
    if not into.is_dir():
        return {}
    return {p.name.rsplit("-", 1)[-1]: p for p in into.iterdir() if p.is_dir() and (p / SOURCE_FILE).is_file() and "-" in p.name}


def write_source(answer: Answer, into: Path) -> Path:
    """The answer as an ordinary source folder in `into` (atomically: written beside, then renamed).
    The same files again give the same folder, left as it is."""
    assert answer.force is not None
    folder = into / f"{slug(answer.force.name + ' ' + str(answer.reference.value))}-{digest(answer.unit)}"
    if folder.exists():
        return folder
    tmp = into / f".{folder.name}.partial"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    used: dict[str, str] = {}
    for name, body in answer.unit.files.items():
        safe = _safe_file_name(name)
        stem, dot, ext = safe.rpartition(".")
        n = 1
        while safe in used.values():
            safe = f"{stem}-{n}.{ext}" if dot else f"{safe}-{n}"
            n += 1
        used[name] = safe
        (tmp / safe).write_bytes(body)
    meta: dict[str, object] = {"force": answer.force.name, "reference": str(answer.reference.value)}
    if answer.received.value:
        meta["received"] = answer.received.value
    if answer.period.value:
        period: tuple[date, date] = answer.period.value  # type: ignore[assignment]
        meta["period_start"], meta["period_end"] = period
    if answer.correspondence:
        meta["correspondence"] = [used[n] for n in answer.correspondence]
    meta["recognised"] = {"force": answer.force_how, "reference": answer.reference.how, "received": answer.received.how,
                          "period": answer.period.how, "files": {used[n]: n for n in answer.unit.files}}
    (tmp / SOURCE_FILE).write_text(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
    tmp.rename(folder)
    return folder


def _group(answers: list[Answer]) -> list[Answer]:
    """Loose files of one force with one reference are one answer (a letter and its attachments)."""
    out: list[Answer] = []
    by_key: dict[tuple[str, str], Answer] = {}
    for a in answers:
        loose = len(a.unit.files) == 1 and a.unit.name in a.unit.files
        if not loose or a.force is None or a.reference.how.startswith("no reference"):
            out.append(a)
            continue
        key = (a.force.code, name_key(str(a.reference.value)))
        if key in by_key:
            first = by_key[key]
            if first.triage == "not an answer" or a.triage == "not an answer":  # a covering letter joins its attachments
                first.triage = "not an answer" if first.triage == a.triage else ""
            first.unit.files.update(a.unit.files)
            first.correspondence += a.correspondence
            first.unreadable.update(a.unreadable)
            if not first.period.value and a.period.value:
                first.period = a.period
            if not first.received.value and a.received.value:
                first.received = a.received
        else:
            by_key[key] = a
            out.append(a)
    return out


# --- the command -----------------------------------------------------------------------------------------

Ask = Callable[[Answer, list[Area]], Area | None]


def terminal_ask(stdin: TextIO, out: TextIO) -> Ask:
    """Ask for a force once per unrecognised answer, beside its first lines; blank skips it."""
    def ask(answer: Answer, forces: list[Area]) -> Area | None:
        print(f"\n{answer.unit.name}: {answer.force_how}", file=out)
        for line in answer.first_lines:
            print(f"    | {line}", file=out)
        ref = reference()
        while True:
            print("  force (name or ONS code; blank to leave it out): ", end="", file=out, flush=True)
            text = stdin.readline().strip()
            if not text:
                return None
            area = ref.find_area(text)
            if area is not None and area.area_type == "force":
                return area
            near = ref.nearest_area_names(text)
            print(f"  not a force{': nearest ' + ', '.join(near) if near else ''}", file=out)
    return ask


def recognise_all(units: list[Unit]) -> list[Answer]:
    """Recognise every unit and group loose files of one answer (no writing, no asking)."""
    names = ForceNames()
    with reading():
        return _group([recognise(u, names) for u in units])


def run_round(path: Path, into: Path, ask: Ask | None = None, err: TextIO | None = sys.stderr,
              progress: bool = True) -> list[Answer]:
    """Recognise, ask what is unclear (when `ask` is given), write the sources, triage them."""
    from tqdm import tqdm

    from ingest.issues import IssueLog
    from ingest.pipeline import ingest_source

    units = collect(path)
    names = ForceNames()
    answers: list[Answer] = []
    with reading():
        bar = tqdm(units, desc="recognising", unit="answer", file=err, disable=not progress or err is None)
        answers = [recognise(u, names) for u in bar]
        answers = _group(answers)
        before = _written_before(into)
        for a in answers:
            earlier = before.get(digest(a.unit))
            if earlier is not None and not a.triage:  # the same files as an earlier round: as settled then
                a.folder = earlier
                if a.force is None:
                    found = reference().find_area(str((yaml.safe_load((earlier / SOURCE_FILE).read_text(encoding="utf-8")) or {})
                                                      .get("force", "")))
                    a.force, a.force_how = found, f"as settled when {earlier.name} was written"
                continue
            if a.force is None and not a.triage and ask is not None:
                chosen = ask(a, list(names.forces.values()))
                if chosen is not None:
                    a.force, a.force_how = chosen, "chosen by the person running the round"
            if a.triage:
                continue
            if a.force is None:
                a.triage = "needs a force"
                continue
            into.mkdir(parents=True, exist_ok=True)
            a.folder = write_source(a, into)
        bar = tqdm([a for a in answers if a.folder], desc="reading", unit="source", file=err, disable=not progress or err is None)
        for a in bar:
            log = IssueLog()
            ingest_source(a.folder, log)  # type: ignore[arg-type]
            a.triage = "failed" if log.count("error") else ("needs review" if log.count("review") else "read")
    return answers


def triage_lines(answers: list[Answer]) -> list[str]:
    lines = []
    for a in answers:
        where = a.folder.name if a.folder else "written nowhere"
        force = a.force.name if a.force else "?"
        lines.append(f"{a.triage:<14} {force:<34} {str(a.reference.value)[:24]:<24} {a.unit.name[:40]:<40} -> {where}")
        if a.force is None and a.triage == "needs a force":
            lines.append(f"{'':14} {a.force_how}")
    counts = Counter(a.triage for a in answers)
    lines.append(", ".join(f"{counts.get(t, 0)} {t}" for t in TRIAGE))
    return lines


def main(argv: list[str]) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m ingest round",
                                description="Turn a folder or zip of FOI answers, named anything, into source folders: each "
                                "answer's force, reference, date and period recognised from the file itself (and how).")
    p.add_argument("round", type=Path, metavar="DIR_OR_ZIP")
    p.add_argument("--into", type=Path, default=Path(__file__).resolve().parent.parent / "data" / "raw", metavar="RAW_DIR",
                   help="where the source folders go (default: data/raw)")
    p.add_argument("--no-ask", action="store_true", help="never ask: list answers whose force is unclear, write them nowhere")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    args = p.parse_args(argv)
    ask = None if args.no_ask or not sys.stdin.isatty() else terminal_ask(sys.stdin, sys.stderr)
    try:
        answers = run_round(args.round, args.into, ask, progress=not args.quiet)
    except RoundError as exc:
        print(f"python -m ingest round: error: {exc}", file=sys.stderr)
        return 2
    for line in triage_lines(answers):
        print(line)
    print(f"sources written to {args.into}; read them all with: python -m ingest {args.into}", file=sys.stderr)
    return 1 if any(a.triage in ("failed", "needs a force") for a in answers) else 0
