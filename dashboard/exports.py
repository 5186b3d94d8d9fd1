"""CSV and XLSX exports of a filtered table, formula-safe, with the sources alongside."""

from __future__ import annotations

import io

import pandas as pd

from ingest.output import csv_frame, neutralise

SOURCE_COLUMNS = ["source_id", "reference", "publisher", "published", "source_type", "source_url"]


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    return csv_frame(df).to_csv(index=False, lineterminator="\n").encode("utf-8")


def sources_of(df: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in SOURCE_COLUMNS if c in df]
    return df[cols].drop_duplicates("source_id").sort_values("source_id").reset_index(drop=True)


def to_xlsx_bytes(df: pd.DataFrame, citation: str = "") -> bytes:
    """Figures and Sources sheets. Text is written as text (never as a formula) and
    formula-like text is neutralised, as in figures.csv."""
    buf = io.BytesIO()
    figures = csv_frame(df)
    sources = csv_frame(sources_of(df)) if len(df) else pd.DataFrame(columns=SOURCE_COLUMNS)
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs={"options": {"strings_to_formulas": False, "strings_to_urls": False}}) as xw:
        figures.to_excel(xw, sheet_name="Figures", index=False)
        sources.to_excel(xw, sheet_name="Sources", index=False)
        pd.DataFrame({"about": [neutralise(citation), "Figures are as published by each source; see the Sources sheet.",
                                "[c] suppressed small number; [x] withheld, refused, not held or not provided."]}).to_excel(
            xw, sheet_name="About", index=False)
    return buf.getvalue()
