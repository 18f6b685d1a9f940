"""The synthetic corruption generator on hand-written sentences."""

from __future__ import annotations

import random
import re

import pytest

from consistency.evaluation.synthetic import (
    CORRUPTIONS,
    KINDS,
    NUMBER_WORDS,
    build_pools,
    corrupt_attribution,
    corrupt_date,
    corrupt_duration,
    corrupt_entity,
    corrupt_numeric,
    corrupt_polarity,
    different_number,
    find_names,
    make_synthetic,
    paraphrase,
)

SENTENCES = (
    "The factory hired 250 workers last spring.",
    "Turnout reached 64% in the northern districts.",
    "Rescuers pulled three children from the flooded basement.",
    "The museum reopened on Tuesday after repairs.",
    "The council will vote on March 12 on the budget.",
    "The bridge was completed in 1998 by a local firm.",
    "The mayor suspended the parking fees for six months.",
    "The mine will remain closed indefinitely, the operator said.",
    "The minister has approved the new rail line.",
    "The committee did not approve the merger.",
    "Governor Maria Lopez visited Ohio on Friday.",
    "Protesters gathered in Texas over the weekend.",
    "Mayor Tom Baker said the road would reopen soon.",
    "Senator Alice Grant said the vote was close.",
    "Sales rose 5% in June, the company said.",
    "The agency hired 3 inspectors to review the dam.",
    "Officials said the storm damaged large parts of the harbor.",
    "The ferry isn't running because of high winds.",
    "Lee said the bridge would open within weeks.",
    "The trial began on June 10, 2021 in the capital.",
)
POOLS = build_pools(SENTENCES)
SEEDS = range(8)

_VALUE = re.compile(r"\d+(?:[.,]\d+)*|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.I)


def _values(text: str) -> list[float]:
    """Numbers in ``text`` whether written as digits or words, sorted."""
    out = []
    for token in _VALUE.findall(text):
        low = token.lower()
        out.append(float(NUMBER_WORDS[low]) if low in NUMBER_WORDS
                   else float(token.replace(",", "")))
    return sorted(out)


def _outputs(fn, sentence: str) -> set[str]:
    return {fn(sentence, random.Random(seed), POOLS) for seed in SEEDS} - {None}


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The factory hired 250 workers last spring.", "workers"),
        ("Turnout reached 64% in the northern districts.", "%"),
        ("Rescuers pulled three children from the flooded basement.", "children"),
        ("The city borrowed $4.5 million to repair the pier.", "million"),
    ],
)
def test_eval_synthetic_numeric_changes_value_keeps_unit(sentence, unit):
    outs = _outputs(corrupt_numeric, sentence)
    assert outs
    for out in outs:
        old, new = _values(sentence), _values(out)
        assert out != sentence and unit in out and len(old) == len(new) == 1
        assert abs(new[0] - old[0]) > 0.1 * old[0]
        if unit == "%":
            assert new[0] <= 100


@pytest.mark.parametrize(
    "sentence",
    ["The bridge was completed in 1998 by a local firm.",  # a year is a date
     "The mayor suspended the parking fees for six months.",  # a period is a duration
     "Route 9 was closed after the crash."],  # a label, not an amount
)
def test_eval_synthetic_numeric_leaves_dates_durations_labels(sentence):
    assert _outputs(corrupt_numeric, sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "pattern"),
    [
        ("The museum reopened on Tuesday after repairs.",
         r"^The museum reopened on (Mon|Wednes|Thurs|Fri|Satur|Sun)day after repairs\.$"),
        ("The council will vote on March 12 on the budget.",
         r"^The council will vote on (?!March 12 )[A-Z][a-z]+ \d+ on the budget\.$"),
        ("The bridge was completed in 1998 by a local firm.",
         r"^The bridge was completed in (?!1998)(19|20)\d\d by a local firm\.$"),
    ],
)
def test_eval_synthetic_date_moves_the_date(sentence, pattern):
    outs = _outputs(corrupt_date, sentence)
    assert outs and all(re.match(pattern, out) for out in outs)


def test_eval_synthetic_date_ignores_may_the_verb():
    assert _outputs(corrupt_date, "Prices may rise again after the harvest ends.") == set()


@pytest.mark.parametrize(
    ("sentence", "allowed"),
    [
        ("The mayor suspended the parking fees for six months.",
         r"for (two|three|four|five|seven|eight|nine|twelve) months|for six (weeks|years)"
         r"|indefinitely|until further notice"),
        ("The mine will remain closed indefinitely, the operator said.",
         r"for (two|three|six) (weeks|months|years)"),
        ("The lab signed a 10-year lease on the building.",
         r"a \d+-year lease|a 10-(month|decade) "),
    ],
)
def test_eval_synthetic_duration_changes_period(sentence, allowed):
    outs = _outputs(corrupt_duration, sentence)
    assert outs and all(out != sentence and re.search(allowed, out) for out in outs)


@pytest.mark.parametrize(
    "sentence",
    ["The mayor opened the new library downtown.",
     "The actor, who is 40 years old, won the award."],  # an age is not a duration
)
def test_eval_synthetic_duration_needs_a_period(sentence):
    assert _outputs(corrupt_duration, sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister has approved the new rail line.",
         {"The minister has not approved the new rail line.",
          "The minister hasn't approved the new rail line."}),
        ("The committee did not approve the merger.", {"The committee approved the merger."}),
        ("The ferry isn't running because of high winds.",
         {"The ferry is running because of high winds."}),
        ("The company wants a new headquarters downtown.",
         {"The company does not want a new headquarters downtown."}),
        ("The pilot had never flown at night before.", {"The pilot had flown at night before."}),
    ],
)
def test_eval_synthetic_polarity_negates_correctly(sentence, expected):
    assert _outputs(corrupt_polarity, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    ["No one has been charged in the robbery so far.",  # no double negatives
     "The regulator said in a statement on its website."],  # a bare "said in" stays
)
def test_eval_synthetic_polarity_skips_awkward(sentence):
    assert _outputs(corrupt_polarity, sentence) == set()


