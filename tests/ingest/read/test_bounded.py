"""The one bound for reading a file (ingest/read/bounded.py): a file over the time or memory
bound is a named failure of that file, the worker is replaced, and the next file reads as usual."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from ingest.read.base import ReaderError
from ingest.read.bounded import BoundedReader, call_bounded


def _answer(x: int) -> int:
    return x * 2


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


def _allocate(mb: int) -> int:
    block = bytearray(mb * 2**20)
    return len(block)


def _crash() -> None:
    os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's OOM killer would


def _refuse() -> None:
    raise ReaderError("not a return", "Sheet1!A1", "unknown_layout")


def _pid() -> int:
    return os.getpid()


def test_a_file_over_the_time_bound_is_stopped_and_the_next_reads() -> None:
    reader = BoundedReader(seconds=1, memory=256 * 2**20)
    try:
        first = reader.call(_pid)
        t = time.perf_counter()
        with pytest.raises(ReaderError) as err:
            reader.call(_sleep, 30)
        assert time.perf_counter() - t < 5
        assert err.value.issue_type == "source_too_large" and "longer than 1 s" in str(err.value)
        assert reader.call(_answer, 21) == 42 and reader.call(_pid) != first  # a new worker
    finally:
        reader.close()


def test_a_file_over_the_memory_bound_is_named_and_the_worker_replaced() -> None:
    reader = BoundedReader(seconds=20, memory=128 * 2**20)
    try:
        assert reader.call(_allocate, 16) == 16 * 2**20
        with pytest.raises(ReaderError) as err:
            reader.call(_allocate, 1024)
        assert err.value.issue_type == "source_too_large" and "128 MB" in str(err.value)
        assert reader.call(_answer, 1) == 2
    finally:
        reader.close()


def test_a_reader_that_crashes_is_a_failure_of_that_file_only() -> None:
    reader = BoundedReader(seconds=20, memory=256 * 2**20)
    try:
        with pytest.raises(ReaderError) as err:
            reader.call(_crash)
        assert err.value.issue_type == "source_too_large" and "stopped while reading" in str(err.value)
        assert reader.call(_answer, 5) == 10
    finally:
        reader.close()


def test_a_readers_own_refusal_comes_back_whole() -> None:
    with pytest.raises(ReaderError) as err:
        call_bounded(_refuse)
    assert (str(err.value), err.value.location, err.value.issue_type) == ("not a return", "Sheet1!A1", "unknown_layout")


def test_every_file_of_a_rebuild_is_read_in_the_worker(tmp_path: Path) -> None:
    """Not in the rebuilding process: a reader's allocation never lands in the server's memory."""
    from ingest import pipeline
    from ingest.issues import IssueLog
    from tests.conftest import make_source

    seen: list[object] = []
    original = pipeline.call_bounded

    def spy(func: object, *args: object) -> object:
        seen.append(func)
        return original(func, *args)  # type: ignore[arg-type]

    folder = make_source(tmp_path, "s", {"g.csv": "Gender,Count\r\nFemale,4\r\n", "h.csv": "Gender,Count\r\nMale,3\r\n"})
    pipeline.call_bounded, saved = spy, pipeline.call_bounded  # type: ignore[assignment]
    try:
        rows, _ = pipeline.ingest_source(folder, IssueLog())
    finally:
        pipeline.call_bounded = saved
    assert len(seen) == 2 and {r["value"] for r in rows} == {4.0, 3.0}
