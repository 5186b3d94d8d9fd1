"""What only a browser shows: direct links to every page (the pages/ routing trap) and the menu a
reader sees; the map (every force opens its own profile); notices for links the page cannot
follow; the national chart's lines; ranges for withheld figures; the downloads; a phone's width."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from playwright.sync_api import Browser, Page, expect

from dashboard.queries import NATIONAL_SERIES
from tests.conftest import ROOT
from tools.app_server import PHONE

pytestmark = pytest.mark.browser

READER_MENU = ["Home", "Overview", "Forces", "Force profile", "Regions", "Age and gender", "Platforms", "Compare",
               "Sources and coverage", "Data and export", "Round tracker", "Request kit"]
PAGES = {
    "": "Online grooming of children: police figures", "Overview": "Overview", "Forces": "Forces",
    "Force_profile": "Force profile", "Regions": "Regions", "Age_and_gender": "Age and gender", "Platforms": "Platforms",
    "Compare": "Compare", "Sources_and_coverage": "Sources and coverage", "Data_and_export": "Data and export",
    "Add_returns": "Add returns", "Round_tracker": "Round tracker", "Request_kit": "Request kit", "Review_desk": "Review desk",
}
# pages with filters for a reader (the Round tracker has none until a round is recorded: a reader sees no made-up round)
FILTERED = ["Forces", "Force_profile", "Regions", "Age_and_gender", "Platforms", "Compare", "Sources_and_coverage",
            "Data_and_export", "Request_kit"]
TIMEOUT = 45_000
FIGURES = ROOT / "data" / "processed" / "figures.parquet"


def _force_totals() -> pd.DataFrame:
    df = pd.read_parquet(FIGURES)
    return df[(df["offence"] == "scwc") & (df["area_type"] == "force") & (df["breakdown"] == "total") & (df["status"] == "reported")]


def _fullest_year() -> str:
    """The period with the most force figures in the embedded record (the Forces page's default)."""
    n = _force_totals().groupby(["period_start", "period_end"])["area_code"].nunique()
    start, end = n.idxmax()
    return f"{start:%Y-%m-%d}_{end:%Y-%m-%d}"


FULLEST_YEAR = _fullest_year()


def wait_app(page: Page) -> None:
    page.wait_for_selector("h1", timeout=TIMEOUT)
    page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=TIMEOUT)


# a chart's figures are drawn, not only its first empty frame (the national chart read no line under load)
DRAWN = "traces.some(t => (t.x || []).some(v => v != null) || (t.y || []).some(v => v != null) || (t.locations || []).length > 0)"


def plotly_data(page: Page, nth: int = 0, ready: str = DRAWN) -> list[dict[str, object]]:
    """The traces plotly drew (its _fullData) in the page's nth chart, as JSON, once that chart is drawn
    and `ready` (a JavaScript test of `traces`) holds: a map's areas arrive after its first frame.
    Counted by Streamlit's chart elements, which appear in the page's order, not by plots drawn so far:
    a later chart drawn before an earlier one would otherwise be taken for it."""
    handle = page.wait_for_function(
        "([n, ready]) => { const box = document.querySelectorAll('[data-testid=stPlotlyChart]')[n];"
        " const el = box && box.querySelector('.js-plotly-plot'); if (!el || !el._fullData) return null;"
        " const a = v => (v == null || typeof v !== 'object') ? v : Array.from(v);"
        " const traces = JSON.parse(JSON.stringify(el._fullData.map(t => ({name: t.name, type: t.type, x: a(t.x), y: a(t.y),"
        " base: a(t.base), text: a(t.text), yaxis: t.yaxis, locations: a(t.locations), z: a(t.z)}))));"
        " return new Function('traces', 'return ' + ready)(traces) ? traces : null; }", arg=[nth, ready], timeout=TIMEOUT)
    return list(handle.json_value())


CHART = """([title, before]) => {
  const clean = el => (((el._fullLayout || {}).title || {}).text || '').replace(/<[^>]+>/g, ' ').replace(/\\s+/g, ' ').trim();
  const el = [...document.querySelectorAll('[data-testid=stPlotlyChart] .js-plotly-plot')].find(el => clean(el).startsWith(title));
  if (!el || !el._fullData) return null;
  const a = v => (v == null || typeof v !== 'object') ? v : Array.from(v);
  const traces = JSON.parse(JSON.stringify(el._fullData.map(t => ({name: t.name, type: t.type, x: a(t.x), y: a(t.y), yaxis: t.yaxis}))));
  if (!traces.some(t => (t.x || []).some(v => v != null) || (t.y || []).some(v => v != null))) return null;  // not its first empty frame
  return JSON.stringify(traces) === before ? null : traces;
}"""


