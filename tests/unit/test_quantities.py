"""Extraction of quantities: spans, intervals, kinds and head nouns."""

from __future__ import annotations

import math

import pytest

from consistency.quantities import expected, extract_quantities, name_stems, pair_values

INF = math.inf


@pytest.mark.parametrize(
    "text, span, low, high, kind, unit",
    [
        ("Police arrested 230 people overnight.", "230", 230, 230, "count", "person"),
        ("The storm damaged two cars.", "two", 2, 2, "count", "car"),
        ("Officials counted twenty-five boats.", "twenty-five", 25, 25, "count", "boat"),
        ("The bakery sold a dozen cakes.", "a dozen", 12, 12, "count", "cak"),
        ("The town has 1,234,567 residents.", "1,234,567", 1234567, 1234567, "count", "resident"),
        ("It paid a fine of $25m last year.", "$25m", 23.75e6, 26.25e6, "money", None),
        ("The deal is worth $2.5 million.", "$2.5 million", 2.45e6, 2.55e6, "money", None),
        ("BP sells the assets for $5.55 bil.", "$5.55 bil", 5.545e9, 5.555e9, "money", None),
        ("The US offers $10 mil. for his capture.", "$10 mil", 9.5e6, 10.5e6, "money", None),
        ("The app has 1.2bn users.", "1.2bn", 1.15e9, 1.25e9, "count", "user"),
        ("AOL sells patents for $1.1 bn to Microsoft.", "$1.1 bn", 1.05e9, 1.15e9, "money", None),
        ("Bezos buys the paper for $250-M.", "$250-M", 237.5e6, 262.5e6, "money", None),
        ("Biden releases $6T budget.", "$6T", 5.7e12, 6.3e12, "money", "budget"),
        ("Police offer $100G reward.", "$100G", 95e3, 105e3, "money", "reward"),
        ("Turnout rose 5% this year.", "5%", 4.51, 5.49, "percent", None),
        ("Turnout rose 5 percent this year.", "5 percent", 4.51, 5.49, "percent", None),
        ("Prices climbed five per cent in May.", "five per cent", 4.51, 5.49, "percent", None),
        ("More than 200 homes lost power.", "More than 200", 200, INF, "count", "hom"),
        ("At least 12 schools closed.", "At least 12", 12, INF, "count", "school"),
        ("Fewer than 40 flights left.", "Fewer than 40", 0, 40, "count", "flight"),
        ("Up to 300 jobs could go.", "Up to 300", 0, 300, "count", "job"),
        ("About 100 families were moved.", "About 100", 90, 110, "count", "famili"),
        ("Some 300 protesters gathered.", "Some 300", 270, 330, "count", "protest"),
        ("Nearly 1,000 votes were lost.", "Nearly 1,000", 850, 1000, "count", "vot"),
        ("The tour drew 200-300 fans.", "200-300", 200, 300, "count", "fan"),
        ("It takes between 2 and 5 weeks.", "between 2 and 5", 2, 5, "count", "week"),
        ("The fund lost 20 euros per share.", "20 euros", 20, 20, "money", None),
        ("Dozens of shops were looted.", "Dozens", 20, 300, "count", "shop"),
        ("Half a million tickets sold out.", "Half a million", 475e3, 525e3, "count", "ticket"),
        ("It hired 200 new workers.", "200", 200, 200, "count", "work"),
        ("It hired two hundred and five nurses.", "two hundred and five", 205, 205, "count",
         "nurs"),
    ],
)
def test_quantities_extracts_span_interval_and_unit(text, span, low, high, kind, unit):
    found = extract_quantities(text)
    assert len(found) == 1
    q = found[0]
    assert (q.text, q.kind, q.unit) == (span, kind, unit)
    assert text[q.start:q.end] == span
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high)


@pytest.mark.parametrize(
    "text",
    [
        "The law was passed in 2019.",
        "The bill, AB 2261, failed in committee.",
        "COVID-19 cases rose among G7 nations.",
        "The meeting is on June 10 at 10 a.m.",
        "Trading resumed at 14:30 local time.",
        "She finished 3rd in the race in the 1990s.",
        "He is one of the founders.",
    ],
)
def test_quantities_skips_years_dates_times_ordinals_and_ids(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    "text, spans",
    [
        ("Sales rose 5% to $2.5 million.", ["5%", "$2.5 million"]),
        ("Prices rose from 5% to 7%.", ["5%", "7%"]),
        ("Three people died and 12 people were hurt.", ["Three", "12"]),
    ],
)
def test_quantities_keeps_separate_quantities_apart(text, spans):
    assert [q.text for q in extract_quantities(text)] == spans


@pytest.mark.parametrize(
    "a, b, agreed, clashes",
    [
        ([2, 5], [5, 3], [(5, 5)], [(2, 3)]),
        ([2], [3, 4], [], []),  # two candidates: ambiguous, no conflict
        ([1], [1], [(1, 1)], []),
        ([], [4], [], []),
    ],
)
def test_quantities_pair_values_is_conservative(a, b, agreed, clashes):
    got = pair_values(a, b, lambda x, y: True, lambda x, y: x == y)
    assert got == (agreed, clashes)


@pytest.mark.parametrize("text, is_expected", [
    ("Economists project employers will add an average of 514,000 jobs a month.", True),
    ("Officials project the deficit to reach $1 trillion.", True),
    ("Sales of $5 billion were expected.", True),
    ("Analysts had predicted a 3% rise.", True),
    ("The economy beat expectations by adding 916,000 jobs.", False),
    ("Sales rose more than expected to $5 billion.", False),
    ("The $5 billion project will be finished next year.", False),
    ("The new project will cost $5 billion.", False),
    ("Employers added 850,000 jobs in June.", False),
])
def test_quantities_expected_tells_a_forecast_from_an_outcome(text, is_expected):
    [q] = extract_quantities(text)
    assert expected(text, q) is is_expected


@pytest.mark.parametrize("text, names", [
    ("Police said President Lee spoke in New York on Monday.", {"lee", "new", "york"}),
    ("Police spoke. Then Park left.", {"park"}),  # a capital opening a sentence is no sign
    ("Storm Cuts Power To Thousands In Texas", set()),  # title case: capitals say nothing
])
def test_quantities_name_stems_are_the_words_of_names(text, names):
    assert name_stems(text) == names
