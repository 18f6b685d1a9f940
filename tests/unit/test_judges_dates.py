"""The date check: extraction of dates, times and relative dates, and hand-made sentence pairs."""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.judges.dates import check_dates, extract_dates, is_bound
from consistency.judges.registry import get_check
from consistency.types import Claim, FindingType

PUB = dt.date(2020, 6, 11)  # a Thursday


@pytest.mark.parametrize(
    "text, published, span, fields",
    [
        ("The deal closed on June 10, 2020.", None, "June 10, 2020", (2020, 6, 10, None, None)),
        ("The deal closed on 10 June.", None, "10 June", (None, 6, 10, None, None)),
        ("The deal closed on 10 June.", PUB, "10 June", (2020, 6, 10, None, None)),
        ("The filing is dated 2020-06-10.", None, "2020-06-10", (2020, 6, 10, None, None)),
        ("The plant opened in 2019.", None, "2019", (2019, None, None, None, None)),
        ("Prices peaked in March.", None, "March", (None, 3, None, None, None)),
        ("Prices peaked in June 2020.", None, "June 2020", (2020, 6, None, None, None)),
        ("The firm spoke on wednesday.", None, "wednesday", (None, None, None, 2, None)),
        ("Voting opens at 10 a.m. sharp.", None, "10 a.m.", (None, None, None, None, 10)),
        ("Voting closes at 9:30 pm.", None, "9:30 pm", (None, None, None, None, 21)),
        ("Trading resumed at 14:30.", None, "14:30", (None, None, None, None, 14)),
        ("The mayor resigned yesterday.", PUB, "yesterday", (2020, 6, 10, 2, None)),
        ("The mayor resigned yesterday.", None, "yesterday", (None, None, None, None, None)),
        ("He said so the day before.", PUB, "the day before", (2020, 6, 10, 2, None)),
        ("The vote was held last week.", PUB, "last week", (2020, 6, None, None, None)),
        ("Sales slowed last year.", PUB, "last year", (2019, None, None, None, None)),
        ("Two banks merged earlier this week.", PUB, "earlier this week",
         (2020, 6, None, None, None)),
    ],
)
def test_dates_extracts_mention_with_exact_span(text, published, span, fields):
    found = extract_dates(text, published)
    assert [m.text for m in found] == [span]
    m = found[0]
    assert text[m.start:m.end] == span
    assert (m.year, m.month, m.day, m.weekday, m.hour) == fields


@pytest.mark.parametrize(
    "text",
    [
        "The bill AB 2261 failed.",
        "Turnout hit 2020 voters in the district.",
        "Officials may decide soon.",
        "Sales grew 2019% in a typo.",
    ],
)
def test_dates_ignores_numbers_and_words_that_are_not_dates(text):
    assert extract_dates(text) == []


CONFLICTS = [
    ("Amazon announced the pause on Wednesday.", "Amazon announced the pause on Thursday.",
     None, None, "Wednesday", "Thursday"),
    ("The plant first opened in 2019.", "The plant first opened in 2020.", None, None,
     "2019", "2020"),
    ("The treaty was signed on June 10.", "The treaty was signed on June 12.", None, None,
     "June 10", "June 12"),
    ("The mayor resigned yesterday.", "The mayor resigned on Tuesday.", PUB, PUB,
     "yesterday", "Tuesday"),
    ("The launch is set for 10 a.m.", "The launch is set for 11 a.m.", None, None,
     "10 a.m.", "11 a.m."),
    ("The storm hit the coast on 3 March 2021.", "The storm hit the coast on 2021-03-05.",
     None, None, "3 March 2021", "2021-03-05"),
    ("The merger was announced in May 2018.", "The merger was announced in July 2018.",
     None, None, "May 2018", "July 2018"),
    ("The strike began on Monday, June 8, 2020.", "The strike began on Friday.", None, None,
     "Monday, June 8, 2020", "Friday"),
    ("Police made the arrest last week.", "Police made the arrest on June 9, 2020.", PUB, PUB,
     "last week", "June 9, 2020"),
    ("The company reported results in 2017.", "The company reported results last year.",
     None, PUB, "2017", "last year"),
    ("Polls close at 20:00 local time.", "Polls close at 9 p.m. local time.", None, None,
     "20:00", "9 p.m."),
    ("The ship sank on Sunday night.", "The ship sank on Saturday night.", None, None,
     "Sunday", "Saturday"),
    ("Amazon said on Tuesday it would pause sales.", "On Friday, Amazon said it would pause sales.",
     None, None, "Tuesday", "Friday"),
]


