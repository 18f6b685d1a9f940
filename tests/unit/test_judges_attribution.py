"""Attribution: the same statement credited to different speakers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consistency.judges.attribution import check_attribution
from consistency.judges.registry import get_check
from consistency.types import Claim, FindingType


def claim(text: str, subject: str | None = None) -> Claim:
    return replace(Claim.bare(text), subject=subject)


# (text a, subject a, text b, subject b, value a, value b)
CONFLICTS = [
    ("Smith said the plan failed.", None, "Jones said the plan failed.", None, "Smith", "Jones"),
    ("The bill is unconstitutional, according to the ACLU.", None,
     "The bill is unconstitutional, according to the police.", None, "ACLU", "police"),
    ('"We will rebuild the bridge," said Mayor Ann Lee.', None,
     '"We will rebuild the bridge," said Governor Tom Berg.', None, "Ann Lee", "Tom Berg"),
    ("Acme announced a recall of 2,000 cars on Friday.", None,
     "Orbis announced a recall of 2,000 cars on Friday.", None, "Acme", "Orbis"),
    ("Maria Gomez told reporters the strike would end on Monday.", None,
     "Paul Hart told reporters the strike would end on Monday.", None,
     "Maria Gomez", "Paul Hart"),
    ("The company stated that profits doubled in the third quarter.", "Acme",
     "Orbis stated that profits doubled in the third quarter.", None, "The company", "Orbis"),
    ("According to Reuters, the talks collapsed late on Sunday night.", None,
     "According to Bloomberg, the talks collapsed late on Sunday night.", None,
     "Reuters", "Bloomberg"),
    ("Health officials said the outbreak was under control in the region.", None,
     "Hospital doctors said the outbreak was under control in the region.", None,
     "Health officials", "Hospital doctors"),
    ("Kim Park, the team's coach, said the striker will miss the final.", None,
     "Lee Moon said the striker will miss the final.", None, "Kim Park", "Lee Moon"),
    ("Vantia's president Omar Said claimed the merger saved 500 jobs.", None,
     "Orbis chief Dana Fox claimed the merger saved 500 jobs.", None, "Omar Said", "Dana Fox"),
    ("The fire was started deliberately, said Jones.", None,
     "The fire was started deliberately, according to Clark.", None, "Jones", "Clark"),
]


@pytest.mark.parametrize(("text_a", "subj_a", "text_b", "subj_b", "value_a", "value_b"),
                         CONFLICTS)
def test_judges_attribution_conflict(text_a, subj_a, text_b, subj_b, value_a, value_b):
    result = check_attribution(claim(text_a, subj_a), claim(text_b, subj_b))
    strongest = result.strongest
    assert strongest is not None
    assert strongest.type is FindingType.ATTRIBUTION
    assert (strongest.value_a, strongest.value_b) == (value_a, value_b)
    assert 0.0 < strongest.strength <= 1.0
    assert result.matches == 0


NO_CONFLICTS = [
    # same person, different name forms
    ("Microsoft President Brad Smith said the plan failed.", None,
     "Smith said the plan failed.", None),
    ("Brad Smith said the plan failed.", None, "Smith said the plan failed.", None),
    ("The law is unfair, according to the American Civil Liberties Union.", None,
     "The law is unfair, according to the ACLU.", None),
    # a body and its part
    ("Unemployment fell to 5.4% in July, the Bureau of Labor Statistics said.", None,
     "Unemployment fell to 5.4% in July, the Labor Department said.", None),
    # one side has no speaker
    ("Smith said the plan failed.", None, "The plan failed.", None),
    # pronoun speaker with no subject to resolve it
    ("He said the plan failed.", None, "Jones said the plan failed.", None),
    # different statements
    ("Smith said the plan failed.", None, "Jones said the budget doubled in spring.", None),
    # the other speaker is mentioned: not a different attribution
    ("Smith told Jones the plan failed.", None, "Jones said the plan failed.", None),
    # several speakers, one shared
    ("Smith and Jones said the plan failed.", None, "Jones said the plan failed.", None),
    # pronoun resolved to the same speaker
    ("The company said profits doubled this year.", "Acme",
     "Acme said profits doubled this year.", None),
    # too little statement to compare
    ("Smith agreed.", None, "Jones agreed.", None),
    # differently worded: a common-noun speaker may describe the named one
    ("On Twitter the rapper claims he was used to spread messages he does not believe in.", None,
     "Kanye West said he had been used to spread messages that he did not believe in.", None),
    ("No officers will be charged over the death of the man, officials say.", None,
     "Attorney General Letitia James said no officers will be charged over the man's death.",
     None),
    # an acronym of the other's full name
    ("Almost 130 million people had one dose, according to the Centers for Disease Control "
     "and Prevention.", None,
     "More than 129 million people had one dose, according to the CDC.", None),
    # the same words for the speaker: only what they were resolved to differs
    ("It said the tariffs will take effect on June 1.", "Acme",
     "It said the tariffs will take effect on June 1.", "Orbis"),
    # curly apostrophe, same person
    ("Acme’s chief Ana Ruiz said the plant will close.", None,
     "Ruiz said the plant will close.", None),
]


@pytest.mark.parametrize(("text_a", "subj_a", "text_b", "subj_b"), NO_CONFLICTS)
def test_judges_attribution_no_conflict(text_a, subj_a, text_b, subj_b):
    result = check_attribution(claim(text_a, subj_a), claim(text_b, subj_b))
    assert result.conflicts == ()


@pytest.mark.parametrize(("text_a", "text_b", "matches"), [
    ("Brad Smith said the plan failed.", "Smith said the plan failed.", 1),
    ("Smith said the plan failed.", "The plan failed.", 0),
    ("Smith said the plan failed.", "Jones said the plan failed.", 0),
])
def test_judges_attribution_counts_matches(text_a, text_b, matches):
    assert check_attribution(Claim.bare(text_a), Claim.bare(text_b)).matches == matches


def test_judges_attribution_registered():
    assert get_check("attribution") is check_attribution


# Near-identical claims: the speaker's name replaced in the same place of the aligned diff.
CONTEXT_CONFLICTS = [
    ("The river will peak tonight, Mayor Ellen Dorsey told reporters on the quay.",
     "The river will peak tonight, Mayor Frank Mullan told reporters on the quay.",
     "Ellen Dorsey", "Frank Mullan"),
    ('"The dam is safe," said Dr. Ruth Okafor, an engineer at the regional water board.',
     '"The dam is safe," said Dr. Peter Vance, an engineer at the regional water board.',
     "Ruth Okafor", "Peter Vance"),
]

CONTEXT_NO_CONFLICTS = [
    ("The river will peak tonight, Mayor Ellen Dorsey told reporters on the quay.",
     "The river will peak tonight, Mayor Dorsey told reporters on the quay."),
    ("The harbour master said the pier was unsafe for small boats.",
     "The harbour master stated the pier was unsafe for small boats."),
    ("Ellen Dorsey said the pier was unsafe for small boats.",
     "The pier was unsafe for small boats, Ellen Dorsey said."),
    # a changed place next to the speaker is the entity check's
    ("The pier in Harwick is unsafe, Ellen Dorsey told reporters on Friday.",
     "The pier in Dunmore is unsafe, Ellen Dorsey told reporters on Friday."),
]


@pytest.mark.parametrize(("text_a", "text_b", "value_a", "value_b"), CONTEXT_CONFLICTS)
def test_judges_attribution_context_flags_changed_speaker(text_a, text_b, value_a, value_b):
    result = check_attribution(claim(text_a), claim(text_b))
    assert [(c.type, c.value_a, c.value_b) for c in result.conflicts] == [
        (FindingType.ATTRIBUTION, value_a, value_b)]
    assert 0.8 <= result.conflicts[0].strength <= 0.9


@pytest.mark.parametrize(("text_a", "text_b"), CONTEXT_NO_CONFLICTS)
def test_judges_attribution_context_no_conflict(text_a, text_b):
    assert check_attribution(claim(text_a), claim(text_b)).conflicts == ()


@pytest.mark.parametrize("a, b, conflicts", [
    # two words of the story's topic in common: two statements, not one
    ("Lee says Canada will retaliate over the steel tariff increase.",
     "\u201cIt is not Canada that pays the tariffs,\u201d Berg said.", 0),
    # a short statement that is nearly all of the other still counts
    ("\u201cWe will rebuild the bridge,\u201d said Mayor Ann Lee on Monday.",
     "Governor Tom Berg said: \u201cWe will rebuild the bridge.\u201d", 1),
])
def test_judges_attribution_differently_worded_statements_must_be_one(a, b, conflicts):
    assert len(check_attribution(Claim.bare(a), Claim.bare(b)).conflicts) == conflicts
