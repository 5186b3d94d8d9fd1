"""Write static/force_areas.geojson, the force boundaries the dashboard's maps draw, from
data/reference/pfa.geojson (coordinates rounded to about 100 m, only the code and name kept).

The browser fetches it once from Streamlit's static file serving and keeps it; the figures of a
map carry only its address. Run after changing the reference; tests/dashboard/test_data.py fails
while the two differ."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.data import BOUNDARIES_FILE, read_geojson  # noqa: E402


def boundaries_text() -> str:
    return json.dumps(read_geojson(), ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> None:
    BOUNDARIES_FILE.parent.mkdir(exist_ok=True)
    tmp = BOUNDARIES_FILE.with_suffix(".tmp")
    tmp.write_text(boundaries_text(), encoding="utf-8")
    tmp.replace(BOUNDARIES_FILE)
    print(f"wrote {BOUNDARIES_FILE.relative_to(BOUNDARIES_FILE.parent.parent)} ({BOUNDARIES_FILE.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
