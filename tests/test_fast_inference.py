"""Tests for lab.fast_inference: the channels-last, batch-norm-folded path answers like the
teaching layers (``softmax(network.predict(x))``), in batches and one image at a time, and a
``FastNet`` keeps only read-only weights, folded once."""

import copy
from functools import partial

import numpy as np
import pytest

from lab import models
from lab.activations import softmax
from lab.cnn import default_net
from lab.fast_inference import (
    FastNet,
    _conv3x3_pool2_nhwc,
    _winograd_weights,
    fast_predict,
    fast_predict_proba,
)
from lab.layers import Convolution, Pooling
from lab.mnist import load_mnist
from lab.network import MultiLayerNet, Net

# float32 networks: folding batch norm and reordering the products change the last bits of
# each score; 1e-5 in probability is the bound (observed ~1e-6 on the shipped CNN).
PROBA_ATOL = 1e-5


@pytest.fixture(scope="module")
def mnist_test():
    """The real MNIST test set as images (10000, 1, 28, 28) float32 in [0, 1]."""
    _, (x_test, t_test) = load_mnist(normalize=True, flatten=False)
    return x_test, t_test


def _teaching_proba(net: Net, x: np.ndarray) -> np.ndarray:
    return np.concatenate([softmax(net.predict(x[i : i + 500])) for i in range(0, len(x), 500)])


def _scrambled_batchnorm(net: Net, rng: np.random.Generator) -> Net:
    """Give every batch norm trained-looking statistics, with some negative gammas (the
    channels where max pooling and the fold do not commute)."""
    for key, p in {**net.params, **net.buffers}.items():
        n = p.shape[0]
        if key.startswith("gamma"):
            p[...] = rng.uniform(0.5, 2.0, n) * rng.choice([-1.0, 1.0], n)
        elif key.startswith("beta") or key.startswith("running_mean"):
            p[...] = rng.normal(0, 0.5, n)
        elif key.startswith("running_var"):
            p[...] = rng.uniform(0.2, 3.0, n)
    return net


@pytest.mark.parametrize("name", ["default", "book"])
def test_shipped_models_match_the_teaching_path_on_mnist_test(name, mnist_test):
    """The shipped models on all 10,000 test images: identical predictions, probabilities
    within 1e-5 of the teaching layers."""
    x, _ = mnist_test
    net = models.load(name).network
    ref = _teaching_proba(net, x)
    fast = fast_predict_proba(net, x)
    np.testing.assert_array_equal(fast.argmax(axis=1), ref.argmax(axis=1))
    np.testing.assert_allclose(fast, ref, rtol=0, atol=PROBA_ATOL)


def test_fresh_random_cnn_matches_the_teaching_path_on_mnist_test(mnist_test, rng):
    """A freshly initialised default CNN (independent of the shipped weights), with batch norm
    statistics and negative gammas drawn at random, on 2,000 test images (the shipped models
    are checked on all 10,000 above)."""
    x = mnist_test[0][:2000]
    net = _scrambled_batchnorm(default_net(rng), rng)
    assert any(np.any(p < 0) for k, p in net.params.items() if k.startswith("gamma"))
    ref = _teaching_proba(net, x)
    fast = fast_predict_proba(net, x)
    np.testing.assert_array_equal(fast.argmax(axis=1), ref.argmax(axis=1))
    np.testing.assert_allclose(fast, ref, rtol=0, atol=PROBA_ATOL)


@pytest.mark.parametrize("name", ["default", "book", "random"])
def test_one_image_at_a_time_matches_the_teaching_path(name, mnist_test, rng):
    """A drawing is one (28, 28) image: Model.predict_proba answers it by the folded fast path
    (bit for bit ``model.fast``), with the teaching layers' prediction for that image alone
    and probabilities within 1e-5, for 200 test images one by one (shipped models, and a
    random CNN with negative batch-norm gammas)."""
    x, _ = mnist_test
    if name == "random":
        model = models.Model("random", _scrambled_batchnorm(default_net(rng), rng), {})
    else:
        model = models.load(name)
    for image in x[:200]:
        ref = softmax(model.network.predict(image[None]))
        got = model.predict_proba(image[0])
        np.testing.assert_array_equal(got, model.fast.predict_proba(image[None]))
        assert got.argmax() == ref.argmax()
        np.testing.assert_allclose(got, ref, rtol=0, atol=PROBA_ATOL)


