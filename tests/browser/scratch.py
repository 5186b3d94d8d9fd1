"""Scratch data for the browser tests that write (add returns, settle doubts): one synthetic
source copied and built in a temporary folder, and the app's environment on it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT


def scratch_data(tmp_path_factory: pytest.TempPathFactory, name: str, add: Callable[[Path], object] | None = None) -> Path:
    """A data folder of one synthetic source (and what `add` writes into raw/), built: for tests that write."""
    from editorial.intake import rebuild

    root = tmp_path_factory.mktemp(name)
    shutil.copytree(ROOT / "tests" / "fixtures" / "sources" / "crosstab_xlsx", root / "raw" / "crosstab_xlsx")
    if add is not None:
        add(root / "raw")
    rebuild(root / "raw", root / "processed")
    return root


def scratch_env(root: Path, **extra: str) -> dict[str, str]:
    """The app on that folder, in local single-user mode (the one user is an editor)."""
    return {"SCWC_RAW_DIR": str(root / "raw"), "SCWC_DATA_DIR": str(root / "processed"), "SCWC_MODE": "local", **extra}
