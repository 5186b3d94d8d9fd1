"""Where the current output set is. Light on purpose: the dashboard asks on every load without
loading the ingest. During the fallback swap's instant (no renameat2) the last whole set is
briefly the sibling `.processed.old`."""

from __future__ import annotations

from pathlib import Path


def old_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.old"


def current_dir(out: Path) -> Path:
    """Where the last whole output set is: `out`, or during the fallback swap's instant its old copy."""
    if (out / "figures.parquet").exists():
        return out
    old = old_dir(out)
    return old if (old / "figures.parquet").exists() else out
