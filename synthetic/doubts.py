"""A synthetic return with one doubtful table of each kind a person settles in the review desk
(every figure invented): a label not recognised, two readings that disagree, a header row of
numbers, and a table whose own title names another offence."""

from __future__ import annotations

from pathlib import Path

YML = 'force: Kent\nreference: "DESK 1"\nperiod_start: 2023-04-01\nperiod_end: 2024-03-31\n'
FILES = {
    "p.csv": "Platform,Count\r\nSnapchat,10\r\nInstagrm app,3\r\n",  # a label no vocabulary knows
    "a.csv": "Victim gender,Victim age,,\r\n,15,16,17\r\nFemale,3,4,5\r\nMale,1,2,6\r\n",  # readings disagree
    "b.csv": "Victim gender,Victim age,,\r\n,12,13,14\r\nFemale,2,7,9\r\nMale,1,1,3\r\n",
    "m.csv": "Offences of meeting a child following sexual grooming (s.15) by victim gender\r\nGender,Count\r\nFemale,7\r\nMale,2\r\n",
}


def write_doubtful_source(raw: Path, name: str = "desk_kent") -> Path:
    folder = raw / name
    folder.mkdir(parents=True)
    (folder / "source.yml").write_text(YML, encoding="utf-8")
    for file, text in FILES.items():
        (folder / file).write_text(text, encoding="utf-8")
    return folder
