"""The numeric check on hand-made pairs of news sentences."""

from __future__ import annotations

import pytest

from consistency.judges.numeric import check_numeric, is_increment, same_measure
from consistency.judges.registry import get_check
from consistency.quantities import extract_quantities
from consistency.types import Claim, FindingType

CONFLICTS = [
    ("The company agreed to pay $2.5 million to settle.",
     "The company agreed to pay $25 million to settle.", "$2.5 million", "$25 million"),
    ("Three people died in the crash.", "Five people died in the crash.", "Three", "Five"),
    ("The airline cancelled 40 flights on Monday.", "The airline cancelled 400 flights on Monday.",
     "40", "400"),
    ("Unemployment fell to 4.1% in March.", "Unemployment fell to 5.1% in March.", "4.1%", "5.1%"),
    ("More than 200 homes were flooded.", "Fewer than 100 homes were flooded.", "More than 200",
     "Fewer than 100"),
    ("The council approved 12 new schools.", "The council approved twenty new schools.", "12",
     "twenty"),
    ("Police said two officers were injured.", "Police said 6 officers were injured.", "two", "6"),
    ("The startup raised €30m from investors.", "The startup raised €3m from investors.", "€30m",
     "€3m"),
    ("Turnout reached 61 percent, officials said.", "Officials said turnout reached 71%.",
     "61 percent", "71%"),
    ("The museum welcomed 1.2 million visitors last year.",
     "The museum welcomed 2.1 million visitors last year.", "1.2 million", "2.1 million"),
    ("About 100 workers were laid off.", "Some 300 workers were laid off.", "About 100",
     "Some 300"),
    ("The strike involved a dozen unions.", "The strike involved 30 unions.", "a dozen", "30"),
    # a whole percentage may be rounded, but not by a whole point
    ("Support for the plan stood at 94% in May.", "Support for the plan stood at 95% in May.",
     "94%", "95%"),
]

NO_CONFLICTS = [
    ("More than 200 protesters were arrested.", "Police arrested 230 protesters.", 1),
    ("About 100 homes were destroyed by the fire.", "The fire destroyed 103 homes.", 1),
    ("The city has 1.2 million residents.", "The city has 1,234,567 residents.", 1),
    ("Two cars collided on the bridge.", "2 cars crashed on the bridge.", 1),
    ("The firm employs 300 workers.", "The firm runs 450 stores.", 0),  # different units
    ("Sales rose 5% in the quarter.", "Sales rose 5 percent in the quarter.", 1),
    ("The bill passed in 2019 with 62 votes.", "The bill passed with 62 votes.", 1),
    ("Three people died and 12 were hurt.", "Three people died in the blast.", 1),
    ("Up to 500 jobs could be cut.", "The plan cuts 350 jobs.", 1),
    ("Between 20 and 30 ships were delayed.", "Twenty-five ships were delayed.", 1),
    ("The fine was $5 million.", "The fine was 5 million euros.", 0),  # different currencies
    ("Nearly 1,000 students signed the letter.", "Some 950 students signed the letter.", 1),
    ("AB 2261 failed in committee.", "AB 2262 failed in committee.", 0),  # ids are not counts
    ("Dozens of shops were looted overnight.", "Looters hit 40 shops overnight.", 1),
    # 94% is 94.1% rounded
    ("The vaccine was 94.1% effective in the trial.", "The vaccine was 94% effective in the trial.",
     1),
]


@pytest.mark.parametrize("a, b, value_a, value_b", CONFLICTS)
def test_numeric_flags_incompatible_values(a, b, value_a, value_b):
    result = check_numeric(Claim.bare(a), Claim.bare(b))
    assert len(result.conflicts) == 1
    conflict = result.conflicts[0]
    assert conflict.type is FindingType.NUMERIC
    assert (conflict.value_a, conflict.value_b) == (value_a, value_b)
    assert value_a in a and value_b in b
    assert 0.0 < conflict.strength <= 1.0 and conflict.detail


@pytest.mark.parametrize("a, b, matches", NO_CONFLICTS)
def test_numeric_passes_compatible_or_incomparable_values(a, b, matches):
    result = check_numeric(Claim.bare(a), Claim.bare(b))
    assert result.conflicts == ()
    assert result.matches == matches


def test_numeric_exact_gap_is_stronger_than_approximate_gap():
    exact = check_numeric(Claim.bare("It hired 100 nurses."), Claim.bare("It hired 300 nurses."))
    approx = check_numeric(Claim.bare("It hired about 100 nurses."),
                           Claim.bare("It hired 300 nurses."))
    assert exact.strongest.strength > approx.strongest.strength


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("200 people", "two hundred persons", True),
        ("200 people", "200 cars", False),
        ("$5", "5 euros", False),
        ("5% of voters", "7%", True),
        ("5%", "5 percentage points", False),
    ],
)
def test_numeric_same_measure_needs_matching_kind_and_unit(a, b, same):
    assert same_measure(extract_quantities(a)[0], extract_quantities(b)[0]) is same


def test_numeric_is_registered():
    assert get_check("numeric") is check_numeric


# Near-identical claims: the shared context makes the changed values comparable.
CONTEXT_CONFLICTS = [
    ("Those four, Leeds, York, Hull and Bath, voted against the plan.",
     "Those six, Leeds, York, Hull and Bath, voted against the plan.", "four", "six"),
    ("The county paid more than $90,000 for the new fire engine last spring.",
     "The county paid more than $140,000 for the new fire engine last spring.",
     "more than $90,000", "more than $140,000"),
    ("More than 30 percent of the town's voters backed the measure.",
     "More than 50 percent of the town's voters backed the measure.",
     "More than 30 percent", "More than 50 percent"),
    ("Engineers proposed a two-lane bridge over the estuary in the spring.",
     "Engineers proposed a four-lane bridge over the estuary in the spring.",
     "two-lane", "four-lane"),
    ("The clinic treated 2 to 3 patients an hour during the outbreak.",
     "The clinic treated 2 to 5 patients an hour during the outbreak.", "2 to 3", "2 to 5"),
    ("The flood count passed 125 and the search went on for the missing.",
     "The flood count passed 75 and the search went on for the missing.", "125", "75"),
]

