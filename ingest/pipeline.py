"""Load -> read (stage 1) -> interpret (stage 2) -> normalise -> check -> validate, per source;
then build the table once and write it.

Every source runs inside its own error boundary: whatever goes wrong in one (a broken file,
a bug of ours, a row the schema would reject) is that source's error row and a line on
stderr, and the other sources still go through (contract: exit 1, the others still written).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import pandas as pd

from core.schema import (
    FIGURE_COLUMNS,
    coerce_figures,
    empty_figures,
    figures_from_columns,
    row_problem,
    validate_figures,
    validate_issues,
)
from ingest.check.rules import check_area_sums, check_totals, drop_duplicates, reconcile_derived
from ingest.interpret.readings import ADAPTERS, Interpretation, interpret
from ingest.issues import IssueLog
from ingest.normalise.normaliser import Normaliser
from ingest.read import read_document
from ingest.read.base import Document, ReaderError
from ingest.read.bounded import call_bounded, reading
from ingest.sources import SOURCE_FILE, Source, SourceError, discover, load_source, sha256
from ingest.vocabulary.reference import reference

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_REVIEW = 0, 1, 2, 3


@dataclass
class FileDetail:
    """What one file held and how it was read: for the Add returns preview and `inspect`."""

    file: str
    document: Document | None = None
    interpretation: Interpretation | None = None


@dataclass
class SourceSummary:
    source_id: str
    figures: int = 0
    readers: set[str] = field(default_factory=set)
    failed: bool = False
    review: bool = False
    meta: dict[str, Any] = field(default_factory=dict)
    files: list[FileDetail] = field(default_factory=list)


class FigureBuffer:
    """Figures kept column by column as sources finish (a row dict per figure would hold
    hundreds of MB for a large round); one DataFrame is built at the end."""

    def __init__(self) -> None:
        self.columns: dict[str, list[Any]] = {c: [] for c in FIGURE_COLUMNS}
        self.n = 0

    def extend(self, rows: list[dict[str, Any]]) -> None:
        for c, values in self.columns.items():
            values.extend(r.get(c) for r in rows)
        self.n += len(rows)

    def frame(self) -> pd.DataFrame:
        return figures_from_columns(self.columns) if self.n else empty_figures()


@dataclass
class RunResult:
    figures: pd.DataFrame
    issues: IssueLog
    summaries: list[SourceSummary]

    @property
    def exit_code(self) -> int:
        if self.issues.count("error"):
            return EXIT_FAILED
        return EXIT_REVIEW if self.issues.count("review") else EXIT_OK


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


def _reader_name(fmt: str, reading: str) -> str:
    """The layout family a figure came from (the `reader` column): the reading (crosstab,
    timewide, records, statement), except that a saved web page's figures are `html`."""
    if fmt in ("transcription", "public_record", "html"):
        return fmt
    return reading or "crosstab"


def read_source_file(path: Path, source: Source, rel: str, local: IssueLog,
                     details: bool = False) -> tuple[list[dict[str, Any]], FileDetail, set[str]]:
    """One file, stages 1 to 3, within the bounds of one file (ingest/read/bounded.py): a file over
    them is a named failure of that file. `details`: keep what the file held and how it was read
    (the preview's), else only its figures and issues come back from the worker."""
    try:
        rows, issue_rows, detail, readers = call_bounded(_read_file_in_worker, path, source, rel, details)
    except ReaderError as exc:
        local.add(exc.issue_type, source.source_id, str(exc), rel, exc.location)
        return [], FileDetail(rel), set()
    local.rows.extend(issue_rows)
    return rows, detail, readers


