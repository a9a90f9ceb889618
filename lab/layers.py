"""Layers with ``forward`` / ``backward`` (book ch. 5-7), named as in the book's ``common/layers``.

Every layer's ``forward(x, train_flg=True)`` keeps what its backward pass needs, so call
``forward`` then ``backward`` on the same batch. With ``train_flg=False`` (inference) a forward
pass stores nothing on the layer: it only reads the parameters. One network can then serve
many threads at once (a Streamlit server hands one cached model to every session) without a
lock, and no session can see another's intermediate arrays.

Layers with parameters hold *references* to the network's arrays
(``Affine(params["W1"], params["b1"])``): an optimizer that updates ``params`` in place
updates the layer too. After ``backward`` the gradients are in
``dW``/``db`` (``dgamma``/``dbeta`` for batch normalization).

Layers keep the dtype of their input (float32 in, float32 out), so a CNN can train in float32.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import NDArray

from lab.activations import softmax
from lab.losses import cross_entropy_error

Array = NDArray[np.floating]

__all__ = [
    "Affine",
    "BatchNormalization",
    "Convolution",
    "Dropout",
    "Pooling",
    "Relu",
    "Sigmoid",
    "SoftmaxWithLoss",
    "col2im",
    "conv_output_size",
    "im2col",
]


def conv_output_size(size: int, filter_size: int, stride: int = 1, pad: int = 0) -> int:
    """Output length along one axis: (size + 2·pad − filter_size) // stride + 1.

    Raises
    ------
    ValueError
        If the filter does not fit, or the stride does not tile the padded input exactly
        (the book requires this too; it keeps every input pixel inside some window).
    """
    span = size + 2 * pad - filter_size
    if span < 0 or stride < 1 or span % stride:
        raise ValueError(
            "expected (size + 2*pad - filter) to be >= 0 and divisible by stride, got "
            f"size={size}, filter={filter_size}, stride={stride}, pad={pad}; change pad or stride"
        )
    return span // stride + 1


def _check_4d(x: Array, what: str) -> None:
    if x.ndim != 4:
        raise ValueError(
            f"{what} expects a 4-D batch of shape (N, C, H, W), got shape {x.shape}; "
            "reshape one image with x.reshape(1, C, H, W)"
        )


def im2col(input_data: Array, filter_h: int, filter_w: int, stride: int = 1, pad: int = 0) -> Array:
    """Unroll every filter window of a batch of images into one row (book ch. 7.4.3).

    Parameters
    ----------
    input_data : ndarray, shape (N, C, H, W)
    filter_h, filter_w : int
        Window size.
    stride, pad : int
        Step between windows and zero padding on each border.

    Returns
    -------
    col : ndarray, shape (N·out_h·out_w, C·filter_h·filter_w), input_data's dtype
        Row ``(n, i, j)`` (in C order) holds the window whose top-left corner is at
        ``(i·stride, j·stride)`` of padded image ``n``, ordered channel, row, column — the
        book's layout, so a convolution is ``col @ W.reshape(FN, -1).T``.

    Notes
    -----
    ``sliding_window_view`` gives all windows as a view without copying; one copy then lays
    them out. The values are the book's, but the memory is column-major (``col`` is the
    transpose of a C-contiguous (C·FH·FW, N·out_h·out_w) array): each copied run is then a
    whole image row instead of FW pixels, which makes im2col 3-4× faster, and matmul does
    not care.
    """
    _check_4d(input_data, "im2col")
    n, c, h, w = input_data.shape
    out_h = conv_output_size(h, filter_h, stride, pad)
    out_w = conv_output_size(w, filter_w, stride, pad)
    img = np.pad(input_data, ((0, 0), (0, 0), (pad, pad), (pad, pad))) if pad else input_data
    win = sliding_window_view(img, (filter_h, filter_w), axis=(2, 3))[:, :, ::stride, ::stride]
    # win: (N, C, out_h, out_w, FH, FW) -> copy as (C, FH, FW, N, out_h, out_w)
    col_t = np.ascontiguousarray(win.transpose(1, 4, 5, 0, 2, 3))
    return col_t.reshape(c * filter_h * filter_w, n * out_h * out_w).T


def col2im(
    col: Array,
    input_shape: tuple[int, int, int, int],
    filter_h: int,
    filter_w: int,
    stride: int = 1,
    pad: int = 0,
) -> Array:
    """The adjoint of ``im2col``: add every row back onto the pixels its window covers.

    Parameters
    ----------
    col : ndarray, shape (N·out_h·out_w, C·filter_h·filter_w)
    input_shape : tuple (N, C, H, W)
        Shape of the images ``col`` came from.
    filter_h, filter_w, stride, pad : int
        As given to ``im2col``.

    Returns
    -------
    ndarray, shape (N, C, H, W), col's dtype
        Pixels covered by several windows receive the sum of their entries, which is what the
        backward pass of a convolution needs: <im2col(x), col> = <x, col2im(col)>.

    Notes
    -----
    One vectorised add per filter position (filter_h·filter_w of them, e.g. 9 for 3×3), as in
    the book, instead of one per window. Fastest when ``col`` is column-major like im2col's
    output (e.g. ``(A @ B).T``); any layout gives the same values.
    """
    n, c, h, w = input_shape
    out_h = conv_output_size(h, filter_h, stride, pad)
    out_w = conv_output_size(w, filter_w, stride, pad)
    expected = (n * out_h * out_w, c * filter_h * filter_w)
    if col.shape != expected:
        raise ValueError(
            f"col2im expected col of shape {expected} for input {tuple(input_shape)}, "
            f"got {col.shape}; pass the same sizes as to im2col"
        )
    col_t = col.T.reshape(c, filter_h, filter_w, n, out_h, out_w)
    img = np.zeros((c, n, h + 2 * pad, w + 2 * pad), dtype=col.dtype)
    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            img[:, :, y:y_max:stride, x:x_max:stride] += col_t[:, y, x]
    return img.transpose(1, 0, 2, 3)[:, :, pad : pad + h, pad : pad + w]


class Relu:
    """ReLU layer: y = max(0, x); backward passes dout where x > 0 (ReLU'(0) = 0)."""

    def __init__(self) -> None:
        self.mask: NDArray[np.bool_] | None = None

    def forward(self, x: Array, train_flg: bool = True) -> Array:
        if train_flg:
            self.mask = x <= 0
        return np.maximum(x, 0)

    def backward(self, dout: Array) -> Array:
        return dout * ~self.mask


class Sigmoid:
    """Sigmoid layer: y = 1 / (1 + exp(−x)); backward is dout · y · (1 − y).

    Notes
    -----
    Computed as ½ (1 + tanh(x/2)), the same function as ``lab.activations.sigmoid``: a single
    ufunc that cannot overflow and keeps float32 as float32 (the activation explorer's version
    works in float64 and keeps full precision in the far tail); about 3× faster on a batch.
    The two agree to a few ulps where sigmoid is not tiny.
    """

    def __init__(self) -> None:
        self.out: Array | None = None

    def forward(self, x: Array, train_flg: bool = True) -> Array:
        out = 0.5 * np.tanh(0.5 * x) + 0.5
        if train_flg:
            self.out = out
        return out

    def backward(self, dout: Array) -> Array:
        return dout * self.out * (1.0 - self.out)


class Affine:
    """Fully connected layer y = x·W + b; a (N, C, H, W) batch is flattened to (N, C·H·W).

    Parameters
    ----------
    W : ndarray, shape (D, M)
    b : ndarray, shape (M,)
        Held by reference (see the module docstring).

    Attributes
    ----------
    input_grad : bool
        True (default): backward returns dx. A network sets it False on its first layer,
        whose dx nobody uses; backward then skips that product and returns None.

    Notes
    -----
    Backward: dx = dout·Wᵀ (reshaped to x's original shape), dW = xᵀ·dout, db = Σₙ dout.
    """

    def __init__(self, W: Array, b: Array) -> None:
        self.W = W
        self.b = b
        self.input_grad = True
        self.x: Array | None = None
        self.original_x_shape: tuple[int, ...] | None = None
        self.dW: Array | None = None
        self.db: Array | None = None

    def forward(self, x: Array, train_flg: bool = True) -> Array:
        x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        if x.shape[1] != self.W.shape[0]:
            raise ValueError(
                f"Affine expects {self.W.shape[0]} input features per sample, got "
                f"{x.shape[1]} (input shape {x_shape}); check the layer sizes"
            )
        if train_flg:
            self.original_x_shape, self.x = x_shape, x
        return x @ self.W + self.b

    def backward(self, dout: Array) -> Array | None:
        self.dW = self.x.T @ dout
        self.db = np.sum(dout, axis=0)
        if not self.input_grad:
            return None
        return (dout @ self.W.T).reshape(self.original_x_shape)


class SoftmaxWithLoss:
    """Softmax followed by the cross-entropy error: the output layer while training.

    ``forward(x, t)`` takes scores x of shape (N, C) and targets t, either labels of shape (N,)
    or one-hot rows of shape (N, C), and returns the mean loss (a float).
    ``backward()`` returns (y − t) / N, the famously clean gradient of the pair.
    """

    def __init__(self) -> None:
        self.loss: float | None = None
        self.y: Array | None = None
        self.t: NDArray | None = None
        self.dtype: np.dtype | None = None

    def forward(self, x: Array, t: NDArray) -> float:
        self.dtype = x.dtype
        self.t = np.asarray(t)
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout: float = 1.0) -> Array:
        n = self.y.shape[0]
        if self.t.shape == self.y.shape:
            dx = self.y - self.t
        else:
            dx = self.y.copy()
            dx[np.arange(n), self.t] -= 1.0
        return (dx * (dout / n)).astype(self.dtype, copy=False)


