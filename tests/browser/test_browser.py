"""What only a browser shows: direct links to every page (the pages/ routing trap), the map,
filters in the URL, and a CSV download."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

MENU = ["Home", "Overview", "Forces", "Force profile", "Regions", "Age and gender", "Platforms", "Compare",
        "Sources and coverage", "Data and export", "Add returns", "Round tracker", "Request kit"]
PAGES = {
    "Overview": "Overview", "Forces": "Forces", "Force_profile": "Force profile", "Regions": "Regions",
    "Age_and_gender": "Age and gender", "Platforms": "Platforms", "Compare": "Compare",
    "Sources_and_coverage": "Sources and coverage", "Data_and_export": "Data and export", "Add_returns": "Add returns",
    "Round_tracker": "Round tracker", "Request_kit": "Request kit",
}
TIMEOUT = 45_000


def wait_app(page: Page) -> None:
    page.wait_for_selector("[data-testid=stSidebar]", timeout=TIMEOUT)
    page.wait_for_selector("h1", timeout=TIMEOUT)
    page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=TIMEOUT)


@pytest.mark.parametrize("path", sorted(PAGES))
def test_page_opened_directly_shows_our_menu_and_no_exception(browser: Browser, app_url: str, path: str) -> None:
    context = browser.new_context()  # a fresh browser for each direct open
    page = context.new_page()
    page.goto(f"{app_url}/{path}?offence=scwc", timeout=TIMEOUT)
    wait_app(page)
    expect(page.locator("h1").first).to_have_text(PAGES[path], timeout=TIMEOUT)
    sidebar = page.locator("[data-testid=stSidebar]")
    for label in MENU:
        expect(sidebar.get_by_text(label, exact=True).first).to_be_visible()
    # the file-based router's raw names must not appear as a menu
    assert sidebar.locator("[data-testid=stSidebarNavItems]").count() == 0
    assert page.locator("[data-testid=stException]").count() == 0
    context.close()


def test_map_draws_the_43_force_areas(browser: Browser, app_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{app_url}/Forces?period=2023-04-01_2024-03-31", timeout=TIMEOUT)
    wait_app(page)
    page.wait_for_selector("[data-testid=stPlotlyChart] .js-plotly-plot", timeout=TIMEOUT)
    n = page.evaluate(
        "() => { const el = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');"
        " return el._fullData.reduce((a, t) => a + (t.locations ? t.locations.length : 0), 0); }"
    )
    assert n == 43
    page.wait_for_selector("[data-testid=stPlotlyChart] canvas", timeout=TIMEOUT)
    page.close()


def test_filter_change_goes_into_the_url_and_the_url_restores_it(browser: Browser, app_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{app_url}/Force_profile?force=E23000032", timeout=TIMEOUT)
    wait_app(page)
    box = page.get_by_role("combobox", name="Force", exact=True)
    expect(box).to_have_value("Kent Police", timeout=TIMEOUT)
    box.click()
    page.keyboard.type("Sussex")
    page.keyboard.press("Enter")
    page.wait_for_url("**force=E23000033**", timeout=TIMEOUT)
    url = page.url
    page.close()
    fresh = browser.new_context().new_page()
    fresh.goto(url, timeout=TIMEOUT)
    wait_app(fresh)
    expect(fresh.get_by_role("combobox", name="Force", exact=True)).to_have_value("Sussex Police", timeout=TIMEOUT)


def test_csv_download_arrives_and_parses(browser: Browser, app_url: str) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(f"{app_url}/Data_and_export?area=E23000032", timeout=TIMEOUT)
    wait_app(page)
    with page.expect_download(timeout=TIMEOUT) as dl:
        page.get_by_role("button", name="Download CSV").click()
    data = Path(dl.value.path()).read_bytes()
    df = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    assert {"offence", "area_code", "value", "status", "source_url"} <= set(df.columns)
    assert set(df["area_code"]) == {"E23000032"} and len(df) > 3
    context.close()


def test_clicking_a_force_opens_its_profile(browser: Browser, app_url: str) -> None:
    page = browser.new_context().new_page()
    page.goto(f"{app_url}/Forces?period=2023-04-01_2024-03-31", timeout=TIMEOUT)
    wait_app(page)
    bars = page.locator("[data-testid=stPlotlyChart]").nth(1)
    bars.locator("g.point path").last.wait_for(timeout=TIMEOUT)
    bars.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    box = bars.locator("g.point path").last.bounding_box()
    assert box is not None
    # the top bar is the highest count (ascending sort, horizontal bars)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(re.compile(r"/Force_profile\?force=W15000003"), timeout=TIMEOUT)  # a same-page navigation
    expect(page.get_by_role("combobox", name="Force", exact=True)).to_have_value("South Wales Police", timeout=TIMEOUT)
