"""Array shapes (book ch. 3.3-3.6): what np.dot, @, + and * do to shapes, and the forward pass.

``check_shapes`` asks numpy itself what an operation gives (or which error it raises) and
says which axes clash and which small change (transpose, reshape, new axis) makes it work.
``stretch`` shows broadcasting as copies. ``init_network``/``forward`` are the book's
three-layer network; ``layer_shapes`` is the MNIST network's shape flow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lab.activations import identity_function, sigmoid

Array = NDArray[np.float64]
Shape = tuple[int, ...]

__all__ = [
    "BOOK_MAT",
    "BOOK_VEC",
    "BOOK_X",
    "BOOK_Y",
    "COMMON_COMMENTS",
    "EXAMPLE_A",
    "EXAMPLE_B",
    "MNIST_SIZES",
    "OPS",
    "Fix",
    "Layer",
    "ShapeCheck",
    "check_printed",
    "check_shapes",
    "describe",
    "dot_cell",
    "example_arrays",
    "forward",
    "forward_steps",
    "init_network",
    "layer_shapes",
    "stretch",
    "totals",
]

EXAMPLE_A = np.array([[1, 2, 3], [4, 5, 6]])
EXAMPLE_B = np.array([[7, 8], [9, 10], [11, 12]])
"""A 2x3 and a 3x2 to multiply by hand: np.dot(EXAMPLE_A, EXAMPLE_B) = [[58, 64], [139, 154]]."""

BOOK_VEC = np.array([1, 2])
BOOK_MAT = np.array([[1, 3, 5], [2, 4, 6]])
"""The book's "inner product of a neural network" (§3.3.3): np.dot(BOOK_VEC, BOOK_MAT) =
[5, 11, 17], shape (3,). A common mistake calls it "1 x 2 times 2 x 3 gives 1 x 3", but a
1-D array has no row axis: the result is 1-D too, not (1, 3)."""

OPS: dict[str, Callable] = {
    "dot": np.dot,
    "matmul": np.matmul,
    "add": np.add,
    "mul": np.multiply,
}
_CODE = {"dot": "np.dot({a}, {b})", "matmul": "{a} @ {b}", "add": "{a} + {b}", "mul": "{a} * {b}"}


def describe(a: ArrayLike) -> dict[str, object]:
    """The four attributes the book prints: ndim, shape, dtype (its name) and size.

    Returns
    -------
    dict with keys "ndim" (int), "shape" (tuple), "dtype" (str), "size" (int = product of shape).
    """
    a = np.asarray(a)
    return {"ndim": a.ndim, "shape": a.shape, "dtype": a.dtype.name, "size": a.size}


def dot_cell(a: ArrayLike, b: ArrayLike, i: int, j: int) -> tuple[NDArray, NDArray, object]:
    """The pieces of one entry of a matrix product: c[i, j] = Σ_k a[i, k] · b[k, j].

    Parameters
    ----------
    a : array_like, shape (n, k);  b : array_like, shape (k, m)
    i, j : int
        Row of a and column of b.

    Returns
    -------
    pairs : ndarray, shape (k, 2)
        (a[i, k], b[k, j]) for every k: row i of a beside column j of b.
    products : ndarray, shape (k,)
    total : scalar, the sum of products, equal to np.dot(a, b)[i, j].
    """
    a, b = np.asarray(a), np.asarray(b)
    if a.ndim != 2 or b.ndim != 2 or a.shape[1] != b.shape[0]:
        raise ValueError(
            f"expected matrices of shapes (n, k) and (k, m), got {a.shape} and {b.shape}"
        )
    pairs = np.column_stack([a[i, :], b[:, j]])
    products = pairs[:, 0] * pairs[:, 1]
    return pairs, products, products.sum()


@dataclass(frozen=True)
class Fix:
    """One way to make an operation work: the code, what kind of change, the result's shape."""

    code: str
    kind: str  # "transpose_a", "transpose_b", "swap", "reshape_a", "reshape_b", "axis_a", "axis_b"
    shape: Shape


