"""Metrics against values computed by hand."""

from __future__ import annotations

import pytest

from consistency.evaluation.metrics import (
    calibration_table,
    precision_at,
    precision_recall_f1,
    rate,
    roc_auc,
)


@pytest.mark.parametrize(
    ("scores", "labels", "expected"),
    [
        ([0.9, 0.8, 0.1, 0.2], [True, True, False, False], 1.0),  # perfect
        ([0.1, 0.2, 0.9, 0.8], [True, True, False, False], 0.0),  # inverse
        ([0.5, 0.5, 0.2, 0.8], [True, False, False, True], 0.875),  # one tie counts half
        ([0.3, 0.3, 0.3], [True, False, True], 0.5),  # all tied
        ([0.2, 0.6, 0.4, 0.9, 0.1], [False, True, True, False, False], 4 / 6),
    ],
)
def test_metrics_roc_auc_hand_computed(scores, labels, expected):
    assert roc_auc(scores, labels) == pytest.approx(expected)


@pytest.mark.parametrize("labels", [[True, True], [False, False, False]])
def test_metrics_roc_auc_one_class_raises(labels):
    with pytest.raises(ValueError, match="both positive and negative"):
        roc_auc([0.1] * len(labels), labels)


def test_metrics_roc_auc_length_mismatch_raises():
    with pytest.raises(ValueError, match="length mismatch"):
        roc_auc([0.1, 0.2], [True, False, True])


@pytest.mark.parametrize(
    ("pred", "labels", "expected"),
    [
        ([True, True, False, False], [True, False, True, False], (0.5, 0.5, 0.5)),
        ([True, True, True, False], [True, True, False, False], (2 / 3, 1.0, 0.8)),
        ([False, False], [True, False], (0.0, 0.0, 0.0)),  # nothing flagged
        ([True, False], [False, False], (0.0, 0.0, 0.0)),  # no positives
    ],
)
def test_metrics_precision_recall_f1_hand_computed(pred, labels, expected):
    got = precision_recall_f1(pred, labels)
    assert (got.precision, got.recall, got.f1) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("pred", "expected"), [([True, False, False, True], 0.5), ([], 0.0), ([False], 0.0)]
)
def test_metrics_rate_share_true(pred, expected):
    assert rate(pred) == expected


@pytest.mark.parametrize(
    ("threshold", "expected"), [(0.5, 0.5), (0.7, 1.0), (0.95, 0.0), (0.0, 1 / 3)]
)
def test_metrics_precision_at_threshold(threshold, expected):
    assert precision_at([0.9, 0.6, 0.1], [True, False, False], threshold) == pytest.approx(
        expected)


def test_metrics_calibration_table_bins():
    table = calibration_table([0.05, 0.15, 0.95, 1.0], [False, True, True, True], bins=10)
    assert [(b.low, b.count, b.positive_rate) for b in table] == pytest.approx(
        [(0.0, 1, 0.0), (0.1, 1, 1.0), (0.9, 2, 1.0)])
    assert table[-1].mean_score == pytest.approx(0.975)
    assert table[-1].high == pytest.approx(1.0)


def test_metrics_calibration_table_rejects_zero_bins():
    with pytest.raises(ValueError, match="bins"):
        calibration_table([0.5], [True], bins=0)
