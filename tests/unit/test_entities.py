"""Names, speakers, subjects and actors found from capitalisation and word order."""

from __future__ import annotations

import pytest

from consistency.entities import (
    actors_before,
    initials,
    name_spans,
    same_body,
    same_entity,
    sentence_subject,
    speakers,
)

NAME_CASES = [
    ("Microsoft President Brad Smith met the ACLU on Monday.",
     ["Microsoft", "Brad Smith", "ACLU"]),
    ("The law was backed by the American Civil Liberties Union in May.",
     ["American Civil Liberties Union"]),
    ("Protesters marched after George Floyd died in Minneapolis.", ["George Floyd", "Minneapolis"]),
    ("On Thursday, IBM and Amazon paused their programmes.", ["IBM", "Amazon"]),
    ("The Washington Post reported the figures first.", ["Washington Post"]),
    ("Analysts at the Bank of England expect a cut.", ["Bank of England"]),
    ("Despite the rain, Acme's shares rose in the U.S. market.", ["Acme", "U.S."]),
    ("Police said the driver fled towards Leeds.", ["Leeds"]),
    ("Local officials in Ohio closed the bridge in March.", ["Ohio"]),
    ("However, Prime Minister Jane Doe declined to comment.", ["Jane Doe"]),
    ("Acme Unveils New Drone For Farmers", []),
    ("ACME WILL NOT SELL DRONES", []),
    ("the rally went ahead without incident.", []),
]


@pytest.mark.parametrize(("text", "expected"), NAME_CASES)
def test_entities_name_spans(text, expected):
    spans = name_spans(text)
    assert [s.text for s in spans] == expected
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_entities_name_spans_curly_possessive_keeps_offsets():
    text = "Acme’s chief Ana Ruiz spoke."
    spans = name_spans(text)
    assert [(s.text, s.start, s.end) for s in spans] == [("Acme", 0, 4), ("Ana Ruiz", 13, 21)]


SPEAKER_CASES = [
    ("Smith said the plan failed.", [("Smith", "name", None)]),
    ('"The plan failed," said Jones.', [("Jones", "name", None)]),
    ("The plan failed, according to the ACLU.", [("ACLU", "name", None)]),
    ("The plan failed, according to the police.", [("police", "noun", None)]),
    ("Acme's president Ana Ruiz told reporters the plan failed.",
     [("Ana Ruiz", "name", "Acme")]),
    ("Microsoft President Brad Smith announced the change on Friday.",
     [("Brad Smith", "name", "Microsoft")]),
    ("Brad Smith, the firm's lawyer, said the deal was off.", [("Brad Smith", "name", None)]),
    ("The company stated that sales had doubled.", [("The company", "pronoun", None)]),
    ("He told The Washington Post the plan was over.", [("He", "pronoun", None)]),
    ("Local police said two men were arrested.", [("Local police", "noun", None)]),
    ("Sales doubled in the first quarter.", []),
    ("Acme denied the report and IBM claimed victory.",
     [("Acme", "name", None), ("IBM", "name", None)]),
    # a name after "in" only places a common-noun speaker
    ("Troops will leave, the top commander in the Middle East said.",
     [("top commander", "noun", None)]),
    ("Officials in Ohio said the count was wrong.", [("Officials", "noun", None)]),
    ("A spokesman for Acme said the count was wrong.", [("Acme", "name", None)]),
    # a member of a body is not the body; its head speaks for it
    ("A senior member of the Budget Committee said the count was wrong.",
     [("senior member", "noun", None)]),
    ("The chairman of Acme said the count was wrong.", [("Acme", "name", None)]),
    # a headline's closing source tag
    ("Ruiz killed in 'barbaric act' - PM", [("PM", "name", None)]),
    ("The deal - a first for Acme - was signed.", []),
    # whoever is told something is not its speaker
    ("Hospitals told to send coronavirus data to Washington, not CDC.", []),
    ("Ruiz was told the plan had failed.", []),
    ("Acme workers were told on Monday that the plant would close.", []),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKER_CASES)
def test_entities_speakers(text, expected):
    found = speakers(text)
    assert [(s.text, s.kind, s.affiliation) for s in found] == expected
    assert all(text[s.start:s.end] == s.text for s in found)


