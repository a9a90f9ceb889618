"""Can one perceptron do it? Linear separability in the plane (book ch. 2.4).

A perceptron outputs t on the points x exactly when a line has every t = 1 point strictly on
one side and every t = 0 point on the other or on it. For finitely many points that happens
exactly when the convex hulls of the two classes do not meet, the picture the page draws: the
four XOR inputs fail because the diagonal (0, 1)-(1, 0) crosses the diagonal (0, 0)-(1, 1).
``best_line`` then asks how many points a single line can get right (XOR: 3 of 4).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations, combinations_with_replacement

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lab.perceptron import check_labelled, perceptron, train_perceptron

Array = NDArray[np.float64]
Point = tuple[Fraction, Fraction]

__all__ = ["BestLine", "best_line", "linearly_separable"]

MAX_SEPARABILITY_POINTS = 16


def _orient(p: Point, q: Point, r: Point) -> Fraction:
    """Twice the signed area of the triangle p, q, r: > 0 turning left, 0 on one line."""
    return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])


def _on_segment(p: Point, q: Point, r: Point) -> bool:
    """Whether p lies on the closed segment q-r (a point when q = r)."""
    return (
        _orient(q, r, p) == 0
        and min(q[0], r[0]) <= p[0] <= max(q[0], r[0])
        and min(q[1], r[1]) <= p[1] <= max(q[1], r[1])
    )


def _in_triangle(p: Point, a: Point, b: Point, c: Point) -> bool:
    """Whether p lies in the closed triangle a, b, c (a segment or a point when it is flat)."""
    if _orient(a, b, c) == 0:
        return _on_segment(p, a, b) or _on_segment(p, b, c) or _on_segment(p, a, c)
    sides = (_orient(a, b, p), _orient(b, c, p), _orient(c, a, p))
    return all(s >= 0 for s in sides) or all(s <= 0 for s in sides)


def _segments_meet(p: Point, q: Point, r: Point, s: Point) -> bool:
    """Whether the closed segments p-q and r-s share a point."""
    d1, d2, d3, d4 = _orient(r, s, p), _orient(r, s, q), _orient(p, q, r), _orient(p, q, s)
    if ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4)):
        return True  # a proper crossing
    return any(
        (_on_segment(p, r, s), _on_segment(q, r, s), _on_segment(r, p, q), _on_segment(s, p, q))
    )


def _hulls_meet(a: list[Point], b: list[Point]) -> bool:
    """Whether the convex hulls of the point sets a and b share a point.

    In the plane two hulls meet exactly when a point of one lies in a triangle of the other
    (or on a segment of it, or on one of its points: the triangle may repeat a vertex) or a
    segment of one crosses a segment of the other: a witness never needs more than 4 points
    (Kirchberger's theorem for d = 2).
    """
    for one, other in ((a, b), (b, a)):
        triangles = combinations_with_replacement(other, 3)
        if any(_in_triangle(p, *tri) for tri in triangles for p in one):
            return True
    return any(_segments_meet(*sa, *sb) for sa in combinations(a, 2) for sb in combinations(b, 2))


def linearly_separable(x: ArrayLike, t: ArrayLike) -> bool:
    """Whether one perceptron can output t on x: is there (w, b) with y = t on every point?

    Parameters
    ----------
    x : array_like, shape (N, 2), N <= 16
        Points in the plane.
    t : array_like of {0, 1}, shape (N,)

    Returns
    -------
    bool
        True exactly when the convex hulls of the t = 1 and the t = 0 points do not meet.
        AND, OR, NAND: True. XOR: False. One class only: True.

    Notes
    -----
    Exact: the coordinates are read as fractions (every float is one), so the orientation
    tests have no rounding. Two disjoint hulls of finitely many points are a positive distance
    apart, and the line midway between them is a perceptron with no point on it.
    """
    x, t = check_labelled(x, t)
    if x.shape[1] != 2:
        raise ValueError(
            f"expected points in the plane, shape (N, 2), got {x.shape}; the hull test is 2-D "
            "(train_perceptron converges on any separable data)"
        )
    if len(x) > MAX_SEPARABILITY_POINTS:
        raise ValueError(
            f"the exact test is for at most {MAX_SEPARABILITY_POINTS} points, got {len(x)}; "
            "train_perceptron on more points converges if and only if they are separable"
        )
    points = [(Fraction(p0), Fraction(p1)) for p0, p1 in x.tolist()]
    ones = [p for p, ti in zip(points, t, strict=True) if ti == 1]
    zeros = [p for p, ti in zip(points, t, strict=True) if ti == 0]
    return not _hulls_meet(ones, zeros)


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
    x, t = check_labelled(x, t)
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