@dataclass(frozen=True)
class ShapeCheck:
    """What numpy does with arrays of two shapes under one operation.

    Attributes
    ----------
    shape : tuple or None
        The result's shape, or None when numpy raises.
    error : str or None
        numpy's own error message.
    reason : str or None
        On error: "inner" (the summed axes differ), "scalar" (@ with a 0-D operand),
        "batch" (@'s stacked axes do not broadcast) or "broadcast" (+, * shapes clash).
        On success: "scalar" for np.dot with a 0-D operand (a plain product), else None.
    a_axis, b_axis : int or None
        The axis of each operand that clashes (error) or is summed over (dot/@ success),
        counted from 0 in that operand's own shape.
    a_size, b_size : int or None
        Their lengths.
    fixes : tuple of Fix
        Changes that make the operation work, simplest first (at most three).
    """

    op: str
    a_shape: Shape
    b_shape: Shape
    shape: Shape | None
    error: str | None
    reason: str | None
    a_axis: int | None
    b_axis: int | None
    a_size: int | None
    b_size: int | None
    fixes: tuple[Fix, ...]


def _run(op: str, a_shape: Shape, b_shape: Shape) -> tuple[Shape | None, str | None]:
    try:
        return OPS[op](np.zeros(a_shape), np.zeros(b_shape)).shape, None
    except ValueError as exc:
        return None, str(exc)


def _clash(a_shape: Shape, b_shape: Shape) -> tuple[int, int] | None:
    """The first pair of axes, from the right, that broadcasting cannot match."""
    for k in range(1, min(len(a_shape), len(b_shape)) + 1):
        m, n = a_shape[-k], b_shape[-k]
        if m != n and 1 not in (m, n):
            return len(a_shape) - k, len(b_shape) - k
    return None


def _new_axis(name: str, shape: Shape) -> str:
    return f"{name}[:, np.newaxis]" if len(shape) == 1 else f"{name}[..., np.newaxis]"


