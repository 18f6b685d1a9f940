"""Metrics for binary judgements, with numpy only.

``scores`` are P(contradiction)-like numbers, ``labels`` and ``pred`` are
booleans (True = contradiction / flagged)::

    roc_auc([0.9, 0.2, 0.7], [True, False, False])   # 1.0
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1; 0.0 where the denominator is empty."""

    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class CalibrationBin:
    """Scores in [low, high): how many, their mean, and the share that are positive."""

    low: float
    high: float
    count: int
    mean_score: float
    positive_rate: float


def _as_bool(values: Sequence[bool] | np.ndarray) -> np.ndarray:
    return np.asarray(values, dtype=bool)


def _check_lengths(a: np.ndarray, b: np.ndarray) -> None:
    if a.shape != b.shape:
        raise ValueError(f"length mismatch: {a.shape[0]} scores vs {b.shape[0]} labels")


def _ranks(values: np.ndarray) -> np.ndarray:
    """1-based ranks, ties given the average of the ranks they span."""
    order = np.argsort(values, kind="mergesort")
    sorted_values = values[order]
    ranks = np.empty(len(values), dtype=float)
    starts = np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1]])
    ends = np.r_[starts[1:], len(values)]
    for start, end in zip(starts, ends, strict=True):
        ranks[order[start:end]] = (start + end + 1) / 2
    return ranks


def roc_auc(scores: Sequence[float] | np.ndarray, labels: Sequence[bool] | np.ndarray) -> float:
    """Area under the ROC curve from ranks (Mann-Whitney U), ties counted as half.

    Raises ValueError when ``labels`` has only one class. Example:
    ``roc_auc([0.5, 0.5], [True, False]) == 0.5``.
    """
    s, y = np.asarray(scores, dtype=float), _as_bool(labels)
    _check_lengths(s, y)
    n_pos, n_neg = int(y.sum()), int((~y).sum())
    if n_pos == 0 or n_neg == 0:
        raise ValueError("AUC needs both positive and negative labels")
    rank_sum = _ranks(s)[y].sum()
    return float((rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def precision_recall_f1(pred: Sequence[bool] | np.ndarray,
                        labels: Sequence[bool] | np.ndarray) -> PRF:
    """Precision, recall and F1 of boolean predictions.

    Example: ``precision_recall_f1([True, True, False], [True, False, True])`` gives 0.5, 0.5, 0.5.
    """
    p, y = _as_bool(pred), _as_bool(labels)
    _check_lengths(p, y)
    tp = int((p & y).sum())
    precision = tp / int(p.sum()) if p.any() else 0.0
    recall = tp / int(y.sum()) if y.any() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1)


def rate(pred: Sequence[bool] | np.ndarray) -> float:
    """The share of True values; 0.0 for an empty input. ``rate([True, False]) == 0.5``."""
    p = _as_bool(pred)
    return float(p.mean()) if p.size else 0.0


def precision_at(scores: Sequence[float] | np.ndarray, labels: Sequence[bool] | np.ndarray,
                 threshold: float) -> float:
    """Precision of flagging every pair whose score is at or above ``threshold``.

    Example: ``precision_at([0.9, 0.6, 0.1], [True, False, False], 0.5) == 0.5``.
    """
    s, y = np.asarray(scores, dtype=float), _as_bool(labels)
    _check_lengths(s, y)
    return precision_recall_f1(s >= threshold, y).precision


def calibration_table(scores: Sequence[float] | np.ndarray, labels: Sequence[bool] | np.ndarray,
                      bins: int = 10) -> list[CalibrationBin]:
    """Equal-width bins over [0, 1] (the last one closed), empty bins left out.

    Example: ``calibration_table([0.1, 0.9], [False, True], bins=2)`` gives two bins.
    """
    s, y = np.asarray(scores, dtype=float), _as_bool(labels)
    _check_lengths(s, y)
    if bins < 1:
        raise ValueError(f"bins must be at least 1, got {bins}")
    edges = np.linspace(0.0, 1.0, bins + 1)
    index = np.clip(np.searchsorted(edges, s, side="right") - 1, 0, bins - 1)
    table = []
    for b in range(bins):
        mask = index == b
        if mask.any():
            table.append(CalibrationBin(float(edges[b]), float(edges[b + 1]), int(mask.sum()),
                                        float(s[mask].mean()), float(y[mask].mean())))
    return table