def _read_file_in_worker(path: Path, source: Source, rel: str, details: bool) -> tuple[
        list[dict[str, Any]], list[dict[str, str]], FileDetail, set[str]]:
    local = IssueLog()
    try:
        rows, detail, readers = _read_file(path, source, rel, local)
    except Exception as exc:  # a reader bug must not sink the other files of the source
        local.add("source_unreadable", source.source_id, f"could not be read ({type(exc).__name__}: {str(exc)[:300]})", rel)
        return [], local.rows, FileDetail(rel), set()
    interp = detail.interpretation
    decided_out = interp is not None and interp.verdicts and all(v.not_read.startswith("as decided") for v in interp.verdicts)
    if not rows and decided_out:  # a person decided every table is about something else: no figures is the answer
        local.add("decision_applied", source.source_id, "no figures: every table of the file was decided to be about something "
                  "else (see the decisions)", rel)
    elif not rows and not any(r["severity"] == "error" for r in local.rows):
        what = "no figures found" + (f" (read as {detail.document.fmt})" if detail.document else "")
        if interp is not None and not interp.tables and not interp.prose:
            what += ": the file holds no table and no text"
        elif interp is not None and interp.tables:
            not_read = sum(1 for v in interp.verdicts if v.best is None)
            what += f": {not_read} of its {len(interp.tables)} table(s) are about something else (see table_not_read)"
        local.add("source_empty", source.source_id, what, rel)
    return rows, local.rows, detail if details else FileDetail(rel), readers


def _read_file(path: Path, source: Source, rel: str, local: IssueLog) -> tuple[list[dict[str, Any]], FileDetail, set[str]]:
    """One file: stage 1, stage 2, the normaliser. Errors here are the file's, not the source's."""
    detail = FileDetail(rel)
    try:
        if source.adapter and source.adapter not in ADAPTERS:
            raise ReaderError(f"unknown adapter {source.adapter!r} in source.yml (one of {', '.join(ADAPTERS)})", "", "invalid_source_yml")
        doc = read_document(path)
        if source.adapter == "transcription" and doc.fmt != "transcription":
            raise ReaderError("source.yml says 'adapter: transcription' but the file lacks the transcription columns "
                              "(breakdown, value, location)", "", "unknown_layout")
    except ReaderError as exc:
        local.add(exc.issue_type, source.source_id, str(exc), rel, exc.location)
        return [], detail, set()
    detail.document = doc
    normaliser = Normaliser(source, local)
    if doc.fmt in ("transcription", "public_record"):
        typed = normaliser.figures(doc.figures, doc.notes, rel, doc.fmt)
        return typed, detail, {doc.fmt} if typed else set()
    interp = interpret(doc, normaliser.ref, source.period, source.adapter, [d for d in source.decisions if d.file == rel])
    detail.interpretation = interp
    for v in interp.verdicts:
        if v.review and v.best is not None:  # a table left unread for a doubt has its own issue row saying why
            local.add(v.review_type, source.source_id, f"table '{v.table.title[:60]}': {v.review}", rel, v.table.name)
    rows: list[dict[str, Any]] = []
    readers: set[str] = set()
    by_reader: dict[str, list[Any]] = {}
    for f in interp.figures:
        by_reader.setdefault(_reader_name(doc.fmt, f.reading), []).append(f)
    notes = interp.notes
    for name, figs in by_reader.items():
        got = normaliser.figures(figs, notes, rel, name, interp.axis_dims)
        notes = []  # each note once per file
        rows.extend(got)
        if got:
            readers.add(name)
    if notes:
        normaliser.figures([], notes, rel, "")
    return rows, detail, readers


def ingest_source(folder: Path, issues: IssueLog, err: TextIO | None = None,
                  details: bool = False) -> tuple[list[dict[str, Any]], SourceSummary]:
    """One source, inside its own error boundary (`details`: keep how each file was read)."""
    summary = SourceSummary(folder.name)
    local = IssueLog()
    rows: list[dict[str, Any]] = []
    try:
        rows = _ingest_source(folder, local, summary, details)
    except SourceError as exc:
        local.add(exc.issue_type, folder.name, str(exc), SOURCE_FILE, "", exc.value)
        rows = []
    except Exception as exc:  # a bug of ours must not sink the other sources: report it, keep going
        local.add("source_failed", folder.name,
                  f"could not be ingested ({type(exc).__name__}: {str(exc)[:300]}); its figures are left out, the other sources are not affected")
        rows = []
    _report(local, err)
    summary.figures = len(rows)
    summary.failed = local.count("error") > 0
    summary.review = local.count("review") > 0
    issues.extend(local)
    return rows, summary


