"""How many visitors one Streamlit process serves, on one core (issue 21): `make bench-sessions`.

Streamlit keeps one session per visitor and runs the page's script for each of them on every
click. The server is started on one core (`taskset -c 0`) and driven by headless websocket clients
speaking Streamlit's own protocol (no browsers, so the load measured is the server's): each client
opens a session and loads pages one after another (Home, Forces, Regions, a force's profile, Data
and export), as fast as the server answers. For each number of clients: page runs a second, the
median and 95th-percentile time from request to the script's end, and the server's memory.

Capacity follows by Little's law: a reader who clicks every THINK seconds adds 1/THINK runs a
second, so a core serves about (runs a second) x THINK readers while the 95th percentile stays
under the 3 s the dashboard aims for.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import websockets  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from tools.app_server import streamlit_server  # noqa: E402

PAGES = [("", ""), ("Forces", ""), ("Regions", ""), ("Force_profile", "force=E23000032"), ("Data_and_export", "")]
CLIENTS = (1, 4, 8, 16, 32)
SECONDS = 12.0  # each level runs this long
THINK = 20.0  # seconds between a reader's clicks (Little's law)
TARGET = 3.0  # seconds to the end of a page's run, at the 95th percentile


async def _run(ws: websockets.ClientConnection, page: str, query: str) -> float:
    msg = BackMsg()
    msg.rerun_script.page_name = page
    msg.rerun_script.query_string = query
    t0 = time.perf_counter()
    await ws.send(msg.SerializeToString())
    while True:
        fm = ForwardMsg()
        fm.ParseFromString(await asyncio.wait_for(ws.recv(), 120))
        if fm.WhichOneof("type") == "script_finished":
            return time.perf_counter() - t0


async def _client(url: str, n: int, until: float, times: list[float]) -> None:
    async with websockets.connect(url, subprotocols=[websockets.Subprotocol("streamlit")], max_size=None) as ws:
        i = n
        while time.perf_counter() < until:
            page, query = PAGES[i % len(PAGES)]
            times.append(await _run(ws, page, query))
            i += 1


async def _level(url: str, clients: int) -> tuple[list[float], float]:
    times: list[float] = []
    start = time.perf_counter()
    until = start + SECONDS
    await asyncio.gather(*(_client(url, n, until, times) for n in range(clients)))
    return times, time.perf_counter() - start


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    prefix = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    started: list = []  # type: ignore[type-arg]
    with streamlit_server({}, prefix=prefix, started=started) as http:
        url = http.replace("http", "ws", 1) + "/_stcore/stream"
        pid = started[0].pid
        asyncio.run(_level(url, 1))  # warm the caches: the first run reads the table
        print(f"one Streamlit process {'on one core (taskset -c 0)' if prefix else '(taskset not found: all cores)'}, "
              f"{os.cpu_count()} core(s) here; pages: {', '.join(p or 'Home' for p, _ in PAGES)}")
        print(f"{'clients':>8} {'runs/s':>8} {'median s':>9} {'p95 s':>7} {'server MB':>10}")
        best = 0.0
        for clients in CLIENTS:
            times, elapsed = asyncio.run(_level(url, clients))
            rate = len(times) / elapsed
            p95 = statistics.quantiles(times, n=20)[18] if len(times) >= 20 else max(times)
            print(f"{clients:8} {rate:8.1f} {statistics.median(times):9.2f} {p95:7.2f} {_rss_mb(pid):10.0f}")
            if p95 <= TARGET:
                best = max(best, rate)
        print(f"capacity: about {best * THINK:.0f} readers per core clicking every {THINK:.0f} s "
              f"({best:.1f} page runs a second with 95% of runs under {TARGET:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
