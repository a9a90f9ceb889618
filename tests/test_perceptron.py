"""Tests for lab.perceptron: hand-worked truth tables, geometry in closed form, the learning
rule step by step, the exact separability test against the learning rule, the XOR MLP."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def _area(poly):
    x, y = poly[:, 0], poly[:, 1]
    return 0.5 * abs(x @ np.roll(y, -1) - y @ np.roll(x, -1))


def test_half_plane_of_and_is_a_triangle():
    """AND's y = 1 side of [−0.5, 1.5]² is x1 + x2 >= 1.5: the triangle (1.5, 0), (1.5, 1.5),
    (0, 1.5) of area 1.5²/2 = 1.125."""
    poly = P.half_plane((1, 1), -1.5)
    assert _area(poly) == pytest.approx(1.125, abs=1e-12)
    assert {tuple(p) for p in poly.round(12)} == {(1.5, 0.0), (1.5, 1.5), (0.0, 1.5)}


def test_half_plane_without_a_line():
    """w = 0: the whole square when b > 0, nothing when b <= 0."""
    assert _area(P.half_plane((0, 0), 0.3)) == pytest.approx(4.0)
    assert len(P.half_plane((0, 0), 0.0)) == 0


@given(
    st.floats(-2, 2),
    st.floats(-2, 2),
    st.floats(-2, 2),
)
def test_decision_line_lies_on_the_line_and_the_border(w1, w2, b):
    """The segment's ends satisfy w·p + b = 0 and lie on the square's border."""
    seg = P.decision_line((w1, w2), b)
    if not len(seg):
        return
    np.testing.assert_allclose(seg @ np.array([w1, w2]) + b, 0.0, atol=1e-9)
    on_border = np.isclose(np.abs(seg - 0.5), 1.0, atol=1e-9).any(axis=1)
    assert on_border.all()
    assert np.all((seg >= -0.5 - 1e-9) & (seg <= 1.5 + 1e-9))


def test_decision_line_cases():
    """Vertical line x1 = 0.5; a line outside the square and w = 0 give no segment."""
    np.testing.assert_allclose(P.decision_line((1, 0), -0.5), [[0.5, -0.5], [0.5, 1.5]])
    assert len(P.decision_line((1, 0), -3)) == 0
    assert len(P.decision_line((0, 0), 1)) == 0


def test_solution_slice_and_closed_form():
    """AND at b = −0.7: w1 <= 0.7, w2 <= 0.7, w1 + w2 > 0.7: the triangle (0.7, 0), (0.7, 0.7),
    (0, 0.7), area 0.245."""
    poly = P.solution_slice(TRUTH["AND"], -0.7)
    assert _area(poly) == pytest.approx(0.245, abs=1e-12)
    assert {tuple(p) for p in poly.round(12)} == {(0.7, 0.0), (0.7, 0.7), (0.0, 0.7)}


def test_solution_slice_or_is_a_square():
    """OR at b = −0.5: w1 > 0.5 and w2 > 0.5, i.e. [0.5, 2]² inside [−2, 2]²: area 2.25."""
    assert _area(P.solution_slice(TRUTH["OR"], -0.5)) == pytest.approx(2.25, abs=1e-12)


def test_solution_slice_origin_decides_exactly():
    """NOT x1 needs y(0, 0) = 1, i.e. b > 0: empty at b = 0 and below, not empty above."""
    assert len(P.solution_slice(TRUTH["NOT"], 0.0)) == 0
    assert len(P.solution_slice(TRUTH["NOT"], -0.1)) == 0
    assert len(P.solution_slice(TRUTH["NOT"], 0.5)) > 0


def test_solution_slice_and_at_zero_bias_is_empty():
    """AND with b = 0 would need w1 <= 0, w2 <= 0 and w1 + w2 > 0: a single point, so empty."""
    assert len(P.solution_slice(TRUTH["AND"], 0.0)) == 0


@given(st.floats(-5, 5))
def test_xor_slice_is_empty_for_every_bias(b):
    """No (w1, w2) realises XOR at any b."""
    assert len(P.solution_slice(TRUTH["XOR"], b)) == 0


@settings(max_examples=60)
@given(
    st.sampled_from(["AND", "OR", "NAND", "NOT"]),
    st.floats(-1.9, 1.9),
    st.floats(0.05, 0.95),
)
def test_points_inside_the_slice_realise_the_gate(gate, b, shrink):
    """Every point inside the slice (pulled towards its centre) gives the gate's outputs."""
    poly = P.solution_slice(TRUTH[gate], b)
    if not len(poly):
        return
    centre = poly.mean(axis=0)
    for vertex in poly:
        w = centre + shrink * (vertex - centre)
        _, y = P.truth_table(w, b)
        np.testing.assert_array_equal(y, TRUTH[gate])


