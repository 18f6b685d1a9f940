"""Train the pair judge's combiner (consistency/models/combiner.json), reproducibly.

    python benchmarks/train_combiner.py [--data ../shared/data] [--seed 13]

Training data (all read from ../shared/data at run time, nothing copied):

* synthetic corruptions of real news sentences from ``neus_train.source``
  (number / date / duration / negation / entity / attribution swaps, each vs
  its original = disagree; light paraphrases vs original = not), made by
  consistency.evaluation.synthetic — the *train* split; the reported synthetic
  set is made from the separate ``allsides_2021.jsonl`` events;
* SNLI 1.0 test split (CC BY-SA 4.0): contradiction vs entailment + neutral;
* the same real pairs with one fact of one side corrupted where the other side
  states that fact too (``cross_outlet_corruptions``): disagreements worded the
  way different outlets word things;
* real cross-outlet claim pairs: the checker's own aligner run over
  ``neus_train.source`` events (three outlets per event), labelled
  not-disagree. Real coverage of one event rarely contradicts itself, so
  these teach the combiner what ordinary outlet-to-outlet variation looks like.
  The exception is read by hand: every real pair on which a typed check fires
  carries a reviewed label in ``benchmarks/labels/neus_real_pairs.tsv`` (key =
  hash of the two claims; the file holds no article text). Those are the pairs
  where "not-disagree" is most often wrong ("3 years" vs "three years and four
  months"), and they decide how far the combiner trusts a typed conflict in
  differently worded claims. ``--review`` lists the ones not yet labelled.

Not used: RTE-3, SICK, MSRP (held out for reporting; SICK is non-commercial).
Needs scikit-learn (``pip install -e '.[train]'``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import difflib
import hashlib
import json
import logging
import pickle
import random
import sys
import time
from pathlib import Path

import numpy as np

from consistency.claims import is_headline
from consistency.evaluation.datasets import data_root, load_snli, news_sentences
from consistency.evaluation.synthetic import CORRUPTIONS, KINDS, build_pools, make_synthetic
from consistency.judges.judge import FEATURES, Combiner, PairJudge
from consistency.judges.nli import load_nli
from consistency.pipeline import aligned_pairs
from consistency.settings import Settings
from consistency.text import STOPWORDS
from consistency.types import Article, Claim, Pair, stable_id

log = logging.getLogger("train_combiner")
ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = ROOT / "consistency" / "models" / "combiner.json"
REVIEWED = Path(__file__).resolve().parent / "labels" / "neus_real_pairs.tsv"


#: The combiner trains on the first events of the seeded shuffle of neus_train.source;
#: the NLI head (benchmarks/train_nli_head.py) on the ones after these, never the same.
COMBINER_EVENTS = 900
#: Likewise the first sentences of the seeded shuffle of neus_train sentences.
COMBINER_SENTENCES = 6000


def neus_events(root: Path, limit: int, seed: int, skip: int = 0) -> list[list[Article]]:
    """A seeded sample of ``limit`` events from neus_train.source (after the first ``skip``
    of the same shuffle), each a list of 3 articles."""
    lines = (root / "corpus" / "allsides" / "neus_train.source").read_text(
        encoding="utf-8").splitlines()
    random.Random(seed).shuffle(lines)
    events = []
    for n, line in enumerate(lines[skip:skip + limit], start=skip):
        articles = []
        for k, part in enumerate(line.split("[SEP]")):
            title, _, body = part.partition("ARTICLE=>")
            title = title.replace("TITLE=>", "").strip()
            text = f"{title}\n\n{body.strip()}"
            articles.append(Article(id=stable_id(str(n), str(k)), source=f"event{n}-outlet{k}",
                                    title=title, text=text))
        events.append(articles)
    return events


def real_pairs(judge: PairJudge, root: Path, events: int, seed: int,
               skip: int = 0) -> list[Pair]:
    """Aligned cross-outlet pairs from real coverage of the same events (label: not disagree)."""
    pairs: list[Pair] = []
    for articles in neus_events(root, events, seed, skip):
        pairs.extend(aligned_pairs(articles, judge)[1])
    return pairs


def cross_outlet_corruptions(pairs: list[Pair], pools, seed: int) -> list[Pair]:
    """Real cross-outlet pairs (a, b) with one fact of b changed, where a states that fact too.

    A near-identical synthetic pair teaches only "same sentence, one value changed".
    Real disagreements sit in differently worded sentences, so b of a real aligned
    pair is corrupted (number, date, duration, negation, entity, speaker) and the
    pair is kept only when the words the corruption replaced — or, for an inserted
    negation, the word it negates — also occur in a: then a and the corrupted b
    state different values for the same fact, and the label "disagree" holds.
    """
    rng = random.Random(seed)
    out = []
    for pair in pairs:
        if not pair.mutual:
            continue
        for kind in rng.sample(KINDS, len(KINDS)):
            changed = CORRUPTIONS[kind](pair.b.text, rng, pools)
            if changed and _fact_shared(pair.a.text, pair.b.text, changed):
                b = Claim.bare(changed, source=pair.b.source, id=f"{pair.b.id}-{kind}")
                out.append((Pair(pair.a, b, pair.similarity), kind))
                break
    return out


def _fact_shared(a: str, b: str, changed: str) -> bool:
    """Whether the words the edit touched in b also occur in a."""
    old, new = b.split(), changed.split()
    have = {w.strip(".,;:\"'()").lower() for w in a.split()}
    for op, i1, i2, _, _ in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        touched = old[i1:i2] if i2 > i1 else old[i1:i1 + 1]  # an insertion: the next word
        words = [w.strip(".,;:\"'()").lower() for w in touched]
        if not words or not all(w in have for w in words if w not in STOPWORDS or w.isdigit()):
            return False
        if all(w in STOPWORDS for w in words):
            return False
    return True


def pair_key(pair: Pair) -> str:
    """A claim pair's key in the reviewed-labels file: a hash of both texts, order-free."""
    texts = sorted((pair.a.text, pair.b.text))
    return hashlib.sha1("\n".join(texts).encode("utf-8")).hexdigest()[:16]


