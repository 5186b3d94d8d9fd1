"""Read the processed table and the reference data from disk. No streamlit here: the
cached wrappers live in dashboard/loaders.py.

`SCWC_DATA_DIR` points the app at another processed folder (tests use it for an empty and a
one-force table).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from core.outdir import current_dir
from core.schema import coerce_figures, empty_figures

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "data" / "reference"
# The maps' boundaries, served as a static file (server.enableStaticServing): the browser fetches
# them once and keeps them, and a map's figure carries only this address, relative to the page
# (so it holds behind a base URL path), instead of 190 kB of coordinates copied and sent on every
# rerun. Written from data/reference/pfa.geojson by tools/boundaries.py.
BOUNDARIES_FILE = ROOT / "static" / "force_areas.geojson"
BOUNDARIES_URL = "app/static/force_areas.geojson"


def data_dir() -> Path:
    return Path(os.environ.get("SCWC_DATA_DIR") or ROOT / "data" / "processed")


def current_table() -> tuple[Path, str]:
    """The folder holding the last whole output set, and a stamp that changes when it is rebuilt."""
    folder = current_dir(data_dir())
    try:
        st = (folder / "figures.parquet").stat()
        stamp = f"{st.st_mtime_ns}-{st.st_size}-{st.st_ino}"
    except OSError:
        stamp = "missing"
    return folder, stamp


def raw_dir() -> Path:
    """Where accepted returns go (`SCWC_RAW_DIR`, default data/raw)."""
    return Path(os.environ.get("SCWC_RAW_DIR") or ROOT / "data" / "raw")


def read_figures(folder: Path | None = None) -> pd.DataFrame:
    path = (folder or data_dir()) / "figures.parquet"
    if not path.exists():
        return empty_figures()
    import pyarrow as pa

    # Memory of every server process (make bench-app): Arrow's own allocator (mimalloc) reserves
    # arenas per thread, about 8 MB more than the system allocator for a table this size.
    if pa.default_memory_pool().backend_name != "system":
        pa.set_memory_pool(pa.system_memory_pool())
    return coerce_figures(_read_parquet_file(path).to_pandas())


def _read_parquet_file(path: Path) -> Any:
    """One local Parquet file as an Arrow table. `pyarrow.parquet` imports every remote filesystem
    Arrow has (S3, GCS, HDFS, Azure: 9 MB of each server's memory, make bench-app) though a local
    file needs none of them; its reader class, which `pyarrow.parquet.ParquetFile` wraps, does not.
    If a pyarrow release moves that class, the public module reads the file all the same."""
    try:
        from pyarrow._parquet import ParquetReader
    except ImportError:  # pragma: no cover - depends on the pyarrow release
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).read()
    reader = ParquetReader()
    reader.open(str(path))
    return reader.read_all()


def read_issues(folder: Path | None = None) -> pd.DataFrame:
    path = (folder or data_dir()) / "issues.csv"
    if not path.exists():
        return pd.DataFrame(columns=["source_id", "source_file", "location", "issue_type", "severity", "responsibility", "value", "message"])
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def read_areas() -> pd.DataFrame:
    areas = pd.read_csv(REFERENCE / "areas.csv", dtype=str, keep_default_na=False)
    names = areas.set_index("area_code")["area_name"]
    areas["region_name"] = areas["region_code"].map(names).fillna("")
    return areas


def read_forces_ew() -> pd.DataFrame:
    a = read_areas()
    return a[(a["area_type"] == "force") & a["area_code"].str.match(r"^[EW]23|^W15")].reset_index(drop=True)


ROUNDS_FILE = ROOT / "data" / "rounds.csv"


def read_rounds(path: Path | None = None) -> pd.DataFrame:
    """The FOI rounds recorded (data/rounds.csv: requested, period_start, period_end, title), oldest
    first, dates as dates. A line that is not whole is skipped: the tracker never shows a made-up round."""
    path = path or Path(os.environ.get("SCWC_ROUNDS") or ROUNDS_FILE)
    cols = ["requested", "period_start", "period_end", "title"]
    if not path.exists():
        return pd.DataFrame(columns=cols)
    df = pd.read_csv(path, dtype=str, keep_default_na=False).reindex(columns=cols, fill_value="")
    for c in cols[:3]:
        df[c] = pd.to_datetime(df[c], format="%Y-%m-%d", errors="coerce").dt.date
    df = df.dropna(subset=cols[:3])
    df["title"] = [t or f"Request of {r:%d %b %Y}, period {a:%d %b %Y} to {b:%d %b %Y}"
                   for t, r, a, b in zip(df["title"], df["requested"], df["period_start"], df["period_end"], strict=True)]
    return df.sort_values("requested", kind="stable").reset_index(drop=True)


def read_groups() -> pd.DataFrame:
    return pd.read_csv(REFERENCE / "area_groups.csv", dtype=str, keep_default_na=False)


def read_population() -> pd.DataFrame:
    p = pd.read_csv(REFERENCE / "population_mid2018.csv", dtype=str, keep_default_na=False)
    p = p[p["code"] != ""].rename(columns={"code": "area_code"})
    p["population"] = pd.to_numeric(p["population_mid2018_all_ages"], errors="coerce")
    return p[["area_code", "name", "level", "population"]]


def read_geojson(places: int = 3) -> dict[str, Any]:
    """The force areas' boundaries as the maps draw them (tools/boundaries.py writes them to
    BOUNDARIES_FILE): coordinates rounded to `places` decimals (about 100 m: the maps are drawn at
    country scale, and a smaller file reaches a phone sooner), rounded as parsed, so the unrounded
    coordinates never exist beside them; only each area's code and name kept."""
    geo = json.loads((REFERENCE / "pfa.geojson").read_text(encoding="utf-8"), parse_float=lambda s: round(float(s), places))
    for f in geo["features"]:
        f["properties"] = {"pfa_code": f["properties"].get("pfa_code") or f["properties"].get("PFA20CD"),
                           "name": f["properties"].get("name") or f["properties"].get("PFA20NM", "")}
    return geo


ATTRIBUTION = (
    "Boundaries and population: Source: Office for National Statistics licensed under the Open Government Licence v.3.0. "
    "Contains OS data © Crown copyright and database right 2020."
)
