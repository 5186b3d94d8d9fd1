"""Who asks for a write. Light on purpose: the dashboard asks for the user's role on every page
without loading the intake (and its spreadsheet libraries)."""

from __future__ import annotations

from dataclasses import dataclass

READER = "reader"
EDITOR = "editor"


@dataclass(frozen=True)
class Actor:
    """Who asks for a write: `email` as the identity provider gives it; `role` reader or editor."""

    email: str
    role: str

    @property
    def is_editor(self) -> bool:
        return self.role == EDITOR
