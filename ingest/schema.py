"""The one list of columns and allowed values of the `figures` and `issues` tables.

Everything else in the project names columns through this module. The contract
(`docs/canonical-table.md`) fixes the first 21 columns; the rest are ours.
"""

from __future__ import annotations

from typing import Final

import pandas as pd
import pandera.pandas as pa

OFFENCES: Final = {
    "scwc": "Sexual communication with a child, s.15A Sexual Offences Act 2003 (Home Office code 71/17)",
    "scwc_ni": "Sexual communication with a child, Art. 22A Sexual Offences (NI) Order 2008",
    "communicating_indecently": "Communicating indecently with a child, Sexual Offences (Scotland) Act 2009",
    "sexual_grooming": "Sexual grooming, Home Office class 88A (s.15A plus meeting a child after grooming)",
}
AREA_TYPES: Final = ("force", "region", "nation", "england_and_wales", "uk", "group")
BREAKDOWNS: Final = ("total", "age", "gender", "age_gender", "platform", "youngest_age")
GENDERS: Final = ("female", "male", "unknown")
MEASURES: Final = ("count", "percent")
STATUSES: Final = ("reported", "suppressed", "withheld", "refused", "not_held", "not_provided")
SOURCE_TYPES: Final = ("foi_return", "press_release", "news", "official_statistics")
STANDARD_AGE_BANDS: Final = ("0-11", "12-15", "16+", "unknown")

# GSS shorthand shown to users beside each status (architecture habit 6).
STATUS_SHORTHAND: Final = {
    "reported": "",
    "suppressed": "[c]",
    "withheld": "[x]",
    "refused": "[x]",
    "not_held": "[x]",
    "not_provided": "[x]",
}

CONTRACT_COLUMNS: Final = (
    "offence",
    "area_code",
    "area_name",
    "area_type",
    "period_start",
    "period_end",
    "breakdown",
    "age_band",
    "age_min",
    "age_max",
    "gender",
    "platform",
    "measure",
    "value",
    "status",
    "value_low",
    "value_high",
    "source_id",
    "source_type",
    "source_file",
    "source_location",
    "source_url",
)
EXTRA_COLUMNS: Final = (
    "platform_group",  # parent company, e.g. Meta for Instagram
    "label_raw",  # the labels as printed, joined with " | "
    "value_raw",  # the cell as printed, e.g. "*" or "1,316"
    "derived",  # True when we computed the figure (a total the source did not print)
    "denominator",  # for percent rows: the count the share is of, when the source gives it
    "published",  # date the source was sent or published (source.yml `received`)
    "reference",  # FOI reference or publication title
    "publisher",
    "note",
    "reader",  # which reader produced the row
)
FIGURE_COLUMNS: Final = CONTRACT_COLUMNS + EXTRA_COLUMNS

STRING_COLUMNS: Final = (
    "offence", "area_code", "area_name", "area_type", "breakdown", "age_band", "gender", "platform",
    "measure", "status", "source_id", "source_type", "source_file", "source_location", "source_url",
    "platform_group", "label_raw", "value_raw", "reference", "publisher", "note", "reader",
)
FLOAT_COLUMNS: Final = ("value", "value_low", "value_high", "denominator")
INT_COLUMNS: Final = ("age_min", "age_max")
DATE_COLUMNS: Final = ("period_start", "period_end", "published")

# --- the issue log -------------------------------------------------------------------------

SEVERITIES: Final = ("error", "warning", "info")
# type -> (severity, whose problem: "publisher" wrote it so, "ours" to fix in mappings/code)
ISSUE_TYPES: Final = {
    "source_unreadable": ("error", "publisher"),
    "source_empty": ("error", "publisher"),
    "source_too_large": ("error", "publisher"),
    "invalid_source_yml": ("error", "ours"),
    "unknown_area": ("error", "ours"),
    "unknown_layout": ("error", "ours"),
    "negative_count": ("error", "publisher"),
    "unparsed_value": ("error", "publisher"),
    "impossible_period": ("error", "publisher"),
    "unparsed_period": ("error", "publisher"),
    "invalid_figure": ("error", "ours"),
    "absurd_count": ("warning", "publisher"),
    "total_mismatch": ("warning", "publisher"),
    "duplicate_figure": ("warning", "publisher"),
    "unknown_label": ("warning", "ours"),
    "platform_unmapped": ("warning", "ours"),
    "formula_like_text": ("warning", "publisher"),
    "period_before_offence": ("warning", "publisher"),
    "non_integer_count": ("warning", "publisher"),
    "sum_row_excludes_suppressed": ("warning", "publisher"),
    "nonstandard_age_band": ("info", "publisher"),
    "suppressed_value": ("info", "publisher"),
    "withheld_value": ("info", "publisher"),
    "empty_cell": ("info", "publisher"),
    "derived_total": ("info", "ours"),
    "label_mapped": ("info", "ours"),
    "period_adjusted": ("info", "ours"),
    "encoding_fallback": ("info", "publisher"),
    "html_active_content_ignored": ("info", "publisher"),
    "sheet_ignored": ("info", "publisher"),
}
ISSUE_COLUMNS: Final = ("source_id", "source_file", "location", "issue_type", "severity", "responsibility", "value", "message")


def _str(allowed: tuple[str, ...] | None = None, nullable: bool = False) -> pa.Column:
    checks = [pa.Check.isin(list(allowed))] if allowed else []
    return pa.Column(str, checks=checks, nullable=nullable, coerce=True)


