"""Documentation completeness: every column and issue type is documented; the README keeps
its two-command quick start."""

from __future__ import annotations

from core.schema import COLUMN_DOCS, FIGURE_COLUMNS, ISSUE_TYPES
from tests.conftest import ROOT


def test_data_dictionary_is_generated_from_the_schema() -> None:
    from tools.write_data_dictionary import TARGET, render

    assert TARGET.read_text(encoding="utf-8") == render(), "run: python tools/write_data_dictionary.py"


def test_every_column_is_documented() -> None:
    text = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    for c in FIGURE_COLUMNS:
        assert COLUMN_DOCS.get(c), c
        assert f"| `{c}` |" in text, f"column {c} missing from docs/data-dictionary.md"


def test_every_issue_type_is_documented() -> None:
    text = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    for t in ISSUE_TYPES:
        assert f"| `{t}` |" in text, f"issue type {t} missing from docs/data-dictionary.md"


def test_readme_quick_start() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in text and "make test" in text
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_links_resolve() -> None:
    """Every relative link in the README and docs/ points at a file in the repository."""
    import re

    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "docs" / "screenshots" / "README.md"]:
        if not doc.exists():
            continue
        for target in re.findall(r"\]\(([^)#\s]+)\)", doc.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            assert (doc.parent / target).exists(), f"{doc.relative_to(ROOT)} links to {target}, which does not exist"
