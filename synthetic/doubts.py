"""A synthetic return with one doubtful table of each kind a person settles in the review desk
(every figure invented): a label not recognised, a header row of numbers, and a table whose own
title names another offence; beside them a list of victims that once tied between two readings and
now reads as records on its evidence (a column named for what it records is no count)."""

from __future__ import annotations

from pathlib import Path

YML = 'force: Kent\nreference: "DESK 1"\nperiod_start: 2023-04-01\nperiod_end: 2024-03-31\n'
FILES = {
    "p.csv": "Platform,Count\r\nSnapchat,10\r\nInstagrm app,3\r\n",  # a label no vocabulary knows
    # a list of records (one line per victim), not a table of ages by gender: read so without doubt (issue 18)
    "a.csv": "Victim gender,Victim age\r\nFemale,15\r\nMale,16\r\nFemale,15\r\n",
    # a heading row that reads as figures: 'Under 13' is also how a small number is withheld, beside ages
    "b.csv": ",Under 13,13,14\r\nFemale,2,7,9\r\nMale,1,1,3\r\n",
    "m.csv": "Offences of meeting a child following sexual grooming (s.15) by victim gender\r\nGender,Count\r\nFemale,7\r\nMale,2\r\n",
}


def write_doubtful_source(raw: Path, name: str = "desk_kent") -> Path:
    folder = raw / name
    folder.mkdir(parents=True)
    (folder / "source.yml").write_text(YML, encoding="utf-8")
    for file, text in FILES.items():
        (folder / file).write_text(text, encoding="utf-8")
    return folder


def write_doubtful_letter(raw: Path, name: str = "desk_letter") -> Path:
    """A PDF letter whose table has a label no vocabulary knows ("Instagrm app"): the review desk
    draws its page with the cells outlined."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    folder = raw / name
    folder.mkdir(parents=True)
    (folder / "source.yml").write_text(YML.replace("DESK 1", "DESK 2"), encoding="utf-8")
    c = canvas.Canvas(str(folder / "letter.pdf"), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(72, 780, "Sexual communication with a child: offences by platform, 2023/24")
    for r, (label, count) in enumerate([("Platform", "Count"), ("Snapchat", "10"), ("Instagrm app", "3"), ("WhatsApp", "4")]):
        c.drawString(72, 740 - r * 16, label)
        c.drawRightString(260, 740 - r * 16, count)
    c.showPage()
    c.save()
    return folder
