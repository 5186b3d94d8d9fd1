"""Checks over one source's figures (plain rows, before they become a table), each an issue
row with a fixed type:

- the same figure twice in one source (duplicate_figure; the later copy is left out);
- a figure counted from records where the source also printed it (kept only the printed one:
  derived_total_confirmed, or total_mismatch when they differ);
- breakdowns against the printed total, within suppression bounds (total_mismatch);
- a printed sum that leaves out suppressed cells (Northamptonshire 10905-25's `Sum:` row) is
  kept as what it is: status `understated`, with the bounds of the true figure
  (sum_row_excludes_suppressed);
- a region's or group's total against its member forces in the same source.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from core.schema import FIGURE_KEY
from ingest.issues import IssueLog

GROUP = ("source_id", "source_file", "offence", "area_code", "period_start", "period_end")
Row = dict[str, Any]
MAX_SAID = 20  # issue rows of one kind per source before the rest are summed up in one


def _key(row: Row, extra: tuple[str, ...] = ()) -> tuple[Any, ...]:
    return tuple(row.get(c) for c in FIGURE_KEY + extra)


_COLUMN = re.compile(r"!([A-Z]+)\d+$|\bcol(?:umn)? (\w+)$")


def _column(location: str) -> str | None:
    m = _COLUMN.search(location or "")
    return (m.group(1) or m.group(2)) if m else None


def _parts_of_one_platform(a: Row, b: Row) -> bool:
    """Two reported counts of one platform, from one file, printed under different names in one column
    (two columns of one platform row are two figures: a year each, lost their years, are never summed)."""
    return (a.get("breakdown") == b.get("breakdown") == "platform" and a["status"] == b["status"] == "reported"
            and a.get("measure") == b.get("measure") == "count" and a["source_file"] == b["source_file"]
            and a.get("label_raw") != b.get("label_raw") and a.get("platform") not in ("", "Other")
            and _column(a.get("source_location", "")) == _column(b.get("source_location", "")) is not None)


def drop_duplicates(rows: list[Row], source_id: str, issues: IssueLog) -> list[Row]:
    """Linear in the number of figures (a file of repeated rows is not quadratic)."""
    first: dict[tuple[Any, ...], Row] = {}
    out: list[Row] = []
    said = 0
    for row in rows:
        # two unmapped platforms both kept under "Other" are different figures: their labels tell
        k = _key(row, ("source_id",)) + ((row.get("label_raw"),) if row.get("platform") == "Other" else ())
        if k in first:
            f = first[k]
            ranged, exact = (f, row) if row["status"] == "reported" else (row, f)
            if ranged["status"] in ("understated", "suppressed") and exact["status"] == "reported" and \
                    ranged["value_low"] - 1e-9 <= exact["value"] <= ranged["value_high"] + 1e-9:
                # a Sum row that leaves out starred cells, printed in full elsewhere: the full one stays
                issues.add("figure_repeated", source_id,
                           f"{exact['value_raw']!r} at {exact['source_location']} is the same figure as {ranged['value_raw']!r} "
                           f"({ranged['status']}, {ranged['value_low']:g}-{ranged['value_high']:g}) at {ranged['source_location']}; "
                           "the exact one is kept", row["source_file"], row["source_location"], row["value_raw"])
                if exact is row:
                    out[out.index(f)] = row
                    first[k] = row
                continue
            if (f["status"], f["value"], f["value_raw"]) == (row["status"], row["value"], row["value_raw"]) or \
                    (f["status"] == row["status"] == "reported" and f["value"] == row["value"]):
                first_at = f["source_location"] if f["source_file"] == row["source_file"] else f"{f['source_file']} {f['source_location']}"
                if _parts_of_one_platform(f, row):
                    # one platform under two names with one value ("SnapChat (app) 12", "Snapchat 12"; quirks corpus):
                    # the same figure twice, or two parts of 24? kept once, and a person says which
                    issues.add("platform_parts_unclear", row.get("source_id") or source_id,
                               f"{row['platform']} is printed as {f['label_raw']!r} ({f['value_raw']}) and as {row['label_raw']!r} "
                               f"({row['value_raw']}): the same figure twice, or two parts to be summed? kept once; needs review",
                               row["source_file"], row["source_location"], row["value_raw"])
                    f["review"] = f.get("review") or f"printed again as {row['label_raw']!r} with the same value: twice, or two parts?"
                elif f.get("label_raw") == row.get("label_raw") and f["source_file"] == row["source_file"]:  # the same row twice
                    said += 1
                    if said <= MAX_SAID:
                        issues.add("duplicate_figure", row.get("source_id") or source_id,
                                   f"same figure given twice (first at {first_at}: {f['value_raw']!r}); this copy left out",
                                   row["source_file"], row["source_location"], row["value_raw"])
                else:  # a total in its own answer and again under a table, or in two files of one source: they agree
                    issues.add("figure_repeated", row.get("source_id") or source_id,
                               f"given again, with the same value, at {first_at}; kept once",
                               row["source_file"], row["source_location"], row["value_raw"])
            elif _parts_of_one_platform(f, row):
                # one platform written several ways in one table ("Snapchat", "Snap chat", "SnapChat (app)"; issue 18):
                # the parts are summed into one figure, and the sum is named
                issues.add("platform_parts_summed", row.get("source_id") or source_id,
                           f"{row['platform']} is printed as {f['label_raw']!r} ({f['value_raw']}) and as {row['label_raw']!r} "
                           f"({row['value_raw']}): one platform, its parts summed", row["source_file"], row["source_location"],
                           row["value_raw"])
                f.update(value=f["value"] + row["value"], value_low=f["value_low"] + row["value_low"],
                         value_high=f["value_high"] + row["value_high"], label_raw=f"{f['label_raw']} + {row['label_raw']}",
                         value_raw=f"{f['value_raw']} + {row['value_raw']}",
                         source_location=f"{f['source_location']} + {row['source_location']}", derived=True,
                         note="; ".join(x for x in (f.get("note"), "the sum of one platform's parts printed under several names") if x))
            else:
                # two values for one figure in one source is never 'ok' (issue 18: a letter whose tables of the same
                # shape were about different offences): the first is kept, marked, and the source needs review
                issues.add("conflicting_values", source_id,
                           f"the same figure is printed as {f['value_raw']!r} at {f['source_location']} and as {row['value_raw']!r} here; "
                           "the first is kept and needs review", row["source_file"], row["source_location"], row["value_raw"])
                f["review"] = f.get("review") or f"the source also prints {row['value_raw']!r} for this figure ({row['source_location']})"
            continue
        first[k] = row
        out.append(row)
    if said > MAX_SAID:
        issues.add("duplicate_figure", source_id, f"... and {said - MAX_SAID} more copies of figures already given, all left out")
    return out


def reconcile_derived(rows: list[Row], source_id: str, issues: IssueLog) -> list[Row]:
    """A figure counted from records that the source also printed: the printed one stays; the
    count is evidence for it (Hertfordshire prints yearly totals above its record listing)."""
    printed = {_key(r, ("source_id",)): r for r in rows if not r.get("derived")}
    out = []
    for r in rows:
        p = printed.get(_key(r, ("source_id",))) if r.get("derived") else None
        if p is None:
            out.append(r)
            continue
        if p["status"] == "reported" and p["value"] == r["value"]:
            issues.add("derived_total_confirmed", source_id,
                       f"the {int(r['value'])} records counted agree with the printed figure at {p['source_location']}",
                       r["source_file"], r["source_location"], r["value_raw"], once=True)
        else:
            issues.add("total_mismatch", source_id,
                       f"{int(r['value'])} records counted, but the source prints {p['value_raw']!r} at {p['source_location']}; "
                       "the printed figure is kept", r["source_file"], r["source_location"], r["value_raw"])
            p["review"] = p.get("review") or "the records listed do not add up to this printed figure"
    return out


def _bounds(parts: list[Row]) -> tuple[float, float] | None:
    """Sum of the parts' bounds; None if any part has no bounds (withheld, not provided)."""
    # an empty cell in a printed table adds nothing to the printed sums (it is stored as
    # not_provided, never as 0, but a table's own Total treats it as nothing)
    parts = [p for p in parts if not (p["status"] == "not_provided" and p["value_raw"] in ("", "-", "–", "—"))]
    if not parts or any(p["value_low"] is None for p in parts):
        return None
    return float(sum(p["value_low"] for p in parts)), float(sum(p["value_high"] for p in parts))


