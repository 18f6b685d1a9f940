"""The aligned token diff: near-identical claims, differing regions and values in them."""

from __future__ import annotations

import re

import pytest

import consistency.judges  # noqa: F401  (registers every check)
from consistency.judges.diff import (
    MAX_SEGMENT_TOKENS,
    align,
    changed_values,
    diff_tokens,
    near_identical,
    segment_text,
)
from consistency.judges.registry import registered_checks
from consistency.types import Claim, FindingType


@pytest.mark.parametrize(("text", "words"), [
    ("The mayor doesn't expect it.", ["the", "mayor", "does", "not", "expect", "it"]),
    ("Farmers can't sell milk.", ["farmers", "can", "not", "sell", "milk"]),
    ("Farmers cannot sell milk.", ["farmers", "can", "not", "sell", "milk"]),
    ("The ferry won’t sail.", ["the", "ferry", "will", "not", "sail"]),
    ('"It is over," she said.', ["it", "is", "over", "she", "said"]),
    ("A 90-minute talk cost $5.", ["a", "90", "minute", "talk", "cost", "$5"]),
])
def test_judges_diff_tokens_are_normalised(text, words):
    assert [t.word for t in diff_tokens(text)] == words


def test_judges_diff_tokens_keep_the_span_of_their_source_token():
    text = "The pier isn't open."
    tokens = diff_tokens(text)
    assert [(t.word, text[t.start:t.end]) for t in tokens[2:4]] == [("is", "isn't"),
                                                                     ("not", "isn't")]


@pytest.mark.parametrize(("a", "b", "near"), [
    ("The ferry company cut 40 routes after the storm.",
     "The ferry company cut 65 routes after the storm.", True),
    ("Water levels in the reservoir are rising after the storms.",
     "Water levels in the reservoir aren't rising after the storms.", True),
    # contractions only: no differing region at all, so nothing to compare
    ("The mayor doesn't expect the library to close.",
     "The mayor does not expect the library to close.", False),
    # too short to give context
    ("Sales rose 5%.", "Sales rose 7%.", False),
    # a rewrite of the same fact
    ("The ferry company cut 40 routes after the storm.",
     "After the storm, 65 ferry routes were dropped by the operator.", False),
    # different sentences
    ("The museum reopened on Friday.", "Rain is expected across the valley tomorrow.", False),
])
def test_judges_diff_near_identical(a, b, near):
    assert (near_identical(a, b) is not None) is near


def test_judges_diff_align_reports_ratio_and_regions():
    al = align("Residents had waited four months for the new timetable.",
               "Residents had waited four weeks for the new timetable.")
    assert al.shared == 8 and al.ratio == pytest.approx(16 / 18)
    assert [(s.a_words, s.b_words) for s in al.segments] == [(("months",), ("weeks",))]


def test_judges_diff_close_changes_form_one_region():
    al = align("Rain fell, Barr told the AP on a call with reporters.",
               "Rain fell, said the top US law officer on a call with reporters.")
    assert len(al.segments) == 1
    assert not al.segments[0].short  # a rewrite: more than MAX_SEGMENT_TOKENS words
    assert len(al.segments[0].b_words) > MAX_SEGMENT_TOKENS


def _numbers(text: str) -> list[re.Match]:
    return list(re.finditer(r"\d+", text))


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("The clinic treated 12 patients and 30 visitors on Monday.",
     "The clinic treated 12 patients and 45 visitors on Monday.", [("30", "45")]),
    ("The clinic treated 12 patients and 30 visitors on Monday.",
     "The clinic treated 20 patients and 45 visitors on Monday.", [("12", "20"), ("30", "45")]),
    # words only added on one side change no value
    ("The clinic treated 12 patients on Monday, a nurse said.",
     "The clinic treated 12 patients on Monday, a nurse said to 40 reporters.", []),
    # a moved clause is a deletion and an insertion, not a replacement
    ("Officials said 12 patients were treated at the clinic on Monday.",
     "12 patients were treated at the clinic on Monday, officials said.", []),
])
def test_judges_diff_changed_values_pairs_values_in_the_same_region(a, b, expected):
    pairs = changed_values(a, b, _numbers, lambda m: m.span())
    assert [(xs[0].group(), ys[0].group()) for xs, ys in pairs] == expected


def test_judges_diff_changed_values_empty_when_not_near_identical():
    assert changed_values("12 boats sank.", "Rain is expected on Tuesday in 40 towns.",
                          _numbers, lambda m: m.span()) == []


