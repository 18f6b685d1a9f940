"""The pair judge: typed checks + NLI signal + lexical overlap -> a calibrated decision.

For each aligned pair the judge

1. runs every enabled typed check (numbers, durations, dates, polarity,
   attribution, entities); each returns the conflicts it can name;
2. asks the NLI backend for P(contradiction), P(entailment) (both directions
   folded into one 3-way distribution by the backend);
3. turns those signals into features and applies a logistic combiner whose
   weights ship in ``consistency/models/combiner.json`` (trained by
   ``benchmarks/train_combiner.py``, see docs/judge.md);
4. labels the pair ``disagree`` when P(disagree) >= ``Settings.min_confidence``
   (default 0.5, the threshold the shipped combiner was assessed at). The type is
   the strongest typed conflict; with none, a disagreement is ``semantic``.

``confidence`` is the combiner's probability that the pair really disagrees,
calibrated on held-in training data (docs/judge.md gives measured precision
at 0.5 / 0.8 on sets it was not trained on).
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np

from consistency.errors import ModelError
from consistency.judges.registry import get_check
from consistency.settings import Settings
from consistency.text import content_stems, stems_around
from consistency.types import CheckResult, Claim, Conflict, FindingType, Judgement, Label, Pair

log = logging.getLogger(__name__)

#: Feature order of the combiner; the shipped weights name it too, and loading checks it.
TYPED = ("numeric", "duration", "date", "polarity", "attribution", "entity")
FEATURES = (
    *(f"conflict_{t}" for t in TYPED),
    "anchored",
    "matches",
    "nli_contradiction",
    "nli_entailment",
    "overlap",
    "novelty",
)
# The NLI reading given to pairs the model is not run on: all mass on "neutral".
_NEUTRAL = np.array([0.0, 0.0, 1.0])


@dataclass(frozen=True)
class Combiner:
    """Logistic regression over FEATURES: P(disagree) = sigmoid(w . x + b).

    ``threshold`` is the decision threshold the weights were trained and assessed
    at; ``Settings.min_confidence`` defaults to it (a test keeps the two equal).
    """

    weights: tuple[float, ...]
    bias: float
    threshold: float
    source: str = "combiner.json"

    @classmethod
    def load(cls, name: str = "combiner.json") -> Combiner:
        """The shipped weights; ModelError when the file is missing, unreadable or was
        trained on another feature layout than this code computes."""
        try:
            data = json.loads(resources.files("consistency.models").joinpath(name).read_text())
            features = tuple(data["features"])
            combiner = cls(tuple(float(w) for w in data["weights"]), float(data["bias"]),
                           float(data["threshold"]), name)
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ModelError(f"combiner {name!r} could not be loaded: {error}") from error
        if features != FEATURES or len(combiner.weights) != len(FEATURES):
            raise ModelError(f"combiner {name!r} was trained on features {list(features)}, "
                             f"this version computes {list(FEATURES)}: retrain it "
                             "(benchmarks/train_combiner.py)")
        return combiner

    def probability(self, x: np.ndarray) -> np.ndarray:
        z = x @ np.asarray(self.weights) + self.bias
        return 1.0 / (1.0 + np.exp(-z))


class PairJudge:
    """Judges claim pairs. ``PairJudge(settings)`` loads the NLI backend and embedder lazily.

    >>> judge = PairJudge(Settings())                                  # doctest: +SKIP
    >>> judge.judge_claims([(Claim.bare("Sales rose 5%."), Claim.bare("Sales rose 9%."))])
    """

    def __init__(self, settings: Settings, nli=None, embedder=None,
                 combiner: Combiner | None = None):
        self.settings = settings
        self.checks = {name: get_check(name) for name in settings.checks}
        self._nli = nli
        self._embedder = embedder
        self.combiner = combiner or Combiner.load()

    @property
    def threshold(self) -> float:
        """P(disagree) at or above which a pair is a disagreement: ``--min-confidence``."""
        return self.settings.min_confidence

    @property
    def nli(self):
        if self._nli is None:
            from consistency.judges.nli import load_nli

            self._nli = load_nli(self.settings.judge, batch_size=self.settings.batch_size)
        return self._nli

    @property
    def embedder(self):
        if self._embedder is None:
            from consistency.embed import Embedder

            self._embedder = Embedder(self.settings.embedder, batch_size=self.settings.batch_size)
        return self._embedder

    def judge(self, pairs: Sequence[Pair]) -> list[Judgement]:
        """One Judgement per aligned pair, in order. Empty in, empty out."""
        if not pairs:
            return []
        x, results = self.featurize(pairs)
        probs = self.combiner.probability(x)
        return [self._decide(p, r, float(q), dict(zip(FEATURES, row)))
                for p, r, q, row in zip(pairs, results, probs, x)]

    def featurize(self, pairs: Sequence[Pair]) -> tuple[np.ndarray, list[dict[str, CheckResult]]]:
        """The combiner's feature matrix (rows in FEATURES order) and each pair's check results.

        The NLI model runs only on pairs that can become findings: mutual pairs, and
        wider candidates (``Pair.mutual`` False) where a typed check found a conflict.
        Other rows get a neutral NLI reading and are labelled unrelated by ``judge``.
        """
        results = [self.run_checks(p.a, p.b) for p in pairs]
        live = [i for i, (p, r) in enumerate(zip(pairs, results)) if _can_disagree(p, r)]
        nli = np.tile(_NEUTRAL, (len(pairs), 1))
        if live:
            nli[live] = self.nli.predict([(pairs[i].a.text, pairs[i].b.text) for i in live])
        x = np.array([_features(p, r, n) for p, r, n in zip(pairs, results, nli)], dtype=float)
        return x.reshape(len(pairs), len(FEATURES)), results

    def judge_claims(self, pairs: Sequence[tuple[Claim, Claim]]) -> list[Judgement]:
        """Judge pairs given directly (no alignment, so no embedder is loaded)."""
        return self.judge(self.as_pairs(pairs))

    @staticmethod
    def as_pairs(pairs: Sequence[tuple[Claim, Claim]]) -> list[Pair]:
        """Claim tuples as Pairs. Pairs given directly were not aligned: their
        ``similarity`` is NaN, which the judge never reads."""
        return [Pair(a, b, math.nan) for a, b in pairs]

    def run_checks(self, a: Claim, b: Claim) -> dict[str, CheckResult]:
        """Each enabled typed check's result for one claim pair, by check name."""
        out = {}
        for name, check in self.checks.items():
            try:
                out[name] = check(a, b)
            except Exception:  # a check bug must not sink the run; it is logged with the claims
                log.exception("check %s failed on %r / %r", name, a.text, b.text)
                out[name] = CheckResult()
        return out

    def _decide(self, pair: Pair, results: dict[str, CheckResult], p: float,
                features: dict[str, float]) -> Judgement:
        if not _can_disagree(pair, results):
            p = min(p, 0.01)
        confidence = round(p, 4)
        if p < self.threshold:
            label = Label.AGREE if _entailed(features) else Label.UNRELATED
            return Judgement(label, confidence, features=features)
        conflict = _strongest(results)
        if conflict is None:
            return Judgement(Label.DISAGREE, confidence, FindingType.SEMANTIC,
                             pair.a.text, pair.b.text, _explain_semantic(pair, features),
                             features=features)
        return Judgement(Label.DISAGREE, confidence, conflict.type, conflict.value_a,
                         conflict.value_b, explain(conflict, pair), features=features)


