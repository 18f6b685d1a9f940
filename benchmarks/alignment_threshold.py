"""How the alignment similarity threshold behaves on scored news headline pairs.

    HF_HUB_OFFLINE=1 python benchmarks/alignment_threshold.py [--data ../shared/data]

Reads the SemEval STS headline pairs (scores 0-5, ../shared/data at run time),
embeds both sides with the default embedder and prints, for a range of cosine
thresholds, the precision and recall of "cos >= t" for pairs about the same
fact (gold score >= 3: "roughly equivalent, some details differ" or closer)
and the share of unrelated pairs (score < 1) let through. Settings.min_similarity
(mutual pairs) and Settings.wide_similarity (typed-check-only candidates) are
read against this table in docs/alignment.md.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np

from consistency.embed import Embedder
from consistency.evaluation.datasets import load_sts_headlines
from consistency.settings import Settings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    args = parser.parse_args(argv)
    sts = load_sts_headlines(args.data)
    pairs = [p for p in sts.pairs if p.score is not None]
    embedder = Embedder()
    a = embedder.encode([p.claim_a for p in pairs])
    b = embedder.encode([p.claim_b for p in pairs])
    cos = np.einsum("ij,ij->i", a, b)
    score = np.array([p.score for p in pairs])
    same, unrelated = score >= 3.0, score < 1.0
    print(f"{len(pairs)} scored pairs: {same.sum()} same-fact (>= 3), "
          f"{unrelated.sum()} unrelated (< 1)")
    print(f"mean cos: same-fact {cos[same].mean():.3f}, "
          f"unrelated {cos[unrelated].mean():.3f}")
    print("| cos >= t | precision (same fact) | recall (same fact) | unrelated let through |")
    print("|---:|---:|---:|---:|")
    settings = Settings()
    for t in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7):
        kept = cos >= t
        precision = (kept & same).sum() / max(1, kept.sum())
        recall = (kept & same).sum() / max(1, same.sum())
        leak = (kept & unrelated).sum() / max(1, unrelated.sum())
        mark = " (min_similarity)" if t == settings.min_similarity else (
            " (wide_similarity)" if t == settings.wide_similarity else "")
        print(f"| {t:.2f}{mark} | {precision:.3f} | {recall:.3f} | {leak:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
