"""Entity: the same statement about a different person, organisation or place."""

from __future__ import annotations

import pytest

from consistency.judges.entity import changed_names, check_entity
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


# Near-identical claims: a name replaced in the same place of the aligned diff.
CONTEXT_CONFLICTS = [
    ("Storm damage closed schools across Derbyshire and Kent on Monday.",
     "Storm damage closed schools across Norfolk and Kent on Monday.", "Derbyshire", "Norfolk"),
    ("The new bridge links the town to the ferry terminal at Dunmore.",
     "The new bridge links the town to the ferry terminal at Kilbride.", "Dunmore", "Kilbride"),
    ("The group, which also includes Peru, Chile and Ghana, met by video on Friday.",
     "The group, which also includes Nepal, Chile and Ghana, met by video on Friday.",
     "Peru", "Nepal"),
    # Georgia is a state as often as a country: no exemption for it
    ("Early voting in Georgia ended on Friday with record turnout.",
     "Early voting in Ohio ended on Friday with record turnout.", "Georgia", "Ohio"),
    ("Critics said Mr. Hallam's approach to the harbour plan had never been tried.",
     "Critics said Mr. Corrigan's approach to the harbour plan had never been tried.",
     "Hallam", "Corrigan"),
]

CONTEXT_NO_CONFLICTS = [
    # partial and full names of the same person
    ("The harbour plan was drawn up by Ellen Dorsey and the port staff.",
     "The harbour plan was drawn up by Dorsey and the port staff."),
    # a changed speaker is the attribution check's
    ("The river will peak tonight, Mayor Ellen Dorsey told reporters on the quay.",
     "The river will peak tonight, Mayor Frank Mullan told reporters on the quay."),
    # the same names, moved
    ("Officials in Harwick said the ferry would resume on Monday.",
     "The ferry would resume on Monday, officials in Harwick said."),
    # a name against a common noun is not a name swap
    ("The harbour plan was drawn up by Ellen Dorsey and the port staff.",
     "The harbour plan was drawn up by the mayor and the port staff."),
    # a list said in another order
    ("Norway and Chile weigh a joint fishing ban for the southern waters.",
     "Chile, Norway weigh a joint fishing ban for the southern waters."),
    # one person under two titles; a short form of a country's name
    ("Iron Lady Margaret Thatcher dies at 87 in a London hotel.",
     "Former British PM Margaret Thatcher dies at 87 in a London hotel."),
    ("N Korea to halt all work at the joint industrial zone.",
     "North Korea to halt all work at the joint industrial zone."),
    # a place and the country it may lie in: both can be true
    ("The airline lifted its ban on flights to Tel Aviv on Friday.",
     "The airline lifted its ban on flights to Israel on Friday."),
    ("Two skydivers died after colliding during a jump in Arizona.",
     "Two skydivers died after colliding during a jump in the US."),
]


@pytest.mark.parametrize(("text_a", "text_b", "value_a", "value_b"), CONTEXT_CONFLICTS)
def test_judges_entity_context_flags_changed_name(text_a, text_b, value_a, value_b):
    result = check_entity(Claim.bare(text_a), Claim.bare(text_b))
    assert [(c.type, c.value_a, c.value_b, c.strength) for c in result.conflicts] == [
        (FindingType.ENTITY, value_a, value_b, 0.85)]


@pytest.mark.parametrize(("text_a", "text_b"), CONTEXT_NO_CONFLICTS)
def test_judges_entity_context_no_conflict(text_a, text_b):
    assert check_entity(Claim.bare(text_a), Claim.bare(text_b)).conflicts == ()


@pytest.mark.parametrize(("text_a", "text_b", "speaker"), [
    ("The pier reopened to small boats, Ellen Dorsey said on Friday.",
     "The pier reopened to small boats, Frank Mullan said on Friday.", True),
    ('"The pier is open," said Dr. Ellen Dorsey on the quay.',
     '"The pier is open," said Dr. Frank Mullan on the quay.', True),
    ("The pier in Harwick reopened to boats on Friday.",
     "The pier in Dunmore reopened to boats on Friday.", False),
])
def test_judges_entity_changed_names_marks_speakers(text_a, text_b, speaker):
    assert [c.speaker for c in changed_names(text_a, text_b)] == [speaker]


def test_entity_lone_names_in_different_roles_are_not_compared():
    # "Boston" follows "of", "Jane Doe" follows "Mayor": two names, two roles, no conflict
    a = Claim.bare("The mayor of Boston praised the new stadium plan on Monday, calling it a "
                   "win for the city.")
    b = Claim.bare("Mayor Jane Doe on Monday praised the new stadium plan as a win for the city.")
    assert check_entity(a, b).conflicts == ()


def test_entity_names_after_the_same_word_in_reworded_claims_conflict():
    a = Claim.bare("The warehouse fire broke out in Oakland early on Monday, officials said.")
    b = Claim.bare("Officials said the warehouse fire started in Fresno early on Monday.")
    conflicts = check_entity(a, b).conflicts
    assert [(c.value_a, c.value_b) for c in conflicts] == [("Oakland", "Fresno")]


@pytest.mark.parametrize("a, b, conflicts", [
    # "The X ..." and "... in The Y": an article is no shared role
    ("The Harbor Trust plans to sell the old pier to the city next year.",
     "The nonprofit that owns the old pier will sell it to the city next year, according "
     "to a report in The Coast Herald.", 0),
    # the word before the article still is one
    ("Crews fought the fire in the Oakland hills for three days.",
     "Crews fought the fire in the Fresno hills for three days, officials said.", 1),
])
def test_judges_entity_an_article_is_no_role(a, b, conflicts):
    assert len(check_entity(Claim.bare(a), Claim.bare(b)).conflicts) == conflicts
