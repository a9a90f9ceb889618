"""Tests for lab.optimizers: closed-form steps, in-place updates, convergence on a quadratic."""

import numpy as np
import pytest

from lab.optimizers import OPTIMIZERS, SGD, AdaGrad, Adam, Momentum, Nesterov, RMSprop


def test_sgd_one_step():
    """One SGD step is W − lr·g, exactly."""
    params = {"W": np.array([1.0, -2.0]), "b": np.array([0.5])}
    SGD(lr=0.1).update(params, {"W": np.array([2.0, 4.0]), "b": np.array([-1.0])})
    np.testing.assert_allclose(params["W"], [0.8, -2.4], rtol=1e-15)
    np.testing.assert_allclose(params["b"], [0.6], rtol=1e-15)


def test_update_is_in_place():
    """update changes the very arrays in params (layers hold references to them)."""
    W = np.array([1.0, 2.0])
    params = {"W": W}
    for cls in OPTIMIZERS.values():
        cls(lr=0.1).update(params, {"W": np.array([1.0, 1.0])})
        assert params["W"] is W
    assert np.all(W < [1.0, 2.0])


def test_momentum_first_two_steps():
    """Momentum with constant g: step 1 moves −lr·g, step 2 moves −lr·g·(1 + momentum)."""
    params = {"x": np.array([0.0])}
    g = {"x": np.array([2.0])}
    opt = Momentum(lr=0.1, momentum=0.9)
    opt.update(params, g)
    np.testing.assert_allclose(params["x"], [-0.2], rtol=1e-15)
    opt.update(params, g)
    np.testing.assert_allclose(params["x"], [-0.2 - 0.2 * 1.9], rtol=1e-15)


def test_nesterov_first_step():
    """Nesterov's first step with v = 0 is −lr·g·(1 + μ + μ²) − ... in the book's form:
    v = −lr g, W += μ²v − (1+μ) lr g, i.e. W moves −lr·g·(1 + μ + μ²)."""
    params = {"x": np.array([1.0])}
    Nesterov(lr=0.1, momentum=0.5).update(params, {"x": np.array([1.0])})
    np.testing.assert_allclose(params["x"], [1.0 - 0.1 * (1 + 0.5 + 0.25)], rtol=1e-15)


def test_adagrad_and_rmsprop_first_steps():
    """First AdaGrad step: lr·g/(|g| + eps); first RMSprop step: lr·g/(√(1−ρ)|g| + eps)."""
    g = np.array([3.0, -0.5])
    p = {"x": np.zeros(2)}
    AdaGrad(lr=0.1).update(p, {"x": g})
    np.testing.assert_allclose(p["x"], -0.1 * g / (np.abs(g) + 1e-7), rtol=1e-15)
    p = {"x": np.zeros(2)}
    RMSprop(lr=0.1, decay_rate=0.99).update(p, {"x": g})
    np.testing.assert_allclose(p["x"], -0.1 * g / (np.sqrt(0.01) * np.abs(g) + 1e-7), rtol=1e-14)


def test_adam_first_step_is_lr_sign_g():
    """Adam's bias-corrected first step is lr·g/(|g| + eps) ≈ lr·sign(g), whatever |g| is."""
    g = np.array([1e3, -2.0, 0.5])
    p = {"x": np.zeros(3)}
    Adam(lr=0.01).update(p, {"x": g})
    np.testing.assert_allclose(p["x"], -0.01 * np.sign(g), rtol=1e-6)


def test_adam_counts_steps_once_per_update():
    """Adam's step counter advances once per update, not once per parameter."""
    opt = Adam()
    params = {"a": np.zeros(1), "b": np.zeros(1)}
    opt.update(params, {"a": np.ones(1), "b": np.ones(1)})
    assert opt.iter == 1


@pytest.mark.parametrize(
    ("name", "lr", "steps"),
    [("SGD", 0.5, 200), ("Momentum", 0.05, 300), ("Nesterov", 0.05, 300),
     ("AdaGrad", 0.5, 500), ("RMSprop", 0.05, 500), ("Adam", 0.1, 500)],
)  # fmt: skip
def test_converges_on_quadratic(name, lr, steps):
    """Every optimizer finds the minimum (0, 0) of f = x²/20 + y² (the book's ch. 6 function,
    steeper in y) from the book's start (−7, 2) to within 0.05."""
    params = {"x": np.array([-7.0, 2.0])}
    opt = OPTIMIZERS[name](lr=lr)
    for _ in range(steps):
        x, y = params["x"]
        opt.update(params, {"x": np.array([x / 10.0, 2.0 * y])})
    assert np.linalg.norm(params["x"]) < 0.05


def test_registry_names_and_constructors():
    """OPTIMIZERS maps each name to its class; every class takes lr as its first argument."""
    assert list(OPTIMIZERS) == ["SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam"]
    for name, cls in OPTIMIZERS.items():
        assert cls.__name__ == name
        assert cls(0.5).lr == 0.5


def test_rejects_mismatched_grads():
    """Missing grads or wrong shapes raise ValueError naming the key; int params TypeError."""
    with pytest.raises(ValueError, match=r"missing \['b'\]"):
        SGD().update({"W": np.zeros(2), "b": np.zeros(1)}, {"W": np.zeros(2)})
    with pytest.raises(ValueError, match="grads\\['W'\\] has shape \\(3,\\)"):
        SGD().update({"W": np.zeros(2)}, {"W": np.zeros(3)})
    with pytest.raises(TypeError, match="float ndarray"):
        SGD().update({"W": np.array([1, 2])}, {"W": np.zeros(2)})
    with pytest.raises(ValueError, match="lr > 0"):
        Adam(lr=0.0)