@pytest.mark.parametrize("gate", ["AND", "OR", "NAND", "NOT"])
def test_linear_gates_are_separable(gate):
    """AND, OR, NAND and NOT x1 are linearly separable."""
    assert P.linearly_separable(P.INPUTS, TRUTH[gate])


def test_xor_is_not_separable():
    """XOR is not (the book's point, proved on the page)."""
    assert not P.linearly_separable(P.INPUTS, TRUTH["XOR"])


def test_separable_edge_cases():
    """One class only: separable. The same point with both labels: not separable."""
    assert P.linearly_separable([[0, 0], [1, 1]], [1, 1])
    assert not P.linearly_separable([[0.5, 0.5], [0.5, 0.5]], [0, 1])


def test_separable_rejects_bad_input():
    """Labels other than 0/1, a wrong label count, or too many points: ValueError."""
    with pytest.raises(ValueError, match="labels"):
        P.linearly_separable(P.INPUTS, [0, 1, 2, 0])
    with pytest.raises(ValueError, match="one label per row"):
        P.linearly_separable(P.INPUTS, [0, 1])
    with pytest.raises(ValueError, match="at most"):
        P.linearly_separable(np.zeros((17, 2)), np.zeros(17, dtype=int))


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
    assert P.linearly_separable(x, t) == run.converged


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
    assert len(P.decision_line(w, b, 0.0, 1.0)) == 2


def test_best_line_for_xor_is_three_of_four():
    """The best single line gets 3 of 4 XOR inputs right, and no input lies on it."""
    best = P.best_line(P.INPUTS, TRUTH["XOR"])
    assert best.n_correct == 3
    _, y = P.truth_table(best.w, best.b)
    np.testing.assert_array_equal(y == TRUTH["XOR"], best.correct)
    assert np.all(P.weighted_sum(P.INPUTS, best.w, best.b) != 0)


@pytest.mark.parametrize("gate", ["AND", "OR", "NAND"])
def test_best_line_for_linear_gates_is_perfect(gate):
    """For a separable gate the best line gets all four right."""
    assert P.best_line(P.INPUTS, TRUTH[gate]).n_correct == 4


def test_xor_two_layer_table():
    """s1 = NAND = 1, 1, 1, 0; s2 = OR = 0, 1, 1, 1; y = AND(s1, s2) = XOR = 0, 1, 1, 0."""
    s1, s2, y = P.xor_two_layer()
    np.testing.assert_array_equal(s1, TRUTH["NAND"])
    np.testing.assert_array_equal(s2, TRUTH["OR"])
    np.testing.assert_array_equal(y, TRUTH["XOR"])


def test_xor_band_closed_form():
    """Between x1 + x2 = 0.5 and 1.5 inside [−0.5, 1.5]²: area 2.875 − 1.125 = 1.75."""
    band = P.xor_band()
    assert _area(band) == pytest.approx(1.75, abs=1e-12)
    s = band.sum(axis=1)
    assert np.all((s >= 0.5 - 1e-12) & (s <= 1.5 + 1e-12))


@pytest.fixture(scope="module")
def xor_run():
    return P.train_xor_mlp()


def test_xor_mlp_learns_xor(xor_run):
    """The default 2-4-2 sigmoid net learns XOR: all four right, loss falls by 100×."""
    assert xor_run.accuracy == 1.0
    np.testing.assert_array_equal(xor_run.y[-1] > 0.5, np.array(TRUTH["XOR"]) == 1)
    assert xor_run.loss[-1] < xor_run.loss[0] / 100


def test_xor_mlp_snapshots_are_consistent(xor_run):
    """The grid passes through 0 and 1, so the map at the corners equals y at the inputs;
    snapshots start at iteration 0 and probabilities lie in [0, 1]."""
    g = xor_run.grid
    i0, i1 = int(np.argmin(np.abs(g))), int(np.argmin(np.abs(g - 1)))
    assert g[i0] == pytest.approx(0, abs=1e-12) and g[i1] == pytest.approx(1)
    corners = xor_run.prob[:, [i0, i1, i0, i1], [i0, i0, i1, i1]]  # prob[f, x2, x1]
    np.testing.assert_allclose(corners, xor_run.y, atol=1e-12)
    assert xor_run.iters[0] == 0 and np.all(np.diff(xor_run.iters) > 0)
    assert xor_run.prob.min() >= 0 and xor_run.prob.max() <= 1


def test_xor_mlp_is_seeded(xor_run):
    """Same seed, same training; another seed, another start."""
    again = P.train_xor_mlp()
    np.testing.assert_array_equal(again.loss, xor_run.loss)
    assert P.train_xor_mlp(seed=1).loss[0] != xor_run.loss[0]