def _ingest_source(folder: Path, local: IssueLog, summary: SourceSummary, details: bool) -> list[dict[str, Any]]:
    source = load_source(folder)
    summary.meta = {
        "id": source.source_id, "title": source.reference, "path": f"{folder.name}/", "url": source.url,
        "area": source.area.name, "received": source.received.isoformat() if source.received else "",
        "source_type": source.source_type, "publisher": source.publisher,
        "files": {p.relative_to(folder).as_posix(): "sha256:" + sha256(p) for p in source.files()},
    }
    for k in ("accepted_by", "accepted_at"):
        if source.raw.get(k):
            summary.meta[k] = str(source.raw[k])
    rows = _read_public_record(source, local, summary) if source.adapter == "public_record" else _read_files(source, local, summary, details)
    return check_rows(rows, source.source_id, local)


def check_rows(rows: list[dict[str, Any]], source_id: str, local: IssueLog) -> list[dict[str, Any]]:
    """Stage 4, the same for every source: derived totals reconciled with printed ones, totals
    against their parts (first: a Sum row found understated is then a range), duplicates, area
    sums, and each row against the schema's rules (a row that breaks them is left out, named)."""
    rows = reconcile_derived(rows, source_id, local)
    check_totals(rows, source_id, local)
    rows = drop_duplicates(rows, source_id, local)
    check_area_sums(rows, source_id, local)
    valid = []
    for r in rows:
        problem = row_problem(r)
        if problem:
            local.add("invalid_figure", r.get("source_id") or source_id, f"figure left out: {problem}", r.get("source_file", ""),
                      r.get("source_location", ""), r.get("value_raw", ""))
        else:
            valid.append(r)
    return valid


def _read_files(source: Source, local: IssueLog, summary: SourceSummary, details: bool) -> list[dict[str, Any]]:
    """Stages 1 to 3 for each file of an ordinary source folder."""
    folder = source.folder
    rows: list[dict[str, Any]] = []
    for link in source.links():
        local.add("source_unreadable", source.source_id, "a symbolic link: not followed (it could lead out of the source folder); "
                  "put the file itself in the folder", link.relative_to(folder).as_posix())
    files = source.files()
    if not files:
        local.add("source_empty", source.source_id, f"source folder holds no return file besides {SOURCE_FILE}")
    for path in files:
        rel = path.relative_to(folder).as_posix()
        if rel in source.not_read:  # stopped when it was added: never read again, on any rebuild, anywhere
            local.add("source_too_large", source.source_id, f"kept as received, not read: {source.not_read[rel][:300]} "
                      f"(remove it from 'not_read:' in {SOURCE_FILE} to try again)", rel)
            continue
        if rel in source.correspondence:
            local.add("correspondence_kept", source.source_id, "kept as received: correspondence (a covering e-mail or an "
                      "acknowledgement), not an answer; not read for figures", rel)
            continue
        file_rows, detail, readers = read_source_file(path, source, rel, local, details)
        summary.files.append(detail)
        summary.readers |= readers
        rows.extend(file_rows)
    return rows


def _read_public_record(source: Source, local: IssueLog, summary: SourceSummary) -> list[dict[str, Any]]:
    """The public record's own reader (one folder of collected rows, each figure its own document,
    the carrier) and the same normaliser; its checks are every source's (check_rows)."""
    from ingest.read import public_record

    doc = public_record.read_folder(source.folder)
    normaliser = Normaliser(source, local)
    for note in doc.notes:  # the file is named in each note's location
        file, _, where = note.location.partition(" ")
        local.add(note.issue_type, source.source_id, note.message, file, where, note.value)
    rows = normaliser.figures(doc.figures, [], "", "public_record")
    summary.readers.add("public_record")
    documents = sorted({(r["source_id"], r["publisher"], r["source_url"], r["published"].isoformat() if r["published"] else "",
                         r["originator"], r["release"]) for r in rows})
    summary.meta["documents"] = [dict(zip(("id", "publisher", "url", "published", "originator", "release"), d, strict=True))
                                 for d in documents]
    return rows