def _printed(p: Row) -> float:
    """What a part adds to a printed sum that leaves starred cells out: its value, the printed
    (understated) figure of a sum row, nothing for a starred cell."""
    if p["status"] == "reported":
        return float(p["value"])
    if p["status"] == "understated":
        try:
            return float(str(p["value_raw"]).replace(",", ""))
        except ValueError:
            return 0.0
    return 0.0


def _is_sum_row(row: Row) -> bool:
    from ingest.vocabulary.labels import is_total_label

    return any(is_total_label(part.strip()) for part in str(row.get("label_raw", "")).split("|"))


def _compare(issues: IssueLog, source_id: str, what: str, target: Row, parts: list[Row]) -> None:
    if target["status"] != "reported":
        return
    b = _bounds(parts)
    if b is None:
        return
    lo, hi = b
    total = float(target["value"])
    # Without an "unknown" category the breakdown may be partial (a press report naming
    # only girls and boys): then only a sum above the total is a contradiction.
    complete = any(p["age_band"] == "unknown" or p["gender"] == "unknown" for p in parts)
    starred = [p for p in parts if p["status"] in ("suppressed", "understated")]
    visible = sum(_printed(p) for p in parts)
    # a Sum row over Sum rows that leave out starred cells leaves them out too, and must equal
    # their printed values (a figure merely inside the bounds would be a guess). A total from
    # elsewhere (Northamptonshire 10905-25's "Total Count 52" answers another question) may not.
    sums_exclude = any(p["status"] == "understated" for p in parts) and _is_sum_row(target)
    in_bounds = (complete and lo - 1e-9 <= total <= hi + 1e-9) or (not complete and lo <= total + 1e-9)
    if in_bounds and not (sums_exclude and abs(total - visible) > 1e-9 and complete):
        return
    rng = f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}"
    extra = f", {len(starred)} of them suppressed" if starred else ""
    message = f"{what} sum to {rng} ({len(parts)} figures{extra}) but the printed figure is {total:g}"
    if starred and abs(total - visible) < 1e-9:
        # the printed sum leaves the starred cells out: it is a lower bound, never the total
        low = total + sum(p["value_low"] - _printed(p) for p in starred)
        high = total + sum(p["value_high"] - _printed(p) for p in starred)
        issues.add("sum_row_excludes_suppressed", target.get("source_id") or source_id,
                   message + f": the printed sum leaves out the suppressed cells (as Northamptonshire 10905-25 does), so the "
                   f"true figure is {low:g}-{high:g}; kept as understated, not as {total:g}",
                   target["source_file"], target["source_location"], target["value_raw"])
        target.update(status="understated", value=None, value_low=low, value_high=high)
        return
    issues.add("total_mismatch", target.get("source_id") or source_id, message, target["source_file"], target["source_location"],
               target["value_raw"])


