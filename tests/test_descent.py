"""Tests for lab.descent: the book's printed runs, the book's code as oracle, closed forms."""

import numpy as np
import pytest

from lab.descent import (
    BOOK_OPTIMIZER_LRS,
    BOOK_RUNS,
    BOUND,
    compare_optimizers,
    gradient_descent,
    lr_grid,
    optimize,
    verdict,
)
from lab.functions2d import FUNCTIONS, function_2
from lab.optimizers import OPTIMIZERS, SGD, Adam


def book_gradient_descent(f, init_x, lr=0.01, step_num=100):
    """The book's code, verbatim in substance (gradient_2d.py + gradient_method.py): the oracle."""

    def numerical_gradient(f, x):
        h = 1e-4
        grad = np.zeros_like(x)
        for idx in range(x.size):
            tmp_val = x[idx]
            x[idx] = float(tmp_val) + h
            fxh1 = f(x)
            x[idx] = tmp_val - h
            fxh2 = f(x)
            grad[idx] = (fxh1 - fxh2) / (2 * h)
            x[idx] = tmp_val
        return grad

    x = init_x
    x_history = []
    for _ in range(step_num):
        x_history.append(x.copy())
        grad = numerical_gradient(f, x)
        x -= lr * grad
    return x, np.array(x_history)


@pytest.mark.parametrize("lr", sorted(BOOK_RUNS))
def test_book_runs(lr):
    """gradient_descent(function_2, [-3, 4], lr, 100) prints the book's numbers (to the digits
    printed), and equals the book's code bit for bit, history included (ours also keeps x_100).
    lr = 0.1 -> [-6.1e-10, 8.1e-10]; lr = 10 -> [-2.58983747e+13, -1.29524862e+12];
    lr = 1e-10 -> [-2.99999994, 3.99999992]."""
    x, history = gradient_descent(
        function_2, np.array([-3.0, 4.0]), lr=lr, step_num=100, bound=None
    )
    book = np.array(BOOK_RUNS[lr])
    np.testing.assert_allclose(x, book, rtol=1e-2 if lr == 0.1 else 1e-8)
    book_x, book_history = book_gradient_descent(function_2, np.array([-3.0, 4.0]), lr, 100)
    np.testing.assert_array_equal(x, book_x)
    np.testing.assert_array_equal(history[:-1], book_history)
    np.testing.assert_array_equal(history[-1], x)
    assert history.shape == (101, 2)


def test_init_x_untouched_and_int_start():
    """The book's version overwrites init_x; ours copies it, and an int start works."""
    init = np.array([-3, 4])
    x, _ = gradient_descent(function_2, init, lr=0.1, step_num=100)
    np.testing.assert_array_equal(init, [-3, 4])
    assert abs(x).max() < 1e-9


@pytest.mark.parametrize("lr", [0.01, 0.1, 0.3, 0.5, 0.9])
def test_closed_form_on_quadratic(lr):
    """With the exact gradient 2x, x_k = (1 - 2 lr)^k x_0 (worked out: x - lr·2x)."""
    fn = FUNCTIONS["function_2"]
    run = gradient_descent(fn.f, [-3.0, 4.0], lr=lr, step_num=50, grad=fn.grad)
    k = np.arange(51)[:, None]
    np.testing.assert_allclose(
        run.history, (1 - 2 * lr) ** k * [-3.0, 4.0], rtol=1e-12, atol=1e-300
    )
    np.testing.assert_allclose(run.loss, 25 * (1 - 2 * lr) ** (2 * k[:, 0]), rtol=1e-12)


def test_numerical_close_to_exact_gradient():
    """On x0² + x1² the central difference is exact up to rounding, so both runs agree."""
    fn = FUNCTIONS["function_2"]
    a = gradient_descent(fn.f, [-3.0, 4.0], lr=0.1, step_num=100)
    b = gradient_descent(fn.f, [-3.0, 4.0], lr=0.1, step_num=100, grad=fn.grad)
    np.testing.assert_allclose(a.history, b.history, rtol=1e-6, atol=1e-15)


def test_lr_10_numerical_stalls_exact_explodes():
    """lr = 10 multiplies x by -19 per step. The exact gradient reaches 5·19^100 ≈ 3.8e128;
    the numerical one stalls near 2.6e13, where x + 1e-4 == x and the gradient is exactly 0."""
    fn = FUNCTIONS["function_2"]
    exact = gradient_descent(fn.f, [-3.0, 4.0], lr=10, step_num=100, grad=fn.grad, bound=None)
    np.testing.assert_allclose(exact.x, (-19.0) ** 100 * np.array([-3.0, 4.0]), rtol=1e-12)
    num = gradient_descent(fn.f, [-3.0, 4.0], lr=10, step_num=100, bound=None)
    stalled = np.flatnonzero(np.all(num.history[1:] == num.history[:-1], axis=1))
    assert stalled.size and np.all(num.history[stalled[0]] == num.x)
    assert 1e12 < np.abs(num.x).max() < 1e14


def test_divergence_stops_the_run():
    """With a bound, lr = 10 stops at the first step with |x_i| > 1e8: 4·19^6 = 1.9e8 at
    step 6 (4·19^5 = 9.9e6 is still inside)."""
    run = gradient_descent(function_2, [-3.0, 4.0], lr=10, step_num=100)
    assert run.diverged_at == 6
    assert len(run.history) == 7 and np.abs(run.history[-1]).max() > BOUND
    assert verdict(FUNCTIONS["function_2"], run) == ("diverged", 6)


