"""The one list of columns and allowed values of the `figures` and `issues` tables.

Everything else in the project names columns through this module. The contract
(`docs/canonical-table.md`) fixes the first 21 columns; the rest are ours.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

import pandas as pd

from core.facts import OFFENCE_AREA_TYPES, OFFENCES

if TYPE_CHECKING:
    import pandera.pandas as pa

AREA_TYPES: Final = ("force", "region", "nation", "england_and_wales", "uk", "group")
BREAKDOWNS: Final = ("total", "age", "gender", "age_gender", "platform", "youngest_age")
GENDERS: Final = ("female", "male", "unknown")
MEASURES: Final = ("count", "percent")
STATUSES: Final = ("reported", "suppressed", "withheld", "refused", "not_held", "not_provided", "understated")
SOURCE_TYPES: Final = ("foi_return", "press_release", "news", "official_statistics")
STANDARD_AGE_BANDS: Final = ("0-11", "12-15", "16+", "unknown")
# what identifies one figure: two rows with the same key are the same figure (from one source, a
# duplicate; from two, competing publications of it)
FIGURE_KEY: Final = ("offence", "area_code", "period_start", "period_end", "breakdown", "age_band", "gender", "platform", "measure")

STATUS_DOCS: Final = {
    "reported": "the figure as printed",
    "suppressed": "a small number withheld by the source (*, <5, [c]); value empty, value_low and value_high from the source's rule, else 1 and 4",
    "withheld": "withheld under an exemption (e.g. s.40(2) personal information)",
    "refused": "refused, e.g. under s.12 (the cost limit)",
    "not_held": "the source says it does not hold the information",
    "not_provided": "no answer for this figure (an empty cell in a printed table, n/a, or '-' where nothing shows it means 0)",
    "understated": "a printed sum that leaves out suppressed cells: value empty, value_raw as printed, the true figure between "
                   "value_low and value_high",
}
# GSS shorthand shown to users beside each status (architecture habit 6).
# A figure published as a lower bound ("at least 4,373") keeps its number with this note; pages
# say "at least" wherever they show it.
LOWER_BOUND_NOTE: Final = "published as 'at least "

STATUS_SHORTHAND: Final = {
    "reported": "",
    "suppressed": "[c]",
    "withheld": "[x]",
    "refused": "[x]",
    "not_held": "[x]",
    "not_provided": "[x]",
    "understated": "[c]",  # a printed sum that leaves out suppressed cells: shown as its range
}

# datetime64[ns] holds 1677-09-21 .. 2262-04-11; figures are about 2017 onwards
MIN_DATE: Final = date(1900, 1, 1)
MAX_DATE: Final = date(2100, 12, 31)

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
    "review",  # why the reading of this figure needs review; empty when it does not
    "added_by",  # who added the return through the dashboard (masked e-mail); empty for the repository's own
    "originator",  # the body that first published the figure (NSPCC, Home Office, the force)
    "originator_url",  # its release, where the record has it
    "originated",  # when the originator published it (first seen in the record)
    "release",  # the originating release's title
)
FIGURE_COLUMNS: Final = CONTRACT_COLUMNS + EXTRA_COLUMNS

FLOAT_COLUMNS: Final = ("value", "value_low", "value_high", "denominator")
INT_COLUMNS: Final = ("age_min", "age_max")
DATE_COLUMNS: Final = ("period_start", "period_end", "published", "originated")
BOOL_COLUMNS: Final = ("derived",)
# every other column is text (never null: an empty string means 'none')
STRING_COLUMNS: Final = tuple(c for c in FIGURE_COLUMNS if c not in FLOAT_COLUMNS + INT_COLUMNS + DATE_COLUMNS + BOOL_COLUMNS)

# --- the issue log -------------------------------------------------------------------------

# error: a figure or source not loaded; review: loaded, but the reading is doubtful and a person
# should check it against the return; warning: loaded, worth a look; info: a change made
SEVERITIES: Final = ("error", "review", "warning", "info")
# type -> (severity, whose problem: "publisher" wrote it so, "ours" to fix in mappings/code, meaning)
ISSUE_TYPES: Final = {
    "source_unreadable": ("error", "publisher", 'the file cannot be opened (corrupt workbook, invalid YAML, bad HTML)'),
    "source_empty": ("error", "publisher", 'the file or folder holds nothing to read'),
    "source_too_large": ("error", "publisher", 'the file is over a stated limit (20 MB a file, cells per sheet or file, pages in a PDF, parts of a zip-based file, tables in a page, rows of a transcription), or reading it went over the time or memory bound for one file'),
    "correspondence_kept": ("info", "ours", 'a file of the source that is correspondence (a covering e-mail, an acknowledgement), kept as received and not read for figures (`correspondence:` in source.yml)'),
    "decision_applied": ("info", "ours", 'a person decided how a table reads (its reading, header rows, a label\'s meaning, its offence or period, to skip it, or one figure): kept in source.yml `decisions:` with who and why, applied on every rebuild'),
    "decision_unmatched": ("warning", "ours", 'a decision in source.yml names a table or reading the file no longer has (the file was replaced?): it was not applied; decide again with `ingest review`'),
    "figure_corrected": ("info", "ours", 'a person corrected one figure (`decisions:` in source.yml, with who and why); the printed value is kept in value_raw'),
    "table_of_another_offence": ("review", "publisher", "a table whose own title names another offence, not s.15A, was not read as s.15A: a person says what it counts (a decision on its offence)"),
    "other_offence_skipped": ("info", "publisher", "rows or columns of a table about another offence (a table answering for several, one row each), and any total over them, were not read: they are not s.15A figures"),
    "period_unclear": ("review", "publisher", "a table naming no period of its own beside tables of the same letter that name theirs (one headed 2023/24, the one above it headed in words the reader missed): given the period asked, which may be wrong; a person says its period"),
    "sentence_not_read": ("review", "publisher", "a sentence counting offences for several periods in a way not read one count to one period (\"In 2022/23 and 2023/24 there were 54 and 58 offences\"), or an answer to a question about part of the offences or naming no one period (\"How many of the victims were under 13 in 2022/23? 12\"): not read; check the figures it holds"),
    "row_outside_table": ("warning", "publisher", "a line of the letter that reads like a table's row (a label, then only figures) was found outside any table and not read: check the figures it holds"),
    "zero_in_words": ("info", "publisher", 'a figure\'s cell holding a word for none ("Nil", "None", "Zero"): read as a true 0'),
    "platform_parts_unclear": ("review", "publisher", "one platform printed under two names with the same value in one file: the same figure twice, or two parts to be summed; kept once until a person says"),
    "other_measure_skipped": ("info", "publisher", "a column or row counting something else than the offences (victims; what followed: charged, outcomes, arrests, suspects), printed beside the column of offences recorded: not read, it is no count of the offence"),
    "derived_skipped": ("info", "publisher", 'a column or row computed from the others (a change, a percentage change, a rate) was not read: it is not a figure the return reports'),
    "page_turned": ("info", "publisher", 'a PDF page whose text is set at 90, 180 or 270 degrees (a landscape table printed on a portrait page, or a page turned by /Rotate): read turned, so its lines run across as a person reads them'),
    "period_from_table": ("info", "publisher", 'a figure\'s period read from its own table, not from the period asked: a total across months or years covers those months or years; a figure with none takes the one period its table\'s title names ("... / 2023/24")'),
    "platform_parts_summed": ("info", "publisher", 'one platform printed under several names in one table ("Snapchat", "Snap chat"): its parts are summed into one figure (derived), with both labels and cells kept'),
    "hidden_content": ("warning", "publisher", 'a hidden sheet, or filled cells in hidden rows or columns of a workbook, not read: what the force shows is the answer (hidden figures are often superseded)'),
    "hidden_text": ("review", "publisher", 'text a reader of the page cannot see (under a filled box of its own colour, as a redaction; or drawn invisibly, as an OCR layer over an image) was left out: it is not a figure; check the page'),
    "text_cut": ("review", "publisher", 'a cell or line held over 32,767 characters (Excel\'s own limit for a cell) and was cut there: the file may be damaged or built to slow a reader'),
    "duplicate_source_id": ("error", "ours", "two source folders with one id (the folder name) in one run: the second is left out, never merged with the first"),
    "invalid_source_yml": ("error", "ours", 'source.yml is missing, not YAML, or has a wrong or unknown key'),
    "unknown_area": ("error", "ours", 'a force or area name not in the mappings (the message names the nearest known)'),
    "unknown_layout": ("error", "ours", 'the file is of a kind no reader takes (binary data, an old .doc, a zip), or a YAML file that is not a transcription'),
    "negative_count": ("error", "publisher", 'a negative figure; left out'),
    "unparsed_value": ("error", "publisher", 'a cell that is neither a number nor a known marker (formula-like text included); left out'),
    "impossible_period": ("error", "publisher", 'a period that ends before it starts, or in the future; left out'),
    "unparsed_period": ("error", "publisher", 'a period label that cannot be read as dates, or no period at all; left out'),
    "invalid_figure": ("error", "ours", "a figure that contradicts itself or the table's rules (breakdown vs labels, unknown offence, a negative denominator); left out"),
    "implausible_value": ("error", "publisher", "a count larger than any area could record in one period (over 50,000: ten times the largest force's yearly count); left out, never drawn"),
    "absurd_count": ("warning", "publisher", "a share over 100%, a 'youngest victim' over 17"),
    "total_mismatch": ("warning", "publisher", 'a breakdown that does not add up to the printed total, allowing for suppressed cells'),
    "duplicate_figure": ("warning", "publisher", 'the same figure twice in one source; the later copy left out'),
    "unknown_label": ("warning", "ours", 'a row or column label that fits no dimension; the figure is left out (or counted as unknown)'),
    "platform_unmapped": ("warning", "ours", 'a platform name not in platforms.csv; kept under Other'),
    "formula_like_text": ("warning", "publisher", 'text starting with = + - @; kept as text, neutralised in CSV exports'),
    "period_before_offence": ("warning", "publisher", 'a period starting before s.15A came into force on 3 April 2017'),
    "non_integer_count": ("warning", "publisher", 'a count that is not a whole number'),
    "sum_row_excludes_suppressed": ("warning", "publisher", "a printed total that leaves out the suppressed cells (Northamptonshire 10905-25's Sum row): kept with status understated and the bounds of the true figure"),
    "nonstandard_age_band": ("info", "publisher", "an age band other than the standard request's, kept as given"),
    "number_in_words": ("info", "publisher", "a count written in a sentence for a period it names ('No offences were recorded in 2022/23', 'one offence in 2023/24') read as that period's total: 'no' is a true 0, stated by the return"),
    "number_with_mark": ("info", "publisher", "a figure with a footnote or revision mark set against it ('468¹', '2*', '20^**', '1,316 R'): the number read, the mark kept in value_raw"),
    "suppressed_value": ("info", "publisher", 'a marker read as a suppressed small number, with its bounds'),
    "withheld_value": ("info", "publisher", "an exemption, refusal or 'not held' read as its status"),
    "empty_cell": ("info", "publisher", 'an empty cell inside a printed table, kept as not_provided (never 0)'),
    "derived_total": ("info", "ours", 'figures counted from a record-level extract'),
    "label_mapped": ("info", "ours", 'a label or name read as its canonical form'),
    "period_adjusted": ("info", "ours", 'a financial year 2017/18 read from 3 April 2017, when s.15A came into force'),
    "encoding_fallback": ("info", "publisher", 'a CSV that is not UTF-8, read as cp1252'),
    "sheet_ignored": ("info", "publisher", 'a sheet with no table, or a guidance sheet (cover, instructions, notes)'),
    # the reading of a return (ingest/interpret/readings.py)
    "reading_doubtful": ("review", "ours", 'the best reading of a table is weak (labels not recognised, cells that are not figures, totals that do not add up) or a close second reading gives other figures: check the figures against the file'),
    "conflicting_values": ("review", "publisher", "one source gives two different values for the same figure (tables of the same shape about different offences, a figure printed twice): the first is kept and needs review"),
    "layout_doubt": ("review", "ours", "a PDF table's layout was read with a guess (a wrapped label between two rows, no ruling lines)"),
    "ocr_used": ("review", "publisher", 'a scanned PDF read by OCR (tesseract): every figure needs checking against the letter'),
    "table_not_read": ("warning", "ours", 'a table whose labels are no age band, gender, platform, period or area (another question, a letterhead block): not read'),
    "dash_read_as_zero": ("info", "publisher", "a '-' read as 0 because the return's own totals (or a note) show it stands for zero; elsewhere '-' is not provided"),
    "letterhead_dropped": ("info", "publisher", 'lines of letterhead or footer repeated on every page of a PDF, left out'),
    "statement_read": ("info", "publisher", 'a figure or a refusal read from a sentence'),
    "record_doubtful": ("review", "publisher", "a row of the public record that its collector marked as doubtful (ambiguous, unclear): placed, marked needs review, and left out of the dashboard's charts, rankings and sentences"),
    "figure_not_placed": ("info", "ours", 'a published figure the public record\'s rules do not place (a change, a rank, words rather than a number, an uncertain period or area): left out, with the reason'),
    "denominator_linked": ("info", "ours", 'a published base ("offences where the platform was known: 1,824") attached to the shares of the same document, area and period as their denominator'),
    "figure_repeated": ("info", "publisher", 'the same figure printed twice in a return (a total in its own answer and again under a table), with the same value: kept once'),
    "derived_total_confirmed": ("info", "ours", 'a figure counted from a record listing agrees with the one the source printed; the printed one is kept'),
    # hostile or broken content, neutralised and flagged
    "html_active_content": ("warning", "publisher", 'a page carried scripts, frames, forms or event handlers: dropped unread, and flagged so a person knows the page had them'),
    "xml_entities_ignored": ("warning", "publisher", 'a workbook whose XML declares entities (an XXE attack): not resolved, and flagged'),
    "markup_like_text": ("warning", "publisher", 'a label with a tag, a markdown link or image, or a script address: kept as plain text, never rendered, and flagged'),
    "formula_not_evaluated": ("review", "publisher", 'a spreadsheet formula with no saved value (a file written by a program that does not compute them): its figure, often a total, is left out and the source needs review; never read as empty'),
    "scanned_pdf": ("error", "publisher", 'a PDF with no text layer (a scan) and no OCR installed: nothing can be read'),
    "source_failed": ("error", "ours", 'the source could not be ingested at all (a fault of ours); its figures are left out and the other sources are not affected'),
}
ISSUE_COLUMNS: Final = ("source_id", "source_file", "location", "issue_type", "severity", "responsibility", "value", "message")


# The rules a figure row obeys, stated once: the pandera schema of the whole table and the check of
# each row inside its source's boundary (row_problem) are both built from these.
ALLOWED: Final[dict[str, tuple[str, ...]]] = {
    "offence": tuple(OFFENCES), "area_type": AREA_TYPES, "breakdown": BREAKDOWNS, "gender": ("",) + GENDERS,
    "measure": MEASURES, "status": STATUSES, "source_type": SOURCE_TYPES,
}
NON_NEGATIVE: Final = FLOAT_COLUMNS + INT_COLUMNS
REQUIRED_TEXT: Final = ("area_code", "area_name", "source_id")


def _str(allowed: tuple[str, ...] | None = None, nullable: bool = False) -> pa.Column:
    import pandera.pandas as pa

    checks = [pa.Check.isin(list(allowed))] if allowed else []
    return pa.Column(str, checks=checks, nullable=nullable, coerce=True)


@lru_cache(maxsize=1)
def figures_schema() -> pa.DataFrameSchema:
    """The pandera schema of `figures` (built on first use: the dashboard never imports pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "offence": _str(ALLOWED["offence"]),
            "area_code": pa.Column(str, pa.Check.str_length(min_value=2), coerce=True),
            "area_name": pa.Column(str, pa.Check.str_length(min_value=1), coerce=True),
            "area_type": _str(ALLOWED["area_type"]),
            "period_start": pa.Column("datetime64[ns]"),
            "period_end": pa.Column("datetime64[ns]"),
            "breakdown": _str(ALLOWED["breakdown"]),
            "age_band": _str(),
            "age_min": pa.Column("Int64", pa.Check.ge(0), nullable=True),
            "age_max": pa.Column("Int64", pa.Check.ge(0), nullable=True),
            "gender": _str(ALLOWED["gender"]),
            "platform": _str(),
            "measure": _str(ALLOWED["measure"]),
            "value": pa.Column(float, pa.Check.ge(0), nullable=True),
            "status": _str(ALLOWED["status"]),
            "value_low": pa.Column(float, pa.Check.ge(0), nullable=True),
            "value_high": pa.Column(float, pa.Check.ge(0), nullable=True),
            "source_id": pa.Column(str, pa.Check.str_length(min_value=1), coerce=True),
            "source_type": _str(ALLOWED["source_type"]),
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
            "review": _str(),
            "added_by": _str(),
            "originator": _str(),
            "originator_url": _str(),
            "originated": pa.Column("datetime64[ns]", nullable=True),
            "release": _str(),
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


@lru_cache(maxsize=1)
def issues_schema() -> pa.DataFrameSchema:
    import pandera.pandas as pa

    return pa.DataFrameSchema(
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
    "reader": "The reading that gave the figure: crosstab, records or statement (from a table or a sentence), transcription, public_record",
    "review": "Why the reading of this figure needs review (a weak or disputed reading, OCR); empty when it does not",
    "originator": "The body that first published the figure (its originator): the NSPCC for its FOI rounds, the Home Office for recorded "
                  "crime, a police force for its own answer; empty when the record does not show it",
    "originator_url": "The originator's release, where the public record holds its address",
    "originated": "When the originator published the figure (the release's date, as first seen in the record)",
    "release": "The title of the originating release (or the FOI reference of a force's answer)",
    "added_by": "Who added the return through the dashboard's Add returns page (e-mail masked, e.g. j***@example.org); empty for returns in the repository",
}


# Columns the dashboard's exports (Data and export: CSV and XLSX) add before the table's own
EXPORT_COLUMN_DOCS: Final = {
    "shown": "Whether the row is the figure the dashboard shows ('shown'), an earlier or other publication of the same "
             "figure ('earlier or other publication': same offence, area, period and category, from another source), or "
             "a figure that needs review and is never shown ('needs review (not shown)'). The default export holds shown "
             "figures only, one row per figure; sum or pivot only the shown rows",
}


def figures_from_columns(columns: dict[str, list[Any]]) -> pd.DataFrame:
    """A figures table from lists of plain values, one list per column, each turned into its
    schema dtype once and released as it goes (a large round builds this in one pass)."""
    import numpy as np

    out: dict[str, Any] = {}
    for c in FIGURE_COLUMNS:
        values = columns.get(c) or []
        if c in STRING_COLUMNS:
            out[c] = np.array(["" if v is None else str(v) for v in values], dtype=object)
        elif c in FLOAT_COLUMNS:
            out[c] = np.array([np.nan if v is None else float(v) for v in values], dtype=float)
        elif c in INT_COLUMNS:
            out[c] = pd.array(values, dtype="Int64")
        elif c in DATE_COLUMNS:
            out[c] = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce").astype("datetime64[ns]").to_numpy()
        else:  # BOOL_COLUMNS
            out[c] = np.array([bool(v) for v in values], dtype=bool)
        columns[c] = []  # release the list as soon as its column is built
    return pd.DataFrame(out, copy=False)


def empty_figures() -> pd.DataFrame:
    """A zero-row figures table with the right dtypes."""
    return coerce_figures(pd.DataFrame({c: [] for c in FIGURE_COLUMNS}))


def coerce_figures(df: pd.DataFrame) -> pd.DataFrame:
    """Give each column its schema dtype (strings never null: empty string means 'none')."""
    out = df.reindex(columns=list(FIGURE_COLUMNS)).copy()
    for c in STRING_COLUMNS:
        if pd.api.types.is_string_dtype(out[c]) and out[c].dtype != object:  # text as Parquet gives it: only blanks to fill
            out[c] = out[c].fillna("").astype(object)
        else:
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
    return figures_schema().validate(df, lazy=True)


def validate_issues(df: pd.DataFrame) -> pd.DataFrame:
    return issues_schema().validate(df, lazy=True)


def row_problem(row: dict[str, Any]) -> str | None:
    """What in one figure row the schema would reject, checked row by row inside a source's
    own error boundary (so one bad source never fails the validation of the whole table)."""
    for col, allowed in ALLOWED.items():
        if row.get(col) not in allowed:
            return f"{col} {row.get(col)!r} is not one of {', '.join(a for a in allowed if a)}"
    for col in NON_NEGATIVE:
        v = row.get(col)
        if v is not None and not (isinstance(v, float) and v != v) and float(v) < 0:
            return f"{col} is negative ({v})"
    if (row.get("value") is not None) != (row.get("status") == "reported"):
        return "value must be present exactly when status is reported"
    start, end = row.get("period_start"), row.get("period_end")
    if start is None or end is None or end < start:
        return "period missing or ending before it starts"
    for col in DATE_COLUMNS:
        d = row.get(col)
        if d is not None and not MIN_DATE <= d <= MAX_DATE:
            return f"{col} {d} is outside the dates the table can hold ({MIN_DATE} to {MAX_DATE})"
    if not all(row.get(c) for c in REQUIRED_TEXT):
        return "source, area code or area name missing"
    if row.get("area_type") not in OFFENCE_AREA_TYPES.get(str(row.get("offence")), ()):
        return f"a {row.get('area_type')} figure cannot be of offence {row.get('offence')!r} (geography and offence are separate keys)"
    return None
