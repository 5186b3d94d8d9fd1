"""Write the outputs atomically: figures.parquet, figures.csv, issues.csv, datapackage.json.

Everything is written into a fresh sibling folder first, then swapped in with renames, so an
interrupted run leaves the previous output folder as it was.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from core.export import csv_text
from core.outdir import old_dir
from core.schema import COLUMN_DOCS, FIGURE_COLUMNS, ISSUE_COLUMNS


def write_csv(df: pd.DataFrame, path: Path) -> None:
    path.write_text(csv_text(df), encoding="utf-8", newline="")


_TYPES = {"object": "string", "str": "string", "float64": "number", "Int64": "integer", "bool": "boolean", "datetime64[ns]": "date"}


def _fields(df: pd.DataFrame, docs: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {"name": c, "type": _TYPES.get(str(df[c].dtype), "string"), "description": docs.get(c, "")}
        for c in df.columns
    ]


def datapackage(figures: pd.DataFrame, issues: pd.DataFrame, out: Path, sources: list[dict[str, Any]]) -> dict[str, Any]:
    from ingest.sources import sha256  # here, not at the top: the dashboard's exports import this module
    issue_docs = {
        "source_id": "Source folder the issue was found in", "source_file": "File in that folder",
        "location": "Where in the file", "issue_type": "Type, from the fixed list in core/schema.py",
        "severity": "error (figure or source not loaded), warning (loaded, check it), info (a change made)",
        "responsibility": "publisher (as received) or ours (mapping or code to extend)",
        "value": "The text concerned, as printed", "message": "What happened",
    }
    return {
        "profile": "tabular-data-package",
        "name": "sexual-communication-with-a-child-figures",
        "title": "Sexual communication with a child (s.15A SOA 2003): police figures from FOI returns and publications",
        "licenses": [{"name": "OGL-UK-3.0", "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
                      "title": "Open Government Licence v3.0 (reference data); figures are facts from the sources listed"}],
        "resources": [
            {"name": "figures", "path": "figures.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "hash": "sha256:" + sha256(out / "figures.csv"), "schema": {"fields": _fields(figures, COLUMN_DOCS)}},
            {"name": "figures-parquet", "path": "figures.parquet", "format": "parquet",
             "hash": "sha256:" + sha256(out / "figures.parquet")},
            {"name": "issues", "path": "issues.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "hash": "sha256:" + sha256(out / "issues.csv"), "schema": {"fields": _fields(issues, issue_docs)}},
        ],
        "sources": sources,
    }


RENAME_EXCHANGE = 2  # linux/fs.h: swap two paths in one step


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories atomically (Linux renameat2 RENAME_EXCHANGE); False where the
    system or file system cannot."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), RENAME_EXCHANGE) == 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_leftovers(out: Path) -> list[Path]:
    """Remove what killed runs left beside `out` (temp folders of dead processes, an old copy
    that is not needed). Returns what was removed. A run in progress is left alone."""
    removed = []
    for p in out.parent.glob(f".{out.name}.tmp-*"):
        m = re.match(rf"\.{re.escape(out.name)}\.tmp-(\d+)-", p.name)
        if m and _alive(int(m.group(1))) and int(m.group(1)) != os.getpid():
            continue
        shutil.rmtree(p, ignore_errors=True)
        removed.append(p)
    old = old_dir(out)
    if old.exists() and out.exists():
        shutil.rmtree(old, ignore_errors=True)
        removed.append(old)
    elif old.exists() and not out.exists():  # killed between the two renames of the fallback swap
        os.replace(old, out)
    return removed


def _swap_folders(tmp: Path, out: Path, step: Any) -> bool:
    """The fallback swap: `out` renamed aside, the new set renamed in. False, with nothing moved,
    where `out` cannot be renamed (a folder from a lower layer of an overlay file system, as in a
    container image: EXDEV, 'Invalid cross-device link')."""
    old = old_dir(out)
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        try:
            os.replace(out, old)
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.EBUSY, errno.EPERM):
                raise
            return False
    step("swap")
    os.replace(tmp, out)
    shutil.rmtree(old, ignore_errors=True)
    return True


def _swap_files(tmp: Path, out: Path, step: Any) -> None:
    """Last resort where the folder cannot move: each file replaced on its own (each atomic), the
    data package last, so a reader that checks the package's hashes sees a whole set or a mismatch."""
    names = sorted((f.name for f in tmp.iterdir()), key=lambda n: n == "datapackage.json")
    step("swap")
    for name in names:
        os.replace(tmp / name, out / name)


# Steps of a rebuild's write, in order; tests kill a run between each pair.
WRITE_STEPS = ("parquet", "figures_csv", "issues_csv", "datapackage", "fsync", "swap", "cleanup")


def write_outputs(figures: pd.DataFrame, issues: pd.DataFrame, out: Path, sources: list[dict[str, Any]],
                  _step: Any = None) -> None:
    """Write the four outputs into a fresh sibling folder, then swap it in at once: whoever
    reads `out` sees the previous set or the new one, never a part of either."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-{os.getpid()}-", dir=out.parent))
    step = _step or (lambda name: None)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes 0700; the output folder is for readers too
        fig = figures.reindex(columns=list(FIGURE_COLUMNS))
        fig.to_parquet(tmp / "figures.parquet", index=False)
        step("parquet")
        write_csv(fig, tmp / "figures.csv")
        step("figures_csv")
        iss = issues.reindex(columns=list(ISSUE_COLUMNS))
        write_csv(iss, tmp / "issues.csv")
        step("issues_csv")
        package = datapackage(fig, iss, tmp, sources)
        (tmp / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        step("datapackage")
        for f in tmp.iterdir():
            os.chmod(f, 0o666 & ~umask)
            with open(f, "rb") as fh:
                os.fsync(fh.fileno())
        step("fsync")
        if out.exists() and _exchange(tmp, out):
            step("swap")
            shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the previous set
        elif not _swap_folders(tmp, out, step):
            _swap_files(tmp, out, step)
            shutil.rmtree(tmp, ignore_errors=True)
        step("cleanup")
    except BaseException:
        if tmp.exists() and tmp != out:
            shutil.rmtree(tmp, ignore_errors=True)
        raise
