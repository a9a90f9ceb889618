"""Tests for lab.losses: the book's printed values, label/one-hot agreement, gradients."""

import numpy as np
import pytest

from lab.calculus import numerical_gradient
from lab.losses import (
    LOG_GUARD,
    cross_entropy_error,
    cross_entropy_error_grad,
    mean_squared_error,
    mean_squared_error_grad,
    sum_squared_error,
    sum_squared_error_grad,
)

# The book's example (ch. 4.2.1): the answer is "2".
T = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
Y_RIGHT = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]  # "2" has the highest p
Y_WRONG = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]  # "7" has the highest p


def test_sum_squared_error_book_values():
    """The book prints 0.09750000000000003 and 0.5975 for its two outputs."""
    assert sum_squared_error(Y_RIGHT, T) == pytest.approx(0.0975, rel=1e-15)
    assert sum_squared_error(Y_WRONG, T) == pytest.approx(0.5975, rel=1e-15)


def test_mean_squared_error_is_the_mean():
    """The usual MSE (the blog's too) is mean((y − t)²) = 2·SSE / n: 0.0195 and 0.1195 on
    the book's example."""
    assert mean_squared_error(Y_RIGHT, T) == pytest.approx(2 * 0.0975 / 10, rel=1e-14)
    assert mean_squared_error(Y_WRONG, T) == pytest.approx(2 * 0.5975 / 10, rel=1e-14)
    assert mean_squared_error([1, 2], [1, 2]) == 0.0


def test_cross_entropy_book_values():
    """With the book's delta=1e-7 we print its digits exactly; by default we get the exact
    −log 0.6 and −log 0.1, which agree with the book to 6 significant digits."""
    assert cross_entropy_error(Y_RIGHT, T, delta=1e-7) == 0.510825457099338
    assert cross_entropy_error(Y_WRONG, T, delta=1e-7) == 2.302584092994546
    assert cross_entropy_error(Y_RIGHT, T) == -np.log(0.6)
    assert cross_entropy_error(Y_WRONG, T) == -np.log(0.1)
    assert cross_entropy_error(Y_RIGHT, T) == pytest.approx(0.510825457099338, rel=1e-6)
    assert cross_entropy_error(Y_WRONG, T) == pytest.approx(2.302584092994546, rel=1e-6)


def test_cross_entropy_labels_equal_one_hot(rng):
    """A batch with labels gives the same mean loss as the same batch with one-hot rows."""
    y = rng.dirichlet(np.ones(10), size=6)
    t = rng.integers(0, 10, size=6)
    assert cross_entropy_error(y, t) == pytest.approx(cross_entropy_error(y, np.eye(10)[t]))
    assert cross_entropy_error(Y_RIGHT, 2) == -np.log(0.6)


def test_cross_entropy_is_batch_mean(rng):
    """The batch loss is the mean of the single-sample losses."""
    y = rng.dirichlet(np.ones(4), size=5)
    t = rng.integers(0, 4, size=5)
    single = [cross_entropy_error(y[i], t[i]) for i in range(5)]
    assert cross_entropy_error(y, t) == pytest.approx(np.mean(single), rel=1e-14)


def test_cross_entropy_guard_keeps_log_zero_finite():
    """y = 0 on the true class gives −log(tiny) ≈ 708.4, finite, with no warning."""
    loss = cross_entropy_error([0.0, 1.0], [1, 0])
    assert loss == pytest.approx(-np.log(LOG_GUARD))
    assert np.isfinite(cross_entropy_error_grad([0.0, 1.0], [1, 0])).all()


def test_cross_entropy_rejects_bad_targets():
    """Wrong shapes, float labels and out-of-range labels raise ValueError saying what to do."""
    y = np.full((2, 3), 1 / 3)
    with pytest.raises(ValueError, match="one-hot rows"):
        cross_entropy_error(y, np.zeros((2, 4)))
    with pytest.raises(ValueError, match="integer class labels"):
        cross_entropy_error(y, np.array([0.0, 1.0]))
    with pytest.raises(ValueError, match=r"labels in \[0, 3\)"):
        cross_entropy_error(y, np.array([0, 3]))


@pytest.mark.parametrize(
    ("loss", "grad"),
    [(mean_squared_error, mean_squared_error_grad), (sum_squared_error, sum_squared_error_grad)],
)
def test_squared_error_grads_match_numerical(rng, loss, grad):
    """The analytic gradients of MSE and SSE equal the numerical ones."""
    y = rng.random((3, 4))
    t = rng.random((3, 4))
    numeric = numerical_gradient(lambda z: loss(z, t), y, batch=False)
    np.testing.assert_allclose(grad(y, t), numeric, rtol=1e-7, atol=1e-10)


@pytest.mark.parametrize("labels", [True, False])
def test_cross_entropy_grad_matches_numerical(rng, labels):
    """−t/(N·y) equals the numerical gradient (y kept away from 0, where 1/y is steep)."""
    y = 0.2 + rng.random((3, 4))
    t_lab = np.array([1, 0, 3])
    t = t_lab if labels else np.eye(4)[t_lab]
    numeric = numerical_gradient(lambda z: cross_entropy_error(z, t), y, batch=False)
    np.testing.assert_allclose(cross_entropy_error_grad(y, t), numeric, rtol=1e-6, atol=1e-9)


def test_inputs_are_not_modified():
    """The losses never write into the caller's arrays, and accept int arrays."""
    y = np.array([[1, 0], [0, 1]])
    t = np.array([[1, 0], [1, 0]])
    before = y.copy()
    sum_squared_error(y, t)
    cross_entropy_error(y, t)
    np.testing.assert_array_equal(y, before)
    assert sum_squared_error(y, t) == 1.0
