"""Tests for lab.functions2d: analytic gradients against numerical ones, minima, grids, view box."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lab.calculus import numerical_gradient
from lab.functions2d import (
    BOOK_GRADIENTS,
    FUNCTIONS,
    contour_values,
    evaluate_grid,
    grid_points,
    nearest_minimum,
    numerical_vs_analytic,
    view_box,
)

NAMES = list(FUNCTIONS)


def test_the_library():
    """The issue's functions are all there, each with a LaTeX formula and a default start."""
    assert {"function_2", "stretched", "rosenbrock", "himmelblau", "saddle"} <= set(NAMES)
    assert {"beale", "six_hump_camel"} & set(NAMES)
    for fn in FUNCTIONS.values():
        assert "f(x_0,x_1)=" in fn.formula
        assert len(fn.start) == 2 and fn.lr > 0


def test_hand_worked_values():
    """Values worked by hand: 3² + 4² = 25; 10²/20 + 1 = 6; Rosenbrock(0, 0) = 1;
    Himmelblau(0, 0) = 121 + 49 = 170; saddle(1, 2) = -3; Beale(0, 0) = 1.5² + 2.25² + 2.625²
    = 14.203125; camel(1, 1) = (4 - 2.1 + 1/3) + 1 + 0 = 3.2333..."""
    f = {name: fn.f for name, fn in FUNCTIONS.items()}
    assert f["function_2"](np.array([3.0, 4.0])) == 25.0
    assert f["stretched"](np.array([10.0, 1.0])) == 6.0
    assert f["rosenbrock"](np.array([0.0, 0.0])) == 1.0
    assert f["himmelblau"](np.array([0.0, 0.0])) == 170.0
    assert f["saddle"](np.array([1.0, 2.0])) == -3.0
    assert f["beale"](np.array([0.0, 0.0])) == 14.203125
    assert f["six_hump_camel"](np.array([1.0, 1.0])) == pytest.approx(4 - 2.1 + 1 / 3 + 1)


@pytest.mark.parametrize("name", NAMES)
def test_analytic_gradient_matches_numerical(name, rng):
    """At 200 random points of the domain, the analytic gradient agrees with the central
    difference to rtol 1e-6 (its error is ∝ h² · f''' plus eps·|f| / h rounding)."""
    fn = FUNCTIONS[name]
    (a, b), (c, d) = fn.domain
    points = np.column_stack([rng.uniform(a, b, 200), rng.uniform(c, d, 200)])
    numerical, analytic, max_diff = numerical_vs_analytic(fn, points)
    scale = np.max(np.abs(analytic))
    np.testing.assert_allclose(numerical, analytic, rtol=1e-6, atol=1e-8 * scale)
    assert max_diff == np.max(np.abs(numerical - analytic))


@pytest.mark.parametrize("name", NAMES)
def test_minima_are_stationary_and_lowest_nearby(name):
    """At each listed minimum ∇f ≈ 0 (to the 8 printed decimals) and f rises a step away."""
    fn = FUNCTIONS[name]
    for m in fn.minima:
        m = np.array(m)
        assert np.max(np.abs(fn.grad(m))) < 1e-5, m
        for step in ([1e-3, 0], [0, 1e-3], [-1e-3, 0], [0, -1e-3]):
            assert fn.f(m + step) > fn.f(m)


def test_known_minimum_values():
    """Global minima: 0 for the bowls, Rosenbrock, Himmelblau, Beale; camel -1.0316284535."""
    for name in ("function_2", "stretched", "rosenbrock", "himmelblau", "beale"):
        for m in FUNCTIONS[name].minima:
            assert FUNCTIONS[name].f(np.array(m)) == pytest.approx(0, abs=1e-12)
    camel = FUNCTIONS["six_hump_camel"]
    assert min(camel.f(np.array(m)) for m in camel.minima) == pytest.approx(-1.0316284535)


def test_saddle_has_no_minimum():
    """x0² - x1² has zero gradient at the origin but decreases along x1: no minimum listed."""
    fn = FUNCTIONS["saddle"]
    assert fn.minima == ()
    np.testing.assert_array_equal(fn.grad(np.zeros(2)), [0, 0])
    assert fn.f(np.array([0.0, 0.1])) < fn.f(np.zeros(2)) < fn.f(np.array([0.1, 0.0]))
    assert nearest_minimum(fn, [1, 1]) == (None, float("inf"))


def test_book_grid():
    """17 points per axis on [-2, 2] is the book's step 0.25, points in meshgrid order.

    (The book's np.arange(-2, 2.5, 0.25) has 18 points: it ends at 2.25, outside its xlim.)"""
    book = np.arange(-2, 2.5, 0.25)
    assert len(book) == 18 and book[-1] == 2.25
    x0s, x1s, points = grid_points(((-2, 2), (-2, 2)), 17)
    np.testing.assert_array_equal(x0s, book[:17])
    np.testing.assert_array_equal(x1s, book[:17])
    X, Y = np.meshgrid(book[:17], book[:17])
    np.testing.assert_array_equal(points, np.column_stack([X.flatten(), Y.flatten()]))


