"""`make bench-app`: for each page, server-side render time cold (caches cleared) and warm,
and the process's memory, on the real data. Rendering is measured with Streamlit's AppTest,
which runs the page script as the server does, without a browser."""

from __future__ import annotations

import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import logging  # noqa: E402

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

PAGES = ["app.py"] + sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))


def render(page: str) -> float:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if page != "app.py":
        at.switch_page(page)
    t = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - t
    if at.exception:
        raise SystemExit(f"{page}: {at.exception[0].value}")
    return elapsed


def main() -> None:
    for name in ("streamlit", "streamlit.runtime"):
        logging.getLogger(name).setLevel(logging.ERROR)
    render("app.py")  # imports (streamlit, pandas, plotly) are paid once per server, not per page
    print(f"{'page':<36} {'cold s':>7} {'warm s':>7} {'RSS MB':>7}")
    for page in PAGES:
        st.cache_data.clear()
        st.cache_resource.clear()
        cold = render(page)
        warm = statistics.median(render(page) for _ in range(3))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        flag = "" if cold <= 1.0 and warm <= 0.3 else "  over target"
        print(f"{page:<36} {cold:>7.2f} {warm:>7.2f} {rss:>7.0f}{flag}")
    print("targets: warm <= 0.3 s, cold <= 1 s, memory <= 250 MB (peak RSS of this process)")


if __name__ == "__main__":
    main()
