"""Shared test helpers. Tests never read ../shared: everything they need is in the repo."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def fixture_sources() -> Path:
    return FIXTURES / "sources"


def make_source(root: Path, name: str, files: dict[str, str | bytes], yml: str | None = None) -> Path:
    """A source folder with a source.yml and the given files (synthetic figures)."""
    d = root / name
    d.mkdir(parents=True)
    (d / "source.yml").write_text(
        yml if yml is not None else 'force: Kent\nreference: "TEST-1"\nreceived: 2025-01-01\nperiod_start: 2023-04-01\nperiod_end: 2024-03-31\n',
        encoding="utf-8",
    )
    for fname, content in files.items():
        p = d / fname
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
    return d


@pytest.fixture
def read_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read files in the test's own process, so a test's monkeypatch of a reader holds (the
    bounded worker may be a fresh process from a fork server, without the patch)."""
    from ingest import pipeline

    monkeypatch.setattr(pipeline, "call_bounded", lambda func, *args: func(*args))
