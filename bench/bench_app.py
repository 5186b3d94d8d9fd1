"""`make bench-app`: how fast and how big the dashboard is, measured, not asserted.

1. Cold start, whole process: a fresh interpreter that imports everything and renders one page
   through Streamlit's AppTest (the page script as the server runs it, no browser), timed from
   process start to exit, with the process's peak memory and its own (private) memory once the
   page is drawn; bytecode cached, as a server's is. Beside it, in the same run and with the
   same interpreter and packages: a minimal Streamlit page (pandas + one plotly chart + one table),
   the floor any such app pays here; and, given `--peer DIR` (make bench-app PEER=DIR), a typical
   Streamlit crime dashboard, elliottkte/uk-crime-analysis, checked out at DIR (its imports
   installed in .venv: `pip install joblib`). Target: every page under the peer's time and memory.
   Compare figures of one run only: much of a process's peak memory is the shared libraries'
   pages it maps (pyarrow alone 30-45 MiB), and how many a library maps depends on how the
   machine's page cache holds the installed files. The same floor page measured 154 MiB in one
   session and 190 MiB in another, and 153 and 174 MiB from two identical venvs in one run.
2. Every page at 1x and with the table replicated 100x: warm rerun time (median of 5) in a fresh
   process per scale. Target: every page at 100x within 2x of its 1x warm time.
3. Memory over sessions: 40 sessions of Forces in one process; resident memory after the 5th
   and the 40th. Target: flat (the cache holds at most two versions of the table).
4. Cold load in a browser (Debian's chromium): each page's address opened in a new browser context
   against a running server, timed to its first chart drawn. Target: under 3 s a page (issue 20).
   `python bench/bench_app.py --browser-only` runs this part alone.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["app.py"] + sorted((p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py")),
                            key=lambda p: int(Path(p).stem.split("_")[0]))
PEER_ISSUE = (1.5, 159.0)  # seconds, MiB: elliottkte/uk-crime-analysis as issue 13 measured it, on another machine
FLOOR_PAGE = '''import pandas as pd, plotly.graph_objects as go, streamlit as st
st.title("floor")
df = pd.DataFrame({"year": ["2017/18", "2018/19"], "n": [3217, 4373]})
st.plotly_chart(go.Figure(go.Scatter(x=df["year"], y=df["n"])))
st.dataframe(df)
'''
# run inside a child process: render one page cold and exit (argv: script, page)
COLD_CHILD = '''import logging, sys
logging.disable(logging.WARNING)
from streamlit.testing.v1 import AppTest
script, page = sys.argv[1], sys.argv[2]
at = AppTest.from_file(script, default_timeout=300)
if page != "-":
    at.switch_page(page)
at.run()
if at.exception:
    raise SystemExit(f"{page}: {at.exception[0].value}")
# the process's own memory once the page is drawn (not the shared libraries' pages)
status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
print(int(status["RssAnon"].split()[0]) / 1024)
'''
# warm reruns of every page in one process (argv: pages as JSON); prints JSON {page: [cold, warm]}
WARM_CHILD = '''import json, logging, statistics, sys, time
logging.disable(logging.WARNING)
from streamlit.testing.v1 import AppTest
out = {}
for page in json.loads(sys.argv[1]):
    at = AppTest.from_file(sys.argv[2], default_timeout=300)
    if page != "app.py":
        at.switch_page(page)
    t = time.perf_counter(); at.run(); cold = time.perf_counter() - t
    if at.exception:
        raise SystemExit(f"{page}: {at.exception[0].value}")
    warm = []
    for _ in range(5):
        t = time.perf_counter(); at.run(); warm.append(time.perf_counter() - t)
    out[page] = [cold, statistics.median(warm)]
print(json.dumps(out))
'''
# 40 sessions of one page; prints resident MiB after the 5th and the 40th
SESSIONS_CHILD = '''import logging, os, sys
logging.disable(logging.WARNING)
from streamlit.testing.v1 import AppTest
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
marks = {}
for i in range(1, 41):
    at = AppTest.from_file(sys.argv[1], default_timeout=300)
    if sys.argv[2] != "-":
        at.switch_page(sys.argv[2])
    at.run()
    if i in (5, 40):
        marks[i] = rss()
print(marks[5], marks[40])
'''


def run_child(code: str, args: list[str], env: dict[str, str] | None = None) -> str:
    """Run a measuring script in a fresh interpreter; its standard output."""
    proc = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    if proc.returncode != 0:
        raise SystemExit(f"measurement failed: {proc.stderr.strip()[-500:]}")
    return proc.stdout


def _server_env(extra: dict[str, str] | None) -> dict[str, str]:
    """A process's environment as a server's: bytecode cached (some shells set
    PYTHONDONTWRITEBYTECODE, which makes every start compile every module of the app again)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **(extra or {})}


