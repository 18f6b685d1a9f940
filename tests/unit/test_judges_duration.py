"""The duration check: extraction of periods and conditions, and hand-made sentence pairs."""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.judges.duration import (
    CONDITIONAL,
    END_DATED,
    FIXED,
    OPEN,
    check_duration,
    extract_durations,
)
from consistency.judges.registry import get_check
from consistency.types import Claim, FindingType


@pytest.mark.parametrize(
    "text, span, kind, days",
    [
        ("The retailer will stop sales for 1 year.", "for 1 year", FIXED, 365.25),
        ("The club paused its games for a year.", "for a year", FIXED, 365.25),
        ("Lawmakers passed a one-year moratorium on evictions.", "a one-year moratorium", FIXED,
         365.25),
        ("The ban lasts 12 months, the agency said.", "12 months", FIXED, 365.25),
        ("Flights were halted for two weeks.", "for two weeks", FIXED, 14.0),
        ("The regulator imposed a 90-day ban on the drug.", "a 90-day ban", FIXED, 90.0),
        ("The union called a week-long strike.", "a week-long strike", FIXED, 7.0),
        ("The mine was closed indefinitely.", "indefinitely", OPEN, None),
        ("The bridge is shut until further notice.", "until further notice", OPEN, None),
        ("The firm will stop selling the tool until Congress passes a law.",
         "until Congress passes a law", CONDITIONAL, None),
        ("Talks are suspended until both sides agree, an aide said.",
         "until both sides agree", CONDITIONAL, None),
        ("It will not reopen unless the owners pay the fine.",
         "unless the owners pay the fine", CONDITIONAL, None),
        ("The park stays closed until June, officials said.", "until June", END_DATED, None),
        ("Imports are frozen until the end of 2021.", "until the end of 2021", END_DATED, None),
    ],
)
def test_duration_extracts_expression_with_exact_span(text, span, kind, days):
    found = extract_durations(text)
    assert [(d.text, d.kind, d.days) for d in found] == [(span, kind, days)]
    assert text[found[0].start:found[0].end] == span


@pytest.mark.parametrize(
    "text",
    [
        "The company was founded 10 years ago.",
        "Patients take the pill twice a day.",
        "Profits doubled in 5 years.",
        "Sales grew over the past two years.",
        "It did not rule out one day selling the software.",
        "Prices doubled 10 years after the merger.",
    ],
)
def test_duration_ignores_points_in_time_and_rates(text):
    assert extract_durations(text) == []


CONFLICTS = [
    ("Amazon will stop selling the software to police for 1 year.",
     "Amazon will stop selling the software to police until Congress places a regulation.",
     "for 1 year", "until Congress places a regulation", "fixed period vs open-ended"),
    ("The league suspended the player for six months.",
     "The league suspended the player for a year.", "for six months", "for a year",
     "different periods"),
    ("The city imposed a 90-day ban on scooters.", "The city banned scooters for 30 days.",
     "a 90-day ban", "for 30 days", "different periods"),
    ("The factory will halt production for two weeks.",
     "The factory will halt production indefinitely.", "for two weeks", "indefinitely",
     "fixed period vs open-ended"),
    ("The airline paused flights to the island for a month.",
     "The airline paused flights to the island until further notice.", "for a month",
     "until further notice", "fixed period vs open-ended"),
    ("He was sentenced to serve 10 years in prison.", "He will serve 12 years in prison.",
     "10 years", "12 years", "different periods"),
    ("The lab stopped the trial for 3 months.",
     "The lab stopped the trial unless regulators approve a new protocol.", "for 3 months",
     "unless regulators approve a new protocol", "fixed period vs open-ended"),
    ("The exchange froze withdrawals for a week.",
     "The exchange froze withdrawals permanently.", "for a week", "permanently",
     "fixed period vs open-ended"),
    ("Parliament approved a two-year moratorium on drilling.",
     "Parliament approved a five-year moratorium on drilling.", "a two-year moratorium",
     "a five-year moratorium", "different periods"),
    ("The museum will stay closed until March.", "The museum will stay closed until October.",
     "until March", "until October", "different end dates"),
    ("The mayor banned fireworks until June.",
     "The mayor banned fireworks until the council votes.", "until June",
     "until the council votes", "end date vs open-ended"),
    ("The club will not sign players for 18 months.",
     "The club will not sign players for 6 months.", "for 18 months", "for 6 months",
     "different periods"),
]


@pytest.mark.parametrize("a, b, value_a, value_b, detail", CONFLICTS)
def test_duration_flags_incompatible_durations(a, b, value_a, value_b, detail):
    result = check_duration(Claim.bare(a), Claim.bare(b))
    assert len(result.conflicts) == 1
    conflict = result.conflicts[0]
    assert conflict.type is FindingType.DURATION
    assert (conflict.value_a, conflict.value_b, conflict.detail) == (value_a, value_b, detail)
    assert 0.0 < conflict.strength <= 1.0


NO_CONFLICTS = [
    ("The ban on sales lasts 12 months.", "The ban on sales lasts one year.", 1),
    ("The firm paused hiring for a year.", "The firm paused hiring for 1 year.", 1),
    ("The firm will not sell the tool until Congress acts.",
     "The firm will not sell the tool unless a federal law is passed.", 1),
    ("The bank halted lending for 52 weeks.", "The bank halted lending for a year.", 1),
    ("The company has operated for 10 years.", "The company stopped sales for 1 year.", 0),
    ("The board met for two hours.", "The board will meet until a deal is found.", 0),
    ("The singer cancelled the tour.", "The singer cancelled the tour for a year.", 0),
    ("The plant closed indefinitely.", "The plant closed until the owners find a buyer.", 1),
    ("The road stays shut for two weeks.", "Crews need 14 days to repair the road.", 0),
    ("Exports were suspended for a 90-day period.", "Exports were suspended for 90 days.", 1),
    ("The store is closed indefinitely.", "The store is closed until further notice.", 1),
    ("Trading was halted for three months.", "Trading was halted for 3 months.", 1),
]


