"""Loss functions (book ch. 4.2) and their gradients with respect to the output y.

Every function takes the network output ``y`` and the target ``t``, works on float64 copies
(the caller's arrays are never modified) and returns a Python float.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]

__all__ = [
    "LOG_GUARD",
    "cross_entropy_error",
    "cross_entropy_error_grad",
    "mean_squared_error",
    "mean_squared_error_grad",
    "sum_squared_error",
    "sum_squared_error_grad",
]

LOG_GUARD = float(np.finfo(np.float64).tiny)
"""Smallest positive normal float64 (≈ 2.2e-308): y is clipped to at least this before log.

log(0) would be −inf; clipping to ``tiny`` keeps −log(y) finite (at most ≈ 708) and, unlike the
book's ``y + 1e-7``, leaves every representable probability above 2.2e-308 exactly as it is.
"""


def _pair(y: ArrayLike, t: ArrayLike) -> tuple[Array, Array]:
    """Coerce y and t to float64 and check they have the same shape."""
    y = np.array(y, dtype=np.float64)
    t = np.array(t, dtype=np.float64)
    if y.shape != t.shape:
        raise ValueError(
            f"expected y and t of the same shape, got y {y.shape} and t {t.shape}; "
            "for class labels use cross_entropy_error, or one-hot encode t"
        )
    return y, t


def mean_squared_error(y: ArrayLike, t: ArrayLike) -> float:
    """Mean squared error, by its definition: the mean of (y − t)² over all entries.

    Parameters
    ----------
    y, t : array_like, same shape
        Output and target.

    Returns
    -------
    float ≥ 0, zero exactly when y == t.

    Notes
    -----
    MSE = (1/n) Σ (y_k − t_k)². The book's ``mean_squared_error`` is 0.5 Σ (y_k − t_k)²
    (no mean): that one is ``sum_squared_error`` here.
    """
    y, t = _pair(y, t)
    return float(np.mean((y - t) ** 2))


def mean_squared_error_grad(y: ArrayLike, t: ArrayLike) -> Array:
    """Gradient of ``mean_squared_error`` with respect to y: 2 (y − t) / n, y's shape."""
    y, t = _pair(y, t)
    return 2.0 * (y - t) / y.size


def sum_squared_error(y: ArrayLike, t: ArrayLike) -> float:
    """The book's squared error 0.5 Σ (y_k − t_k)² (its ``mean_squared_error``).

    Parameters
    ----------
    y, t : array_like, same shape
        Summed over every entry, a batch included (the book does not divide by N).

    Returns
    -------
    float ≥ 0.

    Notes
    -----
    The ½ makes the gradient plainly y − t. Book example (t = "2"): y with 0.6 at index 2
    gives 0.0975, the same y with 0.6 at index 7 gives 0.5975.
    """
    y, t = _pair(y, t)
    return float(0.5 * np.sum((y - t) ** 2))


def sum_squared_error_grad(y: ArrayLike, t: ArrayLike) -> Array:
    """Gradient of ``sum_squared_error`` with respect to y: y − t, y's shape."""
    y, t = _pair(y, t)
    return y - t


def _ce_inputs(y: ArrayLike, t: ArrayLike) -> tuple[Array, NDArray, bool]:
    """Coerce to a batch: y (N, C) float64, t (N, C) one-hot or (N,) int labels, is_label."""
    y = np.array(y, dtype=np.float64)
    t = np.asarray(t)
    if y.ndim == 1:
        y = y.reshape(1, -1)
        t = t.reshape(1, -1) if t.ndim == 1 and t.size == y.size else t.reshape(1)
    if y.ndim != 2:
        raise ValueError(
            f"expected y of shape (C,) or (N, C), got {y.shape}; flatten extra axes first"
        )
    if t.shape == y.shape:
        return y, t.astype(np.float64), False
    if t.shape != (y.shape[0],):
        raise ValueError(
            f"expected t as one-hot rows {y.shape} or labels ({y.shape[0]},) for y {y.shape}, "
            f"got t of shape {t.shape}"
        )
    if not np.issubdtype(t.dtype, np.integer):
        raise ValueError(
            f"expected integer class labels, got dtype {t.dtype}; use t.astype(int) for labels"
        )
    if t.size and (t.min() < 0 or t.max() >= y.shape[1]):
        raise ValueError(f"expected labels in [0, {y.shape[1]}), got range [{t.min()}, {t.max()}]")
    return y, t, True


def cross_entropy_error(y: ArrayLike, t: ArrayLike, delta: float | None = None) -> float:
    """Cross-entropy error −(1/N) Σₙ Σₖ t_nk log y_nk, averaged over the batch.

    Parameters
    ----------
    y : array_like, shape (C,) or (N, C)
        Probabilities (softmax output).
    t : array_like, shape like y (one-hot, or any distribution) or (N,) / scalar (int labels)
        With labels, only log y[n, t[n]] is used — the same value, without the zeros.
    delta : float, optional
        The book adds ``delta = 1e-7`` to y inside the log. By default (None) y is instead
        clipped to at least ``LOG_GUARD`` (float64's smallest normal number), which only acts
        where y would give log(0). Pass ``delta=1e-7`` to reproduce the book's digits.

    Returns
    -------
    float ≥ 0, the mean loss over the batch.

    Notes
    -----
    The book prints 0.510825457099338 (= −log(0.6 + 1e-7)) and 2.302584092994546
    (= −log(0.1 + 1e-7)); without the 1e-7 the exact values are −log 0.6 = 0.5108256237659907
    and −log 0.1 = 2.3025850929940455. They agree to 6 significant digits (the shift is
    1e-7 / y); the default here is the exact one.
    """
    y, t, is_label = _ce_inputs(y, t)
    n = y.shape[0]
    if is_label:
        y = y[np.arange(n), t]
    logy = np.log(np.maximum(y, LOG_GUARD)) if delta is None else np.log(y + delta)
    if is_label:
        return float(-np.sum(logy) / n)
    return float(-np.sum(t * logy) / n)


def cross_entropy_error_grad(y: ArrayLike, t: ArrayLike) -> Array:
    """Gradient of ``cross_entropy_error`` with respect to y: −t / (N·y), y's shape.

    Labels are treated as one-hot rows. y is clipped to ``LOG_GUARD`` as in the loss, so the
    gradient stays finite. (Through a softmax the combined gradient is just (y − t) / N: see
    ``lab.layers.SoftmaxWithLoss``.)
    """
    shape = np.shape(y)
    y, t, is_label = _ce_inputs(y, t)
    n = y.shape[0]
    if is_label:
        onehot = np.zeros_like(y)
        onehot[np.arange(n), t] = 1.0
        t = onehot
    return (-t / (n * np.maximum(y, LOG_GUARD))).reshape(shape)
