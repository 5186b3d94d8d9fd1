"""dashboard.data reads the processed table as pandas would, without Arrow's remote filesystems."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from core.schema import coerce_figures
from dashboard.data import read_figures, read_forces_ew

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_table_reads_as_pandas_reads_it() -> None:
    folder = ROOT / "data" / "processed"
    pd.testing.assert_frame_equal(read_figures(folder), coerce_figures(pd.read_parquet(folder / "figures.parquet")))


def test_a_file_of_many_row_groups_reads_whole(tmp_path: Path) -> None:
    df = pd.read_parquet(ROOT / "data" / "processed" / "figures.parquet")
    pq.write_table(pa.Table.from_pandas(pd.concat([df] * 5, ignore_index=True), preserve_index=False),
                   tmp_path / "figures.parquet", row_group_size=97)
    got = read_figures(tmp_path)
    assert len(got) == 5 * len(df)
    pd.testing.assert_frame_equal(got, coerce_figures(pd.read_parquet(tmp_path / "figures.parquet")))


def test_reading_the_table_loads_no_remote_filesystem() -> None:
    code = ("import sys; from dashboard.data import read_figures; read_figures(); "
            "print(sorted(m for m in sys.modules if m in ('pyarrow.fs', 'pyarrow._s3fs', 'pyarrow.parquet')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_served_boundaries_are_the_reference_as_the_maps_draw_it() -> None:
    """static/force_areas.geojson is written by tools/boundaries.py: rerun it after changing the reference."""
    from dashboard.data import BOUNDARIES_FILE, read_geojson

    served = json.loads(BOUNDARIES_FILE.read_text(encoding="utf-8"))
    assert served == read_geojson(), "static/force_areas.geojson is out of date: run python tools/boundaries.py"
    assert {f["properties"]["pfa_code"] for f in served["features"]} >= set(read_forces_ew()["area_code"])


def test_the_maps_address_the_served_file() -> None:
    import tomllib

    from dashboard.data import BOUNDARIES_FILE, BOUNDARIES_URL

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableStaticServing"] is True
    assert f"app/static/{BOUNDARIES_FILE.name}" == BOUNDARIES_URL and BOUNDARIES_FILE.parent == ROOT / "static"
