"""How the table is written as CSV text: one writer for the ingest's files (figures.csv,
issues.csv) and the dashboard's downloads, so no field can run as a formula or start a row."""

from __future__ import annotations

import re

import pandas as pd

from core.schema import DATE_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS
from core.text import neutralise

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _number(v: float) -> str:
    if pd.isna(v):
        return ""
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def safe_text(text: str) -> str:
    """A text field as it goes into CSV: every line break a plain LF (the csv writer quotes a
    field holding LF, but not one holding a bare CR, which Excel and LibreOffice take for a new
    row), and every line neutralised, the first and each one after a break."""
    if "\r" not in text and "\n" not in text:
        return neutralise(text)
    return "\n".join(neutralise(line) for line in _LINE_BREAK.split(text))


def csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The figures as text, the way they go into CSV: ISO dates, whole numbers without '.0',
    formula-like text neutralised."""
    out = pd.DataFrame(index=df.index)
    for c in df.columns:
        s = df[c]
        if c in DATE_COLUMNS and pd.api.types.is_datetime64_any_dtype(s):
            out[c] = s.dt.strftime("%Y-%m-%d").fillna("")
        elif (c in FLOAT_COLUMNS or c in INT_COLUMNS) and pd.api.types.is_numeric_dtype(s):
            out[c] = [_number(v) if not pd.isna(v) else "" for v in s]
        elif c == "derived" and pd.api.types.is_bool_dtype(s):
            out[c] = s.map(lambda b: "true" if b else "false")
        else:
            out[c] = s.fillna("").astype(str).map(safe_text)
    return out


def csv_text(df: pd.DataFrame) -> str:
    """The table as CSV text (LF line ends; fields with a comma, a quote or a line break quoted)."""
    return csv_frame(df).to_csv(index=False, lineterminator="\n")
