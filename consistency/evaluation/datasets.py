"""Loaders for the public labelled sets used to measure the checker.

The data is read at run time from a folder outside the repository (see
``/work/shared/data/README.md``); nothing from it is copied into the project.
The folder is, in order: the ``root`` argument, the ``CONSISTENCY_DATA``
environment variable, or ``shared/data`` beside the repository.

Every loader returns a :class:`LabelledSet` of :class:`LabelledPair`, whose
``contradiction`` flag is the binary target the pair judge is measured on::

    rte = load_rte3()
    sum(p.contradiction for p in rte.pairs)   # 91
"""

from __future__ import annotations

import json
import logging
import os
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from consistency.claims import split_text

logger = logging.getLogger(__name__)

DATA_ENV = "CONSISTENCY_DATA"
_DEFAULT_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "data"

MIN_SENTENCE_WORDS = 8
MAX_SENTENCE_WORDS = 60


@dataclass(frozen=True)
class LabelledPair:
    """Two sentences with a gold answer.

    ``gold`` is the set's own label ("contradiction", "NEUTRAL", "1", "3.8"...);
    ``type`` is the kind of corruption for synthetic pairs; ``score`` is the
    similarity score of STS pairs.
    """

    id: str
    claim_a: str
    claim_b: str
    contradiction: bool
    gold: str
    type: str | None = None
    score: float | None = None


@dataclass(frozen=True)
class LabelledSet:
    """A named, ordered collection of labelled pairs.

    Example::

        LabelledSet("tiny", (LabelledPair("1", "A rose.", "A fell.", True, "contradiction"),))
    """

    name: str
    pairs: tuple[LabelledPair, ...]

    def __len__(self) -> int:
        return len(self.pairs)

    @property
    def positives(self) -> int:
        """How many pairs are contradictions."""
        return sum(p.contradiction for p in self.pairs)

    def subset(self, limit: int | None, seed: int = 0) -> LabelledSet:
        """A seeded random ``limit``-pair sample, in the original order.

        Sets are often sorted by task or label, so the first pairs are not a fair
        sample. ``None`` or a limit at least the set's size returns the set itself.
        """
        if limit is None or limit >= len(self.pairs):
            return self
        if limit < 0:
            raise ValueError(f"limit must be non-negative, got {limit}")
        keep = sorted(random.Random(seed).sample(range(len(self.pairs)), limit))
        return LabelledSet(self.name, tuple(self.pairs[i] for i in keep))


def data_root(root: str | Path | None = None) -> Path:
    """The data folder to read: ``root``, else ``$CONSISTENCY_DATA``, else ``../shared/data``.

    Raises FileNotFoundError naming the folder when it does not exist.
    """
    chosen = Path(root) if root is not None else Path(os.environ.get(DATA_ENV) or _DEFAULT_ROOT)
    if not chosen.is_dir():
        raise FileNotFoundError(
            f"evaluation data folder not found: {chosen} "
            f"(pass a data root or set {DATA_ENV})"
        )
    return chosen


