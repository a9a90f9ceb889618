"""Activation functions and their derivatives (book ch. 3.2, plus softplus, GELU, tanh, leaky ReLU).

Every function accepts a scalar, a list or an array of any shape (int arrays included) and
returns a new float64 array of the same shape; the caller's array is never modified.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]

__all__ = [
    "ACTIVATIONS",
    "collapse_linear",
    "gelu",
    "gelu_grad",
    "identity_function",
    "identity_grad",
    "leaky_relu",
    "leaky_relu_grad",
    "relu",
    "relu_grad",
    "sigmoid",
    "sigmoid_grad",
    "softmax",
    "softplus",
    "softplus_grad",
    "step_function",
    "step_grad",
    "tanh",
    "tanh_grad",
    "two_layer_1d",
]


def _as_float(x: ArrayLike) -> Array:
    """Coerce at the boundary: a float64 copy, so int input works and the caller's array is safe."""
    return np.array(x, dtype=np.float64)


def step_function(x: ArrayLike) -> Array:
    """Step function: 1 where x > 0, else 0 (the perceptron's activation, a "digital circuit").

    Parameters
    ----------
    x : array_like, any shape

    Returns
    -------
    ndarray of float64, same shape, values in {0, 1}.

    Notes
    -----
    h(x) = 1 if x > 0 else 0. The book returns int; float keeps one dtype across the module.
    """
    return (_as_float(x) > 0).astype(np.float64)


def step_grad(x: ArrayLike) -> Array:
    """Derivative of the step function: 0 everywhere (undefined at 0; we return 0 there too).

    This is why a network of step units cannot learn by gradient descent.
    """
    return np.zeros_like(_as_float(x))


def sigmoid(x: ArrayLike) -> Array:
    """Logistic sigmoid 1 / (1 + exp(-x)), an "analog circuit": smooth, values in (0, 1).

    Parameters
    ----------
    x : array_like, any shape

    Returns
    -------
    ndarray of float64, same shape, values in [0, 1] (exactly 0 or 1 only past |x| ≈ 745 / 37).

    Notes
    -----
    With e = exp(-|x|) ≤ 1, sigmoid is 1 / (1 + e) for x ≥ 0 and e / (1 + e) for x < 0, so exp
    never sees a large positive argument: sigmoid(-1000) is 0.0 with no overflow warning (the
    book's formula warns there), and tiny values keep full precision (sigmoid(-40) ≈ 4.2e-18).
    """
    x = _as_float(x)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0, e) / (1.0 + e)


def sigmoid_grad(x: ArrayLike) -> Array:
    """Derivative of sigmoid: s(x) * (1 - s(x)); its largest value is 0.25, at x = 0."""
    s = sigmoid(x)
    return s * (1.0 - s)


def relu(x: ArrayLike) -> Array:
    """Rectified linear unit max(0, x)."""
    return np.maximum(_as_float(x), 0.0)


def relu_grad(x: ArrayLike) -> Array:
    """Derivative of ReLU: 1 where x > 0, else 0.

    Notes
    -----
    ReLU has a kink at 0, where the derivative is undefined. We pick ReLU'(0) = 0, as the
    book's Relu layer does (its mask is x <= 0) and as PyTorch does.
    """
    return (_as_float(x) > 0).astype(np.float64)


def leaky_relu(x: ArrayLike, alpha: float = 0.01) -> Array:
    """Leaky ReLU: x where x > 0, else alpha * x (a small slope keeps negative units alive)."""
    x = _as_float(x)
    return np.where(x > 0, x, alpha * x)


def leaky_relu_grad(x: ArrayLike, alpha: float = 0.01) -> Array:
    """Derivative of leaky ReLU: 1 where x > 0, else alpha (alpha at the kink x = 0, like ReLU)."""
    return np.where(_as_float(x) > 0, 1.0, alpha)


def tanh(x: ArrayLike) -> Array:
    """Hyperbolic tangent, values in (-1, 1); tanh(x) = 2 sigmoid(2x) - 1."""
    return np.tanh(_as_float(x))


def tanh_grad(x: ArrayLike) -> Array:
    """Derivative of tanh: 1 - tanh(x)^2."""
    return 1.0 - np.tanh(_as_float(x)) ** 2


def identity_function(x: ArrayLike) -> Array:
    """Identity y = x: the book's output activation for regression."""
    return _as_float(x)


def identity_grad(x: ArrayLike) -> Array:
    """Derivative of the identity: 1 everywhere."""
    return np.ones_like(_as_float(x))


