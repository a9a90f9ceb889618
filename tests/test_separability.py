"""Tests for lab.separability: the hull test on the gates, on all 16 boolean functions and
against the learning rule; the best single line."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lab import perceptron as P
from lab import separability as S
from tests.test_perceptron import TRUTH

# The answers of the Fourier-Motzkin elimination this test replaced, for every boolean function
# of two inputs (outputs on (0, 0), (0, 1), (1, 0), (1, 1)): all but XOR and XNOR separable.
NOT_SEPARABLE = {(0, 1, 1, 0), (1, 0, 0, 1)}


@pytest.mark.parametrize("t", list(itertools.product((0, 1), repeat=4)))
def test_all_sixteen_boolean_functions(t):
    """14 of the 16 functions of two inputs are one perceptron; XOR and XNOR are not (their
    diagonals cross). Where separable, the learning rule from 0 finds a line; where not, it
    never stops making mistakes."""
    separable = S.linearly_separable(P.INPUTS, t)
    assert separable == (t not in NOT_SEPARABLE)
    run = P.train_perceptron(P.INPUTS, t, np.zeros(2), 0.0, lr=1.0, max_epochs=100)
    assert run.converged == separable


def test_hull_cases_by_hand():
    """A point on the other class's segment, a point inside its triangle, two crossing
    segments, two collinear segments that overlap: not separable. Two parallel segments,
    or a point just outside a triangle: separable."""
    assert not S.linearly_separable([[0, 0], [2, 2], [1, 1]], [1, 1, 0])
    assert not S.linearly_separable([[0, 0], [4, 0], [0, 4], [1, 1]], [1, 1, 1, 0])
    assert not S.linearly_separable([[0, 0], [2, 2], [0, 2], [2, 0]], [1, 1, 0, 0])
    assert not S.linearly_separable([[0, 0], [2, 0], [1, 0], [3, 0]], [1, 1, 0, 0])
    assert S.linearly_separable([[0, 0], [2, 0], [0, 1], [2, 1]], [1, 1, 0, 0])
    assert S.linearly_separable([[0, 0], [4, 0], [0, 4], [2.5, 2.5]], [1, 1, 1, 0])


def test_hull_test_is_exact():
    """(1, q) with q = fl(1/3) lies 2e-17 below the segment (0, 0)-(3, 1): exactly, the
    classes are separable. In floats 3·q rounds to 1, the orientation to 0 and the point onto
    the segment; the fraction arithmetic does not round."""
    q = 1 / 3
    assert 3 * q == 1.0  # the rounding a float test would fall for
    assert S.linearly_separable([[0, 0], [3, 1], [1, q]], [1, 1, 0])
    assert not S.linearly_separable([[0, 0], [3, 1], [1.5, 0.5]], [1, 1, 0])


def test_separable_rejects_points_off_the_plane():
    """The hull test is 2-D: points of three coordinates raise ValueError saying so."""
    with pytest.raises(ValueError, match=r"shape \(N, 2\)"):
        S.linearly_separable(np.zeros((3, 3)), [0, 1, 0])


@pytest.mark.parametrize("gate", ["AND", "OR", "NAND", "NOT"])
def test_linear_gates_are_separable(gate):
    """AND, OR, NAND and NOT x1 are linearly separable."""
    assert S.linearly_separable(P.INPUTS, TRUTH[gate])


def test_xor_is_not_separable():
    """XOR is not (the book's point, proved on the page)."""
    assert not S.linearly_separable(P.INPUTS, TRUTH["XOR"])


def test_separable_edge_cases():
    """One class only: separable. The same point with both labels: not separable."""
    assert S.linearly_separable([[0, 0], [1, 1]], [1, 1])
    assert not S.linearly_separable([[0.5, 0.5], [0.5, 0.5]], [0, 1])


def test_separable_rejects_bad_input():
    """Labels other than 0/1, a wrong label count, or too many points: ValueError."""
    with pytest.raises(ValueError, match="labels"):
        S.linearly_separable(P.INPUTS, [0, 1, 2, 0])
    with pytest.raises(ValueError, match="one label per row"):
        S.linearly_separable(P.INPUTS, [0, 1])
    with pytest.raises(ValueError, match="at most"):
        S.linearly_separable(np.zeros((17, 2)), np.zeros(17, dtype=int))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(0, 1)),
        min_size=2,
        max_size=7,
        unique_by=lambda p: (p[0], p[1]),
    )
)
def test_separability_agrees_with_the_learning_rule(points):
    """On grid points: exact test says separable ⇔ the learning rule converges.

    Convergence proves separability; Novikoff's bound makes the rule converge quickly on
    separable integer points in {0, 1, 2}² (the margins there are not tiny).
    """
    x = np.array([p[:2] for p in points], dtype=float)
    t = np.array([p[2] for p in points])
    run = P.train_perceptron(x, t, np.zeros(2), 0.0, lr=1.0, max_epochs=400)
    assert S.linearly_separable(x, t) == run.converged


def test_best_line_for_xor_is_three_of_four():
    """The best single line gets 3 of 4 XOR inputs right, and no input lies on it."""
    best = S.best_line(P.INPUTS, TRUTH["XOR"])
    assert best.n_correct == 3
    _, y = P.truth_table(best.w, best.b)
    np.testing.assert_array_equal(y == TRUTH["XOR"], best.correct)
    assert np.all(P.weighted_sum(P.INPUTS, best.w, best.b) != 0)


@pytest.mark.parametrize("gate", ["AND", "OR", "NAND"])
def test_best_line_for_linear_gates_is_perfect(gate):
    """For a separable gate the best line gets all four right."""
    assert S.best_line(P.INPUTS, TRUTH[gate]).n_correct == 4
