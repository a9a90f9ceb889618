"""Perceptrons and logic gates (book ch. 2): y = 1 if w·x + b > 0 else 0.

The gates AND, OR, NAND and NOT use the classic truth-table weights; XOR cannot be one
perceptron (no line separates its outputs), so it is two layers: XOR = AND(NAND, OR).
Geometry for the page: the half-plane where y = 1, the decision line, and the slice of
weight space (w1, w2) that realises a gate at a fixed bias b. Learning: the perceptron rule,
an exact linear-separability test, and a small MLP trained by backprop on XOR.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lab.activations import softmax, step_function
from lab.network import MultiLayerNet
from lab.optimizers import Adam

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
    "BestLine",
    "PerceptronRun",
    "XorTraining",
    "best_line",
    "decision_line",
    "gate_targets",
    "half_plane",
    "initial_line",
    "linearly_separable",
    "perceptron",
    "solution_slice",
    "train_perceptron",
    "train_xor_mlp",
    "truth_table",
    "weighted_sum",
    "xor_band",
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


def _clip(poly: Array, normal: Array, offset: float) -> Array:
    """The part of a convex polygon (k, 2) where normal·p + offset >= 0 (Sutherland–Hodgman)."""
    if len(poly) == 0:
        return poly
    s = poly @ normal + offset
    out = []
    for i in range(len(poly)):
        j = (i + 1) % len(poly)
        if s[i] >= 0:
            out.append(poly[i])
        if (s[i] >= 0) != (s[j] >= 0):  # the edge crosses the line: keep the crossing point
            out.append(poly[i] + (poly[j] - poly[i]) * s[i] / (s[i] - s[j]))
    return np.array(out, dtype=np.float64).reshape(-1, 2)


def _square(lo: float, hi: float) -> Array:
    return np.array([[lo, lo], [hi, lo], [hi, hi], [lo, hi]], dtype=np.float64)


def _area(poly: Array) -> float:
    """Shoelace formula; 0 for fewer than three vertices."""
    if len(poly) < 3:
        return 0.0
    x, y = poly[:, 0], poly[:, 1]
    return 0.5 * abs(float(x @ np.roll(y, -1) - y @ np.roll(x, -1)))


def half_plane(w: ArrayLike, b: float, lo: float = -0.5, hi: float = 1.5) -> Array:
    """The region of the square [lo, hi]² where w1·x1 + w2·x2 + b >= 0 (the y = 1 side).

    Returns
    -------
    ndarray, shape (k, 2): the polygon's vertices in order, k in {0, 3, 4, 5}; empty when the
    whole square is on the y = 0 side. The line itself (y = 0) is the polygon's boundary.
    """
    w = np.array(w, dtype=np.float64)
    if not w.any():  # no line: a = b everywhere
        return _square(lo, hi) if b > 0 else np.empty((0, 2))
    return _clip(_square(lo, hi), w, float(b))


def xor_band(lo: float = -0.5, hi: float = 1.5) -> Array:
    """Where both first-layer perceptrons of XOR output 1 (s1 = NAND = 1 and s2 = OR = 1).

    The strip between the NAND line and the OR line inside [lo, hi]²: there, and only there,
    the second layer AND(s1, s2) outputs 1. Returns the polygon (k, 2), as ``half_plane``.
    """
    (w_nand, b_nand), (w_or, b_or) = GATE_PARAMS["NAND"], GATE_PARAMS["OR"]
    return _clip(half_plane(w_nand, b_nand, lo, hi), np.array(w_or), b_or)


def decision_line(w: ArrayLike, b: float, lo: float = -0.5, hi: float = 1.5) -> Array:
    """The segment of the line w1·x1 + w2·x2 + b = 0 inside the square [lo, hi]².

    Returns
    -------
    ndarray, shape (2, 2): its two end points; shape (0, 2) when the line misses the square
    or when w = 0 (then there is no line: every input gives the same output).

    Notes
    -----
    The line is p0 + s·d with p0 = −b·w/|w|² (the point nearest the origin) and d = (−w2, w1);
    each side of the square bounds s from one side (Liang–Barsky clipping).
    """
    w = np.array(w, dtype=np.float64)
    if w.shape != (2,):
        raise ValueError(f"expected w of shape (2,), got {w.shape}")
    scale = np.abs(w).max()
    if scale == 0:
        return np.empty((0, 2))
    with np.errstate(over="ignore"):  # dividing by a tiny |w| only moves the line far away
        w, b = w / scale, b / scale  # the same line, with max |w_i| = 1 (w @ w cannot underflow)
    if not np.isfinite(b):
        return np.empty((0, 2))
    p0 = -b * w / (w @ w)
    d = np.array([-w[1], w[0]])
    s_lo, s_hi = -np.inf, np.inf
    for k in range(2):
        if abs(d[k]) <= EPS:  # parallel to this axis, to within rounding (max |w_i| is 1)
            if not lo <= p0[k] <= hi:
                return np.empty((0, 2))
            continue
        s1, s2 = sorted(((lo - p0[k]) / d[k], (hi - p0[k]) / d[k]))
        s_lo, s_hi = max(s_lo, s1), min(s_hi, s2)
    if s_lo >= s_hi:
        return np.empty((0, 2))
    return np.array([p0 + s_lo * d, p0 + s_hi * d])


def solution_slice(t: ArrayLike, b: float, lim: float = 2.0, x: ArrayLike = INPUTS) -> Array:
    """All weights (w1, w2) in [−lim, lim]² for which the perceptron (w, b) outputs t on x.

    A slice at fixed b of the solution region in (w1, w2, b) space. Each input gives one
    linear condition on w: w·x_i + b > 0 where t_i = 1, w·x_i + b <= 0 where t_i = 0, so the
    slice is a convex polygon (a cone in 3-D: scaling (w, b) by any c > 0 keeps the outputs).

    Parameters
    ----------
    t : array_like of {0, 1}, shape (N,)
    b : float
    lim : float
        Half-width of the square of weights considered.
    x : array_like, shape (N, 2)

    Returns
    -------
    ndarray, shape (k, 2): the polygon (its closure); shape (0, 2) when no weights work at
    this b (for XOR: at every b). A slice of zero area counts as empty.
    """
    x, t = np.array(x, dtype=np.float64), np.asarray(t)
    poly = _square(-lim, lim)
    for xi, ti in zip(x, t, strict=True):
        sign = 1.0 if ti == 1 else -1.0
        if not xi.any():  # a = b whatever w is: decide exactly, with y = 0 at a = 0
            if (b > 0) != (ti == 1):
                return np.empty((0, 2))
            continue
        poly = _clip(poly, sign * xi, sign * b)
    # Rounding leaves a sliver of area ~eps·lim² where the true slice is a point or a segment.
    return poly if _area(poly) > 64 * EPS * (2 * lim) ** 2 else np.empty((0, 2))


def _check_labelled(x: ArrayLike, t: ArrayLike) -> tuple[Array, IntArray]:
    x, t = np.array(x, dtype=np.float64), np.array(t)
    if x.ndim != 2 or t.shape != (x.shape[0],):
        raise ValueError(
            f"expected points x of shape (N, n) and labels t of shape (N,), got x {x.shape} and "
            f"t {t.shape}; one label per row of x"
        )
    if not np.isin(t, (0, 1)).all():
        raise ValueError(f"expected labels t in {{0, 1}}, got {np.unique(t).tolist()}")
    return x, t.astype(np.int64)


MAX_SEPARABILITY_POINTS = 16
MAX_ELIMINATION_ROWS = 200_000  # Fourier–Motzkin can square the row count per unknown


def linearly_separable(x: ArrayLike, t: ArrayLike) -> bool:
    """Whether one perceptron can output t on x: is there (w, b) with y = t on every point?

    Parameters
    ----------
    x : array_like, shape (N, n), N <= 16
    t : array_like of {0, 1}, shape (N,)

    Returns
    -------
    bool. AND, OR, NAND: True. XOR: False.

    Notes
    -----
    Exact, by Fourier–Motzkin elimination: with s_i = ±1 for t_i = 1/0, the perceptron exists
    iff the inequalities s_i·(x_i·w + b) >= 1 in v = (w, b) have a solution (the points are
    finitely many, so "> 0 and <= 0" can be scaled to a margin of 1). Eliminating one unknown
    pairs every row with a positive coefficient with every row with a negative one; when all
    are gone, any row left reads 0 >= (a positive number), a contradiction. The row count can
    square at each step, hence the small N.
    """
    x, t = _check_labelled(x, t)
    if len(x) > MAX_SEPARABILITY_POINTS:
        raise ValueError(
            f"the exact test is for at most {MAX_SEPARABILITY_POINTS} points, got {len(x)}; "
            "train_perceptron on more points converges if and only if they are separable"
        )
    sign = np.where(t == 1, 1.0, -1.0)
    rows = sign[:, None] * np.hstack([x, np.ones((len(x), 1))])  # rows @ v >= rhs
    rhs = np.ones(len(x))
    for k in range(rows.shape[1]):
        col = rows[:, k]
        pos, neg = col > 0, col < 0
        p_rows, p_rhs = rows[pos] / col[pos, None], rhs[pos] / col[pos]
        n_rows, n_rhs = rows[neg] / -col[neg, None], rhs[neg] / -col[neg]
        new = (p_rows[:, None, :] + n_rows[None, :, :]).reshape(-1, rows.shape[1])
        rows = np.vstack([rows[~(pos | neg)], new])
        rhs = np.concatenate([rhs[~(pos | neg)], (p_rhs[:, None] + n_rhs[None, :]).ravel()])
        rows[:, k] = 0.0  # eliminated exactly, whatever the rounding
        # Coefficients within rounding of 0 are 0: entries are sums of a few ratios of inputs.
        scale = np.abs(rows).max(axis=1, keepdims=True) + np.abs(rhs)[:, None]
        rows[np.abs(rows) <= 64 * EPS * scale] = 0.0
        if not rows.any(axis=1).all():  # a row 0 >= rhs > 0 already: a contradiction
            return False
        if len(rows) > MAX_ELIMINATION_ROWS:
            raise ValueError(
                f"the exact test grew to {len(rows)} inequalities; use fewer points or "
                "fewer inputs, or run train_perceptron (it converges only on separable data)"
            )
    return len(rows) == 0


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
    x, t = _check_labelled(x, t)
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


@dataclass(frozen=True)
class BestLine:
    """The line that gets the most points right: ``n_correct`` of them, marked in ``correct``."""

    n_correct: int
    w: Array
    b: float
    correct: NDArray[np.bool_]


def best_line(x: ArrayLike, t: ArrayLike) -> BestLine:
    """The best any single perceptron can do on (x, t), with a line that does it.

    Tries the largest subsets of points first; the first one that is linearly separable
    (exact test) gives the count, and the learning rule (from w = 0, b = 0, lr = 1, which
    must converge on separable data) gives the direction w. The bias is then moved to the
    middle of the gap between the two classes along w, so no point sits on the line.
    For XOR: 3 of 4.
    """
    x, t = _check_labelled(x, t)
    for k in range(len(x), 0, -1):
        for subset in combinations(range(len(x)), k):
            idx = list(subset)
            if linearly_separable(x[idx], t[idx]):
                run = train_perceptron(x[idx], t[idx], np.zeros(x.shape[1]), 0.0, 1.0, 1000)
                w, b = run.w[-1], float(run.b[-1])
                score = x[idx] @ w
                if 0 < t[idx].sum() < k:  # both classes: centre b between them
                    b = -0.5 * float(score[t[idx] == 1].min() + score[t[idx] == 0].max())
                correct = perceptron(x, w, b) == t
                return BestLine(int(correct.sum()), w, b, correct)
    raise ValueError("expected at least one point, got none")


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


@dataclass(frozen=True)
class XorTraining:
    """Snapshots of a small MLP learning XOR by backprop.

    Attributes
    ----------
    iters : ndarray of int, shape (F,)
        The iteration of each snapshot (0 = before training).
    loss : ndarray, shape (iterations,)
        Cross-entropy on the four inputs at every iteration (before its update).
    grid : ndarray, shape (G,)
        Coordinates of the grid on both axes.
    prob : ndarray, shape (F, G, G)
        P(y = 1) on the grid, prob[f, i, j] at (x1, x2) = (grid[j], grid[i]).
    y : ndarray, shape (F, 4)
        P(y = 1) at the four ``INPUTS`` at each snapshot.
    accuracy : float
        Fraction of the four inputs classified right at the end.
    """

    iters: IntArray
    loss: Array
    grid: Array
    prob: Array
    y: Array
    accuracy: float


def train_xor_mlp(
    hidden: int = 4,
    activation: str = "sigmoid",
    seed: int = 0,
    lr: float = 0.02,
    iterations: int = 800,
    frames: int = 30,
    lo: float = -0.5,
    hi: float = 1.5,
    grid_size: int = 41,
) -> XorTraining:
    """Train a 2 → hidden → 2 network (``lab.network.MultiLayerNet``, softmax head) on XOR.

    Full batch (the four inputs, targets t = [0, 1, 1, 0]), Adam with learning rate lr,
    seeded weights. Snapshots are spaced geometrically, because the boundary changes most at
    the start. The defaults stop while the weights are still moderate, so the boundary is a
    visible curve (trained much longer, sigmoid units saturate into straight bands).

    Returns
    -------
    XorTraining
    """
    x, t = INPUTS, gate_targets("XOR")
    net = MultiLayerNet(2, [hidden], 2, rng=np.random.default_rng(seed), activation=activation)
    optimizer = Adam(lr=lr)
    grid = np.linspace(lo, hi, grid_size)
    g1, g2 = np.meshgrid(grid, grid)
    points = np.column_stack([g1.ravel(), g2.ravel()])
    snaps = np.unique(np.r_[0, np.geomspace(1, iterations, frames - 1).round()].astype(np.int64))
    loss, prob, y = [], [], []
    for i in range(iterations + 1):
        if i in snaps:
            prob.append(softmax(net.predict(points))[:, 1].reshape(grid_size, grid_size))
            y.append(softmax(net.predict(x))[:, 1])
        if i == iterations:
            break
        grads = net.gradient(x, t)
        loss.append(net.last_loss)
        optimizer.update(net.params, grads)
    return XorTraining(
        iters=snaps,
        loss=np.array(loss),
        grid=grid,
        prob=np.array(prob),
        y=np.array(y),
        accuracy=net.accuracy(x, t),
    )
