"""Tests for lab.regions: half-planes, decision lines, weight-space slices and XOR's band,
against areas and vertices worked out by hand."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lab import perceptron as P
from lab import regions as R
from tests.test_perceptron import TRUTH


def _area(poly):
    x, y = poly[:, 0], poly[:, 1]
    return 0.5 * abs(x @ np.roll(y, -1) - y @ np.roll(x, -1))


def test_half_plane_of_and_is_a_triangle():
    """AND's y = 1 side of [−0.5, 1.5]² is x1 + x2 >= 1.5: the triangle (1.5, 0), (1.5, 1.5),
    (0, 1.5) of area 1.5²/2 = 1.125."""
    poly = R.half_plane((1, 1), -1.5)
    assert _area(poly) == pytest.approx(1.125, abs=1e-12)
    assert {tuple(p) for p in poly.round(12)} == {(1.5, 0.0), (1.5, 1.5), (0.0, 1.5)}


def test_half_plane_without_a_line():
    """w = 0: the whole square when b > 0, nothing when b <= 0."""
    assert _area(R.half_plane((0, 0), 0.3)) == pytest.approx(4.0)
    assert len(R.half_plane((0, 0), 0.0)) == 0


@given(
    st.floats(-2, 2),
    st.floats(-2, 2),
    st.floats(-2, 2),
)
def test_decision_line_lies_on_the_line_and_the_border(w1, w2, b):
    """The segment's ends satisfy w·p + b = 0 and lie on the square's border."""
    seg = R.decision_line((w1, w2), b)
    if not len(seg):
        return
    np.testing.assert_allclose(seg @ np.array([w1, w2]) + b, 0.0, atol=1e-9)
    on_border = np.isclose(np.abs(seg - 0.5), 1.0, atol=1e-9).any(axis=1)
    assert on_border.all()
    assert np.all((seg >= -0.5 - 1e-9) & (seg <= 1.5 + 1e-9))


def test_decision_line_cases():
    """Vertical line x1 = 0.5; a line outside the square and w = 0 give no segment."""
    np.testing.assert_allclose(R.decision_line((1, 0), -0.5), [[0.5, -0.5], [0.5, 1.5]])
    assert len(R.decision_line((1, 0), -3)) == 0
    assert len(R.decision_line((0, 0), 1)) == 0


def test_solution_slice_and_closed_form():
    """AND at b = −0.7: w1 <= 0.7, w2 <= 0.7, w1 + w2 > 0.7: the triangle (0.7, 0), (0.7, 0.7),
    (0, 0.7), area 0.245."""
    poly = R.solution_slice(TRUTH["AND"], -0.7)
    assert _area(poly) == pytest.approx(0.245, abs=1e-12)
    assert {tuple(p) for p in poly.round(12)} == {(0.7, 0.0), (0.7, 0.7), (0.0, 0.7)}


def test_solution_slice_or_is_a_square():
    """OR at b = −0.5: w1 > 0.5 and w2 > 0.5, i.e. [0.5, 2]² inside [−2, 2]²: area 2.25."""
    assert _area(R.solution_slice(TRUTH["OR"], -0.5)) == pytest.approx(2.25, abs=1e-12)


def test_solution_slice_origin_decides_exactly():
    """NOT x1 needs y(0, 0) = 1, i.e. b > 0: empty at b = 0 and below, not empty above."""
    assert len(R.solution_slice(TRUTH["NOT"], 0.0)) == 0
    assert len(R.solution_slice(TRUTH["NOT"], -0.1)) == 0
    assert len(R.solution_slice(TRUTH["NOT"], 0.5)) > 0


def test_solution_slice_and_at_zero_bias_is_empty():
    """AND with b = 0 would need w1 <= 0, w2 <= 0 and w1 + w2 > 0: a single point, so empty."""
    assert len(R.solution_slice(TRUTH["AND"], 0.0)) == 0


@given(st.floats(-5, 5))
def test_xor_slice_is_empty_for_every_bias(b):
    """No (w1, w2) realises XOR at any b."""
    assert len(R.solution_slice(TRUTH["XOR"], b)) == 0


@settings(max_examples=60)
@given(
    st.sampled_from(["AND", "OR", "NAND", "NOT"]),
    st.floats(-1.9, 1.9),
    st.floats(0.05, 0.95),
)
def test_points_inside_the_slice_realise_the_gate(gate, b, shrink):
    """Every point inside the slice (pulled towards its centre) gives the gate's outputs."""
    poly = R.solution_slice(TRUTH[gate], b)
    if not len(poly):
        return
    centre = poly.mean(axis=0)
    for vertex in poly:
        w = centre + shrink * (vertex - centre)
        _, y = P.truth_table(w, b)
        np.testing.assert_array_equal(y, TRUTH[gate])


def test_xor_band_closed_form():
    """Between x1 + x2 = 0.5 and 1.5 inside [−0.5, 1.5]²: area 2.875 − 1.125 = 1.75."""
    band = R.xor_band()
    assert _area(band) == pytest.approx(1.75, abs=1e-12)
    s = band.sum(axis=1)
    assert np.all((s >= 0.5 - 1e-12) & (s <= 1.5 + 1e-12))
