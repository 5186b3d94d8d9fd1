"""A synthetic round for `ingest round`: one answer per force, as files named anything, in a zip,
with what recognising them must find. Every figure and reference here is invented; the force
names are the reference data's.

Kinds of answer, in turn:
- a letter (PDF, Word or a workbook) with the force's name in its letterhead, a reference and a
  date, named like real downloads (`FOI 1012-25 Response.pdf`, `Disclosure.xlsx`);
- a correspondence download (a zip in the zip): a covering e-mail signed by the force, with its
  domain, and an attachment that names no force;
- an acknowledgement alone ("not an answer");
- a workbook that names no force anywhere (it must be asked, never guessed).
"""

from __future__ import annotations

import dataclasses
import io
import random
import tempfile
import zipfile
from pathlib import Path

from ingest.vocabulary.reference import reference
from synthetic.layouts import LETTERHEAD, SUFFIX, WRITERS, random_layout, random_truth, sheet_rows

NAMES = ["{ref} Response.{ext}", "Disclosure.{ext}", "Attachment 1.{ext}", "Response letter.{ext}", "{ref} final.{ext}",
         "Outcome.{ext}"]
LETTER_FORMATS = ["pdf_ruled", "docx", "xlsx", "pdf_plain", "html", "ods"]
ACK = ("Dear Requester,\n\nWe acknowledge receipt of your request for information, received on 2 May 2025, which has been "
       "logged as {ref}. We will respond within 20 working days.\n\nFreedom of Information Unit\n{force}\n")
COVERING = ("From: Freedom of Information <foi@{domain}.police.uk>\nSubject: FOI {ref} - response\n\nDear Requester,\n\n"
            "Please find attached our response to your request {ref} for the figures for 2023/24.\n\nKind regards,\n\nFreedom of Information Unit\n{force}\n")
DOMAINS = {"E23000032": "kent", "E23000031": "surrey", "E23000035": "devonandcornwall"}  # squeezed force names


def _letter(force: str, ref: str, fmt: str, rng: random.Random) -> bytes:
    layout = dataclasses.replace(random_layout(rng, fmt), letterhead=3, mutation="")
    lines = [force, f"Freedom of Information Unit · Our reference: {ref}",
             "Date: 14 May 2025 · You asked for offences recorded between 1 April 2023 and 31 March 2024"]
    sheets = [(name, [[lines[LETTERHEAD.index(r[0])]] if len(r) == 1 and r[0] in LETTERHEAD else r for r in rows])
              for name, rows in sheet_rows(random_truth(rng), layout)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"answer.{SUFFIX[fmt]}"
        WRITERS[fmt](sheets, path, layout)
        return path.read_bytes()


def _anonymous(rng: random.Random, fmt: str = "xlsx", years: bool = False) -> bytes:
    """A bare table: no letterhead, no reference, no date (`years`: its years across are all that
    says what period it covers)."""
    layout = dataclasses.replace(random_layout(rng, fmt), letterhead=0, mutation="")
    if years:
        layout = dataclasses.replace(layout, content=("age_gender", "platforms", "years"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"answer.{SUFFIX[fmt]}"
        WRITERS[fmt](sheet_rows(random_truth(rng), layout), path, layout)
        return path.read_bytes()


def round_zip(n: int = 45, seed: int = 7) -> tuple[bytes, dict[str, str | None]]:
    """The zip, and for each top-level entry the force code it must be recognised as: None when it
    must be asked, "not an answer" for an acknowledgement."""
    rng = random.Random(seed)
    forces = sorted(reference().forces(), key=lambda a: a.code)
    buf = io.BytesIO()
    expected: dict[str, str | None] = {}
    used: set[str] = set()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for i in range(n):
            force = forces[i % len(forces)]
            ref = f"FOI {1000 + i}-25"
            if i % 15 == 7 and force.code in DOMAINS or i == 3:  # a correspondence download
                domain = DOMAINS.get(force.code, force.name.split()[0].lower())
                inner = io.BytesIO()
                with zipfile.ZipFile(inner, "w") as z2:
                    z2.writestr("Email.txt", COVERING.format(domain=domain, ref=ref, force=force.name))
                    z2.writestr("Disclosure.xlsx", _anonymous(rng))
                name = f"Correspondence {i}.zip"
                zf.writestr(name, inner.getvalue())
                expected[name] = force.code
                continue
            if i == 11:
                name = "Acknowledgement.txt"
                zf.writestr(name, ACK.format(ref=ref, force=force.name))
                expected[name] = "not an answer"
                continue
            if i == 19:
                name = "Data.xlsx"
                zf.writestr(name, _anonymous(rng, years=True))
                expected[name] = None
                continue
            fmt = LETTER_FORMATS[i % len(LETTER_FORMATS)]
            name = NAMES[i % len(NAMES)].format(ref=ref, ext=SUFFIX[fmt])
            k = 1
            while name in used:
                stem, _, ext = name.rpartition(".")
                name = f"{stem.split(' (')[0]} ({k}).{ext}"
                k += 1
            used.add(name)
            zf.writestr(name, _letter(force.name, ref, fmt, rng))
            expected[name] = force.code
    return buf.getvalue(), expected
