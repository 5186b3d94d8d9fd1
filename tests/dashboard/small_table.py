"""A small figures table made for the page tests: invented figures (never real ones) in the shapes
the pages must handle, so a page test says what it expects without leaning on the public record.

- England and Wales s.15A totals for four years and a UK total (its own offence), each from two
  publications for one year (a revision);
- three South East forces over three years, one of them with no figure in the latest year;
- the first six-month round: England and Wales 1,000 and the North of England group 300;
- one force's age x gender table with suppressed cells and a Sum row that leaves them out;
- platform shares with their base;
- a gender breakdown with girls published and boys not.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from core.facts import ENGLAND_AND_WALES, FIRST_ROUND, OFFENCE_START, UNITED_KINGDOM
from core.schema import FIGURE_COLUMNS, ISSUE_COLUMNS, figures_from_columns
from ingest.output.write import write_outputs

KENT, SUSSEX, SURREY, NORTHANTS = "E23000032", "E23000033", "E23000031", "E23000022"
NAMES = {KENT: "Kent Police", SUSSEX: "Sussex Police", SURREY: "Surrey Police", NORTHANTS: "Northamptonshire Police",
         ENGLAND_AND_WALES: "England and Wales", UNITED_KINGDOM: "United Kingdom", "GRP-NORTH": "North of England"}
TYPES = {ENGLAND_AND_WALES: "england_and_wales", UNITED_KINGDOM: "uk", "GRP-NORTH": "group"}


def fy(year: int) -> tuple[date, date]:
    return (OFFENCE_START if year == 2017 else date(year, 4, 1)), date(year + 1, 3, 31)


def fig(area: str, period: tuple[date, date], value: float | None, **kw: Any) -> dict[str, Any]:
    status = kw.pop("status", "reported" if value is not None else "suppressed")
    low, high = (value, value) if value is not None else kw.pop("bounds", (1.0, 4.0))
    row: dict[str, Any] = {c: "" for c in FIGURE_COLUMNS}
    row.update({
        "offence": "scwc", "area_code": area, "area_name": NAMES[area], "area_type": TYPES.get(area, "force"),
        "period_start": period[0], "period_end": period[1], "breakdown": "total", "age_min": None, "age_max": None,
        "measure": "count", "value": value, "status": status, "value_low": low, "value_high": high,
        "source_id": "synthetic-nspcc-2024", "source_type": "press_release", "source_file": "synthetic.csv",
        "source_location": "line 2", "source_url": "https://example.org/synthetic-release", "derived": False,
        "denominator": None, "published": date(2024, 6, 1), "reference": "Synthetic release for page tests",
        "publisher": "Synthetic publisher", "reader": "transcription", "originator": "Synthetic publisher",
        "originated": date(2024, 6, 1), "release": "Synthetic release",
        "value_raw": "" if value is None else f"{value:g}",
    })
    row.update(kw)
    return row


def rows() -> list[dict[str, Any]]:
    out = []
    for year, v in ((2019, 3000.0), (2020, 3200.0), (2021, 3500.0), (2022, 3600.0)):
        out.append(fig(ENGLAND_AND_WALES, fy(year), v))
    # an earlier publication of 2022/23, revised by the later one
    out.append(fig(ENGLAND_AND_WALES, fy(2022), 3550.0, source_id="synthetic-nspcc-2023", published=date(2023, 6, 1),
                   originated=date(2023, 6, 1)))
    out.append(fig(UNITED_KINGDOM, fy(2022), 4100.0, offence="scwc_uk"))
    # girls published, boys not (as the England and Wales releases did)
    out.append(fig(ENGLAND_AND_WALES, fy(2022), 2900.0, breakdown="gender", gender="female"))
    for area, values in ((KENT, (80.0, 90.0, 100.0)), (SUSSEX, (60.0, 65.0, 70.0)), (SURREY, (40.0, 45.0, None))):
        for year, v in zip((2020, 2021, 2022), values, strict=True):
            if v is not None:
                out.append(fig(area, fy(year), v, source_type="foi_return", publisher=NAMES[area], originator=NAMES[area]))
    out.append(fig(ENGLAND_AND_WALES, FIRST_ROUND, 1000.0))
    out.append(fig("GRP-NORTH", FIRST_ROUND, 300.0))
    for platform, share in (("Snapchat", 40.0), ("Instagram", 30.0)):
        out.append(fig(ENGLAND_AND_WALES, FIRST_ROUND, share, breakdown="platform", platform=platform, measure="percent",
                       denominator=800.0, platform_group="Snap" if platform == "Snapchat" else "Meta"))
    period = fy(2022)
    age = {"0-11": (0.0, 11.0), "12-15": (12.0, 15.0)}
    for band, gender, v in (("0-11", "female", None), ("0-11", "male", None), ("12-15", "female", 20.0), ("12-15", "male", None)):
        out.append(fig(NORTHANTS, period, v, breakdown="age_gender", age_band=band, age_min=int(age[band][0]),
                       age_max=int(age[band][1]), gender=gender, source_type="foi_return", value_raw="*" if v is None else "20"))
    out.append(fig(NORTHANTS, period, None, status="understated", bounds=(21.0, 28.0), breakdown="age", age_band="12-15", age_min=12,
                   age_max=15, value_raw="20", source_type="foi_return", note="a printed Sum that leaves out the suppressed cells"))
    return out


def small_table() -> pd.DataFrame:
    rs = rows()
    return figures_from_columns({c: [r[c] for r in rs] for c in FIGURE_COLUMNS})


def small_issues() -> pd.DataFrame:
    """The issue the ingest would log for the Sum row that leaves out suppressed cells."""
    return pd.DataFrame([{"source_id": "synthetic-nspcc-2024", "source_file": "synthetic.csv", "location": "line 9",
                          "issue_type": "sum_row_excludes_suppressed", "severity": "warning", "responsibility": "publisher",
                          "value": "20", "message": "the printed sum leaves out the suppressed cells"}], columns=list(ISSUE_COLUMNS))


def write_small_table(out: Path) -> Path:
    write_outputs(small_table(), small_issues(), out, [])
    return out