@pytest.mark.parametrize("a, b, pub_a, pub_b, value_a, value_b", CONFLICTS)
def test_dates_flags_incompatible_dates(a, b, pub_a, pub_b, value_a, value_b):
    result = check_dates(Claim.bare(a, published=pub_a), Claim.bare(b, published=pub_b))
    assert len(result.conflicts) == 1
    conflict = result.conflicts[0]
    assert conflict.type is FindingType.DATE
    assert (conflict.value_a, conflict.value_b) == (value_a, value_b)
    assert 0.0 < conflict.strength <= 1.0 and conflict.detail.startswith("different")


NO_CONFLICTS = [
    ("The mayor resigned yesterday.", "The mayor resigned on Tuesday.", None, None, 0),
    ("The mayor resigned yesterday.", "The mayor resigned on Wednesday.", PUB, PUB, 1),
    ("Sales slowed last year.", "Sales slowed in 2019.", None, None, 0),
    ("Sales slowed last year.", "Sales slowed in 2019.", PUB, PUB, 1),
    ("The law took effect in June 2020.", "The law took effect on June 10, 2020.", None, None, 1),
    ("The firm spoke on Wednesday.", "The firm spoke on Wednesday, June 10.", None, None, 1),
    ("The bill passed in 2019.", "The bill passed on Tuesday.", None, None, 0),
    ("The deal closed on June 10, 2020.", "The deal closed on Wednesday.", None, None, 1),
    ("Two banks merged earlier this week.", "Two banks merged on Tuesday.", PUB, PUB, 1),
    ("The vote is at 10 a.m.", "The vote is at 10:00 a.m.", None, None, 1),
    ("He cast his vote at 1 a.m. in Houston.", "He cast his vote after midnight in Houston.",
     None, None, 0),  # a bound on the time, not a time
    ("The mine closed in March.", "The mine closed on Friday.", None, None, 0),
    ("The council met on Monday.", "The council met and voted.", None, None, 0),
    ("Amazon announced the ban on Wednesday.", "On Thursday, Microsoft echoed the ban.", None,
     None, 0),  # different actors: different events
    ("Amazon announced the ban on Wednesday.", "On Wednesday, Amazon's rival echoed the ban.",
     None, None, 1),
]


@pytest.mark.parametrize("a, b, pub_a, pub_b, matches", NO_CONFLICTS)
def test_dates_passes_compatible_or_incomparable_dates(a, b, pub_a, pub_b, matches):
    result = check_dates(Claim.bare(a, published=pub_a), Claim.bare(b, published=pub_b))
    assert result.conflicts == ()
    assert result.matches == matches


def test_dates_is_registered():
    assert get_check("date") is check_dates


# Near-identical claims: a bare year or a changed date in the same place conflicts.
CONTEXT_CONFLICTS = [
    ("The port authority released its Q3 2019 traffic figures on its website.",
     "The port authority released its Q3 2017 traffic figures on its website.", "2019", "2017"),
    ("The museum said its 2016 survey of the collection found no damage.",
     "The museum said its 2015 survey of the collection found no damage.", "2016", "2015"),
    ("Pensioners will get a larger payment for 2022 under the new rules.",
     "Pensioners will get a larger payment for 2023 under the new rules.", "2022", "2023"),
]

CONTEXT_AGREEMENTS = [
    ("The ferry resumed service on June 3 after the repairs.",
     "The ferry resumed service on 3 June after the repairs."),
    ("The port authority released its Q3 2019 traffic figures on its website.",
     "The port authority released its third-quarter 2019 traffic figures on its website."),
    # a number that is not a year
    ("The port authority handled 2019 ships in the quarter, its report said.",
     "The port authority handled 2,019 ships in the quarter, its report said."),
]


