"""Gradient check (book §4.5, §5.7.3): numerical against backprop gradient, and their cost.

The book checks its backprop by comparing it with the slow numerical gradient on a few samples
and prints the mean absolute difference per parameter (about 1e-10 for W1). Here the largest
absolute difference is kept, along with how long each method takes.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from lab.network import Net

__all__ = ["GradCheck", "gradient_check", "parameter_count"]


def parameter_count(network: Net) -> int:
    """Number of parameter entries; the numerical gradient evaluates the loss twice for each."""
    return sum(int(p.size) for p in network.params.values())


@dataclass(frozen=True)
class GradCheck:
    """The result of ``gradient_check``.

    Attributes
    ----------
    keys : tuple of str
        Parameter names in order: W1, b1, W2, b2, ...
    shapes : dict[str, tuple]
    max_abs_diff : dict[str, float]
        max |numerical − backprop| over the entries of each parameter.
    max_abs_grad : dict[str, float]
        max |backprop| of each parameter, the scale the difference is compared with.
    numerical_seconds : float
        One full numerical gradient (2 loss evaluations per parameter entry).
    backprop_seconds : float
        One backprop gradient (median of ``repeats`` runs).
    """

    keys: tuple[str, ...]
    shapes: dict[str, tuple[int, ...]]
    max_abs_diff: dict[str, float]
    max_abs_grad: dict[str, float]
    numerical_seconds: float
    backprop_seconds: float

    @property
    def size(self) -> int:
        """Number of parameter entries: the numerical gradient evaluates the loss twice each."""
        return sum(int(np.prod(s)) for s in self.shapes.values())

    @property
    def ratio(self) -> float:
        """How many times slower the numerical gradient is than backprop."""
        return self.numerical_seconds / self.backprop_seconds

    @property
    def worst(self) -> float:
        """The largest difference over all parameters."""
        return max(self.max_abs_diff.values())

    def agrees(self, tol: float = 1e-7) -> bool:
        """Whether every difference is at most ``tol`` times max(1, that parameter's largest
        gradient): the two methods agree far beyond the h = 1e-4 step's own error."""
        return all(self.max_abs_diff[k] <= tol * max(1.0, self.max_abs_grad[k]) for k in self.keys)


def gradient_check(network: Net, x: ArrayLike, t: ArrayLike, repeats: int = 21) -> GradCheck:
    """Compare ``network.numerical_gradient`` with ``network.gradient`` on the batch (x, t).

    Parameters
    ----------
    network : Net
        Without dropout (its masks differ between the two). Its params are left as they were.
    x : array_like, shape (N, ...)
        A few samples: the numerical gradient costs 2 · (number of params) forward passes.
    t : array_like, shape (N,) labels or (N, C) one-hot
    repeats : int
        Backprop takes well under a millisecond, so it is timed ``repeats`` times (median).

    Returns
    -------
    GradCheck

    Notes
    -----
    Central differences with h = 1e-4 have a truncation error of order h² · f''' ≈ 1e-8 times
    the curvature, and a rounding error of order eps / h ≈ 1e-12 (eps = 2.2e-16); on a tiny
    float64 net the differences come out near 1e-10, a sign backprop is right (a bug shows up
    as differences of the size of the gradient itself).
    """
    if repeats < 1:
        raise ValueError(f"expected repeats >= 1, got {repeats}")
    start = time.perf_counter()
    numerical = network.numerical_gradient(x, t)
    numerical_seconds = time.perf_counter() - start
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        backprop = network.gradient(x, t)
        times.append(time.perf_counter() - start)
    backprop = {key: value.copy() for key, value in backprop.items()}
    keys = tuple(network.params)
    return GradCheck(
        keys=keys,
        shapes={k: tuple(network.params[k].shape) for k in keys},
        max_abs_diff={k: float(np.max(np.abs(numerical[k] - backprop[k]))) for k in keys},
        max_abs_grad={k: float(np.max(np.abs(backprop[k]))) for k in keys},
        numerical_seconds=numerical_seconds,
        backprop_seconds=statistics.median(times),
    )
