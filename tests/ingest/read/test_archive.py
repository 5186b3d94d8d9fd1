"""One check of a handed-in zip for Add returns and `ingest round` (ingest/read/archive.py): a table
of the archives it refuses, each with its reason, and what it yields."""

from __future__ import annotations

import pytest

from ingest.read.archive import ArchiveError, zip_entries
from ingest.read.base import MAX_FILE_BYTES
from tests.editorial.test_intake import zip_bytes  # the same archives the Add returns tests build


@pytest.mark.parametrize(("data", "files", "budget", "reason"), [
    (b"not a zip", 10, 10**9, "not a readable zip archive"),
    (zip_bytes({"../up.csv": b"1"}), 10, 10**9, "points outside the archive"),
    (zip_bytes({"C:/win.csv": b"1"}), 10, 10**9, "points outside the archive"),
    (zip_bytes({"a.csv": b"1"}, link="passwd.csv"), 10, 10**9, "is a link"),
    (zip_bytes({f"{i}.csv": b"1" for i in range(11)}), 10, 10**9, "holds 11 files, over the limit of 10 for one test"),
    (zip_bytes({"big.csv": b"0" * (MAX_FILE_BYTES + 1)}), 10, 10**9, f"is over {MAX_FILE_BYTES // 2**20} MB"),
    (zip_bytes({"a.csv": b"0" * 600, "b.csv": b"0" * 600}), 10, 1000, "unpacks to over the limit for one test"),
])
def test_an_archive_that_cannot_be_taken_is_refused_with_its_reason(data: bytes, files: int, budget: int, reason: str) -> None:
    with pytest.raises(ArchiveError, match=reason):
        list(zip_entries(data, "x.zip", files, [budget], "one test"))


def test_files_come_with_their_folders_and_hidden_ones_are_left_out_when_asked() -> None:
    data = zip_bytes({"Kent/answer.csv": b"1", "Kent\\note.txt": b"2", "__MACOSX/._answer.csv": b"3", ".DS_Store": b"4"})
    budget = [10**6]
    assert [n for n, _ in zip_entries(data, "x.zip", 10, budget, "one test", skip_hidden=True)] == ["Kent/answer.csv", "Kent/note.txt"]
    assert budget[0] == 10**6 - 2  # the budget is spent on what was unpacked
    assert len(list(zip_entries(data, "x.zip", 10, [10**6], "one test"))) == 4