def softplus(x: ArrayLike) -> Array:
    """Softplus log(1 + exp(x)), a smooth ReLU.

    Notes
    -----
    Computed as max(x, 0) + log1p(exp(-|x|)), which never overflows (softplus(1000) = 1000).
    """
    x = _as_float(x)
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


def softplus_grad(x: ArrayLike) -> Array:
    """Derivative of softplus: the sigmoid."""
    return sigmoid(x)


_SQRT_2 = math.sqrt(2.0)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
_erf = np.frompyfunc(math.erf, 1, 1)


def _phi_cdf(x: Array) -> Array:
    """Standard normal CDF Φ(x) = (1 + erf(x / √2)) / 2, with the exact erf (no tanh fit)."""
    return 0.5 * (1.0 + np.asarray(_erf(x / _SQRT_2), dtype=np.float64))


def gelu(x: ArrayLike) -> Array:
    """Gaussian error linear unit x Φ(x) (Hendrycks & Gimpel 2016), exact, not the tanh fit."""
    x = _as_float(x)
    return x * _phi_cdf(x)


def gelu_grad(x: ArrayLike) -> Array:
    """Derivative of GELU: Φ(x) + x φ(x), with φ the standard normal density."""
    x = _as_float(x)
    return _phi_cdf(x) + x * _INV_SQRT_2PI * np.exp(-0.5 * x * x)


def softmax(a: ArrayLike) -> Array:
    """Softmax over the last axis: exp(a_k) / Σ_i exp(a_i); a batch (N, C) is done row by row.

    Parameters
    ----------
    a : array_like, shape (C,) or (N, C)
        Scores (logits).

    Returns
    -------
    ndarray of float64, same shape; every row is positive and sums to 1.

    Notes
    -----
    Subtracting the row maximum first (the book's "防止溢出") leaves the result unchanged,
    because softmax(a) = softmax(a - c) for any constant c, and keeps exp() ≤ 1:
    softmax([1010, 1000, 990]) is finite, where the naive formula gives nan.
    """
    a = _as_float(a)
    if a.ndim == 0:
        raise ValueError(
            "softmax expects scores of shape (C,) or (N, C), got a scalar; "
            "wrap it in a list: softmax([a])"
        )
    exp_a = np.exp(a - np.max(a, axis=-1, keepdims=True))
    return exp_a / np.sum(exp_a, axis=-1, keepdims=True)


# Name -> (function, derivative, has_alpha). The page reads this table; tests walk it.
ACTIVATIONS = {
    "step": (step_function, step_grad, False),
    "sigmoid": (sigmoid, sigmoid_grad, False),
    "relu": (relu, relu_grad, False),
    "leaky_relu": (leaky_relu, leaky_relu_grad, True),
    "tanh": (tanh, tanh_grad, False),
    "identity": (identity_function, identity_grad, False),
    "softplus": (softplus, softplus_grad, False),
    "gelu": (gelu, gelu_grad, False),
}


def two_layer_1d(
    x: ArrayLike,
    W1: ArrayLike,
    b1: ArrayLike,
    W2: ArrayLike,
    b2: ArrayLike,
    activation: str = "identity",
    alpha: float = 0.01,
) -> Array:
    """A 1-input, 1-output network with one hidden layer: y = h(x W1 + b1) W2 + b2.

    Parameters
    ----------
    x : array_like, shape (N,)
        Scalar inputs.
    W1 : array_like, shape (1, H);  b1 : shape (H,)
    W2 : array_like, shape (H, 1);  b2 : shape (1,)
    activation : str
        A key of ACTIVATIONS, applied to the hidden layer.

    Returns
    -------
    ndarray, shape (N,): the network's output for each input.

    Notes
    -----
    With the identity as h, the two layers are one: y = x (W1 W2) + (b1 W2 + b2), a line
    (see collapse_linear). Any nonlinear h lets the output bend.
    """
    f, _, has_alpha = ACTIVATIONS[activation]
    kw = {"alpha": alpha} if has_alpha else {}
    x = _as_float(x).reshape(-1, 1)
    a1 = x @ _as_float(W1) + _as_float(b1)
    return (f(a1, **kw) @ _as_float(W2) + _as_float(b2)).ravel()


def collapse_linear(
    W1: ArrayLike, b1: ArrayLike, W2: ArrayLike, b2: ArrayLike
) -> tuple[Array, Array]:
    """The single layer (W, b) equal to two stacked linear layers: W = W1 W2, b = b1 W2 + b2.

    Returns
    -------
    W : ndarray, shape (D_in, D_out);  b : ndarray, shape (D_out,)
    """
    W2 = _as_float(W2)
    return _as_float(W1) @ W2, _as_float(b1) @ W2 + _as_float(b2)
