"""The three users' journeys end to end, in a real browser (issue 20).

The journalist: their region's latest figure for each force, as a chart, a PNG for print and the
CSV and XLSX, each carrying the citation and the figures the page shows. The analyst: a force's
rates beside its region's reporting forces and England and Wales, on its profile. The campaigner:
the national trend, then the platforms' shares for another area or period, the link to it shared and
reopened in another browser showing the same."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_browser import TIMEOUT, chart_titled, wait_app
from tests.browser.widgets import choose

pytestmark = pytest.mark.browser
SOUTH_WEST = "E12000009"


def _download(page: Page, button: str) -> bytes:
    with page.expect_download(timeout=TIMEOUT) as dl:
        page.get_by_role("button", name=button).click()
    return Path(dl.value.path()).read_bytes()


def _open_at(page: Page, url: str, heading: str) -> None:
    """The page at `url`, scrolled to the section whose heading starts with `heading`."""
    page.goto(url, timeout=TIMEOUT)
    wait_app(page)
    section = page.get_by_role("heading", name=re.compile("^" + re.escape(heading)))
    expect(section).to_be_visible(timeout=TIMEOUT)
    section.scroll_into_view_if_needed()


def test_the_journalist_gets_each_forces_latest_figure_in_their_region_as_chart_png_csv_and_xlsx(browser: Browser,
                                                                                                    app_url: str) -> None:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    _open_at(page, f"{app_url}/Regions?region={SOUTH_WEST}", "The latest figure for each force in")
    title = "What is the latest figure for each force in"
    chart = chart_titled(page, title)
    drawn = {str(y).split("<br>")[0]: x for t in chart for x, y in zip(t["x"], t["y"], strict=True)  # type: ignore[call-overload]
             if x is not None}
    assert drawn, chart

    csv_bytes = _download(page, "Download these figures (CSV)")
    lines = csv_bytes.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("# Cite as: ")
    df = pd.read_csv(io.BytesIO(csv_bytes), comment="#", dtype={"value": float}, keep_default_na=False)
    assert len(df) >= 1 and all(str(c).startswith("E23") for c in df["area_code"])  # forces, each one row
    reported = df[df["status"] == "reported"]
    # the figures on screen are the figures in the file, force by force
    assert sorted(reported["value"].tolist()) == sorted(float(v) for v in drawn.values())  # type: ignore[arg-type]

    book = openpyxl.load_workbook(io.BytesIO(_download(page, "Download these figures (XLSX)")), read_only=True)
    first = [str(c) for r in list(book[book.sheetnames[0]].iter_rows(values_only=True))[:3] for c in r if c]
    assert any(lines[0][len("# Cite as: "):] in c for c in first)  # the citation in the data sheet itself, not only on About

    # the chart as a PNG for print: the modebar's camera, the figure's own height, title and source drawn in it
    png = page.locator("[data-testid=stPlotlyChart]").filter(has=page.locator(".gtitle", has_text=title)).first
    png.hover()
    with page.expect_download(timeout=TIMEOUT) as dl:
        png.locator(".modebar-btn[data-title^='Download']").first.click()
    data = Path(dl.value.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    context.close()


def test_the_analyst_compares_a_forces_rate_with_its_region_and_england_and_wales(browser: Browser, app_url: str) -> None:
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    _open_at(page, f"{app_url}/Force_profile?force=E23000032", "Rates: Kent Police beside its region")
    chart = chart_titled(page, "How many offences per 100,000")
    names = {str(t["name"]) for t in chart}
    assert any("Kent" in n for n in names) and any("England and Wales" in n for n in names) and len(names) >= 3, names
    page.context.close()


def test_the_campaigner_reads_the_trend_and_the_shares_and_a_shared_link_reopens_them(browser: Browser, app_url: str) -> None:
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    _open_at(page, f"{app_url}/Overview", "The national series since 2017")
    trend = chart_titled(page, "How many offences did police record each year")
    assert any(any(y is not None for y in t["y"]) for t in trend)  # type: ignore[attr-defined]

    page.goto(f"{app_url}/Platforms", timeout=TIMEOUT)
    wait_app(page)
    first = chart_titled(page, "Which apps were used?")
    box = page.get_by_role("combobox", name="Area and period", exact=True)
    box.click()
    listed = [o.strip() for o in page.get_by_role("option").all_inner_texts()]
    page.keyboard.press("Escape")
    other = next(o for o in listed if o != box.input_value())
    choose(page, box, other)
    page.wait_for_url(re.compile(r"[?&]view="), timeout=TIMEOUT)
    second = chart_titled(page, "Which apps were used?", unlike=first)  # waits for the new view's chart
    assert second != first
    shared = page.url
    page.context.close()

    fresh = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()  # the link, in another browser
    fresh.goto(shared, timeout=TIMEOUT)
    wait_app(fresh)
    expect(fresh.get_by_role("combobox", name="Area and period", exact=True)).to_have_value(other, timeout=TIMEOUT)
    assert chart_titled(fresh, "Which apps were used?") == second
    fresh.context.close()
