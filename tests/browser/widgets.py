"""Driving Streamlit widgets in a real browser without racing its reruns."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

TIMEOUT = 45_000


def settled(page: Page) -> None:
    """The app has finished its run (while it runs, an old element can stand beside its new one)."""
    page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=TIMEOUT)
    page.wait_for_function("!document.querySelector('[data-stale=true]')", timeout=TIMEOUT)


def choose(page: Page, box: Locator, text: str, attempts: int = 3) -> None:
    """Pick the select box's option containing `text` by typing it, and check it was picked.

    A rerun that starts between the click and the keys closes the list and swallows them; the box
    then keeps its first option (CI showed a platform left at "Dating app" instead of "Instagram"),
    so the choice is checked on the box's value and made again."""
    wanted = re.compile(re.escape(text), re.IGNORECASE)
    for attempt in range(attempts):
        settled(page)
        box.click()
        page.keyboard.type(text)
        page.keyboard.press("Enter")
        try:
            expect(box).to_have_value(wanted, timeout=5_000)
        except AssertionError:
            if attempt == attempts - 1:
                raise
            page.keyboard.press("Escape")
            continue
        settled(page)
        return