FIGURES_SCHEMA: Final = pa.DataFrameSchema(
    {
        "offence": _str(tuple(OFFENCES)),
        "area_code": pa.Column(str, pa.Check.str_length(min_value=2), coerce=True),
        "area_name": pa.Column(str, pa.Check.str_length(min_value=1), coerce=True),
        "area_type": _str(AREA_TYPES),
        "period_start": pa.Column("datetime64[ns]"),
        "period_end": pa.Column("datetime64[ns]"),
        "breakdown": _str(BREAKDOWNS),
        "age_band": _str(),
        "age_min": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "age_max": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "gender": _str(("",) + GENDERS),
        "platform": _str(),
        "measure": _str(MEASURES),
        "value": pa.Column(float, pa.Check.ge(0), nullable=True),
        "status": _str(STATUSES),
        "value_low": pa.Column(float, pa.Check.ge(0), nullable=True),
        "value_high": pa.Column(float, pa.Check.ge(0), nullable=True),
        "source_id": pa.Column(str, pa.Check.str_length(min_value=1), coerce=True),
        "source_type": _str(SOURCE_TYPES),
        "source_file": _str(),
        "source_location": _str(),
        "source_url": _str(),
        "platform_group": _str(),
        "label_raw": _str(),
        "value_raw": _str(),
        "derived": pa.Column(bool),
        "denominator": pa.Column(float, pa.Check.ge(0), nullable=True),
        "published": pa.Column("datetime64[ns]", nullable=True),
        "reference": _str(),
        "publisher": _str(),
        "note": _str(),
        "reader": _str(),
    },
    checks=[
        pa.Check(lambda df: (df["period_end"] >= df["period_start"]).all(), error="period_end before period_start"),
        pa.Check(
            lambda df: (df["value"].notna() == (df["status"] == "reported")).all(),
            error="value must be present exactly when status is reported",
        ),
    ],
    strict=True,
    ordered=True,
)

ISSUES_SCHEMA: Final = pa.DataFrameSchema(
    {
        "source_id": _str(),
        "source_file": _str(),
        "location": _str(),
        "issue_type": _str(tuple(ISSUE_TYPES)),
        "severity": _str(SEVERITIES),
        "responsibility": _str(("publisher", "ours")),
        "value": _str(),
        "message": _str(),
    },
    strict=True,
    ordered=True,
)

COLUMN_DOCS: Final = {
    "offence": "Offence definition; never summed across: " + "; ".join(f"{k} = {v}" for k, v in OFFENCES.items()),
    "area_code": "ONS code of the area (police force area, region, nation), BTP, or GRP-* for a press group defined in data/reference/area_groups.csv",
    "area_name": "Canonical name of the area",
    "area_type": "One of " + ", ".join(AREA_TYPES),
    "period_start": "First day of the period, inclusive",
    "period_end": "Last day of the period, inclusive",
    "breakdown": "One of " + ", ".join(BREAKDOWNS),
    "age_band": "Canonical age band (0-11, 12-15, 16+, unknown, or a band as given); empty where the breakdown has no age",
    "age_min": "Lower bound of the age band in years",
    "age_max": "Upper bound of the age band in years; empty for open bands such as 16+",
    "gender": "female, male or unknown; empty where the breakdown has no gender",
    "platform": "Canonical platform name, or several joined with ' + ' for a combined share; unknown = not recorded",
    "measure": "count, or percent (a share as published, 0-100)",
    "value": "The figure; empty unless status is reported. For breakdown youngest_age it is the age in years",
    "status": "One of " + ", ".join(STATUSES),
    "value_low": "Lowest value the figure can have (equal to value when reported)",
    "value_high": "Highest value the figure can have (equal to value when reported)",
    "source_id": "Stable id of the source document (its folder name under data/raw)",
    "source_type": "One of " + ", ".join(SOURCE_TYPES),
    "source_file": "Path under the source folder of the file the figure came from",
    "source_location": "Where in that file: Sheet!C7, table 2 row 3, line 14",
    "source_url": "Where the document is published",
    "platform_group": "Parent company of the platform (Meta for Facebook, Messenger, Instagram, WhatsApp)",
    "label_raw": "The row and column labels as printed",
    "value_raw": "The cell as printed",
    "derived": "True when the figure was computed here (a total the source did not print)",
    "denominator": "For percent rows, the count the share is of, when the source gives it",
    "published": "When the source was sent or published",
    "reference": "FOI reference or publication title",
    "publisher": "Who published the source",
    "note": "Caveat attached to the figure",
    "reader": "The reader (layout family) that read the figure",
}


def empty_figures() -> pd.DataFrame:
    """A zero-row figures table with the right dtypes."""
    return coerce_figures(pd.DataFrame({c: [] for c in FIGURE_COLUMNS}))


def coerce_figures(df: pd.DataFrame) -> pd.DataFrame:
    """Give each column its schema dtype (strings never null: empty string means 'none')."""
    out = df.reindex(columns=list(FIGURE_COLUMNS)).copy()
    for c in STRING_COLUMNS:
        out[c] = out[c].astype(object).where(out[c].notna(), "").astype(str).astype(object)
    for c in FLOAT_COLUMNS:
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
    for c in INT_COLUMNS:
        out[c] = pd.to_numeric(out[c], errors="coerce").astype("Int64")
    for c in DATE_COLUMNS:
        out[c] = pd.to_datetime(out[c], errors="coerce").astype("datetime64[ns]")
    out["derived"] = out["derived"].astype(object).where(out["derived"].notna(), False).astype(bool)
    return out


def validate_figures(df: pd.DataFrame) -> pd.DataFrame:
    return FIGURES_SCHEMA.validate(df, lazy=True)


def validate_issues(df: pd.DataFrame) -> pd.DataFrame:
    return ISSUES_SCHEMA.validate(df, lazy=True)
