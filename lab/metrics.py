"""Judging a digit classifier on a labelled set (book ch. 3.6, and what the book leaves out).

The book counts the correct answers (``accuracy_cnt``). ``evaluate`` adds which digits get
confused with which (the confusion matrix), accuracy per digit, and the mistakes, most
confident first.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

NUM_CLASSES = 10


def check_labels(t: ArrayLike, name: str = "t") -> NDArray[np.intp]:
    """Digit labels t as a 1-D intp array, or ValueError saying what arrived (one-hot rows, a
    label outside 0..9)."""
    t = np.asarray(t)
    if t.ndim != 1 or not np.issubdtype(t.dtype, np.integer):
        raise ValueError(
            f"expected {name} as a 1-D array of integer labels, got shape {t.shape} and dtype "
            f"{t.dtype}; turn one-hot rows into labels with np.argmax({name}, axis=1)"
        )
    if t.size and (t.min() < 0 or t.max() >= NUM_CLASSES):
        raise ValueError(f"expected {name} in [0, {NUM_CLASSES}), got [{t.min()}, {t.max()}]")
    return t.astype(np.intp)


def confusion_matrix(t: ArrayLike, y: ArrayLike) -> NDArray[np.int64]:
    """Count how often each true digit was predicted as each digit.

    Parameters
    ----------
    t : array_like of int, shape (N,)
        True labels 0..9.
    y : array_like of int, shape (N,)
        Predicted labels 0..9.

    Returns
    -------
    ndarray of int64, shape (10, 10)
        ``cm[i, j]`` = number of images of digit i predicted as j. Rows sum to the number of
        images of each digit, the whole matrix to N, and the diagonal counts the correct ones.

    Notes
    -----
    ``bincount`` over the pair code ``10·t + y`` counts every (t, y) pair in one pass.
    """
    t, y = check_labels(t), check_labels(y, "y")
    if t.shape != y.shape:
        raise ValueError(f"expected t and y of the same shape, got {t.shape} and {y.shape}")
    codes = NUM_CLASSES * t + y
    return np.bincount(codes, minlength=NUM_CLASSES**2).reshape(NUM_CLASSES, NUM_CLASSES)


def per_class_accuracy(cm: ArrayLike) -> NDArray[np.float64]:
    """Accuracy for each true digit: the diagonal over the row sums.

    Parameters
    ----------
    cm : array_like, shape (10, 10)
        A confusion matrix, rows = true digit.

    Returns
    -------
    ndarray of float64, shape (10,)
        In [0, 1]; NaN for a digit with no image (0 of 0 is no accuracy at all).
    """
    cm = np.asarray(cm, dtype=np.float64)
    if cm.shape != (NUM_CLASSES, NUM_CLASSES):
        raise ValueError(f"expected a (10, 10) confusion matrix, got shape {cm.shape}")
    rows = cm.sum(axis=1)
    out = np.full(NUM_CLASSES, np.nan)
    np.divide(np.diag(cm), rows, out=out, where=rows > 0)
    return out


def most_confused(cm: ArrayLike) -> tuple[int, int]:
    """The off-diagonal cell with the largest count: (true digit, predicted digit).

    Ties go to the first in row-major order; a perfect matrix gives (0, 1) with count 0.
    """
    cm = np.array(cm, dtype=np.float64)
    if cm.shape != (NUM_CLASSES, NUM_CLASSES):
        raise ValueError(f"expected a (10, 10) confusion matrix, got shape {cm.shape}")
    np.fill_diagonal(cm, -1.0)
    i, j = np.unravel_index(np.argmax(cm), cm.shape)
    return int(i), int(j)


def cell_indices(t: ArrayLike, y: ArrayLike, true: int, pred: int) -> NDArray[np.intp]:
    """Indices of the images of digit ``true`` predicted as ``pred`` (one confusion cell)."""
    t, y = check_labels(t), check_labels(y, "y")
    return np.flatnonzero((t == true) & (y == pred))


@dataclass(frozen=True)
class Mistakes:
    """The misclassified images, most confident mistake first.

    Attributes
    ----------
    index : ndarray of intp, shape (M,)
        Positions in the evaluated set.
    t, y : ndarray of intp, shape (M,)
        True and predicted digit (always different).
    p_y, p_t : ndarray of float64, shape (M,)
        Probability the model gave its (wrong) answer and the true digit; p_y > p_t.
    """

    index: NDArray[np.intp]
    t: NDArray[np.intp]
    y: NDArray[np.intp]
    p_y: NDArray[np.float64]
    p_t: NDArray[np.float64]


@dataclass(frozen=True)
class Report:
    """A model's results on a labelled set (see ``evaluate``)."""

    y: NDArray[np.intp]
    accuracy: float
    confusion: NDArray[np.int64]
    per_class: NDArray[np.float64]
    mistakes: Mistakes


def evaluate(proba: ArrayLike, t: ArrayLike) -> Report:
    """Predictions, accuracy, confusion matrix, per-digit accuracy and mistakes, in one pass.

    Parameters
    ----------
    proba : array_like, shape (N, 10)
        Class probabilities (rows sum to 1), e.g. ``model.predict_proba(x_test)``.
    t : array_like of int, shape (N,)
        True labels.

    Returns
    -------
    Report
        ``y = argmax(proba)``; ``accuracy`` = mean of ``y == t`` (the book's
        ``accuracy_cnt / len(x)``); mistakes sorted by ``p_y`` descending (stable).
    """
    proba = np.asarray(proba, dtype=np.float64)
    t = check_labels(t)
    if proba.shape != (len(t), NUM_CLASSES):
        raise ValueError(
            f"expected proba of shape ({len(t)}, {NUM_CLASSES}) to match t, got {proba.shape}"
        )
    y = np.argmax(proba, axis=1)
    cm = confusion_matrix(t, y)
    wrong = np.flatnonzero(y != t)
    p_y, p_t = proba[wrong, y[wrong]], proba[wrong, t[wrong]]
    order = np.argsort(-p_y, kind="stable")
    mistakes = Mistakes(wrong[order], t[wrong][order], y[wrong][order], p_y[order], p_t[order])
    acc = float(np.mean(y == t)) if len(t) else float("nan")
    return Report(y, acc, cm, per_class_accuracy(cm), mistakes)
