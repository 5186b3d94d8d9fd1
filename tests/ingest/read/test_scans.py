"""A PDF with no text layer (a scan): read by OCR when Debian's tesseract is installed, with every
figure marked for review; otherwise a clear error naming the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest.issues import IssueLog
from ingest.pipeline import ingest_source
from ingest.read import pdf
from tests.conftest import make_source


def scanned_letter(path: Path) -> None:
    """An image of a short letter with a table (invented figures), saved as an image-only PDF."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 28)
    except OSError:
        font = ImageFont.load_default(size=28)
    draw.text((100, 100), "SYNTHETIC TEST CONSTABULARY", fill=0, font=font)
    for i, (label, value) in enumerate([("Gender", "Number of offences"), ("Female", "31"), ("Male", "9"), ("Total", "40")]):
        draw.text((150, 300 + i * 60), label, fill=0, font=font)
        draw.text((650, 300 + i * 60), value, fill=0, font=font)
    img.save(path, "PDF", resolution=150)


def test_a_scan_without_ocr_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_in_process: None) -> None:
    monkeypatch.setattr(pdf, "ocr_available", lambda: False)
    folder = make_source(tmp_path, "scan", {})
    scanned_letter(folder / "letter.pdf")
    log = IssueLog()
    figures, _ = ingest_source(folder, log)
    [error] = [r for r in log.rows if r["severity"] == "error"]
    assert not figures and error["issue_type"] == "scanned_pdf" and error["source_file"] == "letter.pdf"
    assert "scanned image, no text to read" in error["message"]


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Debian's tesseract-ocr is not installed (.ci/run installs it)")
def test_a_scan_is_read_by_ocr_and_every_figure_needs_review(tmp_path: Path) -> None:
    folder = make_source(tmp_path, "scan", {})
    scanned_letter(folder / "letter.pdf")
    log = IssueLog()
    figures, _ = ingest_source(folder, log)
    got = {f["gender"] or f["breakdown"]: f["value"] for f in figures}
    assert got == {"female": 31.0, "male": 9.0, "total": 40.0}
    assert all(f["review"].startswith("read by OCR") for f in figures)
    assert "ocr_used" in {r["issue_type"] for r in log.rows if r["severity"] == "review"}
