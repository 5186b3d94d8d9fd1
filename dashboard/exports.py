"""CSV and XLSX exports of a filtered table: formula-safe, numbers as numbers, the citation and
licence with the data, the releases and sources alongside. Never imports streamlit."""

from __future__ import annotations

import io

import pandas as pd

from core.export import csv_text
from core.schema import DATE_COLUMNS, FIGURE_KEY, FLOAT_COLUMNS, INT_COLUMNS
from core.text import neutralise
from dashboard.queries import DERIVED_COLUMNS, LICENCE, releases_of, shown_column

SOURCE_COLUMNS = ["source_id", "reference", "publisher", "published", "source_type", "source_url", "originator", "release",
                  "originator_url", "originated"]
HEADER = "# "  # lines of the CSV before the table: read it with pandas.read_csv(..., comment="#")


def _table_columns(df: pd.DataFrame) -> pd.DataFrame:
    """The figures table's own columns (the app's derived ones, period labels and flags, left out),
    and first `shown`: whether the row is the figure the dashboard shows, an earlier or other
    publication of it, or a figure that needs review, so that no pivot counts a figure twice."""
    out = df.drop(columns=[c for c in DERIVED_COLUMNS if c in df])
    if set(FIGURE_KEY) <= set(df.columns):  # figures (a chase list or another table has no such column)
        out.insert(0, "shown", shown_column(df).to_numpy() if len(df) else pd.Series(dtype=object))
    return out


def to_csv_bytes(df: pd.DataFrame, citation: str = "") -> bytes:
    """The figures as CSV, its first lines the citation and the licence (comment lines)."""
    head = "".join(f"{HEADER}{line}\n" for line in (f"Cite as: {citation}" if citation else "", f"Licence: {LICENCE}") if line)
    return (head + csv_text(_table_columns(df))).encode("utf-8")


def sources_of(df: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in SOURCE_COLUMNS if c in df]
    return df[cols].drop_duplicates("source_id").sort_values("source_id").reset_index(drop=True)


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """Numbers stay numbers (Excel can sum them), dates dates; text is neutralised against formulas."""
    out = pd.DataFrame(index=df.index)
    for c in df.columns:
        s = df[c]
        if c in FLOAT_COLUMNS or c in INT_COLUMNS:
            out[c] = pd.to_numeric(s, errors="coerce").astype(float)
        elif c in DATE_COLUMNS and pd.api.types.is_datetime64_any_dtype(s):
            out[c] = s.dt.date
        elif pd.api.types.is_bool_dtype(s) or pd.api.types.is_numeric_dtype(s):
            out[c] = s  # counts (a release's figures held) stay numbers: Excel can sum them
        else:
            out[c] = s.astype(object).where(s.notna(), "").astype(str).map(neutralise)
    return out


def to_xlsx_bytes(df: pd.DataFrame, citation: str = "") -> bytes:
    """Figures, Releases, Sources and About sheets. Numbers are numeric cells; text is written as
    text (never as a formula) and formula-like text is neutralised, as in figures.csv."""
    buf = io.BytesIO()
    figures = _typed(_table_columns(df))
    sources = _typed(sources_of(df)) if len(df) else pd.DataFrame(columns=SOURCE_COLUMNS)
    releases = _typed(releases_of(df))
    with pd.ExcelWriter(buf, engine="xlsxwriter", datetime_format="yyyy-mm-dd", date_format="yyyy-mm-dd",
                        engine_kwargs={"options": {"strings_to_formulas": False, "strings_to_urls": False,
                                                   "strings_to_numbers": False, "nan_inf_to_errors": False}}) as xw:
        figures.to_excel(xw, sheet_name="Figures", index=False, na_rep="")
        # the citation on the data sheet itself, one blank column right of the table (a pivot of the
        # table's region leaves it out)
        sheet = xw.sheets["Figures"]
        sheet.write_string(0, len(figures.columns) + 1, "Cite as: " + neutralise(citation) if citation else "Cite as: see the About sheet")
        sheet.write_string(1, len(figures.columns) + 1, "Licence: " + LICENCE)
        releases.to_excel(xw, sheet_name="Releases", index=False, na_rep="")
        sources.to_excel(xw, sheet_name="Sources", index=False, na_rep="")
        pd.DataFrame({"about": [neutralise(citation), LICENCE, "Figures are as published by each source; see the Releases and "
                                "Sources sheets.", "[c] suppressed small number; [x] withheld, refused, not held or not provided; "
                                "an empty value is never 0."]}).to_excel(xw, sheet_name="About", index=False)
    return buf.getvalue()
