"""One bound for reading a file, used everywhere a file is read (the command line, a rebuild,
the browser's preview and accept): stage 1 runs in a worker process with a memory limit and a
time limit per file. A file over either is a named failure of that file (`source_too_large`);
the worker is replaced and the other files are read as usual.

Why a worker and not the cheap checks alone: the readers' libraries (pdfium, calamine, lxml,
tesseract) allocate before any check of ours can run, and a hostile probe (issue 21) found small
files that take gigabytes or minutes in each of them. The cheap checks (pages, page sizes, shared
strings, zip members' real sizes, tables in a page) refuse most of those quickly; this bound is
what holds for everything no check foresaw.

One worker serves many files (a fork per file would cost more than reading most returns); it is
started with `fork` from a single-threaded process (the command line) and from a fork server in
a threaded one (the Streamlit server), where forking could copy a lock another thread holds.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ingest.read.base import Document, ReaderError

FILE_SECONDS = float(os.environ.get("SCWC_FILE_SECONDS", "20"))  # wall clock to read one file
FILE_MEMORY = int(os.environ.get("SCWC_FILE_MEMORY_MB", "512")) * 2**20  # address space one file may add


def _vm_size() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _serve(conn: Connection, memory: int) -> None:
    """The worker: read each path sent, answer with the document or the reason it cannot be read."""
    os.setsid()  # its own process group: a stop also stops the tesseract it started
    limit = _vm_size() + memory  # a bound on what it adds, whatever the parent had mapped
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:  # inside a process already bounded (the preview's): never above its bound
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard if hard != resource.RLIM_INFINITY else limit))
    while True:
        try:
            func, args = conn.recv()
        except EOFError:
            return
        try:
            answer: tuple[Any, ...] = ("ok", func(*args))
        except ReaderError as exc:
            answer = ("error", str(exc), exc.location, exc.issue_type)
        except MemoryError:
            conn.send(("error", _over_memory(memory), "", "source_too_large"))
            return  # what it allocated may not come back: start afresh
        except Exception as exc:  # noqa: BLE001 - a reader's bug is this file's failure, named
            answer = ("error", f"could not be read ({type(exc).__name__}: {str(exc)[:300]})", "", "source_unreadable")
        try:
            conn.send(answer)
        except MemoryError:
            conn.send(("error", _over_memory(memory), "", "source_too_large"))
            return


def _over_memory(memory: int) -> str:
    return (f"reading it needed more than {memory // 2**20} MB, the limit for one file; the file may be built to exhaust "
            "a reader: open it yourself, and ask the force for a plain copy")


def _over_time(seconds: float) -> str:
    return (f"reading it took longer than {seconds:g} s, the limit for one file, and was stopped; the file may be built "
            "to exhaust a reader: open it yourself, and ask the force for a plain copy")


class BoundedReader:
    """Stage 1 of one file at a time in a worker process, each file within `seconds` and `memory`."""

    def __init__(self, seconds: float = FILE_SECONDS, memory: int = FILE_MEMORY) -> None:
        self.seconds = seconds
        self.memory = memory
        self._proc: Any = None
        self._conn: Connection | None = None

    def start(self) -> Connection:
        methods = ["fork"] if threading.active_count() == 1 else ["forkserver", "fork"]
        for method in methods:
            ctx = multiprocessing.get_context(method)
            if method == "forkserver":
                ctx.set_forkserver_preload(["ingest.pipeline"])  # each worker forks with the whole reading stack loaded
            parent, child = ctx.Pipe()
            proc = ctx.Process(  # type: ignore[attr-defined]
                target=_serve, args=(child, self.memory), daemon=True, name="bounded-reader")
            try:
                proc.start()
            except (RuntimeError, OSError):  # a fork server cannot start from an unguarded script's main: fork instead
                parent.close()
                child.close()
                continue
            child.close()
            self._proc, self._conn = proc, parent
            return parent
        raise ReaderError("no worker process could be started to read the file", "", "source_unreadable")

    def _stop(self) -> None:
        proc, self._proc = self._proc, None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if proc is not None and proc.is_alive():
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                proc.kill()
        if proc is not None and proc.pid is not None:
            proc.join(5)

    def read(self, path: Path) -> Document:
        """The file's document (stage 1) within the bounds."""
        from ingest.read import read_document

        return self.call(read_document, path)  # type: ignore[no-any-return]

    def call(self, func: Callable[..., Any], *args: Any) -> Any:
        """`func(*args)` in the worker (a module-level function; arguments and result pickled),
        or a ReaderError: the function's own, or `source_too_large` when it went over a bound
        (the worker is then replaced)."""
        conn = self._conn or self.start()
        try:
            conn.send((func, args))
            if not conn.poll(self.seconds):
                self._stop()
                raise ReaderError(_over_time(self.seconds), "", "source_too_large")
            answer = conn.recv()
        except (EOFError, OSError):
            # the worker died: the allocator aborted over the memory limit, or a library crashed
            code = self._proc.exitcode if self._proc is not None else None
            self._stop()
            raise ReaderError(f"the reader stopped while reading it (exit {code}): it needed more than "
                              f"{self.memory // 2**20} MB, the limit for one file, or the file crashed it; open it "
                              "yourself, and ask the force for a plain copy", "", "source_too_large") from None
        if answer[0] == "ok":
            return answer[1]
        if answer[3] == "source_too_large" and answer[1] == _over_memory(self.memory):
            self._stop()  # the worker said it is finished
        raise ReaderError(answer[1], answer[2], answer[3])

    def close(self) -> None:
        self._stop()


_current: BoundedReader | None = None


@contextmanager
def reading(seconds: float = FILE_SECONDS, memory: int = FILE_MEMORY) -> Iterator[BoundedReader]:
    """One worker for the files read inside the block (a run, a preview)."""
    global _current
    outer, reader = _current, BoundedReader(seconds, memory)
    _current = reader
    try:
        reader.start()
        yield reader
    finally:
        _current = outer
        reader.close()


def call_bounded(func: Callable[..., Any], *args: Any) -> Any:
    """`func(*args)` within the bounds: in the block's worker, or in a worker of its own."""
    if _current is not None:
        return _current.call(func, *args)
    with reading() as reader:
        return reader.call(func, *args)


def read_bounded(path: Path) -> Document:
    """Stage 1 of one file within the bounds (`ingest inspect`)."""
    from ingest.read import read_document

    return call_bounded(read_document, path)  # type: ignore[no-any-return]