@pytest.mark.parametrize("a, b, matches", NO_CONFLICTS)
def test_duration_passes_compatible_or_unrelated_durations(a, b, matches):
    result = check_duration(Claim.bare(a), Claim.bare(b))
    assert result.conflicts == ()
    assert result.matches == matches


@pytest.mark.parametrize(
    "published, end, conflicts",
    [
        (dt.date(2020, 6, 10), "until June 2021", 0),
        (dt.date(2020, 6, 10), "until June 2023", 1),
        (None, "until June 2023", 0),  # no publication date: cannot place the period
    ],
)
def test_duration_period_against_end_date_uses_publication(published, end, conflicts):
    a = Claim.bare("The agency froze the program for a year.", published=published)
    b = Claim.bare(f"The agency froze the program {end}.", published=published)
    assert len(check_duration(a, b).conflicts) == conflicts


def test_duration_is_registered():
    assert get_check("duration") is check_duration


@pytest.mark.parametrize("a, b, conflicts", [
    ("Amazon will pause sales to police for 1 year.",
     "Acme will pause sales to police until Congress acts.", 0),
    ("Amazon will pause sales to police for 1 year.",
     "Amazon will pause sales to police until Congress acts.", 1),
    ("The company will pause sales to police for 1 year.",
     "Amazon will pause sales to police until Congress acts.", 1),
])
def test_judges_duration_different_subjects_are_not_compared(a, b, conflicts):
    assert len(check_duration(Claim.bare(a), Claim.bare(b)).conflicts) == conflicts


# Near-identical claims: no trigger word needed, the context pairs the periods.
CONTEXT_CONFLICTS = [
    ("Residents had waited four months for the new bus timetable.",
     "Residents had waited four weeks for the new bus timetable.",
     "four months", "four weeks"),
    ("For 300 years the village held a market on the green.",
     "Indefinitely the village held a market on the green.", "For 300 years", "Indefinitely"),
    ("The council's 90-minute session ended without a vote on the budget.",
     "The council's 90-second session ended without a vote on the budget.",
     "90-minute", "90-second"),
    ("More than a decade of growth followed the merger of the two banks.",
     "More than a year of growth followed the merger of the two banks.", "a decade", "a year"),
    ("The inquiry heard that the pumps failed within 14 days of the repair.",
     "The inquiry heard that the pumps failed within 14 weeks of the repair.",
     "14 days", "14 weeks"),
    ("The town kept its curfew for eight additional months after the riots.",
     "The town kept its curfew for four additional months after the riots.",
     "for eight additional months", "for four additional months"),
]

CONTEXT_AGREEMENTS = [
    ("The tenants signed a lease of 12 months with the housing trust.",
     "The tenants signed a lease of a year with the housing trust."),
    ("The quarantine of the farm lasted 14 days, inspectors said.",
     "The quarantine of the farm lasted two weeks, inspectors said."),
    ("Residents had waited four months for the new bus timetable.",
     "Residents had waited 4 months for the new bus timetable."),
    # an ordinal "second" is not a period
    ("The team scored in the second half of the match at the stadium.",
     "The team scored in the third half of the match at the stadium."),
    ("The mill has been closed indefinitely, the owner told the paper.",
     "The mill has been closed permanently, the owner told the paper."),
]


@pytest.mark.parametrize("a, b, value_a, value_b", CONTEXT_CONFLICTS)
def test_judges_duration_context_flags_changed_period(a, b, value_a, value_b):
    result = check_duration(Claim.bare(a), Claim.bare(b))
    assert [(c.type, c.value_a, c.value_b) for c in result.conflicts] == [
        (FindingType.DURATION, value_a, value_b)]
    assert 0.8 <= result.conflicts[0].strength <= 0.9


@pytest.mark.parametrize("a, b", CONTEXT_AGREEMENTS)
def test_judges_duration_context_passes_equal_periods(a, b):
    assert check_duration(Claim.bare(a), Claim.bare(b)).conflicts == ()


def test_judges_duration_context_vague_units_are_weaker():
    result = check_duration(
        Claim.bare("The coach said the team had trained for weeks before the final."),
        Claim.bare("The coach said the team had trained for months before the final."))
    assert [(c.value_a, c.value_b, c.strength) for c in result.conflicts] == [
        ("weeks", "months", 0.75)]


@pytest.mark.parametrize(("text", "expression", "days"), [
    ("He was sentenced to three years and four months in prison.",
     "three years and four months", 3 * 365.25 + 4 * 365.25 / 12),
    ("The ban lasts for 2 years, 6 months.", "for 2 years, 6 months", 2.5 * 365.25),
])
def test_judges_duration_reads_a_sum_of_periods_as_one(text, expression, days):
    [found] = extract_durations(text)
    assert (found.text, found.days) == (expression, pytest.approx(days))


def test_judges_duration_sum_of_periods_is_compared_as_a_whole():
    same = get_check("duration")(Claim.bare("Stone was sentenced to three years and four months."),
                                 Claim.bare("Stone was sentenced to 40 months in prison."))
    other = get_check("duration")(Claim.bare("Stone was sentenced to three years and four months."),
                                  Claim.bare("Stone was sentenced to two years in prison."))
    assert same.conflicts == () and same.matches == 1
    assert other.strongest.value_b == "two years"
