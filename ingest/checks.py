"""Sanity checks over one source's figures, each an issue row with a fixed type.

- breakdowns against the printed total, within suppression bounds (total_mismatch)
- the same figure twice in one source (duplicate_figure; the later copy is left out)
"""

from __future__ import annotations

import pandas as pd

from ingest.issues import IssueLog

KEY = ["offence", "area_code", "period_start", "period_end", "breakdown", "age_band", "gender", "platform", "measure"]
GROUP = ["source_file", "offence", "area_code", "period_start", "period_end"]


def drop_duplicates(df: pd.DataFrame, source_id: str, issues: IssueLog) -> pd.DataFrame:
    if df.empty:
        return df
    key = KEY + ["label_raw"]  # two unmapped platforms both under "Other" are different figures
    dup = df.duplicated(subset=key, keep="first")
    for _, row in df[dup].iterrows():
        first = df[(df[key] == row[key]).all(axis=1)].iloc[0]
        issues.add(
            "duplicate_figure", source_id,
            f"same figure given twice (first at {first['source_location']}: {first['value_raw']!r}); this copy left out",
            row["source_file"], row["source_location"], row["value_raw"],
        )
    return df[~dup]


def _bounds(rows: pd.DataFrame) -> tuple[float, float] | None:
    """Sum of the rows' bounds; None if any row has no bounds (withheld, not provided)."""
    # an empty cell in a printed table adds nothing to the printed sums (it is stored as
    # not_provided, never as 0, but a table's own Total treats it as nothing)
    rows = rows[~((rows["status"] == "not_provided") & (rows["value_raw"] == ""))]
    if rows.empty or rows["value_low"].isna().any():
        return None
    return float(rows["value_low"].sum()), float(rows["value_high"].sum())


def _compare(issues: IssueLog, source_id: str, what: str, target: pd.Series, parts: pd.DataFrame) -> None:
    if target["status"] != "reported":
        return
    b = _bounds(parts)
    if b is None:
        return
    lo, hi = b
    total = float(target["value"])
    # Without an "unknown" category the breakdown may be partial (a press report naming
    # only girls and boys): then only a sum above the total is a contradiction.
    complete = (parts["age_band"] == "unknown").any() or (parts["gender"] == "unknown").any()
    if complete and not lo - 1e-9 <= total <= hi + 1e-9 or not complete and lo > total + 1e-9:
        suppressed = int((parts["status"] == "suppressed").sum())
        extra = f", {suppressed} of them suppressed" if suppressed else ""
        rng = f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}"
        issue_type = "total_mismatch"
        message = f"{what} sum to {rng} ({len(parts)} figures{extra}) but the printed figure is {total:g}"
        if suppressed and total == float(parts["value"].fillna(0).sum()):
            issue_type = "sum_row_excludes_suppressed"
            message += ": the printed sum leaves out the suppressed cells (as Northamptonshire 10905-25 does)"
        issues.add(issue_type, source_id, message, target["source_file"], target["source_location"], target["value_raw"])


def check_totals(df: pd.DataFrame, source_id: str, issues: IssueLog) -> None:
    counts = df[(df["measure"] == "count") & (df["breakdown"] != "youngest_age")]
    for _, g in counts.groupby(GROUP, sort=False, dropna=False):
        totals = g[(g["breakdown"] == "total")]
        for _, total in totals.iterrows():
            for breakdown, label in (("age", "age bands"), ("gender", "genders")):
                parts = g[g["breakdown"] == breakdown]
                if len(parts) > 1:
                    _compare(issues, source_id, f"the {label}", total, parts)
            cells = g[g["breakdown"] == "age_gender"]
            if len(cells) > 1 and g[g["breakdown"].isin(["age", "gender"])].empty:
                _compare(issues, source_id, "the age x gender cells", total, cells)
        cells = g[g["breakdown"] == "age_gender"]
        for _, margin in g[g["breakdown"] == "age"].iterrows():
            parts = cells[cells["age_band"] == margin["age_band"]]
            if len(parts) > 1:
                _compare(issues, source_id, f"the cells of age band {margin['age_band']}", margin, parts)
        for _, margin in g[g["breakdown"] == "gender"].iterrows():
            parts = cells[cells["gender"] == margin["gender"]]
            if len(parts) > 1:
                _compare(issues, source_id, f"the cells of gender {margin['gender']}", margin, parts)


def check_area_sums(df: pd.DataFrame, source_id: str, issues: IssueLog) -> None:
    """A region's or group's printed total against its member forces in the same source
    (the onthewight South East table: the four forces add up to the South East total)."""
    from ingest.reference import reference

    ref = reference()
    totals = df[(df["breakdown"] == "total") & (df["measure"] == "count")]
    forces_by_region: dict[str, list[str]] = {}
    for a in ref.forces():
        forces_by_region.setdefault(a.region_code, []).append(a.code)
    for _, whole in totals[totals["area_type"].isin(["group", "region", "nation"])].iterrows():
        members = ref.group_members.get(whole["area_code"]) or forces_by_region.get(whole["area_code"], [])
        if not members:
            continue
        same = totals[(totals["source_file"] == whole["source_file"]) & (totals["offence"] == whole["offence"])
                      & (totals["period_start"] == whole["period_start"]) & (totals["period_end"] == whole["period_end"])]
        parts = same[same["area_code"].isin(members)]
        if parts["area_code"].nunique() == len(set(members)):
            _compare(issues, source_id, f"the {len(members)} member forces", whole, parts.assign(age_band="unknown"))
