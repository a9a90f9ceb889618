"""Softmax and the losses as the book shows them (§3.5, §4.2), on lab.activations and lab.losses.

Scores to probabilities (with a temperature), the book's first, overflowing softmax next to the
stable one, sigmoid next to softmax, the book's loss examples, how each loss moves with the
probability of the true class, and the book's random mini-batch.
"""

from __future__ import annotations

import math
import re

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lab.activations import sigmoid, softmax
from lab.losses import (
    LOG_GUARD,
    cross_entropy_error,
    mean_squared_error,
    sum_squared_error,
)
from lab.mnist import to_one_hot

Array = NDArray[np.float64]

__all__ = [
    "BOOK_LOGITS",
    "BOOK_PRINTS",
    "BOOK_T",
    "BOOK_Y_RIGHT",
    "BOOK_Y_WRONG",
    "CE_CAP",
    "EXP_OVERFLOW",
    "LOG_GUARD",
    "MAX_LOGITS",
    "LogitsError",
    "book_losses",
    "loss_curves",
    "naive_softmax",
    "parse_logits",
    "probs_with_true",
    "sample_batch",
    "sigmoid_vs_softmax",
    "softmax_decision",
    "softmax_steps",
]

BOOK_LOGITS = (0.3, 2.9, 4.0)
"""The book's softmax example a = [0.3, 2.9, 4.0] (§3.5.1)."""

BOOK_T = 2
"""The book's loss example: the correct digit is "2" (§4.2.1)."""

BOOK_Y_RIGHT = (0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0)
"""The book's y when the net is right: 0.6 on "2". SSE 0.0975, cross entropy 0.5108."""

BOOK_Y_WRONG = (0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0)
"""The book's y when the net is wrong: 0.6 on "7". SSE 0.5975, cross entropy 2.3026."""

BOOK_PRINTS = {
    "right": {"sse": 0.0975, "ce_book": 0.510825457099338},
    "wrong": {"sse": 0.5975, "ce_book": 2.302584092994546},
}
"""What the book prints for BOOK_Y_RIGHT / BOOK_Y_WRONG (``book_losses`` keys)."""

EXP_OVERFLOW = math.log(np.finfo(np.float64).max)
"""≈ 709.78: the largest a whose exp(a) is finite in float64; exp(710) is inf."""

CE_CAP = -math.log(LOG_GUARD)
"""≈ 708.40: the largest cross entropy of one sample, −log(LOG_GUARD), reached at y = 0."""

MAX_LOGITS = 20
_SEPARATORS = re.compile(r"[\s,，、;；]+")


class LogitsError(ValueError):
    """Logits text that cannot be read; ``reason`` is "empty", "count", "number" or "finite",
    ``token`` the offending piece (for "number" and "finite")."""

    def __init__(self, reason: str, token: str = "") -> None:
        self.reason = reason
        self.token = token
        super().__init__(
            f"expected 2 to {MAX_LOGITS} finite numbers separated by commas or spaces "
            f"(e.g. '0.3, 2.9, 4.0'); problem: {reason} {token!r}"
        )


def parse_logits(text: str) -> Array:
    """Read scores typed by a person: "0.3, 2.9, 4.0" (commas, spaces, "，" or "、").

    Returns
    -------
    ndarray of float64, shape (C,), 2 ≤ C ≤ 20.

    Raises
    ------
    LogitsError
        Nothing typed, fewer than 2 or more than 20 numbers, a piece that is not a number,
        or inf / nan (softmax needs finite scores; large ones such as 1000 are fine).
    """
    tokens = [tok for tok in _SEPARATORS.split(text.strip()) if tok]
    if not tokens:
        raise LogitsError("empty")
    values = []
    for tok in tokens:
        try:
            value = float(tok.replace("−", "-"))  # a typographic minus reads as a minus
        except ValueError:
            raise LogitsError("number", tok) from None
        if not math.isfinite(value):
            raise LogitsError("finite", tok)
        values.append(value)
    if not 2 <= len(values) <= MAX_LOGITS:
        raise LogitsError("count", str(len(values)))
    return np.array(values, dtype=np.float64)