def run(paths: list[Path], err: TextIO | None = sys.stderr, progress: bool = True) -> RunResult:
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: a single-threaded process forks its file worker safely

    reference()  # load the mappings once, outside any source's boundary
    folders = discover(paths)
    issues = IssueLog()
    buffer = FigureBuffer()
    summaries: list[SourceSummary] = []
    with reading():  # started before the progress bar's thread: a single-threaded process forks its worker
        bar = tqdm(folders, desc="sources", unit="source", file=err, disable=(not progress or len(folders) < 10 or err is None or None))
        seen: dict[str, Path] = {}
        for folder in bar:
            if folder.name in seen:  # one id, two folders: never merged (40 in one and 400 in the other would be one figure)
                dup = IssueLog()
                dup.add("duplicate_source_id", folder.name, f"a second source folder with the id '{folder.name}' ({folder}; the first: "
                        f"{seen[folder.name]}): left out; rename one of them")
                _report(dup, err)
                issues.extend(dup)
                summaries.append(SourceSummary(folder.name, failed=True))
                continue
            seen[folder.name] = folder
            rows, summary = ingest_source(folder, issues, err)
            buffer.extend(rows)
            summaries.append(summary)
    return RunResult(buffer.frame(), issues, summaries)


def validated(result: RunResult) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The table as the schema allows it. Rows were checked source by source already; should
    the whole-table check still find a bad row, its source is left out and named, never the run."""
    import pandera.errors

    figures = result.figures
    for _ in range(3):
        try:
            figures = validate_figures(figures)
            break
        except pandera.errors.SchemaErrors as exc:
            cases = exc.failure_cases
            idx = [i for i in cases["index"].dropna().unique() if i in figures.index] if "index" in cases else []
            bad = set(figures.loc[idx, "source_id"]) if idx else set(figures["source_id"])
            for sid in sorted(bad):
                result.issues.add("source_failed", sid, "left out: its figures failed the table's schema check "
                                  f"({str(cases['check'].iloc[0])[:120] if len(cases) else 'unknown check'})")
            figures = figures[~figures["source_id"].isin(bad)].reset_index(drop=True)
    result.figures = figures
    return figures, validate_issues(result.issues.frame())


def preview_source(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame, SourceSummary]:
    """One source alone, with the same checks as a rebuild (the Add returns preview)."""
    issues = IssueLog()
    with reading():
        rows, summary = ingest_source(folder, issues, err=None, details=True)
    figures = coerce_figures(pd.DataFrame(rows)) if rows else empty_figures()
    return figures, issues.frame(), summary


def summary_lines(result: RunResult) -> list[str]:
    lines = []
    width = max((len(s.source_id) for s in result.summaries), default=10)
    for s in result.summaries:
        e = result.issues.count("error", s.source_id)
        rv = result.issues.count("review", s.source_id)
        w = result.issues.count("warning", s.source_id)
        i = result.issues.count("info", s.source_id)
        readers = ",".join(sorted(s.readers)) or "-"
        mark = "FAILED" if e else "REVIEW" if rv else "ok"
        lines.append(f"  {s.source_id:<{width}}  {mark:<6} {s.figures:>5} figures  {e} errors  {rv} to review  {w} warnings  "
                     f"{i} info  [{readers}]")
    total = len(result.figures)
    n_review = sum(1 for s in result.summaries if result.issues.count("review", s.source_id))
    lines.append(
        f"{len(result.summaries)} sources, {total} figures, {result.issues.count('error')} errors, "
        f"{n_review} source(s) need review, {result.issues.count('warning')} warnings"
    )
    if n_review:
        lines.append("needs review: the reading of these returns is doubtful; see issues.csv (severity 'review') for why, "
                     "and check their figures against the files")
    return lines
