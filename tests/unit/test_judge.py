import numpy as np
import pytest

from consistency.judges.judge import FEATURES, Combiner, PairJudge, anchor, explain
from consistency.settings import Settings
from consistency.types import Claim, Conflict, FindingType, Label, Pair

from ..conftest import FixedNLI


def _judge(row=(0.1, 0.3, 0.6), **weights):
    w = np.zeros(len(FEATURES))
    for name, value in weights.items():
        w[FEATURES.index(name)] = value
    combiner = Combiner(tuple(w), bias=-2.0, threshold=0.5)
    return PairJudge(Settings(), nli=FixedNLI(row), combiner=combiner)


def _pair(a, b, sim=0.8):
    return Pair(Claim.bare(a, source="alpha"), Claim.bare(b, source="beta"), sim)


def test_judge_empty_input_gives_empty_output():
    assert _judge().judge([]) == []
    assert _judge().judge_claims([]) == []


def test_judge_typed_conflict_gives_typed_disagreement_naming_values():
    judge = _judge(conflict_numeric=6.0)
    [j] = judge.judge([_pair("The fire killed 12 people in the city.",
                             "The fire killed 40 people in the city.")])
    assert j.label is Label.DISAGREE and j.type is FindingType.NUMERIC
    assert (j.value_a, j.value_b) == ("12", "40")
    assert "'12' in alpha vs '40' in beta" in j.explanation
    assert 0.5 <= j.confidence <= 1.0


def test_judge_nli_only_disagreement_is_semantic():
    judge = _judge(row=(0.95, 0.02, 0.03), nli_contradiction=5.0)
    [j] = judge.judge([_pair("The talks ended in a deal.", "The talks collapsed without a deal.")])
    assert j.label is Label.DISAGREE and j.type is FindingType.SEMANTIC
    assert j.explanation.startswith("semantic:")


@pytest.mark.parametrize("row, label", [((0.1, 0.7, 0.2), Label.AGREE),
                                        ((0.1, 0.3, 0.6), Label.UNRELATED),
                                        ((0.45, 0.4, 0.15), Label.UNRELATED)])
def test_judge_non_disagreement_is_agree_only_when_entailment_is_the_likeliest(row, label):
    [j] = _judge(row=row).judge([_pair("The mayor opened the library.", "The library opened.")])
    assert j.label is label and j.type is None and j.confidence < 0.5


def test_judge_pairs_given_directly_need_no_embedder():
    judge = PairJudge(Settings(), nli=FixedNLI((0.1, 0.7, 0.2)),
                      combiner=Combiner((0.0,) * len(FEATURES), -2.0, 0.5))
    [j] = judge.judge_claims([(Claim.bare("The mayor opened the library."),
                               Claim.bare("The library was opened by the mayor."))])
    assert j.label is Label.AGREE and judge._embedder is None


def test_judge_features_follow_declared_layout():
    x, results = _judge().featurize([_pair("Sales rose 5% in May.", "Sales rose 9% in May.")])
    assert x.shape == (1, len(FEATURES))
    row = dict(zip(FEATURES, x[0]))
    assert row["conflict_numeric"] > 0 and row["nli_contradiction"] == pytest.approx(0.1)
    assert set(results[0]) == set(Settings().checks)


def test_judge_shipped_combiner_matches_feature_layout():
    combiner = Combiner.load()
    assert len(combiner.weights) == len(FEATURES)
    assert 0.0 < combiner.threshold < 1.0
    assert Settings().min_confidence == combiner.threshold


def test_judge_combiner_that_cannot_load_is_a_model_error():
    from consistency.errors import ModelError

    with pytest.raises(ModelError, match="no-such-combiner.json"):
        Combiner.load("no-such-combiner.json")


def test_judge_decides_at_min_confidence():
    pair = _pair("The fire killed 12 people in the city.", "The fire killed 40 people in the city.")
    w = np.zeros(len(FEATURES))
    w[FEATURES.index("conflict_numeric")] = 1.5  # P = sigmoid(1.5 * strength - 2) < 0.5
    combiner = Combiner(tuple(w), bias=-2.0, threshold=0.5)
    low = PairJudge(Settings(min_confidence=0.3), nli=FixedNLI(), combiner=combiner)
    default = PairJudge(Settings(), nli=FixedNLI(), combiner=combiner)
    [j_low], [j_default] = low.judge([pair]), default.judge([pair])
    assert 0.3 <= j_low.confidence < 0.5
    assert j_low.label is Label.DISAGREE and j_low.type is FindingType.NUMERIC
    assert j_default.label is not Label.DISAGREE


def test_judge_explain_names_both_sides():
    pair = _pair("a", "b")
    conflict = Conflict(FindingType.DURATION, "for 1 year", "until Congress acts", 0.8,
                        "fixed period vs open-ended")
    assert explain(conflict, pair) == ("duration: 'for 1 year' in alpha vs 'until Congress acts' "
                                       "in beta (fixed period vs open-ended)")


def test_judge_wide_pair_without_typed_conflict_never_disagrees():
    judge = _judge(row=(0.99, 0.0, 0.01), nli_contradiction=10.0)
    pair = Pair(Claim.bare("The talks ended in a deal.", source="alpha"),
                Claim.bare("The talks collapsed without a deal.", source="beta"), 0.4, mutual=False)
    [j] = judge.judge([pair])
    assert j.label is not Label.DISAGREE and j.confidence <= 0.01


def test_judge_wide_pair_with_typed_conflict_can_disagree():
    judge = _judge(conflict_numeric=6.0)
    pair = Pair(Claim.bare("The fire killed 12 people in the city.", source="alpha"),
                Claim.bare("The fire killed 40 people in the city.", source="beta"), 0.4,
                mutual=False)
    [j] = judge.judge([pair])
    assert j.label is Label.DISAGREE and j.type is FindingType.NUMERIC


def _anchor(a, b, value_a, value_b):
    return anchor(Conflict(FindingType.NUMERIC, value_a, value_b), _pair(a, b))


def test_anchor_is_high_when_both_values_hang_on_the_same_words():
    same_fact = _anchor("Police detained 300 people at the rally.",
                        "Police said they detained 250 people.", "300", "250")
    other_fact = _anchor("Police detained 300 people at the rally.",
                         "Organisers counted 5,000 marchers.", "300", "5,000")
    assert same_fact >= 0.5 > other_fact
    assert other_fact == 0.0


def test_anchor_counts_a_value_not_found_in_its_claim_as_hanging_on_nothing():
    assert _anchor("Sales rose 5%.", "Sales rose 9%.", "5%", "9%") == 1.0
    assert _anchor("Sales rose 5%.", "Sales rose 9%.", "7%", "9%") == 0.5
