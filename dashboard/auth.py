"""The signed-in user's role, checked on the server on every run (pages and writes ask here;
editorial/intake.py checks the role again before any write)."""

from __future__ import annotations

import os

import streamlit as st

from core.actors import Actor
from dashboard.roles import EDITOR, Deployment, deployment, role_for


def settings() -> Deployment:
    return deployment(os.environ, st.secrets)


def actor() -> Actor:
    dep = settings()
    if dep.mode == "local":
        return Actor("local user", EDITOR)
    logged_in = False
    email = None
    if dep.mode == "login":
        try:
            logged_in = bool(st.user.is_logged_in)
            value = st.user.get("email") if logged_in else None
            email = value if isinstance(value, str) else None
        except Exception:  # auth misconfigured: nobody is an editor
            logged_in = False
    return Actor(str(email or "anonymous"), role_for(dep, logged_in, email))


def is_editor() -> bool:
    return actor().is_editor


def sign_in_box() -> None:
    """In the sidebar: who is signed in, and the sign-in or sign-out button where there is one."""
    dep = settings()
    who = actor()
    with st.sidebar:
        if dep.mode == "local":
            st.caption("Local single-user mode: you can add returns.")
        elif dep.mode == "login":
            if who.email != "anonymous":
                st.caption(f"Signed in ({'editor' if who.is_editor else 'reader'})")
                if st.button("Sign out", key="auth_logout"):
                    st.logout()
            elif st.button("Sign in (editors)", key="auth_login"):
                st.login()
