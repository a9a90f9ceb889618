"""Where a perceptron says 1, drawn in the plane (book ch. 2.3-2.4): polygons for the plots.

``half_plane`` is the region where w·x + b >= 0 inside the plotted square, ``decision_line``
the segment of w·x + b = 0 in it, ``xor_band`` the strip where both first-layer perceptrons of
XOR fire, and ``solution_slice`` the other view: the weights (w1, w2) that realise a gate at a
fixed bias b. All are convex polygons, cut out of a square one half-plane at a time.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lab.perceptron import GATE_PARAMS, INPUTS

Array = NDArray[np.float64]

__all__ = ["decision_line", "half_plane", "solution_slice", "xor_band"]

EPS = float(np.finfo(np.float64).eps)


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
