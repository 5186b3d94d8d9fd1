"""The only cached reads of the app."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

import pandas as pd
import streamlit as st

from dashboard import data, queries

P = ParamSpec("P")
T = TypeVar("T")


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


@st.cache_resource(show_spinner=False)
def small_areas() -> dict[str, tuple[float, float]]:
    """Force areas too small to pick on a map of England and Wales (City of London, 3 km2, under the
    Met), each with the middle of its boundary (lat, lon): the map marks them with a point of their own."""
    import json

    from shapely.geometry import shape

    with open(data.BOUNDARIES_FILE, encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    shapes = {f["properties"]["pfa_code"]: shape(f["geometry"]) for f in features}
    median = sorted(s.area for s in shapes.values())[len(shapes) // 2]
    return {code: (s.centroid.y, s.centroid.x) for code, s in shapes.items() if s.area < median / 100}


def areas() -> pd.DataFrame:
    return _reference("areas").copy(deep=False)


def forces() -> pd.DataFrame:
    return _reference("forces").copy(deep=False)


def needs_review() -> pd.DataFrame:
    return queries.needs_review(figures())


def rounds() -> pd.DataFrame:
    """The recorded FOI rounds: a few lines, read on each run (an editor may add one at any time)."""
    return data.read_rounds()


def groups() -> pd.DataFrame:
    return _reference("groups").copy(deep=False)


def population() -> pd.DataFrame:
    return _reference("population").copy(deep=False)


def _per_table(fn: Callable[Concatenate[pd.DataFrame, P], T]) -> Callable[P, T]:
    """`fn(table, *args)` as `fn(*args)` over the current table, computed once per table version
    and arguments and shared by every session: what a page derives from the whole table (a
    coverage grid, the releases, a filtered view) stays as quick at 100x the table as at 1x
    (make bench-app). Arguments must be hashable; results are shared, so never changed in place."""
    signature = inspect.signature(fn)

    # wraps: Streamlit tells cached functions apart by name and source, here fn's own. At most 32
    # results each: a view of the whole table is the largest, most are one area's or one period's.
    @st.cache_resource(show_spinner=False, max_entries=32)
    @functools.wraps(fn)
    def cached(folder: str, stamp: str, *args: Any) -> T:
        return cast(Callable[..., T], fn)(_figures(folder, stamp), *args)

    cached_call = cast(Callable[..., T], cached)

    @functools.wraps(fn)
    def current(*args: P.args, **kwargs: P.kwargs) -> T:
        bound = signature.bind(None, *args, **kwargs)
        bound.apply_defaults()  # view("scwc") and view("scwc", "all", "all") are one entry
        folder, stamp = data.current_table()
        out = cached_call(str(folder), stamp, *bound.args[1:])
        # a page's own frame or row over the shared data (copied on write); mappings are read-only
        return cast(T, out.copy(deep=False)) if isinstance(out, pd.DataFrame | pd.Series) else out

    return current


@_per_table
def view(df: pd.DataFrame, offence: str, area: str = queries.ALL, period: str = queries.ALL) -> pd.DataFrame:
    return queries.view_rows(df, offence, area, period)


@_per_table
def releases(df: pd.DataFrame, offence: str = queries.ALL, area: str = queries.ALL, period: str = queries.ALL) -> pd.DataFrame:
    return queries.releases_of(queries.view_rows(df, offence, area, period))


@_per_table
def period_choices(df: pd.DataFrame, offence: str, area: str = queries.ALL) -> Mapping[str, str]:
    return MappingProxyType(queries.period_choices(queries.view_rows(df, offence, area)))


@_per_table
def headline_row(df: pd.DataFrame, offence: str, area: str = queries.ALL, period: str = queries.ALL) -> pd.Series | None:
    return queries.headline_sentence(queries.view_rows(df, offence, area, period))


@_per_table
def coverage(df: pd.DataFrame, offence: str) -> pd.DataFrame:
    return queries.coverage(df, forces(), offence)


@_per_table
def revisions(df: pd.DataFrame, offence: str) -> pd.DataFrame:
    return queries.revisions(queries.view_rows(df, offence))


@_per_table
def documents(df: pd.DataFrame) -> pd.DataFrame:
    return queries.documents(df)


@_per_table
def offences(df: pd.DataFrame) -> frozenset[str]:
    return frozenset(df["offence"].unique())


@_per_table
def area_names(df: pd.DataFrame) -> Mapping[str, str]:
    return MappingProxyType(queries.area_names(df, areas()))


@_per_table
def areas_with_figures(df: pd.DataFrame, offence: str) -> frozenset[str]:
    return frozenset(queries.view_rows(df, offence)["area_code"].unique())


@_per_table
def document_count(df: pd.DataFrame, offence: str, area: str = queries.ALL, period: str = queries.ALL) -> int:
    return int(queries.view_rows(df, offence, area, period)["source_id"].nunique())


@_per_table
def yearly_totals(df: pd.DataFrame, offence: str, area: str) -> pd.DataFrame:
    """An area's reported totals by financial year, each figure once (its latest publication)."""
    shown = queries.shown(queries.view_rows(df, offence, area))
    return queries.yearly(shown[(shown["breakdown"] == "total") & (shown["status"] == "reported")])
