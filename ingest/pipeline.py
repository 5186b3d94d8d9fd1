"""Load -> read -> normalise -> check, per source; then validate and write.

A failure in one file or one source is an issue row and a line on stderr; it never stops
the other sources (contract: exit 1, the others still written).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import pandas as pd

from ingest.checks import check_area_sums, check_totals, drop_duplicates
from ingest.issues import IssueLog
from ingest.normalise import Normaliser
from ingest.readers import read_file
from ingest.readers.base import ReaderError
from ingest.schema import coerce_figures, empty_figures, validate_figures, validate_issues
from ingest.sources import SOURCE_FILE, SourceError, discover, load_source, sha256


@dataclass
class SourceSummary:
    source_id: str
    figures: int = 0
    readers: set[str] = field(default_factory=set)
    failed: bool = False
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class RunResult:
    figures: pd.DataFrame
    issues: IssueLog
    summaries: list[SourceSummary]

    @property
    def exit_code(self) -> int:
        return 1 if self.issues.count("error") else 0


def _say(stream: TextIO | None, line: str) -> None:
    if stream is not None:
        print(line, file=stream)


def _report(log: IssueLog, err: TextIO | None) -> None:
    """One line on stderr per error: source, file, place, reason."""
    for r in log.rows:
        if r["severity"] == "error":
            path = "/".join(p for p in (r["source_id"], r["source_file"]) if p)
            where = f" {r['location']}" if r["location"] else ""
            _say(err, f"error: {path}{where}: {r['message']}")


def ingest_source(folder: Path, issues: IssueLog, err: TextIO | None = None) -> tuple[pd.DataFrame, SourceSummary]:
    summary = SourceSummary(folder.name)
    local = IssueLog()
    try:
        source = load_source(folder)
    except SourceError as exc:
        local.add(exc.issue_type, folder.name, str(exc), SOURCE_FILE, "", exc.value)
        _report(local, err)
        summary.failed = True
        issues.extend(local)
        return empty_figures(), summary
    summary.meta = {
        "id": source.source_id, "title": source.reference, "path": f"{folder.name}/", "url": source.url,
        "area": source.area.name, "received": source.received.isoformat() if source.received else "",
        "source_type": source.source_type, "publisher": source.publisher,
        "files": {p.relative_to(folder).as_posix(): "sha256:" + sha256(p) for p in source.files()},
    }
    normaliser = Normaliser(source, local)
    rows: list[dict[str, Any]] = []
    files = source.files()
    if not files:
        local.add("source_empty", source.source_id, f"source folder holds no return file besides {SOURCE_FILE}")
    for path in files:
        rel = path.relative_to(folder).as_posix()
        try:
            reader, result = read_file(path, source.adapter)
        except ReaderError as exc:
            local.add(exc.issue_type, source.source_id, str(exc), rel, exc.location)
            continue
        except Exception as exc:  # a reader bug must not sink the other files: report it, keep going
            local.add("source_unreadable", source.source_id, f"could not be read ({type(exc).__name__}: {exc})", rel)
            continue
        summary.readers.add(reader)
        file_rows = normaliser.figures(result, rel, reader)
        if not file_rows and not any(r["severity"] == "error" and r["source_file"] == rel for r in local.rows):
            local.add("source_empty", source.source_id, f"no figures found by the {reader} reader", rel)
        rows.extend(file_rows)
    df = coerce_figures(pd.DataFrame(rows)) if rows else empty_figures()
    df = drop_duplicates(df, source.source_id, local)
    check_totals(df, source.source_id, local)
    check_area_sums(df, source.source_id, local)
    _report(local, err)
    summary.figures = len(df)
    summary.failed = local.count("error") > 0
    issues.extend(local)
    return df, summary


def run(paths: list[Path], err: TextIO | None = sys.stderr, progress: bool = True) -> RunResult:
    from tqdm import tqdm

    folders = discover(paths)
    issues = IssueLog()
    frames: list[pd.DataFrame] = []
    summaries: list[SourceSummary] = []
    bar = tqdm(folders, desc="sources", unit="source", file=err, disable=(not progress or len(folders) < 10 or err is None or None))
    for folder in bar:
        df, summary = ingest_source(folder, issues, err)
        frames.append(df)
        summaries.append(summary)
    frames = [f for f in frames if len(f)]
    figures = pd.concat(frames, ignore_index=True) if frames else empty_figures()
    figures = coerce_figures(figures)
    return RunResult(figures, issues, summaries)


def validated(result: RunResult) -> tuple[pd.DataFrame, pd.DataFrame]:
    return validate_figures(result.figures), validate_issues(result.issues.frame())


def summary_lines(result: RunResult) -> list[str]:
    lines = []
    width = max((len(s.source_id) for s in result.summaries), default=10)
    for s in result.summaries:
        e = result.issues.count("error", s.source_id)
        w = result.issues.count("warning", s.source_id)
        i = result.issues.count("info", s.source_id)
        readers = ",".join(sorted(s.readers)) or "-"
        mark = "FAILED" if e else "ok"
        lines.append(f"  {s.source_id:<{width}}  {mark:<6} {s.figures:>5} figures  {e} errors  {w} warnings  {i} info  [{readers}]")
    total = len(result.figures)
    lines.append(
        f"{len(result.summaries)} sources, {total} figures, {result.issues.count('error')} errors, "
        f"{result.issues.count('warning')} warnings"
    )
    return lines
