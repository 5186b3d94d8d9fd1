"""Each shared fact has one home (issue 17): the literal that states it appears there and nowhere
else in the code. A newcomer changing a fact changes one place; this test names any copy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = ("core", "ingest", "editorial", "dashboard", "pages", "tools", "bench")
# tools/build_reference.py writes data/reference/areas.csv from the ONS file: it is where the
# area codes are first typed, so it is the codes' origin rather than a copy
GENERATORS = {"tools/build_reference.py"}

# fact -> (pattern that states it in code, the one file allowed to state it[, how the home states it])
FACTS: dict[str, tuple[str, ...]] = {
    "England and Wales area code": (r"K04000001", "data/reference/areas.csv"),
    "United Kingdom area code": (r"K02000001", "data/reference/areas.csv"),
    "s.15A commencement": (r"date\(2017,\s*4,\s*3\)|2017-04-03", "core/facts.py"),
    "the figure key": (r'"period_start",\s*"period_end",\s*"breakdown",\s*"age_band"', "core/schema.py"),
    "the formula rule": (r'FORMULA_START\s*[:=]|\(\s*"=",\s*"\+",\s*"-",\s*"@"', "core/text.py"),
    "what markup is": (r"javascript:\|data:text/html", "core/text.py"),
    "refusal grounds": (r"section\\\\s\*12|section\\s\*12", "data/reference/refusal_grounds.csv", r"section\\s\*12"),
    "suppression markers": (r'"small number"|"\[c\]",\s*"c"', "data/reference/markers.csv", r"(?m)^small number,suppressed"),
    "offence definitions": (r"Art\. 22A Sexual Offences \(NI\) Order", "data/reference/offences.csv"),
    "national series names": (r"England and Wales: sexual communication with a child \(s\.15A\)", "data/reference/offences.csv"),
    "a total label": (r"\(grand\\s\+\)\?\(sum\|totals\?\)|\\btotals\?\\b", "ingest/vocabulary/labels.py", r"def is_total_label"),
}


def _code_files() -> list[Path]:
    return [p for d in CODE_DIRS for p in (ROOT / d).rglob("*.py") if p.relative_to(ROOT).as_posix() not in GENERATORS] \
        + [ROOT / "app.py"]


@pytest.mark.parametrize("fact", sorted(FACTS))
def test_fact_is_stated_in_its_home_only(fact: str) -> None:
    pattern, home, *in_home = FACTS[fact]
    rx = re.compile(pattern)
    home_path = ROOT / home
    assert re.search(in_home[0] if in_home else pattern, home_path.read_text(encoding="utf-8")), f"{fact}: its home {home} no longer states it"
    copies = [p.relative_to(ROOT).as_posix() for p in _code_files()
              if p != home_path and rx.search(p.read_text(encoding="utf-8"))]
    assert copies == [], f"{fact} is stated again in {copies}; import it from {home}"


def test_the_dashboard_imports_no_ingest_internals() -> None:
    """Pages and dashboard modules take shared facts from core, never from the ingest's stages (the
    editorial pages call the editorial package, which calls the ingest)."""
    offenders = []
    for p in [*(ROOT / "dashboard").rglob("*.py"), *(ROOT / "pages").rglob("*.py"), ROOT / "app.py"]:
        for m in re.finditer(r"^\s*(?:from|import) (ingest[\w.]*)", p.read_text(encoding="utf-8"), re.M):
            offenders.append(f"{p.relative_to(ROOT).as_posix()}: {m.group(1)}")
    assert offenders == []


def test_core_imports_neither_side() -> None:
    for p in (ROOT / "core").rglob("*.py"):
        text = p.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) (ingest|dashboard|editorial)\b", text, re.M), p.name


def test_bench_imports_nothing_from_tests() -> None:
    for p in (ROOT / "bench").rglob("*.py"):
        assert not re.search(r"^\s*(from|import) tests\b", p.read_text(encoding="utf-8"), re.M), p.name
