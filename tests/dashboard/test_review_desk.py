"""Review desk page: readers see none of it; an editor sees each doubtful table with its cells'
roles and settles it, the decision kept in source.yml and the table read again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from editorial.intake import rebuild
from synthetic.doubts import write_doubtful_source
from tests.conftest import FIXTURES, ROOT


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(FIXTURES / "sources" / "crosstab_xlsx", raw / "crosstab_xlsx")
    write_doubtful_source(raw)
    rebuild(raw, tmp_path / "processed")
    monkeypatch.setenv("SCWC_RAW_DIR", str(raw))
    monkeypatch.setenv("SCWC_DATA_DIR", str(tmp_path / "processed"))
    monkeypatch.setenv("SCWC_LEARNED_LABELS", str(tmp_path / "learned.csv"))
    monkeypatch.setenv("SCWC_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    return tmp_path


def desk() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("pages/13_Review_desk.py")
    return at


def test_a_reader_sees_none_of_it(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCWC_MODE", "public")
    at = desk().run()
    assert not at.exception and "for editors" in at.warning[0].value
    assert not at.button and not at.radio  # no widget that could write


def test_an_editor_settles_a_table_and_it_reads_again(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCWC_MODE", "local")
    at = desk().run()
    assert not at.exception
    titles = [e.label for e in at.expander]
    assert any("m.csv" in t and "needs review" in t for t in titles) and any("p.csv" in t for t in titles)
    i = next(k for k, t in enumerate(titles) if "m.csv" in t)
    key = at.expander[i].radio[0].key.split("_")[-1]
    at.radio(key=f"kind_{key}").set_value("offence").run()
    at.selectbox(key=f"offence_{key}").set_value("other").run()
    at.text_input(key=f"named_{key}").input("s.15 meeting a child following sexual grooming")
    at.text_input(key=f"why_{key}").input("the title says so").run()
    at.button(key=f"apply_{key}").click().run()
    assert not at.exception
    assert any("about another offence (s.15 meeting" in s.value for s in at.success)
    meta = yaml.safe_load((data / "raw" / "desk_kent" / "source.yml").read_text(encoding="utf-8"))
    [decision] = meta["decisions"]
    assert decision["by"] and decision["why"] == "the title says so" and decision["table"] == "m.csv#1"
    assert any("m.csv" in e.label and "decided" in e.label for e in at.expander)


def test_a_pdf_tables_page_is_drawn_beside_its_grid(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from synthetic.doubts import write_doubtful_letter

    monkeypatch.setenv("SCWC_MODE", "local")
    write_doubtful_letter(data / "raw")
    rebuild(data / "raw", data / "processed")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["source"] = "desk_letter"
    at.switch_page("pages/13_Review_desk.py").run()
    assert not at.exception
    assert at.selectbox(key="desk_source").value == "Published: desk_letter"
    [image] = at.get("image")
    [shown] = image.proto.imgs
    assert shown.alt == "Page 1 of letter.pdf with the cells of table page 1 table 1 outlined"
    assert shown.url.endswith(".png")