def _candidates(op: str, a: Shape, b: Shape) -> list[tuple[str, str, Shape, Shape]]:
    """(kind, code, new a shape, new b shape) for the usual one-step repairs, simplest first."""
    code = _CODE[op].format
    out = []
    if op in ("add", "mul"):  # make the 1-D (or shorter) operand a column
        if len(b) >= 1:
            out.append(("axis_b", code(a="A", b=_new_axis("B", b)), a, (*b, 1)))
        if len(a) >= 1:
            out.append(("axis_a", code(a=_new_axis("A", a), b="B"), (*a, 1), b))
    if len(b) >= 2:
        out.append(("transpose_b", code(a="A", b="B.T"), a, b[::-1]))
    if len(a) >= 2:
        out.append(("transpose_a", code(a="A.T", b="B"), a[::-1], b))
    if op in ("dot", "matmul"):
        out.append(("swap", code(a="B", b="A"), b, a))
        k, size_b = (a[-1] if a else 0), int(np.prod(b))
        if k and b and size_b % k == 0:
            new_b = (k, size_b // k)
            out.append(("reshape_b", code(a="A", b=f"B.reshape{new_b}"), a, new_b))
    elif b and int(np.prod(a)) == int(np.prod(b)):
        out.append(("reshape_a", code(a=f"A.reshape{b}", b="B"), b, b))
    return out


def check_shapes(a_shape: Shape, b_shape: Shape, op: str) -> ShapeCheck:
    """Run op on zero arrays of the two shapes and explain the outcome.

    Parameters
    ----------
    a_shape, b_shape : tuple of int
        Shapes of A and B, 0-D ``()`` to any number of axes.
    op : {"dot", "matmul", "add", "mul"}
        np.dot(A, B), A @ B, A + B or A * B.

    Returns
    -------
    ShapeCheck

    Notes
    -----
    The result shape and the error come from numpy itself, so they are right by construction;
    the explanation applies the rules: np.dot and @ sum A's last axis against B's
    second-to-last (its only axis when B is 1-D), so those two lengths must be equal; @ also
    broadcasts the axes before the last two ("a stack of matrices"); + and * broadcast: shapes
    are compared from the right, and two lengths match when they are equal or one is 1.
    """
    if op not in OPS:
        raise ValueError(f"expected op in {sorted(OPS)}, got {op!r}")
    a_shape, b_shape = tuple(int(n) for n in a_shape), tuple(int(n) for n in b_shape)
    shape, error = _run(op, a_shape, b_shape)
    reason = a_axis = b_axis = None
    if op in ("dot", "matmul"):
        if not a_shape or not b_shape:
            reason = "scalar"
        else:
            a_axis, b_axis = len(a_shape) - 1, max(len(b_shape) - 2, 0)
            if error and a_shape[a_axis] == b_shape[b_axis]:
                reason = "batch"
                a_axis, b_axis = _clash(a_shape[:-2], b_shape[:-2]) or (None, None)
            elif error:
                reason = "inner"
    elif error:
        reason = "broadcast"
        a_axis, b_axis = _clash(a_shape, b_shape) or (None, None)
    fixes: list[Fix] = []
    # A repair that adds axes beyond the inputs' (e.g. (2, 3) + (2,) -> (2, 3, 2)) runs but
    # computes something else; offer only results with at most max(A.ndim, B.ndim, 2) axes.
    most = max(len(a_shape), len(b_shape), 2)
    for kind, code, new_a, new_b in _candidates(op, a_shape, b_shape) if error else []:
        new_shape, new_error = _run(op, new_a, new_b)
        if new_error is None and len(new_shape) <= most and len(fixes) < 3:
            fixes.append(Fix(code, kind, new_shape))
    return ShapeCheck(
        op=op,
        a_shape=a_shape,
        b_shape=b_shape,
        shape=shape,
        error=error,
        reason=reason,
        a_axis=a_axis,
        b_axis=b_axis,
        a_size=None if a_axis is None else a_shape[a_axis],
        b_size=None if b_axis is None else b_shape[b_axis],
        fixes=tuple(fixes),
    )


def example_arrays(a_shape: Shape, b_shape: Shape) -> tuple[NDArray, NDArray]:
    """Small integer arrays to draw: A = 1, 2, 3, ... and B = 10, 20, 30, ... in C order."""
    a = np.arange(1, int(np.prod(a_shape)) + 1).reshape(a_shape)
    b = 10 * np.arange(1, int(np.prod(b_shape)) + 1).reshape(b_shape)
    return a, b


def stretch(x: ArrayLike, shape: Shape) -> tuple[NDArray, NDArray[np.bool_]]:
    """Broadcast x to shape and mark which entries are copies (not in x itself).

    Parameters
    ----------
    x : array_like
    shape : tuple of int
        A shape x broadcasts to (missing leading axes count as length 1).

    Returns
    -------
    values : ndarray, ``shape``
        np.broadcast_to(x, shape), as a writable copy.
    copy : ndarray of bool, ``shape``
        True where the value was repeated along a stretched axis (index > 0 on an axis
        where x had length 1), False on x's own entries.
    """
    x = np.asarray(x)
    values = np.broadcast_to(x, shape).copy()
    padded = (1,) * (len(shape) - x.ndim) + x.shape
    copy = np.zeros(shape, dtype=bool)
    for axis, (n_in, n_out) in enumerate(zip(padded, shape, strict=True)):
        if n_in == 1 and n_out > 1:
            along = np.arange(n_out) > 0
            copy |= along.reshape([-1 if k == axis else 1 for k in range(len(shape))])
    return values, copy


# -- the book's three-layer network (ch. 3.4) ---------------------------------------------

BOOK_X = np.array([1.0, 0.5])

COMMON_COMMENTS = {
    "A1": np.array([0.3, 0.7, 1.1]),
    "Z1": np.array([0.57444252, 0.66818777, 0.75026011]),
    "A2": np.array([0.4, 0.8]),
    "Z2": np.array([0.59868766, 0.68997448]),
    "A3": np.array([0.42336002, 0.78658716]),
    "Z3": np.array([0.60451623, 0.68621873]),
}
"""The values a widely copied version of this script writes in its comments for x = [1.0, 0.5].
A1 and Z1 are right (the book prints them); A2 is not what the code computes, Z2 is sigmoid
of that wrong A2, and A3 and Z3 are wrong too."""

BOOK_Y = np.array([0.31682708, 0.69627909])
"""The book's printed output of forward(network, [1.0, 0.5]) (identity output layer)."""


def init_network() -> dict[str, Array]:
    """The book's hand-picked weights: W1 (2, 3), b1 (3,), W2 (3, 2), b2 (2,),
    W3 (2, 2), b3 (2,)."""
    return {
        "W1": np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]),
        "b1": np.array([0.1, 0.2, 0.3]),
        "W2": np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]),
        "b2": np.array([0.1, 0.2]),
        "W3": np.array([[0.1, 0.3], [0.2, 0.4]]),
        "b3": np.array([0.1, 0.2]),
    }


