"""The evaluation harness with a fake judge whose answers are fixed per sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consistency.errors import SettingsError
from consistency.evaluation.datasets import LabelledPair, LabelledSet
from consistency.evaluation.harness import (
    available_sets,
    evaluate,
    format_table,
    run_judge,
)
from consistency.types import FindingType, Judgement, Label

D, A, U = Label.DISAGREE, Label.AGREE, Label.UNRELATED


class FakeJudge:
    """Answers from a table keyed by the second claim's text; records batch sizes."""

    threshold = 0.5

    def __init__(self, answers: dict[str, Judgement]):
        self.answers = answers
        self.batches: list[int] = []

    def judge_claims(self, pairs):
        self.batches.append(len(pairs))
        return [self.answers[b.text] for _, b in pairs]


def _pair(n: int, contradiction: bool, kind: str | None) -> LabelledPair:
    return LabelledPair(f"p{n}", f"first {n}", f"second {n}", contradiction,
                        kind or "paraphrase", kind)


SYNTHETIC = LabelledSet("synthetic", (
    _pair(1, True, "numeric"), _pair(2, True, "date"), _pair(3, True, "date"),
    _pair(4, False, None), _pair(5, False, None), _pair(6, False, None),
))
ANSWERS = {
    "second 1": Judgement(D, 0.9, FindingType.NUMERIC),
    "second 2": Judgement(D, 0.8, FindingType.POLARITY),  # found, wrong type
    "second 3": Judgement(A, 0.3),
    "second 4": Judgement(D, 0.6, FindingType.NUMERIC),  # a false alarm
    "second 5": Judgement(A, 0.1),
    "second 6": Judgement(U, 0.2),
}


def test_eval_harness_scores_hand_computed():
    [result] = evaluate(FakeJudge(ANSWERS), [SYNTHETIC])
    assert (result.name, result.n, result.positives) == ("synthetic", 6, 3)
    assert result.auc == pytest.approx(8 / 9)
    assert (result.precision, result.recall, result.f1) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert result.flagged_rate == pytest.approx(0.5)
    assert result.pairs_per_s > 0


def test_eval_harness_typed_figures():
    [result] = evaluate(FakeJudge(ANSWERS), [SYNTHETIC])
    assert result.recall_by_type == (("numeric", 1.0), ("date", 0.5))
    assert result.type_accuracy == pytest.approx(0.5)
    assert result.paraphrase_flag_rate == pytest.approx(1 / 3)


def test_eval_harness_untyped_set_has_no_type_figures():
    plain = LabelledSet("rte3", tuple(
        LabelledPair(p.id, p.claim_a, p.claim_b, p.contradiction, "gold") for p in SYNTHETIC.pairs))
    [result] = evaluate(FakeJudge(ANSWERS), [plain])
    assert result.recall_by_type == () and result.type_accuracy is None
    assert result.paraphrase_flag_rate is None
    assert result.auc == pytest.approx(8 / 9)


def test_eval_harness_one_class_set_has_no_auc():
    negatives = LabelledSet("msrp_paraphrases", SYNTHETIC.pairs[3:])
    [result] = evaluate(FakeJudge(ANSWERS), [negatives])
    assert result.auc is None
    assert result.flagged_rate == pytest.approx(1 / 3)
    assert (result.precision, result.recall) == (0.0, 0.0)


@pytest.mark.parametrize(("batch_size", "expected"), [(4, [4, 2]), (6, [6]), (1, [1] * 6)])
def test_eval_harness_runs_in_batches(batch_size, expected):
    judge = FakeJudge(ANSWERS)
    judgements, seconds = run_judge(judge, SYNTHETIC.pairs, batch_size)
    assert judge.batches == expected
    assert [j.confidence for j in judgements] == [0.9, 0.8, 0.3, 0.6, 0.1, 0.2]
    assert seconds >= 0


def test_eval_harness_limit_samples_pairs():
    judge = FakeJudge(ANSWERS)
    [result] = evaluate(judge, [SYNTHETIC], limit=4)
    assert result.n == 4 and sum(judge.batches) == 4


def test_eval_harness_rejects_short_answers():
    class Short(FakeJudge):
        def judge_claims(self, pairs):
            return super().judge_claims(pairs)[:-1]

    with pytest.raises(ValueError, match="5 judgements for 6 pairs"):
        evaluate(Short(ANSWERS), [SYNTHETIC])


def test_eval_harness_format_table_markdown():
    table = format_table(evaluate(FakeJudge(ANSWERS), [SYNTHETIC]))
    lines = table.splitlines()
    assert lines[0].startswith("| set | pairs | contradictions | AUC |")
    assert lines[2].startswith("| synthetic | 6 | 3 | 0.889 | 0.667 | 0.667 | 0.667 | 0.500 |")
    assert "| numeric | 1.000 |" in lines and "| date | 0.500 |" in lines
    assert "type accuracy 0.500; paraphrases flagged 0.333" in table


def test_eval_harness_format_table_shows_missing_auc():
    negatives = LabelledSet("msrp_paraphrases", SYNTHETIC.pairs[3:])
    table = format_table(evaluate(FakeJudge(ANSWERS), [negatives]))
    assert "| msrp_paraphrases | 3 | 0 | n/a |" in table


def test_eval_harness_unknown_set_name():
    with pytest.raises(SettingsError, match="unknown evaluation set.*nope"):
        available_sets(["rte3", "nope"])


def _tiny_root(root: Path) -> Path:
    rows = [{"id": i, "premise": f"The shop opened {i} stores.", "hypothesis": "It grew.",
             "fr_3way_label": "contradiction" if i % 3 == 0 else "entailment"}
            for i in range(1, 10)]
    (root / "nli").mkdir(parents=True)
    (root / "nli/rte3_dev_3way.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    body = ["The county hired 120 nurses on Monday to staff the new clinic downtown.",
            "Governor Ann Ruiz said the clinic would stay open for six months.",
            "The hospital has approved a plan to expand its emergency ward this year."]
    event = {"id": 1, "news": {"center": {"newBody": body}}}
    (root / "corpus/allsides").mkdir(parents=True)
    (root / "corpus/allsides/allsides_2021.jsonl").write_text(json.dumps(event))
    (root / "corpus/allsides/neus_train.source").write_text(
        "TITLE=> Clinic opens ARTICLE=> A new clinic opened downtown on Monday morning.\n")
    return root


def test_eval_harness_available_sets_builds_named_sets(tmp_path):
    rte3, synthetic = available_sets(["rte3", "synthetic"], _tiny_root(tmp_path), limit=5)
    assert rte3.name == "rte3" and len(rte3) == 5
    assert synthetic.name == "synthetic" and 0 < len(synthetic) <= 5
    assert all(p.claim_a != p.claim_b for p in synthetic.pairs)


def test_eval_harness_available_sets_missing_data(tmp_path):
    with pytest.raises(FileNotFoundError, match="missing"):
        available_sets(["rte3"], tmp_path / "missing")