def chart_titled(page: Page, title: str, unlike: list[dict[str, object]] | None = None) -> list[dict[str, object]]:
    """The traces of the plotly chart whose title (drawn as <b>...<br>...</b>) starts so, once drawn
    (and, given `unlike`, once they differ from those). Found and read in one step in the browser:
    looking the chart's index up first and its data second raced with charts drawn between the two
    (CI read a trend chart's periods as the ranking's figures)."""
    before = None if unlike is None else json.dumps(unlike, separators=(",", ":"))
    handle = page.wait_for_function(CHART, arg=[title, before], timeout=TIMEOUT)
    return list(handle.json_value())


def click_until(page: Page, where: Callable[[], tuple[float, float]], url: re.Pattern[str]) -> None:
    """Click the point `where` gives (worked out again each time) until the page opens `url`: a click made
    while a chart redrew went nowhere (seen under a full make test's load). A click that opened another
    page is wrong, never retried."""
    for attempt in range(3):
        page.mouse.click(*where())
        try:
            page.wait_for_url(url, timeout=15_000 if attempt < 2 else TIMEOUT)
            return
        except Exception:
            assert "Force_profile" not in page.url, page.url


MAP_DRAWN = "traces.some(t => (t.locations || []).length > 0)"  # the areas are on the map, not only its first empty frame


def _check_direct_open(page: Page, path: str, visible: bool) -> None:
    """A page opened by its own address: its title, the readers' menu (no Add returns, not the
    file router's raw names), no exception; the editors' page tells a reader to sign in."""
    wait_app(page)
    expect(page.locator("h1").first).to_have_text(PAGES[path], timeout=TIMEOUT)
    sidebar = page.locator("[data-testid=stSidebar]")
    for label in READER_MENU:
        entry = expect(sidebar.get_by_text(label, exact=True).first)
        entry.to_be_visible(timeout=TIMEOUT) if visible else entry.to_be_attached(timeout=TIMEOUT)
    # the public app is read-only: no Add returns in the menu
    assert sidebar.get_by_text("Add returns", exact=True).count() == 0
    # the file-based router's raw names must not appear as a menu
    assert sidebar.locator("[data-testid=stSidebarNavItems]").count() == 0
    assert page.locator("[data-testid=stException]").count() == 0
    if path == "Add_returns":  # a direct link to the editors' page: told, and given nothing that writes
        expect(page.get_by_text("Adding returns is for editors")).to_be_visible(timeout=TIMEOUT)
        expect(page.get_by_text("sign in as an editor").first).to_be_visible(timeout=TIMEOUT)  # matched case-insensitively
        assert page.locator("[data-testid=stFileUploader]").count() == 0


@pytest.mark.parametrize("path", ["", "Forces", "Add_returns"])
def test_page_opened_directly_shows_the_readers_menu_and_no_exception(browser: Browser, app_url: str, path: str) -> None:
    """On a laptop, the menu on screen (every page is opened directly on a phone below)."""
    context = browser.new_context()  # a fresh browser for each direct open
    page = context.new_page()
    page.goto(f"{app_url}/{path}?offence=scwc", timeout=TIMEOUT)
    _check_direct_open(page, path, visible=True)
    context.close()


