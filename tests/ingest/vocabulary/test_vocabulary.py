"""Tables of cases for the normalisers: names, labels, markers, periods."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.vocabulary.labels import match_age, match_gender, match_platform, split_platforms
from ingest.vocabulary.periods import parse_date, parse_period, periods_named
from ingest.vocabulary.reference import reference
from ingest.vocabulary.values import parse_value

REF = reference()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Northants", "E23000022"), ("Northamptonshire Police", "E23000022"), ("Met", "E23000001"), ("MPS", "E23000001"),
        ("Metropolitan Police Service (MPS)", "E23000001"), ("Devon & Cornwall", "E23000035"), ("Devon and Cornwall Police", "E23000035"),
        ("Dyfed Powys", "W15000004"), ("Dyfed-Powys Police", "W15000004"), ("Hampshire & IoW", "E23000030"),
        ("Hampshire/IW", "E23000030"), ("Hampshire Constabulary", "E23000030"), ("Avon & Somerset", "E23000036"),
        ("GMP", "E23000005"), ("TVP", "E23000029"), ("Cambs", "E23000023"), ("PSNI", "N23000001"), ("Police Scotland", "S23000009"),
        ("Sussex*", "E23000033"), ("West Midlands", "E23000014"), ("West Midlands region", "E12000005"),
        ("north of England", "GRP-NORTH"), ("South East (4 forces)", "GRP-SE4"), ("Wales (4 forces)", "W92000004"),
        ("England and Wales", "K04000001"), ("UK", "K02000001"), ("  kent police ", "E23000032"),
    ],
)
def test_force_and_area_names(name: str, code: str) -> None:
    area = REF.find_area(name)
    assert area is not None and area.code == code


def test_unknown_force_is_not_guessed_but_near_names_offered() -> None:
    assert REF.find_area("Northamptonshre Constablary") is None
    assert "Northamptonshire Police" in REF.nearest_area_names("Northamptonshre Constablary")
    assert REF.find_area("Gotham City Police") is None


@pytest.mark.parametrize(
    ("label", "band", "low", "high"),
    [
        ("11 and under", "0-11", 0, 11), ("12-15", "12-15", 12, 15), ("16 and over", "16+", 16, None), ("Unknown Age", "unknown", None, None),
        ("Not known", "unknown", None, None), ("0-5", "0-5", 0, 5), ("6-10", "6-10", 6, 10), ("11-15", "11-15", 11, 15),
        ("16-17", "16-17", 16, 17), ("16 and 17", "16-17", 16, 17), ("Under 13 years", "0-12", 0, 12), ("U13", "0-12", 0, 12),
        ("<13", "0-12", 0, 12), ("<=12", "0-12", 0, 12), (">15", "16+", 16, None), ("≥16", "16+", 16, None),
        ("Aged under 13", "0-12", 0, 12), ("13", "13", 13, 13), ("aged 13", "13", 13, 13), ("Under 12", "0-11", 0, 11),
        ("under 11", "0-10", 0, 10), ("15 and under", "0-15", 0, 15), ("12 to 15", "12-15", 12, 15), ("16+", "16+", 16, None),
    ],
)
def test_age_bands_kept_as_given_with_bounds(label: str, band: str, low: int | None, high: int | None) -> None:
    got = match_age(REF, label)
    assert got is not None and (got.label, got.low, got.high) == (band, low, high)


@pytest.mark.parametrize("label", ["Female", "2022", "Snapchat", "Total", ""])
def test_non_ages_are_not_ages(label: str) -> None:
    assert match_age(REF, label) is None


@pytest.mark.parametrize(("label", "gender"), [("F", "female"), ("Female", "female"), ("girls", "female"), ("M", "male"),
                                               ("Boy", "male"), ("U", "unknown"), ("Not recorded", "unknown"),
                                               ("Unknown/Not Stated", "unknown"), ("N/K", "unknown")])
def test_genders(label: str, gender: str) -> None:
    assert match_gender(REF, label) == gender


@pytest.mark.parametrize(
    ("label", "platform", "group"),
    [("Snap Chat", "Snapchat", "Snap"), ("Whatsapp", "WhatsApp", "Meta"), ("KIK", "Kik", "Kik"), ("Insta", "Instagram", "Meta"),
     ("FB Messenger", "Facebook Messenger", "Meta"), ("Tiktok", "TikTok", "ByteDance"), ("Twitter", "X (Twitter)", "X"),
     ("text message", "Text message", "Phone"), ("Facebook", "Facebook", "Meta"),
     ("SnapChat (app)", "Snapchat", "Snap"), ("Instagram app", "Instagram", "Meta"), ("WhatsApp (messaging)", "WhatsApp", "Meta"),
     ("PSN", "PlayStation Network", "Sony"), ("Teams", "Microsoft Teams", "Microsoft"), ("Text/SMS", "Text message", "Phone")],
)
def test_platform_variants(label: str, platform: str, group: str) -> None:
    assert match_platform(REF, label) == (platform, group)


@pytest.mark.parametrize(
    ("cell", "names"),
    [("Snapchat / WhatsApp", ["Snapchat", "WhatsApp"]), ("snap chat and insta", ["snap chat", "insta"]),
     ("Facebook Messenger", ["Facebook Messenger"]), ("Text message", ["Text message"]), ("Kik, Omegle", ["Kik", "Omegle"])],
)
def test_a_cell_naming_two_apps_splits(cell: str, names: list[str]) -> None:
    assert split_platforms(REF, cell) == names


@pytest.mark.parametrize(
    ("raw", "status", "value", "low", "high"),
    [
        (52, "reported", 52, 52, 52), ("1,316", "reported", 1316, 1316, 1316), ("0", "reported", 0, 0, 0),
        ("*", "suppressed", None, 1, 4), ("<5", "suppressed", None, 1, 4), ("Less than 5", "suppressed", None, 1, 4),
        ("[c]", "suppressed", None, 1, 4), ("< 10", "suppressed", None, 1, 9), ("1-4", "suppressed", None, 1, 4),
        ("≤4", "suppressed", None, 1, 4), ("<=4", "suppressed", None, 1, 4), ("4 or fewer", "suppressed", None, 1, 4), ("\u200b12", "reported", 12, 12, 12),
        ("1 to 4", "suppressed", None, 1, 4), ("5-9", "unparsed", None, None, None), ("13-15", "unparsed", None, None, None),
        ("Nil", "reported", 0, 0, 0), ("None", "reported", 0, 0, 0), ("Zero", "reported", 0, 0, 0),
        ("Section 40(2) exemption", "withheld", None, None, None), ("exempt - s.40(2) Personal Information", "withheld", None, None, None),
        ("s.12 cost limit", "refused", None, None, None), ("Full refusal with Section 12(1) exemption", "refused", None, None, None),
        ("not held", "not_held", None, None, None), ("Information not held", "not_held", None, None, None),
        ("n/a", "not_provided", None, None, None), ("[x]", "not_provided", None, None, None), ("", "empty", None, None, None),
        (None, "empty", None, None, None), ("=1+1", "unparsed", None, None, None), ("about forty", "unparsed", None, None, None),
    ],
)
def test_values_and_markers(raw: object, status: str, value: float | None, low: float | None, high: float | None) -> None:
    got = parse_value(raw)
    assert (got.status, got.value, got.low, got.high) == (status, value, low, high)


def test_percent_is_flagged() -> None:
    got = parse_value("33.7%")
    assert got.is_percent and got.value == 33.7


def test_source_suppression_rule_sets_bounds() -> None:
    assert parse_value("*", (1.0, 5.0)).high == 5.0


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2021/22", date(2021, 4, 1), date(2022, 3, 31)), ("2022-23", date(2022, 4, 1), date(2023, 3, 31)),
        ("financial year 2021/2", date(2021, 4, 1), date(2022, 3, 31)), ("From 2021 to 2022", date(2021, 4, 1), date(2022, 3, 31)),
        ("2022 to 2023", date(2022, 4, 1), date(2023, 3, 31)), ("01/04/2022-31/03/2023", date(2022, 4, 1), date(2023, 3, 31)),
        ("Apr-23", date(2023, 4, 1), date(2023, 4, 30)), ("Mar-24", date(2024, 3, 1), date(2024, 3, 31)),
        ("1st April 2024 and 31st March 2025", date(2024, 4, 1), date(2025, 3, 31)),
        ("April 1st 2024 until (and including) March 31st, 2025", date(2024, 4, 1), date(2025, 3, 31)),
        ("October 1, 2018, until (and including) April 2, 2019", date(2018, 10, 1), date(2019, 4, 2)),
        ("3 April 2017 and 3 January 2018", date(2017, 4, 3), date(2018, 1, 3)), ("2022", date(2022, 1, 1), date(2022, 12, 31)),
        ("April 2023 to March 2024", date(2023, 4, 1), date(2024, 3, 31)),
        ("2017-04-03 to 2017-10-02", date(2017, 4, 3), date(2017, 10, 2)),
    ],
)
def test_periods(text: str, start: date, end: date) -> None:
    assert parse_period(text) == (start, end)


FY22, FY23 = (date(2022, 4, 1), date(2023, 3, 31)), (date(2023, 4, 1), date(2024, 3, 31))


@pytest.mark.parametrize(
    ("title", "periods"),
    [
        ("Offences by month / 2022/23", [FY22]), ("Offences by month, 2022/23", [FY22]), ("Year ending March: 2023-24", [FY23]),
        ("Victims / 2023", [(date(2023, 1, 1), date(2023, 12, 31))]), ("2022/23 and 2023/24", [FY22, FY23]),
        ("2022/23 / 2022/23", [FY22]),  # one period named twice is one
        ("FOI 2023-1234 response", []),  # a reference number is no year
        ("Letter of 14 May 2025 / Victims by gender", []),  # a letterhead's date line is no period
        ("2021/23 figures", []), ("", []),
    ],
)
def test_periods_a_title_names(title: str, periods: list[tuple[date, date]]) -> None:
    assert periods_named(title) == periods


@pytest.mark.parametrize("text", ["first year", "last year", "since 2017", "2021/23", "received on 25th September", ""])
def test_unreadable_periods_are_not_guessed(text: str) -> None:
    assert parse_period(text) is None


@pytest.mark.parametrize(
    ("text", "d"),
    [("29th May 2025", date(2025, 5, 29)), ("March 31st, 2025", date(2025, 3, 31)), ("9/3/18", date(2018, 3, 9)),
     ("16 June 2023", date(2023, 6, 16)), ("October 1, 2018", date(2018, 10, 1)), ("2024-10-31", date(2024, 10, 31))],
)
def test_dates(text: str, d: date) -> None:
    assert parse_date(text) == d


@pytest.mark.parametrize(("raw", "value", "mark"), [
    ("468¹", 468.0, "¹"), ("2*", 2.0, "*"), ("3^", 3.0, "^"), ("20^**", 20.0, "^**"), ("1,316 R", 1316.0, "r"), ("7†", 7.0, "†"),
    ("1,316‡", 1316.0, "‡"), ("12 (34%)", 12.0, "(34%)"), ("1,316 (22.5%)", 1316.0, "(22.5%)"),
    ("52 (r)", 52.0, "(r)"), ("7 [note 2]", 7.0, "[note 2]"), ("2,701", 2701.0, ""), ("12", 12.0, ""),
])
def test_a_number_with_a_mark_is_the_number(raw: str, value: float, mark: str) -> None:
    """Issue 18: footnote digits, stars, carets and revision marks set against a figure."""
    pv = parse_value(raw)
    assert (pv.status, pv.value, pv.mark) == ("reported", value, mark)


@pytest.mark.parametrize("raw", ["*", "**", "R", "1,2*", "^"])
def test_a_mark_alone_is_never_a_number(raw: str) -> None:
    assert parse_value(raw).value is None


@pytest.mark.parametrize(("label", "what"), [
    ("Male¹", ("gender", "male")), ("Female (a)", ("gender", "female")), ("Under 13 (a)", ("age", "0-12")),
    ("Snapchat¹", ("platform", "Snapchat")), ("Total (a)", ("role", "total")),
])
def test_a_label_with_a_footnote_mark_means_what_it_means_without(label: str, what: tuple[str, str]) -> None:
    """Issue 18 / quirks corpus: a footnote mark set against a category is no part of it."""
    from ingest.vocabulary.labels import match_role

    kind, value = what
    got = {"gender": lambda: match_gender(REF, label), "age": lambda: match_age(REF, label).label,  # type: ignore[union-attr]
           "platform": lambda: match_platform(REF, label)[0],  # type: ignore[index]
           "role": lambda: match_role(REF, label)}[kind]()
    assert got == value


@pytest.mark.parametrize("label", ["Offences (n)", "Crime count", "Offence count", "Volume of offences", "Recorded crimes",
                                   "Crimes recorded", "Number of Crimes Recorded", "No. of crimes"])
def test_a_count_heading_as_forces_write_it(label: str) -> None:
    from ingest.vocabulary.labels import match_role

    assert match_role(REF, label) == "value"


@pytest.mark.parametrize(("label", "other"), [
    ("Number of victims", True), ("Victims", True), ("Charged/summonsed", True), ("Outcome rate (%)", True), ("Arrests", True),
    # a victim's dimension, a count of the offences, a category: never another measure
    ("Victim gender", False), ("Age of victim", False), ("Number of offences", False), ("Crimes recorded", False), ("Female", False),
])
def test_a_heading_counting_something_else_than_the_offences(label: str, other: bool) -> None:
    from ingest.vocabulary.labels import is_other_measure_label

    assert is_other_measure_label(label) == other
