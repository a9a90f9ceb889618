"""Tests for lab.perceptron: hand-worked truth tables, the gates' weights, the weighted sum at
the line, the learning rule step by step."""

import numpy as np
import pytest

from lab import perceptron as P

# The four inputs in the truth table's order: (0, 0), (0, 1), (1, 0), (1, 1).
TRUTH = {  # hand-written truth tables, one output per input
    "AND": [0, 0, 0, 1],
    "OR": [0, 1, 1, 1],
    "NAND": [1, 1, 1, 0],
    "NOT": [1, 1, 0, 0],  # NOT x1
    "XOR": [0, 1, 1, 0],
}


def test_inputs_in_the_truth_table_order():
    """INPUTS lists (x1, x2) as the truth table does."""
    np.testing.assert_array_equal(P.INPUTS, [[0, 0], [0, 1], [1, 0], [1, 1]])


@pytest.mark.parametrize("gate", ["AND", "OR", "NAND", "XOR"])
def test_two_input_gates(gate):
    """AND, OR, NAND, XOR(x1, x2) return the hand-written truth table as Python ints."""
    fn = {"AND": P.AND, "OR": P.OR, "NAND": P.NAND, "XOR": P.XOR}[gate]
    got = [fn(x1, x2) for x1, x2 in [(0, 0), (0, 1), (1, 0), (1, 1)]]
    assert got == TRUTH[gate]
    assert all(type(v) is int for v in got)


def test_not_gate():
    """NOT(0) = 1, NOT(1) = 0, with the classic w = [−1], b = 0.5."""
    assert (P.NOT(0), P.NOT(1)) == (1, 0)
    assert P.GATE_PARAMS["NOT"] == ((-1.0,), 0.5)


@pytest.mark.parametrize("gate", list(TRUTH))
def test_gate_targets(gate):
    """gate_targets gives the truth table for the four INPUTS (NOT reads x1)."""
    np.testing.assert_array_equal(P.gate_targets(gate), TRUTH[gate])


def test_gate_targets_rejects_unknown():
    """An unknown gate name says which names exist."""
    with pytest.raises(ValueError, match="XOR"):
        P.gate_targets("NOR")


def test_classic_table_weights():
    """The classic table: AND [1, 1], −1.5; OR [1, 1], −0.5; NOT [−1], 0.5."""
    assert P.GATE_PARAMS["AND"] == ((1.0, 1.0), -1.5)
    assert P.GATE_PARAMS["OR"] == ((1.0, 1.0), -0.5)


@pytest.mark.parametrize(
    ("w", "b", "gate"),
    [
        ((0.5, 0.5), -0.7, "AND"),  # the book's AND, θ = 0.7
        ((-0.5, -0.5), 0.7, "NAND"),  # the book's NAND
        ((0.5, 0.5), -0.2, "OR"),  # the book's OR
    ],
)
def test_book_weights_give_the_book_gates(w, b, gate):
    """The book's own weights realise the same truth tables."""
    _, y = P.truth_table(w, b)
    np.testing.assert_array_equal(y, TRUTH[gate])


def test_book_and_weighted_sums():
    """With (0.5, 0.5, −0.7): a = −0.7, −0.2, −0.2, 0.3, worked by hand."""
    a, _ = P.truth_table(*P.BOOK_AND)
    np.testing.assert_allclose(a, [-0.7, -0.2, -0.2, 0.3], atol=1e-15)


def test_zero_sum_outputs_zero():
    """The book's rule: y = 0 when w·x + b is exactly 0 (tmp <= 0 → 0)."""
    assert int(P.perceptron([1, 0], [1, 1], -1)) == 0
    assert int(P.perceptron([1, 1], [1, 1], -1)) == 1


def test_rounding_noise_is_zero():
    """0.1·1 + 0.2·1 − 0.3 is 5.6e-17 in floats; it counts as 0, so y = 0 as on paper."""
    assert 0.1 + 0.2 - 0.3 > 0  # the float sum really is positive
    assert float(P.weighted_sum([1, 1], [0.1, 0.2], -0.3)) == 0.0
    assert int(P.perceptron([1, 1], [0.1, 0.2], -0.3)) == 0