class Convolution:
    """Convolution layer via im2col (book ch. 7.4).

    Parameters
    ----------
    W : ndarray, shape (FN, C, FH, FW)
        FN filters over C channels.
    b : ndarray, shape (FN,)
    stride, pad : int

    Attributes
    ----------
    input_grad : bool
        As for ``Affine``: False skips dx (and its col2im) in backward, which returns None.

    Notes
    -----
    Forward: out = im2col(x) · W.reshape(FN, −1)ᵀ + b, reshaped to (N, FN, out_h, out_w).
    Backward is the Affine backward on the unrolled windows, then col2im for dx.
    """

    def __init__(self, W: Array, b: Array, stride: int = 1, pad: int = 0) -> None:
        self.W = W
        self.b = b
        self.input_grad = True
        self.stride = stride
        self.pad = pad
        self.x_shape: tuple[int, int, int, int] | None = None
        self.col: Array | None = None
        self.col_W: Array | None = None
        self.dW: Array | None = None
        self.db: Array | None = None

    def forward(self, x: Array, train_flg: bool = True) -> Array:
        _check_4d(x, "Convolution")
        fn, c, fh, fw = self.W.shape
        n, xc, h, w = x.shape
        if xc != c:
            raise ValueError(
                f"Convolution expects {c} input channels, got {xc} (input shape {x.shape})"
            )
        out_h = conv_output_size(h, fh, self.stride, self.pad)
        out_w = conv_output_size(w, fw, self.stride, self.pad)
        col = im2col(x, fh, fw, self.stride, self.pad)
        col_W = self.W.reshape(fn, -1).T
        if train_flg:
            self.x_shape, self.col, self.col_W = x.shape, col, col_W
        out = col @ col_W + self.b
        return out.reshape(n, out_h, out_w, fn).transpose(0, 3, 1, 2)

    def backward(self, dout: Array) -> Array | None:
        fn, c, fh, fw = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, fn)
        self.db = np.sum(dout, axis=0)
        self.dW = (dout.T @ self.col).reshape(fn, c, fh, fw)
        if not self.input_grad:
            return None
        dcol = (self.col_W @ dout.T).T  # = dout @ col_Wᵀ, column-major for col2im
        return col2im(dcol, self.x_shape, fh, fw, self.stride, self.pad)


