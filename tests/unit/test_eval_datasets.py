"""Dataset loaders on tiny hand-written files in the real formats, plus the real data if present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consistency.evaluation import datasets
from consistency.evaluation.datasets import (
    LabelledPair,
    LabelledSet,
    data_root,
    heldout_allsides_events,
    load_msrp_paraphrases,
    load_rte3,
    load_sick_test,
    load_snli,
    load_sts_headlines,
    news_sentences,
    split_sentences,
)

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"

SICK_HEADER = ("pair_ID\tsentence_A\tsentence_B\tentailment_label\trelatedness_score\t"
               "entailment_AB\tentailment_BA\tsentence_A_original\tsentence_B_original\t"
               "sentence_A_dataset\tsentence_B_dataset\tSemEval_set")


def _sick_row(pair_id: int, a: str, b: str, label: str, part: str) -> str:
    return "\t".join([str(pair_id), a, b, label, "3.0", "x", "y", a, b, "HAND", "HAND", part])


def _write(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)


@pytest.fixture
def tiny_data(tmp_path: Path) -> Path:
    """A data folder with a few hand-made rows per set, in each set's own format."""
    rte = [
        {"id": 1, "premise": "The bakery opened in 1990.", "hypothesis": "The bakery opened.",
         "fr_3way_label": "entailment"},
        {"id": 2, "premise": "The bakery closed on Monday.", "hypothesis": "It never closed.",
         "fr_3way_label": "contradiction"},
        {"id": 3, "premise": "The bakery sells rye bread.", "hypothesis": "It sells cake.",
         "fr_3way_label": "neutral"},
    ]
    _write(tmp_path / "nli/rte3_dev_3way.jsonl", "\n".join(json.dumps(r) for r in rte) + "\n")
    sick = [SICK_HEADER,
            _sick_row(1, "A dog runs", "A dog is running", "ENTAILMENT", "TRAIN"),
            _sick_row(2, "A cat sleeps", "No cat is sleeping", "CONTRADICTION", "TEST"),
            _sick_row(3, "A man sings", "A man plays piano", "NEUTRAL", "TEST")]
    _write(tmp_path / "nli/SICK.txt", "\r\n".join(sick) + "\n")
    snli = [
        {"pairID": "p1", "premise": "Two kids swim", "hypothesis": "Kids are in water",
         "gold_label": "entailment"},
        {"pairID": "p2", "premise": "Two kids swim", "hypothesis": "The kids sleep",
         "gold_label": "contradiction"},
        {"pairID": "p3", "premise": "Two kids swim", "hypothesis": "It is hot",
         "gold_label": "-"},
    ]
    _write(tmp_path / "nli/snli_1.0_test.jsonl", "\n".join(json.dumps(r) for r in snli))
    _write(tmp_path / "paraphrase/msrp_test.tsv",
           '1\t11\t12\tThe firm said "sales rose".\tSales rose, the firm said.\n'
           "0\t13\t14\tThe vote failed.\tThe vote was delayed.\n", encoding="utf-8-sig")
    _write(tmp_path / "paraphrase/sts_headlines/headlines_2099.test.tsv",
           "4.2\tStorm hits coast\tCoast hit by storm\n\tNo score here\tNone at all\n")
    _write_corpus(tmp_path)
    return tmp_path


def _write_corpus(root: Path) -> None:
    body = ["The city council approved a new budget for the harbor district on Tuesday night. "
            "It passed.",
            "Sen. Ann Ortiz said the plan would add 300 jobs over the next four years.",
            "The mayor promised more details in a speech that was cut short by the...",
            "The city council approved a new budget for the harbor district on Tuesday night."]
    event = {"id": 1, "news": {"left": {"newBody": body[:2]}, "right": {"newBody": body[2:]}}}
    _write(root / "corpus/allsides/allsides_2021.jsonl", json.dumps(event) + "\n")
    line = ("TITLE=> Rail strike ends. ARTICLE=> Train drivers returned to work on Monday after "
            "a strike that lasted nine days. [SEP] TITLE=> Trains run. ARTICLE=> Services "
            "resumed across the northern network early on Monday morning, officials said.\n")
    _write(root / "corpus/allsides/neus_train.source", line)


def test_eval_datasets_rte3_three_way_to_binary(tiny_data):
    rte = load_rte3(tiny_data)
    assert rte.name == "rte3"
    assert [(p.id, p.contradiction, p.gold) for p in rte.pairs] == [
        ("rte3-1", False, "entailment"), ("rte3-2", True, "contradiction"),
        ("rte3-3", False, "neutral")]
    assert rte.pairs[1].claim_b == "It never closed."


def test_eval_datasets_sick_keeps_only_test(tiny_data):
    sick = load_sick_test(tiny_data)
    assert [(p.id, p.contradiction, p.gold) for p in sick.pairs] == [
        ("sick-2", True, "CONTRADICTION"), ("sick-3", False, "NEUTRAL")]


def test_eval_datasets_snli_skips_unlabelled(tiny_data):
    snli = load_snli(tiny_data)
    assert [(p.id, p.contradiction) for p in snli.pairs] == [("snli-p1", False), ("snli-p2", True)]


