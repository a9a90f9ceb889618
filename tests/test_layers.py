"""Tests for lab.layers: every backward against the numerical gradient, im2col against loops."""

from collections.abc import Callable

import numpy as np
import pytest

from lab.activations import sigmoid
from lab.calculus import numerical_gradient
from lab.layers import (
    Affine,
    BatchNormalization,
    Convolution,
    Dropout,
    Pooling,
    Relu,
    Sigmoid,
    SoftmaxWithLoss,
    col2im,
    conv_output_size,
    im2col,
)

# Central differences with h = 1e-4 on smooth float64 functions of size ~1 are accurate to
# about h² ≈ 1e-8 (truncation) plus eps/h ≈ 1e-12 (rounding); these bounds leave 10× room.
RTOL = 1e-6
ATOL = 1e-7


def _away_from_zero(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """Values with |x| >= 0.1, so no central difference straddles ReLU's kink at 0."""
    x = rng.standard_normal(shape)
    return np.sign(x) * (0.1 + np.abs(x))


def _distinct(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """Distinct values 0.01 apart, none near 0, so no window has a near-tie (pad zeros too)."""
    return rng.permutation(int(np.prod(shape))).reshape(shape) * 0.01 - 1.005  # never 0 (pad)


def _check_input_grad(forward: Callable, backward: Callable, x: np.ndarray, rng) -> None:
    """Compare backward(dout) with the numerical gradient of sum(forward(x) * dout)."""
    dout = rng.standard_normal(forward(x.copy()).shape)
    analytic = backward(dout)
    numeric = numerical_gradient(lambda z: np.sum(forward(z) * dout), x, batch=False)
    np.testing.assert_allclose(analytic, numeric, rtol=RTOL, atol=ATOL)


def _check_param_grad(layer, forward: Callable, name: str, grad_name: str, x, rng) -> None:
    """Compare layer.<grad_name> after backward with the numerical gradient in layer.<name>."""
    p = getattr(layer, name)
    dout = rng.standard_normal(forward(x).shape)
    layer.backward(dout)
    analytic = getattr(layer, grad_name).copy()
    saved = p.copy()

    def f(w: np.ndarray) -> float:
        p[...] = w  # the layer holds p by reference
        return float(np.sum(forward(x) * dout))

    numeric = numerical_gradient(f, saved, batch=False)
    p[...] = saved
    np.testing.assert_allclose(analytic, numeric, rtol=RTOL, atol=ATOL)


def _naive_im2col(x, fh, fw, stride, pad):
    """The definition, one window at a time."""
    n, _, h, w = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    oh = (h + 2 * pad - fh) // stride + 1
    ow = (w + 2 * pad - fw) // stride + 1
    rows = []
    for i in range(n):
        for y in range(oh):
            for z in range(ow):
                win = xp[i, :, y * stride : y * stride + fh, z * stride : z * stride + fw]
                rows.append(win.ravel())
    return np.array(rows)


@pytest.mark.parametrize(
    ("shape", "fh", "fw", "stride", "pad"),
    [((2, 3, 5, 5), 3, 3, 1, 0), ((2, 3, 5, 5), 3, 3, 1, 1), ((1, 2, 6, 4), 2, 2, 2, 0),
     ((2, 1, 7, 7), 3, 3, 2, 1), ((1, 2, 4, 6), 1, 3, 1, 0)],
)  # fmt: skip
def test_im2col_matches_naive_loop(rng, shape, fh, fw, stride, pad):
    """im2col equals the window-by-window definition (row order n, i, j; columns c, y, x)."""
    x = rng.standard_normal(shape)
    np.testing.assert_array_equal(
        im2col(x, fh, fw, stride, pad), _naive_im2col(x, fh, fw, stride, pad)
    )


@pytest.mark.parametrize(("stride", "pad"), [(1, 0), (1, 1), (2, 1)])
def test_col2im_is_adjoint_of_im2col(rng, stride, pad):
    """<im2col(x), c> == <x, col2im(c)> for all x, c: col2im is im2col's transpose."""
    shape = (2, 3, 7, 7)
    x = rng.standard_normal(shape)
    col = im2col(x, 3, 3, stride, pad)
    c = rng.standard_normal(col.shape)
    back = col2im(c, shape, 3, 3, stride, pad)
    assert back.shape == shape
    np.testing.assert_allclose(np.sum(col * c), np.sum(x * back), rtol=1e-12)


def test_col2im_counts_window_overlaps():
    """col2im of all-ones counts how many 3×3 windows cover each pixel (corner 1, centre 9)."""
    col = np.ones((1 * 3 * 3, 9))
    counts = col2im(col, (1, 1, 5, 5), 3, 3)[0, 0]
    expected = np.outer([1, 2, 3, 2, 1], [1, 2, 3, 2, 1])
    np.testing.assert_array_equal(counts, expected)


def test_im2col_keeps_dtype_and_input():
    """im2col returns the input's dtype and never writes into the input."""
    x = np.arange(2 * 1 * 4 * 4, dtype=np.float32).reshape(2, 1, 4, 4)
    before = x.copy()
    assert im2col(x, 2, 2, 2, 1).dtype == np.float32
    np.testing.assert_array_equal(x, before)


def test_conv_output_size_rejects_bad_geometry():
    """A stride that does not tile the input raises ValueError naming the sizes."""
    assert conv_output_size(28, 5, 1, 0) == 24
    assert conv_output_size(28, 3, 1, 1) == 28
    with pytest.raises(ValueError, match="divisible by stride"):
        conv_output_size(5, 2, 2, 0)


def test_relu_forward_backward_and_kink():
    """Relu: forward is max(0, x); backward passes dout only where x > 0 (ReLU'(0) = 0)."""
    layer = Relu()
    x = np.array([[-1.0, 0.0, 2.0]])
    np.testing.assert_array_equal(layer.forward(x), [[0.0, 0.0, 2.0]])
    np.testing.assert_array_equal(layer.backward(np.ones((1, 3))), [[0.0, 0.0, 1.0]])
    np.testing.assert_array_equal(x, [[-1.0, 0.0, 2.0]])  # input untouched


def test_relu_backward_matches_numerical(rng):
    """Relu backward equals the numerical gradient away from the kink."""
    layer = Relu()
    x = _away_from_zero(rng, (4, 5))
    layer.forward(x)
    _check_input_grad(Relu().forward, layer.backward, x, rng)


def test_sigmoid_layer_equals_activation_function(rng):
    """The layer's ½(1 + tanh(x/2)) equals lab.activations.sigmoid to a few ulps, saturates
    without warnings at ±1000 and keeps float32."""
    x = np.concatenate([rng.standard_normal(1000) * 10, [-1000.0, 0.0, 1000.0]])
    eps = np.finfo(np.float64).eps
    np.testing.assert_allclose(Sigmoid().forward(x), sigmoid(x), rtol=8 * eps, atol=2 * eps)
    assert Sigmoid().forward(x.astype(np.float32)).dtype == np.float32


def test_sigmoid_backward_matches_numerical(rng):
    """Sigmoid backward dout·y·(1−y) equals the numerical gradient."""
    layer = Sigmoid()
    x = rng.standard_normal((3, 4)) * 2
    layer.forward(x)
    _check_input_grad(Sigmoid().forward, layer.backward, x, rng)


def test_affine_backward_matches_numerical(rng):
    """Affine: dx, dW and db equal the numerical gradients."""
    W = rng.standard_normal((6, 4))
    b = rng.standard_normal(4)
    layer = Affine(W, b)
    x = rng.standard_normal((3, 6))
    layer.forward(x)
    _check_input_grad(Affine(W, b).forward, layer.backward, x, rng)
    for name in ("W", "b"):
        layer.forward(x)
        _check_param_grad(layer, layer.forward, name, "d" + name, x, rng)


def test_affine_flattens_images(rng):
    """Affine on (N, C, H, W) acts on the flattened rows and returns dx in the input's shape."""
    W = rng.standard_normal((2 * 3 * 3, 5))
    b = np.zeros(5)
    layer = Affine(W, b)
    x = rng.standard_normal((4, 2, 3, 3))
    np.testing.assert_allclose(layer.forward(x), x.reshape(4, -1) @ W)
    assert layer.backward(np.ones((4, 5))).shape == x.shape


def test_affine_rejects_wrong_width(rng):
    """Affine with the wrong number of input features raises a ValueError saying both."""
    layer = Affine(np.zeros((4, 2)), np.zeros(2))
    with pytest.raises(ValueError, match=r"expects 4 input features.*got 3"):
        layer.forward(np.zeros((1, 3)))


@pytest.mark.parametrize("labels", [True, False])
def test_softmax_with_loss_backward_matches_numerical(rng, labels):
    """SoftmaxWithLoss backward (y − t)/N equals the numerical gradient of the loss."""
    x = rng.standard_normal((4, 5))
    t_lab = np.array([0, 3, 4, 1])
    t = t_lab if labels else np.eye(5)[t_lab]
    layer = SoftmaxWithLoss()
    layer.forward(x, t)
    analytic = layer.backward()
    numeric = numerical_gradient(lambda z: SoftmaxWithLoss().forward(z, t), x, batch=False)
    np.testing.assert_allclose(analytic, numeric, rtol=RTOL, atol=ATOL)


def test_softmax_with_loss_labels_equal_one_hot(rng):
    """Labels and their one-hot rows give the same loss and the same gradient."""
    x = rng.standard_normal((3, 4))
    t = np.array([2, 0, 3])
    a, b = SoftmaxWithLoss(), SoftmaxWithLoss()
    assert a.forward(x, t) == pytest.approx(b.forward(x, np.eye(4)[t]), rel=1e-15)
    np.testing.assert_allclose(a.backward(), b.backward(), rtol=1e-15)


def test_softmax_with_loss_keeps_float32(rng):
    """A float32 input gives a float32 gradient, so float32 training stays float32."""
    layer = SoftmaxWithLoss()
    layer.forward(rng.standard_normal((2, 3)).astype(np.float32), np.array([0, 2]))
    assert layer.backward().dtype == np.float32


@pytest.mark.parametrize(("stride", "pad"), [(1, 0), (1, 1), (2, 1)])
def test_convolution_backward_matches_numerical(rng, stride, pad):
    """Convolution: dx, dW and db equal the numerical gradients."""
    W = rng.standard_normal((3, 2, 3, 3))
    b = rng.standard_normal(3)
    x = rng.standard_normal((2, 2, 5, 5))
    layer = Convolution(W, b, stride, pad)
    layer.forward(x)
    _check_input_grad(Convolution(W, b, stride, pad).forward, layer.backward, x, rng)
    for name in ("W", "b"):
        layer.forward(x)
        _check_param_grad(layer, layer.forward, name, "d" + name, x, rng)


def test_convolution_matches_direct_sum(rng):
    """Convolution forward equals out[n,f,i,j] = Σ W[f]·x[n, :, i:i+3, j:j+3] + b[f]."""
    W = rng.standard_normal((2, 3, 3, 3))
    b = rng.standard_normal(2)
    x = rng.standard_normal((2, 3, 5, 6))
    out = Convolution(W, b).forward(x)
    expected = np.empty((2, 2, 3, 4))
    for i in range(3):
        for j in range(4):
            expected[:, :, i, j] = np.einsum("nchw,fchw->nf", x[:, :, i : i + 3, j : j + 3], W) + b
    np.testing.assert_allclose(out, expected, rtol=1e-12, atol=1e-12)


def test_convolution_rejects_wrong_channels(rng):
    """A batch with the wrong channel count raises ValueError naming both counts."""
    layer = Convolution(np.zeros((2, 3, 3, 3)), np.zeros(2))
    with pytest.raises(ValueError, match="expects 3 input channels, got 1"):
        layer.forward(np.zeros((1, 1, 5, 5)))
    with pytest.raises(ValueError, match="4-D batch"):
        layer.forward(np.zeros((5, 5)))


def test_pooling_forward_is_window_max():
    """Max pooling 2×2 stride 2 picks each window's maximum, per channel."""
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    x = np.concatenate([x, -x], axis=1)  # second channel: maxima at the top-left corners
    out = Pooling(2, 2, 2).forward(x)
    np.testing.assert_array_equal(out[0, 0], [[5, 7], [13, 15]])
    np.testing.assert_array_equal(out[0, 1], [[0, -2], [-8, -10]])


@pytest.mark.parametrize(("size", "stride", "pad"), [(2, 2, 0), (3, 1, 0), (3, 2, 1)])
def test_pooling_matches_naive_window_max(rng, size, stride, pad):
    """Pooling equals the max of each (zero-padded) window taken from the naive im2col."""
    x = rng.standard_normal((2, 3, 7, 7) if size == 3 else (2, 3, 4, 6))
    out = Pooling(size, size, stride, pad).forward(x)
    naive = _naive_im2col(x, size, size, stride, pad).reshape(-1, 3, size * size).max(axis=2)
    n, c, oh, ow = out.shape
    np.testing.assert_array_equal(out, naive.reshape(n, oh, ow, c).transpose(0, 3, 1, 2))


@pytest.mark.parametrize(("size", "stride", "pad"), [(2, 2, 0), (3, 1, 0), (3, 2, 1)])
def test_pooling_backward_matches_numerical(rng, size, stride, pad):
    """Pooling backward equals the numerical gradient (no ties, so max is differentiable)."""
    x = _distinct(rng, (2, 3, 5, 5) if size == 3 else (2, 3, 4, 6))
    layer = Pooling(size, size, stride, pad)
    layer.forward(x)
    _check_input_grad(Pooling(size, size, stride, pad).forward, layer.backward, x, rng)


def test_pooling_tie_goes_to_first_position():
    """On a tie the whole gradient goes to the first position of the window (argmax's rule)."""
    layer = Pooling(2, 2, 2)
    layer.forward(np.ones((1, 1, 2, 2)))
    np.testing.assert_array_equal(layer.backward(np.ones((1, 1, 1, 1)))[0, 0], [[1, 0], [0, 0]])


def test_dropout_is_seeded_and_unbiased(rng):
    """Dropout: same seed, same mask; kept units scaled by 1/(1−p); inference is identity."""
    x = np.ones((200, 50))
    a = Dropout(0.3, rng=np.random.default_rng(5)).forward(x)
    b = Dropout(0.3, rng=np.random.default_rng(5)).forward(x)
    np.testing.assert_array_equal(a, b)
    assert set(np.unique(a)) == {0.0, 1.0 / 0.7}
    # the kept fraction is binomial(10000, 0.7): 5 standard deviations are 0.023
    assert abs(np.mean(a > 0) - 0.7) < 0.023
    layer = Dropout(0.3, rng=rng)
    np.testing.assert_array_equal(layer.forward(x, train_flg=False), x)
    np.testing.assert_array_equal(layer.backward(x), x)


def test_dropout_backward_matches_numerical(rng):
    """Dropout backward equals the numerical gradient for a fixed mask (re-seeded rng)."""
    x = rng.standard_normal((3, 4))
    layer = Dropout(0.5, rng=np.random.default_rng(1))
    layer.forward(x)
    _check_input_grad(
        lambda z: Dropout(0.5, rng=np.random.default_rng(1)).forward(z), layer.backward, x, rng
    )


def test_dropout_rejects_bad_ratio(rng):
    """A ratio outside [0, 1) raises ValueError."""
    with pytest.raises(ValueError, match=r"\[0, 1\)"):
        Dropout(1.0, rng=rng)


@pytest.mark.parametrize("shape", [(5, 4), (3, 2, 3, 3)])
def test_batchnorm_backward_matches_numerical(rng, shape):
    """BatchNormalization (train mode): dx, dgamma and dbeta equal the numerical gradients."""
    d = shape[1]
    gamma = rng.standard_normal(d)
    beta = rng.standard_normal(d)
    x = rng.standard_normal(shape) * 2 + 1
    layer = BatchNormalization(gamma, beta)
    layer.forward(x)
    _check_input_grad(BatchNormalization(gamma, beta).forward, layer.backward, x, rng)
    for name in ("gamma", "beta"):
        layer.forward(x)
        _check_param_grad(layer, layer.forward, name, "d" + name, x, rng)


def test_batchnorm_normalises_per_channel(rng):
    """With γ=1, β=0 each channel of the output has mean 0 and variance var/(var+eps)."""
    x = rng.standard_normal((8, 3, 4, 4)) * 3 + 5
    layer = BatchNormalization(np.ones(3), np.zeros(3))
    y = layer.forward(x)
    np.testing.assert_allclose(y.mean(axis=(0, 2, 3)), 0, atol=1e-12)
    var = x.var(axis=(0, 2, 3))
    np.testing.assert_allclose(y.var(axis=(0, 2, 3)), var / (var + layer.eps), rtol=1e-12)
    # running statistics moved 10 % of the way from (0, 1) towards the batch statistics
    np.testing.assert_allclose(layer.running_mean, 0.1 * x.mean(axis=(0, 2, 3)), rtol=1e-12)


def test_batchnorm_inference_uses_running_stats():
    """In inference mode the output is (x − running_mean)/√(running_var + eps)·γ + β."""
    layer = BatchNormalization(
        np.array([2.0]), np.array([1.0]), running_mean=np.array([3.0]), running_var=np.array([4.0])
    )
    y = layer.forward(np.array([[5.0], [3.0]]), train_flg=False)
    np.testing.assert_allclose(y[:, 0], [2 * 2 / np.sqrt(4 + 1e-5) + 1, 1.0])


def test_input_grad_false_skips_dx_only(rng):
    """With input_grad=False, Affine and Convolution backward return None but the same dW, db."""
    x4 = rng.standard_normal((2, 2, 5, 5))
    for make, x in [
        (lambda: Affine(rng.standard_normal((50, 3)), np.zeros(3)), x4),
        (lambda: Convolution(rng.standard_normal((3, 2, 3, 3)), np.zeros(3), 1, 1), x4),
    ]:
        full, lean = make(), make()
        lean.W, lean.b = full.W, full.b
        lean.input_grad = False
        dout = rng.standard_normal(full.forward(x).shape)
        lean.forward(x)
        assert full.backward(dout) is not None and lean.backward(dout) is None
        np.testing.assert_array_equal(lean.dW, full.dW)
        np.testing.assert_array_equal(lean.db, full.db)
