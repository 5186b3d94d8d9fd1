"""No CSV field the project writes can start a row or run as a formula, read by Python's csv module,
by pandas, or by the rule spreadsheet programs (LibreOffice, Excel) follow: a CR or LF outside quotes
ends a row. Every CSV goes through core.export (figures.csv, issues.csv and the dashboard's downloads)."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from core.export import csv_text, safe_text

HOSTILE = [
    "plain note",
    "a note\r=cmd|' /C calc'!A0",  # a bare CR, then a formula
    "a note\n@SUM(1+1)",
    "two lines\r\n+HYPERLINK(\"http://x\")",
    "=1+1",
    "-12%",  # a plain number: left as printed
    "-",
]


def _spreadsheet_rows(text: str) -> list[list[str]]:
    """Rows as a spreadsheet program splits them: a CR or LF outside double quotes ends a row."""
    rows, row, field, quoted, i = [], [], "", False, 0
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == '"' and text[i + 1:i + 2] == '"':
                field += '"'
                i += 1
            elif ch == '"':
                quoted = False
            else:
                field += ch
        elif ch == '"':
            quoted = True
        elif ch == ",":
            row.append(field)
            field = ""
        elif ch in "\r\n":
            row.append(field)
            rows.append(row)
            row, field = [], ""
            if ch == "\r" and text[i + 1:i + 2] == "\n":
                i += 1
        else:
            field += ch
        i += 1
    if field or row:
        rows.append([*row, field])
    return rows


@pytest.fixture()
def written() -> str:
    return csv_text(pd.DataFrame({"note": HOSTILE, "n": range(len(HOSTILE))}))


def test_no_field_starts_a_row(written: str) -> None:
    by_csv = list(csv.reader(io.StringIO(written, newline="")))
    by_pandas = pd.read_csv(io.StringIO(written), dtype=str, keep_default_na=False)
    by_spreadsheet = _spreadsheet_rows(written)
    assert len(by_csv) == len(by_spreadsheet) == len(HOSTILE) + 1
    assert len(by_pandas) == len(HOSTILE)
    assert [r[1] for r in by_spreadsheet[1:]] == [str(i) for i in range(len(HOSTILE))]


def test_no_line_of_a_field_can_run(written: str) -> None:
    for row in _spreadsheet_rows(written)[1:]:
        for line in row[0].split("\n"):
            assert not line.startswith(("=", "+", "@", "\t", "\r")) and not (line.startswith("-") and line not in ("-", "-12%")), row


@pytest.mark.parametrize(("text", "want"), [
    ("=1+1", "'=1+1"), ("-12%", "-12%"), ("-", "-"), ("a\r=b", "a\n'=b"), ("a\r\n@b", "a\n'@b"), ("plain", "plain"),
])
def test_safe_text_cases(text: str, want: str) -> None:
    assert safe_text(text) == want
