"""Tests for lab.xor_mlp: the 2-4-2 network learns XOR, its snapshots agree with themselves,
and training is seeded."""

import numpy as np
import pytest

from lab import xor_mlp as X
from tests.test_perceptron import TRUTH


@pytest.fixture(scope="module")
def xor_run():
    return X.train_xor_mlp()


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
    again = X.train_xor_mlp()
    np.testing.assert_array_equal(again.loss, xor_run.loss)
    assert X.train_xor_mlp(seed=1).loss[0] != xor_run.loss[0]
