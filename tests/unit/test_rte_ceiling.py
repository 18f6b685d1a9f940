"""The RTE-3 ceiling diagnostic's cross-validation: it scores pairs it was not fit on."""

import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import rte_ceiling  # noqa: E402


def test_rte_ceiling_cross_validated_auc_is_high_when_a_feature_carries_the_label():
    rng = np.random.default_rng(0)
    y = np.array([1] * 40 + [0] * 160)
    x = np.c_[y + rng.normal(0, 0.3, len(y)), rng.normal(size=(len(y), 3))]
    aucs = rte_ceiling.cross_validated_auc(x, y, c=1.0, repeats=2)
    assert len(aucs) == 2 and min(aucs) > 0.95


def test_rte_ceiling_cross_validated_auc_is_chance_when_features_are_noise():
    # Out-of-fold scores: a fit on noise cannot rank the held-out folds, so no fold
    # sees its own labels (an in-sample fit on 200 noisy columns would score near 1).
    rng = np.random.default_rng(1)
    y = np.array([1] * 40 + [0] * 160)
    x = rng.normal(size=(len(y), 200))
    aucs = rte_ceiling.cross_validated_auc(x, y, c=10.0, repeats=3)
    assert abs(np.mean(aucs) - 0.5) < 0.12