CONTEXT_AGREEMENTS = [
    ("Two ferries were cancelled on Sunday morning, the operator said.",
     "2 ferries were cancelled on Sunday morning, the operator said."),
    ("Turnout in the valley reached 64% in the local election.",
     "Turnout in the valley reached 64 percent in the local election."),
    ("The region's orchards produced 1.2 million apples last autumn.",
     "The region's orchards produced 1,200,000 apples last autumn."),
    ("About 300 volunteers cleaned the beach after the oil spill.",
     "Roughly 300 volunteers cleaned the beach after the oil spill."),
    ("Nearly 300 volunteers cleaned the beach after the oil spill.",
     "Almost 300 volunteers cleaned the beach after the oil spill."),
    # periods of time belong to the duration check
    ("Residents had waited 100 days for the new bus timetable.",
     "Residents had waited 300 days for the new bus timetable."),
    # years belong to the date check
    ("The port authority released its Q3 2019 traffic figures.",
     "The port authority released its Q3 2017 traffic figures."),
    ("The fine was $5 million for the spill at the harbour.",
     "The fine was 5 million euros for the spill at the harbour."),
]


@pytest.mark.parametrize("a, b, value_a, value_b", CONTEXT_CONFLICTS)
def test_numeric_context_flags_changed_value(a, b, value_a, value_b):
    result = check_numeric(Claim.bare(a), Claim.bare(b))
    assert [(c.type, c.value_a, c.value_b) for c in result.conflicts] == [
        (FindingType.NUMERIC, value_a, value_b)]
    assert 0.8 <= result.conflicts[0].strength <= 0.9


@pytest.mark.parametrize("a, b", CONTEXT_AGREEMENTS)
def test_numeric_context_passes_equal_values_and_other_types(a, b):
    assert check_numeric(Claim.bare(a), Claim.bare(b)).conflicts == ()


def test_numeric_context_counts_agreeing_values_as_matches():
    result = check_numeric(Claim.bare("Two ferries were cancelled on Sunday, the operator said."),
                           Claim.bare("2 ferries were cancelled on Sunday, the operator said."))
    assert result.matches == 1


@pytest.mark.parametrize("a, b, conflicts", [
    ("Police said 1,400 people were detained in the capital.",
     "Organisers said 3,500 people gathered near the square.", 0),
    ("Police said 1,400 people were detained in the capital.",
     "Monitors said 3,500 people were detained in the capital.", 1),
])
def test_judges_numeric_differently_worded_values_must_hang_on_same_words(a, b, conflicts):
    assert len(check_numeric(Claim.bare(a), Claim.bare(b)).conflicts) == conflicts


def test_numeric_leaves_periods_of_time_to_the_duration_check():
    # "Four" is part of "three years and four months" (= 40 months): not a count of 4
    result = check_numeric(Claim.bare("Stone was sentenced to three years and four months."),
                           Claim.bare("Stone was sentenced to 40 months in prison."))
    assert result.conflicts == ()


@pytest.mark.parametrize("a, b, conflicts", [
    # an expected figure and the actual one are two facts
    ("Economists polled by the paper expected employers to add 500,000 jobs in May.",
     "Employers added 559,000 jobs in May, the Labor Department said on Friday.", 0),
    ("The consensus among economists was that 700,000 jobs would be added in June.",
     "The US economy added 850,000 jobs in June, officials said.", 0),
    # "beat expectations by adding ..." states the outcome
    ("The economy beat expectations by adding 916,000 jobs in March.",
     "Officials said employers added 850,000 jobs in March.", 1),
    # two forecasts of one figure are compared
    ("Economists expected employers to add 500,000 jobs in May.",
     "Analysts had forecast that employers would add 700,000 jobs in May.", 1),
])
def test_judges_numeric_expected_and_actual_figures_are_not_compared(a, b, conflicts):
    assert len(check_numeric(Claim.bare(a), Claim.bare(b)).conflicts) == conflicts


@pytest.mark.parametrize("text, increment", [
    ("Police arrested 90 more students at the college.", True),
    ("Another 300 residents fled the town.", True),
    ("An additional $2 billion was set aside for roads.", True),
    ("The county reported 12 fewer deaths.", True),
    ("The town has 5 more than last year.", False),  # a difference, stated as one
    ("More than 80 women came forward.", False),
    ("Police arrested 90 students at the college.", False),
])
def test_judges_numeric_is_increment(text, increment):
    assert is_increment(text, extract_quantities(text)[0]) is increment


@pytest.mark.parametrize("a, b, conflicts", [
    ("Agents arrested 90 more students at the fake college this week.",
     "The sting at the fake college led to the arrest of 250 students this year.", 0),
    ("The state has recorded about 2,000 more deaths from the virus since May.",
     "The state has recorded 30,000 deaths from the virus so far.", 0),
    # two increments, or two totals, are still compared
    ("Agents arrested 90 more students at the fake college this week.",
     "Agents arrested 40 more students at the fake college on Tuesday.", 1),
])
def test_judges_numeric_an_increment_is_not_compared_with_a_total(a, b, conflicts):
    assert len(check_numeric(Claim.bare(a), Claim.bare(b)).conflicts) == conflicts
