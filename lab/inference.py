"""The book's two inference loops (ch. 3.6), timed: one image at a time, then in batches.

``infer_one_by_one`` and ``infer_batched`` count the correct answers as the book does and
measure the wall-clock time of the loop; ``speedup`` compares them per image.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lab.metrics import check_labels

Predict = Callable[[NDArray], NDArray]  # batch (N, 784) -> scores or probabilities (N, 10)


@dataclass(frozen=True)
class InferenceRun:
    """One timed pass over a labelled set.

    Attributes
    ----------
    n : int
        Images seen.
    batch_size : int
        1 for the one-at-a-time loop.
    correct : int
        The book's ``accuracy_cnt``.
    seconds : float
        Wall-clock time of the loop (``time.perf_counter``), prediction and counting included.
    """

    n: int
    batch_size: int
    correct: int
    seconds: float

    @property
    def accuracy(self) -> float:
        """correct / n (the book's ``accuracy_cnt / len(x)``)."""
        return self.correct / self.n if self.n else float("nan")

    @property
    def per_image(self) -> float:
        """Seconds per image."""
        return self.seconds / self.n if self.n else float("nan")


def _check_xt(x: ArrayLike, t: ArrayLike) -> tuple[NDArray, NDArray[np.intp]]:
    x, t = np.asarray(x), check_labels(t)
    if x.ndim < 2 or len(x) != len(t):
        raise ValueError(
            f"expected a batch x of N images and N labels t, got x {x.shape} and t {t.shape}"
        )
    return x, t


def infer_one_by_one(predict: Predict, x: ArrayLike, t: ArrayLike) -> InferenceRun:
    """The book's first loop: predict each image on its own and count the correct answers.

    Parameters
    ----------
    predict : callable, batch (N, ...) -> (N, 10)
        Scores or probabilities (argmax is the same), e.g. ``model.network.predict``.
    x : array_like, shape (N, 784) (or (N, 1, 28, 28) for a CNN)
    t : array_like of int, shape (N,)

    Notes
    -----
    Each image goes in as a batch of one, ``x[i:i+1]``, so every layer's matrix product
    is a (1, 784) × (784, 50) vector product: the per-call overhead is paid N times.
    """
    x, t = _check_xt(x, t)
    start = time.perf_counter()
    correct = 0
    for i in range(len(x)):
        y = predict(x[i : i + 1])
        p = np.argmax(y)
        if p == t[i]:
            correct += 1
    return InferenceRun(len(x), 1, correct, time.perf_counter() - start)


def infer_batched(predict: Predict, x: ArrayLike, t: ArrayLike, batch_size: int) -> InferenceRun:
    """The book's batch loop: ``batch_size`` images per call, ``argmax(axis=1)``, ``sum(p == t)``.

    Parameters
    ----------
    predict, x, t
        As for ``infer_one_by_one``.
    batch_size : int, >= 1
        The last batch is shorter when it does not divide N.
    """
    x, t = _check_xt(x, t)
    if int(batch_size) != batch_size or batch_size < 1:
        raise ValueError(f"expected a positive integer batch_size, got {batch_size!r}")
    batch_size = int(batch_size)
    start = time.perf_counter()
    correct = 0
    for i in range(0, len(x), batch_size):
        y_batch = predict(x[i : i + batch_size])
        p = np.argmax(y_batch, axis=1)
        correct += int(np.sum(p == t[i : i + batch_size]))
    return InferenceRun(len(x), batch_size, correct, time.perf_counter() - start)


def median_run(measure: Callable[[], InferenceRun], repeats: int) -> InferenceRun:
    """Run a timed loop ``repeats`` times and keep the median time.

    Parameters
    ----------
    measure : callable () -> InferenceRun
        E.g. ``lambda: infer_batched(predict, x, t, 100)``; every call sees the same images.
    repeats : int, >= 1

    Returns
    -------
    InferenceRun
        The answers of the runs (identical every time) with the median of their times: one
        run on a busy server can take twice as long, the median of several hardly moves.
    """
    if repeats < 1:
        raise ValueError(f"expected repeats >= 1, got {repeats}")
    runs = [measure() for _ in range(repeats)]
    seconds = float(np.median([r.seconds for r in runs]))
    return InferenceRun(runs[0].n, runs[0].batch_size, runs[0].correct, seconds)


def speedup(slow: InferenceRun, fast: InferenceRun) -> float:
    """How many times faster ``fast`` is per image than ``slow`` (fair when n differs)."""
    return slow.per_image / fast.per_image