def check_totals(rows: list[Row], source_id: str, issues: IssueLog) -> None:
    groups: dict[tuple[Any, ...], list[Row]] = defaultdict(list)
    for r in rows:
        if r["measure"] == "count" and r["breakdown"] != "youngest_age":
            groups[tuple(r[c] for c in GROUP)].append(r)
    for g in groups.values():
        by = defaultdict(list)
        for r in g:
            by[r["breakdown"]].append(r)
        cells = by["age_gender"]
        # margins first: a margin found understated is then a range inside the grand total
        for margin in by["age"]:
            parts = [c for c in cells if c["age_band"] == margin["age_band"]]
            # one cell is enough: Northamptonshire 10905-25's "11 and under" Sum row prints 0 over a
            # single starred cell (1-4), so its true figure is 1-4, not 0
            if parts:
                _compare(issues, source_id, f"the cells of age band {margin['age_band']}", margin, parts)
        for margin in by["gender"]:
            parts = [c for c in cells if c["gender"] == margin["gender"]]
            if parts:
                _compare(issues, source_id, f"the cells of gender {margin['gender']}", margin, parts)
        for total in by["total"]:
            for breakdown, label in (("age", "age bands"), ("gender", "genders")):
                if len(by[breakdown]) > 1:
                    _compare(issues, source_id, f"the {label}", total, by[breakdown])
            if len(cells) > 1 and not by["age"] and not by["gender"]:
                _compare(issues, source_id, "the age x gender cells", total, cells)


def check_area_sums(rows: list[Row], source_id: str, issues: IssueLog) -> None:
    """A region's or group's printed total against its member forces in the same source
    (the onthewight South East table: the four forces add up to the South East total)."""
    from ingest.vocabulary.reference import reference

    ref = reference()
    totals = [r for r in rows if r["breakdown"] == "total" and r["measure"] == "count"]
    wholes = [r for r in totals if r["area_type"] in ("group", "region", "nation")]
    if not wholes:
        return
    forces_by_region: dict[str, list[str]] = {}
    for a in ref.forces():
        forces_by_region.setdefault(a.region_code, []).append(a.code)
    for whole in wholes:
        members = ref.group_members.get(whole["area_code"]) or forces_by_region.get(whole["area_code"], [])
        if not members:
            continue
        same = [r for r in totals if (r["source_id"], r["source_file"], r["offence"], r["period_start"], r["period_end"]) ==
                (whole["source_id"], whole["source_file"], whole["offence"], whole["period_start"], whole["period_end"])]
        parts = [r for r in same if r["area_code"] in members]
        if len({r["area_code"] for r in parts}) == len(set(members)):
            _compare(issues, source_id, f"the {len(members)} member forces", whole, [{**p, "age_band": "unknown"} for p in parts])