def _cold_once(script: str, page: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> tuple[float, float, float]:
    """One whole-process render: (seconds, peak MiB, private MiB at the end)."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", COLD_CHILD, script, page], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=_server_env(env))
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t
    if status != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{page}: cold render failed: {err[-300:] or status}")
    private = float(proc.stdout.read().decode().split()[-1]) if proc.stdout else float("nan")
    return elapsed, usage.ru_maxrss / 1024, private


Cold = tuple[float, float, float]  # seconds, peak MiB, private MiB: medians


def _medians(runs: list[tuple[float, float, float]]) -> Cold:
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            statistics.median(r[2] for r in runs))


def cold(script: str, page: str, env: dict[str, str] | None = None, cwd: Path = ROOT, runs: int = 5) -> Cold:
    """Whole-process cold render, the medians of `runs` runs after one untimed run (which writes
    the bytecode a server keeps between starts)."""
    _cold_once(script, page, env, cwd=cwd)
    return _medians([_cold_once(script, page, env, cwd=cwd) for _ in range(runs)])


def cold_beside(script: str, page: str, other: tuple[str, Path], runs: int = 5) -> tuple[Cold, Cold]:
    """A page and another app (script, folder) rendered in turn, `runs` times each: the medians of
    both, from the same minutes (this machine's speed drifts by a third from one minute to the next)."""
    _cold_once(script, page)
    _cold_once(other[0], "-", cwd=other[1])
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(_cold_once(script, page))
        theirs.append(_cold_once(other[0], "-", cwd=other[1]))
    return _medians(mine), _medians(theirs)


def replicate(times: int, into: Path) -> Path:
    """The processed table replicated `times` over (each copy its own source), in a scratch folder."""
    import pandas as pd

    src = ROOT / "data" / "processed"
    df = pd.read_parquet(src / "figures.parquet")
    copies = [df.assign(source_id=df["source_id"] + f"-x{i}") for i in range(times)]
    out = into / f"processed-{times}x"
    out.mkdir(parents=True)
    pd.concat(copies, ignore_index=True).to_parquet(out / "figures.parquet", index=False)
    for name in ("issues.csv", "datapackage.json"):
        (out / name).write_bytes((src / name).read_bytes())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--peer", type=Path, help="a checkout of elliottkte/uk-crime-analysis, measured in the same run")
    args = parser.parse_args()
    app = str(ROOT / "app.py")
    print("1. Cold start, whole process (interpreter start to exit; median of 5)")
    with tempfile.TemporaryDirectory() as tmp:
        floor_page = Path(tmp) / "floor.py"
        floor_page.write_text(FLOOR_PAGE, encoding="utf-8")
        floor = cold(str(floor_page), "-")
        print(f"   {'page':<34} {'seconds':>8} {'peak MiB':>9} {'own MiB':>8}")
        print(f"   {'(floor: minimal Streamlit page)':<34} {floor[0]:>8.2f} {floor[1]:>9.0f} {floor[2]:>8.0f}")
        peer_dir = args.peer.resolve() if args.peer else None
        if peer_dir:
            print(f"   {'':<34} {'':>8} {'':>9} {'':>8}   peer, run in turn: seconds, peak, own")
        slower, bigger = [], []
        for page in PAGES:
            name = page if page != "app.py" else "-"
            if peer_dir:
                mine, peer = cold_beside(app, name, (str(peer_dir / "app.py"), peer_dir))  # it reads data/ from its folder
            else:
                mine, peer = cold(app, name), (PEER_ISSUE[0], PEER_ISSUE[1], float("nan"))
            if mine[0] >= peer[0]:
                slower.append(page)
            if mine[2] >= peer[2] or (not peer_dir and mine[1] >= peer[1]):
                bigger.append(page)
            beside = f"   {peer[0]:>8.2f} {peer[1]:>6.0f} {peer[2]:>6.0f}" if peer_dir else ""
            print(f"   {page:<34} {mine[0]:>8.2f} {mine[1]:>9.0f} {mine[2]:>8.0f}{beside}")
        if not peer_dir:
            print(f"   peer: as issue 13 measured it on another machine, {PEER_ISSUE[0]} s and {PEER_ISSUE[1]:.0f} MiB peak (not comparable: pass --peer)")
        print("   own MiB: the process's private memory once the page is drawn. Peak MiB adds the shared libraries' pages it mapped,")
        print("   which vary with the page cache by 10 MiB from one run to the next for the same page; the target is judged on own memory.")
        print(f"   target, time: under the peer on {len(PAGES) - len(slower)} of {len(PAGES)} pages{' (not: ' + ', '.join(slower) + ')' if slower else ''}")
        print(f"   target, memory: under the peer on {len(PAGES) - len(bigger)} of {len(PAGES)} pages{' (not: ' + ', '.join(bigger) + ')' if bigger else ''}")

        print("\n2. Warm rerun per page, 1x and 100x table (median of 5 reruns; fresh process per scale)")
        big = replicate(100, Path(tmp))
        results = {}
        for label, env in (("1x", {}), ("100x", {"SCWC_DATA_DIR": str(big)})):
            out = run_child(WARM_CHILD, [json.dumps(PAGES), app], env)
            results[label] = json.loads(out.strip().splitlines()[-1])
        print(f"   {'page':<34} {'1x s':>7} {'100x s':>7} {'ratio':>6}")
        over = []
        for page in PAGES:
            one, hundred = results["1x"][page][1], results["100x"][page][1]
            ratio = hundred / one if one else float("inf")
            if ratio > 2:
                over.append(page)
            print(f"   {page:<34} {one:>7.3f} {hundred:>7.3f} {ratio:>6.1f}{'  over 2x' if ratio > 2 else ''}")
        print(f"   target: every page at 100x within 2x of 1x: {'met' if not over else 'NOT met: ' + ', '.join(over)}")

    print("\n3. Memory over 40 sessions of Forces (one process)")
    out = run_child(SESSIONS_CHILD, [app, "pages/2_Forces.py"])
    after5, after40 = (float(x) for x in out.split())
    print(f"   resident after session 5: {after5:.0f} MiB; after session 40: {after40:.0f} MiB; growth {after40 - after5:+.0f} MiB")
    if args.peer:
        peer_dir = args.peer.resolve()
        out = subprocess.run([sys.executable, "-c", SESSIONS_CHILD, str(peer_dir / "app.py"), "-"], cwd=peer_dir, capture_output=True,
                             text=True, env=_server_env(None), check=True).stdout
        p5, p40 = (float(x) for x in out.split())
        print(f"   the peer, 40 sessions of its home page: {p5:.0f} MiB after the 5th, {p40:.0f} MiB after the 40th; growth {p40 - p5:+.0f} MiB")
    browser_load()


def browser_load(target: float = 3.0) -> None:
    """4. Each page opened in a new browser (no cache, a new session) against a running server: the
    time from asking for the address to its first chart drawn (or, on a page without charts, its
    first table or form)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from tools.app_server import CHROMIUM, CHROMIUM_ARGS, streamlit_server

    first = "[data-testid=stPlotlyChart] .js-plotly-plot .main-svg, [data-testid=stDataFrame] canvas"
    # pages for editors and the request kit have no chart: their first control drawn
    controls = ("[data-testid=stFileUploader], [data-testid=stDownloadButton], [data-testid=stSelectbox], "
                "[data-testid=stAlertContainer]")
    no_chart = {"pages/10_Add_returns.py", "pages/12_Request_kit.py", "pages/13_Review_desk.py"}
    print("\n4. Cold load in a browser: address to first chart (or table) drawn, a new browser context per page")
    if not Path(CHROMIUM).exists():
        print(f"   skipped: no browser at {CHROMIUM} (apt-get install chromium)")
        return
    slow = []
    with streamlit_server({"SCWC_MODE": "local"}) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        warm = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()  # the server's first run reads the table: not a reader's wait
        warm.goto(url)
        warm.wait_for_selector(first, timeout=120_000)
        print(f"   {'page':<34} {'seconds':>8}")
        for page in PAGES:
            path = "" if page == "app.py" else Path(page).stem.split("_", 1)[1]
            times = []
            for _ in range(3):
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                tab = context.new_page()
                t0 = time.perf_counter()
                tab.goto(f"{url}/{path}")
                tab.wait_for_selector(controls if page in no_chart else first, timeout=60_000)
                times.append(time.perf_counter() - t0)
                context.close()
            t = statistics.median(times)
            if t >= target:
                slow.append(page)
            print(f"   {page:<34} {t:>8.2f}")
        browser.close()
    print(f"   target: under {target:.0f} s a page: {'met' if not slow else 'NOT met: ' + ', '.join(slow)} (median of 3)")


if __name__ == "__main__":
    if "--browser-only" in sys.argv:
        browser_load()
    else:
        main()
