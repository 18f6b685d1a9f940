"""What each part of the pair judge contributes: retrain the combiner without it, measure.

    HF_HUB_OFFLINE=1 python benchmarks/ablation.py --features TRAIN.npz [--cache DIR]

``TRAIN.npz`` is the training feature matrix that ``train_combiner.py --features``
writes (so both scripts train on exactly the same pairs). For each ablation the
combiner is refit, with the same cross-validated choice of regularisation as
``train_combiner.fit``, on the training columns that remain, then applied to the
held-out sets of ``consistency eval`` (RTE-3 dev, MSRP paraphrases, the synthetic
set made from ``allsides_2021.jsonl``). Nothing here is chosen by those sets: the
table only reports them. Their feature matrices are computed once with the
shipped judge (the NLI model is the slow part) and kept in ``--cache``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from train_combiner import fit, sample_weights  # noqa: E402

from consistency.evaluation import metrics  # noqa: E402
from consistency.evaluation.harness import available_sets, claims_of  # noqa: E402
from consistency.judges.judge import FEATURES, TYPED, PairJudge  # noqa: E402
from consistency.settings import Settings  # noqa: E402

GROUPS = {
    "typed checks": [f"conflict_{t}" for t in TYPED] + ["anchored", "matches"],
    "anchored": ["anchored"],
    "NLI": ["nli_contradiction", "nli_entailment"],
    "lexical (overlap, novelty)": ["overlap", "novelty"],
}
ABLATIONS = [("all features (shipped layout)", [])] + [
    (f"without {name}", cols) for name, cols in GROUPS.items()] + [
    ("NLI only", [f for f in FEATURES if f not in GROUPS["NLI"]]),
    ("typed checks only", [f for f in FEATURES if f not in GROUPS["typed checks"]]),
]


def heldout_features(cache: Path, data: str | None) -> dict[str, tuple[np.ndarray, np.ndarray,
                                                                       list[str]]]:
    """(features, contradiction labels, corruption types) per held-out set, cached."""
    out = {}
    judge = None
    for labelled in available_sets(["rte3", "msrp", "synthetic"], data):
        pairs = [claims_of(p) for p in labelled.pairs]
        digest = hashlib.sha256(json.dumps([(a.text, b.text) for a, b in pairs]).encode())
        digest.update(_code_version())  # features change with the checks: no stale cache
        file = cache / f"ablation-{labelled.name}-{digest.hexdigest()[:16]}.npz"
        if not file.exists():
            judge = judge or PairJudge(Settings())
            x, _ = judge.featurize(judge.as_pairs(pairs))
            cache.mkdir(parents=True, exist_ok=True)
            np.savez(file, x=x)
            print(f"  features for {labelled.name}: {len(pairs)} pairs", file=sys.stderr)
        y = np.array([p.contradiction for p in labelled.pairs])
        out[labelled.name] = (np.load(file)["x"], y, [p.type or "" for p in labelled.pairs])
    return out


def _code_version() -> bytes:
    """What the features depend on, hashed: the package's source and the NLI head (not the
    combiner, which is what the ablation refits)."""
    digest = hashlib.sha256()
    package = ROOT / "consistency"
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json") and path.name != "combiner.json":
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.digest()


def row(name: str, p: dict[str, np.ndarray], sets, threshold: float) -> str:
    x_rte, y_rte, _ = sets["rte3"]
    _, y_syn, types = sets["synthetic"]
    flagged_syn = p["synthetic"] >= threshold
    recall = flagged_syn[y_syn].mean()
    paraphrases = flagged_syn[~y_syn].mean()
    rte_auc = metrics.roc_auc(p["rte3"].tolist(), y_rte.tolist())
    msrp = (p["msrp_paraphrases"] >= threshold).mean()
    return (f"| {name} | {rte_auc:.3f} | {(p['rte3'] >= threshold).mean():.3f} | {msrp:.3f} | "
            f"{recall:.3f} | {paraphrases:.3f} |")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--features", type=Path, required=True,
                        help="the .npz written by train_combiner.py --features")
    parser.add_argument("--data", default=None, help="the shared data folder")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/consistency-ablation"))
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--real-weight", type=float, default=3.0)
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args(argv)

    train = np.load(args.features)
    x, y, groups = train["x"], train["y"], train["groups"]
    weights = sample_weights(groups, args.real_weight)
    sets = heldout_features(args.cache, args.data)
    print("| combiner features | RTE-3 AUC | RTE-3 flagged | MSRP paraphrases flagged | "
          "synthetic recall | synthetic paraphrases flagged |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, dropped in ABLATIONS:
        keep = [i for i, f in enumerate(FEATURES) if f not in dropped]
        model, _, _ = fit(x[:, keep], y, weights, args.seed)
        p = {k: model.predict_proba(v[0][:, keep])[:, 1] for k, v in sets.items()}
        print(row(name, p, sets, args.threshold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