def test_overflow_to_inf_stops_without_warning():
    """Rosenbrock with lr = 1 overflows to inf/nan: the run stops and reports the step,
    keeping only finite points (RuntimeWarnings are errors in this suite)."""
    fn = FUNCTIONS["rosenbrock"]
    run = gradient_descent(fn.f, fn.start, lr=1.0, step_num=100, grad=fn.grad, bound=None)
    assert run.diverged_at is not None and run.diverged_at < 100
    assert not np.all(np.isfinite(run.x))
    assert np.all(np.isfinite(run.history)) and len(run.history) == run.diverged_at


def test_verdicts_of_the_book_runs():
    """lr = 0.1 converges (|x_k| = 5·0.8^k < 1e-3 from k = 39), lr = 1e-10 barely moves,
    lr = 10 diverges at step 6 even when run without a bound."""
    fn = FUNCTIONS["function_2"]
    runs = {lr: gradient_descent(fn.f, [-3.0, 4.0], lr, 100, bound=None) for lr in BOOK_RUNS}
    assert verdict(fn, runs[0.1]) == ("converged", 39)
    assert 5 * 0.8**38 >= 1e-3 > 5 * 0.8**39
    assert verdict(fn, runs[1e-10]) == ("barely_moved", None)
    assert runs[1e-10].travelled == pytest.approx(5 * 2e-8, rel=1e-3)  # 1 - (1 - 2e-10)^100
    assert verdict(fn, runs[10.0]) == ("diverged", 6)


def test_verdict_local_minimum_and_moving():
    """Six-hump camel from (-2, 1.5) settles in the local minimum (-1.7036, 0.7961), f = -0.2155;
    lr = 1 on x0² + x1² bounces between ±x_0 forever: still moving."""
    camel = FUNCTIONS["six_hump_camel"]
    run = gradient_descent(camel.f, camel.start, camel.lr, 200, grad=camel.grad)
    assert verdict(camel, run)[0] == "local"
    fn = FUNCTIONS["function_2"]
    bounce = gradient_descent(fn.f, [-3.0, 4.0], 1.0, 11, grad=fn.grad)
    np.testing.assert_array_equal(bounce.x, [3.0, -4.0])
    assert verdict(fn, bounce) == ("moving", None)


def test_zero_steps_and_bad_input():
    """step_num = 0 returns the start; a non-positive lr, a matrix start or a fractional
    step count raise ValueError saying what was expected."""
    run = gradient_descent(function_2, [1.0, 2.0], 0.1, 0)
    np.testing.assert_array_equal(run.history, [[1.0, 2.0]])
    with pytest.raises(ValueError, match="lr > 0"):
        gradient_descent(function_2, [1.0, 2.0], lr=0)
    with pytest.raises(ValueError, match=r"shape \(n,\)"):
        gradient_descent(function_2, [[1.0, 2.0]])
    with pytest.raises(ValueError, match="whole number"):
        gradient_descent(function_2, [1.0, 2.0], step_num=2.5)


def test_optimize_is_the_network_optimizer():
    """optimize with lab.optimizers.SGD is gradient_descent (one implementation), and Adam's
    first step is lr·sign(g) (bias correction: m̂ = g, v̂ = g²) up to eps."""
    fn = FUNCTIONS["stretched"]
    a = optimize(fn.f, fn.start, SGD(0.3), 20, grad=fn.grad)
    b = gradient_descent(fn.f, fn.start, 0.3, 20, grad=fn.grad)
    np.testing.assert_array_equal(a.history, b.history)
    adam = optimize(fn.f, [-7.0, 2.0], Adam(0.3), 1, grad=fn.grad)
    np.testing.assert_allclose(adam.x, [-7.0 + 0.3, 2.0 - 0.3], rtol=1e-7)


def test_book_optimizer_figure():
    """The book's ch. 6 figure: x²/20 + y² from (-7, 2), 30 steps. SGD follows the closed form
    x_k = (1 - lr/10)^k x_0, y_k = (1 - 2 lr)^k y_0 (zig-zag in y: 1 - 1.9 = -0.9), AdaGrad's
    first step is lr·sign(g) = 1.5 per coordinate, and all six end lower than they started."""
    fn = FUNCTIONS["stretched"]
    runs = compare_optimizers(fn.f, (-7.0, 2.0), BOOK_OPTIMIZER_LRS, 30, grad=fn.grad)
    assert list(runs) == list(OPTIMIZERS)
    k = np.arange(31)
    sgd = runs["SGD"].history
    np.testing.assert_allclose(sgd[:, 0], (1 - 0.095) ** k * -7.0, rtol=1e-12)
    np.testing.assert_allclose(sgd[:, 1], (1 - 1.9) ** k * 2.0, rtol=1e-12)
    np.testing.assert_allclose(runs["AdaGrad"].history[1], [-5.5, 0.5], rtol=1e-7)
    for name, run in runs.items():
        assert run.loss[-1] < run.loss[0] / 10, name
        assert run.diverged_at is None


def test_compare_unknown_optimizer():
    """A misspelt name lists the valid ones."""
    with pytest.raises(ValueError, match="Momentum"):
        compare_optimizers(function_2, [1.0, 1.0], {"momentum": 0.1})


def test_lr_grid():
    """1-2-5 per decade from 1e-10 to 100 (37 values), exact decimals, extras merged in."""
    grid = lr_grid()
    assert len(grid) == 37 and grid[0] == 1e-10 and grid[-1] == 100.0
    assert 0.1 in grid and 10.0 in grid and 2e-10 in grid
    assert grid == sorted(grid)
    assert lr_grid(0.95, 0.1) == sorted([*grid, 0.95])