class Pooling:
    """Max pooling (book ch. 7.4.4): the maximum of each window, per channel.

    Parameters
    ----------
    pool_h, pool_w : int
        Window size.
    stride : int
        Step between windows; the usual choice is the window size (no overlap).
    pad : int
        Zero padding (zeros can then win the max, as in the book).

    Notes
    -----
    The book unrolls the windows with im2col and takes ``argmax`` of each row. We get the same
    result with one ``np.maximum`` per window position (pool_h·pool_w strided views of the
    whole batch), which is several times faster and needs no unrolled copy.
    Backward routes dout to the position of each window's maximum; on ties the first
    position (row-major, as ``argmax``) gets it all — a valid subgradient.
    """

    def __init__(self, pool_h: int, pool_w: int, stride: int = 2, pad: int = 0) -> None:
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x: Array | None = None  # padded input
        self.out: Array | None = None

    def _windows(self, out_shape: tuple[int, ...]) -> list[tuple[slice, ...]]:
        """One strided view per window position (i, j): element (.., a, b) of view (i, j) is
        the pixel at offset (i, j) in output window (a, b)."""
        s, (oh, ow) = self.stride, out_shape[2:]
        return [
            (..., slice(i, i + s * oh, s), slice(j, j + s * ow, s))
            for i in range(self.pool_h)
            for j in range(self.pool_w)
        ]

    def forward(self, x: Array, train_flg: bool = True) -> Array:
        _check_4d(x, "Pooling")
        n, c, h, w = x.shape
        out_h = conv_output_size(h, self.pool_h, self.stride, self.pad)
        out_w = conv_output_size(w, self.pool_w, self.stride, self.pad)
        p = self.pad
        x = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p))) if p else x
        out = np.empty((n, c, out_h, out_w), dtype=x.dtype)
        first, *rest = self._windows(out.shape)
        out[...] = x[first]
        for win in rest:
            np.maximum(out, x[win], out=out)
        if train_flg:
            self.x, self.out = x, out
        return out

    def backward(self, dout: Array) -> Array:
        dx = np.zeros_like(self.x, dtype=dout.dtype)
        free = np.ones(self.out.shape, dtype=bool)  # windows whose max is not yet routed
        hit = np.empty(self.out.shape, dtype=bool)
        for win in self._windows(self.out.shape):
            np.equal(self.x[win], self.out, out=hit)
            hit &= free
            free ^= hit
            dx[win] += dout * hit
        p = self.pad
        return dx[:, :, p : dx.shape[2] - p, p : dx.shape[3] - p] if p else dx