def test_eval_datasets_msrp_paraphrases_only(tiny_data):
    msrp = load_msrp_paraphrases(tiny_data)
    assert len(msrp) == 1 and msrp.positives == 0
    assert msrp.pairs[0].claim_a == 'The firm said "sales rose".'
    assert msrp.pairs[0].gold == "1"


def test_eval_datasets_sts_needs_score(tiny_data):
    sts = load_sts_headlines(tiny_data)
    assert [(p.claim_a, p.score) for p in sts.pairs] == [("Storm hits coast", 4.2)]


def test_eval_datasets_news_sentences_eval_filters_and_dedupes(tiny_data):
    got = news_sentences("eval", tiny_data)
    assert got == (
        "The city council approved a new budget for the harbor district on Tuesday night.",
        "Sen. Ann Ortiz said the plan would add 300 jobs over the next four years.",
    )


def test_eval_datasets_eval_split_leaves_out_what_training_holds(tiny_data):
    events = tiny_data / "corpus/allsides/allsides_2021.jsonl"
    shared = {"id": 2, "news": {"left": {
        "newsTitle": "Rail strike ends after nine days of talks",
        "newBody": ["Union leaders signed the final agreement with the operator late on Sunday."]}}}
    copied = {"id": 3, "news": {"left": {
        "newsTitle": "Northern network back to normal",
        "newBody": ["Train drivers returned to work on Monday after a strike that lasted nine "
                    "days."]}}}
    events.write_text(events.read_text() + json.dumps(shared) + "\n" + json.dumps(copied) + "\n")
    train = tiny_data / "corpus/allsides/neus_train.source"
    train.write_text(train.read_text() + "TITLE=> Rail strike ends after nine days of talks. "
                     "ARTICLE=> Talks ended.\n")
    assert [e["id"] for e in heldout_allsides_events(tiny_data)] == [1, 3]
    got = news_sentences("eval", tiny_data)
    assert "Union leaders signed the final agreement with the operator late on Sunday." not in got
    assert "Train drivers returned to work on Monday after a strike that lasted nine days." \
        not in got
    assert len(got) == 2


def test_eval_datasets_news_sentences_train_reads_article_parts(tiny_data):
    got = news_sentences("train", tiny_data)
    assert got == (
        "Train drivers returned to work on Monday after a strike that lasted nine days.",
        "Services resumed across the northern network early on Monday morning, officials said.",
    )


def test_eval_datasets_news_sentences_unknown_split(tiny_data):
    with pytest.raises(ValueError, match="unknown split"):
        news_sentences("dev", tiny_data)


def test_eval_datasets_missing_root_names_path(tmp_path):
    missing = tmp_path / "nowhere"
    with pytest.raises(FileNotFoundError, match="nowhere"):
        load_rte3(missing)


def test_eval_datasets_missing_file_names_path(tmp_path):
    with pytest.raises(FileNotFoundError, match="SICK.txt"):
        load_sick_test(tmp_path)


def test_eval_datasets_env_overrides_default(tiny_data, monkeypatch):
    monkeypatch.setenv(datasets.DATA_ENV, str(tiny_data))
    assert data_root() == tiny_data
    assert len(load_rte3()) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sen. Ann Ortiz spoke. She left early.", ["Sen. Ann Ortiz spoke.", "She left early."]),
        ("The U.S. economy grew. Prices rose.", ["The U.S. economy grew.", "Prices rose."]),
        ('He said "we won." Then he left.', ['He said "we won."', "Then he left."]),
        ("It opened on Oct. 15 in Ohio.", ["It opened on Oct. 15 in Ohio."]),
        ("John F. Kennedy spoke.\u00a0Crowds  cheered.", ["John F. Kennedy spoke.",
                                                          "Crowds cheered."]),
    ],
)
def test_eval_datasets_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_eval_datasets_subset_is_seeded_and_ordered():
    pairs = tuple(LabelledPair(str(i), "a", "b", i % 2 == 0, "g") for i in range(20))
    full = LabelledSet("x", pairs)
    one, two = full.subset(5, seed=3), full.subset(5, seed=3)
    assert one == two and len(one) == 5
    ids = [int(p.id) for p in one.pairs]
    assert ids == sorted(ids)
    assert full.subset(None) is full and full.subset(50) is full


real_data = pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is absent")


@pytest.mark.data
@real_data
@pytest.mark.parametrize(
    ("loader", "size", "positives"),
    [(load_rte3, 800, 91), (load_sick_test, 4906, 712), (load_snli, 9824, 3237),
     (load_msrp_paraphrases, 1147, 0)],
)
def test_eval_datasets_real_sizes(loader, size, positives):
    loaded = loader(SHARED_DATA)
    assert (len(loaded), loaded.positives) == (size, positives)


@pytest.mark.data
@real_data
def test_eval_datasets_real_news_sentences_lengths():
    sentences = news_sentences("eval", SHARED_DATA)
    assert len(sentences) > 1000
    assert len(set(sentences)) == len(sentences)
    assert all(8 <= len(s.split()) <= 60 for s in sentences)
