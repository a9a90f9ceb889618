"""Functions of two variables with analytic gradients, for gradient fields and descent (ch. 4.4).

Every function takes ``x`` whose first axis holds the two coordinates, written like the book's
``function_2``: ``x[0]**2 + x[1]**2``. A point has shape (2,) and gives a float; a grid of
shape (2, H, W) gives an (H, W) array. ``grad`` has the same convention and returns ∂f/∂x0,
∂f/∂x1 stacked on the first axis, so ``numerical_gradient`` can check it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lab.calculus import numerical_gradient

Array = NDArray[np.float64]
Box = tuple[tuple[float, float], tuple[float, float]]

__all__ = [
    "BOOK_GRADIENTS",
    "FUNCTIONS",
    "Function2D",
    "contour_values",
    "evaluate_grid",
    "grid_points",
    "nearest_minimum",
    "numerical_vs_analytic",
    "view_box",
]


@dataclass(frozen=True)
class Function2D:
    """A test function f(x0, x1): its formula, gradient, where to look and where to start.

    Attributes
    ----------
    name : str
        Key in FUNCTIONS (the page shows a translated name).
    f, grad : callable
        f(x) -> value and its exact gradient, for x of shape (2, ...).
    formula : str
        LaTeX, f(x_0,x_1)=... (long ones split over two lines with aligned).
    domain : ((x0_min, x0_max), (x1_min, x1_max))
        The region worth looking at.
    minima : tuple of (x0, x1)
        Every minimum, local ones too; the global ones are those with the lowest f.
        Empty if f has none (the saddle is unbounded below).
    start, lr : the default start point and a learning rate that converges from it.
    log_scale : bool
        Whether f spans many decades, so a contour plot should colour log10(1 + f - min f).
    """

    name: str
    f: Callable[[Array], Array | float]
    grad: Callable[[Array], Array]
    formula: str
    domain: Box
    minima: tuple[tuple[float, float], ...]
    start: tuple[float, float]
    lr: float
    log_scale: bool = False


def function_2(x):
    """The book's f(x0, x1) = x0² + x1² (book ch. 4.4): a round bowl, minimum 0 at the origin."""
    return x[0] ** 2 + x[1] ** 2


def _function_2_grad(x):
    return np.stack([2 * x[0], 2 * x[1]])


def stretched(x):
    """The book's f(x, y) = x²/20 + y² (ch. 6.1): a bowl 20 times shallower along x0."""
    return x[0] ** 2 / 20 + x[1] ** 2


def _stretched_grad(x):
    return np.stack([x[0] / 10, 2 * x[1]])


def rosenbrock(x):
    """Rosenbrock's banana: (1 - x0)² + 100 (x1 - x0²)², minimum 0 at (1, 1) in a curved valley."""
    return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2


def _rosenbrock_grad(x):
    return np.stack([-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2), 200 * (x[1] - x[0] ** 2)])


def himmelblau(x):
    """Himmelblau: (x0² + x1 - 11)² + (x0 + x1² - 7)², four minima of value 0."""
    return (x[0] ** 2 + x[1] - 11) ** 2 + (x[0] + x[1] ** 2 - 7) ** 2


def _himmelblau_grad(x):
    a = x[0] ** 2 + x[1] - 11
    b = x[0] + x[1] ** 2 - 7
    return np.stack([4 * x[0] * a + 2 * b, 2 * a + 4 * x[1] * b])


def saddle(x):
    """A saddle x0² - x1²: the gradient is 0 at the origin, which is no minimum."""
    return x[0] ** 2 - x[1] ** 2


def _saddle_grad(x):
    return np.stack([2 * x[0], -2 * x[1]])


def beale(x):
    """Beale: a flat floor and steep walls, minimum 0 at (3, 0.5)."""
    return (
        (1.5 - x[0] + x[0] * x[1]) ** 2
        + (2.25 - x[0] + x[0] * x[1] ** 2) ** 2
        + (2.625 - x[0] + x[0] * x[1] ** 3) ** 2
    )


def _beale_grad(x):
    a = 1.5 - x[0] + x[0] * x[1]
    b = 2.25 - x[0] + x[0] * x[1] ** 2
    c = 2.625 - x[0] + x[0] * x[1] ** 3
    return np.stack(
        [
            2 * a * (x[1] - 1) + 2 * b * (x[1] ** 2 - 1) + 2 * c * (x[1] ** 3 - 1),
            2 * a * x[0] + 4 * b * x[0] * x[1] + 6 * c * x[0] * x[1] ** 2,
        ]
    )


def six_hump_camel(x):
    """Six-hump camel: six minima; the two global ones are ≈ -1.0316 at ±(0.0898, -0.7126)."""
    return (
        (4 - 2.1 * x[0] ** 2 + x[0] ** 4 / 3) * x[0] ** 2
        + x[0] * x[1]
        + (-4 + 4 * x[1] ** 2) * x[1] ** 2
    )