def forward_steps(network: dict[str, Array], x: ArrayLike) -> dict[str, Array]:
    """Every intermediate of the three-layer forward pass, by the book's names.

    Parameters
    ----------
    network : dict from ``init_network``
    x : array_like, shape (2,) or (N, 2)

    Returns
    -------
    dict with A1 = x·W1 + b1 and Z1 = sigmoid(A1) (shape (3,) or (N, 3)), A2, Z2 (2 or
    (N, 2)), A3 = Z2·W3 + b3, Y = identity_function(A3) (the book's output), and
    Z3 = sigmoid(A3), which a common version of the script prints but the book does not use.
    """
    x = np.array(x, dtype=np.float64)
    steps = {"A1": x @ network["W1"] + network["b1"]}
    steps["Z1"] = sigmoid(steps["A1"])
    steps["A2"] = steps["Z1"] @ network["W2"] + network["b2"]
    steps["Z2"] = sigmoid(steps["A2"])
    steps["A3"] = steps["Z2"] @ network["W3"] + network["b3"]
    steps["Y"] = identity_function(steps["A3"])
    steps["Z3"] = sigmoid(steps["A3"])
    return steps


def forward(network: dict[str, Array], x: ArrayLike) -> Array:
    """The book's forward pass: sigmoid hidden layers, identity output. Shape (2,) or (N, 2).

    forward(init_network(), [1.0, 0.5]) = [0.31682708, 0.69627909] (the book's value).
    """
    return forward_steps(network, x)["Y"]


def check_printed(
    steps: dict[str, Array], printed: dict[str, ArrayLike] = COMMON_COMMENTS
) -> dict[str, bool]:
    """For each printed value, whether it agrees with the computed one to the digits shown.

    The comments print 8 decimals, so agreement means |printed − computed| <= 5e-9 (half a unit
    in the last printed place) for every entry.
    """
    return {
        name: bool(np.all(np.abs(np.asarray(value) - steps[name]) <= 5e-9))
        for name, value in printed.items()
    }


# -- the MNIST network's shapes (book ch. 3.6) ---------------------------------------------

MNIST_SIZES = (784, 50, 100, 10)


@dataclass(frozen=True)
class Layer:
    """One affine layer of a batch forward pass: x (N, d_in) · W (d_in, d_out) + b → (N, d_out).

    ``params`` = d_in·d_out + d_out (weights plus biases); ``mult_adds`` = N·d_in·d_out, the
    multiply-adds of the matrix product (the bias adds and activations are not counted).
    """

    x_shape: Shape
    W_shape: Shape
    b_shape: Shape
    out_shape: Shape
    params: int
    mult_adds: int


def layer_shapes(batch_size: int, sizes: tuple[int, ...] = MNIST_SIZES) -> list[Layer]:
    """The shape flow of a fully connected network on a batch of ``batch_size`` inputs.

    For the book's MNIST network (784 → 50 → 100 → 10) and N inputs: (N, 784) · (784, 50) →
    (N, 50) · (50, 100) → (N, 100) · (100, 10) → (N, 10); 45,360 parameters whatever N is,
    and 45,200·N multiply-adds.
    """
    if batch_size < 1:
        raise ValueError(f"expected a batch size >= 1, got {batch_size}")
    n = int(batch_size)
    return [
        Layer(
            (n, d_in), (d_in, d_out), (d_out,), (n, d_out), d_in * d_out + d_out, n * d_in * d_out
        )
        for d_in, d_out in pairwise(sizes)
    ]


def totals(layers: list[Layer]) -> tuple[int, int]:
    """(parameters, multiply-adds) of the whole network: the sums over its layers."""
    return sum(layer.params for layer in layers), sum(layer.mult_adds for layer in layers)
