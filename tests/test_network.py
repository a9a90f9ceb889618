"""Tests for lab.network: backprop equals numerical gradients, shapes, seeded init, specs."""

import numpy as np
import pytest

from lab.network import MultiLayerNet, Net, TwoLayerNet, init_weight, weight_std

TINY_CNN = [
    {"type": "conv", "filters": 3, "size": 3, "pad": 1},
    {"type": "batchnorm"},
    {"type": "relu"},
    {"type": "pool", "size": 2},
    {"type": "affine", "out": 5},
    {"type": "sigmoid"},
    {"type": "affine", "out": 3},
]


# A bias feeding batch norm has gradient exactly 0 (BN subtracts the mean); the numerical one
# is then rounding noise of size eps·|L|/h ≈ 1e-12, which this absolute floor absorbs.
ATOL = 1e-10


def _assert_grads_match(net: Net, x: np.ndarray, t: np.ndarray, rel: float) -> None:
    """max |backprop − numeric| <= rel · max(|backprop| + |numeric|) + ATOL for every key."""
    backprop = net.gradient(x, t)
    numeric = net.numerical_gradient(x, t)
    assert backprop.keys() == numeric.keys() == net.params.keys()
    for key in net.params:
        a, b = backprop[key], numeric[key]
        assert a.shape == net.params[key].shape, key
        assert np.max(np.abs(a - b)) <= rel * np.max(np.abs(a) + np.abs(b)) + ATOL, key


def _random_biases(net: Net, rng: np.random.Generator) -> None:
    """Zero biases put a ReLU exactly at its kink when a whole row upstream is 0."""
    for key, p in net.params.items():
        if key.startswith("b"):
            p[...] = 0.1 * rng.standard_normal(p.shape)


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_mlp_backprop_matches_numerical(rng, activation):
    """MLP (2 hidden layers, weight decay): backprop grads equal central differences to 1e-7
    relative (h = 1e-4 gives O(h²) = 1e-8 truncation error on this smooth loss)."""
    net = MultiLayerNet(4, [5, 6], 3, rng=rng, activation=activation, weight_decay_lambda=0.1)
    _random_biases(net, rng)
    x = rng.standard_normal((7, 4))
    t = rng.integers(0, 3, size=7)
    _assert_grads_match(net, x, t, rel=1e-7)


def test_mlp_with_batchnorm_backprop_matches_numerical(rng):
    """MultiLayerNet with batch norm: backprop equals central differences (gamma, beta too)."""
    net = MultiLayerNet(4, [5], 3, rng=rng, activation="sigmoid", use_batchnorm=True)
    x = rng.standard_normal((6, 4))
    t = np.eye(3)[rng.integers(0, 3, size=6)]  # one-hot targets
    _assert_grads_match(net, x, t, rel=1e-7)
    assert {"gamma1", "beta1"} <= net.params.keys()


def test_tiny_cnn_backprop_matches_numerical(rng):
    """conv-BN-relu-pool-affine-sigmoid-affine: backprop equals central differences to 1e-7."""
    net = Net((2, 4, 4), TINY_CNN, rng=rng)
    _random_biases(net, rng)
    x = rng.standard_normal((3, 2, 4, 4))
    t = np.array([0, 2, 1])
    _assert_grads_match(net, x, t, rel=1e-7)


def test_cnn_param_and_layer_names_and_shapes(rng):
    """A conv net gets the book's names (W1 for the conv, W2/W3 for affines; Conv1, Relu1,
    Pool1 ...) and the shapes its spec implies; predict gives (N, classes)."""
    net = Net((2, 4, 4), TINY_CNN, rng=rng)
    shapes = {k: v.shape for k, v in net.params.items()}
    assert shapes == {
        "W1": (3, 2, 3, 3), "b1": (3,), "gamma1": (3,), "beta1": (3,),
        "W2": (3 * 2 * 2, 5), "b2": (5,), "W3": (5, 3), "b3": (3,),
    }  # fmt: skip
    names = ["Conv1", "BatchNorm1", "Relu1", "Pool1", "Affine1", "Sigmoid1", "Affine2"]
    assert list(net.layers) == names
    assert set(net.buffers) == {"running_mean1", "running_var1"}
    assert net.predict(np.zeros((5, 2, 4, 4))).shape == (5, 3)
    assert net.predict(np.zeros((5, 32))).shape == (5, 3)  # flat rows are reshaped


def test_two_layer_net_is_the_books(rng):
    """TwoLayerNet(784, 50, 10): W1 (784, 50), b1 zeros, W2 (50, 10), weights ~ 0.01·N(0,1),
    layers Affine1, Sigmoid1, Affine2; untrained accuracy is near chance."""
    net = TwoLayerNet(784, 50, 10, rng=rng)
    assert net.params["W1"].shape == (784, 50) and net.params["W2"].shape == (50, 10)
    assert not net.params["b1"].any()
    assert 0.009 < net.params["W1"].std() < 0.011  # 39200 draws: std within 2.5 %
    assert list(net.layers) == ["Affine1", "Sigmoid1", "Affine2"]


