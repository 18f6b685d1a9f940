"""Polarity: negated in one claim, affirmed in the other, about the same actor and object."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consistency.judges.polarity import (
    check_polarity,
    lemma,
    negations_in_context,
    predicates,
    verb_key,
)
from consistency.judges.registry import get_check
from consistency.types import Claim, FindingType


def claim(text: str, subject: str | None = None) -> Claim:
    return replace(Claim.bare(text), subject=subject)


# (text a, subject a, text b, subject b, value a, value b)
CONFLICTS = [
    ("The company does not supply its system to police at the moment.", "Acme",
     "Acme and Beta, two firms that provided it to police, were criticised.", None,
     "does not supply its system to police at the moment", "provided it to police"),
    ("Acme never sold drones to the army.", None,
     "Acme sold drones to the army in 2019.", None,
     "never sold drones to the army", "sold drones to the army in 2019"),
    ("Acme has previously sold drones to the army.", None,
     "Acme never sold drones to the army.", None,
     "has previously sold drones to the army", "never sold drones to the army"),
    ("Shares of Acme rose 5% on Monday.", None,
     "Shares of Acme fell 5% on Monday.", None, "rose 5% on Monday", "fell 5% on Monday"),
    ("The senate approved the budget bill on Tuesday.", None,
     "The senate rejected the budget bill on Tuesday.", None,
     "approved the budget bill on Tuesday", "rejected the budget bill on Tuesday"),
    ("Acme stopped selling drones last year.", None,
     "Acme still sells drones to farmers.", None,
     "stopped selling drones last year", "still sells drones to farmers"),
    ("The mayor confirmed the layoffs at city hall.", None,
     "The mayor denied the layoffs at city hall.", None,
     "confirmed the layoffs at city hall", "denied the layoffs at city hall"),
    ("Northfield United won the cup final on Saturday.", None,
     "Northfield United lost the cup final on Saturday.", None,
     "won the cup final on Saturday", "lost the cup final on Saturday"),
    ("The ministry did not approve the new vaccine.", None,
     "The ministry approved the new vaccine last week.", None,
     "did not approve the new vaccine", "approved the new vaccine last week"),
    ("The firm doesn’t sell its software to schools today.", "Gamma Soft",
     "Gamma Soft sells its software to schools across the state.", None,
     "doesn’t sell its software to schools today",
     "sells its software to schools across the state"),
    ("Delta Air will open the new terminal in June.", None,
     "Delta Air won't open the new terminal in June.", None,
     "will open the new terminal in June", "won't open the new terminal in June"),
    ("It refused to sign the treaty with Norway.", "Vantia",
     "Vantia signed the treaty with Norway in Oslo.", None,
     "refused to sign the treaty with Norway", "signed the treaty with Norway in Oslo"),
    # "just" before the negator is no focus word: still a negation
    ("Northfield United just didn't win the cup final on Saturday.", None,
     "Northfield United won the cup final on Saturday.", None,
     "just didn't win the cup final on Saturday", "won the cup final on Saturday"),
]


@pytest.mark.parametrize(("text_a", "subj_a", "text_b", "subj_b", "value_a", "value_b"),
                         CONFLICTS)
def test_judges_polarity_conflict(text_a, subj_a, text_b, subj_b, value_a, value_b):
    a, b = claim(text_a, subj_a), claim(text_b, subj_b)
    result = check_polarity(a, b)
    strongest = result.strongest
    assert strongest is not None
    assert strongest.type is FindingType.POLARITY
    assert (strongest.value_a, strongest.value_b) == (value_a, value_b)
    assert strongest.value_a in text_a and strongest.value_b in text_b
    assert 0.0 < strongest.strength <= 1.0


NO_CONFLICTS = [
    # different actors
    ("A few small firms continue to sell face scanners to the police.", None,
     "Acme will not sell face scanners to the police.", None),
    ("Beta does not sell drones to the army.", None, "Acme sold drones to the army.", None),
    # future refusal vs past fact
    ("Acme will not sell drones to the army.", None, "Acme has sold drones to the army.", None),
    ("Acme said it would stop all sales of drones to the army.", None,
     "Acme sold drones to the army.", None),
    # negation in an unrelated clause
    ("Acme, whose chief did not attend, sold drones to the army.", None,
     "Acme sold drones to the army.", None),
    # paraphrase that agrees
    ("Acme does not supply drones to the army.", None,
     "Acme doesn't provide drones to the army.", None),
    # ceased vs past: "no longer" implies it once did
    ("Acme no longer sells drones to the army.", None, "Acme sold drones to the army.", None),
    # hedged modal
    ("Acme may not sell drones to the army.", None, "Acme sells drones to the army.", None),
    # same verb, unrelated objects
    ("Acme did not sell its headquarters in Paris.", None,
     "Acme sold drones to the army.", None),
    # unresolved pronoun: no subject given
    ("It does not sell drones to the army.", None, "Acme sells drones to the army.", None),
    # antonyms on different times
    ("Acme shares rose on Monday.", None, "Acme shares will fall on Monday.", None),
    # negated antonym agrees
    ("The council did not reject the plan.", None, "The council approved the plan.", None),
    # "didn't just" / "not only" focus on more than the verb: the event itself happened
    ("Northfield United didn't just win the cup final on Saturday.", None,
     "Northfield United has won the cup final.", None),
    ("Acme did not only sell drones to the army.", None, "Acme sold drones to the army.", None),
    ("Acme does not merely sell drones to the army.", None, "Acme sells drones to the army.", None),
]


@pytest.mark.parametrize(("text_a", "subj_a", "text_b", "subj_b"), NO_CONFLICTS)
def test_judges_polarity_no_conflict(text_a, subj_a, text_b, subj_b):
    result = check_polarity(claim(text_a, subj_a), claim(text_b, subj_b))
    assert result.conflicts == ()


MATCH_CASES = [
    ("Acme does not supply drones to the army.", "Acme doesn't provide drones to the army.", 1),
    ("The council did not reject the plan.", "The council approved the plan.", 1),
    ("Acme sold drones to the army.", "Beta sold drones to the army.", 0),
]


@pytest.mark.parametrize(("text_a", "text_b", "matches"), MATCH_CASES)
def test_judges_polarity_counts_matches(text_a, text_b, matches):
    assert check_polarity(Claim.bare(text_a), Claim.bare(text_b)).matches == matches


PREDICATE_CASES = [
    ("Acme does not sell it now.", [("give", True, "present")]),
    ("Acme will never sell it.", [("give", True, "future")]),
    ("Acme never sold it.", [("give", True, "never")]),
    ("Acme has sold it.", [("give", False, "past")]),
    ("Acme might sell it.", [("give", False, "modal")]),
    ("Acme stopped providing it.", [("give", True, "ceased")]),
    ("Acme no longer offers it.", [("give", True, "ceased")]),
    ("Acme plans to close the plant.", [("close", False, "future")]),
    ("Acme sold no drones.", [("give", True, "past")]),
    ("The sales team met in May.", [("meet", False, "past")]),
    ("The rain finally stopped", [("stop", False, "past")]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), PREDICATE_CASES)
def test_judges_polarity_predicates(text, expected):
    found = [(p.key, p.negated, p.tense) for p in predicates(text)]
    assert found == expected


@pytest.mark.parametrize(("word", "key"), [("supplied", "give"), ("sold", "give"),
                                           ("stopped", "stop"), ("rising", "rise"),
                                           ("arrested", "arrest"), ("won", "win")])
def test_judges_polarity_verb_key(word, key):
    assert verb_key(word) == key


def test_judges_polarity_lemma_undoubles_consonants():
    assert lemma("banned") == lemma("ban") == "ban"


def test_judges_polarity_registered():
    assert get_check("polarity") is check_polarity


# Near-identical claims: a negation added or dropped in the aligned diff.
CONTEXT_CONFLICTS = [
    ("Water levels in the reservoir are rising after the storms.",
     "Water levels in the reservoir aren't rising after the storms.", "are", "aren't"),
    ("Water levels in the reservoir are rising after the storms.",
     "Water levels in the reservoir are not rising after the storms.", "are", "are not"),
    ("The committee took a vote on the harbour plan on Tuesday.",
     "The committee did not take a vote on the harbour plan on Tuesday.",
     "took", "did not take"),
    ("The new ferry timetable has been popular with commuters this spring.",
     "The new ferry timetable hasn't been popular with commuters this spring.",
     "has", "hasn't"),
    ("Police found no evidence of a break-in at the depot.",
     "Police found evidence of a break-in at the depot.", "found no", "found"),
]

CONTEXT_NO_CONFLICTS = [
    # contractions are the same words
    ("The mayor doesn't expect the library to close this year.",
     "The mayor does not expect the library to close this year."),
    ("Farmers can't sell their milk to the dairy this winter.",
     "Farmers cannot sell their milk to the dairy this winter."),
    # the negation moves, it is not added or removed
    ("The inspectors did not say the roof would fail before spring.",
     "The inspectors said the roof would not fail before spring."),
    # a clause added with a negator in it is not a negated statement
    ("Nobody wanted the old depot, and the council sold it in May.",
     "Nobody wanted the old depot, and the council sold it in May, nothing else."),
    # "not only" is not a negation
    ("The storm damaged the pier and the lighthouse on the coast.",
     "The storm damaged not only the pier and the lighthouse on the coast."),
    ("The storm damaged the pier and the lighthouse on the coast.",
     "The storm damaged not merely the pier and the lighthouse on the coast."),
    ("The harbour master said the pier was unsafe for small boats.",
     "The harbour master stated the pier was unsafe for small boats."),
]


@pytest.mark.parametrize(("text_a", "text_b", "value_a", "value_b"), CONTEXT_CONFLICTS)
def test_judges_polarity_context_flags_added_negation(text_a, text_b, value_a, value_b):
    found = negations_in_context(text_a, text_b)
    assert [(c.type, c.value_a, c.value_b, c.strength) for c in found] == [
        (FindingType.POLARITY, value_a, value_b, 0.85)]
    fired = check_polarity(claim(text_a), claim(text_b)).conflicts
    assert fired and all(c.type is FindingType.POLARITY for c in fired)


@pytest.mark.parametrize(("text_a", "text_b"), CONTEXT_NO_CONFLICTS)
def test_judges_polarity_context_no_conflict(text_a, text_b):
    assert negations_in_context(text_a, text_b) == ()


@pytest.mark.parametrize(("text_a", "text_b"), [
    pair for pair in CONTEXT_NO_CONFLICTS if "roof" not in pair[0]])
def test_judges_polarity_context_paraphrase_fires_no_check(text_a, text_b):
    assert check_polarity(claim(text_a), claim(text_b)).conflicts == ()


def test_judges_polarity_context_needs_near_identical_claims():
    assert negations_in_context("Prices are rising.", "Prices aren't rising.") == ()


@pytest.mark.parametrize("a, b, conflicts", [
    # "a lawsuit to block" states what the lawsuit aimed at, not that anything was blocked
    ("The mayor cannot block the release of the audit, a judge ruled.",
     "A judge dismissed a lawsuit brought by the mayor to block the release of the audit.", 0),
    ("The mayor cannot block the release of the audit, a judge ruled.",
     "The mayor tried to block the release of the audit.", 0),
    # "continues to" asserts, as before
    ("Acme does not supply its software to police.",
     "Acme continues to supply its software to police.", 1),
])
def test_judges_polarity_an_aim_is_not_a_fact(a, b, conflicts):
    assert len(check_polarity(Claim.bare(a), Claim.bare(b)).conflicts) == conflicts
