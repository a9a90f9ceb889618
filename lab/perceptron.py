"""Perceptrons and logic gates (book ch. 2): y = 1 if w·x + b > 0 else 0.

The gates AND, OR, NAND and NOT use the classic truth-table weights; XOR cannot be one
perceptron (no line separates its outputs), so it is two layers: XOR = AND(NAND, OR).
The perceptron learning rule (Rosenblatt) finds weights from examples when a line exists.
Drawing them: ``lab.regions``; whether a line exists: ``lab.separability``; XOR learnt by
backprop: ``lab.xor_mlp``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lab.activations import step_function

Array = NDArray[np.float64]
IntArray = NDArray[np.int64]

__all__ = [
    "AND",
    "BOOK_AND",
    "GATE_NAMES",
    "GATE_PARAMS",
    "INPUTS",
    "NAND",
    "NOT",
    "OR",
    "XOR",
    "PerceptronRun",
    "check_labelled",
    "gate_targets",
    "initial_line",
    "perceptron",
    "train_perceptron",
    "truth_table",
    "weighted_sum",
    "xor_two_layer",
]

EPS = float(np.finfo(np.float64).eps)

INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
"""The four inputs (x1, x2) of a two-input gate, in the truth table's order."""

GATE_PARAMS: dict[str, tuple[tuple[float, ...], float]] = {
    "AND": ((1.0, 1.0), -1.5),
    "OR": ((1.0, 1.0), -0.5),
    "NAND": ((-1.0, -1.0), 1.5),
    "NOT": ((-1.0,), 0.5),
}
"""(w, b) of each one-layer gate: AND, OR and NOT from the classic example, NAND = −AND."""

BOOK_AND = ((0.5, 0.5), -0.7)
"""The book's AND, (w1, w2, θ) = (0.5, 0.5, 0.7) written with the bias b = −θ."""

GATE_NAMES = ("AND", "OR", "NAND", "NOT", "XOR")


def weighted_sum(x: ArrayLike, w: ArrayLike, b: float) -> Array:
    """The perceptron's input to the step function, a = x·w + b, with rounding noise snapped to 0.

    Parameters
    ----------
    x : array_like, shape (n,) or (N, n)
        One input or a batch of inputs.
    w : array_like, shape (n,)
    b : float

    Returns
    -------
    ndarray of float64, shape () or (N,).

    Notes
    -----
    A dot product of n + 1 terms is off by at most (n + 1)·eps·Σ|terms|; values that small are
    returned as exactly 0, so that 0.1 + 0.2 − 0.3 counts as "on the line" (y = 0), as on paper.
    """
    x, w = np.array(x, dtype=np.float64), np.array(w, dtype=np.float64)
    if w.ndim != 1 or x.shape[-1:] != w.shape:
        raise ValueError(
            f"expected x of shape (n,) or (N, n) and w of shape (n,), got x {x.shape} and "
            f"w {w.shape}; give one weight per input"
        )
    a = x @ w + b
    noise = (w.size + 1) * EPS * (np.abs(x) @ np.abs(w) + abs(b))
    return np.where(np.abs(a) <= noise, 0.0, a)


def perceptron(x: ArrayLike, w: ArrayLike, b: float) -> IntArray:
    """A perceptron: y = 1 if w·x + b > 0 else 0 (the book's rule: 0 when the sum is exactly 0).

    Parameters
    ----------
    x : array_like, shape (n,) or (N, n)
    w : array_like, shape (n,)
    b : float

    Returns
    -------
    ndarray of int64, shape () or (N,), values in {0, 1}.
    """
    return step_function(weighted_sum(x, w, b)).astype(np.int64)


def AND(x1: float, x2: float) -> int:
    """AND gate: 1 only for (1, 1). w = [1, 1], b = −1.5 (the classic example)."""
    w, b = GATE_PARAMS["AND"]
    return int(perceptron([x1, x2], w, b))


def OR(x1: float, x2: float) -> int:
    """OR gate: 0 only for (0, 0). w = [1, 1], b = −0.5 (the classic example)."""
    w, b = GATE_PARAMS["OR"]
    return int(perceptron([x1, x2], w, b))


