"""Screenshots of every page at 1400 px (a laptop) and 390 px (a phone), whole length, into
docs/screenshots/, with an index page: `make screenshots`. A reviewer can see the app without
running it. Uses Debian's chromium through Playwright, like the browser tests."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from tools.app_server import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE, ROOT, streamlit_server  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
# (file in pages/, label) in menu order; Home first
PAGE_FILES = [("", "Home")] + [(p.stem, re.sub(r"^\d+_", "", p.stem).replace("_", " "))
                                for p in sorted((ROOT / "pages").glob("*.py"), key=lambda p: int(p.stem.split("_")[0]))]
SIZES: dict[str, dict[str, Any]] = {"laptop": DESKTOP, "phone": {**PHONE, "device_scale_factor": 1}}  # 1x: small files
TIMEOUT = 60_000


def url_path(stem: str) -> str:
    return re.sub(r"^\d+_", "", stem)


def settle(page: Page) -> None:
    page.wait_for_selector("h1", timeout=TIMEOUT)
    page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=TIMEOUT)
    page.wait_for_timeout(1500)  # plotly and the map tiles draw after the script run ends


def shoot(page: Page, url: str, out: Path, width: int) -> None:
    page.goto(url, timeout=TIMEOUT)
    settle(page)
    # Streamlit scrolls inside its main block, not the page: grow the window to the content's height
    height = page.evaluate("() => Math.max(...Array.from(document.querySelectorAll('[data-testid=stMain], section.main, "
                           "[data-testid=stAppViewContainer]')).map(e => e.scrollHeight), document.body.scrollHeight)")
    page.set_viewport_size({"width": width, "height": min(int(height) + 40, 12_000)})
    page.wait_for_timeout(1200)
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out), full_page=True, type="jpeg", quality=72)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--pages", default="", help="comma-separated page names (default: all)")
    args = ap.parse_args(argv)
    wanted = {p.strip() for p in args.pages.split(",") if p.strip()}
    shots: list[tuple[str, str, str]] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # the public, read-only app; then the editors' page as an editor sees it (local mode)
        for env, files in (({}, [f for f in PAGE_FILES if f[1] != "Add returns"]),
                           ({"SCWC_MODE": "local"}, [f for f in PAGE_FILES if f[1] == "Add returns"])):
            files = [f for f in files if not wanted or f[1] in wanted]
            if not files:
                continue
            with streamlit_server(env) as url:
                for size, device in SIZES.items():
                    context = browser.new_context(**device)
                    page = context.new_page()
                    for i, (stem, label) in enumerate(files):
                        n = 0 if not stem else int(stem.split("_")[0])
                        name = f"{n:02d}-{label.lower().replace(' ', '-')}.jpg"
                        shoot(page, f"{url}/{url_path(stem)}", args.out / size / name, device["viewport"]["width"])
                        shots.append((label, size, f"{size}/{name}"))
                        print(f"{size:6} {label}", flush=True)
                        if i + 1 < len(files):
                            page.set_viewport_size(device["viewport"])
                    context.close()
        browser.close()
    index = ["# Screenshots", "", "Every page of the dashboard on its default view, as the public read-only app shows it "
             "(Add returns as an editor sees it), at 1400 px wide (a laptop) and 390 px wide (a phone). Made by "
             "`make screenshots` from the data in `data/processed`; regenerate after changing a page.", "",
             "| Page | Laptop (1400 px) | Phone (390 px) |", "|---|---|---|"]
    labels = [label for _, label in PAGE_FILES]
    for label in labels:
        shot_files = {size: path for lab, size, path in shots if lab == label}
        if shot_files:
            index.append(f"| {label} | " + " | ".join(f"[![{label}, {s}]({shot_files[s]})]({shot_files[s]})" if s in shot_files else "" for s in SIZES)
                         + " |")
    if not wanted:
        (args.out / "README.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