def _data_file(root: str | Path | None, relative: str) -> Path:
    path = data_root(root) / relative
    if not path.is_file():
        raise FileNotFoundError(f"evaluation data file not found: {path}")
    return path


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _tsv_rows(path: Path) -> Iterator[list[str]]:
    """Tab-separated rows, read without quote handling (the sets contain bare quotes)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if line:
                yield line.split("\t")


def load_rte3(root: str | Path | None = None) -> LabelledSet:
    """RTE-3 dev pairs with the 3-way label; contradiction vs entailment + neutral.

    Example: ``load_rte3().positives == 91``.
    """
    pairs = tuple(
        LabelledPair(
            id=f"rte3-{row['id']}",
            claim_a=row["premise"],
            claim_b=row["hypothesis"],
            contradiction=row["fr_3way_label"] == "contradiction",
            gold=row["fr_3way_label"],
        )
        for row in _jsonl(_data_file(root, "nli/rte3_dev_3way.jsonl"))
    )
    return LabelledSet("rte3", pairs)


def load_sick_test(root: str | Path | None = None) -> LabelledSet:
    """The TEST part of SICK (``SemEval_set == TEST``); contradiction vs the rest."""
    return load_sick(("TEST",), root)


def load_sick(parts: Sequence[str], root: str | Path | None = None) -> LabelledSet:
    """The SICK pairs of the given ``SemEval_set`` parts (TRAIN, TRIAL, TEST); the set
    is named after them: ``load_sick(("TRAIN", "TRIAL")).name == "sick_train_trial"``.
    Only TEST is reported; the other parts may be used for development, never to
    train a shipped model (SICK is non-commercial)."""
    wanted = {part.upper() for part in parts}
    rows = _tsv_rows(_data_file(root, "nli/SICK.txt"))
    header = next(rows)
    col = {name.strip(): i for i, name in enumerate(header)}
    pairs = tuple(
        LabelledPair(
            id=f"sick-{row[col['pair_ID']]}",
            claim_a=row[col["sentence_A"]],
            claim_b=row[col["sentence_B"]],
            contradiction=row[col["entailment_label"]].strip().upper() == "CONTRADICTION",
            gold=row[col["entailment_label"]].strip(),
        )
        for row in rows
        if len(row) == len(header) and row[col["SemEval_set"]].strip() in wanted
    )
    return LabelledSet("sick_" + "_".join(part.lower() for part in parts), pairs)


def load_snli(root: str | Path | None = None) -> LabelledSet:
    """SNLI 1.0 test pairs that have a gold label (``-`` rows are skipped)."""
    pairs = tuple(
        LabelledPair(
            id=f"snli-{row['pairID']}",
            claim_a=row["premise"],
            claim_b=row["hypothesis"],
            contradiction=row["gold_label"] == "contradiction",
            gold=row["gold_label"],
        )
        for row in _jsonl(_data_file(root, "nli/snli_1.0_test.jsonl"))
        if row.get("gold_label") in ("entailment", "neutral", "contradiction")
    )
    return LabelledSet("snli", pairs)


def load_msrp_paraphrases(root: str | Path | None = None) -> LabelledSet:
    """MSRP test pairs judged paraphrases (quality 1): none may be flagged.

    Every pair has ``contradiction=False``; the set measures the false-alarm rate.
    """
    pairs = tuple(
        LabelledPair(id=f"msrp-{row[1]}-{row[2]}", claim_a=row[3], claim_b=row[4],
                     contradiction=False, gold=row[0])
        for row in _tsv_rows(_data_file(root, "paraphrase/msrp_test.tsv"))
        if len(row) == 5 and row[0].strip() == "1"
    )
    return LabelledSet("msrp_paraphrases", pairs)


def load_sts_headlines(root: str | Path | None = None) -> LabelledSet:
    """SemEval STS headline pairs that have a score (0-5), for alignment thresholds."""
    folder = data_root(root) / "paraphrase" / "sts_headlines"
    files = sorted(folder.glob("headlines_*.tsv"))
    if not files:
        raise FileNotFoundError(f"no STS headline files in {folder}")
    pairs = []
    for path in files:
        for n, row in enumerate(_tsv_rows(path)):
            if len(row) == 3 and row[0].strip():
                pairs.append(LabelledPair(
                    id=f"sts-{path.stem.split('.')[0]}-{n}", claim_a=row[1], claim_b=row[2],
                    contradiction=False, gold=row[0].strip(), score=float(row[0]),
                ))
    return LabelledSet("sts_headlines", tuple(pairs))


# ---------------------------------------------------------------- news sentences

def split_sentences(text: str) -> list[str]:
    """Split news prose into sentences with the checker's own splitter (claims.split_text).

    Example: ``split_sentences("Sen. Joe Doe spoke. He left.")`` gives two sentences.
    """
    text = re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()
    return [text[start:end] for start, end in split_text(text)]


def _is_clean_sentence(sentence: str) -> bool:
    """A whole sentence of usable length: not cut off ("..."), starts like a sentence."""
    n_words = len(sentence.split())
    if not MIN_SENTENCE_WORDS <= n_words <= MAX_SENTENCE_WORDS:
        return False
    if sentence.endswith(("...", "…")) or "[" in sentence:
        return False
    return bool(re.search(r"[.!?][\"'”’)]*$", sentence)) and bool(
        re.match(r"[\"“‘(]?[A-Z0-9]", sentence))


def heldout_allsides_events(root: str | Path | None = None) -> list[dict]:
    """AllSides 2021 events that share no article with the NeuS training split.

    The two files overlap: about two thirds of the AllSides 2021 titles also
    occur in ``neus_train.source``, which the combiner is trained on. Only events
    none of whose titles (longer than 20 characters) occurs there are held out.
    """
    train = _data_file(root, "corpus/allsides/neus_train.source").read_text(encoding="utf-8")
    seen = {_title_key(part.partition("ARTICLE=>")[0].replace("TITLE=>", ""))
            for line in train.splitlines() for part in line.split("[SEP]")}
    events = list(_jsonl(_data_file(root, "corpus/allsides/allsides_2021.jsonl")))
    kept = [e for e in events if not any(
        len(title) > 20 and title in seen
        for title in (_title_key(a.get("newsTitle") or "") for a in e.get("news", {}).values()))]
    logger.info("%d of %d AllSides 2021 events share no article with neus_train",
                len(kept), len(events))
    return kept


def _title_key(title: str) -> str:
    """A title as both files can be matched on: NeuS adds a closing full stop."""
    return re.sub(r"\s+", " ", title).strip().rstrip(".").strip().lower()


def _allsides_bodies(events: Iterable[dict]) -> Iterator[str]:
    for event in events:
        for side in ("left", "center", "right"):
            article = event.get("news", {}).get(side)
            if article:
                yield from article.get("newBody", [])


def _neus_bodies(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            for part in line.split("[SEP]"):
                _, _, body = part.partition("ARTICLE=>")
                if body.strip():
                    yield body


def _unique_sentences(bodies: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for body in bodies:
        for sentence in split_sentences(body):
            if _is_clean_sentence(sentence):
                seen.setdefault(sentence, None)
    return tuple(seen)


def news_sentences(split: str, root: str | Path | None = None) -> tuple[str, ...]:
    """Real news sentences (8-60 words, deduplicated, in file order) for synthetic pairs.

    ``split="train"`` reads the NeuS training lines, ``split="eval"`` the lead
    paragraphs of the AllSides 2021 events that share no article with them
    (:func:`heldout_allsides_events`), less any sentence the training lines
    also hold, so rules tuned on one are measured on the other.

    Example: ``news_sentences("eval")[:3]``.
    """
    if split not in ("train", "eval"):
        raise ValueError(f"unknown split {split!r} (expected 'train' or 'eval')")
    train = _unique_sentences(_neus_bodies(_data_file(root, "corpus/allsides/neus_train.source")))
    if split == "train":
        sentences = train
    else:
        seen = set(train)
        sentences = tuple(s for s in _unique_sentences(
            _allsides_bodies(heldout_allsides_events(root))) if s not in seen)
    logger.info("%d %s news sentences", len(sentences), split)
    return sentences


LOADERS = {
    "rte3": load_rte3,
    "sick_test": load_sick_test,
    "snli": load_snli,
    "msrp": load_msrp_paraphrases,
    "sts_headlines": load_sts_headlines,
}