def test_seeded_init_is_reproducible():
    """The same seed gives identical weights; another seed different ones."""
    a = MultiLayerNet(10, [8], 3, rng=np.random.default_rng(7))
    b = MultiLayerNet(10, [8], 3, rng=np.random.default_rng(7))
    c = MultiLayerNet(10, [8], 3, rng=np.random.default_rng(8))
    for key in a.params:
        np.testing.assert_array_equal(a.params[key], b.params[key])
    assert not np.array_equal(a.params["W1"], c.params["W1"])


def test_weight_std_formulas():
    """He is √(2/n), Xavier √(1/n), a float is the std itself; conv fan_in is C·FH·FW."""
    assert weight_std(50, "he") == pytest.approx(0.2)
    assert weight_std(100, "xavier") == pytest.approx(0.1)
    assert weight_std(100, 0.01) == 0.01
    w = init_weight((64, 8, 5, 5), "he", np.random.default_rng(0))
    assert w.std() == pytest.approx(np.sqrt(2 / 200), rel=0.03)  # 12800 draws
    with pytest.raises(ValueError, match="'he', 'xavier'"):
        weight_std(10, "glorot")


def test_auto_init_follows_activation(rng):
    """'auto' uses He before ReLU and Xavier before sigmoid (std ratio √2)."""
    relu = MultiLayerNet(200, [100], 10, rng=np.random.default_rng(0), activation="relu")
    sig = MultiLayerNet(200, [100], 10, rng=np.random.default_rng(0), activation="sigmoid")
    ratio = relu.params["W1"].std() / sig.params["W1"].std()
    assert ratio == pytest.approx(np.sqrt(2), rel=1e-12)  # same draws, scaled


def test_gradient_updates_in_place_keep_layers_in_sync(rng):
    """Layers hold the params arrays: changing params[k] in place changes predict."""
    net = MultiLayerNet(3, [4], 2, rng=rng)
    x = rng.standard_normal((2, 3))
    before = net.predict(x)
    net.params["b2"] += 1.0
    np.testing.assert_allclose(net.predict(x), before + 1.0, rtol=1e-12)


def test_accuracy_counts_argmax(rng):
    """accuracy = mean(argmax(predict) == t), for labels and one-hot, in any batch size."""
    net = MultiLayerNet(3, [4], 2, rng=rng)
    x = rng.standard_normal((9, 3))
    t = np.argmax(net.predict(x), axis=1)
    t[:3] = 1 - t[:3]  # make exactly 3 wrong
    assert net.accuracy(x, t, batch_size=4) == pytest.approx(6 / 9)
    assert net.accuracy(x, np.eye(2)[t]) == pytest.approx(6 / 9)


def test_activations_lists_every_layer(rng):
    """activations(x) returns each layer's output; the last equals predict(x)."""
    net = MultiLayerNet(784, [50, 100], 10, rng=rng, activation="sigmoid")
    x = rng.random((2, 784))
    acts = net.activations(x)
    assert list(acts) == ["Affine1", "Sigmoid1", "Affine2", "Sigmoid2", "Affine3"]
    assert acts["Sigmoid1"].shape == (2, 50) and acts["Sigmoid2"].shape == (2, 100)
    np.testing.assert_array_equal(acts["Affine3"], net.predict(x))


def test_dropout_only_in_training(rng):
    """Dropout changes the training forward pass but not inference."""
    net = MultiLayerNet(5, [50], 2, rng=rng, use_dropout=True, dropout_ratio=0.5)
    x = rng.standard_normal((4, 5))
    np.testing.assert_array_equal(net.predict(x), net.predict(x))
    assert not np.array_equal(net.predict(x, train_flg=True), net.predict(x))


def test_float32_net_stays_float32(rng):
    """dtype=float32: params, scores and gradients are float32."""
    net = Net((1, 6, 6), TINY_CNN, rng=rng, dtype=np.float32)
    x = rng.random((2, 1, 6, 6))
    assert net.predict(x).dtype == np.float32
    grads = net.gradient(x, np.array([0, 1]))
    assert all(g.dtype == np.float32 for g in grads.values())


def test_bad_specs_and_inputs_raise(rng):
    """Bad specs name the layer and the problem; a wrong input shape says what was expected."""
    with pytest.raises(ValueError, match="last layer spec"):
        Net((4,), [{"type": "relu"}], rng=rng)
    with pytest.raises(ValueError, match=r"#0 .*expected 'type'"):
        Net((4,), [{"type": "dense"}, {"type": "affine", "out": 2}], rng=rng)
    with pytest.raises(ValueError, match=r"#0 .*missing option 'out'"):
        Net((4,), [{"type": "affine"}], rng=rng)
    with pytest.raises(ValueError, match=r"conv needs \(C, H, W\)"):
        Net(
            (4,), [{"type": "conv", "filters": 2, "size": 3}, {"type": "affine", "out": 2}], rng=rng
        )
    net = MultiLayerNet(4, [3], 2, rng=rng)
    with pytest.raises(ValueError, match=r"expected a batch of shape \(N, 4\), got shape \(4,\)"):
        net.predict(np.zeros(4))