def test_book_quiver_gradient():
    """The book's picture: -∇(x0² + x1²) on the grid is -2·(x0, x1), pointing at the origin."""
    _, _, points = grid_points(((-2, 2), (-2, 2)), 17)
    numerical, analytic, max_diff = numerical_vs_analytic(FUNCTIONS["function_2"], points)
    np.testing.assert_array_equal(analytic, 2 * points)
    np.testing.assert_allclose(numerical, 2 * points, atol=1e-9)
    assert max_diff < 1e-9


def test_book_gradients():
    """The book's three gradients of x0² + x1² (ch. 4.4), numerically, to 1e-9."""
    points = np.array(list(BOOK_GRADIENTS))
    numerical, analytic, _ = numerical_vs_analytic(FUNCTIONS["function_2"], points)
    np.testing.assert_allclose(numerical, list(BOOK_GRADIENTS.values()), atol=1e-9)
    np.testing.assert_array_equal(analytic, list(BOOK_GRADIENTS.values()))


def test_numerical_vs_analytic_rejects_a_single_point():
    """A point of shape (2,) is not a batch: the message says how to reshape it."""
    with pytest.raises(ValueError, match=r"reshape"):
        numerical_vs_analytic(FUNCTIONS["function_2"], [1.0, 2.0])


def test_bad_grid_size():
    """n < 2 cannot make a grid."""
    with pytest.raises(ValueError, match="n >= 2"):
        grid_points(((0, 1), (0, 1)), 1)


def test_evaluate_grid_layout():
    """Z[i, j] = f(x0s[j], x1s[i]): rows follow x1, as plotly's contour expects."""
    fn = FUNCTIONS["stretched"]
    x0s, x1s, Z = evaluate_grid(fn, fn.domain, 11)
    assert Z.shape == (11, 11)
    assert Z[2, 7] == fn.f(np.array([x0s[7], x1s[2]]))


def test_contour_values():
    """Log-scale functions are coloured by log10(1 + Z - min Z) (so the minimum maps to 0)."""
    Z = np.array([[0.0, 9.0], [99.0, 999.0]])
    np.testing.assert_allclose(contour_values(FUNCTIONS["rosenbrock"], Z), [[0, 1], [2, 3]])
    np.testing.assert_array_equal(contour_values(FUNCTIONS["function_2"], Z), Z)


def test_view_box():
    """The view is the domain, grown evenly about its centre to hold the finite path points
    plus 5 %, rounded up to quarter half-widths and capped at 4 half-widths: the book's start
    (-3, 4) on [-2, 2]² gives the book's view [-3.5, 3.5] × [-4.5, 4.5] (3.15 and 4.2 rounded
    up to steps of 0.5), and every start a slider step away keeps it."""
    fn = FUNCTIONS["function_2"]
    assert view_box(fn) == ((-2.0, 2.0), (-2.0, 2.0))
    book = ((-3.5, 3.5), (-4.5, 4.5))
    assert view_box(fn, [np.array([[-3.0, 4.0], [0.0, 0.0]])]) == book
    for x0, x1 in [(-2.9, 4.0), (-3.3, 4.1), (3.0, -3.9)]:
        assert view_box(fn, [np.array([[x0, x1], [0.0, 0.0]])]) == book
    assert view_box(fn, [np.array([[1.9, 0.0]])]) == ((-2.0, 2.0), (-2.0, 2.0))  # 1.995 -> 2
    far = view_box(fn, [np.array([[1e13, np.nan], [0.0, -np.inf]])])
    assert far == ((-8.0, 8.0), (-2.0, 2.0))
    rosen = view_box(FUNCTIONS["rosenbrock"], [np.array([[1.0, 4.0]])])
    assert rosen == ((-2.0, 2.0), (-2.5, 4.5))  # centre 1, reach 1.05·3 = 3.15 -> 3.5


@settings(max_examples=50, deadline=None)
@given(
    st.sampled_from(NAMES),
    st.floats(-5, 5, allow_nan=False),
    st.floats(-5, 5, allow_nan=False),
)
def test_grid_and_point_agree(name, x0, x1):
    """f and grad give the same numbers for a point and for that point inside a (2, 1, 1) grid,
    and numerical_gradient (the book's batch interface) agrees with the analytic gradient."""
    fn = FUNCTIONS[name]
    p = np.array([x0, x1])
    # equal up to the last bit or so: numpy may pair up sums differently for arrays
    assert fn.f(p.reshape(2, 1, 1))[0, 0] == pytest.approx(fn.f(p), rel=1e-15, abs=1e-300)
    np.testing.assert_allclose(
        fn.grad(p.reshape(2, 1, 1))[:, 0, 0], fn.grad(p), rtol=1e-14, atol=1e-12
    )
    g = numerical_gradient(fn.f, p[None, :])[0]
    np.testing.assert_allclose(g, fn.grad(p), rtol=1e-5, atol=1e-6 * (1 + np.abs(fn.f(p))))
