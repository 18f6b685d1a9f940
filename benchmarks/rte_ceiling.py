"""How far can the judge's signals go on RTE-3? A ceiling, found by fitting on RTE-3 itself.

    HF_HUB_OFFLINE=1 python benchmarks/rte_ceiling.py [--data ../shared/data] [--repeats 5]

The issue asks for contradiction-vs-rest AUC >= 0.85 on RTE-3 dev; the shipped
judge, trained without RTE-3, gets about 0.82. This script asks whether *any*
weighting of the signals the judge has could get there: it fits logistic
regressions on RTE-3's own pairs (repeated stratified 5-fold cross-validation)
over

* the combiner's features (``judge.FEATURES``: typed checks, NLI head, overlap);
* the NLI model's raw pair features (pooled 384-d vector both ways, class-1
  probability both ways: what ``benchmarks/train_nli_head.py`` fits its head on);
* both together,

and prints the cross-validated AUC for each regularisation strength. That is an
optimistic ceiling: the model is fit on the very distribution it is scored on,
and the best C is picked on the same folds. A judge trained without RTE-3 (as
the shipped one must be) should not be expected above it.

This is the one script that fits anything on a held-out set. Nothing it fits is
kept, shipped or used to choose a setting of the judge: it reports a bound, and
the judge is unchanged by it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from consistency.evaluation.datasets import load_rte3  # noqa: E402
from consistency.evaluation.harness import claims_of  # noqa: E402
from consistency.evaluation.metrics import roc_auc  # noqa: E402
from consistency.judges.judge import FEATURES, PairJudge  # noqa: E402
from consistency.settings import Settings  # noqa: E402

C_GRID = (0.001, 0.01, 0.1, 1.0, 10.0)


def cross_validated_auc(x: np.ndarray, y: np.ndarray, c: float, repeats: int) -> list[float]:
    """AUC of out-of-fold scores, one per repeat of a seeded stratified 5-fold split."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    aucs = []
    for seed in range(repeats):
        scores = np.zeros(len(y))
        for train, test in StratifiedKFold(5, shuffle=True, random_state=seed).split(x, y):
            model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000))
            model.fit(x[train], y[train])
            scores[test] = model.predict_proba(x[test])[:, 1]
        aucs.append(roc_auc(scores, y))
    return aucs


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="the shared data folder")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    rte = load_rte3(args.data)
    y = np.array([p.contradiction for p in rte.pairs], dtype=int)
    judge = PairJudge(Settings())
    pairs = judge.as_pairs([claims_of(p) for p in rte.pairs])
    combiner_x, _ = judge.featurize(pairs)
    raw_x = judge.nli.features([(p.a.text, p.b.text) for p in pairs])  # cached readings
    print(f"RTE-3 dev: {len(y)} pairs, {y.sum()} contradictions "
          f"(features in {time.perf_counter() - start:.0f}s)\n")

    print("| scores | RTE-3 AUC |\n|---|---:|")
    print(f"| shipped judge (trained without RTE-3) | "
          f"{roc_auc(judge.combiner.probability(combiner_x), y):.3f} |")
    print(f"| NLI head P(contradiction) alone | "
          f"{roc_auc(combiner_x[:, FEATURES.index('nli_contradiction')], y):.3f} |")
    print(f"| raw class-1 probability (a, b) alone | {roc_auc(raw_x[:, -2], y):.3f} |")

    sets = {
        f"combiner features ({combiner_x.shape[1]})": combiner_x,
        f"raw NLI pair features ({raw_x.shape[1]})": raw_x,
        f"both ({combiner_x.shape[1] + raw_x.shape[1]})": np.hstack([raw_x, combiner_x]),
    }
    print(f"\nFit on RTE-3 itself, {args.repeats} x 5-fold cross-validation "
          "(mean AUC, spread over repeats):\n")
    print("| features | " + " | ".join(f"C={c:g}" for c in C_GRID) + " |")
    print("|---|" + "---:|" * len(C_GRID))
    for name, x in sets.items():
        cells = []
        for c in C_GRID:
            aucs = cross_validated_auc(x, y, c, args.repeats)
            cells.append(f"{np.mean(aucs):.3f} ± {np.std(aucs):.3f}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(f"\n{time.perf_counter() - start:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
