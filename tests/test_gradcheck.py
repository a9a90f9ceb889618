"""lab.gradcheck: numerical and backprop gradients agree on a tiny net; what each one costs."""

from types import SimpleNamespace

import numpy as np
import pytest

from lab.gradcheck import gradient_check, parameter_count
from lab.network import TwoLayerNet


@pytest.fixture
def tiny(rng):
    """A 20 → 5 → 3 two-layer net and 3 samples: small enough for the numerical gradient."""
    net = TwoLayerNet(20, 5, 3, rng=rng, weight_init_std=0.5)
    x = rng.random((3, 20))
    t = np.array([0, 2, 1])
    return net, x, t


def test_gradients_agree_to_1e_9(tiny):
    """Backprop is right: every parameter's largest difference is below 1e-9, far below the
    gradient itself (a bug would differ by about the size of the gradient)."""
    net, x, t = tiny
    check = gradient_check(net, x, t, repeats=3)
    assert check.keys == ("W1", "b1", "W2", "b2")
    assert check.shapes == {"W1": (20, 5), "b1": (5,), "W2": (5, 3), "b2": (3,)}
    assert check.size == parameter_count(net) == 20 * 5 + 5 + 5 * 3 + 3
    assert check.worst < 1e-9 and check.agrees()
    assert all(check.max_abs_grad[k] > 1e-3 for k in check.keys)


def test_params_are_left_unchanged(tiny):
    """The check perturbs every weight and puts it back: params are bit-identical afterwards."""
    net, x, t = tiny
    before = {k: v.copy() for k, v in net.params.items()}
    gradient_check(net, x, t, repeats=1)
    for k, v in before.items():
        np.testing.assert_array_equal(net.params[k], v)


def test_a_wrong_backprop_is_caught(tiny):
    """With a broken W2 gradient the difference becomes as large as that gradient."""
    net, x, t = tiny
    right = net.gradient

    def broken(x, t):
        grads = right(x, t)
        return {**grads, "W2": grads["W2"] * 2}

    net.gradient = broken
    check = gradient_check(net, x, t, repeats=1)
    assert check.max_abs_diff["W2"] == pytest.approx(check.max_abs_grad["W2"] / 2, rel=1e-6)
    assert check.max_abs_diff["W1"] < 1e-9
    assert not check.agrees()


def test_numerical_costs_two_losses_per_parameter(tiny, monkeypatch):
    """The cost the timings show: with a clock that counts loss evaluations instead of seconds,
    the numerical gradient takes 2 · size of them (one each side of every entry), one backprop
    takes 1 (its forward pass), and the ratio is 2 · size."""
    net, x, t = tiny
    calls = 0
    loss = net.loss

    def counted(*args, **kwargs):
        nonlocal calls
        calls += 1
        return loss(*args, **kwargs)

    monkeypatch.setattr(net, "loss", counted)
    monkeypatch.setattr("lab.gradcheck.time", SimpleNamespace(perf_counter=lambda: calls))
    check = gradient_check(net, x, t, repeats=5)
    assert check.numerical_seconds == 2 * check.size == 2 * parameter_count(net)
    assert check.backprop_seconds == 1
    assert check.ratio == 2 * check.size


def test_repeats_must_be_positive(tiny):
    """Backprop is timed at least once: repeats = 0 is refused."""
    net, x, t = tiny
    with pytest.raises(ValueError, match="repeats"):
        gradient_check(net, x, t, repeats=0)
