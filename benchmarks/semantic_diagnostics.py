"""Where `semantic` false alarms come from: two measurements on development data only.

    HF_HUB_OFFLINE=1 python benchmarks/semantic_diagnostics.py --features TRAIN.npz

1. The NLI signal against topical relatedness: the default backend's P(contradiction)
   on the SemEval STS news-headline pairs (used here for development, never reported
   as held out), by their human similarity score. A judge whose P(contradiction)
   rises as headlines grow unrelated reads "different facts" as "contradiction".
2. The cost of fewer false alarms: the combiner refit, 5-fold out-of-fold on its own
   training matrix (``train_combiner.py --features``), with real cross-outlet pairs
   weighted more. Printed per weight: the share of real pairs flagged (and of those,
   with no typed conflict: `semantic`), and the recall on the positive groups; then,
   at the first weight, the same split by whether a pair has a headline on either side
   (when the matrix records it: ``train_combiner.py --features`` since 2026-12-01).

Nothing is chosen here: the script prints figures for docs/judge.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from train_combiner import out_of_fold, sample_weights  # noqa: E402

from consistency.evaluation.datasets import load_sts_headlines  # noqa: E402
from consistency.judges.judge import TYPED  # noqa: E402
from consistency.judges.nli import load_nli  # noqa: E402

BANDS = ((0, 1), (1, 2), (2, 3), (3, 4), (4, 5.01))


def sts_bands(data: str | None) -> None:
    pairs = load_sts_headlines(data).pairs
    probs = load_nli().predict([(p.claim_a, p.claim_b) for p in pairs])
    scores = np.array([p.score for p in pairs])
    print("| STS score | pairs | P(contradiction) > 0.5 | mean P(c) | mean P(e) | mean P(n) |")
    print("|---|---:|---:|---:|---:|---:|")
    for lo, hi in BANDS:
        m = (scores >= lo) & (scores < hi)
        c, e, n = probs[m].mean(axis=0)
        print(f"| {lo}-{min(hi, 5):g} | {int(m.sum())} | {(probs[m, 0] > 0.5).mean():.3f} | "
              f"{c:.3f} | {e:.3f} | {n:.3f} |")


def weight_tradeoff(features: Path, seed: int, weights: list[float], c: float) -> None:
    train = np.load(features)
    x, y, groups = train["x"], train["y"], train["groups"].astype(str)
    typed = (x[:, :len(TYPED)] > 0).any(axis=1)
    real = groups == "real"
    corrupted = np.char.startswith(groups, "synthetic:") & (groups != "synthetic:none")
    cross = np.char.startswith(groups, "crossoutlet:")
    snli = (groups == "snli:none") & (y == 1)
    print("| real-pair weight | real pairs flagged | of them semantic | synthetic recall | "
          "cross-outlet recall | SNLI contradiction recall | reviewed real disagreements |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    first = None
    for weight in weights:
        flagged = out_of_fold(x, y, sample_weights(groups, weight), c, seed) >= 0.5
        first = flagged if first is None else first
        print(f"| {weight:g} | {flagged[real].mean():.4f} | "
              f"{(flagged & real & ~typed).sum() / real.sum():.4f} | "
              f"{flagged[corrupted].mean():.3f} | {flagged[cross].mean():.3f} | "
              f"{flagged[snli].mean():.3f} | {flagged[groups == 'real:disagree'].mean():.2f} |")
    if "headline" in train and first is not None:
        print(f"\nreal-pair weight {weights[0]:g}, out of fold:\n")
        headline_split(first, groups, train["headline"].astype(bool), typed)


def headline_split(flagged, groups, headline, typed) -> None:
    """Semantic flags on real pairs and cross-outlet detections, headline pairs (either
    claim a headline: ``claims.is_headline``) against sentence pairs."""
    real, cross = groups == "real", np.char.startswith(groups, "crossoutlet:")
    print("| pairs | real pairs | real pairs flagged `semantic` | cross-outlet corruptions | "
          "of them detected |")
    print("|---|---:|---:|---:|---:|")
    for name, part in (("a headline on either side", headline), ("two sentences", ~headline)):
        semantic, n = (flagged & real & ~typed & part).sum(), (real & part).sum()
        print(f"| {name} | {n} | {semantic} ({semantic / n:.3f}) "
              f"| {(cross & part).sum()} | {flagged[cross & part].mean():.3f} |")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--features", type=Path, required=True,
                        help="the .npz written by train_combiner.py --features")
    parser.add_argument("--data", default=None, help="the shared data folder")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--weights", default="3,4,5,7,10")
    parser.add_argument("--C", type=float, default=None,
                        help="regularisation (default: the shipped combiner's choice)")
    args = parser.parse_args(argv)
    if args.C is None:
        shipped = json.loads((ROOT / "consistency" / "models" / "combiner.json").read_text())
        args.C = float(shipped["trained"]["C"])
    sts_bands(args.data)
    print()
    weight_tradeoff(args.features, args.seed, [float(w) for w in args.weights.split(",")], args.C)
    return 0


if __name__ == "__main__":
    sys.exit(main())