class Dropout:
    """Dropout (book ch. 6.4.3), seeded: while training, zero each unit with probability ratio.

    Parameters
    ----------
    dropout_ratio : float in [0, 1)
    rng : numpy.random.Generator
        Draws the masks; seed it for reproducible training.

    Notes
    -----
    We use *inverted* dropout: kept units are scaled by 1 / (1 − ratio) during training, so
    the expected output equals the input and inference (``train_flg=False``) is the identity.
    The book instead multiplies by (1 − ratio) at test time; both give the same expectation,
    ours keeps a saved model independent of the ratio.
    """

    def __init__(self, dropout_ratio: float = 0.5, *, rng: np.random.Generator) -> None:
        if not 0.0 <= dropout_ratio < 1.0:
            raise ValueError(f"expected dropout_ratio in [0, 1), got {dropout_ratio}")
        self.dropout_ratio = dropout_ratio
        self.rng = rng
        self.mask: Array | None = None

    def forward(self, x: Array, train_flg: bool = True) -> Array:
        if not train_flg:
            return x
        keep = 1.0 - self.dropout_ratio
        self.mask = (self.rng.random(x.shape) < keep).astype(x.dtype) / x.dtype.type(keep)
        return x * self.mask

    def backward(self, dout: Array) -> Array:
        return dout if self.mask is None else dout * self.mask


