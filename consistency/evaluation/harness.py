"""Run a pair judge over labelled sets and summarise how it did.

The judge is anything with ``judge_claims(pairs) -> list[Judgement]``; a pair
counts as flagged when its label is ``Label.DISAGREE`` and its score is the
judgement's confidence (P(disagree))::

    sets = available_sets(["rte3", "synthetic"], limit=300)
    print(format_table(evaluate(judge, sets)))
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from consistency.errors import SettingsError
from consistency.evaluation import datasets, metrics
from consistency.evaluation.datasets import LabelledPair, LabelledSet
from consistency.evaluation.synthetic import KINDS, make_synthetic
from consistency.types import Claim, Judgement, Label

logger = logging.getLogger(__name__)

SET_NAMES = ("rte3", "sick_test", "snli", "msrp", "synthetic")


class PairJudge(Protocol):
    """What the harness needs from a judge."""

    threshold: float

    def judge_claims(self, pairs: Sequence[tuple[Claim, Claim]]) -> list[Judgement]: ...


@dataclass(frozen=True)
class SetResult:
    """How a judge did on one labelled set.

    ``recall_by_type`` (kind, recall) pairs, ``type_accuracy`` (share of detected
    corruptions given the right type) and ``paraphrase_flag_rate`` are filled
    for sets with typed pairs (the synthetic set) and ``None`` / empty otherwise.
    """

    name: str
    n: int
    positives: int
    auc: float | None
    precision: float
    recall: float
    f1: float
    flagged_rate: float
    pairs_per_s: float
    recall_by_type: tuple[tuple[str, float], ...] = ()
    type_accuracy: float | None = None
    paraphrase_flag_rate: float | None = None
    # Precision among pairs with confidence >= 0.8, and how many such pairs there were:
    # what "a confidence of 0.8" means on this set.
    precision_at_80: float | None = None
    flagged_at_80: int = 0


def claims_of(pair: LabelledPair) -> tuple[Claim, Claim]:
    """The two claims of a labelled pair, as the judge sees them (sources "a" and "b")."""
    return (Claim.bare(pair.claim_a, source="a", id=f"{pair.id}-a"),
            Claim.bare(pair.claim_b, source="b", id=f"{pair.id}-b"))


def run_judge(judge: PairJudge, pairs: Sequence[LabelledPair],
              batch_size: int = 64) -> tuple[list[Judgement], float]:
    """Judge ``pairs`` in batches; returns the judgements and the seconds taken."""
    judgements: list[Judgement] = []
    started = time.perf_counter()
    for i in range(0, len(pairs), batch_size):
        batch = [claims_of(p) for p in pairs[i:i + batch_size]]
        got = judge.judge_claims(batch)
        if len(got) != len(batch):
            raise ValueError(f"judge returned {len(got)} judgements for {len(batch)} pairs")
        judgements.extend(got)
    return judgements, time.perf_counter() - started


def _auc(scores: list[float], labels: list[bool]) -> float | None:
    if all(labels) or not any(labels):
        return None
    return metrics.roc_auc(scores, labels)


def _typed_figures(pairs: Sequence[LabelledPair], judgements: Sequence[Judgement],
                   ) -> tuple[tuple[tuple[str, float], ...], float | None, float | None]:
    """Recall per corruption type, type accuracy of detections, paraphrase flag rate."""
    flagged = [j.label is Label.DISAGREE for j in judgements]
    by_type = []
    for kind in [k for k in KINDS if any(p.type == k for p in pairs)]:
        hits = [f for p, f in zip(pairs, flagged, strict=True) if p.type == kind]
        by_type.append((kind, metrics.rate(hits)))
    detected = [(p, j) for p, j, f in zip(pairs, judgements, flagged, strict=True) if p.type and f]
    right = [j.type is not None and j.type.value == p.type for p, j in detected]
    paraphrase = [f for p, f in zip(pairs, flagged, strict=True) if not p.contradiction]
    return (tuple(by_type), metrics.rate(right) if detected else None,
            metrics.rate(paraphrase) if paraphrase else None)


def score_set(labelled: LabelledSet, judgements: Sequence[Judgement],
              seconds: float) -> SetResult:
    """Summarise ``judgements`` (one per pair, in order) against the set's gold labels."""
    labels = [p.contradiction for p in labelled.pairs]
    flagged = [j.label is Label.DISAGREE for j in judgements]
    high = [j.confidence >= 0.8 for j in judgements]
    prf = metrics.precision_recall_f1(flagged, labels)
    typed = _typed_figures(labelled.pairs, judgements) if any(
        p.type for p in labelled.pairs) else ((), None, None)
    return SetResult(
        name=labelled.name, n=len(labelled), positives=sum(labels),
        auc=_auc([j.confidence for j in judgements], labels),
        precision=prf.precision, recall=prf.recall, f1=prf.f1,
        flagged_rate=metrics.rate(flagged),
        pairs_per_s=len(labelled) / seconds if seconds > 0 else math.inf,
        recall_by_type=typed[0], type_accuracy=typed[1], paraphrase_flag_rate=typed[2],
        precision_at_80=metrics.precision_recall_f1(high, labels).precision if any(high) else None,
        flagged_at_80=sum(high),
    )


