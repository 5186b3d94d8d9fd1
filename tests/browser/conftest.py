"""A real browser: Playwright driving Debian's chromium (no browser download here) against
`streamlit run app.py` on a free loopback port."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.scratch import scratch_data, scratch_env
from tools.app_server import CHROMIUM, CHROMIUM_ARGS, streamlit_server


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        skip = pytest.mark.skip(reason=f"no chromium at {CHROMIUM}: .ci/run installs it (apt-get install chromium)")
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """The app on the embedded real data (read only)."""
    with streamlit_server({}) as url:
        yield url


@pytest.fixture(scope="module")
def scratch_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The app on a scratch copy of one synthetic source, for tests that add returns."""
    root = scratch_data(tmp_path_factory, "scratch")
    with streamlit_server(scratch_env(root)) as url:
        yield url, root