def _entailed(features: dict[str, float]) -> bool:
    """The NLI reading's most likely class is entailment: one claim supports the other."""
    entailment = features["nli_entailment"]
    contradiction = features["nli_contradiction"]
    return entailment > contradiction and entailment > 1.0 - entailment - contradiction


def _can_disagree(pair: Pair, results: dict[str, CheckResult]) -> bool:
    """Mutual pairs can; wider candidates only with a typed conflict."""
    return pair.mutual or any(r.conflicts for r in results.values())


def _strongest(results: dict[str, CheckResult]) -> Conflict | None:
    conflicts = [c for r in results.values() for c in r.conflicts]
    # Ties go to the earlier type in TYPED: more specific checks first.
    order = {t: i for i, t in enumerate(TYPED)}
    return min(conflicts, key=lambda c: (-c.strength, order.get(c.type.value, 99)), default=None)


def _features(pair: Pair, results: dict[str, CheckResult], nli: np.ndarray) -> list[float]:
    conflicts = []
    for name in TYPED:
        r = results.get(name)
        conflicts.append(r.strongest.strength if r is not None and r.strongest else 0.0)
    anchored = max((c.strength * anchor(c, pair) for r in results.values() for c in r.conflicts),
                   default=0.0)
    matches = sum(r.matches for r in results.values())
    sa, sb = content_stems(pair.a.text), content_stems(pair.b.text)
    union = sa | sb
    overlap = len(sa & sb) / len(union) if union else 0.0
    # What one claim asserts that the other lacks, the larger of the two directions.
    novelty = max(len(sb - sa) / len(sb) if sb else 0.0, len(sa - sb) / len(sa) if sa else 0.0)
    return [*conflicts, anchored, math.log1p(matches), float(nli[0]), float(nli[1]),
            overlap, novelty]


def anchor(conflict: Conflict, pair: Pair) -> float:
    """How far both values hang on the same words: 1.0 when they plainly state one fact.

    The content stems around ``value_a`` in claim a (``stems_around``) that claim b
    also uses, as a share, averaged with the same from b's side. "Police detained
    300" vs "Organisers said 5,000 gathered" scores 0 (detained, gathered: two facts);
    "stop providing it to police until Congress acts" vs "sales to the police will
    be stopped for 1 year" scores about 0.6 (stop, police: one fact). A value not
    found verbatim scores 0.
    """
    return (_hangs_on(conflict.value_a, pair.a.text, pair.b.text)
            + _hangs_on(conflict.value_b, pair.b.text, pair.a.text)) / 2


def _hangs_on(value: str, text: str, other: str) -> float:
    start = text.find(value) if value else -1
    if start < 0:
        return 0.0
    around = stems_around(text, start, start + len(value))
    return len(around & content_stems(other)) / len(around) if around else 0.0


def explain(conflict: Conflict, pair: Pair) -> str:
    """One line naming both values and sources.

    ``duration: 'for 1 year' in ap vs 'until Congress acts' in afp (fixed period vs open-ended)``
    """
    detail = f" ({conflict.detail})" if conflict.detail else ""
    return (f"{conflict.type.value}: '{conflict.value_a}' in {pair.a.source} vs "
            f"'{conflict.value_b}' in {pair.b.source}{detail}")


def _explain_semantic(pair: Pair, features: dict[str, float]) -> str:
    return (f"semantic: the NLI model reads '{_clip(pair.a.text)}' in {pair.a.source} and "
            f"'{_clip(pair.b.text)}' in {pair.b.source} as contradictory "
            f"(P={features['nli_contradiction']:.2f}); no typed check names the values")


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"