def read_reviewed(path: Path = REVIEWED) -> dict[str, int]:
    """key -> 1 (the outlets disagree) / 0 (they do not), from the reviewed-labels TSV."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {row["key"]: int(row["disagree"]) for row in rows}


def typed_fires(judge: PairJudge, pairs: list[Pair]) -> list[tuple[Pair, list]]:
    """The pairs on which some typed check names a conflict, with those conflicts."""
    out = []
    for pair in pairs:
        conflicts = [c for r in judge.run_checks(pair.a, pair.b).values() for c in r.conflicts]
        if conflicts:
            out.append((pair, conflicts))
    return out


def real_labels(judge: PairJudge, real: list[Pair]) -> tuple[list[int], list[str]]:
    """Labels and groups of the real pairs: reviewed where a typed check fires, else 0."""
    reviewed = read_reviewed()
    fired = {id(p) for p, _ in typed_fires(judge, real)}
    unreviewed = sum(1 for p in real if id(p) in fired and pair_key(p) not in reviewed)
    if unreviewed:
        log.warning("%d real pairs with a typed conflict have no reviewed label (labelled 0); "
                    "run with --review to list them", unreviewed)
    labels = [reviewed.get(pair_key(p), 0) if id(p) in fired else 0 for p in real]
    groups = ["real:disagree" if y else "real" for y in labels]
    log.info("real pairs: %d, typed conflicts in %d, reviewed disagreements %d",
             len(real), len(fired), sum(labels))
    return labels, groups


def review(judge: PairJudge, args) -> int:
    """Print the real pairs with a typed conflict that have no reviewed label yet."""
    reviewed = read_reviewed()
    real = real_pairs(judge, data_root(args.data), args.events, args.seed)
    todo = [(p, cs) for p, cs in typed_fires(judge, real) if pair_key(p) not in reviewed]
    for pair, conflicts in todo:
        print(f"\n{pair_key(pair)}  similarity {pair.similarity:.2f}")
        print(f"  A: {pair.a.text}\n  B: {pair.b.text}")
        for c in conflicts:
            print(f"  {c.type.value}: {c.value_a!r} vs {c.value_b!r} ({c.detail})")
    print(f"\n{len(todo)} real pairs of {len(real)} have a typed conflict and no reviewed label"
          + (f"; add them to {REVIEWED}" if todo else ""))
    return 0


def labelled_pairs(judge: PairJudge, args) -> tuple[list[Pair], np.ndarray, list[str]]:
    root = data_root(args.data)
    rng = random.Random(args.seed)
    sentences = list(news_sentences("train", root))
    rng.shuffle(sentences)
    synthetic = make_synthetic(sentences[: args.sentences], seed=args.seed,
                               per_kind=args.per_kind)
    snli = load_snli(root).subset(args.snli, seed=args.seed)
    claim_pairs, labels, groups = [], [], []
    for s, group in ((synthetic, "synthetic"), (snli, "snli")):
        for p in s.pairs:
            claim_pairs.append((Claim.bare(p.claim_a, source="a"),
                                Claim.bare(p.claim_b, source="b")))
            labels.append(int(p.contradiction))
            groups.append(f"{group}:{p.type or 'none'}")
    pairs = judge.as_pairs(claim_pairs)
    real = real_pairs(judge, root, args.events, args.seed)
    corrupted = cross_outlet_corruptions(real, build_pools(sentences), args.seed)
    log.info("synthetic %d, snli %d, real cross-outlet %d, corrupted cross-outlet %d",
             len(synthetic), len(snli), len(real), len(corrupted))
    real_y, real_groups = real_labels(judge, real)
    pairs += real + [p for p, _ in corrupted]
    labels += real_y + [1] * len(corrupted)
    groups += real_groups + [f"crossoutlet:{kind}" for _, kind in corrupted]
    return pairs, np.array(labels), groups


class RecordedNLI:
    """An NLI backend that remembers every reading in a pickle file between runs.

    The NLI model is the slow part of featurising ~8k pairs; its readings do not
    change when a typed check or a feature does, so a rerun only asks the real
    model about pairs it has not seen. The file also records what the readings came
    from (:func:`nli_version`); a file from another version is not reused, since stale
    readings would make the trained combiner differ from a clean run's.
    """

    def __init__(self, nli, path: Path | None):
        self.nli, self.path = nli, path
        self.version = nli_version(nli)
        self.seen: dict[tuple[str, str], np.ndarray] = {}
        if path and path.exists():
            stored = pickle.loads(path.read_bytes())
            if isinstance(stored, dict) and stored.get("version") == self.version:
                self.seen = stored["seen"]
            else:
                log.warning("%s: NLI readings from another model or code version; not reused",
                            path)

    def predict(self, pairs):
        missing = list(dict.fromkeys(p for p in pairs if p not in self.seen))
        if missing:
            for pair, row in zip(missing, self.nli.predict(missing)):
                self.seen[pair] = row
            if self.path:
                self.path.write_bytes(pickle.dumps({"version": self.version, "seen": self.seen}))
        return np.array([self.seen[p] for p in pairs]).reshape(len(pairs), 3)


def sample_weights(groups, real_weight: float) -> np.ndarray:
    """Per-pair training weight: ``real_weight`` for real cross-outlet pairs (reviewed or
    not: groups "real" and "real:disagree"), 1 for the rest."""
    return np.where(np.char.startswith(np.asarray(groups, dtype=str), "real"), real_weight, 1.0)


def nli_version(nli, heads: bool = True) -> str:
    """A digest of what an NLI reading depends on: the backend's name and model file, the NLI
    code, the onnxruntime and tokenizers versions and, with ``heads``, the packaged heads (the raw
    features that ``train_nli_head.py`` fits a head on do not depend on them)."""
    import onnxruntime
    import tokenizers

    digest = hashlib.sha256(repr((getattr(nli, "name", type(nli).__name__),
                                  onnxruntime.__version__, tokenizers.__version__)).encode())
    package = ROOT / "consistency"
    paths = [package / "judges" / "nli.py"]
    if heads:
        paths += sorted((package / "models").glob("*head*.json"))
    for path in paths:
        digest.update(path.read_bytes())
    folder = getattr(nli, "folder", None)  # an ONNX backend: its model file, by name and size
    for model in sorted(Path(folder).glob("*.onnx")) if folder else ():
        digest.update(f"{model.name}:{model.stat().st_size}".encode())
    return digest.hexdigest()[:16]


def _folds(x: np.ndarray, y: np.ndarray, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedKFold

    return list(StratifiedKFold(5, shuffle=True, random_state=seed).split(x, y))


def out_of_fold(x: np.ndarray, y: np.ndarray, weights: np.ndarray, c: float,
                seed: int) -> np.ndarray:
    """P(disagree) for every row from a logistic regression (regularisation ``c``) fit on
    the other four of the seeded five folds: what the combiner says about pairs it has
    not been trained on."""
    from sklearn.linear_model import LogisticRegression

    out = np.zeros(len(y))
    for train, test in _folds(x, y, seed):
        model = LogisticRegression(C=c, max_iter=3000, random_state=seed)
        model.fit(x[train], y[train], sample_weight=weights[train])
        out[test] = model.predict_proba(x[test])[:, 1]
    return out


def fit(x: np.ndarray, y: np.ndarray, weights: np.ndarray, seed: int):
    """Logistic regression; C chosen by 5-fold cross-validated (weighted) log loss."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss

    folds = _folds(x, y, seed)
    best = None
    for c in (0.03, 0.1, 0.3, 1.0, 3.0, 10.0):
        p = out_of_fold(x, y, weights, c, seed)
        loss = float(np.mean([log_loss(y[test], p[test], sample_weight=weights[test])
                              for _, test in folds]))
        log.info("C=%g cv log-loss %.4f", c, loss)
        if best is None or loss < best[0]:
            best = (loss, c)
    model = LogisticRegression(C=best[1], max_iter=3000, random_state=seed)
    return model.fit(x, y, sample_weight=weights), best[1], best[0]


