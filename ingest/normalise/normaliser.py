"""Every value cleaned once, for all readers: labels -> canonical dimensions, markers ->
status and bounds, names -> codes, period labels -> dates. Each change leaves an issue row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.facts import OFFENCE_START, THE_OFFENCE
from core.schema import BREAKDOWNS, FIGURE_KEY, OFFENCES
from core.text import MARKUP, looks_like_formula
from ingest.issues import IssueLog
from ingest.read.base import Label, RawFigure, ReaderNote
from ingest.sources import Source
from ingest.vocabulary.labels import (
    AgeBand,
    band_for_age,
    infer_axis_dimension,
    match_age,
    match_gender,
    match_platform,
    match_role,
    split_platforms,
)
from ingest.vocabulary.periods import parse_period
from ingest.vocabulary.reference import Area, Reference, reference
from ingest.vocabulary.values import parse_age_years, parse_value

ABSURD_COUNT = 50_000  # more than ten times the largest force's yearly count


@dataclass(frozen=True)
class Value:
    """A printed cell as read: its status, value and bounds, and the text as printed."""

    status: str
    value: float | None
    low: float | None
    high: float | None
    percent: bool
    raw_text: str


class Skip(Exception):
    """This figure cannot be placed; the issue is already logged."""


@dataclass
class Parts:
    area: Area
    period: tuple[date, date] | None
    offence: str
    breakdown: str | None = None
    age: AgeBand | None = None
    gender: str = ""
    platforms: tuple[tuple[str, str], ...] = ()  # (platform, group); several for a record's cell
    combo: bool = False  # several platforms that make ONE share ("Facebook + Snapchat + Instagram")
    youngest: bool = False
    percent: bool = False
    printed: str = ""




class Normaliser:
    def __init__(self, source: Source, issues: IssueLog, ref: Reference | None = None) -> None:
        self.source = source
        self.issues = issues
        self.ref = ref or reference()
        self.current_source = ""  # the document a figure comes from, in a collection (the public record)
        self.current_file = ""

    def _issue(self, issue_type: str, message: str, file: str, location: str = "", value: object = "", once: bool = False) -> None:
        self.issues.add(issue_type, self.current_source or self.source.source_id, message, self.current_file or file, location, value,
                        once)

    # --- labels ---------------------------------------------------------------------------
    def _axis_dims(self, figures: list[RawFigure], decided: set[str] | None = None) -> dict[str, str | None]:
        """A vote on each axis's dimension, for the axes stage 2 did not decide."""
        by_axis: dict[str, list[str]] = defaultdict(list)
        for f in figures:
            for lab in f.labels:
                if lab.dim is None and lab.axis not in (decided or set()):
                    by_axis[lab.axis].append(lab.text)
        return {axis: infer_axis_dimension(self.ref, labels) for axis, labels in by_axis.items()}

    def _apply_label(self, parts: Parts, lab: Label, dim: str | None, file: str, loc: str) -> None:
        """One label onto the figure's parts: a role (total, share, youngest) or a dimension's value."""
        text = lab.text.strip()
        if lab.dim is None:
            role = match_role(self.ref, text)
            if role in ("total", "value", "dimension"):
                return
            if role == "percent":
                parts.percent = True
                return
            if role == "youngest_age":
                parts.youngest = True
                return
        self._flag_hostile(text, file, loc)
        handler = self._LABEL_STEPS.get(dim or "")
        if handler is None:  # no dimension: a label on an axis we could not classify
            self._issue("unknown_label", f"label {text!r} fits no known age band, gender, platform, period or area; its figures are "
                        "left out", file, loc, text, once=True)
            raise Skip
        handler(self, parts, text, file, loc)

    def _flag_hostile(self, text: str, file: str, loc: str) -> None:
        if looks_like_formula(text):
            self._issue("formula_like_text", "label looks like a spreadsheet formula; kept as text, never evaluated", file, loc, text, once=True)
        if MARKUP.search(text):
            self._issue("markup_like_text", "label carries markup (a tag, a link or an image); kept as plain text, never rendered",
                        file, loc, text, once=True)

    def _label_role(self, parts: Parts, text: str, file: str, loc: str) -> None:
        if match_role(self.ref, text) == "youngest_age":
            parts.youngest = True

    def _one_of(self, what: str, text: str, allowed: Iterable[str], file: str, loc: str) -> str:
        """A value a transcription names directly (breakdown, offence) must be one the table allows."""
        if text not in allowed:
            self._issue("invalid_figure", f"{what} {text!r} is not one of {', '.join(allowed)}", file, loc, text)
            raise Skip
        return text

    def _label_breakdown(self, parts: Parts, text: str, file: str, loc: str) -> None:
        parts.breakdown = self._one_of("breakdown", text, BREAKDOWNS, file, loc)
        parts.youngest = text == "youngest_age"

    def _label_printed(self, parts: Parts, text: str, file: str, loc: str) -> None:
        parts.printed = text

    def _label_offence(self, parts: Parts, text: str, file: str, loc: str) -> None:
        parts.offence = self._one_of("offence", text, OFFENCES, file, loc)

    def _label_age(self, parts: Parts, text: str, file: str, loc: str) -> None:
        band = match_age(self.ref, text)
        if band is None:
            self._issue("unknown_label", f"age band {text!r} not recognised; its figures are left out", file, loc, text, once=True)
            raise Skip
        self._mapped(text, band.label, "age band", file, loc)
        if not band.standard:
            self._issue("nonstandard_age_band", f"age band {text!r} kept as given ({band.label}), not merged into the standard bands",
                        file, loc, text, once=True)
        parts.age = band

    def _label_age_years(self, parts: Parts, text: str, file: str, loc: str) -> None:
        years = parse_age_years(text)
        if years is None:
            if text:
                self._issue("unknown_label", f"victim age {text!r} is not a number of years; counted as unknown", file, loc, text, once=True)
            parts.age = AgeBand("unknown", None, None)
        elif years < 0 or years > 120:
            self._issue("unknown_label", f"victim age {text!r} is impossible; counted as unknown", file, loc, text)
            parts.age = AgeBand("unknown", None, None)
        else:
            parts.age = band_for_age(years)

    def _label_gender(self, parts: Parts, text: str, file: str, loc: str) -> None:
        g = match_gender(self.ref, text) if text else "unknown"
        if g is None:
            self._issue("unknown_label", f"gender {text!r} not recognised; counted as unknown", file, loc, text, once=True)
            g = "unknown"
        self._mapped(text, g, "gender", file, loc)
        parts.gender = g

    def _platform_names(self, parts: Parts, text: str, dim: str) -> list[str]:
        if dim == "platform_multi":
            return split_platforms(self.ref, text) if text else ["unknown"]
        if dim == "platform_combo":
            names = [n for n in (s.strip() for s in text.split("+")) if n]
            parts.combo = len(names) > 1
            return names
        return [text]

    def _label_platform(self, parts: Parts, text: str, file: str, loc: str, dim: str = "platform") -> None:
        mapped: list[tuple[str, str]] = []
        for n in self._platform_names(parts, text, dim):
            p = match_platform(self.ref, n)
            if p is None:
                self._issue("platform_unmapped", f"platform {n!r} is not in data/reference/platforms.csv; kept under Other", file, loc, n, once=True)
                p = ("Other", "Other")
            else:
                self._mapped(n, p[0], "platform", file, loc)
            if p not in mapped:
                mapped.append(p)
        parts.platforms = tuple(mapped)

    def _label_platform_multi(self, parts: Parts, text: str, file: str, loc: str) -> None:
        self._label_platform(parts, text, file, loc, "platform_multi")

    def _label_platform_combo(self, parts: Parts, text: str, file: str, loc: str) -> None:
        self._label_platform(parts, text, file, loc, "platform_combo")

    def _label_period(self, parts: Parts, text: str, file: str, loc: str) -> None:
        period = parse_period(text)
        if period is None:
            self._issue("unparsed_period", f"period {text!r} cannot be read as dates; figure left out", file, loc, text)
            raise Skip
        parts.period = period

    def _label_area(self, parts: Parts, text: str, file: str, loc: str) -> None:
        area = self.ref.find_area(text)
        if area is None:
            near = self.ref.nearest_area_names(text)
            hint = f"; nearest known: {', '.join(near)}" if near else ""
            self._issue("unknown_area", f"unknown force or area {text!r}{hint}; figure left out", file, loc, text)
            raise Skip
        parts.area = area

    # a label's dimension -> the step that places it
    _LABEL_STEPS: dict[str, Callable[[Normaliser, Parts, str, str, str], None]] = {
        "role": _label_role, "breakdown": _label_breakdown, "printed": _label_printed, "offence": _label_offence,
        "age": _label_age, "age_years": _label_age_years, "gender": _label_gender, "platform": _label_platform,
        "platform_multi": _label_platform_multi, "platform_combo": _label_platform_combo, "period": _label_period,
        "area": _label_area,
    }

    def _mapped(self, raw: str, canonical: str, what: str, file: str, loc: str) -> None:
        if raw and raw != canonical:
            self._issue("label_mapped", f"{what} {raw!r} read as {canonical!r}", file, loc, raw, once=True)

    def _whole_breakdown(self, f: RawFigure) -> bool:
        """A refusal or 'not held' for a whole question (Essex PUB 1208 refused the platform
        question on cost): the breakdown is named, its category left empty."""
        return parse_value(f.value_raw).status in ("withheld", "refused", "not_held", "not_provided")

    # --- figures --------------------------------------------------------------------------
    def _link_bases(self, rows: list[dict[str, Any]], bases: list[dict[str, Any]]) -> None:
        """A base ("offences where the means of communication was recorded: 1,824") becomes the
        denominator of the shares the same document gives for the same area and period."""
        for b in bases:
            linked = 0
            for row in rows:
                same = (row["source_id"], row["area_code"], row["period_start"], row["period_end"]) == \
                    (b["source_id"], b["area_code"], b["period_start"], b["period_end"])
                # a gender base serves gender and age x gender shares; a platform base, platform shares
                fits = row["breakdown"] == b["for"] or (b["for"] == "gender" and row["breakdown"] == "age_gender")
                if same and fits and row["measure"] == "percent":
                    row["denominator"] = b["value"]
                    linked += 1
            if linked:
                self._issue("denominator_linked", f"base {b['value']:g} linked as the denominator of {linked} share(s) of the same "
                            "document, area and period", b["file"], b["location"], b["raw"])
            else:
                self._issue("figure_not_placed", "not placed: the base of a share, but this document gives no share for the same "
                            "area and period", b["file"], b["location"], b["raw"])

    def figures(self, raw_figures: list[RawFigure], notes: list[ReaderNote], file: str, reader: str,
                axis_dims: dict[str, str | None] | None = None) -> list[dict[str, Any]]:
        """Raw figures -> rows. `axis_dims`: each axis's dimension as stage 2 decided it (the scorer
        and the placer never disagree); an axis it did not decide is voted on here."""
        for note in notes:
            once = note.issue_type in ("markup_like_text", "formula_like_text")  # flagged once per text, by whichever sees it first
            self._issue(note.issue_type, note.message, file, note.location, note.value, once=once)
        decided = axis_dims or {}
        axis_dims = {**self._axis_dims(raw_figures, set(decided)), **decided}
        rows: list[dict[str, Any]] = []
        bases: list[dict[str, Any]] = []
        counts: dict[tuple[Any, ...], dict[str, Any]] = {}
        for f in raw_figures:
            try:
                base_for = next((lab.text for lab in f.labels if lab.dim == "base_for"), None)
                if base_for is not None:
                    [row] = self._figure(RawFigure(f.value_raw, f.location, [lab for lab in f.labels if lab.dim != "base_for"],
                                                   document=f.document), axis_dims, file, reader)
                    if row["value"] is not None:
                        bases.append({**{k: row[k] for k in ("source_id", "area_code", "period_start", "period_end", "value",
                                                              "source_location")}, "for": base_for,
                                      "file": row["source_file"], "location": row["source_location"], "raw": row["value_raw"]})
                    continue
                for row in self._figure(f, axis_dims, file, reader):
                    if f.aggregate:
                        key = tuple(row[c] for c in FIGURE_KEY)
                        if key in counts:
                            acc = counts[key]
                            acc["value"] += 1
                            acc["_last"] = f.location
                        else:
                            row["_last"] = f.location
                            counts[key] = row
                            rows.append(row)
                    else:
                        rows.append(row)
            except Skip:
                continue
        for row in counts.values():
            n = row["value"]
            row["value_low"] = row["value_high"] = n
            row["value_raw"] = str(int(n))
            row["label_raw"] = f"counted from {int(n)} record{'s' if n != 1 else ''}"
            first, last = row["source_location"], row.pop("_last")
            row["source_location"] = f"{first} .. {last} ({int(n)} record{'s' if n != 1 else ''})" if first != last else f"{first} (1 record)"
        if counts:
            self._issue("derived_total", "record-level extract: totals, age bands, genders and platforms counted from the records", file, "", "", once=True)
        if bases:
            self._link_bases(rows, bases)
        return rows

    def _figure(self, f: RawFigure, axis_dims: dict[str, str | None], file: str, reader: str) -> list[dict[str, Any]]:
        """One raw figure -> its rows: labels placed, breakdown, period, value, checks, the row, one
        row per platform."""
        self.current_source = str(f.document["source_id"]) if f.document else ""
        self.current_file = str(f.document.get("source_file", "")) if f.document else ""
        parts = self._parts(f, axis_dims, file)
        breakdown = self._breakdown(parts, f, file)
        start, end = self._period(parts, file, f.location)
        value = self._value(f, file)
        measure = "percent" if (parts.percent or value.percent) else "count"
        self._check_value(value, measure, breakdown, file, f.location)
        row = self._row(f, parts, breakdown, (start, end), value, measure, file, reader)
        return self._per_platform(row, parts)

    def _parts(self, f: RawFigure, axis_dims: dict[str, str | None], file: str) -> Parts:
        src = self.source
        parts = Parts(area=src.area, period=src.period, offence=src.offence)
        for lab in f.labels:
            self._apply_label(parts, lab, lab.dim or axis_dims.get(lab.axis), file, f.location)
        if f.measure:
            if f.measure not in ("count", "percent"):
                self._issue("invalid_figure", f"measure {f.measure!r} is not count or percent", file, f.location, f.measure)
                raise Skip
            parts.percent = f.measure == "percent"
        return parts

    def _breakdown(self, parts: Parts, f: RawFigure, file: str) -> str:
        """The breakdown the labels make; a breakdown named by the reader must agree with it."""
        loc = f.location
        has_platform = bool(parts.platforms)
        if parts.youngest:
            breakdown = "youngest_age"
        elif has_platform and (parts.age or parts.gender):
            self._issue("invalid_figure", "a platform figure split by age or gender has no place in the table; left out", file, loc, f.value_raw)
            raise Skip
        elif has_platform:
            breakdown = "platform"
        elif parts.age and parts.gender:
            breakdown = "age_gender"
        elif parts.age:
            breakdown = "age"
        elif parts.gender:
            breakdown = "gender"
        else:
            breakdown = "total"
        if parts.breakdown and parts.breakdown != breakdown and not (breakdown == "total" and self._whole_breakdown(f)):
            self._issue("invalid_figure", f"breakdown {parts.breakdown!r} does not match the labels given (they make it {breakdown!r})",
                        file, loc, f.value_raw)
            raise Skip
        return parts.breakdown or breakdown

    def _period(self, parts: Parts, file: str, loc: str) -> tuple[date, date]:
        if parts.period is None:
            self._issue("unparsed_period", "no period in the file and none in source.yml (period_start, period_end)", file, loc, "", once=True)
            raise Skip
        start, end = parts.period
        if end < start:
            self._issue("impossible_period", f"period ends ({end}) before it starts ({start})", file, loc)
            raise Skip
        if end > date.today():
            self._issue("impossible_period", f"period ends in the future ({end})", file, loc)
            raise Skip
        if parts.offence == THE_OFFENCE and OFFENCE_START.replace(day=1) <= start < OFFENCE_START:
            # "2017/18" for s.15A means from commencement on 3 April 2017 (NSPCC series, force tables)
            self._issue("period_adjusted", f"period starts {start}; s.15A began on {OFFENCE_START}, so the period is read from then",
                        file, loc, once=True)
            start = OFFENCE_START
        if parts.offence == THE_OFFENCE and start < OFFENCE_START:
            self._issue("period_before_offence", f"period starts {start}, before s.15A came into force on {OFFENCE_START}: part of it "
                        "cannot hold this offence", file, loc, once=True)
        return start, end

    def _value(self, f: RawFigure, file: str) -> Value:
        """The printed cell -> status, value and bounds (a marker never becomes 0)."""
        loc, raw = f.location, f.value_raw
        raw_text = "" if raw is None else (str(int(raw)) if isinstance(raw, float) and raw.is_integer() else str(raw)).strip()
        if f.aggregate:
            return Value("reported", 1.0, 1.0, 1.0, False, raw_text)
        if f.unevaluated and (raw is None or (isinstance(raw, str) and not raw.strip())):
            self._issue("formula_not_evaluated", "the cell holds a formula the file was saved without computing (written by a "
                        "program, not a spreadsheet): its figure is left out, not read as empty; open the file in a spreadsheet "
                        "program, save it, and add it again", file, loc)
            raise Skip
        if f.read_as is not None and f.corrected:
            pv = parse_value(f.read_as)
            self._issue("figure_corrected", f"printed {raw_text!r}, corrected to {f.read_as} by a person: {f.decided}", file, loc, raw_text)
            return self._bounded(Value(pv.status, pv.value, pv.low, pv.high, pv.is_percent, raw_text))
        if f.read_as is not None:
            pv = parse_value(f.read_as)
            if f.block == "statement":  # a count in words ("No offences were recorded in 2022/23")
                self._issue("number_in_words", f"{raw_text!r} read as {f.read_as}: {f.note}", file, loc, raw_text)
            else:
                self._issue("dash_read_as_zero", f"{raw_text!r} read as {f.read_as}: {f.note or 'the return says so'}", file, loc,
                            raw_text, once=True)
            return self._bounded(Value(pv.status, pv.value, pv.low, pv.high, pv.is_percent, raw_text))
        pv = parse_value(raw, self.source.suppression)
        status, low, high = pv.status, pv.low, pv.high
        if status == "empty":
            self._issue("empty_cell", "empty cell in the table: kept as not provided, not as 0", file, loc, once=False)
            status = "not_provided"
        elif status == "unparsed":
            if looks_like_formula(raw_text):
                self._issue("unparsed_value", "cell looks like a spreadsheet formula; not evaluated, figure left out", file, loc, raw_text)
            else:
                self._issue("unparsed_value", f"value {raw_text!r} is not a number or a known marker; figure left out", file, loc, raw_text)
            raise Skip
        elif pv.zero_word:
            self._issue("zero_in_words", f"{raw_text!r} read as 0: a word for none, a true zero", file, loc, raw_text, once=True)
        elif pv.mark:
            what = "its share of the total" if pv.mark.endswith("%)") else "a footnote or revision mark"
            self._issue("number_with_mark", f"{raw_text!r} read as {pv.value:g}: {pv.mark!r} beside it is {what}, not part of "
                        "the figure", file, loc, raw_text, once=True)
        elif status == "suppressed":
            self._issue("suppressed_value", f"{raw_text!r} read as suppressed ({low:g}-{high:g})", file, loc, raw_text, once=True)
        elif status in ("withheld", "refused", "not_held"):
            self._issue("withheld_value", f"{raw_text!r} read as {status}", file, loc, raw_text)
        return self._bounded(Value(status, pv.value, low, high, pv.is_percent, raw_text))

    @staticmethod
    def _bounded(v: Value) -> Value:
        """A figure that was not given has no bounds either (only a suppressed one has 1-4)."""
        if v.status in ("withheld", "refused", "not_held", "not_provided"):
            return Value(v.status, v.value, None, None, v.percent, v.raw_text)
        return v

    def _check_value(self, v: Value, measure: str, breakdown: str, file: str, loc: str) -> None:
        value, raw_text = v.value, v.raw_text
        if value is None:
            return
        if value < 0:
            self._issue("negative_count", f"negative figure {raw_text}; left out", file, loc, raw_text)
            raise Skip
        if measure == "count" and breakdown != "youngest_age" and not float(value).is_integer():
            self._issue("non_integer_count", f"count {raw_text} is not a whole number", file, loc, raw_text)
        if measure == "count" and value > ABSURD_COUNT:
            # larger than any force or nation could record (1e308 would top every map's scale): never a figure
            self._issue("implausible_value", f"count {raw_text if len(raw_text) < 20 else f'{value:.3g}'} is larger than any area could record in one period "
                        f"(over {ABSURD_COUNT:,}); left out", file, loc, raw_text)
            raise Skip
        if measure == "percent" and value > 100:
            self._issue("absurd_count", f"share {raw_text}% is over 100", file, loc, raw_text)
        if breakdown == "youngest_age" and value > 17:
            self._issue("absurd_count", f"youngest victim aged {raw_text} is not a child", file, loc, raw_text)

    def _row(self, f: RawFigure, parts: Parts, breakdown: str, period: tuple[date, date], v: Value, measure: str, file: str,
             reader: str) -> dict[str, Any]:
        """The figures table's row (FIGURE_COLUMNS): the parts, the value, the source's metadata."""
        src = self.source
        denominator = None
        if f.denominator not in (None, ""):
            dv = parse_value(f.denominator)
            denominator = dv.value if dv.status == "reported" else None
        labels_raw = parts.printed or " | ".join(lab.text for lab in f.labels if lab.dim not in ("breakdown", "area", "period", "offence", "printed") and lab.text)
        own_answer = src.source_type == "foi_return"
        row: dict[str, Any] = {
            "offence": parts.offence,
            "area_code": parts.area.code,
            "area_name": parts.area.name,
            "area_type": parts.area.area_type,
            "period_start": period[0],
            "period_end": period[1],
            "breakdown": breakdown,
            "age_band": parts.age.label if parts.age else "",
            "age_min": parts.age.low if parts.age else None,
            "age_max": parts.age.high if parts.age else None,
            "gender": parts.gender,
            "platform": "",
            "measure": measure,
            "value": v.value,
            "status": v.status,
            "value_low": v.low,
            "value_high": v.high,
            "source_id": src.source_id,
            "source_type": src.source_type,
            "source_file": file,
            "source_location": f.location,
            "source_url": src.url,
            "platform_group": "",
            "label_raw": labels_raw,
            "value_raw": v.raw_text,
            "derived": f.derived,
            "denominator": denominator,
            "published": src.received,
            "reference": src.reference,
            "publisher": src.publisher,
            "note": "; ".join(x for x in (f.note, f.decided) if x),
            "reader": reader,
            "review": f.review,
            "added_by": src.added_by,
            # the body that produced the figure: for a force's own answer, the force
            "originator": src.publisher or (parts.area.name if own_answer else ""),
            "originator_url": src.url if own_answer else "",
            "originated": src.received if own_answer else None,
            "release": src.reference if own_answer else "",
        }
        if f.document:  # a collection of documents (the public record): each figure names its own
            row.update({k: val for k, val in f.document.items() if k in row})
        return row

    @staticmethod
    def _per_platform(row: dict[str, Any], parts: Parts) -> list[dict[str, Any]]:
        """One row per platform a figure names; a combined share ("A + B + C") is one row."""
        if not parts.platforms:
            return [row]
        if parts.combo:
            groups = {g for _, g in parts.platforms}
            return [{**row, "platform": " + ".join(p for p, _ in parts.platforms), "platform_group": groups.pop() if len(groups) == 1 else ""}]
        return [{**row, "platform": p, "platform_group": g} for p, g in parts.platforms]
