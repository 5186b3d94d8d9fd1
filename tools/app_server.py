"""The dashboard in a subprocess on a free loopback port, for the browser tests, the screenshots
and the app benchmark: `with streamlit_server({...}) as url:`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# a phone as the tests and screenshots see it: 390 px wide, a phone's user agent
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True,
         "user_agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                       "Version/17.0 Mobile/15E148 Safari/604.1"}
DESKTOP = {"viewport": {"width": 1400, "height": 900}}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def streamlit_server(extra_env: dict[str, str] | None = None, timeout: float = 60, prefix: list[str] | None = None,
                     started: list[subprocess.Popen[bytes]] | None = None) -> Iterator[str]:
    """The app served on a free port until the block ends. `prefix`: a command to run the server
    under (`taskset -c 0`: one core); `started` receives the server's process."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in ("SCWC_DATA_DIR", "SCWC_RAW_DIR", "SCWC_MODE", "SCWC_EDITORS"):
        env.pop(name, None)
    env.update(extra_env or {})
    proc = subprocess.Popen(
        [*(prefix or []), sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    if started is not None:
        started.append(proc)
    try:
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.read().decode().strip() == "ok":
                        break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("streamlit did not start")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
