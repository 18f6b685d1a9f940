"""Sentence splitting, exact spans, stable ids, check-worthiness and the main subject."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.claims import (
    is_checkworthy,
    is_headline,
    main_subject,
    split_claims,
    split_text,
)
from consistency.corpus import load_articles
from consistency.types import Article

ROOT = Path(__file__).parents[2]
FIXTURE_DIRS = [ROOT / "tests" / "data" / "articles", ROOT / "corpus"]


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_text(text)]


def article(text: str, title: str = "", id: str = "a1") -> Article:
    return Article(id=id, source="Test Wire", title=title, text=text)


@pytest.mark.parametrize("text, expected", [
    ("Rain fell. Roads flooded.", ["Rain fell.", "Roads flooded."]),
    ("Is it over? Nobody knows! Wait… Then it ended.",
     ["Is it over?", "Nobody knows!", "Wait…", "Then it ended."]),
    ("Profits rose 2.5 percent. Costs fell.", ["Profits rose 2.5 percent.", "Costs fell."]),
    ("Mr. Tan met Mrs. Ode and Dr. Wu. They spoke.", ["Mr. Tan met Mrs. Ode and Dr. Wu.",
                                                     "They spoke."]),
    ("Sen. Hale and Gov. Ruiz met Gen. Park. Prof. Lin agreed.",
     ["Sen. Hale and Gov. Ruiz met Gen. Park.", "Prof. Lin agreed."]),
    ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
    ("Troops left the U.S. The move was sudden.", ["Troops left the U.S.", "The move was sudden."]),
    ("The U.K. economy grew 1%.", ["The U.K. economy grew 1%."]),
    ("She joined Acme Inc. in 2019. Acme Corp. Ltd. grew.",
     ["She joined Acme Inc. in 2019.", "Acme Corp. Ltd. grew."]),
    ("He works at Acme Inc. The firm is small.", ["He works at Acme Inc.", "The firm is small."]),
    ("J. K. Rowling wrote it. George W. Bush read it.",
     ["J. K. Rowling wrote it.", "George W. Bush read it."]),
    ("It is ranked No. 2 in Europe. No one disputes it.",
     ["It is ranked No. 2 in Europe.", "No one disputes it."]),
    ("The vote is on Jan. 9. Sept. 11 is a Monday.", ["The vote is on Jan. 9.",
                                                     "Sept. 11 is a Monday."]),
    ("It opens at 9 a.m. Monday. It shuts at 5 p.m. The staff then leave.",
     ["It opens at 9 a.m. Monday.", "It shuts at 5 p.m.", "The staff then leave."]),
    ("Fruit, e.g. apples, i.e. food, vs. Meat. Fine.",
     ["Fruit, e.g. apples, i.e. food, vs. Meat.", "Fine."]),
    ('"We will win," he said. "Nobody doubts it."',
     ['"We will win," he said.', '"Nobody doubts it."']),
    ('He called it "unavoidable." Others disagreed.', ['He called it "unavoidable."',
                                                      "Others disagreed."]),
    ("“It’s over.” The crowd left.", ["“It’s over.”", "The crowd left."]),
    ('"Why?" he asked. Silence.', ['"Why?" he asked.', "Silence."]),
    ("Sales fell (by 3%.) Prices rose.", ["Sales fell (by 3%.)", "Prices rose."]),
    ("They waited... and waited. Then... Nothing.", ["They waited... and waited.", "Then...",
                                                    "Nothing."]),
    ("The event was stopped…. Few noticed.", ["The event was stopped….", "Few noticed."]),
    ("It ended in 2020. 15 people were hurt.", ["It ended in 2020.", "15 people were hurt."]),
    ("The U.S.-led team won. Good.", ["The U.S.-led team won.", "Good."]),
    ("Council backs new bridge\n\nThe council voted 7-2.", ["Council backs new bridge",
                                                           "The council voted 7-2."]),
    ("Headline with no stop\nThe body starts here.", ["Headline with no stop",
                                                      "The body starts here."]),
    ("There are three routes affected:\n\nThe loop is one.", ["There are three routes affected:",
                                                             "The loop is one."]),
    ("A sentence that is wrapped\nacross two lines. Next one.",
     ["A sentence that is wrapped\nacross two lines.", "Next one."]),
    ("Prices, rents,\nand wages rose.", ["Prices, rents,\nand wages rose."]),
    ("No end mark at all", ["No end mark at all"]),
    ("Paragraph one ends here.\n\n\nParagraph two.", ["Paragraph one ends here.",
                                                     "Paragraph two."]),
    ("  Leading and trailing spaces.  ", ["Leading and trailing spaces."]),
    ("***\n\nReal text.", ["Real text."]),
    ("", []),
])
def test_claims_split_text_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def _fixture_articles() -> list[Article]:
    articles, _ = load_articles([d for d in FIXTURE_DIRS if d.exists()])
    return articles


@pytest.mark.parametrize("art", _fixture_articles(), ids=lambda a: Path(a.path).name + ":" + a.id)
def test_claims_spans_exact_over_fixtures(art: Article) -> None:
    claims = split_claims(art)
    assert claims, "every fixture article has at least one sentence"
    for i, claim in enumerate(claims):
        assert art.text[claim.start:claim.end] == claim.text
        assert claim.text == claim.text.strip()
        assert claim.index == i
        assert claim.article_id == art.id and claim.source == art.source
        assert claim.published == art.published
    starts = [c.start for c in claims]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(claims, claims[1:], strict=False))


def test_claims_ids_stable_and_distinct_for_repeats() -> None:
    text = "Fares rose. Fares rose. The mayor spoke."
    first = split_claims(article(text))
    again = split_claims(article(text))
    assert [c.id for c in first] == [c.id for c in again]
    assert len({c.id for c in first}) == 3
    other = split_claims(article(text, id="a2"))
    assert not {c.id for c in first} & {c.id for c in other}


@pytest.mark.parametrize("sentence, expected", [
    ("The plant will close in March.", True),           # month
    ("Profits rose 12% last year.", True),              # number
    ("Three people were hurt in the crash.", True),     # number word
    ("The talks resumed on Tuesday morning.", True),    # weekday
    ("The talks were held in Geneva again.", True),     # name mid-sentence
    ("The minister said the plan was fair.", True),     # reported statement
    ("The plan was fair, according to critics.", True),
    ("It was a sad and difficult day.", False),         # no fact
    ("Everyone seemed quite happy about it.", False),
    ("Geneva hosted talks.", False),                    # name, but only 3 words
    ("Rates rose 2%.", False),                          # too short
    ("The weather turned cold and grey again.", False),
])
def test_claims_checkworthy(sentence: str, expected: bool) -> None:
    assert is_checkworthy(sentence) is expected


def test_claims_checkworthy_title_case_needs_a_known_name() -> None:
    assert not is_checkworthy("Inflation Eats It Up.", frozenset({"Acme"}))
    assert not is_checkworthy("Don't Kill Remote Learning.")
    assert is_checkworthy("Acme Says It Will Not Sell Its Plant", frozenset({"Acme"}))
    assert is_checkworthy("Acme Will Cut 300 Jobs")  # a number needs no name


def test_claims_split_known_names_come_from_prose() -> None:
    text = "Growth Eats Savings Up\n\nPrices rose in Ohio. Acme said they rose."
    claims = split_claims(Article(id="t", source="s", title="", text=text))
    assert [c.checkworthy for c in claims] == [False, True, True]
    text = "Acme Eats Savings Up\n\nPrices rose in Ohio, Acme said."
    claims = split_claims(Article(id="t", source="s", title="", text=text))
    assert claims[0].checkworthy


def test_claims_checkworthy_known_name_at_start() -> None:
    sentence = "Acme seems to have changed its mind."
    assert not is_checkworthy(sentence)
    assert is_checkworthy(sentence, frozenset({"Acme"}))


@pytest.mark.parametrize("title, text, expected", [
    ("Acme to cut 300 jobs",
     "Acme to cut 300 jobs\n\nAcme said it will cut 300 jobs. Rivals at Bolt Ltd. hired. "
     "Acme shares fell.", "Acme"),
    ("Harbour Ferry Co. raises fares",
     "The Harbour Ferry Co. raised fares. Its boss, Ann Lee, said costs rose. "
     "Ann Lee will meet the council.", "Harbour Ferry Co"),
    ("Ferry fares rise", "Ferry fares rise 8% from May. The operator said fuel cost more.", None),
    ("Talks end without a deal",
     "Talks ended on Monday in Oslo. Negotiators from Norway left.", None),
    ("Brad Smith speaks on Monday",
     "On Monday, Brad Smith spoke. In March Smith said more. Monday was busy.", "Brad Smith"),
    ("Smith speaks", "Smith spoke. Brad Smith said more. Later Brad Smith left.", "Smith"),
])
def test_claims_main_subject(title: str, text: str, expected: str | None) -> None:
    art = article(text, title=title)
    assert main_subject(art) == expected
    assert {c.subject for c in split_claims(art)} == {expected}


def test_is_headline_tells_headlines_from_sentences():
    assert is_headline("Mayor Wins Second Term In Landslide Vote")
    assert is_headline("Storm cuts power to thousands across the region")
    assert not is_headline("The storm cut power to 3,000 homes on Monday.")
    assert not is_headline("“We will rebuild,” the mayor said.")