SAME_CASES = [
    ("Brad Smith", "Smith", True),
    ("ACLU", "American Civil Liberties Union", True),
    ("U.S.", "United States", True),
    ("UK", "Britain", True),
    ("Microsoft's", "Microsoft", True),
    ("Brad Smith", "John Smith", False),
    ("IBM", "Amazon", False),
    ("Oakland", "Fresno", False),
    ("ACLU", "American Medical Association", False),
    ("North Korean", "North Korea", True),
    ("Chinese", "China", True),
    ("Mexican", "Mexico", True),
    ("Iranian", "Iran", True),
    ("Johns", "Johnson", False),
    ("Austria", "Australia", False),
    # short forms, acronyms, irregular demonyms, spelling variants of long names
    ("N Korea", "North Korea", True),
    ("Kenya SC", "Kenya Supreme Court", True),
    ("BoE", "Bank of England", True),
    ("USGS", "US Geological Survey", True),
    ("NYC", "New York", True),
    ("Maryland GOP", "Maryland Republican", True),
    ("Spanish", "Spain", True),
    ("Jovenel Moïse", "Jovenel Moise", True),
    ("São Paulo", "Sao Paulo", True),
    ("British", "UK", True),
    ("Rowhani", "Rohani", True),
    ("Taliban", "Taleban", True),
    ("Tel Aviv", "Israel", False),
    ("Al Gore", "Al Sharpton", False),
    ("CIA", "FBI", False),
    ("Mark", "Mike", False),
    ("UK", "Ukraine", False),
    ("Iron Lady Margaret Thatcher", "British PM Margaret Thatcher", True),
    ("Bradley Manning-WikiLeaks", "WikiLeaks", True),
    ("Syria", "Syrians", True),
    ("North Koreans", "North Korea", True),
    # short forms of given names
    ("Attorney General William Barr", "Attorney General Bill Barr", True),
    ("Bill Barr", "William Barr", True),
    ("Mike Pence", "Michael Pence", True),
    ("Bill Barr", "Robert Barr", False),
    ("Jim Jordan", "John Jordan", False),
]


@pytest.mark.parametrize(("a", "b", "expected"), SAME_CASES)
def test_entities_same_entity(a, b, expected):
    assert same_entity(a, b) is expected
    assert same_entity(b, a) is expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("Bureau of Labor Statistics", "Labor Department", True),
    ("State Department", "Department of Homeland Security", False),  # only heads shared
    ("Brad Smith", "John Smith", False),  # people
    ("Justice Department", "Supreme Court", False),
])
def test_entities_same_body(a, b, expected):
    assert same_body(a, b) is expected
    assert same_body(b, a) is expected


def test_entities_initials_skip_connectors():
    assert initials("Bank of England") == "BE"
    assert initials("American Civil Liberties Union") == "ACLU"


SUBJECT_CASES = [
    ("Microsoft will not sell the tool to police.", None, "Microsoft"),
    ("On Monday, the firm said it would close.", "Acme", "Acme"),
    ("It sold the unit last year.", "Acme", "Acme"),
    ("It sold the unit last year.", None, None),
    ("After the vote, Senator Ann Lee resigned.", None, "Ann Lee"),
    ("Sales rose sharply in May.", "Acme", None),
]


@pytest.mark.parametrize(("text", "subject", "expected"), SUBJECT_CASES)
def test_entities_sentence_subject(text, subject, expected):
    assert sentence_subject(text, subject) == expected


ACTOR_CASES = [
    ("Acme and Beta, two firms that provided it to police, were fined.", "provided", None,
     ("Acme", "Beta")),
    ("The company does not supply it.", "does", "Acme", ("Acme",)),
    ("The company does not supply it.", "does", None, ()),
    ("IBM, Amazon and Acme stopped sales.", "stopped", None, ("IBM", "Amazon", "Acme")),
    ("Acme said it would stop sales.", "would", None, ("Acme",)),
    ("A few small firms that continue to sell drones.", "continue", "Acme", ()),
    ("Small firms sell drones.", "sell", "Acme", ("firms",)),
]


@pytest.mark.parametrize(("text", "verb", "subject", "expected"), ACTOR_CASES)
def test_entities_actors_before(text, verb, subject, expected):
    assert actors_before(text, text.index(verb), subject) == expected