def test_eval_synthetic_duration_rate_keeps_article():
    outs = _outputs(corrupt_duration, "The clinic saw 300 patients a day during the outbreak.")
    assert outs and all(re.search(r"300 patients an? (hour|week)\b", out) for out in outs)


def test_eval_synthetic_polarity_past_verb_takes_did():
    outs = _outputs(corrupt_polarity, "The union rejected the offer from the airline.")
    assert outs == {"The union did not reject the offer from the airline."}


def test_eval_synthetic_entity_swaps_same_kind_not_speaker():
    sentence = "Mayor Tom Baker said Ohio would receive new funds."
    outs = _outputs(corrupt_entity, sentence)
    assert outs == {"Mayor Tom Baker said Texas would receive new funds."}


def test_eval_synthetic_entity_swaps_person_for_person():
    outs = _outputs(corrupt_entity, "Governor Maria Lopez visited the flooded town.")
    assert outs == {"Governor Tom Baker visited the flooded town.",
                    "Governor Alice Grant visited the flooded town."}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mayor Tom Baker said the road would reopen soon.",
         {"Mayor Alice Grant said the road would reopen soon."}),
        ("The road will reopen soon, according to Alice Grant.",
         {"The road will reopen soon, according to Tom Baker."}),
        ("The road would reopen soon, said Senator Tom Baker.",
         {"The road would reopen soon, said Senator Alice Grant."}),
    ],
)
def test_eval_synthetic_attribution_swaps_speaker(sentence, expected):
    assert _outputs(corrupt_attribution, sentence) == expected


def test_eval_synthetic_find_names_inner_capitals():
    names = find_names("Rep. Kevin McCarthy said the vote failed.")
    assert [(n.text, n.kind, n.speaker) for n in names] == [("Kevin McCarthy", "person", True)]


def test_eval_synthetic_find_names_kinds_and_speakers():
    names = find_names("Senator Alice Grant said Ohio will vote.", POOLS)
    assert [(n.text, n.kind, n.speaker) for n in names] == [
        ("Alice Grant", "person", True), ("Ohio", "state", False)]


PARAPHRASE_CASES = [
    "Sales rose 5% in June, the company said.",
    "The agency hired 3 inspectors to review the dam.",
    "Officials said the storm damaged large parts of the harbor.",
    "The ferry isn't running because of high winds.",
    "Lee said the bridge would open within weeks.",
    "The trial began on June 10, 2021 in the capital.",
    "The mayor suspended the parking fees for six months.",
    "Governor Maria Lopez also visited Ohio on Friday.",
]


def _negations(text: str) -> int:
    return len(re.findall(r"\bnot\b|n't\b|\bnever\b|\bcannot\b", text))


def _names(text: str) -> list[str]:
    return sorted(w.strip(".,") for w in text.split()[1:] if w[:1].isupper())


@pytest.mark.parametrize("sentence", PARAPHRASE_CASES)
def test_eval_synthetic_paraphrase_keeps_numbers_and_names(sentence):
    outs = _outputs(paraphrase, sentence)
    assert outs
    for out in outs:
        assert out != sentence
        assert _values(out) == _values(sentence)
        first = {sentence.split()[0], out.split()[0]}
        assert set(_names(out)) - first == set(_names(sentence)) - first
        assert _negations(out) == _negations(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lee said the bridge would open within weeks.",
         "The bridge would open within weeks, Lee said."),
        ("Sales rose 5% in June, the company said.",
         "Sales rose 5 percent in June, the company said."),
        ("The trial began on June 10, 2021 in the capital.",
         "The trial began on 10 June 2021 in the capital."),
        ("The agency hired 3 inspectors to review the dam.",
         "The agency hired three inspectors to review the dam."),
    ],
)
def test_eval_synthetic_paraphrase_forms(sentence, expected):
    outs = {paraphrase(sentence, random.Random(seed), POOLS) for seed in range(30)}
    assert expected in outs


def test_eval_synthetic_make_set_labels_and_types():
    synthetic = make_synthetic(SENTENCES * 1, seed=0, per_kind=2, paraphrases=3)
    positives = [p for p in synthetic.pairs if p.contradiction]
    negatives = [p for p in synthetic.pairs if not p.contradiction]
    assert {p.type for p in positives} == set(KINDS)
    assert all(sum(p.type == k for p in positives) <= 2 for k in KINDS)
    assert len(negatives) == 3 and all(p.type is None and p.gold == "paraphrase"
                                       for p in negatives)
    assert all(p.claim_a != p.claim_b and p.claim_a in SENTENCES for p in synthetic.pairs)
    assert len({p.id for p in synthetic.pairs}) == len(synthetic.pairs)


def test_eval_synthetic_make_set_is_deterministic():
    one = make_synthetic(SENTENCES, seed=4, per_kind=3)
    two = make_synthetic(SENTENCES, seed=4, per_kind=3)
    other = make_synthetic(SENTENCES, seed=5, per_kind=3)
    assert one == two
    assert one.pairs != other.pairs


def test_eval_synthetic_different_number_is_clearly_different():
    rng = random.Random(0)
    for value in (1, 7, 12, 64, 250, 1500, 98000):
        new = different_number(float(value), 0, rng)
        assert new is not None and abs(new - value) > 0.1 * value


def test_eval_synthetic_registry_covers_all_kinds():
    assert tuple(CORRUPTIONS) == KINDS
