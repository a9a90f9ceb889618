"""Tests for lab.calculus: the book's printed derivatives and gradients, int input, no mutation."""

import numpy as np
import pytest

from lab.calculus import numerical_diff, numerical_gradient, tangent_line


def function_1(x):
    return 0.01 * x**2 + 0.1 * x


def test_numerical_diff_book_values():
    """The book prints 0.1999999999990898 at x=5 and 0.2999999999986347 at x=10 (true: 0.2, 0.3)."""
    assert numerical_diff(function_1, 5) == 0.1999999999990898
    assert numerical_diff(function_1, 10) == 0.2999999999986347


def test_numerical_diff_vectorised():
    """An array of points gives f'(x) = 0.02x + 0.1 at each (closed form), to ~1e-9."""
    x = np.arange(0.0, 20.0, 0.5)
    np.testing.assert_allclose(numerical_diff(function_1, x), 0.02 * x + 0.1, atol=1e-9)


def test_tiny_h_gives_zero():
    """h = 1e-50 underflows: 5 + 1e-50 == 5 in float64, so the difference quotient is 0."""
    assert numerical_diff(function_1, 5.0, h=1e-50) == 0.0


def test_tangent_line():
    """The tangent at x=5 passes through (5, f(5)) with slope f'(5) = 0.2."""
    tl = tangent_line(function_1, 5.0)
    assert tl(5.0) == pytest.approx(function_1(5.0), abs=1e-12)
    assert tl(6.0) - tl(5.0) == pytest.approx(0.2, abs=1e-9)


def test_gradient_int_input_and_no_mutation():
    """For the int array [3, 4], ∇(x0² + x1²) = [6, 8] (the book's version gives [25000, 35000])."""
    x = np.array([3, 4])
    g = numerical_gradient(lambda v: np.sum(v**2), x)
    np.testing.assert_allclose(g, [6.0, 8.0], rtol=1e-9)
    np.testing.assert_array_equal(x, [3, 4])


def test_gradient_batch_rows():
    """A 2-D input is a batch: row i is the gradient at x[i] (book ch. 4.4 points)."""
    x = np.array([[3.0, 4.0], [0.0, 2.0], [3.0, 0.0]])
    g = numerical_gradient(lambda v: v[0] ** 2 + v[1] ** 2, x)
    np.testing.assert_allclose(g, 2 * x, atol=1e-8)


def test_gradient_matrix_point():
    """batch=False treats a matrix as one point: ∇ of Σ W² is 2W."""
    W = np.arange(6.0).reshape(2, 3)
    g = numerical_gradient(lambda w: np.sum(w**2), W, batch=False)
    np.testing.assert_allclose(g, 2 * W, atol=1e-7)