def test_map_draws_the_43_force_areas(browser: Browser, app_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{app_url}/Forces?period={FULLEST_YEAR}", timeout=TIMEOUT)
    wait_app(page)
    traces = plotly_data(page, 0, MAP_DRAWN)
    assert sum(len(t.get("locations") or []) for t in traces) == 43  # type: ignore[arg-type]
    no_data = next(t for t in traces if t["name"] == "no data")
    assert no_data["locations"]  # grey areas are there, named 'no data', not drawn as 0 on the scale
    page.wait_for_selector("[data-testid=stPlotlyChart] canvas", timeout=TIMEOUT)
    page.close()


def _inside_points() -> dict[str, tuple[float, float]]:
    from shapely.geometry import shape

    geo = json.loads((ROOT / "data" / "reference" / "pfa.geojson").read_text(encoding="utf-8"))
    out = {}
    for f in geo["features"]:
        p = shape(f["geometry"]).representative_point()  # always inside the area (a centroid may not be)
        out[f["properties"]["pfa_code"]] = (p.x, p.y)
    return out


CENTRE_ON = """([lon, lat]) => {
  const el = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');
  const m = el._fullLayout.map._subplot.map;
  m.jumpTo({center: [lon, lat], zoom: 9});
  window.__scwcMap = {el, m, moved: false};
  m.once('movestart', () => { window.__scwcMap.moved = true; });
}"""
# after a click: was the map we centred still there, unmoved? (a redraw that resets the view
# between the check and the click would send the click to another area: a lost click, not a misroute)
STILL_CENTRED = """() => {
  const s = window.__scwcMap, el = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');
  return !!s && !s.moved && el === s.el && el._fullLayout.map._subplot.map === s.m;
}"""
WHERE = """([lon, lat]) => {
  const m = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot')._fullLayout.map._subplot.map;
  const c = m.getCenter(), p = m.project([lon, lat]), r = m.getCanvas().getBoundingClientRect();
  return {centred: Math.abs(c.lng - lon) < 1e-3 && Math.abs(c.lat - lat) < 1e-3 && m.getZoom() > 8.9, x: r.left + p.x, y: r.top + p.y};
}"""


def _click_area(page: Page, lon: float, lat: float) -> bool:
    """Centre the map on a point inside the area and click it there, as a person would. The page
    may still move (a late redraw resets the view, a notice shifts the map): check just before,
    and say whether the map was still as centred just after (False: the click went elsewhere)."""
    for _ in range(10):
        page.evaluate(CENTRE_ON, [lon, lat])
        page.wait_for_timeout(300)
        where = page.evaluate(WHERE, [lon, lat])
        if where["centred"]:
            page.mouse.click(where["x"], where["y"])
            return bool(page.evaluate(STILL_CENTRED))
    raise AssertionError("the map would not stay centred on the area")


def _sample(with_figure: set[str], codes: list[str]) -> list[str]:
    """An area of each kind: with a figure for the year (coloured), without one (grey), and the
    Metropolitan Police (the largest area, around the City of London). The sweep clicks all 43."""
    coloured = [c for c in codes if c in with_figure]
    grey = [c for c in codes if c not in with_figure]
    picks = {c for kind in (coloured, grey) for c in kind[len(kind) // 2:len(kind) // 2 + 1]}
    return sorted(picks | ({"E23000001"} & set(codes)))


def _open_profiles(browser: Browser, app_url: str, everyone: bool) -> None:
    """Click areas on the Forces map (every one, or a sample of each kind) and check that each opens
    its own profile, never another's, including the forces with no figure for the year (grey)."""
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    points = _inside_points()
    with_figure: set[str] = set()
    wrong = []
    chosen: list[str] | None = None
    done = 0
    while chosen is None or done < len(chosen):
        page.goto(f"{app_url}/Forces?period={FULLEST_YEAR}", timeout=TIMEOUT)
        wait_app(page)
        page.wait_for_selector("[data-testid=stPlotlyChart] canvas", timeout=TIMEOUT)
        page.locator("[data-testid=stPlotlyChart]").nth(1).wait_for(timeout=TIMEOUT)  # the whole page is drawn
        wait_app(page)
        if chosen is None:  # on the first load, which areas have a figure for the year: the sample takes both kinds
            traces = plotly_data(page, 0, MAP_DRAWN)
            with_figure = {str(c) for t in traces if t["name"] != "no data" for c in (t.get("locations") or [])}  # type: ignore[attr-defined]
            chosen = sorted(points) if everyone else _sample(with_figure, sorted(points))
        code = chosen[done]
        done += 1
        lon, lat = points[code]
        for _attempt in range(3):  # a click made while the page redrew went elsewhere or nowhere: again
            centred = _click_area(page, lon, lat)
            try:
                page.wait_for_url(re.compile(r"/Force_profile\?"), timeout=10_000)
            except Exception:
                continue
            if centred:
                break
            page.goto(f"{app_url}/Forces?period={FULLEST_YEAR}", timeout=TIMEOUT)  # the click was not on this area
            wait_app(page)
            page.locator("[data-testid=stPlotlyChart]").nth(1).wait_for(timeout=TIMEOUT)
            wait_app(page)
        else:
            wrong.append(f"{code}: no click on the area reached a profile ({page.url})")
            continue
        if f"force={code}" not in page.url:
            wrong.append(f"{code}: opened {page.url}")
            continue
        wait_app(page)
        assert page.locator("[data-testid=stException]").count() == 0
    assert not wrong, f"{len(wrong)} force(s) did not open their own profile: {wrong}"
    assert 0 < len(with_figure) < 43  # the year shows both kinds of area
    assert chosen and (everyone or len(chosen) >= 3)


@pytest.mark.sweep
def test_forces_of_each_kind_on_the_map_open_their_own_profile(browser: Browser, app_url: str) -> None:
    """A sample (coloured, grey, the Met), for a quick look (`pytest -m sweep -k kind`). In the sweep tier since
    make test neared its five minutes: make test clicks the map in the City of London's test, and CI's
    sweep clicks all 43 areas, these among them."""
    _open_profiles(browser, app_url, everyone=False)


@pytest.mark.sweep
def test_every_force_on_the_map_opens_its_own_profile(browser: Browser, app_url: str) -> None:
    """All 43 areas (six minutes): run by CI after `make test` (`pytest -m sweep`)."""
    _open_profiles(browser, app_url, everyone=True)


def test_clicking_a_bar_opens_that_forces_profile(browser: Browser, app_url: str) -> None:
    page = browser.new_context().new_page()
    page.goto(f"{app_url}/Forces?period={FULLEST_YEAR}", timeout=TIMEOUT)
    wait_app(page)
    bars = page.locator("[data-testid=stPlotlyChart]").nth(1)
    bars.locator("g.point path").last.wait_for(timeout=TIMEOUT)
    bars.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    def top_bar() -> tuple[float, float]:
        box = bars.locator("g.point path").last.bounding_box()  # the top bar: the highest count
        assert box is not None
        return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

    t = _force_totals()
    top = t[(t["period_start"] == pd.Timestamp(FULLEST_YEAR[:10])) & (t["period_end"] == pd.Timestamp(FULLEST_YEAR[11:]))]
    best = top.sort_values("value").iloc[-1]
    click_until(page, top_bar, re.compile(rf"/Force_profile\?.*force={best['area_code']}"))
    expect(page).to_have_url(re.compile(rf"/Force_profile\?.*force={best['area_code']}"), timeout=TIMEOUT)
    expect(page.get_by_role("combobox", name="Force", exact=True)).to_have_value(best["area_name"], timeout=TIMEOUT)


# one case in the browser (the notice on screen); every case of the rule is an AppTest in tests/dashboard/test_pages.py
@pytest.mark.parametrize(("path", "said"), [
    ("Force_profile?force=E99999999", "The link asked for force 'E99999999'"),
])
def test_a_link_the_page_cannot_follow_gets_a_notice(browser: Browser, app_url: str, path: str, said: str) -> None:
    page = browser.new_context().new_page()
    page.goto(f"{app_url}/{path}", timeout=TIMEOUT)
    wait_app(page)
    expect(page.get_by_text(said).first).to_be_visible(timeout=TIMEOUT)
    assert page.locator("[data-testid=stException]").count() == 0


def test_national_chart_holds_one_offence_and_one_geography_per_line(browser: Browser, app_url: str) -> None:
    page = browser.new_context().new_page()
    page.goto(app_url, timeout=TIMEOUT)
    wait_app(page)
    # found by its title: the page's first chart element is not always it
    traces = [t for t in chart_titled(page, "How many offences did police record each year") if t["type"] == "scatter"]
    names = [t["name"] for t in traces]
    known = [name for _, _, name in NATIONAL_SERIES]
    assert names and set(names) <= set(known) and len(names) == len(set(names))
    assert names[0] == known[0]  # England and Wales s.15A leads
    assert len({t["yaxis"] for t in traces}) == len(traces)  # each on its own scale, never a shared one
    for t in traces:  # financial-year axis, each value from its own series
        assert all(re.fullmatch(r"\d{4}/\d{2}", str(x)) for x in t["x"])  # type: ignore[union-attr]
    df = pd.read_parquet(FIGURES)
    for area, offence, name in NATIONAL_SERIES:
        if name in names:
            t = next(t for t in traces if t["name"] == name)
            drawn = {x: y for x, y in zip(t["x"], t["y"], strict=True) if y is not None}  # type: ignore[call-overload]
            held = df[(df["area_code"] == area) & (df["offence"] == offence) & (df["breakdown"] == "total")
                      & (df["status"] == "reported")]
            assert set(drawn.values()) <= set(held["value"])


def test_a_withheld_figure_is_drawn_as_its_range_never_as_zero(browser: Browser, app_url: str) -> None:
    df = pd.read_parquet(FIGURES)
    ranged = df[df["breakdown"].eq("age") & df["status"].isin(["suppressed", "understated"])].iloc[0]
    view = f"{ranged['offence']}|{ranged['area_code']}|{ranged['period_start']:%Y-%m-%d}_{ranged['period_end']:%Y-%m-%d}"
    rows = df[(df["breakdown"] == "age") & (df["area_code"] == ranged["area_code"]) & (df["period_start"] == ranged["period_start"])
              & (df["period_end"] == ranged["period_end"]) & (df["offence"] == ranged["offence"]) & (df["measure"] == "count")]
    page = browser.new_context().new_page()
    page.goto(f"{app_url}/Age_and_gender?view={view}", timeout=TIMEOUT)
    wait_app(page)
    traces = {t["name"]: t for t in plotly_data(page, 0)}
    ranges = traces["Withheld: the range it lies in"]
    drawn = {x: (b, b + h) for x, b, h in zip(ranges["x"], ranges["base"], ranges["y"], strict=True)}  # type: ignore[call-overload]
    reported = set(traces["Reported"]["x"]) if "Reported" in traces else set()  # type: ignore[call-overload]
    for _, r in rows.iterrows():
        if r["status"] in ("suppressed", "understated"):
            assert drawn[r["age_band"]] == (r["value_low"], r["value_high"])
            assert r["age_band"] not in reported  # not also drawn as a bar (of 0 or of the printed figure)
        elif r["status"] == "reported":
            assert r["age_band"] in reported


def _download(page: Page, button: str) -> bytes:
    with page.expect_download(timeout=TIMEOUT) as dl:
        page.get_by_role("button", name=button).click()
    return Path(dl.value.path()).read_bytes()


def test_downloads_carry_the_citation_and_numbers_as_numbers(browser: Browser, app_url: str) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(f"{app_url}/Data_and_export?area=E23000032", timeout=TIMEOUT)
    wait_app(page)
    data = _download(page, "Download CSV")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("# Cite as: ") and "NSPCC" in lines[0]
    assert lines[1].startswith("# Licence")
    df = pd.read_csv(io.BytesIO(data), comment="#", dtype=str, keep_default_na=False)
    assert {"offence", "area_code", "value", "status", "source_url", "originator"} <= set(df.columns)
    assert set(df["area_code"]) == {"E23000032"} and len(df) > 3

    book = openpyxl.load_workbook(io.BytesIO(_download(page, "Download XLSX")), read_only=True)
    assert {"Figures", "Releases", "Sources", "About"} <= set(book.sheetnames)
    rows = list(book["Figures"].iter_rows(values_only=True))
    col, status = rows[0].index("value"), rows[0].index("status")
    values = [(r[col], r[status]) for r in rows[1:] if r and r[status]]
    assert len(values) == len(df)
    assert all(isinstance(v, int | float) for v, s in values if s == "reported")  # numeric cells: Excel can sum them
    assert all(v is None for v, s in values if s in ("suppressed", "refused", "not_held", "withheld", "understated"))
    about = [str(c) for r in book["About"].iter_rows(values_only=True) for c in r if c]
    assert lines[0][len("# Cite as: "):] in about  # the same citation as the CSV's
    context.close()


OVERFLOW = """() => {
  const W = window.innerWidth, out = [];
  for (const el of document.querySelectorAll('[data-testid=stMain] *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.left < -1000) continue;  // hidden, or plotly's off-screen measuring text
    const svg = el.closest('svg.main-svg');
    if (svg && el.tagName.toLowerCase() === 'text') {  // chart text cut off by the chart's own edge
      const s = svg.getBoundingClientRect();
      if (r.right > s.right + 1 || r.left < s.left - 1) out.push(`${el.textContent.slice(0, 40)} (chart text ${Math.round(r.left)}-${Math.round(r.right)})`);
      continue;
    }
    if (r.right <= W + 1 && r.left >= -1) continue;
    let q = el.parentElement, scrolls = false;  // a table that scrolls inside its own frame is fine
    while (q) { const o = getComputedStyle(q).overflowX, b = q.getBoundingClientRect();
      if ((o === 'auto' || o === 'scroll') && b.right <= W + 1 && b.left >= -1 && q !== document.documentElement) { scrolls = true; break; }
      q = q.parentElement; }
    if (!scrolls) out.push(`${el.tagName} ${el.getAttribute('data-testid') || ''} "${(el.textContent || '').slice(0, 30)}" ${Math.round(r.left)}-${Math.round(r.right)}`);
  }
  return {scroll: document.documentElement.scrollWidth, width: W, wide: out.slice(0, 10)};
}"""


# every chart on the page drawn (its svg, and a map's canvas), then a frame for the layout to settle
CHARTS_DRAWN = """() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')].every(c => c.querySelector('.main-svg'))
  && new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"""
MAP_BOUNDS = """() => { const gd = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');
  const b = gd._fullLayout.map._subplot.map.getBounds(); const bar = gd.querySelector('.colorbar').getBoundingClientRect();
  const plot = gd.querySelector('.maplibregl-canvas').getBoundingClientRect();
  return {west: b.getWest(), east: b.getEast(), south: b.getSouth(), north: b.getNorth(), barTop: bar.top, plotBottom: plot.bottom}; }"""


def _map_whole(page: Page) -> None:
    """Issue 20: on a phone the colour bar stood beside the map and hid East Anglia and Kent. Land's
    End -5.7, Lowestoft 1.76, the Lizard 49.96, Berwick 55.8; the colour bar under the map."""
    page.wait_for_function("() => !!document.querySelector('[data-testid=stPlotlyChart] .maplibregl-canvas')", timeout=TIMEOUT)
    bounds = page.evaluate(MAP_BOUNDS)
    assert bounds["west"] < -5.7 and bounds["east"] > 1.76 and bounds["south"] < 49.96 and bounds["north"] > 55.8, bounds
    assert bounds["barTop"] >= bounds["plotBottom"] - 40, bounds


@pytest.mark.parametrize("path", sorted(PAGES))
def test_on_a_phone_nothing_is_wider_than_the_screen_and_filters_are_at_hand(browser: Browser, app_url: str, path: str) -> None:
    """Every page opened directly by its address, on a phone: routing, menu and no exception as on a
    laptop, and nothing wider than the screen, the filters on the page."""
    context = browser.new_context(**{**PHONE, "device_scale_factor": 1})  # CSS pixels are what is checked
    page = context.new_page()
    page.goto(f"{app_url}/{path}?offence=scwc", timeout=TIMEOUT)
    _check_direct_open(page, path, visible=False)
    page.wait_for_function(CHARTS_DRAWN, timeout=TIMEOUT)  # charts draw after the script run ends
    found = page.evaluate(OVERFLOW)
    assert found["scroll"] <= found["width"], found
    assert not found["wide"], found["wide"]
    # the sidebar is closed on a phone; the filters are on the page itself, on screen
    sidebar = page.locator("[data-testid=stSidebar]")
    assert sidebar.get_attribute("aria-expanded") == "false" or not sidebar.is_visible()
    if path in FILTERED:
        first = page.locator("[data-testid=stMain] .st-key-filters :is([data-testid=stSelectbox], [data-testid=stMultiSelect], "
                             "[data-testid=stDateInput])").first
        expect(first).to_be_visible(timeout=TIMEOUT)
        box = first.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= found["width"]
    if path == "Forces":
        _map_whole(page)
    context.close()


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


def test_the_city_of_london_has_a_point_of_its_own_on_the_map(browser: Browser, app_url: str) -> None:
    """Issue 20: at the map's own zoom the City of London is under a pixel, and a click there opened
    the Met. Its ringed point opens its own profile."""
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(f"{app_url}/Forces?period={FULLEST_YEAR}", timeout=TIMEOUT)
    wait_app(page)
    page.wait_for_selector("[data-testid=stPlotlyChart] canvas", timeout=TIMEOUT)
    page.wait_for_function(CHARTS_DRAWN, timeout=TIMEOUT)
    assert [t for t in plotly_data(page, 0, MAP_DRAWN) if t["type"] == "scattermap" and t["name"] == "small areas"]
    def city() -> tuple[float, float]:
        where = page.evaluate("""() => { const gd = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');
          const t = gd._fullData.filter(d => d.type === 'scattermap').slice(-1)[0], m = gd._fullLayout.map._subplot.map;
          const p = m.project([t.lon[0], t.lat[0]]), r = m.getCanvas().getBoundingClientRect();
          return {x: r.left + p.x, y: r.top + p.y, code: t.customdata[0]}; }""")
        assert where["code"] == "E23000034"
        return where["x"], where["y"]

    click_until(page, city, re.compile(r"/Force_profile\?.*force=E23000034"))
    page.context.close()
