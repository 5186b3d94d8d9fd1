"""The review desk's picture of a PDF page (issue 19): the page drawn with the doubtful table's cells
outlined in the colours of their roles, so an editor sees the letter beside the reading. Drawn in a
bounded worker. Invented figures."""

from __future__ import annotations

import io
from pathlib import Path

from ingest.review import PICTURE_SCALE, page_picture, tables_of
from synthetic.doubts import write_doubtful_letter

COLOURS = {"header": "#dbe9f6", "label": "#e8e8e8", "figure": "#00ff00", "total": "#a8dca8", "skipped": "#ff0000"}


def test_a_pdf_table_knows_its_page_and_where_each_cell_stands(tmp_path: Path) -> None:
    folder = write_doubtful_letter(tmp_path)
    [d] = [x for x in tables_of(folder)[0] if x.file == "letter.pdf"]
    assert d.status == "labels not recognised" and d.page == 1
    cells = {v: box for row, boxes in zip(d.rows, d.boxes, strict=True) for v, box in zip(row, boxes, strict=True)}
    x0, top, x1, bottom = cells["Snapchat"]  # type: ignore[misc]
    assert 70 <= x0 < x1 <= 140 and 841.9 - 760 < top < bottom < 841.9 - 700  # drawn at (72, 724) on a page 842 high; the label column as wide as its widest label


def test_the_page_is_drawn_with_each_cell_in_its_roles_colour(tmp_path: Path) -> None:
    from PIL import Image

    folder = write_doubtful_letter(tmp_path)
    [d] = [x for x in tables_of(folder)[0] if x.file == "letter.pdf"]
    png = page_picture(folder / d.file, d.page, d.boxes, d.roles, COLOURS)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    placed = [b for row in d.boxes for b in row if b is not None]
    left, top = (max(0.0, min(b[0] for b in placed) - 36) * PICTURE_SCALE, max(0.0, min(b[1] for b in placed) - 36) * PICTURE_SCALE)
    assert image.width < 595.28 * PICTURE_SCALE and image.height < 300 * PICTURE_SCALE  # the table and a margin, not the page
    found = {}
    for row, boxes, roles in zip(d.rows, d.boxes, d.roles, strict=True):
        for value, box, role in zip(row, boxes, roles, strict=True):
            if value in ("10", "Snapchat") and box is not None:
                x0, y0, x1, y1 = (v * PICTURE_SCALE for v in box)
                found[value] = (role, image.getpixel((int(x0 - int(left)) + 1, int((y0 + y1) / 2 - int(top)))))
    role, (r, g, b) = found["10"]
    assert role == "figure" and g > r + 60 and g > b + 60  # a figure's cell tinted green
    assert found["Snapchat"][0] == "label"
