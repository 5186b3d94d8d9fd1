"""The only cached reads of the app."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data, queries


# Keyed on the folder and its files' stamp: a table rebuilt outside the app (make ingest, an
# accept in another session) is read again at the next rerun, and only the newest two stay cached.
# A resource, not data: st.cache_data hands every rerun its own unpickled copy, which at 100x the
# table cost 60 ms a rerun on every page (make bench-app). Shared safely: pandas copies on write,
# so no page can change the cached frame by filtering or assigning to what it derived from it.
@st.cache_resource(show_spinner=False, max_entries=2)
def _figures(folder: str, stamp: str) -> pd.DataFrame:
    # period columns and which row shows each figure: once per table, vectorised
    return queries.mark_latest(queries.add_periods(data.read_figures(data.Path(folder))))


@st.cache_resource(show_spinner=False, max_entries=2)
def _issues(folder: str, stamp: str) -> pd.DataFrame:
    return data.read_issues(data.Path(folder))


def figures() -> pd.DataFrame:
    folder, stamp = data.current_table()
    return _figures(str(folder), stamp).copy(deep=False)  # a page's own frame over shared data (copied on write)


def issues() -> pd.DataFrame:
    folder, stamp = data.current_table()
    return _issues(str(folder), stamp).copy(deep=False)


@st.cache_resource(show_spinner=False)
def _reference(name: str) -> pd.DataFrame:
    return {"areas": data.read_areas, "forces": data.read_forces_ew, "groups": data.read_groups,
            "population": data.read_population}[name]()


def areas() -> pd.DataFrame:
    return _reference("areas").copy(deep=False)


def forces() -> pd.DataFrame:
    return _reference("forces").copy(deep=False)


def groups() -> pd.DataFrame:
    return _reference("groups").copy(deep=False)


def population() -> pd.DataFrame:
    return _reference("population").copy(deep=False)


@st.cache_resource(show_spinner=False)
def geojson() -> dict[str, Any]:
    return data.read_geojson()