class BatchNormalization:
    """Batch normalization (book ch. 6.3): normalise each feature over the batch, then scale.

    Parameters
    ----------
    gamma, beta : ndarray, shape (D,) for (N, D) input, or (C,) for (N, C, H, W) input
        Scale and shift, held by reference. For images the statistics are per channel, over
        N·H·W values (the usual "spatial" batch norm; the book's version, which reshapes to
        (N, C·H·W), normalises every pixel separately).
    momentum : float
        running = momentum · running + (1 − momentum) · batch statistic.
    eps : float
        Added to the variance before the square root; a hyperparameter (1e-5, as in
        PyTorch) that bounds the gain 1/√(var + eps) for near-constant features.

    Notes
    -----
    Training: x̂ = (x − μ_B) / √(σ²_B + eps), y = γ·x̂ + β. Inference (``train_flg=False``)
    uses ``running_mean`` and ``running_var`` instead of the batch statistics.
    Backward: dx = (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)) / √(σ²_B + eps), with dx̂ = γ·dout.
    """

    def __init__(
        self,
        gamma: Array,
        beta: Array,
        momentum: float = 0.9,
        running_mean: Array | None = None,
        running_var: Array | None = None,
        eps: float = 1e-5,
    ) -> None:
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.eps = eps
        self.running_mean = np.zeros_like(gamma) if running_mean is None else running_mean
        self.running_var = np.ones_like(gamma) if running_var is None else running_var
        self.input_shape: tuple[int, ...] | None = None
        self.xn: Array | None = None
        self.std: Array | None = None
        self.dgamma: Array | None = None
        self.dbeta: Array | None = None

    def _to_2d(self, x: Array) -> Array:
        if x.ndim == 4:
            return x.transpose(0, 2, 3, 1).reshape(-1, x.shape[1])
        return x.reshape(x.shape[0], -1)

    @staticmethod
    def _from_2d(y: Array, shape: tuple[int, ...]) -> Array:
        if len(shape) == 4:
            n, c, h, w = shape
            return y.reshape(n, h, w, c).transpose(0, 3, 1, 2)
        return y.reshape(shape)

    def forward(self, x: Array, train_flg: bool = True) -> Array:
        x2 = self._to_2d(x)
        if x2.shape[1] != self.gamma.shape[0]:
            raise ValueError(
                f"BatchNormalization has {self.gamma.shape[0]} features, got input shape "
                f"{x.shape}; gamma must have one entry per channel (4-D) or feature (2-D)"
            )
        if train_flg:
            self.input_shape = x.shape
            mu = x2.mean(axis=0)
            xc = x2 - mu
            var = np.mean(xc**2, axis=0)
            self.std = np.sqrt(var + self.eps)
            self.xn = xc / self.std
            m = self.momentum
            self.running_mean[...] = m * self.running_mean + (1 - m) * mu
            self.running_var[...] = m * self.running_var + (1 - m) * var
            xn = self.xn
        else:
            xn = (x2 - self.running_mean) / np.sqrt(self.running_var + self.eps)
        return self._from_2d(self.gamma * xn + self.beta, x.shape)

    def backward(self, dout: Array) -> Array:
        d2 = self._to_2d(dout)
        self.dbeta = d2.sum(axis=0)
        self.dgamma = np.sum(self.xn * d2, axis=0)
        dxn = self.gamma * d2
        dx = (dxn - dxn.mean(axis=0) - self.xn * np.mean(dxn * self.xn, axis=0)) / self.std
        return self._from_2d(dx, self.input_shape)