def naive_softmax(a: ArrayLike) -> Array:
    """The book's first softmax, exp(a) / Σ exp(a), without the max shift: it overflows.

    Parameters
    ----------
    a : array_like, shape (C,)

    Returns
    -------
    ndarray of float64, shape (C,). Once some a_k > ``EXP_OVERFLOW`` (≈ 709.78), exp(a_k) is
    inf and inf / inf gives nan: softmax([1010, 1000, 990]) is [nan, nan, nan].

    Notes
    -----
    Shown only to be compared with ``lab.activations.softmax``. The overflow is the lesson, so
    numpy's overflow / invalid-value warnings are silenced here and the nan is returned.
    """
    a = np.array(a, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        exp_a = np.exp(a)
        return exp_a / np.sum(exp_a)


def softmax_steps(a: ArrayLike) -> dict[str, Array | float]:
    """Each step of the naive and of the stable softmax, for a table.

    Returns
    -------
    dict with ``a``; naive: ``exp_a`` (inf past ``EXP_OVERFLOW``), ``naive``; stable:
    ``c`` = max(a), ``shifted`` = a − c (≤ 0), ``exp_shifted`` (in (0, 1]), ``stable``
    (sums to 1); and ``overflow``: whether the naive result has a non-finite entry.

    Notes
    -----
    softmax(a) = softmax(a − c) because exp(a_k − c) / Σ exp(a_i − c) = e^{−c} exp(a_k) /
    (e^{−c} Σ exp(a_i)). With c = max(a) the largest exponent is exp(0) = 1: no overflow.
    """
    a = np.array(a, dtype=np.float64)
    with np.errstate(over="ignore"):
        exp_a = np.exp(a)
    naive = naive_softmax(a)
    c = float(np.max(a))
    return {
        "a": a,
        "exp_a": exp_a,
        "naive": naive,
        "c": c,
        "shifted": a - c,
        "exp_shifted": np.exp(a - c),
        "stable": softmax(a),
        "overflow": bool(not np.all(np.isfinite(naive))),
    }


def softmax_decision(a: ArrayLike, temperature: float = 1.0) -> tuple[Array, int]:
    """Scores → probabilities → decision: softmax(a / T) and the class it picks.

    Parameters
    ----------
    a : array_like, shape (C,)
    temperature : float > 0
        T < 1 sharpens the distribution, T > 1 flattens it (T → ∞: uniform).

    Returns
    -------
    y : ndarray, shape (C,), positive, sums to 1.
    k : int, argmax of y, which is argmax of a for every T (softmax keeps the order).
    """
    if not (temperature > 0 and math.isfinite(temperature)):
        raise ValueError(f"expected a temperature > 0, got {temperature}")
    y = softmax(np.array(a, dtype=np.float64) / temperature)
    return y, int(np.argmax(y))


def sigmoid_vs_softmax(a: ArrayLike, temperature: float = 1.0) -> dict[str, Array | float]:
    """Each score a / T through a sigmoid (independent) and all through softmax (competing).

    Returns
    -------
    dict: ``sigmoid`` and ``softmax`` (shape (C,)) and their sums ``sigmoid_sum`` (anything in
    (0, C)) and ``softmax_sum`` (1).
    """
    y, _ = softmax_decision(a, temperature)
    s = sigmoid(np.array(a, dtype=np.float64) / temperature)
    return {
        "sigmoid": s,
        "softmax": y,
        "sigmoid_sum": float(s.sum()),
        "softmax_sum": float(y.sum()),
    }


def book_losses(y: ArrayLike, t: ArrayLike) -> dict[str, float]:
    """Every loss of the page for output y and labels t (one or a batch).

    Parameters
    ----------
    y : array_like, shape (10,) or (N, 10)
    t : int or array_like of int, shape () or (N,)

    Returns
    -------
    dict: ``mse`` (the mean of squared differences), ``sse`` (book: 0.5 Σ, summed over the
    batch), ``ce_onehot`` and ``ce_label`` (equal: cross entropy, batch mean, exact log),
    ``ce_book`` (with the book's y + 1e-7: its printed digits).
    """
    y = np.array(y, dtype=np.float64)
    labels = np.atleast_1d(np.asarray(t))
    onehot = to_one_hot(labels, y.shape[-1]).reshape(y.shape)
    return {
        "mse": mean_squared_error(y, onehot),
        "sse": sum_squared_error(y, onehot),
        "ce_onehot": cross_entropy_error(y, onehot),
        "ce_label": cross_entropy_error(y, labels.reshape(y.shape[:-1])),
        "ce_book": cross_entropy_error(y, onehot, delta=1e-7),
    }


def probs_with_true(p: ArrayLike, label: int, num_classes: int = 10) -> Array:
    """Outputs that give probability p to the true class and share 1 − p evenly elsewhere.

    Parameters
    ----------
    p : array_like, shape (M,) or scalar, values in [0, 1]
    label : int in [0, num_classes)

    Returns
    -------
    ndarray, shape (M, num_classes) (or (num_classes,) for scalar p); rows sum to 1.
    """
    p = np.array(p, dtype=np.float64)
    if np.any((p < 0) | (p > 1)):
        raise ValueError(f"expected probabilities in [0, 1], got range [{p.min()}, {p.max()}]")
    if not 0 <= label < num_classes:
        raise ValueError(f"expected a label in [0, {num_classes}), got {label}")
    rows = np.repeat(((1.0 - p) / (num_classes - 1))[..., None], num_classes, axis=-1)
    rows[..., label] = p
    return rows


def loss_curves(p: ArrayLike, label: int = BOOK_T, num_classes: int = 10) -> dict[str, Array]:
    """Each loss as the probability p of the true class moves (the rest shared evenly).

    Returns
    -------
    dict ``mse``, ``sse``, ``ce``, ``ce_book``: arrays of p's shape. ``ce`` is −log p (with p
    clipped to ``LOG_GUARD``, so −log 0 is ``CE_CAP`` ≈ 708.4, not inf); ``ce_book`` is the
    book's −log(p + 1e-7), which flattens at −log 1e-7 ≈ 16.1 once p ≲ 1e-7; the squared
    errors stay below 1.
    """
    p = np.atleast_1d(np.array(p, dtype=np.float64))
    ys = probs_with_true(p, label, num_classes)
    t = to_one_hot(np.array([label]), num_classes)[0]
    return {
        "mse": np.array([mean_squared_error(y, t) for y in ys]),
        "sse": np.array([sum_squared_error(y, t) for y in ys]),
        # + 0.0 turns the −0.0 of −log 1 into 0.0
        "ce": np.array([cross_entropy_error(y, label) for y in ys]) + 0.0,
        "ce_book": np.array([cross_entropy_error(y, label, delta=1e-7) for y in ys]),
    }


def sample_batch(train_size: int, batch_size: int, rng: np.random.Generator) -> NDArray[np.intp]:
    """The book's mini-batch: ``batch_size`` random indices into a training set of
    ``train_size`` samples (``np.random.choice(train_size, batch_size)``, with replacement).

    Returns
    -------
    ndarray of int, shape (batch_size,), values in [0, train_size). The same seed gives the
    same batch.
    """
    if batch_size < 1 or train_size < 1:
        raise ValueError(
            f"expected train_size >= 1 and batch_size >= 1, got {train_size}, {batch_size}"
        )
    return rng.choice(train_size, batch_size)
