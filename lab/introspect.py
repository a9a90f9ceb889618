"""Looking inside a trained network for one image (book ch. 3.6, 7): what each layer makes of it.

For a fully connected network (the book's MLP), ``hidden_activations`` gives every hidden
layer's output and ``unit_weights`` a first-layer unit's 784 weights as an image; for a CNN,
``feature_maps`` gives the layers that are still images, and ``mosaic`` tiles many small maps
into one picture under one colour scale.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lab.network import Net


def _activation_outputs(network: Net, x: NDArray) -> list[tuple[str, NDArray]]:
    """Every activation layer's (Sigmoid1, Relu2, ...) output for a batch of one image, as
    (layer name, output without the batch axis), in layer order."""
    return [
        (name, out[0])
        for name, out in network.activations(x).items()
        if name.rstrip("0123456789") in ("Sigmoid", "Relu")
    ]


def hidden_activations(network: Net, x: ArrayLike) -> list[tuple[str, NDArray]]:
    """The output of every activation layer (Sigmoid1, Relu2, ...) for one image.

    Parameters
    ----------
    network : Net
        A fully connected network, such as the book MLP 784-50-100-10.
    x : array_like, shape (784,) or (28, 28)
        One image, pixels in [0, 1].

    Returns
    -------
    list of (layer name, ndarray of shape (units,))
        In layer order; for the book MLP ``[("Sigmoid1", z1 (50,)), ("Sigmoid2", z2 (100,))]``,
        each value in (0, 1).
    """
    return _activation_outputs(network, np.asarray(x, dtype=np.float64).reshape(1, -1))


def unit_weights(network: Net, unit: int) -> NDArray:
    """The 784 input weights of hidden unit ``unit`` of the first layer, as a 28x28 image.

    Returns
    -------
    ndarray, shape (28, 28)
        ``W1[:, unit].reshape(28, 28)``: positive where ink excites the unit, negative where
        ink inhibits it (a unit's a1 is the sum of these times the pixels, plus b1).
    """
    W1 = network.params["W1"]
    if W1.ndim != 2 or W1.shape[0] != 28 * 28:
        raise ValueError(
            f"expected a first affine layer W1 of shape (784, units), got {W1.shape}; "
            "unit_weights shows fully connected networks only"
        )
    if not 0 <= unit < W1.shape[1]:
        raise ValueError(f"expected unit in [0, {W1.shape[1]}), got {unit}")
    return W1[:, unit].reshape(28, 28)


def feature_maps(network: Net, x: ArrayLike) -> list[tuple[str, NDArray]]:
    """A convolutional network's activation layers that are still images, for one image.

    Parameters
    ----------
    network : Net
        A network whose input is an image, such as the default CNN (input (1, 28, 28)).
    x : array_like, shape (784,) or (28, 28)
        One image, pixels in [0, 1].

    Returns
    -------
    list of (layer name, ndarray of shape (channels, height, width))
        In layer order; for the default CNN ``[("Relu1", (32, 14, 14)), ("Relu2", (64, 7, 7))]``:
        what each convolution block hands to the next layer, all >= 0 after the ReLU.
    """
    if len(network.input_shape) != 3:
        raise ValueError(
            f"expected a network that takes images (C, H, W), got input shape "
            f"{network.input_shape}; feature_maps shows convolutional networks only"
        )
    x = np.asarray(x, dtype=np.float64).reshape(1, *network.input_shape)
    return [(name, out) for name, out in _activation_outputs(network, x) if out.ndim == 3]


def mosaic(maps: ArrayLike, cols: int, pad: int = 1) -> NDArray[np.float64]:
    """Tile C small images into one, row by row, ``cols`` per row, NaN in the gaps.

    Parameters
    ----------
    maps : array_like, shape (C, H, W)
        Feature maps, or the first layer's kernels ``W1[:, 0]`` (C, kh, kw).
    cols : int, >= 1
        Images per row; the last row is padded with NaN when C is not a multiple.
    pad : int, >= 0
        NaN pixels between neighbours (a chart leaves them blank).

    Returns
    -------
    ndarray of float64, shape (rows·(H+pad)−pad, cols·(W+pad)−pad)
        The values unchanged (no rescaling), so one colour scale covers the whole layer.
        Image k sits at row block k // cols, column block k % cols.
    """
    m = np.asarray(maps, dtype=np.float64)
    if m.ndim != 3 or m.shape[0] == 0:
        raise ValueError(f"expected maps of shape (C, H, W) with C >= 1, got {m.shape}")
    if cols < 1 or pad < 0:
        raise ValueError(f"expected cols >= 1 and pad >= 0, got {cols}, {pad}")
    c, h, w = m.shape
    cols = min(cols, c)
    rows = -(-c // cols)
    out = np.full((rows * (h + pad) - pad, cols * (w + pad) - pad), np.nan)
    for k in range(c):
        r, q = divmod(k, cols)
        out[r * (h + pad) : r * (h + pad) + h, q * (w + pad) : q * (w + pad) + w] = m[k]
    return out
