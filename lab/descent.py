"""Gradient descent (book ch. 4.4.1) and the ch. 6 optimizers, walking a function of x.

``gradient_descent`` is the book's function: repeat x ← x − lr · ∇f(x). It runs through
``optimize`` with ``lab.optimizers.SGD``, the same update the network trains with, so the
optimizer comparison (Momentum, AdaGrad, Adam ...) is one loop with another optimizer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lab.calculus import numerical_gradient
from lab.functions2d import Function2D, nearest_minimum
from lab.optimizers import OPTIMIZERS, SGD, Optimizer

Array = NDArray[np.float64]

__all__ = [
    "BOOK_OPTIMIZER_LRS",
    "BOOK_RUNS",
    "BOUND",
    "Descent",
    "compare_optimizers",
    "gradient_descent",
    "lr_grid",
    "optimize",
    "verdict",
]

BOUND = 1e8
"""A run stops (diverged) once some coordinate's magnitude passes this."""

BOOK_RUNS: dict[float, tuple[float, float]] = {
    0.1: (-6.1e-10, 8.1e-10),
    10.0: (-2.58983747e13, -1.29524862e12),
    1e-10: (-2.99999994, 3.99999992),
}
"""What the book prints for gradient_descent(function_2, init_x=[-3.0, 4.0], lr, step_num=100)."""

BOOK_OPTIMIZER_LRS: dict[str, float] = {
    "SGD": 0.95,
    "Momentum": 0.1,
    "Nesterov": 0.1,
    "AdaGrad": 1.5,
    "RMSprop": 0.3,
    "Adam": 0.3,
}
"""Learning rates of the book's ch. 6 figure (f = x²/20 + y², start (-7, 2), 30 steps).

The figure has SGD, Momentum, AdaGrad and Adam; Nesterov and RMSprop are not in it and take
the rate of their nearest relative (Momentum, Adam).
"""


@dataclass(frozen=True)
class Descent:
    """One run. Unpacks like the book's result: ``x, history = gradient_descent(...)``.

    Attributes
    ----------
    x : ndarray, shape (2,)
        Where the run stopped (may be inf or nan if it blew up).
    history : ndarray, shape (k + 1, 2)
        history[i] = x after i steps; history[0] = init_x. Only finite points are kept.
    loss : ndarray, shape (k + 1,)
        f at each history point.
    diverged_at : int or None
        The step at which x became non-finite or left ``bound``; None if it did not.
    """

    x: Array
    history: Array
    loss: Array
    diverged_at: int | None

    @property
    def travelled(self) -> float:
        """Straight-line distance from the start to the last finite point."""
        return float(np.linalg.norm(self.history[-1] - self.history[0]))

    def __iter__(self) -> Iterator[Array]:
        yield self.x
        yield self.history


def optimize(
    f: Callable,
    init_x: ArrayLike,
    optimizer: Optimizer,
    step_num: int = 100,
    *,
    grad: Callable | None = None,
    h: float = 1e-4,
    bound: float | None = BOUND,
) -> Descent:
    """Walk downhill from init_x with ``optimizer.update(params, grads)`` for step_num steps.

    Parameters
    ----------
    f : callable
        f(x) -> float for a point x of shape (n,).
    init_x : array_like, shape (n,)
        The start; copied (as float64), never modified.
    optimizer : lab.optimizers.Optimizer
        E.g. ``SGD(lr=0.1)``; it updates ``params = {"x": x}`` in place.
    step_num : int, >= 0
    grad : callable or None
        The exact gradient, grad(x) -> shape (n,). None: ``numerical_gradient(f, x, h)``,
        as the book does.
    h : float
        Step of the numerical gradient.
    bound : float or None
        Stop when some |x_i| > bound (None: only inf/nan stop the run).

    Returns
    -------
    Descent

    Notes
    -----
    Overflow is expected when a run diverges, so numpy's overflow warnings are silenced and
    the run stops at the first non-finite x instead.
    """
    x = np.array(init_x, dtype=np.float64)
    if x.ndim != 1:
        raise ValueError(f"expected init_x of shape (n,), got shape {x.shape}; try np.ravel")
    if int(step_num) != step_num or step_num < 0:
        raise ValueError(f"expected a whole number of steps >= 0, got step_num={step_num!r}")
    params = {"x": x}
    history = [x.copy()]
    diverged_at = None
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(1, int(step_num) + 1):
            g = grad(x) if grad is not None else numerical_gradient(f, x, h)
            optimizer.update(params, {"x": np.asarray(g, dtype=np.float64)})
            finite = bool(np.all(np.isfinite(x)))
            if finite:
                history.append(x.copy())
            if not finite or (bound is not None and np.max(np.abs(x)) > bound):
                diverged_at = step
                break
        loss = np.array([f(p) for p in history], dtype=np.float64)
    return Descent(x.copy(), np.array(history), loss, diverged_at)


