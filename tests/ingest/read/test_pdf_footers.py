"""A PDF's letterhead and footer repeated on every page are dropped; a footer that ends in its page's
number ("© LGA and Revolution Consulting Limited 4", real-tables) is one footer, not a one-cell table
on each page; a last row that ends in another number at the foot of two pages is kept. Generated
PDFs, invented figures."""

from __future__ import annotations

from pathlib import Path

from ingest.read.pdf import read
from ingest.tables.layout import find_tables


def _letter(path: Path, foot: str) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for page in range(1, 4):
        c.setFont("Helvetica", 10)
        c.drawString(72, 780, f"Page {page}: the figures asked for, as recorded")
        c.drawString(72, 740, "Gender")
        c.drawString(250, 740, "Offences")
        for r, (label, n) in enumerate([("Female", 10 + page), ("Male", 3 + page)]):
            c.drawString(72, 722 - r * 16, label)
            c.drawRightString(300, 722 - r * 16, str(n))
        words, _, number = foot.format(page=page).rpartition(" ")
        c.drawString(72, 40, words)
        c.drawRightString(520, 40, number)  # the number at the right margin, as the LGA report prints its page's
        c.showPage()
    c.save()
    return path


def test_a_footer_ending_in_its_page_number_is_dropped(tmp_path: Path) -> None:
    doc = read(_letter(tmp_path / "a.pdf", "© Example Consulting Limited {page}"))
    tables, _, _ = find_tables(doc.grids)
    assert not any("Example Consulting" in str(c.value) for t in tables for r in t.rows for c in r)
    assert any(n.issue_type == "letterhead_dropped" for n in doc.notes)


def test_a_line_ending_in_a_number_that_is_not_the_page_is_kept(tmp_path: Path) -> None:
    doc = read(_letter(tmp_path / "b.pdf", "Total recorded {page}9"))  # 19, 29, 39: not the page's number
    text = " ".join(p.text for p in doc.prose) + " ".join(str(c.value) for g in doc.grids for r in g.grid for c in r)
    assert "19" in text and "29" in text