def _reproducing_args(argv) -> list[str]:
    """The options that change the model (not caches or the output path), as given."""
    given = list(sys.argv[1:] if argv is None else argv)
    kept, skip = [], False
    for arg in given:
        if skip:
            skip = False
            continue
        name = arg.split("=", 1)[0]
        if name in ("--features", "--nli-cache", "--out"):
            skip = "=" not in arg
            continue
        kept.append(arg)
    return kept


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="the shared data folder")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--sentences", type=int, default=COMBINER_SENTENCES)
    parser.add_argument("--per-kind", type=int, default=300)
    parser.add_argument("--snli", type=int, default=2000)
    parser.add_argument("--events", type=int, default=COMBINER_EVENTS)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--real-weight", type=float, default=3.0,
                        help="weight of real cross-outlet (not-disagree) pairs: a false alarm "
                             "costs an editor more than a miss")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--features", type=Path, default=None,
                        help="an .npz to cache the feature matrix in (reused when present)")
    parser.add_argument("--nli-cache", type=Path, default=None,
                        help="a pickle of NLI readings, reused and extended (features are "
                             "recomputed, the NLI model only runs on new pairs)")
    parser.add_argument("--review", action="store_true",
                        help="list real pairs with a typed conflict and no reviewed label, "
                             "then stop")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.review:
        return review(PairJudge(Settings(), combiner=Combiner(
            (0.0,) * len(FEATURES), 0.0, args.threshold, "untrained")), args)

    start = time.perf_counter()
    if args.features and args.features.exists():
        cached = np.load(args.features)
        x, y, groups = cached["x"], cached["y"], list(cached["groups"])
    else:
        settings = Settings()
        untrained = Combiner((0.0,) * len(FEATURES), 0.0, args.threshold, "untrained")
        judge = PairJudge(settings, nli=RecordedNLI(load_nli(settings.judge), args.nli_cache),
                          combiner=untrained)
        pairs, y, groups = labelled_pairs(judge, args)
        x, _ = judge.featurize(pairs)
        if args.features:
            np.savez(args.features, x=x, y=y, groups=np.array(groups),
                     headline=np.array([is_headline(p.a.text) or is_headline(p.b.text)
                                        for p in pairs]))
    weights = sample_weights(groups, args.real_weight)
    model, c, logloss = fit(x, y, weights, args.seed)
    p = model.predict_proba(x)[:, 1]
    summary = {g: round(float((p[np.array(groups) == g] >= args.threshold).mean()), 3)
               for g in sorted(set(groups))}
    out = {
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 6),
        "threshold": args.threshold,
        "trained": {
            "script": "benchmarks/train_combiner.py", "date": dt.date.today().isoformat(),
            "command": " ".join(["benchmarks/train_combiner.py", *_reproducing_args(argv)]),
            "seed": args.seed, "C": c, "real_weight": args.real_weight,
            "cv_log_loss": round(logloss, 4), "pairs": int(len(y)),
            "positives": int(y.sum()),
            "data": "synthetic corruptions of neus_train sentences; SNLI 1.0 test (CC BY-SA 4.0); "
                    "aligned real cross-outlet pairs from neus_train events (not-disagree, "
                    "except reviewed pairs in benchmarks/labels/neus_real_pairs.tsv)",
            "flagged_rate_on_training_groups": summary,
        },
    }
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in zip(FEATURES, out["weights"])}, indent=1))
    print(json.dumps(out["trained"], indent=1))
    print(f"wrote {args.out} in {time.perf_counter() - start:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
