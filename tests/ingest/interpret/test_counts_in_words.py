"""Counts a letter gives in sentences for the periods it names (issue 18: a nil return in words gave
no 0 and 1, only one withheld row for the whole span). Tables of cases; invented figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.interpret.readings import counts_by_period
from ingest.issues import IssueLog
from ingest.pipeline import ingest_source
from tests.conftest import make_source

FY22, FY23 = (date(2022, 4, 1), date(2023, 3, 31)), (date(2023, 4, 1), date(2024, 3, 31))


@pytest.mark.parametrize(("text", "counts"), [
    ("No offences were recorded in 2022/23 and one offence was recorded in 2023/24.", [(0, FY22), (1, FY23)]),
    ("In 2022/23 there were no offences; in 2023/24, one offence.", [(0, FY22), (1, FY23)]),
    ("There were 12 offences recorded between 1 April 2022 and 31 March 2023.", [(12, FY22)]),
    ("2024: 1 January to 31 May, three crimes were recorded.", [(3, (date(2024, 1, 1), date(2024, 5, 31)))]),
    ("In the calendar year 2023 there were 1,204 offences.", [(1204, (date(2023, 1, 1), date(2023, 12, 31)))]),
    ("A single offence was recorded during 2023/24.", [(1, FY23)]),
    # the second clause leaves out what it counts (its 58 was lost without a word)
    ("Between 1 April 2022 and 31 March 2023 there were 54 crimes recorded, and between 1 April 2023 and 31 March 2024 there "
     "were 58.", [(54, FY22), (58, FY23)]),
    ("In 2022/23, 54 offences were recorded. In 2023/24 the figure was 58.", [(54, FY22), (58, FY23)]),
    # counts paired with periods by the sentence (the first had been taken for both years)
    ("54 offences were recorded in 2022/23, compared with 58 in 2023/24.", [(54, FY22), (58, FY23)]),
    ("54 and 1,058 offences were recorded in 2022/23 and 2023/24 respectively.", [(54, FY22), (1058, FY23)]),
    ("The force recorded 54 offences in 2022/23 and 58 in 2023/24.", [(54, FY22), (58, FY23)]),
    ("Offences under s.15A: 2022/23 54, 2023/24 58.", [(54, FY22), (58, FY23)]),
    # only the count of offences: never another quantity's, a part's, or a number that pairs with no period
    ("There were 54 offences in 2022/23; the number of victims in 2023/24 was 50.", [(54, FY22)]),
    ("In 2022/23 there were 20 offences and 12 were on Snapchat in 2023/24.", [(20, FY22)]),
    ("In 2022/23, 54 offences were recorded. In 2023/24 the youngest victim was 11.", [(54, FY22)]),
])
def test_each_count_takes_the_period_of_its_own_clause(text: str, counts: list[tuple[int, tuple[date, date]]]) -> None:
    assert [(n, p) for _, n, p in counts_by_period(text)] == counts


@pytest.mark.parametrize("text", [
    "No offences were recorded.",  # no period: the total sentence's reading, not this one
    "Offences under s.15 were recorded in 2022/23.",  # a section number is no count
    "There were 15 offences in 2022/23 and 2023/24 together.",  # two periods in one clause: no guess
    "More than two offences were recorded in 2022/23.",  # a bound, not a count
    "Your request of 3 May 2024 asked for offences in 2022/23.",  # no count at all
    "In 2022/23 and 2023/24 there were 54 and 58 offences.",  # not said which is which (no 'respectively')
    # a reference's number before the next line's title, joined into one paragraph (the fuzzer found a made-up 1)
    "Our reference: FUZZ-1 Offences by month, 2023/24", "Our reference: 1234 Offences by month, 2023/24",
])
def test_no_count_is_guessed(text: str) -> None:
    assert counts_by_period(text) == []


def letter(paragraphs: list[str]) -> bytes:
    import io

    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


YML = 'force: Kent\nreference: "N"\nperiod_start: 2022-04-01\nperiod_end: 2024-03-31\n'


def test_a_nil_return_in_words_gives_a_true_zero_a_one_and_its_details_withheld(tmp_path: Path) -> None:
    body = letter(["Dear Requester,", "Thank you for your request about sexual communication with a child.",
                   "No offences were recorded in 2022/23 and one offence was recorded in 2023/24.",
                   "The details of the offence (the age and gender of the victim, the platform used) are withheld under "
                   "section 40(2), as they could identify the person.", "Yours sincerely"])
    folder = make_source(tmp_path, "s", {"letter.docx": body}, yml=YML)
    log = IssueLog()
    rows, _ = ingest_source(folder, log)
    got = {(r["breakdown"], str(r["period_start"]), str(r["period_end"])): (r["status"], r["value"]) for r in rows}
    assert got[("total", "2022-04-01", "2023-03-31")] == ("reported", 0.0)  # a true zero, stated
    assert got[("total", "2023-04-01", "2024-03-31")] == ("reported", 1.0)
    assert got[("age_gender", "2022-04-01", "2024-03-31")][0] == "withheld"
    assert got[("platform", "2022-04-01", "2024-03-31")][0] == "withheld"
    assert ("total", "2022-04-01", "2024-03-31") not in got  # never one row for the whole span
    assert [r["issue_type"] for r in log.rows].count("number_in_words") == 2


def test_a_count_in_a_sentence_about_another_offence_is_not_filed_as_s15a(tmp_path: Path) -> None:
    body = letter(["Offences of meeting a child following sexual grooming (s.15): no offences were recorded in 2022/23.",
                   "Sexual communication with a child: four offences were recorded in 2022/23."])
    folder = make_source(tmp_path, "s", {"letter.docx": body}, yml=YML)
    rows, _ = ingest_source(folder, IssueLog())
    assert [(r["breakdown"], r["value"]) for r in rows] == [("total", 4.0)]


def test_any_counts_joined_into_one_sentence_each_keep_their_own_year() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from ingest.interpret.readings import COUNT_WORDS

    words = {v: k for k, v in COUNT_WORDS.items() if k not in ("nil", "zero", "a single")}

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.tuples(st.integers(0, 5000), st.sampled_from(range(2017, 2025)), st.booleans()), min_size=1, max_size=4,
                    unique_by=lambda x: x[1]))
    def check(parts: list[tuple[int, int, bool]]) -> None:
        clauses = [f"{words[n] if spelt and n in words else f'{n:,}'} offences were recorded in {y}/{(y + 1) % 100:02d}"
                   for n, y, spelt in parts]
        text = "; ".join(clauses[:-1]) + (" and " if len(clauses) > 1 else "") + clauses[-1] + "."
        assert [(n, p[0].year) for _, n, p in counts_by_period(text)] == [(n, y) for n, y, _ in parts]

    check()


@pytest.mark.parametrize(("lines", "want"), [
    (["The number of offences of sexual communication with a child recorded:", "2022/23 - 45", "2023/24 - 52"],
     [("45", "2022-04-01"), ("52", "2023-04-01")]),
    (["Offences recorded by the force:", "\u2022 2022/23: 7 offences", "\u2022 2023/24: 9 offences"],
     [("7 offences", "2022-04-01"), ("9 offences", "2023-04-01")]),  # read as counts stated in words
    (["Meeting a child following sexual grooming (s.15):", "2022/23 - 4", "2023/24 - 6"], []),  # another offence's list
    (["Offences recorded:", "2022/23 - 45"], []),  # one line alone is no list
    (["Periods covered:", "2021 - 2022", "2023 - 2024"], []),  # lines that are periods themselves
])
def test_counts_listed_a_period_a_line(lines: list[str], want: list[tuple[str, str]]) -> None:
    from ingest.interpret.readings import counts_stated
    from ingest.read.base import ProseLine

    prose = [ProseLine(f"paragraph {i + 1}", t) for i, t in enumerate(lines)]
    from ingest.vocabulary.reference import reference

    got = counts_stated(prose, reference())
    assert [(str(f.value_raw), f.labels[1].text.split(" to ")[0]) for f in got] == want


@pytest.mark.parametrize(("lines", "want"), [
    (["In 2023/24 the force recorded 20 offences.", "Of these, 12 involved Snapchat, 5 Instagram and 3 WhatsApp."],
     [("12", "Snapchat", "2023-04-01"), ("5", "Instagram", "2023-04-01"), ("3", "WhatsApp", "2023-04-01")]),
    (["Of the offences in 2022/23, 7 were on Facebook Messenger and 2 via Snapchat. Yours sincerely"],
     [("7", "Facebook Messenger", "2022-04-01"), ("2", "Snapchat", "2022-04-01")]),
    (["Of these, 12 involved Snapchat."], []),  # one platform alone is no list
    (["Meeting a child following grooming (s.15): 4 on Snapchat and 2 on Instagram in 2023/24."], []),  # another offence
    (["In 2023/24 there were 20 offences.", "14 of the victims were female and 6 male."],
     [("14", "female", "2023-04-01"), ("6", "male", "2023-04-01")]),
    (["Of these, 9 victims were girls and 2 were boys in 2022/23."], [("9", "girls", "2022-04-01"), ("2", "boys", "2022-04-01")]),
    (["In 2023/24, 8 were aged under 13 and 12 aged 13 to 15."], [("8", "aged under 13", "2023-04-01"), ("12", "aged 13 to 15", "2023-04-01")]),
])
def test_platforms_and_genders_counted_in_a_sentence(lines: list[str], want: list[tuple[str, str, str]]) -> None:
    from ingest.interpret.readings import categories_stated
    from ingest.read.base import ProseLine
    from ingest.vocabulary.reference import reference

    got = categories_stated([ProseLine(f"paragraph {i + 1}", t) for i, t in enumerate(lines)], reference(), {"platform", "gender", "age"})
    assert [(str(f.value_raw), f.labels[0].text, f.labels[1].text.split(" to ")[0] if len(f.labels) > 1 else "") for f in got] == want


@pytest.mark.parametrize(("said", "want"), [
    ("54 offences were recorded in 2022/23, compared with 58 in 2023/24.", {"2022-04-01": 54.0, "2023-04-01": 58.0}),
    ("In 2022/23 and 2023/24 there were 54 and 58 offences.", {}),
    ("There were 54 offences in 2022/23 and 2023/24 together.", {}),
])
def test_counts_for_several_years_in_one_sentence_are_paired_or_doubted_never_given_to_the_whole_span(
        tmp_path: Path, said: str, want: dict[str, float]) -> None:
    body = letter(["Dear Requester,", "Thank you for your request about sexual communication with a child.", said,
                   "We do not record the platform used in a searchable field; to find it would exceed the cost limit (section 12)."])
    log = IssueLog()
    rows, _ = ingest_source(make_source(tmp_path, "s", {"letter.docx": body}, yml=YML), log)
    totals = {str(r["period_start"]): r["value"] for r in rows if r["breakdown"] == "total"}
    assert totals == want  # never one year's count for both years
    assert [r["status"] for r in rows if r["breakdown"] == "platform"] == ["refused"]
    doubts = [r for r in log.rows if r["issue_type"] == "sentence_not_read"]
    assert bool(doubts) == (not want) and all(r["severity"] == "review" for r in doubts)


@pytest.mark.parametrize(("lines", "want", "doubted"), [
    (["1. How many offences of sexual communication with a child were recorded in 2022/23?", "54",
      "2. How many were recorded in 2023/24?", "58"], {"2022-04-01": 54.0, "2023-04-01": 58.0}, False),
    (["Question 1: How many offences were recorded in 2022/23?", "Answer: none"], {"2022-04-01": 0.0}, False),
    (["You asked: the number of s.15A offences recorded in 2023/24.", "Response: 58 offences."], {"2023-04-01": 58.0}, False),
    # one line (a PDF runs a question and its answer together)
    (["Q1. How many offences were recorded in 2022/23? A1. 54 Q2. How many in 2023/24? A2. 58"],
     {"2022-04-01": 54.0, "2023-04-01": 58.0}, False),
    # answers that are no period's total: a part of the offences, another quantity, no period
    (["3. How many of the victims were under 13 in 2022/23?", "12"], {}, True),
    (["How many offences involved Snapchat in 2023/24?", "9"], {}, True),
    (["Q4. How many people were charged in 2022/23?", "A4. 7"], {}, True),
    (["How many offences were recorded in total?", "112"], {}, True),
    (["Q5. How many section 15 offences (meeting a child following grooming) were recorded in 2022/23?", "Answer: 3"], {}, False),
    (["What is your reference number?", "12345"], {}, False),
])
def test_an_answer_under_its_question_is_its_periods_count_or_a_doubt(tmp_path: Path, lines: list[str], want: dict[str, float],
                                                                      doubted: bool) -> None:
    body = letter(["Dear Requester,", "Thank you for your request about sexual communication with a child.", *lines, "Yours sincerely"])
    log = IssueLog()
    rows, _ = ingest_source(make_source(tmp_path, "s", {"letter.docx": body}, yml=YML), log)
    assert {str(r["period_start"]): r["value"] for r in rows if r["breakdown"] == "total"} == want
    assert any(r["issue_type"] == "sentence_not_read" for r in log.rows) == doubted


@pytest.mark.parametrize(("said", "total"), [
    ("The total number of offences recorded for the period requested is 54.", 54.0),
    ("We have identified 54 crimes that fall within the scope of your request.", 54.0),
    ("Our records show 54 recorded offences.", 54.0),
    ("The force recorded 1,054 offences.", 1054.0),
    ("Number of offences: 54", 54.0),
    ("There were 54 offences recorded, involving 50 victims.", 54.0),
    # a part of the offences, a rate, a bound or another offence's count: no total for the span
    ("12 offences involved Snapchat.", None),
    ("Of these, 12 offences involved girls under 13.", None),
    ("The force records about 5 offences per month.", None),
    ("At least 5 offences were recorded.", None),
    ("Meeting a child following sexual grooming (s.15): 4 offences were recorded.", None),
])
def test_a_total_stated_in_a_sentence_with_no_period_is_the_spans(tmp_path: Path, said: str, total: float | None) -> None:
    body = letter(["Dear Requester,", "Thank you for your request about sexual communication with a child.", said, "Yours sincerely"])
    rows, _ = ingest_source(make_source(tmp_path, "s", {"letter.docx": body}, yml=YML), IssueLog())
    totals = [(str(r["period_start"]), str(r["period_end"]), r["value"]) for r in rows if r["breakdown"] == "total"]
    assert totals == ([("2022-04-01", "2024-03-31", total)] if total is not None else [])
