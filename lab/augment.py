"""Data augmentation: new training digits that look like what people draw on the canvas.

MNIST's writers were American census staff and students; other people slant, stretch and
thicken their digits differently, and a 10-25 px pen on a 280x280 canvas gives strokes of
1-6 px after ``lab.digits.to_mnist``. ``augment`` draws, for every image, a random

- stroke thickness: grey-level erosion or dilation (a 3x3 min or max filter), at twice the
  resolution so the step is half a pixel;
- affine distortion: rotation, shear and a change of aspect ratio (an overall scale or shift
  would be undone by the re-centring below, so only these change what the network sees);

and then re-centres the result with ``to_mnist`` itself (crop to the ink, fit 20x20, centre of
mass at (14, 14)): the training digits go through exactly the preprocessing a drawing does.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray
from PIL import Image

from lab.digits import to_mnist

__all__ = ["THICKNESS", "affine_matrix", "augment", "distort", "thicken"]

UP = 2  # work at 56x56: morphology and resampling in half-pixel steps
CHUNK = 2000  # images upsampled at a time
OUT = 80  # the distorted 56x56 digit is drawn on an 80x80 canvas: room for rotated corners
THICKNESS = (-1, 0, 1, 2, 3)  # stroke width changes (px at 28x28) that augment draws from


def thicken(x: ArrayLike, width: int) -> NDArray[np.float32]:
    """Grey-level dilation (width > 0) or erosion (width < 0) of a batch of images.

    Parameters
    ----------
    x : array_like, shape (N, H, W)
    width : int
        Each pass of a 3x3 max (min) filter adds (removes) one pixel on every side of a
        stroke; ``abs(width)`` passes are made.

    Returns
    -------
    ndarray of float32, shape (N, H, W)

    Notes
    -----
    The 3x3 filter is separable: a max over the row neighbours, then over the column
    neighbours. Pixels outside the image count as 0 for a dilation and are ignored for an
    erosion (edge padding), so a stroke touching the border is not eaten from outside.
    """
    y = np.array(x, dtype=np.float32)
    op = np.maximum if width > 0 else np.minimum
    for _ in range(abs(width)):
        for axis in (1, 2):
            pad = [(0, 0)] * 3
            pad[axis] = (1, 1)
            p = np.pad(y, pad, mode="constant" if width > 0 else "edge")
            n = y.shape[axis]
            lo, mid, hi = (np.take(p, range(k, k + n), axis=axis) for k in range(3))
            y = op(op(lo, mid), hi)
    return y


def affine_matrix(rotate: float, shear: float, aspect: float) -> NDArray[np.float64]:
    """The 2x2 map (x, y) -> A·(x, y) of a distortion, in image coordinates (y down).

    Parameters
    ----------
    rotate : float
        Degrees, counter-clockwise as seen on screen.
    shear : float
        Horizontal shear: x += shear·y (positive leans the top of the digit to the left).
    aspect : float
        Width multiplier (> 1 makes the digit wider); the height is kept.

    Returns
    -------
    ndarray, shape (2, 2)
        ``R(rotate) @ Shear @ diag(aspect, 1)``; its determinant is ``aspect`` (rotation and
        shear preserve area).
    """
    c, s = math.cos(math.radians(rotate)), math.sin(math.radians(rotate))
    rot = np.array([[c, s], [-s, c]])  # y points down, so this turns counter-clockwise
    return rot @ np.array([[1.0, shear], [0.0, 1.0]]) @ np.diag([aspect, 1.0])


def distort(
    image: ArrayLike, rotate: float = 0.0, shear: float = 0.0, aspect: float = 1.0
) -> NDArray[np.float32] | None:
    """One digit, distorted and re-centred the way ``to_mnist`` centres a drawing.

    Parameters
    ----------
    image : array_like, shape (H, W)
        White digit on black, floats in [0, 1], any size up to 56x56 (``augment`` passes
        MNIST digits upsampled to 56x56).
    rotate, shear, aspect
        See ``affine_matrix``.

    Returns
    -------
    ndarray of float32, shape (28, 28), or None
        The distorted digit in [0, 1], ink fitting a 20x20 box, centre of mass within 0.5 px
        of (14, 14); None if the image holds no ink.
    """
    a = np.array(image, dtype=np.float32)
    # Pillow's AFFINE maps each *output* pixel to an input pixel: give it the inverse map,
    # turning about the centres of the input and of the larger output canvas.
    inv = np.linalg.inv(affine_matrix(rotate, shear, aspect))
    offset = np.array(a.shape[::-1]) / 2 - inv @ np.array([OUT / 2, OUT / 2])
    coeffs = (inv[0, 0], inv[0, 1], offset[0], inv[1, 0], inv[1, 1], offset[1])
    img = Image.fromarray(a).transform(
        (OUT, OUT), Image.Transform.AFFINE, coeffs, Image.Resampling.BILINEAR
    )
    return to_mnist(np.clip(np.asarray(img), 0, 1))


def augment(
    x: ArrayLike,
    rng: np.random.Generator,
    *,
    p: float = 0.8,
    rotate: float = 15.0,
    shear: float = 0.3,
    aspect: float = 0.25,
    thick: tuple[float, ...] = (0.1, 0.4, 0.25, 0.15, 0.1),
) -> NDArray[np.float32]:
    """A randomly distorted copy of a batch of digits (a fresh draw every epoch).

    Parameters
    ----------
    x : array_like, shape (N, 784), (N, 28, 28) or (N, 1, 28, 28)
        White digits on black, floats in [0, 1] (``load_mnist(normalize=True)``).
    rng : numpy.random.Generator
        Draws every parameter: the same seed gives the same batch.
    p : float in [0, 1]
        Fraction of images distorted; the others are kept as they are.
    rotate : float
        Rotation drawn uniformly in [-rotate, rotate] degrees.
    shear : float
        Shear drawn uniformly in [-shear, shear].
    aspect : float
        log(aspect ratio) drawn uniformly in [-aspect, aspect]: width x0.78 to x1.28.
    thick : sequence of 5 floats
        Probabilities of the stroke width changes in ``THICKNESS`` (-1 to +3 px), made by
        ``thicken`` at 56x56 (half-pixel passes).

    Returns
    -------
    ndarray of float32, same shape as x
        Distorted images are re-centred with ``to_mnist``; an image whose ink would vanish
        (erosion of a faint digit) is kept unchanged.
    """
    x = np.asarray(x, dtype=np.float32)
    if x.size % 784 or x.ndim < 2 or x[0].size != 784:
        raise ValueError(
            f"expected a batch of 28x28 digits, shape (N, 784), (N, 28, 28) or (N, 1, 28, 28), "
            f"got shape {x.shape}; add the batch axis with x[None]"
        )
    if not 0.0 <= p <= 1.0 or len(thick) != len(THICKNESS):
        raise ValueError(
            f"expected p in [0, 1] and {len(THICKNESS)} thickness probabilities, "
            f"got p={p}, thick={thick}"
        )
    n = len(x)
    out = x.reshape(n, 28, 28).copy()
    chosen = np.flatnonzero(rng.random(n) < p)
    k = len(chosen)
    angles = rng.uniform(-rotate, rotate, k)
    shears = rng.uniform(-shear, shear, k)
    aspects = np.exp(rng.uniform(-aspect, aspect, k))
    widths = rng.choice(THICKNESS, size=k, p=np.asarray(thick) / sum(thick))
    for lo in range(0, k, CHUNK):  # 56x56 copies of a chunk only: bounded memory
        part = slice(lo, lo + CHUNK)
        big = out[chosen[part]].repeat(UP, axis=1).repeat(UP, axis=2)  # blocky until resized
        for w in THICKNESS:
            if w:
                big[widths[part] == w] = thicken(big[widths[part] == w], w)
        for j, i in enumerate(chosen[part]):
            y = distort(big[j], angles[lo + j], shears[lo + j], aspects[lo + j])
            if y is not None:
                out[i] = y
    return out.reshape(x.shape)
