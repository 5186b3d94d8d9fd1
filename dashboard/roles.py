"""Who may do what: readers see every page that shows figures, the exports and the request
kit; editors also add and withdraw returns. Never imports streamlit (tests call it directly).

How a deployment is set (the README's *Deploying* section):
- `SCWC_MODE=local`: one person on their own machine (`make edit`): that person is an editor.
  An explicit setting, never the default.
- otherwise, with Streamlit's authentication configured (an `[auth]` section in
  `.streamlit/secrets.toml`): signed-in users whose e-mail is in the editors list
  (`[scwc] editors = [...]` in secrets.toml, or `SCWC_EDITORS=a@x,b@y`) are editors;
  everyone else, signed in or not, is a reader;
- with no authentication configured: everyone is a reader (read-only, the public default).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.actors import EDITOR, READER  # noqa: E402,F401  (one definition of the roles)


@dataclass(frozen=True)
class Deployment:
    mode: str  # local | login | read_only
    editors: frozenset[str]

    @property
    def can_sign_in(self) -> bool:
        return self.mode == "login"


def _get(mapping: Any, key: str) -> Any:
    try:
        return mapping[key] if mapping is not None and key in mapping else None
    except Exception:  # st.secrets raises when no secrets file exists
        return None


def deployment(env: Mapping[str, str], secrets: Any) -> Deployment:
    """The deployment's mode and editors, from the environment and Streamlit's secrets."""
    editors = {e.strip().lower() for e in env.get("SCWC_EDITORS", "").split(",") if e.strip()}
    section = _get(secrets, "scwc")
    listed = _get(section, "editors") if section is not None else None
    if isinstance(listed, (list, tuple)):
        editors |= {str(e).strip().lower() for e in listed if str(e).strip()}
    if env.get("SCWC_MODE", "").strip().lower() == "local":
        return Deployment("local", frozenset(editors))
    auth = _get(secrets, "auth")
    return Deployment("login" if auth else "read_only", frozenset(editors))


def role_for(dep: Deployment, logged_in: bool, email: str | None) -> str:
    if dep.mode == "local":
        return EDITOR
    if dep.mode == "login" and logged_in and email and email.strip().lower() in dep.editors:
        return EDITOR
    return READER

