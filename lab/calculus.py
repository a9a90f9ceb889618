"""Numerical differentiation (book ch. 4.3-4.4): derivatives, tangent lines, gradients.

The central difference (f(x+h) - f(x-h)) / 2h has error O(h²) instead of the forward
difference's O(h), which is why the book (and this module) use it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]

__all__ = [
    "BOOK_DIFFS",
    "diff_error",
    "float_spacing",
    "forward_diff",
    "function_1",
    "function_1_diff",
    "numerical_diff",
    "numerical_gradient",
    "step_lost",
    "tangent_line",
]


BOOK_DIFFS: dict[float, float] = {5.0: 0.1999999999990898, 10.0: 0.2999999999986347}
"""What the book prints for numerical_diff(function_1, x) at x = 5 and x = 10 (true: 0.2, 0.3)."""


def function_1(x: ArrayLike) -> Array | float:
    """The book's example y = 0.01x² + 0.1x (ch. 4.3.2)."""
    return 0.01 * np.asarray(x, dtype=np.float64) ** 2 + 0.1 * np.asarray(x, dtype=np.float64)


def function_1_diff(x: ArrayLike) -> Array | float:
    """Its exact derivative 0.02x + 0.1, the oracle for the numerical one."""
    return 0.02 * np.asarray(x, dtype=np.float64) + 0.1


def numerical_diff(f: Callable, x: ArrayLike, h: float = 1e-4) -> Array | float:
    """Central-difference derivative of a function of one variable.

    Parameters
    ----------
    f : callable
        f(x) -> y, applied elementwise (a numpy ufunc-like function).
    x : float or array_like, any shape
        Where to differentiate; an array gives the derivative at every point.
    h : float
        Step. The book's 1e-4 balances truncation error (∝ h²) against rounding error
        (∝ eps / h); h = 1e-50 underflows in x + h and gives 0 (see the gradient page).

    Returns
    -------
    float or ndarray of float64, same shape as x.

    Examples
    --------
    >>> numerical_diff(lambda x: 0.01 * x**2 + 0.1 * x, 5.0)  # book: 0.1999999999990898
    0.1999999999990898
    """
    x = np.array(x, dtype=np.float64)
    d = (np.asarray(f(x + h), dtype=np.float64) - np.asarray(f(x - h), dtype=np.float64)) / (2 * h)
    return float(d) if d.ndim == 0 else d


def forward_diff(f: Callable, x: ArrayLike, h: float = 1e-4) -> Array | float:
    """Forward-difference derivative (f(x + h) - f(x)) / h: the book's "bad example".

    Parameters
    ----------
    f : callable
        f(x) -> y, applied elementwise.
    x : float or array_like, any shape
    h : float

    Returns
    -------
    float or ndarray of float64, same shape as x.

    Notes
    -----
    Its truncation error is ∝ h (the secant is centred at x + h/2, not at x), against the
    central difference's ∝ h²; kept only to show that difference.
    """
    x = np.array(x, dtype=np.float64)
    d = (np.asarray(f(x + h), dtype=np.float64) - np.asarray(f(x), dtype=np.float64)) / h
    return float(d) if d.ndim == 0 else d


def diff_error(f: Callable, dfdx: Callable, x: float, hs: ArrayLike) -> dict[str, Array]:
    """Absolute error of the central and forward differences at x, for each step h.

    Parameters
    ----------
    f : callable
        The function, elementwise.
    dfdx : callable
        Its exact derivative (the oracle).
    x : float
        Where to differentiate.
    hs : array_like of float, shape (k,)
        Steps to try, e.g. ``np.logspace(-20, 0, 81)``.

    Returns
    -------
    dict with "central" and "forward": ndarray of float64, shape (k,), |estimate - f'(x)|.

    Notes
    -----
    Large h: truncation error (∝ h² central, ∝ h forward). Small h: rounding error
    ∝ eps·|f(x)| / h, because f(x + h) and f(x - h) agree in almost all their digits and
    the subtraction cancels them. Once h is below half the float spacing at x, x + h == x
    and the estimate is exactly 0 (error |f'(x)|).
    """
    hs = np.asarray(hs, dtype=np.float64)
    exact = float(dfdx(float(x)))
    central = np.array([numerical_diff(f, x, h) for h in hs])
    forward = np.array([forward_diff(f, x, h) for h in hs])
    return {"central": np.abs(central - exact), "forward": np.abs(forward - exact)}