def _six_hump_camel_grad(x):
    return np.stack(
        [
            8 * x[0] - 8.4 * x[0] ** 3 + 2 * x[0] ** 5 + x[1],
            x[0] - 8 * x[1] + 16 * x[1] ** 3,
        ]
    )


_ALL = (
    Function2D(
        name="function_2",
        f=function_2,
        grad=_function_2_grad,
        formula=r"f(x_0,x_1)=x_0^2+x_1^2",
        domain=((-2.0, 2.0), (-2.0, 2.0)),
        minima=((0.0, 0.0),),
        start=(-3.0, 4.0),
        lr=0.1,
    ),
    Function2D(
        name="stretched",
        f=stretched,
        grad=_stretched_grad,
        formula=r"f(x_0,x_1)=\frac{x_0^2}{20}+x_1^2",
        domain=((-10.0, 10.0), (-5.0, 5.0)),
        minima=((0.0, 0.0),),
        start=(-7.0, 2.0),
        lr=0.9,
    ),
    Function2D(
        name="rosenbrock",
        f=rosenbrock,
        grad=_rosenbrock_grad,
        formula=r"f(x_0,x_1)=(1-x_0)^2+100\,(x_1-x_0^2)^2",
        domain=((-2.0, 2.0), (-1.0, 3.0)),
        minima=((1.0, 1.0),),
        start=(-1.5, 2.0),
        lr=0.001,
        log_scale=True,
    ),
    Function2D(
        name="himmelblau",
        f=himmelblau,
        grad=_himmelblau_grad,
        formula=r"f(x_0,x_1)=(x_0^2+x_1-11)^2+(x_0+x_1^2-7)^2",
        domain=((-5.0, 5.0), (-5.0, 5.0)),
        minima=(
            (3.0, 2.0),
            (-2.80511809, 3.13131252),
            (-3.77931025, -3.28318599),
            (3.58442834, -1.84812653),
        ),
        start=(0.0, 0.0),
        lr=0.01,
        log_scale=True,
    ),
    Function2D(
        name="saddle",
        f=saddle,
        grad=_saddle_grad,
        formula=r"f(x_0,x_1)=x_0^2-x_1^2",
        domain=((-2.0, 2.0), (-2.0, 2.0)),
        minima=(),
        start=(-1.5, 0.01),
        lr=0.1,
    ),
    Function2D(
        name="beale",
        f=beale,
        grad=_beale_grad,
        formula=r"\begin{aligned}f(x_0,x_1)=\;&(1.5-x_0+x_0x_1)^2+(2.25-x_0+x_0x_1^2)^2\\"
        r"&+(2.625-x_0+x_0x_1^3)^2\end{aligned}",
        domain=((-4.5, 4.5), (-4.5, 4.5)),
        minima=((3.0, 0.5),),
        start=(1.0, 1.5),
        lr=0.01,
        log_scale=True,
    ),
    Function2D(
        name="six_hump_camel",
        f=six_hump_camel,
        grad=_six_hump_camel_grad,
        formula=r"\begin{aligned}f(x_0,x_1)=\;&\left(4-2.1x_0^2+\tfrac{x_0^4}{3}\right)x_0^2\\"
        r"&+x_0x_1+(4x_1^2-4)\,x_1^2\end{aligned}",
        domain=((-3.0, 3.0), (-2.0, 2.0)),
        minima=(
            (0.08984201, -0.7126564),
            (-0.08984201, 0.7126564),
            (1.70360671, -0.79608357),
            (-1.70360671, 0.79608357),
            (1.60710475, 0.56865145),
            (-1.60710475, -0.56865145),
        ),
        start=(-2.0, 1.5),
        lr=0.01,
        log_scale=True,
    ),
)
FUNCTIONS: dict[str, Function2D] = {fn.name: fn for fn in _ALL}
"""Name → function. function_2 is the book's; stretched is the book's optimizer-figure bowl."""


BOOK_GRADIENTS: dict[tuple[float, float], tuple[float, float]] = {
    (3.0, 4.0): (6.0, 8.0),
    (0.0, 2.0): (0.0, 4.0),
    (3.0, 0.0): (6.0, 0.0),
}
"""The book's numerical_gradient(function_2, point), as printed (ch. 4.4: "array([6., 8.])")."""


