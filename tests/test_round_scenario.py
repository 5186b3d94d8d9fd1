"""The yearly round end to end, as a campaigner does it: the kit for a round, three filled
templates and two messy returns added through the same intake the Add returns page uses, then
the Forces table and the round tracker. All figures are synthetic."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from dashboard import queries, tracker
from dashboard.data import read_figures, read_forces_ew, read_population
from editorial.intake import Actor, Details, Upload, accept, preview, stage
from editorial.kit import SHEET_AGE_GENDER, SHEET_PLATFORMS, SHEET_TOTAL, SHEET_YOUNGEST, main
from tests.conftest import FIXTURES

START, END = date(2024, 4, 1), date(2025, 3, 31)
PERIOD = "2024-04-01_2025-03-31"


def filled_template(kit: Path, force_slug: str, total: int) -> bytes:
    path = next(kit.glob(f"return-{force_slug}-*.xlsx"))
    wb = openpyxl.load_workbook(path)
    wb[SHEET_TOTAL]["B3"] = total
    ws = wb[SHEET_AGE_GENDER]
    cells = [[total - 6, 0, 0, 0], [3, 0, 0, 0], [3, 0, 0, 0]]
    for r, row in enumerate(cells, start=4):
        for c, v in enumerate(row, start=2):
            ws.cell(row=r, column=c, value=v)
        ws.cell(row=r, column=6, value=sum(row))
    for c in range(2, 6):
        ws.cell(row=7, column=c, value=sum(row[c - 2] for row in cells))
    ws.cell(row=7, column=6, value=total)
    wb[SHEET_YOUNGEST]["B3"] = 10
    for r in range(4, 19):
        wb[SHEET_PLATFORMS].cell(row=r, column=2, value=1)
    out = path.with_name(path.stem + "-filled.xlsx")
    wb.save(out)
    return out.read_bytes()


@pytest.mark.slow
def test_a_round_from_kit_to_map_and_tracker(tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    assert main(["--period-start", str(START), "--period-end", str(END), "--out", str(kit)]) == 0
    root = tmp_path / "data"
    raw, processed = root / "raw", root / "processed"
    raw.mkdir(parents=True)
    returns = [
        ("Kent", "K-1", [Upload("kent.xlsx", filled_template(kit, "kent-police", 50))], date(2025, 5, 1)),
        ("Surrey", "S-1", [Upload("surrey.xlsx", filled_template(kit, "surrey-police", 30))], date(2025, 5, 2)),
        ("Sussex", "X-1", [Upload("sussex.xlsx", filled_template(kit, "sussex-police", 40))], date(2025, 6, 30)),
        ("Northants", "N-1", [Upload("answer.xlsx", (FIXTURES / "sources" / "crosstab_xlsx" / "return.xlsx").read_bytes())], date(2025, 5, 3)),
        ("Dyfed Powys", "D-1", [Upload("page.html", (FIXTURES / "sources" / "html_page" / "page.html").read_bytes())], date(2025, 5, 4)),
    ]
    for force, ref, uploads, received in returns:
        session = stage(uploads, Details(force, ref, START, END, received=received), root)
        figures, issues = preview(session)
        assert len(figures) > 0 and not (issues["severity"] == "error").any(), issues.to_string()
        accept(session, raw, processed, Actor("editor@example.org", "editor"))

    df = read_figures(processed)
    table = queries.force_table(df, read_forces_ew(), read_population(), PERIOD)
    got = dict(zip(table["area_name"], table["value"], strict=True))
    assert got["Kent Police"] == 50 and got["Surrey Police"] == 30 and got["Sussex Police"] == 40
    assert got["Northamptonshire Police"] == 40 and got["Dyfed-Powys Police"] == 61
    assert int(table["value"].notna().sum()) == 5

    status = tracker.round_status(df, read_forces_ew(), date(2025, 4, 14), START, END, today=date(2025, 7, 1)).set_index("force")
    assert (status["status"] == "answered").sum() == 5
    assert bool(status.loc["Sussex Police", "late"]) and not bool(status.loc["Kent Police", "late"])
    assert (status["status"] == "overdue").sum() == 38
    chase = tracker.chase_list(status.reset_index())
    assert len(chase) == 38 and "Kent Police" not in set(chase["force"])