@pytest.mark.parametrize("a, b, value_a, value_b", CONTEXT_CONFLICTS)
def test_judges_dates_context_flags_changed_year(a, b, value_a, value_b):
    result = check_dates(Claim.bare(a), Claim.bare(b))
    assert [(c.type, c.value_a, c.value_b) for c in result.conflicts] == [
        (FindingType.DATE, value_a, value_b)]


@pytest.mark.parametrize("a, b", CONTEXT_AGREEMENTS)
def test_judges_dates_context_passes_same_dates(a, b):
    assert check_dates(Claim.bare(a), Claim.bare(b)).conflicts == ()


@pytest.mark.parametrize("a, b, conflicts", [
    ("The House delivered the article of impeachment on Monday evening.",
     "On Tuesday, senators who act as jurors will be sworn in.", 0),
    ("The House delivered the article of impeachment on Monday evening.",
     "The article of impeachment was delivered by the House on Tuesday.", 1),
])
def test_judges_dates_differently_worded_dates_must_hang_on_same_words(a, b, conflicts):
    assert len(check_dates(Claim.bare(a), Claim.bare(b)).conflicts) == conflicts


@pytest.mark.parametrize("a, b, conflicts", [
    # only a participant (a name) and a numeral word in common: two events
    ("Senator Cole on Monday criticised the columnist for his piece.",
     "The columnist wrote that Cole had stayed silent on Sunday.", 0),
    ("The fair's first day on Thursday drew 1.3 million people.",
     "Governor Lee said on Monday that 2 million doses remain.", 0),
    # a name written at the start of one claim is still a name when the other writes it so
    ("Cole's first day in office on Thursday drew a crowd.",
     "Senator Tom Cole said on Monday he would resign.", 0),
    # nor is a shared title, or a name opening both claims
    ("President Ruiz on Monday criticised the columnist for his piece.",
     "The columnist wrote that the president had stayed silent on Sunday.", 0),
    ("Harlow said Saturday that it had fired the editor.",
     "Harlow first published the column on Thursday morning.", 0),
    # the same act: the shared verb and object still make it one event
    ("Senator Cole on Monday criticised the columnist.",
     "Cole criticised the columnist on Sunday.", 1),
])
def test_judges_dates_a_shared_name_or_numeral_does_not_make_one_event(a, b, conflicts):
    assert len(check_dates(Claim.bare(a), Claim.bare(b)).conflicts) == conflicts


@pytest.mark.parametrize("a, b, conflicts", [
    ("The Senate is expected to vote on the bill on Tuesday, leaders said.",
     "The Senate voted on the bill on Monday, according to leaders.", 0),
    ("The Senate will vote on the bill on Tuesday, leaders said.",
     "The Senate voted on the bill on Monday, according to leaders.", 1),
])
def test_judges_dates_an_expected_date_is_not_compared_with_an_actual_one(a, b, conflicts):
    assert len(check_dates(Claim.bare(a), Claim.bare(b)).conflicts) == conflicts


@pytest.mark.parametrize("text, bound", [
    ("Visas are suspended until December 31.", True),
    ("The ban applies starting Sunday.", True),
    ("The rules have been in force since March 3.", True),
    ("The ban starts on Monday.", False),
    ("He spoke by phone on Monday.", False),
])
def test_judges_dates_is_bound_tells_a_period_limit_from_an_event_date(text, bound):
    [mention] = extract_dates(text)
    assert is_bound(text, mention) is bound


@pytest.mark.parametrize("a, b, conflicts", [
    ("The administration on Monday announced it will suspend some worker visas.",
     "Trump will sign an order suspending worker visas until December 31, 2020.", 0),
    ("The administration announced on Monday that it will suspend some worker visas.",
     "The administration on Tuesday announced that it would suspend worker visas.", 1),
])
def test_judges_dates_a_bound_is_not_compared_with_an_event_date(a, b, conflicts):
    assert len(check_dates(Claim.bare(a), Claim.bare(b)).conflicts) == conflicts