def test_folded_once_and_read_only(mnist_test, rng):
    """A FastNet's folded weights are read-only arrays, and it reads the network only when
    built: a later change to the weights shows in a new FastNet, not in the old one."""
    net = default_net(rng)
    fast = FastNet(net)
    arrays = [
        v
        for op in fast.ops
        if isinstance(op, partial)
        for v in op.keywords.values()
        if isinstance(v, np.ndarray)
    ]
    assert len(arrays) == 8  # W and b of two convs and two affine layers
    for a in arrays:
        assert not a.flags.writeable
        with pytest.raises(ValueError, match="read-only"):
            a.flat[0] = 0
    x = mnist_test[0][:20]
    before = fast.predict(x)
    net.params["b4"] += 1.0  # the output layer's bias: shifts every score alike
    np.testing.assert_array_equal(fast.predict(x), before)
    np.testing.assert_allclose(FastNet(net).predict(x), before + 1.0, rtol=1e-6, atol=1e-5)


@pytest.mark.parametrize(
    "layers",
    [
        # stride 2, no padding, batch norm right after the conv, a sigmoid
        [{"type": "conv", "filters": 4, "size": 3, "stride": 2}, {"type": "batchnorm"},
         {"type": "sigmoid"}, {"type": "affine", "out": 5}],
        # two pools between conv and batch norm, a padded pool, batch norm after affine
        [{"type": "conv", "filters": 3, "size": 2, "pad": 1}, {"type": "pool", "size": 2},
         {"type": "pool", "size": 2, "stride": 1}, {"type": "batchnorm"}, {"type": "relu"},
         {"type": "pool", "size": 2, "pad": 1}, {"type": "affine", "out": 6},
         {"type": "batchnorm"}, {"type": "relu"}, {"type": "dropout", "ratio": 0.3},
         {"type": "affine", "out": 4}],
        # a padded pool between conv and batch norm: not folded across (zeros do not scale)
        [{"type": "conv", "filters": 3, "size": 2}, {"type": "pool", "size": 2, "pad": 1},
         {"type": "batchnorm"}, {"type": "affine", "out": 4}],
        # batch norm first (nothing to fold into), a 1x1 conv
        [{"type": "batchnorm"}, {"type": "conv", "filters": 5, "size": 1}, {"type": "relu"},
         {"type": "affine", "out": 3}],
    ],
)  # fmt: skip
def test_every_layer_kind_matches_in_float64(layers, rng):
    """In float64 the fast path equals predict to ~1e-12 for each layer arrangement it folds:
    conv strides and padding, pools between conv and batch norm (with negative gammas), batch
    norm after an affine layer, batch norm with nothing before it, dropout."""
    net = _scrambled_batchnorm(Net((2, 9, 9), layers, rng=rng, dtype=np.float64), rng)
    x = rng.normal(size=(7, 2, 9, 9))
    np.testing.assert_allclose(fast_predict(net, x), net.predict(x), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize(("h", "w", "pad"), [(14, 14, 1), (10, 8, 0), (6, 8, 2), (4, 4, 0)])
def test_winograd_conv_and_pool_equal_the_books_layers(h, w, pad, rng):
    """Winograd's F(2x2, 3x3) with the pool taken on its tiles equals the book's im2col
    Convolution followed by its 2x2 Pooling (float64, to 1e-12), for square and oblong
    images and paddings 0-2 (the book's pooling takes even sizes only)."""
    c, fn = 3, 5
    x = rng.normal(size=(4, c, h, w))
    W = rng.normal(size=(fn, c, 3, 3))
    conv = Convolution(W, np.zeros(fn), stride=1, pad=pad)
    ref = Pooling(2, 2, stride=2).forward(conv.forward(x, train_flg=False), train_flg=False)
    U = _winograd_weights(W.transpose(2, 3, 1, 0))
    got = _conv3x3_pool2_nhwc(x.transpose(0, 2, 3, 1), U, pad).transpose(0, 3, 1, 2)
    np.testing.assert_allclose(got, ref, rtol=1e-12, atol=1e-12)


def test_the_default_cnn_takes_the_winograd_path():
    """The shipped CNN's second convolution (3x3, 32 channels, then a 2x2 pool) runs by
    Winograd, so the shipped-model tests above check that path; the first one (one input
    channel) keeps im2col."""
    ops = FastNet(models.load("default").network).ops
    names = [getattr(op, "func", op).__name__ for op in ops]
    assert names[:2] == ["_conv_nhwc", "_pool_nhwc"]
    assert names.count("_conv3x3_pool2_nhwc") == 1


def test_winograd_network_matches_in_float64(rng):
    """Two blocks of 3x3 conv -> 2x2 pool -> batch norm (negative gammas): both take the
    Winograd path (pad 1, then pad 0) and equal predict to ~1e-12."""
    layers = [
        {"type": "conv", "filters": 4, "size": 3, "pad": 1},
        {"type": "pool", "size": 2},
        {"type": "batchnorm"},
        {"type": "relu"},
        {"type": "conv", "filters": 3, "size": 3},
        {"type": "pool", "size": 2},
        {"type": "batchnorm"},
        {"type": "affine", "out": 4},
    ]
    net = _scrambled_batchnorm(Net((2, 12, 12), layers, rng=rng, dtype=np.float64), rng)
    names = [getattr(op, "func", op).__name__ for op in FastNet(net).ops]
    assert names.count("_conv3x3_pool2_nhwc") == 2
    x = rng.normal(size=(7, 2, 12, 12))
    np.testing.assert_allclose(fast_predict(net, x), net.predict(x), rtol=1e-10, atol=1e-12)


def test_winograd_without_batchnorm_pools_once(rng):
    """A 3x3 conv and its 2x2 pool with no batch norm after them (nothing to fold): the pool
    is taken once, inside the Winograd step, and the scores equal predict's (float64)."""
    layers = [
        {"type": "conv", "filters": 4, "size": 3, "pad": 1},
        {"type": "pool", "size": 2},
        {"type": "relu"},
        {"type": "affine", "out": 3},
    ]
    net = Net((3, 8, 8), layers, rng=rng, dtype=np.float64)
    names = [getattr(op, "func", op).__name__ for op in FastNet(net).ops]
    assert names == ["_conv3x3_pool2_nhwc", "_bias", "_relu_in_place", "_affine"]
    x = rng.normal(size=(5, 3, 8, 8))
    np.testing.assert_allclose(fast_predict(net, x), net.predict(x), rtol=1e-10, atol=1e-12)


def test_mlp_with_batchnorm_and_flat_input(rng):
    """The book's MultiLayerNet with batch norm: flat (N, 784) input, the same scores."""
    net = MultiLayerNet(784, [20, 10], 10, rng=rng, use_batchnorm=True, dtype=np.float64)
    net = _scrambled_batchnorm(net, rng)
    x = rng.random((5, 784))
    np.testing.assert_allclose(fast_predict(net, x), net.predict(x), rtol=1e-10, atol=1e-12)


def test_batch_size_changes_nothing_but_memory(mnist_test):
    """The same 250 images in batches of 1, 7, 32, 100 and 250 give the same probabilities."""
    x = mnist_test[0][:250]
    net = models.load("default").network
    ref = fast_predict_proba(net, x, batch_size=250)
    for size in (1, 7, 32, 100):
        np.testing.assert_allclose(fast_predict_proba(net, x, batch_size=size), ref, atol=1e-6)
    with pytest.raises(ValueError, match="batch_size"):
        fast_predict(net, x, batch_size=0)


def test_stateless_and_current(mnist_test, rng):
    """A call changes nothing on the network, and a change to the weights shows in the very
    next call (nothing folded is kept between calls)."""
    net = default_net(rng)
    x = mnist_test[0][:20]
    before = copy.deepcopy({k: vars(layer) for k, layer in net.layers.items()})
    params = {k: v.copy() for k, v in {**net.params, **net.buffers}.items()}
    first = fast_predict(net, x)
    for k, v in {**net.params, **net.buffers}.items():
        np.testing.assert_array_equal(v, params[k])
    for k, layer in net.layers.items():
        assert vars(layer).keys() == before[k].keys()
        for attr, value in vars(layer).items():
            if not isinstance(value, np.ndarray | np.random.Generator):
                assert value == before[k][attr], (k, attr)
    net.params["b4"] += 1.0  # the output layer's bias: shifts every score alike
    np.testing.assert_allclose(fast_predict(net, x), first + 1.0, rtol=1e-6, atol=1e-5)
