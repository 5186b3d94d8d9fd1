"""PDF text set at an angle (issue 18): a landscape table printed turned on a portrait page, a page
turned by /Rotate, column names written up or down their cells. Read letter by letter, each letter
was a line of its own: only a sentence's total survived, and names came out reversed and spaced.
Generated PDFs, invented figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.read.pdf import read
from ingest.tables.layout import find_tables

ROWS = [["12-15", "20", "4", "1", "25"], ["16-17", "9", "2", "0", "11"], ["Total", "29", "6", "1", "36"]]
HEADS = ["Female", "Male", "Unknown gender", "Total"]
TITLE = "Sexual communication with a child: victims by age and gender, 2023/24"


def _table(c: object, x: float, y: float, heads: str = "across") -> None:
    """The table drawn at (x, y) on a reportlab canvas; `heads`: across, up or down its cells."""
    c.setFont("Helvetica", 10)  # type: ignore[attr-defined]
    c.drawString(x, y + 110, TITLE)  # type: ignore[attr-defined]
    c.drawString(x, y + 20, "Age band")  # type: ignore[attr-defined]
    for k, h in enumerate(HEADS):
        c.saveState()  # type: ignore[attr-defined]
        if heads == "across":
            c.drawString(x + (k + 1) * 90, y + 20, h)  # type: ignore[attr-defined]
        elif heads == "up":
            c.translate(x + (k + 1) * 90 + 8, y + 20)  # type: ignore[attr-defined]
            c.rotate(90)  # type: ignore[attr-defined]
            c.drawString(0, 0, h)  # type: ignore[attr-defined]
        else:
            c.translate(x + (k + 1) * 90 + 2, y + 100)  # type: ignore[attr-defined]
            c.rotate(-90)  # type: ignore[attr-defined]
            c.drawString(0, 0, h)  # type: ignore[attr-defined]
        c.restoreState()  # type: ignore[attr-defined]
    for r, row in enumerate(ROWS):
        for k, v in enumerate(row):
            c.drawString(x + k * 90, y - r * 16, v)  # type: ignore[attr-defined]


def letter(path: Path, how: str) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(72, 780, "Dear Requester, please find the figures on the next page.")
    c.showPage()
    if how == "page_rotate":  # /Rotate 90: drawn upright, shown turned
        c.setPageRotation(90)
        _table(c, 72, 600)
    elif how in ("turned_90", "turned_270"):  # a landscape table printed turned on the portrait page
        c.saveState()
        if how == "turned_90":
            c.translate(0, h)
            c.rotate(-90)
        else:
            c.translate(w, 0)
            c.rotate(90)
        _table(c, 72, 400)
        c.restoreState()
    else:  # column names written up or down their cells, on an upright page
        _table(c, 72, 600, heads=how)
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("how", ["page_rotate", "turned_90", "turned_270", "up", "down"])
def test_text_at_an_angle_reads_as_a_person_reads_it(tmp_path: Path, how: str) -> None:
    doc = read(letter(tmp_path / "a.pdf", how))
    tables, _, _ = find_tables(doc.grids)
    [t] = tables
    assert t.title.endswith(TITLE)
    cells = {(c.row_label, c.column_label): c.value for c in t.labelled_cells()}
    assert cells[("12-15", "Female")] == 20 and cells[("16-17", "Unknown gender")] == 0 and cells[("Total", "Total")] == 36
    assert len(cells) == 12
    turned = [n for n in doc.notes if n.issue_type == "page_turned"]
    assert bool(turned) == how.startswith("turned")
