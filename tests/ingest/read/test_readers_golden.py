"""Golden files: each layout family's synthetic fixture must read to exactly the stored rows.

Set UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change (and review the diff).
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from core.export import csv_frame
from ingest.pipeline import run

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SOURCES = sorted(p.name for p in (FIXTURES / "sources").iterdir() if p.is_dir())
GOLDEN_COLUMNS = ["area_code", "period_start", "period_end", "breakdown", "age_band", "age_min", "age_max", "gender", "platform",
                  "measure", "value", "status", "value_low", "value_high", "source_file", "source_location", "label_raw", "reader"]


def test_every_layout_family_and_format_has_a_fixture() -> None:
    from ingest.read import read_document

    readers, formats = set(), set()
    for name in SOURCES:
        result = run([FIXTURES / "sources" / name], err=None, progress=False)
        readers |= set(result.figures["reader"])
        formats |= {read_document(p).fmt for p in (FIXTURES / "sources" / name).iterdir() if p.name != "source.yml"}
    assert readers == {"crosstab", "timewide", "records", "html", "transcription", "statement"}
    assert formats == {"xlsx", "xls", "ods", "csv", "html", "pdf", "docx", "transcription"}


@pytest.mark.parametrize("name", SOURCES)
def test_reader_matches_golden(name: str) -> None:
    result = run([FIXTURES / "sources" / name], err=None, progress=False)
    assert result.exit_code == 0, result.issues.frame().to_string()
    got = csv_frame(result.figures[GOLDEN_COLUMNS]).reset_index(drop=True)
    golden = FIXTURES / "golden" / f"{name}.csv"
    if os.environ.get("UPDATE_GOLDEN"):
        got.to_csv(golden, index=False, lineterminator="\n")
    expected = pd.read_csv(golden, dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(got.astype(str), expected, check_dtype=False)


def test_utf16_big_endian_without_a_bom_is_read(tmp_path: Path) -> None:
    from ingest.read import read_document

    path = tmp_path / "answer.csv"
    path.write_bytes("Gender,Count\r\nFemale,40\r\nMale,12\r\n".encode("utf-16-be"))
    doc = read_document(path)
    cells = [c.value for g in doc.grids for row in g.grid for c in row]
    assert "Female" in cells and any(str(v) == "40" for v in cells)


def test_a_stray_nul_byte_is_named_with_its_place(tmp_path: Path) -> None:
    from ingest.read import read_document
    from ingest.read.base import ReaderError

    path = tmp_path / "answer.csv"
    path.write_bytes(b"Gender,Count\nFemale,4\x000\n")
    with pytest.raises(ReaderError) as exc:
        read_document(path)
    assert "byte 22 (line 2): 0x00" in str(exc.value) and exc.value.location == "byte 22 (line 2)"