def NAND(x1: float, x2: float) -> int:
    """NAND gate (NOT AND): 0 only for (1, 1). w = [−1, −1], b = 1.5, AND's weights negated."""
    w, b = GATE_PARAMS["NAND"]
    return int(perceptron([x1, x2], w, b))


def NOT(x: float) -> int:
    """NOT gate, one input: 1 for 0, 0 for 1. w = [−1], b = 0.5 (the classic example)."""
    w, b = GATE_PARAMS["NOT"]
    return int(perceptron([x], w, b))


def XOR(x1: float, x2: float) -> int:
    """XOR gate: 1 when exactly one input is 1. Two layers, as in the book: AND(NAND, OR)."""
    return AND(NAND(x1, x2), OR(x1, x2))


def _not_x1(x1: float, x2: float) -> int:
    return NOT(x1)


_GATES = {"AND": AND, "OR": OR, "NAND": NAND, "NOT": _not_x1, "XOR": XOR}


def gate_targets(name: str) -> IntArray:
    """The outputs t of a gate for the four ``INPUTS``; "NOT" reads x1 and ignores x2.

    Returns
    -------
    ndarray of int64, shape (4,), e.g. AND -> [0, 0, 0, 1].
    """
    if name not in _GATES:
        raise ValueError(f"expected a gate in {GATE_NAMES}, got {name!r}")
    return np.array([_GATES[name](x1, x2) for x1, x2 in INPUTS], dtype=np.int64)


def truth_table(w: ArrayLike, b: float, x: ArrayLike = INPUTS) -> tuple[Array, IntArray]:
    """The weighted sums a and outputs y of the perceptron (w, b) for every row of x.

    Returns
    -------
    a : ndarray, shape (N,)
    y : ndarray of int64, shape (N,); y = 1 exactly where a > 0.
    """
    a = weighted_sum(x, w, b)
    return a, step_function(a).astype(np.int64)


def check_labelled(x: ArrayLike, t: ArrayLike) -> tuple[Array, IntArray]:
    """Points x (N, n) as float64 and their labels t (N,) in {0, 1} as int64, or ValueError."""
    x, t = np.array(x, dtype=np.float64), np.array(t)
    if x.ndim != 2 or t.shape != (x.shape[0],):
        raise ValueError(
            f"expected points x of shape (N, n) and labels t of shape (N,), got x {x.shape} and "
            f"t {t.shape}; one label per row of x"
        )
    if not np.isin(t, (0, 1)).all():
        raise ValueError(f"expected labels t in {{0, 1}}, got {np.unique(t).tolist()}")
    return x, t.astype(np.int64)


@dataclass(frozen=True)
class PerceptronRun:
    """The history of the perceptron learning rule, one step per input shown.

    Attributes
    ----------
    w : ndarray, shape (S + 1, n)
        Weights before step k (w[0] is the start, w[S] the end).
    b : ndarray, shape (S + 1,)
    sample : ndarray of int, shape (S,)
        Which row of x step k looked at.
    epoch : ndarray of int, shape (S,)
        The pass over the data that step k belongs to, counted from 1.
    y : ndarray of int, shape (S,)
        The perceptron's output on that row before the update.
    t : ndarray of int, shape (S,)
        The target of that row; the update is lr·(t − y), zero when they agree.
    epoch_errors : ndarray of int, shape (E,)
        Mistakes made in each pass (epoch) over the data.
    converged : bool
        True when the last epoch made no mistake: the line separates the data and stays.
    repeat : tuple (first, period) or None
        When (w, b) at the start of an epoch equals its value ``period`` epochs earlier, the
        rule is in a loop and will repeat forever (XOR); the loop begins with epoch ``first``
        (counted from 1, like ``epoch``).
    """

    w: Array
    b: Array
    sample: IntArray
    epoch: IntArray
    y: IntArray
    t: IntArray
    epoch_errors: IntArray
    converged: bool
    repeat: tuple[int, int] | None


