"""Tests for lab.introspect: hidden activations and unit weights of the book's MLP, feature
maps of a CNN, and the mosaic that tiles them, against the definitions."""

import numpy as np
import pytest

from lab.introspect import feature_maps, hidden_activations, mosaic, unit_weights
from lab.network import MultiLayerNet, Net


def test_hidden_activations_and_unit_weights_of_book_mlp(rng):
    """Book MLP: z1 (50,) and z2 (100,) in (0, 1) equal sigmoid(x W1 + b1) etc.; unit j's
    weights are column j of W1 as 28x28."""
    net = MultiLayerNet(784, [50, 100], 10, rng=rng, activation="sigmoid")
    x = rng.random(784)
    acts = hidden_activations(net, x.reshape(28, 28))
    assert [(name, a.shape) for name, a in acts] == [("Sigmoid1", (50,)), ("Sigmoid2", (100,))]
    p = net.params
    z1 = 1 / (1 + np.exp(-(x @ p["W1"] + p["b1"])))
    z2 = 1 / (1 + np.exp(-(z1 @ p["W2"] + p["b2"])))
    np.testing.assert_allclose(acts[0][1], z1, rtol=1e-12)
    np.testing.assert_allclose(acts[1][1], z2, rtol=1e-12)
    w = unit_weights(net, 7)
    assert w.shape == (28, 28)
    np.testing.assert_array_equal(w.ravel(), p["W1"][:, 7])
    with pytest.raises(ValueError, match=r"unit in \[0, 50\)"):
        unit_weights(net, 50)


def test_mosaic_places_each_map_and_leaves_nan_gaps():
    """Five 2x3 maps, 2 per row: 3 rows; map k at block (k // 2, k % 2); gaps and the missing
    sixth map are NaN; values are not rescaled."""
    maps = np.arange(5 * 2 * 3, dtype=float).reshape(5, 2, 3) - 7
    out = mosaic(maps, 2)
    assert out.shape == (3 * 3 - 1, 2 * 4 - 1)
    for k in range(5):
        r, q = divmod(k, 2)
        np.testing.assert_array_equal(out[r * 3 : r * 3 + 2, q * 4 : q * 4 + 3], maps[k])
    assert np.isnan(out[2]).all() and np.isnan(out[:, 3]).all()  # the gap row and column
    assert np.isnan(out[6:, 4:]).all()  # no sixth map
    assert np.nansum(out) == maps.sum()
    assert mosaic(maps, 10).shape == (2, 5 * 4 - 1)  # cols capped at the number of maps
    assert mosaic(maps[:1], 3, pad=0).shape == (2, 3)


@pytest.mark.parametrize(
    ("maps", "cols", "pad"),
    [
        (np.zeros((2, 2)), 1, 1),
        (np.zeros((0, 2, 2)), 1, 1),
        (np.zeros((1, 2, 2)), 0, 1),
        (np.zeros((1, 2, 2)), 1, -1),
    ],
)
def test_mosaic_refuses_bad_input(maps, cols, pad):
    with pytest.raises(ValueError, match="expected"):
        mosaic(maps, cols, pad)


def test_feature_maps_are_the_conv_blocks_outputs(rng):
    """A small conv net: the ReLU outputs after each block, for one image, equal a manual
    forward pass through the layers; a fully connected net is refused with a message."""
    net = Net(
        (1, 28, 28),
        [
            {"type": "conv", "filters": 4, "size": 3, "pad": 1},
            {"type": "pool", "size": 2},
            {"type": "relu"},
            {"type": "conv", "filters": 6, "size": 3, "pad": 1},
            {"type": "pool", "size": 2},
            {"type": "relu"},
            {"type": "affine", "out": 10},
        ],
        rng=rng,
    )
    x = rng.random((28, 28))
    maps = feature_maps(net, x)
    assert [(n, m.shape) for n, m in maps] == [("Relu1", (4, 14, 14)), ("Relu2", (6, 7, 7))]
    h = x.reshape(1, 1, 28, 28)
    expected = []
    for name, layer in net.layers.items():
        h = layer.forward(h)
        if name.startswith("Relu"):
            expected.append(h[0])
    for (_, got), want in zip(maps, expected, strict=True):
        np.testing.assert_allclose(got, want)
        assert (got >= 0).all()
    mlp = Net((784,), [{"type": "affine", "out": 10}], rng=rng)
    with pytest.raises(ValueError, match="convolutional networks only"):
        feature_maps(mlp, x)
