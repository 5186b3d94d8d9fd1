"""Add returns page: staged upload -> preview -> accept -> the figure is on the Forces page;
cancel leaves nothing. (AppTest cannot drive a file picker: the upload itself is staged with the
same intake function the page calls; tests/browser drives the real picker.)"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.actors import audit_log
from editorial.intake import Details, Upload, rebuild, stage
from tests.conftest import FIXTURES, ROOT

CSV = b"Gender,Count\r\nFemale,30\r\nMale,9\r\nTotal,39\r\n"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(FIXTURES / "sources" / "crosstab_xlsx", raw / "crosstab_xlsx")
    rebuild(raw, tmp_path / "processed")
    monkeypatch.setenv("SCWC_RAW_DIR", str(raw))
    monkeypatch.setenv("SCWC_DATA_DIR", str(tmp_path / "processed"))
    monkeypatch.setenv("SCWC_MODE", "local")  # one person on their own machine: an editor
    return tmp_path


def app(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(page)
    return at


def test_preview_then_accept_puts_the_figure_on_the_forces_page(data: Path) -> None:
    session = stage([Upload("kent.csv", CSV)], Details("Kent", "FOI 9/25", date(2024, 4, 1), date(2025, 3, 31)), data)
    at = app("pages/10_Add_returns.py")
    at.session_state["staged"] = str(session)
    at.run()
    assert not at.exception
    assert "3 figures" in at.subheader[0].value
    cells = next(d.value for d in at.dataframe if "Column" in d.value)  # stage 1: the table as read
    assert list(cells["Where"]) == ["line 2 col B", "line 3 col B", "line 4 col B"]
    assert list(cells["Row"]) == ["Female", "Male", "Total"] and set(cells["Column"]) == {"Count"}
    preview = next(d.value for d in at.dataframe if "Where in the document" in d.value)
    assert list(preview["Where in the document"]) == ["line 2 col B", "line 3 col B", "line 4 col B"]
    at.button(key="accept").click().run()
    assert not at.exception and "Added as source" in at.success[0].value
    forces = app("pages/2_Forces.py")
    forces.query_params["period"] = "2024-04-01_2025-03-31"
    forces.run()
    spec = json.loads(forces.get("plotly_chart")[0].proto.spec)
    has = next(t for t in spec["data"] if t["name"] != "no data")
    z = has["z"]
    if isinstance(z, dict):  # plotly sends numbers as a typed array
        import base64

        import numpy as np

        z = np.frombuffer(base64.b64decode(z["bdata"]), dtype=z["dtype"]).tolist()
    assert dict(zip(has["locations"], z, strict=True))["E23000032"] == 39


def test_cancel_adds_nothing(data: Path) -> None:
    session = stage([Upload("kent.csv", CSV)], Details("Kent", "FOI 9/25", date(2024, 4, 1), date(2025, 3, 31)), data)
    at = app("pages/10_Add_returns.py")
    at.session_state["staged"] = str(session)
    at.run()
    at.button(key="cancel").click().run()
    assert not at.exception
    assert sorted(p.name for p in (data / "raw").iterdir() if p.is_dir()) == ["crosstab_xlsx"]
    assert not session.exists()


def test_round_tracker_reads_its_round_from_the_url(data: Path) -> None:
    at = app("pages/11_Round_tracker.py")
    at.query_params["requested"] = "2025-04-14"
    at.query_params["from"] = "2024-04-01"
    at.query_params["to"] = "2025-03-31"
    at.run()
    assert not at.exception
    assert any("Thursday 15 May 2025" in c.value for c in at.caption)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Answered"] == "1" and metrics["Overdue"] == "42"


class FakeUser(dict):  # type: ignore[type-arg]
    """st.user as Streamlit's OIDC sign-in would give it (no identity provider in tests)."""

    @property
    def is_logged_in(self) -> bool:
        return bool(self.get("email"))


def signed_in(monkeypatch: pytest.MonkeyPatch, email: str | None) -> AppTest:
    import streamlit as st

    monkeypatch.delenv("SCWC_MODE", raising=False)
    monkeypatch.setattr(st, "user", FakeUser(email=email) if email else FakeUser())
    at = app("pages/10_Add_returns.py")
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x", "client_id": "x",
                          "client_secret": "x", "server_metadata_url": "https://idp.example/.well-known/openid-configuration"}
    at.secrets["scwc"] = {"editors": ["editor@example.org"]}
    return at


@pytest.mark.parametrize("email", [None, "someone@example.org"])
def test_a_reader_gets_no_way_to_write(data: Path, monkeypatch: pytest.MonkeyPatch, email: str | None) -> None:
    session = stage([Upload("kent.csv", CSV)], Details("Kent", "FOI 9/25", date(2024, 4, 1), date(2025, 3, 31)), data)
    at = signed_in(monkeypatch, email)
    at.session_state["staged"] = str(session)  # as if a request forged a staged upload into the session
    at.run()
    assert not at.exception
    assert "Sign in as an editor" in at.warning[0].value
    assert not at.get("file_uploader") and not [b for b in at.button if b.key in ("accept", "cancel")]
    assert sorted(p.name for p in (data / "raw").iterdir() if p.is_dir()) == ["crosstab_xlsx"]
    assert not [link for link in at.get("page_link") if "Add_returns" in str(link.proto.page)]


def test_an_editor_signed_in_can_preview_and_accept(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = stage([Upload("kent.csv", CSV)], Details("Kent", "FOI 9/25", date(2024, 4, 1), date(2025, 3, 31)), data)
    at = signed_in(monkeypatch, "Editor@Example.org")
    at.session_state["staged"] = str(session)
    at.run()
    assert not at.exception and not at.warning
    at.button(key="accept").click().run()
    assert not at.exception and "Added as source" in at.success[0].value
    log = audit_log(data / "raw")
    assert list(log["action"]) == ["accepted"] and list(log["by"]) == ["Editor@Example.org"]


def test_read_only_without_sign_in_configured(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCWC_MODE", raising=False)
    at = app("pages/10_Add_returns.py")
    at.run()
    assert not at.exception and "Sign in as an editor" in at.warning[0].value
    assert not [b for b in at.button if b.key == "add_login"], "no sign-in button where no provider is configured"
