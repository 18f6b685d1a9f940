"""Entity: the same statement about a different person, organisation or place."""

from __future__ import annotations

import pytest

from consistency.judges.entity import check_entity
from consistency.judges.registry import get_check
from consistency.types import Claim, FindingType

CONFLICTS = [
    ("The fire broke out in Oakland on Monday.", "The fire broke out in Fresno on Monday.",
     "Oakland", "Fresno"),
    ("The storm hit Galveston early on Tuesday morning.",
     "The storm hit Corpus Christi early on Tuesday morning.", "Galveston", "Corpus Christi"),
    ("In March, Orbis bought the struggling chip maker for $2 billion.",
     "In March, Vantia bought the struggling chip maker for $2 billion.", "Orbis", "Vantia"),
    ("The award went to novelist Maria Gomez at the gala.",
     "The award went to novelist Ana Ruiz at the gala.", "Maria Gomez", "Ana Ruiz"),
    ("Two protesters were arrested outside the embassy in Madrid.",
     "Two protesters were arrested outside the embassy in Lisbon.", "Madrid", "Lisbon"),
    ("The summit will be held in Geneva next spring.",
     "The summit will be held in Vienna next spring.", "Geneva", "Vienna"),
    ("Shares of Acme jumped after the earnings report.",
     "Shares of Orbis jumped after the earnings report.", "Acme", "Orbis"),
    ("The vaccine was developed by researchers at Oxford University.",
     "The vaccine was developed by researchers at Harvard University.",
     "Oxford University", "Harvard University"),
    ("The ship sank off the coast of Norway with 40 crew aboard.",
     "The ship sank off the coast of Iceland with 40 crew aboard.", "Norway", "Iceland"),
    ("The suspect was born in Leeds and moved abroad in 2010.",
     "The suspect was born in York and moved abroad in 2010.", "Leeds", "York"),
    ("The contract was awarded to Boeing after a long review.",
     "The contract was awarded to Airbus after a long review.", "Boeing", "Airbus"),
]


@pytest.mark.parametrize(("text_a", "text_b", "value_a", "value_b"), CONFLICTS)
def test_judges_entity_conflict(text_a, text_b, value_a, value_b):
    result = check_entity(Claim.bare(text_a), Claim.bare(text_b))
    strongest = result.strongest
    assert strongest is not None
    assert strongest.type is FindingType.ENTITY
    assert (strongest.value_a, strongest.value_b) == (value_a, value_b)
    assert 0.0 < strongest.strength <= 1.0


NO_CONFLICTS = [
    # one claim lists more entities
    ("IBM and Amazon stopped selling the software to police.",
     "Amazon stopped selling the software to police."),
    ("IBM, Amazon and Acme paused the programme this week.",
     "Amazon and Orbis paused the programme this week."),
    # acronym and partial names of the same entity
    ("The American Civil Liberties Union opposed the bill in March.",
     "The ACLU opposed the bill in March."),
    ("Brad Smith signed the letter on Friday.", "Smith signed the letter on Friday."),
    ("Troops left the United States base at dawn.", "Troops left the U.S. base at dawn."),
    # low content overlap
    ("The fire broke out in Oakland on Monday.",
     "Fresno residents voted on a new school budget."),
    ("Acme sold its drone unit.", "Orbis hired a new chief financial officer last week."),
    # different speakers are left to the attribution check
    ("Smith said the plan failed.", "Jones said the plan failed."),
    # same names, nothing differs
    ("The fire broke out in Oakland on Monday.", "A fire broke out in Oakland on Monday."),
    # one side has no name at all
    ("The fire broke out in Oakland on Monday.", "The fire broke out on Monday."),
    # a lone sentence-initial capital may be a common noun
    ("Firemen rescued a cat from the tall tree.", "Policemen rescued a cat from the tall tree."),
    ("Orbis bought the chip maker for $2 billion.", "Vantia bought the chip maker for $2 billion."),
    # months and weekdays are not entities
    ("The fire broke out on Monday in May.", "The fire broke out on Tuesday in June."),
]


@pytest.mark.parametrize(("text_a", "text_b"), NO_CONFLICTS)
def test_judges_entity_no_conflict(text_a, text_b):
    assert check_entity(Claim.bare(text_a), Claim.bare(text_b)).conflicts == ()


@pytest.mark.parametrize(("text_a", "text_b", "matches"), [
    ("The ACLU opposed the bill.", "The American Civil Liberties Union opposed the bill.", 1),
    ("IBM and Amazon paused sales.", "Amazon paused sales.", 1),
    ("The fire broke out in Oakland.", "The fire broke out in Fresno.", 0),
])
def test_judges_entity_counts_matches(text_a, text_b, matches):
    assert check_entity(Claim.bare(text_a), Claim.bare(text_b)).matches == matches


def test_judges_entity_registered():
    assert get_check("entity") is check_entity
