"""Judging a trained digit classifier on the test set, and looking inside the book's MLP.

The book (ch. 3.6) measures a network two ways: one image at a time, then in batches, and
counts the correct answers. ``infer_one_by_one`` and ``infer_batched`` are those two loops,
timed. ``evaluate`` adds what the book leaves out: which digits get confused with which
(the confusion matrix), accuracy per digit and the mistakes, most confident first.
``hidden_activations`` and ``unit_weights`` show what each layer of an MLP does to one image.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lab.digits import DigitSteps, to_mnist_steps
from lab.network import Net

NUM_CLASSES = 10
Predict = Callable[[NDArray], NDArray]  # batch (N, 784) -> scores or probabilities (N, 10)


def _labels(t: ArrayLike, name: str = "t") -> NDArray[np.intp]:
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
    t, y = _labels(t), _labels(y, "y")
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
    t, y = _labels(t), _labels(y, "y")
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
    t = _labels(t)
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
    x, t = np.asarray(x), _labels(t)
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


@dataclass(frozen=True)
class Reading:
    """One drawing or photo read by a model (see ``read_digit``).

    Attributes
    ----------
    steps : DigitSteps
        The preprocessing, step by step; ``steps.centred28`` is the model input.
    digit : int or None
        The most probable digit; None when the image holds no ink.
    proba : ndarray of float64, shape (10,), or None
        The model's probabilities (sum to 1); None when there is no ink.
    """

    steps: DigitSteps
    digit: int | None
    proba: NDArray[np.float64] | None


def read_digit(model, image: ArrayLike) -> Reading:
    """Turn an image into MNIST's format (``lab.digits.to_mnist_steps``) and classify it.

    Parameters
    ----------
    model : lab.models.Model
        Anything with ``predict_proba(x) -> (N, 10)``.
    image : array_like, shape (H, W), (H, W, 3) or (H, W, 4)
        A canvas or a photo, either polarity (see ``to_mnist``).
    """
    steps = to_mnist_steps(image)
    if steps.centred28 is None:
        return Reading(steps, None, None)
    proba = model.predict_proba(steps.centred28)[0]
    return Reading(steps, int(np.argmax(proba)), proba)


def _activation_outputs(network: Net, x: NDArray) -> list[tuple[str, NDArray]]:
    """Every activation layer's (Sigmoid1, Relu2, ...) output for a batch of one image, as
    (layer name, output without the batch axis), in layer order."""
    return [
        (name, out[0])
        for name, out in network.activations(x).items()
        if name.rstrip("0123456789") in ("Sigmoid", "Relu")
    ]


def hidden_activations(network: Net, x: ArrayLike) -> list[tuple[str, NDArray]]:
    """The output of every activation layer (Sigmoid1, Relu2, ...) for one image.

    Parameters
    ----------
    network : Net
        A fully connected network, such as the book MLP 784-50-100-10.
    x : array_like, shape (784,) or (28, 28)
        One image, pixels in [0, 1].

    Returns
    -------
    list of (layer name, ndarray of shape (units,))
        In layer order; for the book MLP ``[("Sigmoid1", z1 (50,)), ("Sigmoid2", z2 (100,))]``,
        each value in (0, 1).
    """
    return _activation_outputs(network, np.asarray(x, dtype=np.float64).reshape(1, -1))


def unit_weights(network: Net, unit: int) -> NDArray:
    """The 784 input weights of hidden unit ``unit`` of the first layer, as a 28x28 image.

    Returns
    -------
    ndarray, shape (28, 28)
        ``W1[:, unit].reshape(28, 28)``: positive where ink excites the unit, negative where
        ink inhibits it (a unit's a1 is the sum of these times the pixels, plus b1).
    """
    W1 = network.params["W1"]
    if W1.ndim != 2 or W1.shape[0] != 28 * 28:
        raise ValueError(
            f"expected a first affine layer W1 of shape (784, units), got {W1.shape}; "
            "unit_weights shows fully connected networks only"
        )
    if not 0 <= unit < W1.shape[1]:
        raise ValueError(f"expected unit in [0, {W1.shape[1]}), got {unit}")
    return W1[:, unit].reshape(28, 28)


def feature_maps(network: Net, x: ArrayLike) -> list[tuple[str, NDArray]]:
    """A convolutional network's activation layers that are still images, for one image.

    Parameters
    ----------
    network : Net
        A network whose input is an image, such as the default CNN (input (1, 28, 28)).
    x : array_like, shape (784,) or (28, 28)
        One image, pixels in [0, 1].

    Returns
    -------
    list of (layer name, ndarray of shape (channels, height, width))
        In layer order; for the default CNN ``[("Relu1", (32, 14, 14)), ("Relu2", (64, 7, 7))]``:
        what each convolution block hands to the next layer, all >= 0 after the ReLU.
    """
    if len(network.input_shape) != 3:
        raise ValueError(
            f"expected a network that takes images (C, H, W), got input shape "
            f"{network.input_shape}; feature_maps shows convolutional networks only"
        )
    x = np.asarray(x, dtype=np.float64).reshape(1, *network.input_shape)
    return [(name, out) for name, out in _activation_outputs(network, x) if out.ndim == 3]


def mosaic(maps: ArrayLike, cols: int, pad: int = 1) -> NDArray[np.float64]:
    """Tile C small images into one, row by row, ``cols`` per row, NaN in the gaps.

    Parameters
    ----------
    maps : array_like, shape (C, H, W)
        Feature maps, or the first layer's kernels ``W1[:, 0]`` (C, kh, kw).
    cols : int, >= 1
        Images per row; the last row is padded with NaN when C is not a multiple.
    pad : int, >= 0
        NaN pixels between neighbours (a chart leaves them blank).

    Returns
    -------
    ndarray of float64, shape (rows·(H+pad)−pad, cols·(W+pad)−pad)
        The values unchanged (no rescaling), so one colour scale covers the whole layer.
        Image k sits at row block k // cols, column block k % cols.
    """
    m = np.asarray(maps, dtype=np.float64)
    if m.ndim != 3 or m.shape[0] == 0:
        raise ValueError(f"expected maps of shape (C, H, W) with C >= 1, got {m.shape}")
    if cols < 1 or pad < 0:
        raise ValueError(f"expected cols >= 1 and pad >= 0, got {cols}, {pad}")
    c, h, w = m.shape
    cols = min(cols, c)
    rows = -(-c // cols)
    out = np.full((rows * (h + pad) - pad, cols * (w + pad) - pad), np.nan)
    for k in range(c):
        r, q = divmod(k, cols)
        out[r * (h + pad) : r * (h + pad) + h, q * (w + pad) : q * (w + pad) + w] = m[k]
    return out