def grid_points(box: Box, n: int) -> tuple[Array, Array, Array]:
    """An n × n grid over box, as axes and as a batch of points.

    Parameters
    ----------
    box : ((x0_min, x0_max), (x1_min, x1_max))
    n : int, n >= 2
        Points per axis: n = 17 on [-2, 2] is the book's step 0.25 (the book's
        ``np.arange(-2, 2.5, 0.25)`` has one more point, 2.25, outside its plot).

    Returns
    -------
    x0s : ndarray, shape (n,)
    x1s : ndarray, shape (n,)
    points : ndarray, shape (n * n, 2)
        Row k is (x0s[k % n], x1s[k // n]): the meshgrid raveled row by row, ready for
        ``numerical_gradient`` (a 2-D input is a batch of points).
    """
    if int(n) != n or n < 2:
        raise ValueError(f"expected n >= 2 points per axis, got {n!r}")
    (a, b), (c, d) = box
    x0s, x1s = np.linspace(a, b, int(n)), np.linspace(c, d, int(n))
    X0, X1 = np.meshgrid(x0s, x1s)
    return x0s, x1s, np.column_stack([X0.ravel(), X1.ravel()])


def evaluate_grid(fn: Function2D, box: Box, n: int) -> tuple[Array, Array, Array]:
    """f on an n × n grid, laid out for a contour or surface plot.

    Returns
    -------
    x0s, x1s : ndarray, shape (n,)
    Z : ndarray, shape (n, n)
        Z[i, j] = f(x0s[j], x1s[i]) (rows follow x1, as plotly's z[y][x]).
    """
    x0s, x1s, _ = grid_points(box, n)
    return x0s, x1s, np.asarray(fn.f(np.stack(np.meshgrid(x0s, x1s))), dtype=np.float64)


def contour_values(fn: Function2D, Z: ArrayLike) -> Array:
    """What a contour plot should colour: Z itself, or log10(1 + Z - min Z) if fn.log_scale.

    Notes
    -----
    Rosenbrock spans 0 to ~2500 on its box; on a linear scale every level line but one
    crowds the walls. The shift by min Z keeps the argument of the log >= 1.
    """
    Z = np.asarray(Z, dtype=np.float64)
    return np.log10(1 + Z - Z.min()) if fn.log_scale else Z


def numerical_vs_analytic(
    fn: Function2D, points: ArrayLike, h: float = 1e-4
) -> tuple[Array, Array, float]:
    """Numerical against analytic gradient at a batch of points.

    Parameters
    ----------
    fn : Function2D
    points : array_like, shape (N, 2)
    h : float
        Step of the central difference.

    Returns
    -------
    numerical : ndarray, shape (N, 2)
        ``numerical_gradient(fn.f, points, h)``, row i = ∇f(points[i]).
    analytic : ndarray, shape (N, 2)
    max_diff : float
        The largest |numerical - analytic| over all entries.
    """
    points = np.array(points, dtype=np.float64)
    if points.ndim != 2 or points.shape[1] != 2:
        raise ValueError(
            f"expected points of shape (N, 2), got {points.shape}; for one point use "
            "np.reshape(x, (1, 2))"
        )
    numerical = numerical_gradient(fn.f, points, h)
    analytic = np.asarray(fn.grad(points.T), dtype=np.float64).T
    return numerical, analytic, float(np.max(np.abs(numerical - analytic), initial=0.0))


def nearest_minimum(fn: Function2D, x: ArrayLike) -> tuple[np.ndarray | None, float]:
    """The listed minimum closest to x and its Euclidean distance (None, inf if fn has none)."""
    if not fn.minima:
        return None, float("inf")
    minima = np.array(fn.minima)
    dist = np.linalg.norm(minima - np.asarray(x, dtype=np.float64), axis=1)
    k = int(np.argmin(dist))
    return minima[k], float(dist[k])


def view_box(fn: Function2D, paths: Sequence[ArrayLike] = (), limit: float = 4.0) -> Box:
    """A plot region centred on fn.domain, grown evenly to hold the paths, at most `limit`
    times as wide.

    Parameters
    ----------
    fn : Function2D
    paths : sequence of array_like, each shape (k, 2)
        Trajectories to show; non-finite rows are ignored.
    limit : float
        How far (in half-widths of the domain, from its centre) the box may grow, so a path
        that runs off to 1e13 does not shrink the picture to a dot.

    Returns
    -------
    ((x0_min, x0_max), (x1_min, x1_max)), each axis symmetric about the domain's centre (the
    minimum of the bowls stays in the middle), with a 5 % margin around the paths, rounded up
    to a whole number of quarter half-widths: a start moved by a slider step leaves the box
    (and the map drawn for it) as it was, and the book's start (-3, 4) on [-2, 2]² gets the
    book's own view, [-3.5, 3.5] × [-4.5, 4.5].
    """
    box = []
    for axis, (lo, hi) in enumerate(fn.domain):
        centre, half = (lo + hi) / 2, (hi - lo) / 2
        reach = half
        for path in paths:
            p = np.asarray(path, dtype=np.float64).reshape(-1, 2)[:, axis]
            p = p[np.isfinite(p)]
            if p.size:
                reach = max(reach, 1.05 * float(np.max(np.abs(p - centre))))
        step = half / 4
        reach = min(math.ceil(reach / step - 1e-9) * step, limit * half)
        box.append((centre - reach, centre + reach))
    return box[0], box[1]
