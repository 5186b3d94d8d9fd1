"""The review desk in a real browser: one doubtful table of each kind settled (a label's meaning,
header rows, another offence) without typing a figure; a rebuild keeps them. (Another reading is
settled by the same form: tests/ingest/test_decisions.py.)"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import yaml
from playwright.sync_api import Browser, Locator, Page, expect

from synthetic.doubts import write_doubtful_source
from tests.browser.scratch import scratch_data, scratch_env
from tests.browser.widgets import choose, settled
from tests.conftest import ROOT
from tools.app_server import streamlit_server

pytestmark = pytest.mark.browser
TIMEOUT = 45_000


@pytest.fixture(scope="module")
def desk_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = scratch_data(tmp_path_factory, "desk", write_doubtful_source)
    env = scratch_env(root, SCWC_LEARNED_LABELS=str(root / "learned.csv"), SCWC_AUDIT_LOG=str(root / "audit.jsonl"))
    with streamlit_server(env) as url:
        yield url, root


def table(page: Page, file: str) -> Locator:
    """The table's panel, once the page has settled."""
    settled(page)
    panel = page.locator("[data-testid=stExpander]", has_text=f"{file} · table")
    expect(panel).to_have_count(1, timeout=TIMEOUT)
    return panel


def apply(page: Page, panel: Locator, why: str, file: str, said: str = "") -> None:
    """Say why and apply; the success line names the decision (and `said`, what it must hold)."""
    settled(page)
    panel.get_by_label("Why (kept with the decision)").fill(why)
    panel.get_by_label("Why (kept with the decision)").press("Enter")
    settled(page)
    panel.get_by_role("button", name="Apply").click()
    expect(page.locator("[data-testid=stAlertContentSuccess]", has_text=f"{file} table")).to_be_visible(timeout=TIMEOUT)
    if said:
        expect(page.locator("[data-testid=stAlertContentSuccess]", has_text=f"{file} table")).to_contain_text(said)
    expect(table(page, file).locator("summary")).to_contain_text("decided", timeout=TIMEOUT)


def test_each_kind_of_doubt_is_settled_and_a_rebuild_keeps_it(browser: Browser, desk_app: tuple[str, Path]) -> None:
    url, root = desk_app
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(f"{url}/Review_desk?source=desk_kent", timeout=TIMEOUT)
    expect(table(page, "p.csv")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("3 table(s) to settle")).to_be_visible(timeout=TIMEOUT)

    panel = table(page, "p.csv")  # a label's meaning
    panel.get_by_text("Say what a label means").click()
    category = panel.get_by_role("combobox", name="Category")
    expect(category).to_be_visible(timeout=TIMEOUT)
    genders = category.input_value()
    choose(page, panel.get_by_role("combobox", name="It means"), "a platform")
    # the platforms must have replaced the genders before one is chosen: a rerun that lands after the
    # choice resets the box to its first platform (a CI run recorded "Dating app" so)
    expect(category).not_to_have_value(genders, timeout=TIMEOUT)
    choose(page, category, "Instagram")
    apply(page, panel, "a misspelt Instagram", "p.csv", said="Instagram")

    panel = table(page, "b.csv")  # header rows: the ages across are headings, 'Under 13' among them
    panel.get_by_text("Say which rows are headings").click()
    panel.get_by_label("Rows of headings at the top").fill("1")
    panel.get_by_label("Rows of headings at the top").press("Enter")
    apply(page, panel, "ages across are headings", "b.csv")

    panel = table(page, "m.csv")  # another offence
    panel.get_by_text("Say what offence the table counts").click()
    choose(page, panel.get_by_role("combobox", name="Offence"), "another offence")
    panel.get_by_label("Which offence").fill("s.15 meeting a child following sexual grooming")
    panel.get_by_label("Which offence").press("Enter")
    apply(page, panel, "its title says s.15", "m.csv")

    expect(page.get_by_text("0 table(s) to settle")).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("button", name="Rebuild the published table").click()
    expect(page.get_by_text("Rebuilt (exit")).to_be_visible(timeout=TIMEOUT)

    decisions = yaml.safe_load((root / "raw" / "desk_kent" / "source.yml").read_text(encoding="utf-8"))["decisions"]
    assert sorted(d["decide"] for d in decisions) == ["header_rows", "label", "offence"]
    assert all(d["by"] and d["why"] for d in decisions)

    def published(folder: Path) -> pd.DataFrame:
        df = pd.read_csv(folder / "figures.csv", dtype=str, keep_default_na=False)
        return df[df["source_id"] == "desk_kent"]

    figures = published(root / "processed")
    assert set(figures.loc[figures["source_file"] == "p.csv", "platform"]) == {"Snapchat", "Instagram"}
    assert figures[figures["source_file"] == "m.csv"].empty  # another offence: never filed as s.15A
    assert (figures["source_file"] == "b.csv").sum() > 0
    assert all("decided by" in n for n in figures.loc[figures["source_file"] != "a.csv", "note"])
    assert set(figures.loc[figures["source_file"] == "a.csv", "reader"]) == {"records"}  # read on its evidence, no decision
    issues = pd.read_csv(root / "processed" / "issues.csv", dtype=str, keep_default_na=False)
    assert not (issues[issues["source_id"] == "desk_kent"]["severity"] == "review").any()  # nothing left in doubt
    # the decisions are data: a rebuild from the command line reproduces the table byte for byte
    subprocess.run([sys.executable, "-m", "ingest", str(root / "raw"), "--out", str(root / "again"), "-q"], cwd=ROOT, timeout=120,
                   env={"PATH": "/usr/bin:/bin", "SCWC_LEARNED_LABELS": str(root / "learned.csv")}, check=False)
    assert (root / "again" / "figures.csv").read_bytes() == (root / "processed" / "figures.csv").read_bytes()
