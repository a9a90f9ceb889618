"""Tests for lab.calculus: the book's printed derivatives and gradients, int input, no mutation."""

import numpy as np
import pytest

from lab.calculus import (
    BOOK_DIFFS,
    diff_error,
    float_spacing,
    forward_diff,
    function_1_diff,
    numerical_diff,
    numerical_gradient,
    step_lost,
    tangent_line,
)
from lab.calculus import function_1 as lab_function_1


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


def test_forward_diff_error_is_first_order():
    """Forward difference of f = 0.01x² + 0.1x errs by exactly 0.01·h (Taylor: f''/2 · h)."""
    for h in (1e-1, 1e-2):
        assert forward_diff(function_1, 5.0, h) - 0.2 == pytest.approx(0.01 * h, rel=1e-6)


def test_diff_error_shape_of_the_v():
    """Error against h: large at h = 1 (truncation), smallest near 1e-4..1e-6 (central),
    and exactly |f'(x)| = 0.2 once h is below half the float spacing at 5 (4.4e-16)."""
    hs = np.logspace(-20, 0, 21)
    err = diff_error(function_1, lambda x: 0.02 * x + 0.1, 5.0, hs)
    assert err["central"].shape == err["forward"].shape == (21,)
    # A quadratic has no third derivative: the central difference has no truncation error,
    # so at h = 1 it is exact up to rounding, while the forward one is off by 0.01·h = 0.01.
    assert err["central"][-1] < 1e-12
    assert err["forward"][-1] == pytest.approx(0.01, rel=1e-9)
    tiny = hs < np.spacing(5.0) / 2
    np.testing.assert_array_equal(err["central"][tiny], 0.2)
    np.testing.assert_array_equal(err["forward"][tiny], 0.2)
    assert err["central"][hs == 1e-4][0] < 1e-11


def test_step_lost():
    """5 + 1e-50 == 5 (float spacing 8.9e-16) but 5 + 1e-4 != 5; near 2.6e13 the spacing is
    2^-8 = 0.0039, so 1e-4 is lost there too (why lr = 10 stalls)."""
    assert step_lost(5.0, 1e-50)
    assert not step_lost(5.0, 1e-4)
    np.testing.assert_array_equal(step_lost([-2.58983747e13, -1.29524862e12], 1e-4), [True, True])
    assert float_spacing(-2.58983747e13) == 2.0**-8
    assert float_spacing(5.0) == 2.0**-50  # 5 = 1.25 · 2^2, so the gap is 2^(2-52)


def test_lab_function_1_and_book_diffs():
    """lab.function_1 gives the book's printed derivatives; its exact derivative is 0.02x + 0.1."""
    for x, printed in BOOK_DIFFS.items():
        assert numerical_diff(lab_function_1, x) == printed
        assert function_1_diff(x) == pytest.approx(printed, abs=2e-12)
    np.testing.assert_array_equal(lab_function_1(np.arange(5.0)), function_1(np.arange(5.0)))