def initial_line(seed: int) -> tuple[Array, float]:
    """A random start (w, b), reproducible from seed, whose line crosses the unit square.

    The line goes through a point p uniform in [0, 1]² at an angle uniform in [0, 2π), with
    |w| = 0.5: w = 0.5·(cos θ, sin θ), b = −w·p. So the learner sees it from step 0.
    """
    rng = np.random.default_rng(seed)
    theta, p = rng.uniform(0.0, 2 * np.pi), rng.uniform(0.0, 1.0, size=2)
    w = 0.5 * np.array([np.cos(theta), np.sin(theta)])
    return w, float(-w @ p)


def train_perceptron(
    x: ArrayLike,
    t: ArrayLike,
    w: ArrayLike,
    b: float,
    lr: float = 0.1,
    max_epochs: int = 20,
) -> PerceptronRun:
    """The perceptron learning rule (Rosenblatt): show the rows of x in turn, fix each mistake.

    For each row: y = perceptron(x_i, w, b); w ← w + lr·(t_i − y)·x_i; b ← b + lr·(t_i − y).

    Parameters
    ----------
    x : array_like, shape (N, n)
    t : array_like of {0, 1}, shape (N,)
    w : array_like, shape (n,);  b : float
        The start.
    lr : float > 0
        Learning rate η.
    max_epochs : int
        Passes over the data at most; training stops after the first epoch without mistakes.

    Returns
    -------
    PerceptronRun

    Notes
    -----
    If t is linearly separable the rule stops after finitely many mistakes (Novikoff 1962);
    if not (XOR) some row is always wrong, so w never stops moving, and with a fixed order of
    rows it settles into a loop.
    """
    x, t = check_labelled(x, t)
    if not lr > 0:
        raise ValueError(f"expected a learning rate lr > 0, got {lr}")
    w = np.array(w, dtype=np.float64)
    b = float(b)
    ws, bs, samples, ys, errors = [w.copy()], [b], [], [], []
    repeat = None
    for epoch in range(max_epochs):
        mistakes = 0
        for i in range(len(x)):
            y = int(perceptron(x[i], w, b))
            w = w + lr * (t[i] - y) * x[i]
            b = b + lr * (t[i] - y)
            ws.append(w.copy())
            bs.append(b)
            samples.append(i)
            ys.append(y)
            mistakes += y != t[i]
        errors.append(mistakes)
        if mistakes == 0:
            break
        if repeat is None:
            start = np.column_stack([ws[:: len(x)], bs[:: len(x)]])  # (w, b) at epoch starts
            tol = 16 * EPS * (1 + np.abs(start[-1]))  # a few roundings of sums of lr·x
            same = np.all(np.abs(start[:-1] - start[-1]) <= tol, axis=1)
            if same.any():
                first = int(np.flatnonzero(same)[-1])  # 0-based epoch whose start recurs
                repeat = (first + 1, epoch + 1 - first)
    return PerceptronRun(
        w=np.array(ws),
        b=np.array(bs),
        sample=np.array(samples, dtype=np.int64),
        epoch=np.arange(len(samples), dtype=np.int64) // len(x) + 1,
        y=np.array(ys, dtype=np.int64),
        t=t[np.array(samples, dtype=np.int64)],
        epoch_errors=np.array(errors, dtype=np.int64),
        converged=errors[-1] == 0,
        repeat=repeat,
    )


def xor_two_layer(x: ArrayLike = INPUTS) -> tuple[IntArray, IntArray, IntArray]:
    """XOR as two layers of perceptrons: s1 = NAND(x), s2 = OR(x), y = AND(s1, s2).

    Returns
    -------
    s1, s2, y : ndarrays of int64, shape (N,), one entry per row of x (shape (N, 2)).
    """
    x = np.array(x, dtype=np.float64)
    s1 = perceptron(x, *GATE_PARAMS["NAND"])
    s2 = perceptron(x, *GATE_PARAMS["OR"])
    y = perceptron(np.column_stack([s1, s2]), *GATE_PARAMS["AND"])
    return s1, s2, y
