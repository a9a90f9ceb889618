"""Tests for lab.activations: book values, derivatives vs numerical, stability."""

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lab import activations as A
from lab.calculus import numerical_diff

NAMES = sorted(A.ACTIVATIONS)


def test_sigmoid_book_values():
    """The book prints sigmoid([-1, 1, 2]) = [0.26894142, 0.73105858, 0.88079708]."""
    np.testing.assert_allclose(
        A.sigmoid(np.array([-1.0, 1.0, 2.0])), [0.26894142, 0.73105858, 0.88079708], atol=5e-9
    )


def test_softmax_book_values():
    """The book prints softmax([0.3, 2.9, 4.0]) = [0.01821127, 0.24519181, 0.73659691]."""
    np.testing.assert_allclose(
        A.softmax([0.3, 2.9, 4.0]), [0.01821127, 0.24519181, 0.73659691], atol=5e-9
    )


def test_softmax_large_logits_no_overflow():
    """softmax([1010, 1000, 990]) is finite, silent, and equals its closed form."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = A.softmax([1010, 1000, 990])
    z = 1 + np.exp(-10) + np.exp(-20)
    np.testing.assert_allclose(y, [1 / z, np.exp(-10) / z, np.exp(-20) / z], rtol=1e-12)
    np.testing.assert_allclose(y, [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], rtol=1e-7)


def test_softmax_rowwise_on_batches():
    """A batch (N, C) is normalised row by row: each row equals softmax of that row alone."""
    a = np.array([[0.3, 2.9, 4.0], [1010, 1000, 990]])
    y = A.softmax(a)
    for i in range(2):
        np.testing.assert_allclose(y[i], A.softmax(a[i]), rtol=1e-15)


def test_softmax_rejects_scalar():
    """A scalar has no class axis: ValueError that says how to fix it."""
    with pytest.raises(ValueError, match="softmax"):
        A.softmax(3.0)


@given(
    arrays(
        np.float64, st.tuples(st.integers(1, 5), st.integers(1, 8)), elements=st.floats(-1e4, 1e4)
    )
)
def test_softmax_rows_sum_to_one(a):
    """Every row of softmax is positive-or-zero and sums to 1."""
    y = A.softmax(a)
    assert np.all(y >= 0)
    np.testing.assert_allclose(y.sum(axis=-1), 1.0, rtol=1e-12)


@given(arrays(np.float64, st.integers(1, 8), elements=st.floats(-100, 100)), st.floats(-1e3, 1e3))
def test_softmax_shift_invariant(a, c):
    """softmax(a + c) == softmax(a) for any constant c (why the max-shift is allowed)."""
    np.testing.assert_allclose(A.softmax(a + c), A.softmax(a), rtol=1e-9, atol=1e-12)


def test_sigmoid_extremes_silent():
    """sigmoid(±1000) is exactly 0 and 1 with no overflow warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        np.testing.assert_array_equal(A.sigmoid([-1000.0, 1000.0]), [0.0, 1.0])


def test_relu_grad_at_zero_is_zero():
    """Our documented convention at the kink: ReLU'(0) = 0 (and leaky ReLU'(0) = alpha)."""
    assert A.relu_grad(0.0) == 0.0
    assert A.leaky_relu_grad(0.0, alpha=0.1) == pytest.approx(0.1)


@pytest.mark.parametrize("name", NAMES)
def test_input_forms(name):
    """Scalars, lists, int arrays and 3-D arrays all work; shape kept; caller's array untouched."""
    f, df, _ = A.ACTIVATIONS[name]
    x = np.arange(-3, 3).reshape(2, 3, 1)  # int array, 3-D
    before = x.copy()
    for g in (f, df):
        assert g(x).shape == x.shape
        assert g(x).dtype == np.float64
        assert np.ndim(g(2)) == 0
        np.testing.assert_allclose(g([-1, 2]), g(np.array([-1.0, 2.0])))
    np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize("name", NAMES)
def test_derivative_matches_numerical(name):
    """Each analytic derivative equals the central difference in float64 (away from kinks)."""
    f, df, has_alpha = A.ACTIVATIONS[name]
    x = np.linspace(-4.0, 4.0, 161)
    x = x[np.abs(x) > 1e-3]  # step/ReLU have a kink at 0
    kw = {"alpha": 0.2} if has_alpha else {}
    num = numerical_diff(lambda v: f(v, **kw), x, h=1e-6)
    np.testing.assert_allclose(df(x, **kw), num, rtol=1e-6, atol=1e-8)


def test_closed_forms():
    """tanh = 2σ(2x) - 1; softplus' = σ; GELU(1) = Φ(1) = 0.8413447460685429."""
    x = np.linspace(-5, 5, 11)
    np.testing.assert_allclose(A.tanh(x), 2 * A.sigmoid(2 * x) - 1, atol=1e-15)
    assert A.gelu(1.0) == pytest.approx(0.8413447460685429, rel=1e-15)
    assert A.softplus(1000.0) == 1000.0
    assert A.sigmoid_grad(0.0) == 0.25


def test_linear_layers_collapse():
    """Two identity layers equal the single layer W1 W2, b1 W2 + b2 (a line), to rounding."""
    rng = np.random.default_rng(1)
    W1, b1 = rng.normal(size=(1, 3)), rng.normal(size=3)
    W2, b2 = rng.normal(size=(3, 1)), rng.normal(size=1)
    x = np.linspace(-5, 5, 41)
    W, b = A.collapse_linear(W1, b1, W2, b2)
    np.testing.assert_allclose(
        A.two_layer_1d(x, W1, b1, W2, b2), x * W[0, 0] + b[0], rtol=1e-12, atol=1e-12
    )
    y = A.two_layer_1d(x, W1, b1, W2, b2, activation="sigmoid")
    second_diff = np.diff(y, 2)
    assert np.max(np.abs(second_diff)) > 1e-3  # the sigmoid network bends: not a line
