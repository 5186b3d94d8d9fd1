"""Adding returns in a real browser (the app in local single-user mode, where the one user is an
editor): upload -> preview -> accept -> the figure is on the Forces page; a bad file gets a clear
message and nothing is stored; unsafe archives refused; text from a return shown as text."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.widgets import choose

pytestmark = pytest.mark.browser
TIMEOUT = 45_000
_Y = date.today().year
DEFAULT_PERIOD = f"{_Y - 1}-04-01_{_Y}-03-31"
CSV = b"Gender,Count\r\nFemale,30\r\nMale,9\r\nTotal,39\r\n"


def open_add(browser: Browser, url: str) -> Page:
    page = browser.new_context().new_page()
    page.goto(f"{url}/Add_returns", timeout=TIMEOUT)
    page.wait_for_selector("h1", timeout=TIMEOUT)
    page.wait_for_selector("[data-testid=stFileUploader] input[type=file]", state="attached", timeout=TIMEOUT)
    return page


def upload(page: Page, name: str, data: bytes, mime: str = "text/csv", reference: str = "FOI 9/25") -> None:
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": data}])
    page.wait_for_timeout(500)
    choose(page, page.get_by_role("combobox", name="Force", exact=True), "Kent")
    page.get_by_label("FOI reference").fill(reference)
    # the period is left at the form's default: the last financial year (see DEFAULT_PERIOD)
    page.get_by_role("button", name="Preview").click()


def raw_sources(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "raw").iterdir() if p.is_dir())


def test_upload_preview_accept_shows_on_forces_page(browser: Browser, scratch_app: tuple[str, Path]) -> None:
    url, root = scratch_app
    page = open_add(browser, url)
    upload(page, "kent-answer.csv", CSV)
    expect(page.get_by_text("Preview: 3 figures from 1 file(s)")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("line 4 col B").first).to_be_attached(timeout=TIMEOUT)  # grid cells are drawn on a canvas
    assert raw_sources(root) == ["crosstab_xlsx"], "nothing is stored before accept"
    page.get_by_role("button", name="Add these returns").click()
    expect(page.get_by_text("Added as source")).to_be_visible(timeout=TIMEOUT)
    assert len(raw_sources(root)) == 2
    page.goto(f"{url}/Forces?period={DEFAULT_PERIOD}", timeout=TIMEOUT)
    page.wait_for_selector("[data-testid=stPlotlyChart] .js-plotly-plot", timeout=TIMEOUT)
    z = page.evaluate(
        "() => { const t = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot')._fullData"
        ".find(t => t.name !== 'no data'); const i = Array.from(t.locations).indexOf('E23000032'); return i < 0 ? null : t.z[i]; }"
    )
    assert z == 39


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("return.xlsx", b"MZ\x90\x00" + bytes(range(256)) * 8, "not a return this tool reads"),
        ("round.zip", None, "outside the archive"),
    ],
)
def test_bad_upload_gets_a_message_and_stores_nothing(browser: Browser, scratch_app: tuple[str, Path], name: str,
                                                      data: bytes | None, message: str) -> None:
    url, root = scratch_app
    before = raw_sources(root)
    if data is None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("../../evil.csv", CSV)
        data = buf.getvalue()
    page = open_add(browser, url)
    upload(page, name, data, mime="application/octet-stream")
    expect(page.get_by_text(message, exact=False)).to_be_visible(timeout=TIMEOUT)
    assert raw_sources(root) == before
    assert not (root / ".staging").exists() or not list((root / ".staging").iterdir())


def test_markup_in_a_return_is_shown_as_text_and_flagged(browser: Browser, scratch_app: tuple[str, Path]) -> None:
    url, root = scratch_app
    before = raw_sources(root)
    hostile = b"Gender,Count\r\n<img src=x onerror=alert(1)>,3\r\n=HYPERLINK(\"http://x\"),4\r\nTotal,7\r\n"
    page = open_add(browser, url)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    upload(page, "kent-hostile.csv", hostile)
    expect(page.get_by_text("Preview:").first).to_be_visible(timeout=TIMEOUT)
    page.wait_for_timeout(1000)
    assert not dialogs, "markup from a return ran in the page"
    assert page.locator("img[src=x]").count() == 0
    assert raw_sources(root) == before  # a preview stores nothing


def test_a_round_zip_with_no_force_chosen_is_recognised_asked_and_triaged(browser: Browser, scratch_app: tuple[str, Path]) -> None:
    """Issue 19: a zip of generated answers from several forces, named anything (PDF, Word, xlsx, a
    correspondence download, an acknowledgement, a workbook naming no force), no force chosen:
    every force recognised right or asked, the triage list right."""
    import yaml

    from ingest.vocabulary.reference import reference
    from synthetic.round import round_zip

    url, root = scratch_app
    data, expected = round_zip(20)
    page = open_add(browser, url)
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(
        files=[{"name": "round.zip", "mimeType": "application/zip", "buffer": data}])
    page.wait_for_timeout(500)
    page.get_by_role("button", name="Preview").click()  # no force, no reference: recognise from the files
    expect(page.get_by_text("Which force sent these?")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("no force is named in the files").first).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Acknowledgement.txt").first).to_be_visible(timeout=TIMEOUT)
    # the staged sources so far: each force as expected (the one unclear answer is not among them)
    [session] = [s for s in (root / ".staging").iterdir() if (s / "pending.json").exists()]  # this upload's (others may wait)
    codes = {}
    for yml in session.glob("*/source.yml"):
        meta = yaml.safe_load(yml.read_text(encoding="utf-8"))
        for original in meta["recognised"]["files"].values():
            codes[original] = reference().find_area(meta["force"]).code  # type: ignore[union-attr]
    for unit, code in expected.items():
        if code not in (None, "not an answer") and not unit.endswith(".zip"):
            assert codes[unit] == code, unit
    choose(page, page.get_by_role("combobox", name="Force for Data.xlsx", exact=True), "Kent")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Triage:", exact=False)).to_be_visible(timeout=TIMEOUT * 2)
    answers = len(expected) - 1  # the acknowledgement is not one
    expect(page.get_by_text(f"{answers} read, 0 needs review, 0 failed, 1 not an answer, 0 needs a force")).to_be_visible(
        timeout=TIMEOUT)
    assert len(list(session.glob("*/source.yml"))) == answers