def gradient_descent(
    f: Callable,
    init_x: ArrayLike,
    lr: float = 0.01,
    step_num: int = 100,
    *,
    grad: Callable | None = None,
    bound: float | None = BOUND,
) -> Descent:
    """The book's gradient descent: x ← x − lr · ∇f(x), step_num times.

    Parameters
    ----------
    f : callable
        f(x) -> float.
    init_x : array_like, shape (n,)
        Never modified (the book's version writes into it).
    lr : float, > 0
        Learning rate.
    step_num : int
    grad, bound
        As in ``optimize``. The book has no bound: pass ``bound=None`` to reproduce lr = 10.

    Returns
    -------
    Descent, which unpacks as ``x, history``.

    Notes
    -----
    On a quadratic f = x0² + x1² with the exact gradient 2x, each step multiplies x by
    (1 − 2 lr): x_k = (1 − 2 lr)^k x_0. It shrinks for 0 < lr < 1 and grows for lr > 1.

    Examples
    --------
    >>> from lab.functions2d import function_2
    >>> x, history = gradient_descent(function_2, [-3.0, 4.0], lr=0.1, step_num=100)
    >>> x  # the book: [-6.1e-10, 8.1e-10]
    array([-6.11110793e-10,  8.14814391e-10])
    """
    return optimize(f, init_x, SGD(lr), step_num, grad=grad, bound=bound)


def compare_optimizers(
    f: Callable,
    init_x: ArrayLike,
    lrs: Mapping[str, float],
    step_num: int = 30,
    *,
    grad: Callable | None = None,
    bound: float | None = BOUND,
) -> dict[str, Descent]:
    """Run each named optimizer (``OPTIMIZERS[name](lr)``, book defaults otherwise) from init_x.

    Returns
    -------
    dict name -> Descent, in the order of lrs.
    """
    unknown = sorted(set(lrs) - set(OPTIMIZERS))
    if unknown:
        raise ValueError(f"unknown optimizers {unknown}; expected names from {list(OPTIMIZERS)}")
    return {
        name: optimize(f, init_x, OPTIMIZERS[name](lr), step_num, grad=grad, bound=bound)
        for name, lr in lrs.items()
    }


def verdict(
    fn: Function2D, run: Descent, bound: float = BOUND, tol: float = 1e-3
) -> tuple[str, int | None]:
    """What happened in a run, for a sentence on the page.

    Parameters
    ----------
    fn : Function2D
        The function the run walked on (its listed minima are the targets).
    run : Descent
    bound : float
        A run that passed this (|x_i| > bound) diverged, even one made with ``bound=None``.
    tol : float
        "At a minimum" means within this Euclidean distance of it.

    Returns
    -------
    (kind, step):
        ("diverged", k)      x left ``bound`` (or became inf/nan) at step k;
        ("converged", k)     the run ends within tol of a global minimum, first (and for good)
                             from step k;
        ("local", k)         the same at a minimum that is not global;
        ("barely_moved", None)  it travelled less than tol × its distance to the nearest
                             minimum (or less than tol, if fn has none);
        ("moving", None)     none of these: still on its way, or oscillating.
    """
    if run.diverged_at is not None:
        return "diverged", run.diverged_at
    out = np.flatnonzero(np.max(np.abs(run.history), axis=1) > bound)
    if out.size:
        return "diverged", int(out[0])
    minimum, dist = nearest_minimum(fn, run.history[-1])
    if dist < tol:
        far = np.flatnonzero(np.linalg.norm(run.history - minimum, axis=1) >= tol)
        step = int(far[-1] + 1) if far.size else 0
        lowest = min(float(fn.f(np.array(m))) for m in fn.minima)
        return ("converged" if fn.f(minimum) <= lowest + tol else "local"), step
    _, start_dist = nearest_minimum(fn, run.history[0])
    if run.travelled < tol * (start_dist if np.isfinite(start_dist) else 1.0):
        return "barely_moved", None
    return "moving", None


def lr_grid(*extra: float, lo: int = -10, hi: int = 2) -> list[float]:
    """Learning rates 1, 2, 5 × 10^e for e in [lo, hi), then 10^hi, plus extra values; sorted.

    Notes
    -----
    Built from decimal strings (float("2e-10")), so each value is the float nearest its
    decimal name and 0.1 on the slider is exactly the 0.1 of the book's call.
    """
    grid = {float(f"{m}e{e}") for e in range(lo, hi) for m in (1, 2, 5)}
    grid.add(float(f"1e{hi}"))
    return sorted(grid | {float(v) for v in extra})
