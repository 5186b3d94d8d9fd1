"""The only cached reads of the app."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data, queries


# Keyed on the folder and its files' stamp: a table rebuilt outside the app (make ingest, an
# accept in another session) is read again at the next rerun, and only the newest two stay cached.
@st.cache_data(show_spinner=False, max_entries=2)
def _figures(folder: str, stamp: str) -> pd.DataFrame:
    return queries.add_periods(data.read_figures(data.Path(folder)))  # period columns once, vectorised


@st.cache_data(show_spinner=False, max_entries=2)
def _issues(folder: str, stamp: str) -> pd.DataFrame:
    return data.read_issues(data.Path(folder))


def figures() -> pd.DataFrame:
    folder, stamp = data.current_table()
    return _figures(str(folder), stamp)


def issues() -> pd.DataFrame:
    folder, stamp = data.current_table()
    return _issues(str(folder), stamp)


@st.cache_data(show_spinner=False)
def areas() -> pd.DataFrame:
    return data.read_areas()


@st.cache_data(show_spinner=False)
def forces() -> pd.DataFrame:
    return data.read_forces_ew()


@st.cache_data(show_spinner=False)
def groups() -> pd.DataFrame:
    return data.read_groups()


@st.cache_data(show_spinner=False)
def population() -> pd.DataFrame:
    return data.read_population()


@st.cache_resource(show_spinner=False)
def geojson() -> dict[str, Any]:
    return data.read_geojson()


