"""`make bench`: how fast the ingest reads a round, in figures you can compare with the targets.

- a 45-source round of mixed formats (a third PDFs), whole process (interpreter start included);
- a spreadsheet-only round, whole process;
- the mixed round at 1x, 10x and 100x the number of sources: sources per second, time per
  source against 1x (flat is the target), peak memory;
- a one-page PDF read (median of 20);
- how many layouts the fuzzer covers (synthetic/layouts.py), and the worst case of the hostile
  corpus (synthetic/hostile.py): time and peak memory of the slowest bad file.

The figures are invented (synthetic/layouts.py writes them) and live in a temporary folder.
Each measurement runs in a fresh process so its peak memory is its own.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from synthetic.hostile import PEAK_MB  # noqa: E402
from synthetic.layouts import Layout, all_layouts, random_layout, random_truth, write  # noqa: E402

FORCES = [
    "Met", "Cumbria", "Lancashire", "Merseyside", "GMP", "Cheshire", "Northumbria", "Durham", "North Yorkshire", "West Yorkshire",
    "South Yorkshire", "Humberside", "Cleveland", "West Midlands", "Staffordshire", "West Mercia", "Warwickshire", "Derbyshire",
    "Notts", "Lincolnshire", "Leicestershire", "Northants", "Cambs", "Norfolk", "Suffolk", "Bedfordshire", "Hertfordshire", "Essex",
    "TVP", "Hampshire & IoW", "Surrey", "Kent", "Sussex", "City of London", "Devon & Cornwall", "Avon & Somerset", "Gloucestershire",
    "Wiltshire", "Dorset", "North Wales", "Gwent", "South Wales", "Dyfed Powys", "BTP", "PSNI",
]
MIXED = ["pdf_ruled", "xlsx", "csv", "pdf_plain", "html", "docx", "pdf_ruled", "xls", "ods"]  # a third PDFs
SPREADSHEETS = ["xlsx", "xls", "ods", "csv"]


def make_round(root: Path, formats: list[str], copies: int = 1) -> int:
    """45 sources (one per force), written once and copied `copies` times."""
    rng = random.Random(42)
    base = root / "base"
    for i, force in enumerate(FORCES):
        layout = random_layout(rng, formats[i % len(formats)])
        folder = base / f"s000_{i:02d}"
        write(random_truth(rng), layout, folder)
        yml = (folder / "source.yml").read_text(encoding="utf-8").replace("force: Kent", f'force: "{force}"')
        (folder / "source.yml").write_text(yml, encoding="utf-8")
    raw = root / "raw"
    for c in range(copies):
        for folder in sorted(base.iterdir()):
            shutil.copytree(folder, raw / folder.name.replace("s000", f"s{c:03d}"))
    shutil.rmtree(base)
    return copies * len(FORCES)


def measure(raw: Path) -> dict[str, float]:
    """In a child process: ingest raw into a temp out; seconds inside, whole process, peak RSS."""
    code = (
        "import json,resource,sys,time;t=time.perf_counter();sys.path.insert(0,{root!r});from pathlib import Path;"
        "from ingest.pipeline import run,validated;from ingest.output.write import write_outputs;t0=time.perf_counter();"
        "r=run([Path({raw!r})],err=None,progress=False);f,i=validated(r);"
        "write_outputs(f,i,Path({out!r}),[s.meta for s in r.summaries]);"
        "print(json.dumps({{'seconds':time.perf_counter()-t0,'figures':len(f),'errors':r.issues.count('error'),"
        "'review':r.issues.count('review'),'peak_mb':" + PEAK_MB + "}}))"
    ).format(root=str(ROOT), raw=str(raw), out=str(raw.parent / "out"))
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["process_seconds"] = time.perf_counter() - t
    return result


def one_page_pdf() -> float:
    from ingest.read import pdf

    with tempfile.TemporaryDirectory() as tmp:
        path = write(random_truth(random.Random(7)), Layout("pdf_ruled", ("age_gender",)), Path(tmp) / "s")
        pdf.read(path)  # warm: imports and pdfium loaded once
        times = []
        for _ in range(20):
            t = time.perf_counter()
            pdf.read(path)
            times.append(time.perf_counter() - t)
    return statistics.median(times)


def round_line(name: str, formats: list[str], target: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        n = make_round(Path(tmp), formats)
        m = measure(Path(tmp) / "raw")
    verdict = "ok" if m["process_seconds"] < target else "OVER TARGET"
    print(f"{name:<34} {n:>4} sources {m['figures']:>6} figures  {m['process_seconds']:5.2f} s whole process "
          f"({m['seconds']:.2f} s ingest)  peak {m['peak_mb']:.0f} MB   target < {target} s: {verdict}")


def round_command() -> None:
    """`python -m ingest round` on a zip of 45 answers named anything (synthetic/round.py): the
    whole command, recognising every force, writing the sources and triaging them."""
    from synthetic.round import round_zip

    data, expected = round_zip(45)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "round.zip").write_bytes(data)
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "ingest", "round", str(Path(tmp) / "round.zip"), "--into", str(Path(tmp) / "raw"),
                              "-q", "--no-ask"], capture_output=True, text=True, cwd=ROOT)
        seconds = time.perf_counter() - t
    summary = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else out.stderr[-200:]
    verdict = "ok" if seconds < 5 else "OVER TARGET"
    print(f"ingest round, {len(expected)} answers in a zip      {seconds:5.2f} s whole process   ({summary})   target < 5 s: {verdict}")


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1, 10, 100]
    print(f"layout fuzzer: {len(all_layouts()):,} layouts (format x content x letterhead x notes x merged header x "
          "orientation x totals x month headers x arrangement x refusal x PDF page turned)")
    print(f"one-page PDF read: {one_page_pdf() * 1000:.1f} ms (median of 20; target < 50 ms)")
    round_line("45-source round, mixed (1/3 PDF)", MIXED, 3.0)
    round_line("45-source round, spreadsheets only", SPREADSHEETS, 1.5)
    round_command()
    print(f"\n{'size':>5} {'sources':>8} {'figures':>8} {'seconds':>8} {'sources/s':>10} {'peak MB':>8}")
    base = None
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            sources = make_round(Path(tmp), MIXED, size)
            m = measure(Path(tmp) / "raw")
        rate = sources / m["seconds"]
        base = base or m["seconds"] / sources
        print(f"{size:>4}x {sources:>8} {m['figures']:>8} {m['seconds']:>8.2f} {rate:>10.1f} {m['peak_mb']:>8.0f}"
              f"   ({m['seconds'] / sources / base:.2f}x the 1x time per source)")
    print("targets: at 100x at least 150 sources a second, time per source flat, peak memory under 500 MB")
    try:
        from synthetic.hostile import worst_case
    except ImportError:
        return
    name, seconds, peak = worst_case()
    print(f"\nhostile corpus, worst case: {name}: {seconds:.2f} s, peak {peak:.0f} MB (targets: <= 5 s, <= 300 MB)")


if __name__ == "__main__":
    main()
