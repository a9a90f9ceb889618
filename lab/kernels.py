"""What one convolution kernel responds to (book ch. 7.2): its map, where it fires, and the
image patches that excite it most.

A first-layer kernel W (kh, kw) slides over the image; at each position it multiplies the
pixels under it by its weights and adds them up (plus the bias b). The map it draws is
bright where the image looks like the kernel's weights. ``kernel_map`` computes that map for
one image (the same numbers as the network's conv layer, which computes all kernels at once
with im2col); ``strongest`` finds its peak, ``patch`` cuts the image around a position, and
``top_patches`` searches many images for the patches a kernel likes best (CNN Explainer's and
Zeiler & Fergus's way of showing what a unit has learned).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]

__all__ = ["kernel_map", "kernel_maps", "patch", "peaks", "strongest", "top_patches"]


def _kernel(kernel: ArrayLike) -> Array:
    w = np.array(kernel, dtype=np.float64)
    if w.ndim != 2 or w.shape[0] != w.shape[1] or w.shape[0] % 2 == 0:
        raise ValueError(
            f"expected a square kernel of odd size such as (3, 3), got shape {w.shape}; "
            "a first-layer kernel of the default CNN is params['W1'][k, 0]"
        )
    return w


def kernel_maps(images: ArrayLike, kernel: ArrayLike, bias: float = 0.0) -> Array:
    """One kernel's maps for a batch of images: the conv layer's output for that kernel.

    Parameters
    ----------
    images : array_like, shape (N, H, W) or (H, W)
        Grey images, pixels in [0, 1] (a 784-vector is not accepted: reshape to (28, 28)).
    kernel : array_like, shape (k, k), k odd
        The weights, e.g. ``params["W1"][k, 0]`` of the default CNN (3x3).
    bias : float
        Added to every position, e.g. ``params["b1"][k]``.

    Returns
    -------
    ndarray, shape (N, H, W) (or (H, W) for one image)
        out[n, i, j] = Σ_uv kernel[u, v] · padded[n, i + u, j + v] + bias, the image
        zero-padded by k // 2 on each side so the map has the image's size (the default
        CNN's pad = 1). This is cross-correlation, what the book's Convolution computes.
    """
    w = _kernel(kernel)
    x = np.array(images, dtype=np.float64)
    one = x.ndim == 2
    if one:
        x = x[None]
    if x.ndim != 3:
        raise ValueError(
            f"expected images of shape (N, H, W) or (H, W), got {x.shape}; "
            "reshape a flat MNIST row with x.reshape(28, 28)"
        )
    k = w.shape[0]
    p = k // 2
    padded = np.pad(x, ((0, 0), (p, p), (p, p)))
    n, h, wd = x.shape
    out = np.full((n, h, wd), float(bias))
    for u in range(k):  # k² shifted copies, each weighted: no im2col needed for one kernel
        for v in range(k):
            out += w[u, v] * padded[:, u : u + h, v : v + wd]
    return out[0] if one else out


def kernel_map(image: ArrayLike, kernel: ArrayLike, bias: float = 0.0) -> Array:
    """One kernel's map for one image (H, W): ``kernel_maps`` of a single image."""
    x = np.asarray(image, dtype=np.float64)
    if x.ndim != 2:
        raise ValueError(f"expected one image of shape (H, W), got {x.shape}")
    return kernel_maps(x, kernel, bias)


def strongest(fmap: ArrayLike) -> tuple[int, int]:
    """(row, col) of the largest value of a map; the first one in row order on a tie."""
    m = np.asarray(fmap, dtype=np.float64)
    if m.ndim != 2 or m.size == 0:
        raise ValueError(f"expected a non-empty 2-D map, got shape {m.shape}")
    r, c = np.unravel_index(int(np.argmax(m)), m.shape)
    return int(r), int(c)


def patch(image: ArrayLike, row: int, col: int, size: int) -> Array:
    """The size x size square of ``image`` centred on (row, col), zeros outside the image.

    With ``size`` = the kernel's size it is exactly what the kernel multiplied there.
    """
    x = np.asarray(image, dtype=np.float64)
    if size < 1 or size % 2 == 0:
        raise ValueError(f"expected an odd patch size >= 1, got {size}")
    p = size // 2
    padded = np.pad(x, p)
    return padded[row : row + size, col : col + size].copy()


def top_patches(
    images: ArrayLike, kernel: ArrayLike, bias: float = 0.0, k: int = 8, size: int = 7
) -> tuple[Array, NDArray[np.int64], Array]:
    """The k images whose strongest response to the kernel is largest, and the patch there.

    Parameters
    ----------
    images : array_like, shape (N, H, W)
    kernel, bias : as in ``kernel_maps``
    k : int
        How many patches (at most N); one per image, so k different images.
    size : int, odd
        Side of each patch, centred on the image's strongest position (a little larger than
        the kernel, so the stroke around it shows).

    Returns
    -------
    patches : ndarray, shape (k, size, size)
        Strongest first.
    where : ndarray of int, shape (k, 3)
        (image index, row, col) of each patch's centre.
    response : ndarray, shape (k,)
        The map's value there, non-increasing.
    """
    x = np.asarray(images, dtype=np.float64)
    maps = kernel_maps(x, kernel, bias)
    n = maps.shape[0]
    if not 1 <= k <= n:
        raise ValueError(f"expected 1 <= k <= {n} (the number of images), got {k}")
    flat = maps.reshape(n, -1)
    best = flat.argmax(axis=1)
    peak = flat[np.arange(n), best]
    order = np.argsort(-peak, kind="stable")[:k]
    rows, cols = np.unravel_index(best[order], maps.shape[1:])
    where = np.stack([order, rows, cols], axis=1).astype(np.int64)
    patches = np.stack([patch(x[i], r, c, size) for i, r, c in where])
    return patches, where, peak[order]


def peaks(image: ArrayLike, kernels: ArrayLike, biases: ArrayLike) -> Array:
    """Each kernel's strongest response to one image: the maximum of its map.

    Parameters
    ----------
    image : array_like, shape (H, W)
    kernels : array_like, shape (C, k, k), e.g. ``params["W1"][:, 0]``
    biases : array_like, shape (C,)

    Returns
    -------
    ndarray, shape (C,): ``kernel_map(image, kernels[c], biases[c]).max()`` for each c.
    """
    w = np.asarray(kernels, dtype=np.float64)
    b = np.asarray(biases, dtype=np.float64)
    if w.ndim != 3 or b.shape != (w.shape[0],):
        raise ValueError(f"expected kernels (C, k, k) and biases (C,), got {w.shape} and {b.shape}")
    return np.array([kernel_map(image, w[c], b[c]).max() for c in range(len(w))])
