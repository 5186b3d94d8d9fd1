"""Issue 21: a file the preview stopped (over the bound for one file) is added as "kept, not read",
never re-read in the server, and the server stays up for everyone."""

from __future__ import annotations

import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, expect

from tests.browser.scratch import scratch_data, scratch_env
from tests.browser.widgets import choose
from tests.ingest.read.test_scans import scanned_letter
from tools.app_server import streamlit_server

pytestmark = pytest.mark.browser
TIMEOUT = 60_000


@pytest.fixture(scope="module")
def tight_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The app with a bound of 0.5 s a file: a scan to read by OCR is over it."""
    root = scratch_data(tmp_path_factory, "tight")
    env = scratch_env(root, SCWC_FILE_SECONDS="0.5", SCWC_AUDIT_LOG=str(root / "audit.jsonl"))
    with streamlit_server(env) as url:
        yield url, root


@pytest.mark.skipif(not shutil.which("tesseract"), reason="the scan is costly only when OCR runs (tesseract)")
def test_a_stopped_file_is_kept_not_read_and_the_server_stays_up(browser: Browser, tight_app: tuple[str, Path],
                                                                  tmp_path: Path) -> None:
    url, root = tight_app
    scanned_letter(tmp_path / "scan.pdf")
    page = browser.new_context().new_page()
    page.goto(f"{url}/Add_returns", timeout=TIMEOUT)
    page.wait_for_selector("[data-testid=stFileUploader] input[type=file]", state="attached", timeout=TIMEOUT)
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(str(tmp_path / "scan.pdf"))
    page.wait_for_timeout(500)
    choose(page, page.get_by_role("combobox", name="Force", exact=True), "Kent")
    page.get_by_label("FOI reference").fill("FOI 7/25")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_text("longer than 0.5 s", exact=False).first).to_be_attached(timeout=TIMEOUT)
    page.get_by_role("button", name="Add these returns").click()
    expect(page.get_by_text("Added as source")).to_be_visible(timeout=TIMEOUT)
    [added] = [p for p in (root / "raw").iterdir() if p.name != "crosstab_xlsx"]
    meta = yaml.safe_load((added / "source.yml").read_text(encoding="utf-8"))
    assert "longer than" in meta["not_read"]["scan.pdf"]  # kept as received, never read again
    assert (added / "scan.pdf").is_file()
    assert urllib.request.urlopen(f"{url}/_stcore/health", timeout=10).read() == b"ok"  # the server is up
    other = browser.new_context().new_page()  # and serves another visitor
    other.goto(f"{url}/Forces", timeout=TIMEOUT)
    expect(other.locator("h1").first).to_have_text("Forces", timeout=TIMEOUT)
