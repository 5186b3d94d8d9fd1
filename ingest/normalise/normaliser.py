"""Every value cleaned once, for all readers: labels -> canonical dimensions, markers ->
status and bounds, names -> codes, period labels -> dates. Each change leaves an issue row.
"""

from __future__ import annotations

from collections import defaultdict
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
    def _axis_dims(self, figures: list[RawFigure]) -> dict[str, str | None]:
        by_axis: dict[str, list[str]] = defaultdict(list)
        for f in figures:
            for lab in f.labels:
                if lab.dim is None:
                    by_axis[lab.axis].append(lab.text)
        return {axis: infer_axis_dimension(self.ref, labels) for axis, labels in by_axis.items()}

    def _apply_label(self, parts: Parts, lab: Label, dim: str | None, file: str, loc: str) -> None:
        text = lab.text.strip()
        if lab.dim is None:
            role = match_role(self.ref, text)
            if role in ("total", "value"):
                return
            if role == "percent":
                parts.percent = True
                return
            if role == "youngest_age":
                parts.youngest = True
                return
        if looks_like_formula(text):
            self._issue("formula_like_text", "label looks like a spreadsheet formula; kept as text, never evaluated", file, loc, text, once=True)
        if MARKUP.search(text):
            self._issue("markup_like_text", "label carries markup (a tag, a link or an image); kept as plain text, never rendered",
                        file, loc, text, once=True)
        if dim == "role":
            if match_role(self.ref, text) == "youngest_age":
                parts.youngest = True
            return
        if dim == "breakdown":
            if text not in BREAKDOWNS:
                self._issue("invalid_figure", f"breakdown {text!r} is not one of {', '.join(BREAKDOWNS)}", file, loc, text)
                raise Skip
            parts.breakdown = text
            parts.youngest = text == "youngest_age"
            return
        if dim == "printed":
            parts.printed = text
            return
        if dim == "offence":
            if text not in OFFENCES:
                self._issue("invalid_figure", f"offence {text!r} is not one of {', '.join(OFFENCES)}", file, loc, text)
                raise Skip
            parts.offence = text
            return
        if dim == "age":
            band = match_age(self.ref, text)
            if band is None:
                self._issue("unknown_label", f"age band {text!r} not recognised; its figures are left out", file, loc, text, once=True)
                raise Skip
            self._mapped(text, band.label, "age band", file, loc)
            if not band.standard:
                self._issue("nonstandard_age_band", f"age band {text!r} kept as given ({band.label}), not merged into the standard bands", file, loc, text, once=True)
            parts.age = band
            return
        if dim == "age_years":
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
            return
        if dim == "gender":
            g = match_gender(self.ref, text) if text else "unknown"
            if g is None:
                self._issue("unknown_label", f"gender {text!r} not recognised; counted as unknown", file, loc, text, once=True)
                g = "unknown"
            self._mapped(text, g, "gender", file, loc)
            parts.gender = g
            return
        if dim in ("platform", "platform_multi", "platform_combo"):
            if dim == "platform_multi":
                names = split_platforms(self.ref, text) if text else ["unknown"]
            elif dim == "platform_combo":
                names = [n for n in (s.strip() for s in text.split("+")) if n]
                parts.combo = len(names) > 1
            else:
                names = [text]
            mapped = []
            for n in names:
                p = match_platform(self.ref, n)
                if p is None:
                    self._issue("platform_unmapped", f"platform {n!r} is not in data/reference/platforms.csv; kept under Other", file, loc, n, once=True)
                    p = ("Other", "Other")
                else:
                    self._mapped(n, p[0], "platform", file, loc)
                if p not in mapped:
                    mapped.append(p)
            parts.platforms = tuple(mapped)
            return
        if dim == "period":
            period = parse_period(text)
            if period is None:
                self._issue("unparsed_period", f"period {text!r} cannot be read as dates; figure left out", file, loc, text)
                raise Skip
            parts.period = period
            return
        if dim == "area":
            area = self.ref.find_area(text)
            if area is None:
                near = self.ref.nearest_area_names(text)
                hint = f"; nearest known: {', '.join(near)}" if near else ""
                self._issue("unknown_area", f"unknown force or area {text!r}{hint}; figure left out", file, loc, text)
                raise Skip
            parts.area = area
            return
        # no dimension: a label on an axis we could not classify
        self._issue("unknown_label", f"label {text!r} fits no known age band, gender, platform, period or area; its figures are left out",
                    file, loc, text, once=True)
        raise Skip

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

    def figures(self, raw_figures: list[RawFigure], notes: list[ReaderNote], file: str, reader: str) -> list[dict[str, Any]]:
        for note in notes:
            once = note.issue_type in ("markup_like_text", "formula_like_text")  # flagged once per text, by whichever sees it first
            self._issue(note.issue_type, note.message, file, note.location, note.value, once=once)
        axis_dims = self._axis_dims(raw_figures)
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
        self.current_source = str(f.document["source_id"]) if f.document else ""
        self.current_file = str(f.document.get("source_file", "")) if f.document else ""
        src = self.source
        loc = f.location
        parts = Parts(area=src.area, period=src.period, offence=src.offence)
        for lab in f.labels:
            self._apply_label(parts, lab, lab.dim or axis_dims.get(lab.axis), file, loc)
        if f.measure:
            if f.measure not in ("count", "percent"):
                self._issue("invalid_figure", f"measure {f.measure!r} is not count or percent", file, loc, f.measure)
                raise Skip
            parts.percent = f.measure == "percent"

        # breakdown
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
            self._issue("invalid_figure", f"breakdown {parts.breakdown!r} does not match the labels given (they make it {breakdown!r})", file, loc, f.value_raw)
            raise Skip
        if parts.breakdown:
            breakdown = parts.breakdown

        # period
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
            self._issue("period_before_offence", f"period starts {start}, before s.15A came into force on {OFFENCE_START}: part of it cannot hold this offence", file, loc, once=True)

        # value
        raw = f.value_raw
        raw_text = "" if raw is None else (str(int(raw)) if isinstance(raw, float) and raw.is_integer() else str(raw)).strip()
        value: float | None
        low: float | None
        high: float | None
        if f.aggregate:
            status, value, low, high, percent = "reported", 1.0, 1.0, 1.0, False
        elif f.read_as is not None:
            pv = parse_value(f.read_as)
            status, value, low, high, percent = pv.status, pv.value, pv.low, pv.high, pv.is_percent
            self._issue("dash_read_as_zero", f"{raw_text!r} read as {f.read_as}: {f.note or 'the return says so'}", file, loc, raw_text,
                        once=True)
        else:
            pv = parse_value(raw, src.suppression)
            status, value, low, high, percent = pv.status, pv.value, pv.low, pv.high, pv.is_percent
            if status == "empty":
                self._issue("empty_cell", "empty cell in the table: kept as not provided, not as 0", file, loc, once=False)
                status = "not_provided"
            elif status == "unparsed":
                if looks_like_formula(raw_text):
                    self._issue("unparsed_value", "cell looks like a spreadsheet formula; not evaluated, figure left out", file, loc, raw_text)
                else:
                    self._issue("unparsed_value", f"value {raw_text!r} is not a number or a known marker; figure left out", file, loc, raw_text)
                raise Skip
            elif status == "suppressed":
                self._issue("suppressed_value", f"{raw_text!r} read as suppressed ({low:g}-{high:g})", file, loc, raw_text, once=True)
            elif status in ("withheld", "refused", "not_held"):
                self._issue("withheld_value", f"{raw_text!r} read as {status}", file, loc, raw_text)
        measure = "percent" if (parts.percent or percent) else "count"
        if value is not None:
            if value < 0:
                self._issue("negative_count", f"negative figure {raw_text}; left out", file, loc, raw_text)
                raise Skip
            if measure == "count" and breakdown != "youngest_age" and not float(value).is_integer():
                self._issue("non_integer_count", f"count {raw_text} is not a whole number", file, loc, raw_text)
            if measure == "count" and value > ABSURD_COUNT:
                self._issue("absurd_count", f"count {raw_text} is implausibly large for one area and period", file, loc, raw_text)
            if measure == "percent" and value > 100:
                self._issue("absurd_count", f"share {raw_text}% is over 100", file, loc, raw_text)
            if breakdown == "youngest_age" and value > 17:
                self._issue("absurd_count", f"youngest victim aged {raw_text} is not a child", file, loc, raw_text)
        if status in ("withheld", "refused", "not_held", "not_provided"):
            low = high = None

        denominator = None
        if f.denominator not in (None, ""):
            dv = parse_value(f.denominator)
            denominator = dv.value if dv.status == "reported" else None

        labels_raw = parts.printed or " | ".join(lab.text for lab in f.labels if lab.dim not in ("breakdown", "area", "period", "offence", "printed") and lab.text)
        base: dict[str, Any] = {
            "offence": parts.offence,
            "area_code": parts.area.code,
            "area_name": parts.area.name,
            "area_type": parts.area.area_type,
            "period_start": start,
            "period_end": end,
            "breakdown": breakdown,
            "age_band": parts.age.label if parts.age else "",
            "age_min": parts.age.low if parts.age else None,
            "age_max": parts.age.high if parts.age else None,
            "gender": parts.gender,
            "platform": "",
            "measure": measure,
            "value": value,
            "status": status,
            "value_low": low,
            "value_high": high,
            "source_id": src.source_id,
            "source_type": src.source_type,
            "source_file": file,
            "source_location": loc,
            "source_url": src.url,
            "platform_group": "",
            "label_raw": labels_raw,
            "value_raw": raw_text,
            "derived": f.derived,
            "denominator": denominator,
            "published": src.received,
            "reference": src.reference,
            "publisher": src.publisher,
            "note": f.note,
            "reader": reader,
            "review": f.review,
            "added_by": src.added_by,
            # the body that produced the figure: for a force's own answer, the force
            "originator": src.publisher or (parts.area.name if src.source_type == "foi_return" else ""),
            "originator_url": src.url if src.source_type == "foi_return" else "",
            "originated": src.received if src.source_type == "foi_return" else None,
            "release": src.reference if src.source_type == "foi_return" else "",
        }
        if f.document:  # a collection of documents (the public record): each figure names its own
            base.update({k: v for k, v in f.document.items() if k in base})
        if not parts.platforms:
            return [base]
        if parts.combo:
            groups = {g for _, g in parts.platforms}
            return [{**base, "platform": " + ".join(p for p, _ in parts.platforms), "platform_group": groups.pop() if len(groups) == 1 else ""}]
        return [{**base, "platform": p, "platform_group": g} for p, g in parts.platforms]

