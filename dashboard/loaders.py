"""The only cached reads of the app."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data


@st.cache_data(show_spinner=False)
def figures(folder: str) -> pd.DataFrame:
    return data.read_figures(data.Path(folder))


@st.cache_data(show_spinner=False)
def issues(folder: str) -> pd.DataFrame:
    return data.read_issues(data.Path(folder))


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


def current_folder() -> str:
    return str(data.data_dir())