@pytest.mark.parametrize(("a", "b", "pad", "values"), [
    ("The pier is open to boats today.", "The pier isn't open to boats today.", 1,
     ("is", "isn't")),
    ("The pier is open to boats today.", "The pier is not open to boats today.", 1,
     ("is", "is not")),
    ("The council took a vote on the plan.", "The council did not take a vote on the plan.", 0,
     ("took", "did not take")),
])
def test_judges_diff_segment_text_quotes_each_side(a, b, pad, values):
    al = align(a, b)
    seg = al.segments[0]
    assert (segment_text(a, al, seg, "a", pad), segment_text(b, al, seg, "b", pad)) == values


# Light rewordings of one fact: no typed check may fire on them.
PARAPHRASES = [
    ("Officials said the bridge will reopen in 2 weeks.",
     "The bridge will reopen in 2 weeks, officials said."),
    ("Two ferries were cancelled on Sunday morning, the operator said.",
     "2 ferries were cancelled on Sunday morning, the operator said."),
    ("The mayor doesn't expect the library to close this year.",
     "The mayor does not expect the library to close this year."),
    ("Farmers can't sell their milk to the dairy this winter.",
     "Farmers cannot sell their milk to the dairy this winter."),
    ("The harbour master said the pier was unsafe for small boats.",
     "The harbour master stated the pier was unsafe for small boats."),
    ("A large crowd gathered outside the town hall on Friday evening.",
     "A big crowd gathered outside the town hall on Friday evening."),
    ("Turnout in the valley reached 64% in the local election.",
     "Turnout in the valley reached 64 percent in the local election."),
    ("The region's orchards produced 1.2 million apples last autumn.",
     "The region's orchards produced 1,200,000 apples last autumn."),
    ("About 300 volunteers cleaned the beach after the oil spill.",
     "Roughly 300 volunteers cleaned the beach after the oil spill."),
    ("The tenants signed a lease of 12 months with the housing trust.",
     "The tenants signed a lease of a year with the housing trust."),
    ("The quarantine of the farm lasted 14 days, inspectors said.",
     "The quarantine of the farm lasted two weeks, inspectors said."),
    ("The ferry resumed service on June 3 after the repairs.",
     "The ferry resumed service on 3 June after the repairs."),
    ("The bakery also sells bread at the Saturday market, its owner said.",
     "The bakery sells bread at the Saturday market, its owner said."),
    ("Nobody wanted the old depot, and the council sold it in May.",
     "Nobody wanted the old depot, and the council sold it in May, nothing else."),
]


@pytest.mark.parametrize(("a", "b"), PARAPHRASES)
def test_judges_diff_paraphrases_fire_no_check(a, b):
    fired = {name: r.conflicts for name, check in registered_checks().items()
             if (r := check(Claim.bare(a), Claim.bare(b))).conflicts}
    assert fired == {}


# One value changed in otherwise identical claims: exactly the owning check fires.
SINGLE_CHANGES = [
    ("Those four, Leeds, York, Hull and Bath, voted against the plan.",
     "Those six, Leeds, York, Hull and Bath, voted against the plan.", FindingType.NUMERIC),
    ("Residents had waited 100 days for the new bus timetable.",
     "Residents had waited 300 days for the new bus timetable.", FindingType.DURATION),
    ("The port authority released its Q3 2019 traffic figures on its website.",
     "The port authority released its Q3 2017 traffic figures on its website.", FindingType.DATE),
    ("Water levels in the reservoir are rising after the storms.",
     "Water levels in the reservoir aren't rising after the storms.", FindingType.POLARITY),
    ("The new bridge links the town to the ferry terminal at Dunmore.",
     "The new bridge links the town to the ferry terminal at Kilbride.", FindingType.ENTITY),
    ('"The dam is safe," said Dr. Ruth Okafor, an engineer at the water board.',
     '"The dam is safe," said Dr. Peter Vance, an engineer at the water board.',
     FindingType.ATTRIBUTION),
]


@pytest.mark.parametrize(("a", "b", "kind"), SINGLE_CHANGES)
def test_judges_diff_single_change_fires_only_its_own_type(a, b, kind):
    fired = {c.type for check in registered_checks().values()
             for c in check(Claim.bare(a), Claim.bare(b)).conflicts}
    assert fired == {kind}
