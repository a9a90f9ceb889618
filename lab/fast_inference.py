"""A fast inference path beside the teaching layers: same network, same answers, faster.

``lab.layers`` follows the book: images are (N, C, H, W), every convolution unrolls its windows
with ``im2col`` and transposes its output back to channels-first, and batch norm is a layer of
its own. That is the clearest way to learn a CNN, and it stays as it is. For inference only,
``fast_predict`` runs the *same* weights in a different arrangement:

- **channels-last** end to end: images are (N, H, W, C), so a convolution's matrix product
  ``col @ W`` already has the next layer's layout (no transpose and copy after each layer),
  and its windows are unrolled from contiguous runs of C values;
- **batch norm folded into the convolution** (or affine layer) before it: at inference batch
  norm is a fixed per-channel ``y = a·x + c`` with ``a = γ/√(running_var + eps)`` and
  ``c = β − a·running_mean``, so ``W' = a·W``, ``b' = a·b + c`` give the same output in one
  product. Across a max pool between them (the default CNN: conv → pool → batchnorm) this
  holds for ``a > 0``; for ``a < 0`` the pool would pick the minimum, so the fold uses
  ``|a|`` and ``sign(a)·c`` and multiplies by ``sign(a)`` after the pool;
- a **3×3 convolution followed by a 2×2 max pool** (the default CNN's second one, 85 % of its
  multiplications) runs as Winograd's F(2×2, 3×3): each pool window is one 4×4 input tile
  whose four outputs take 16 products per channel pair instead of 36, and the pool is their
  maximum (``_conv3x3_pool2_nhwc``); the bias of a convolution is added after its pools;
- the first affine layer after the image part gets its rows permuted from the book's (C, H, W)
  flattening to (H, W, C), so the scores are the same numbers.

``FastNet(network)`` folds the weights once (a few milliseconds for the default CNN: more
than the whole forward pass of one drawing) and then predicts any number of batches; every
folded array is read-only and ``predict`` keeps nothing on ``self``, so one ``FastNet`` may
serve many threads at once. It reads the network only when it is built: a network that keeps
training needs a new one (``fast_predict(network, x)`` builds one per call).
Results match ``network.predict`` to float rounding (tests/test_fast_inference.py: the same
predictions and probabilities within 1e-5, for the shipped models and a random CNN, in batches
and one image at a time).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view
from numpy.typing import ArrayLike, NDArray

from lab.activations import softmax
from lab.layers import (
    Affine,
    BatchNormalization,
    Convolution,
    Dropout,
    Pooling,
    Relu,
    Sigmoid,
    conv_output_size,
)
from lab.network import Net

__all__ = ["BATCH_SIZE", "FastNet", "fast_predict", "fast_predict_proba"]

# Images per batch: the default CNN's temporaries (Winograd's products, the first conv's
# output) are then ~3 MB, near the CPU's cache, and the peak ~10 MB (tracemalloc; 31 MB at
# 100). Measured on one thread: 32 is as fast as 50-100, and 4-16 are slower.
BATCH_SIZE = 32

Array = NDArray[np.floating]
Op = Callable[[Array], Array]


def _conv_nhwc(x: Array, W: Array, fh: int, fw: int, stride: int, pad: int) -> Array:
    """Convolution of a channels-last batch: windows unrolled as (FH, FW, C), one product.

    ``W`` is (FH·FW·C, FN) in the same order; the result is (N, out_h, out_w, FN), a new
    array, without the bias (``_bias`` adds it, after the pools).

    Notes
    -----
    In channels-last memory the FW·C values of one window row are contiguous, so the windows
    are a strided view of whole runs; the copy that lays them out for the product moves
    FH runs per output pixel instead of FH·FW·C single values. With a single input channel
    the runs would be one value long, so the windows are laid out column-major instead
    (as ``lab.layers.im2col`` does): each copied run is then a whole image row.
    """
    n, h, w, c = x.shape
    out_h = conv_output_size(h, fh, stride, pad)
    out_w = conv_output_size(w, fw, stride, pad)
    img = np.pad(x, ((0, 0), (pad, pad), (pad, pad), (0, 0))) if pad else x
    if c == 1:
        win = sliding_window_view(img[..., 0], (fh, fw), axis=(1, 2))[:, ::stride, ::stride]
        col = np.ascontiguousarray(win.transpose(3, 4, 0, 1, 2)).reshape(fh * fw, -1).T
    else:
        img = np.ascontiguousarray(img)  # the runs below need (W, C) contiguous
        sn, sh, sw, sc = img.strides
        win = as_strided(
            img,
            (n, out_h, out_w, fh, fw * c),
            (sn, sh * stride, sw * stride, sh, sc),
            writeable=False,
        )
        col = win.reshape(n * out_h * out_w, fh * fw * c)
    return (col @ W).reshape(n, out_h, out_w, W.shape[1])


# Winograd F(2×2, 3×3) (Lavin & Gray 2016): a 2×2 block of a 3×3 convolution's outputs from
# its 4×4 input tile d as Y = Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A, 16 products per channel pair instead of 36.
_WINO_G = np.array([[1, 0, 0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0, 0, 1]])
# Bᵀ's rows (1, 0, −1, 0), (0, 1, 1, 0), (0, −1, 1, 0), (0, 1, 0, −1) as op(d_i, d_j)
_WINO_BT = ((np.subtract, 0, 2), (np.add, 1, 2), (np.subtract, 2, 1), (np.subtract, 1, 3))


def _winograd_weights(W: NDArray[np.float64]) -> NDArray[np.float64]:
    """The 3×3 kernels W (3, 3, C, FN) transformed once: U = G·W·Gᵀ, shape (16, C, FN)."""
    U = np.einsum("ai,ijcf,bj->abcf", _WINO_G, W, _WINO_G)
    return U.reshape(16, *W.shape[2:])


def _conv3x3_pool2_nhwc(x: Array, U: Array, pad: int) -> Array:
    """A 3×3, stride-1 convolution and the 2×2, stride-2 max pool after it, channels-last.

    ``U`` is ``_winograd_weights(W)``; the result is (N, out_h // 2, out_w // 2, FN), without
    the bias (added after the pool, as ``_bias`` does).

    Notes
    -----
    Each 2×2 pool window is one Winograd tile: the convolution's four outputs there come from
    the 4×4 input tile at (2·ti, 2·tj) with 16 matrix products (N·tiles, C) @ (C, FN) instead
    of 36, and the pool is the maximum of the four, taken before anything is written out. The
    transforms are sums and differences of whole shifted views; to keep those views contiguous
    the padded input is stored with its columns split into even and odd ones. The products'
    sums run in another order than im2col's: the outputs agree with it to float rounding
    (~1e-7 relative in float32).
    """
    n, h, w, c = x.shape
    th, tw = conv_output_size(h, 3, 1, pad) // 2, conv_output_size(w, 3, 1, pad) // 2
    # padded input, rows 0..2·th+1, columns 0..2·tw+1 stored as [row, column % 2, column // 2]
    xp = np.zeros((n, 2 * th + 2, 2, tw + 1, c), x.dtype)
    rows = slice(pad, min(pad + h, 2 * th + 2))
    for q in (0, 1):  # padded column 2·k + q holds input column 2·k + q - pad
        j0 = (q - pad) % 2
        k0 = (j0 + pad) // 2
        j = x[:, : rows.stop - pad, j0 : min(w, 2 * tw + 2 - pad) : 2]
        xp[:, rows, q, k0 : k0 + j.shape[2]] = j
    # Bᵀ·d·B and Aᵀ·m·A are separable: one row of Bᵀ·d (over the tile's rows), its four column
    # combinations, their products with U and their share of Aᵀ·m are done before the next
    # row, so each piece is still in the CPU's cache when it is used (~25 % faster than four
    # passes over the whole batch, and the same sums in the same order).
    d = [xp[:, i : i + 2 * th : 2] for i in range(4)]  # tile row i: padded rows 2·ti + i
    U = U.reshape(4, 4, c, -1)
    p, fn = n * th * tw, U.shape[-1]
    e = np.empty((n, th, 2, tw + 1, c), x.dtype)  # one row of Bᵀ·d
    cols = [e[:, :, q, k : k + tw] for k in (0, 1) for q in (0, 1)]  # its tile columns 0..3
    v = np.empty((4, p, c), x.dtype)  # that row of Bᵀ·d·B
    m = np.empty((4, p, fn), x.dtype)  # its products with U
    s = np.empty((2, 4, p, fn), x.dtype)  # Aᵀ·m: s0 = m0 + m1 + m2, s1 = m1 − m2 − m3
    for a, (op, i, j) in enumerate(_WINO_BT):
        op(d[i], d[j], out=e)
        for b, (op, i, j) in enumerate(_WINO_BT):
            op(cols[i], cols[j], out=v[b].reshape(n, th, tw, c))
        if a < 2:
            np.matmul(v, U[a], out=s[a])  # s0 = m0, s1 = m1
            if a == 1:
                s[0] += s[1]
        else:
            np.matmul(v, U[a], out=m)
            if a == 2:
                s[0] += m
            s[1] -= m
    # ·A over the columns: the tile's four outputs, then their maximum (the pool)
    y = np.empty((2, 2, p, fn), x.dtype)
    np.add(s[:, 0], s[:, 1], out=y[0])
    y[0] += s[:, 2]
    np.subtract(s[:, 1], s[:, 2], out=y[1])
    y[1] -= s[:, 3]
    out = np.maximum(y[0, 0], y[0, 1])
    np.maximum(out, y[1, 0], out=out)
    np.maximum(out, y[1, 1], out=out)
    return out.reshape(n, th, tw, -1)


def _pool_nhwc(x: Array, size_h: int, size_w: int, stride: int, pad: int) -> Array:
    """Max pooling of a channels-last batch (the maximum of each window, per channel).

    The maximum is taken over the window's rows first, then over its columns: 2 + 2 views
    for a 2×2 window instead of 4 (and the first pass reads whole contiguous image rows).
    """
    _, h, w, _ = x.shape
    out_h = conv_output_size(h, size_h, stride, pad)
    out_w = conv_output_size(w, size_w, stride, pad)
    x = np.pad(x, ((0, 0), (pad, pad), (pad, pad), (0, 0))) if pad else x
    rows = _max_of([x[:, i : i + stride * out_h : stride] for i in range(size_h)])
    return _max_of([rows[:, :, j : j + stride * out_w : stride] for j in range(size_w)])


def _max_of(views: list[Array]) -> Array:
    """The elementwise maximum of same-shaped views, as a new array."""
    out = views[0].copy() if len(views) == 1 else np.maximum(views[0], views[1])
    for view in views[2:]:
        np.maximum(out, view, out=out)
    return out


def _bn_scale(layer: BatchNormalization) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Batch norm at inference as y = a·x + c (float64, per channel or feature)."""
    a = np.asarray(layer.gamma, np.float64) / np.sqrt(
        np.asarray(layer.running_var, np.float64) + layer.eps
    )
    c = np.asarray(layer.beta, np.float64) - a * np.asarray(layer.running_mean, np.float64)
    return a, c


def _fold(layers: list, i: int, W: Array, b: Array) -> tuple[Array, Array, Array | None, int]:
    """Fold a batch norm that follows layer i (directly, or after max pools only) into W, b.

    Returns the new W, b, the sign to apply after the pools (None: all positive), and the
    index of the next layer to compile.
    """
    j = i + 1
    while (
        isinstance(layers[i], Convolution)
        and j < len(layers)
        and isinstance(layers[j], Pooling)
        and layers[j].pad == 0  # a padded pool compares with zeros, which do not scale
    ):
        j += 1
    if j == len(layers) or not isinstance(layers[j], BatchNormalization):
        return W, b, None, i + 1
    a, c = _bn_scale(layers[j])
    if j == i + 1:
        return W * a, b * a + c, None, j + 1
    sign = np.where(a < 0, -1.0, 1.0)  # max(a·z) = a·min(z) when a < 0: fold |a|, then flip
    W, b = W * np.abs(a), b * np.abs(a) + sign * c
    return W, b, None if np.all(sign > 0) else sign, j + 1


def _frozen(a: NDArray, dtype: type) -> Array:
    """A read-only copy of a in dtype: what a FastNet keeps cannot be changed by accident."""
    out = np.array(a, dtype=dtype)
    out.flags.writeable = False
    return out


def _affine(x: Array, W: Array, b: Array) -> Array:
    y = x.reshape(len(x), -1) @ W
    y += b
    return y


def _bias(x: Array, b: Array, sign: Array | None = None) -> Array:
    """x + b, then times sign if given, in place: x is a convolution's (or its pools') new output.

    Adding one number per channel commutes with max pooling, even in floats (rounding is
    monotonic: max(fl(z + b)) = fl(max(z) + b)), so a convolution's bias is added after its
    pools, to a quarter of the values per 2×2 pool, with the same result bit for bit.
    """
    x += b
    if sign is not None:
        x *= sign
    return x


def _relu_in_place(x: Array) -> Array:
    """max(x, 0) written over x, a new array of the op before (the caller's input is never
    passed here: a ReLU first in the network uses the layer's own forward)."""
    return np.maximum(x, 0, out=x)


def _scale(x: Array, a: Array, c: Array | None = None) -> Array:
    return x * a if c is None else x * a + c


def _compile(network: Net) -> list[Op]:
    """The network's layers as channels-last operations, batch norm folded in."""
    dt = network.dtype
    layers = list(network.layers.values())
    shape = network.input_shape  # (C, H, W) while the data are images, then (D,)
    ops: list[Op] = []
    i = 0
    while i < len(layers):
        layer = layers[i]
        if isinstance(layer, Convolution):
            fn, c, fh, fw = layer.W.shape
            W = np.asarray(layer.W, np.float64).transpose(2, 3, 1, 0).reshape(fh * fw * c, fn)
            W, b, sign, nxt = _fold(layers, i, W, np.asarray(layer.b, np.float64))
            s, p = layer.stride, layer.pad
            shape = (fn, *(conv_output_size(d, fh, s, p) for d in shape[1:]))
            pools = [pool for pool in layers[i + 1 : nxt] if isinstance(pool, Pooling)]
            if _winograd_fits(layer, layers[i + 1] if i + 1 < len(layers) else None):
                U = _winograd_weights(W.reshape(fh, fw, c, fn))
                ops.append(partial(_conv3x3_pool2_nhwc, U=_frozen(U, dt), pad=p))
                shape = _pooled(shape, layers[i + 1])
                pools = pools[1:]
                nxt = max(nxt, i + 2)  # the pool is done, batch norm after it folded or not
            else:
                ops.append(partial(_conv_nhwc, W=_frozen(W, dt), fh=fh, fw=fw, stride=s, pad=p))
            for pool in pools:
                ops.append(_pool_op(pool))
                shape = _pooled(shape, pool)
            ops.append(
                partial(_bias, b=_frozen(b, dt), sign=None if sign is None else _frozen(sign, dt))
            )
            i = nxt
        elif isinstance(layer, Affine):
            W = np.asarray(layer.W, np.float64)
            if len(shape) == 3:  # flattened images: the book's rows (C, H, W) -> (H, W, C)
                c, h, w = shape
                W = W.reshape(c, h, w, -1).transpose(1, 2, 0, 3).reshape(c * h * w, -1)
            W, b, _, i = _fold(layers, i, W, np.asarray(layer.b, np.float64))
            ops.append(partial(_affine, W=_frozen(W, dt), b=_frozen(b, dt)))
            shape = (W.shape[1],)
        else:
            if isinstance(layer, BatchNormalization):  # not after a conv or affine: alone
                a, c = _bn_scale(layer)
                ops.append(partial(_scale, a=_frozen(a, dt), c=_frozen(c, dt)))
            elif isinstance(layer, Pooling):
                ops.append(_pool_op(layer))
                shape = _pooled(shape, layer)
            elif isinstance(layer, Relu) and ops:  # after an op that made a new array
                ops.append(_relu_in_place)
            elif isinstance(layer, Relu | Sigmoid):
                ops.append(partial(layer.forward, train_flg=False))
            elif not isinstance(layer, Dropout):  # dropout is the identity at inference
                raise TypeError(f"fast_predict does not know layer {type(layer).__name__}")
            i += 1
    return ops


def _winograd_fits(conv: Convolution, nxt: object) -> bool:
    """A 3×3, stride-1 convolution of several channels with a 2×2, stride-2 max pool next.

    One input channel is left to im2col: its 16 products would be (N·tiles, 1) @ (1, FN),
    outer products that save nothing over one (N·out_h·out_w, 9) @ (9, FN).
    """
    _, c, fh, fw = conv.W.shape
    return (
        (fh, fw, conv.stride) == (3, 3, 1)
        and c > 1
        and isinstance(nxt, Pooling)
        and (nxt.pool_h, nxt.pool_w, nxt.stride, nxt.pad) == (2, 2, 2, 0)
    )


def _pool_op(pool: Pooling) -> Op:
    return partial(
        _pool_nhwc, size_h=pool.pool_h, size_w=pool.pool_w, stride=pool.stride, pad=pool.pad
    )


def _pooled(shape: tuple[int, ...], pool: Pooling) -> tuple[int, ...]:
    return (
        shape[0],
        conv_output_size(shape[1], pool.pool_h, pool.stride, pool.pad),
        conv_output_size(shape[2], pool.pool_w, pool.stride, pool.pad),
    )


class FastNet:
    """A network folded once for inference: channels-last, batch norm inside the products.

    Parameters
    ----------
    network : lab.network.Net
        Any ``Net`` of conv, pool, batchnorm, relu, sigmoid, dropout and affine layers. Read
        once, here: later changes to its weights do not show in this ``FastNet``.

    Notes
    -----
    The folded weights are read-only arrays and ``predict`` stores nothing, so one ``FastNet``
    may predict in many threads at once (``lab.models.Model`` keeps one per loaded model).
    """

    def __init__(self, network: Net) -> None:
        self.input_shape = network.input_shape
        self.output_size = network.output_size
        self.dtype = network.dtype
        self._as_input = network._as_input  # the network's own input checks and messages
        self.ops: tuple[Op, ...] = tuple(_compile(network))

    def predict(self, x: ArrayLike, batch_size: int = BATCH_SIZE) -> Array:
        """Scores (before softmax) for a batch, shape (N, output_size).

        Parameters
        ----------
        x : array_like, shape (N, *input_shape) or (N, prod(input_shape))
        batch_size : int
            Images per pass through the layers (``BATCH_SIZE``, 32: the temporaries stay in
            the CPU's cache and the server's memory low); the answers do not depend on it.

        Returns
        -------
        ndarray of the network's dtype, shape (N, output_size)
            Equal to ``network.predict(x)`` up to float rounding (the folded batch norm and
            the product order change the last bits): the same argmax, probabilities within
            1e-5.
        """
        if batch_size < 1:
            raise ValueError(f"expected batch_size >= 1, got {batch_size}")
        x = self._as_input(x)
        if len(self.input_shape) == 3:
            x = x.transpose(0, 2, 3, 1)  # (N, C, H, W) -> (N, H, W, C); a view, copied by conv
        out = np.empty((len(x), self.output_size), dtype=self.dtype)
        for start in range(0, len(x), batch_size):
            h = x[start : start + batch_size]
            for op in self.ops:
                h = op(h)
            out[start : start + len(h)] = h
        return out

    def predict_proba(self, x: ArrayLike, batch_size: int = BATCH_SIZE) -> Array:
        """Class probabilities softmax(predict(x)), shape (N, output_size); rows sum to 1."""
        return softmax(self.predict(x, batch_size))


def fast_predict(network: Net, x: ArrayLike, batch_size: int = BATCH_SIZE) -> Array:
    """Scores of ``network`` for a batch by the fast path: ``FastNet(network).predict(x)``.

    Folds the current weights on every call (nothing is kept): for many calls on weights that
    do not change, build one ``FastNet`` and call its ``predict``.
    """
    return FastNet(network).predict(x, batch_size)


def fast_predict_proba(network: Net, x: ArrayLike, batch_size: int = BATCH_SIZE) -> Array:
    """Class probabilities softmax(fast_predict(...)), shape (N, output_size); rows sum to 1."""
    return softmax(fast_predict(network, x, batch_size))