def test_perceptron_batches_and_leaves_input_alone():
    """A batch (N, 2) gives N outputs; int input works; the caller's arrays are not changed."""
    x = np.array([[0, 0], [1, 1]])
    w = np.array([1, 1])
    y = P.perceptron(x, w, -1.5)
    np.testing.assert_array_equal(y, [0, 1])
    assert y.dtype == np.int64
    np.testing.assert_array_equal(x, [[0, 0], [1, 1]])


def test_weighted_sum_shape_error():
    """Mismatched x and w: ValueError naming both shapes."""
    with pytest.raises(ValueError, match=r"\(3,\)"):
        P.weighted_sum([1, 2], [1, 2, 3], 0.0)


def test_learning_rule_on_and_by_hand():
    """AND from w = 0, b = 0, lr = 1, worked by hand: mistakes per epoch 1, 3, 3, 2, 1, 0 and
    the final line 2·x1 + 1·x2 − 2 = 0."""
    run = P.train_perceptron(P.INPUTS, TRUTH["AND"], [0, 0], 0, lr=1.0, max_epochs=20)
    np.testing.assert_array_equal(run.epoch_errors, [1, 3, 3, 2, 1, 0])
    assert run.converged and run.repeat is None
    np.testing.assert_array_equal(run.w[-1], [2, 1])
    assert run.b[-1] == -2
    assert len(run.sample) == 24 and run.w.shape == (25, 2)
    # step 4 fixes the first mistake: (1, 1) had y = 0, t = 1, so w = (1, 1), b = 1
    assert (run.sample[3], run.y[3], run.t[3]) == (3, 0, 1)
    np.testing.assert_array_equal(run.w[4], [1, 1])
    np.testing.assert_array_equal(run.epoch[:5], [1, 1, 1, 1, 2])


def test_learning_rule_on_xor_loops():
    """XOR from zero, lr = 1 (by hand): mistakes 2, 3, 4, 4, ...; from epoch 3 every epoch gets
    all four wrong and w, b return to (−1, 0), 1."""
    run = P.train_perceptron(P.INPUTS, TRUTH["XOR"], [0, 0], 0, lr=1.0, max_epochs=6)
    np.testing.assert_array_equal(run.epoch_errors, [2, 3, 4, 4, 4, 4])
    assert not run.converged
    assert run.repeat == (3, 1)
    np.testing.assert_array_equal(run.w[8], [-1, 0])
    assert run.b[8] == 1
    np.testing.assert_array_equal(run.w[-1], run.w[8])


def test_learning_rule_updates_follow_the_formula():
    """Every step: w_{k+1} = w_k + lr (t − y) x and b_{k+1} = b_k + lr (t − y)."""
    w0, b0 = P.initial_line(3)
    run = P.train_perceptron(P.INPUTS, TRUTH["OR"], w0, b0, lr=0.35, max_epochs=25)
    delta = 0.35 * (run.t - run.y)
    np.testing.assert_allclose(run.w[1:], run.w[:-1] + delta[:, None] * P.INPUTS[run.sample])
    np.testing.assert_allclose(run.b[1:], run.b[:-1] + delta)


def test_learning_rule_rejects_bad_rate():
    """lr <= 0: ValueError."""
    with pytest.raises(ValueError, match="lr"):
        P.train_perceptron(P.INPUTS, TRUTH["AND"], [0, 0], 0, lr=0.0)


@pytest.mark.parametrize("seed", range(10))
def test_initial_line_crosses_the_unit_square(seed):
    """The random start is reproducible, |w| = 0.5, and its line crosses [0, 1]²."""
    w, b = P.initial_line(seed)
    w2, b2 = P.initial_line(seed)
    np.testing.assert_array_equal(w, w2)
    assert b == b2
    assert np.linalg.norm(w) == pytest.approx(0.5)
    corners = P.weighted_sum(P.INPUTS, w, b)  # the line crosses the square: signs differ
    assert corners.min() < 0 < corners.max()


def test_xor_two_layer_table():
    """s1 = NAND = 1, 1, 1, 0; s2 = OR = 0, 1, 1, 1; y = AND(s1, s2) = XOR = 0, 1, 1, 0."""
    s1, s2, y = P.xor_two_layer()
    np.testing.assert_array_equal(s1, TRUTH["NAND"])
    np.testing.assert_array_equal(s2, TRUTH["OR"])
    np.testing.assert_array_equal(y, TRUTH["XOR"])