def evaluate(judge: PairJudge, sets: Sequence[LabelledSet], limit: int | None = None,
             batch_size: int = 64, seed: int = 0) -> list[SetResult]:
    """Run ``judge`` on each set (a seeded ``limit``-pair sample if given) and score it.

    Example: ``evaluate(judge, [load_rte3()], limit=200)[0].auc``.
    """
    results = []
    for labelled in sets:
        sample = labelled.subset(limit, seed)
        judgements, seconds = run_judge(judge, sample.pairs, batch_size)
        result = score_set(sample, judgements, seconds)
        logger.info("%s: %d pairs, AUC %s, F1 %.3f, %.1f pairs/s", result.name, result.n,
                    result.auc, result.f1, result.pairs_per_s)
        results.append(result)
    return results


def available_sets(names: Sequence[str] = SET_NAMES, data_root: str | Path | None = None,
                   limit: int | None = None, seed: int = 0) -> list[LabelledSet]:
    """Build the named sets, each cut to a seeded ``limit``-pair sample.

    ``"synthetic"`` is made from ``news_sentences("eval")`` with ``seed``. Unknown
    names raise SettingsError; a missing data folder raises FileNotFoundError.

    Example: ``available_sets(["rte3", "msrp"], limit=100)``.
    """
    unknown = [n for n in names if n not in SET_NAMES]
    if unknown:
        raise SettingsError(f"unknown evaluation set(s): {', '.join(unknown)} "
                            f"(known: {', '.join(SET_NAMES)})")
    built = []
    for name in names:
        if name == "synthetic":
            per_kind = 100 if limit is None else max(1, math.ceil(limit / (len(KINDS) + 2)))
            built.append(make_synthetic(datasets.news_sentences("eval", data_root), seed=seed,
                                        per_kind=per_kind).subset(limit, seed))
        else:
            built.append(datasets.LOADERS[name](data_root).subset(limit, seed))
    return built


def _cell(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def format_table(results: Sequence[SetResult]) -> str:
    """A Markdown table of the results, plus per-type lines for typed (synthetic) sets.

    Example: ``print(format_table(evaluate(judge, sets)))``.
    """
    lines = ["| set | pairs | contradictions | AUC | precision | recall | F1 | flagged "
             "| precision at conf >= 0.8 (n) | pairs/s |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r.name} | {r.n} | {r.positives} | {_cell(r.auc)} | "
                     f"{_cell(r.precision)} | {_cell(r.recall)} | {_cell(r.f1)} | "
                     f"{_cell(r.flagged_rate)} | {_cell(r.precision_at_80)} ({r.flagged_at_80}) "
                     f"| {r.pairs_per_s:.1f} |")
    for r in results:
        if r.recall_by_type:
            lines += ["", f"**{r.name}**: recall by type; type accuracy "
                          f"{_cell(r.type_accuracy)}; paraphrases flagged "
                          f"{_cell(r.paraphrase_flag_rate)}", "",
                      "| type | recall |", "|---|---:|"]
            lines += [f"| {kind} | {_cell(value)} |" for kind, value in r.recall_by_type]
    return "\n".join(lines)
