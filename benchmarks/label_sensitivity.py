"""How much the findings on a corpus rest on the hand-reviewed training labels.

    HF_HUB_OFFLINE=1 python benchmarks/label_sensitivity.py --features TRAIN.npz PATH...

``TRAIN.npz`` is the matrix ``train_combiner.py --features`` writes. The combiner is
refit (same cross-validated regularisation and weights as ``train_combiner.py``) on
three versions of its labels:

* ``reviewed``: as trained (the real pairs a typed check fires on carry the label read
  by hand in ``benchmarks/labels/neus_real_pairs.tsv``);
* ``no duration``: the reviewed real disagreements with a duration conflict set to
  "not disagree";
* ``none``: every reviewed real disagreement set to "not disagree" (what training did
  before the review).

Then every aligned pair of the corpus at PATH is scored by each refit, and the pairs
that any of them labels ``disagree`` are printed with the three confidences. Nothing
here depends on which corpus is given; the script only reports.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from train_combiner import fit, sample_weights  # noqa: E402

from consistency.corpus import load_articles  # noqa: E402
from consistency.judges.judge import FEATURES, PairJudge  # noqa: E402
from consistency.pipeline import aligned_pairs  # noqa: E402
from consistency.settings import Settings  # noqa: E402


def variants(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> dict[str, np.ndarray]:
    """The three label versions described in the module docstring."""
    reviewed = groups == "real:disagree"
    duration = x[:, FEATURES.index("conflict_duration")] > 0
    return {
        "reviewed": y,
        "no duration": np.where(reviewed & duration, 0, y),
        "none": np.where(reviewed, 0, y),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="corpus files or folders, as for `check`")
    parser.add_argument("--features", type=Path, required=True,
                        help="the .npz written by train_combiner.py --features")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--real-weight", type=float, default=3.0)
    args = parser.parse_args(argv)

    train = np.load(args.features)
    x, y, groups = train["x"], train["y"], train["groups"].astype(str)
    weights = sample_weights(groups, args.real_weight)
    models = {}
    for name, labels in variants(x, y, groups).items():
        model, c, loss = fit(x, labels, weights, args.seed)
        moved = int((labels != y).sum())
        duration_weight = model.coef_[0][FEATURES.index("conflict_duration")]
        print(f"{name:12s} labels changed {moved:3d}  C={c:g}  cv log loss {loss:.4f}  "
              f"duration weight {duration_weight:+.2f}")
        models[name] = model

    settings = Settings()
    judge = PairJudge(settings)
    articles, problems = load_articles(args.paths)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    _, pairs = aligned_pairs(articles, judge)
    features, _ = judge.featurize(pairs)
    scores = {name: m.predict_proba(features)[:, 1] for name, m in models.items()}
    shown = np.zeros(len(pairs), dtype=bool)
    for p in scores.values():
        shown |= p >= settings.min_confidence
    print(f"\n{len(pairs)} aligned pairs; {int(shown.sum())} labelled disagree by at least one "
          f"refit (at {settings.min_confidence}):")
    print("  " + "  ".join(f"{name:>11s}" for name in scores) + "  claims")
    for i in np.flatnonzero(shown):
        cells = "  ".join(f"{scores[name][i]:11.3f}" for name in scores)
        print(f"  {cells}  {pairs[i].a.text[:70]!r} / {pairs[i].b.text[:70]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
