"""The web page reader: a table's title is its caption, else the heading or paragraph just above it
(as in a Word letter). Invented figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.read.html import read

TABLE = "<table><tr><th>Gender</th><th>Offences</th></tr><tr><td>Female</td><td>4</td></tr></table>"


@pytest.mark.parametrize(("page", "title"), [
    (f"<p>Letterhead</p><h3>Victims by gender, 2023/24</h3>{TABLE}", "Victims by gender, 2023/24"),
    (f"<p>Victims by gender</p><div>{TABLE}</div>", "Victims by gender"),
    ("<p>Above</p><table><caption>Its caption</caption><tr><td>Female</td><td>4</td></tr></table>", "Its caption"),
    (TABLE, ""),
    (f"<h3>Victims by gender</h3><p>Note: figures for 2022/23 are provisional.</p>{TABLE}", "Victims by gender"),  # never a note
])
def test_a_table_is_titled_by_its_caption_or_the_line_above(tmp_path: Path, page: str, title: str) -> None:
    path = tmp_path / "p.html"
    path.write_text(f"<html><body>{page}</body></html>", encoding="utf-8")
    [grid] = read(path).grids
    assert grid.title == title


def test_each_table_takes_the_line_just_above_it(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(f"<html><body><p>First, 2022/23</p>{TABLE}<p>Second, 2023/24</p>{TABLE}</body></html>", encoding="utf-8")
    assert [g.title for g in read(path).grids] == ["First, 2022/23", "Second, 2023/24"]
