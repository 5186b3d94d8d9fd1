"""`make bench`: a synthetic full FOI round (45 forces, mixed layouts) at 1x, 10x and 100x the
number of sources; prints sources per second and peak memory at each size.

The figures are generated (seeded random) and written to a temporary folder; none of them
is real. Each size runs in a fresh process so peak memory is that size's own.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FORCES = [
    "Met", "Cumbria", "Lancashire", "Merseyside", "GMP", "Cheshire", "Northumbria", "Durham", "North Yorkshire", "West Yorkshire",
    "South Yorkshire", "Humberside", "Cleveland", "West Midlands", "Staffordshire", "West Mercia", "Warwickshire", "Derbyshire",
    "Notts", "Lincolnshire", "Leicestershire", "Northants", "Cambs", "Norfolk", "Suffolk", "Bedfordshire", "Hertfordshire", "Essex",
    "TVP", "Hampshire & IoW", "Surrey", "Kent", "Sussex", "City of London", "Devon & Cornwall", "Avon & Somerset", "Gloucestershire",
    "Wiltshire", "Dorset", "North Wales", "Gwent", "South Wales", "Dyfed Powys", "BTP", "PSNI",
]
BANDS = ["11 and under", "12-15", "16 and over", "Unknown Age"]
APPS = ["Snapchat", "Instagram", "WhatsApp", "Facebook Messenger", "Kik", "TikTok", "Text message"]


def n(rng: random.Random) -> object:
    v = rng.randint(0, 40)
    return "*" if 0 < v < 4 else v


def write_source(folder: Path, force: str, kind: str, rng: random.Random) -> None:
    folder.mkdir(parents=True)
    (folder / "source.yml").write_text(
        f'force: "{force}"\nreference: "BENCH-{folder.name}"\nreceived: 2025-06-01\nperiod_start: 2024-04-01\nperiod_end: 2025-03-31\n',
        encoding="utf-8")
    if kind == "crosstab":
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["SYNTHETIC BENCHMARK CONSTABULARY"])
        ws.append([])
        ws.append([None, *BANDS, "Total"])
        for g in ("Female", "Male", "Unknown"):
            ws.append([g, *[n(rng) for _ in BANDS], rng.randint(10, 90)])
        wb.save(folder / "return.xlsx")
    elif kind == "records":
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["Crime Reference", "Victim Age", "Gender", "Method of communication"])
        for i in range(rng.randint(20, 120)):
            ws.append([f"B/{i}", rng.randint(6, 17), rng.choice("FFFMU"), " / ".join(rng.sample(APPS, rng.randint(1, 2)))])
        wb.save(folder / "extract.xlsx")
    elif kind == "csv":
        rows = ["Measure,2021/22,2022/23,2023/24"] + [f"Offences recorded,{rng.randint(5, 300)},{rng.randint(5, 300)},{rng.randint(5, 300)}"]
        (folder / "years.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    elif kind == "html":
        cells = "".join(f"<tr><td>{a}</td><td>{n(rng)}</td></tr>" for a in APPS)
        (folder / "page.html").write_text(
            f"<html><body><nav>menu</nav><p>A total of {rng.randint(20, 300)} offences were recorded.</p>"
            f"<table><tr><th>Platform</th><th>Count</th></tr>{cells}</table></body></html>", encoding="utf-8")
    else:
        (folder / "figures.csv").write_text(
            "breakdown,value,location\n" f"total,{rng.randint(5, 300)},letter paragraph 1\n", encoding="utf-8")


def make_round(root: Path, copies: int) -> int:
    rng = random.Random(42)
    kinds = ["crosstab", "records", "csv", "html", "transcription"]
    count = 0
    for c in range(copies):
        for i, force in enumerate(FORCES):
            write_source(root / f"s{c:03d}_{i:02d}", force, kinds[(i + c) % len(kinds)], rng)
            count += 1
    return count


def measure(raw: Path) -> dict[str, float]:
    """Run in a child process: ingest raw into a temp out, report seconds and peak RSS."""
    code = (
        "import json,resource,sys,time;from pathlib import Path;sys.path.insert(0,{!r});"
        "from ingest.pipeline import run,validated;from ingest.output import write_outputs;"
        "t=time.perf_counter();r=run([Path({!r})],err=None,progress=False);f,i=validated(r);"
        "write_outputs(f,i,Path({!r}),[s.meta for s in r.summaries]);"
        "print(json.dumps({{'seconds':time.perf_counter()-t,'figures':len(f),'errors':r.issues.count('error'),"
        "'peak_mb':resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024}}))"
    ).format(str(ROOT), str(raw), str(raw.parent / "out"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1, 10, 100]
    print(f"{'size':>5} {'sources':>8} {'figures':>8} {'seconds':>8} {'sources/s':>10} {'peak MB':>8}")
    base = None
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            raw = Path(tmp) / "raw"
            sources = make_round(raw, size)
            m = measure(raw)
            rate = sources / m["seconds"]
            base = base or m["seconds"] / sources
            print(f"{size:>4}x {sources:>8} {m['figures']:>8} {m['seconds']:>8.2f} {rate:>10.1f} {m['peak_mb']:>8.0f}"
                  f"   ({m['seconds'] / sources / base:.2f}x the 1x time per source)")
    print("target: a 45-source round in under 3 s on 2 cores, time per source flat as the round grows")


if __name__ == "__main__":
    main()