def float_spacing(x: ArrayLike) -> Array | float:
    """The gap between x and the next float64 away from zero (``np.spacing(|x|)``).

    Roughly 2.2e-16 · |x|: 8.9e-16 at 5, 0.0039 at 2.6e13. A step h below half of it is lost.
    """
    gap = np.spacing(np.abs(np.asarray(x, dtype=np.float64)))
    return float(gap) if gap.ndim == 0 else gap


def step_lost(x: ArrayLike, h: float) -> NDArray[np.bool_]:
    """Whether x + h rounds back to x in float64, so the difference quotient sees no step.

    Parameters
    ----------
    x : float or array_like
    h : float

    Returns
    -------
    bool or ndarray of bool, x's shape: True where fl(x + h) == x.

    Notes
    -----
    Floats near x are ``np.spacing(x)`` apart (2.2e-16 · |x| roughly); a step below half of
    that is rounded away. 5 + 1e-50 == 5, so the book's h = 1e-50 gives a derivative of 0;
    near 2.6e13 the spacing is 0.0039, so h = 1e-4 is lost too.
    """
    x = np.asarray(x, dtype=np.float64)
    return (x + h) == x


def tangent_line(f: Callable, x: float, h: float = 1e-4) -> Callable[[ArrayLike], Array]:
    """The tangent of f at x, y = f'(x)(t - x) + f(x), as a function of t.

    Parameters
    ----------
    f : callable of one variable
    x : float
        Point of tangency; the slope is numerical_diff(f, x, h).

    Returns
    -------
    callable t -> f'(x) * t + (f(x) - f'(x) * x), for scalars or arrays t.
    """
    x = float(x)
    d = numerical_diff(f, x, h)
    y0 = float(f(x)) - d * x
    return lambda t: d * np.asarray(t, dtype=np.float64) + y0


def _gradient_one(f: Callable, x: Array, h: float) -> Array:
    """Gradient of f at one point x (any shape), one coordinate at a time."""
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        idx = it.multi_index
        tmp = x[idx]
        x[idx] = tmp + h
        fxh1 = float(f(x))
        x[idx] = tmp - h
        fxh2 = float(f(x))
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp  # restore before moving to the next coordinate
    return grad


def numerical_gradient(
    f: Callable, x: ArrayLike, h: float = 1e-4, batch: bool | None = None
) -> Array:
    """Central-difference gradient ∇f(x), the book's interface.

    Parameters
    ----------
    f : callable
        f(x) -> scalar.
    x : array_like
        A point. With the book's interface a 2-D x of shape (N, D) is a batch of N points and
        row i of the result is ∇f(x[i]) — this is what the quiver plot passes. For the weights
        of a network, where x is one 2-D matrix, pass ``batch=False``.
    h : float
        Step of the central difference.
    batch : bool or None
        None (default): 2-D x is a batch, any other rank is one point (the book's rule).

    Returns
    -------
    ndarray of float64 with x's shape.

    Notes
    -----
    Works on a float64 copy, so int input is fine and the caller's array is never modified.
    The book's version writes into x itself: on ``np.array([3, 4])`` (int) it stores x + h
    as 3 and returns [25000, 35000] instead of [6, 8].
    """
    x = np.array(x, dtype=np.float64)
    if batch is None:
        batch = x.ndim == 2
    if batch:
        return np.stack([_gradient_one(f, row, h) for row in x]) if len(x) else x.copy()
    return _gradient_one(f, x, h)
