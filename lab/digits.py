"""From a drawing or a photo to an MNIST-like 28x28 digit, the way MNIST itself was made.

LeCun et al. describe MNIST's recipe: the digit is size-normalised to fit a 20x20 box keeping
its aspect ratio (anti-aliased, so grey levels appear), then placed in a 28x28 image so that
its centre of mass is at the centre. ``to_mnist`` does the same to any image, after turning it
into an "ink map" (ink = 1, paper = 0) like MNIST's white-on-black digits.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike, NDArray
from PIL import Image, ImageOps, UnidentifiedImageError

BOX, SIZE, CENTRE = 20, 28, 14  # fit the digit in 20x20, centre of mass at (14, 14) in 28x28
MIN_CONTRAST = 0.2  # ink must differ from the paper by 20 % of full scale, else "no ink"
INK_THRESHOLD = 0.1  # after contrast stretch, pixels above this count for the bounding box
MAX_PIXELS = 25_000_000  # load_image refuses larger images (5000 x 5000) before decoding
MAX_ASPECT = 10  # load_image refuses images whose long side is more than 10x the short side
_LUMA = (0.299, 0.587, 0.114)  # ITU-R 601-2, as Pillow's convert("L")


class ImageRefused(ValueError):
    """load_image refused an image from its header, before decoding it.

    Attributes
    ----------
    size : (width, height)
        The image's size as its header states it.
    """

    def __init__(self, message: str, size: tuple[int, int]) -> None:
        super().__init__(message)
        self.size = size


class ImageTooLarge(ImageRefused):
    """More pixels than the limit (or a decompression bomb)."""


class ImageTooThin(ImageRefused):
    """One side more than ``max_aspect`` times the other: a strip, not a picture of a digit."""


@dataclass(frozen=True)
class DigitSteps:
    """The intermediate images of ``to_mnist``, for showing the recipe step by step.

    Attributes
    ----------
    grey : ndarray of float32, shape (H, W)
        Ink map in [0, 1]: ink 1, paper 0 (after alpha, polarity and paper-level removal).
    inverted : bool
        True if the input was dark ink on light paper and was inverted.
    bbox : (top, left, bottom, right) or None
        Bounding box of the ink in ``grey``; bottom and right are exclusive.
    cropped : ndarray of float32, shape (bottom - top, right - left), or None
    resized20 : ndarray of float32, shape (h, w) with max(h, w) == 20, or None
    centre_of_mass : (row, col) or None
        Centre of mass of ``resized20`` in its own pixel coordinates.
    offset : (row, col) or None
        Where the top-left pixel of ``resized20`` lands in the 28x28 image.
    centred28 : ndarray of float32, shape (28, 28), or None
        The result of ``to_mnist``. None (like every step after ``grey``) when there is no ink.
    """

    grey: NDArray[np.float32]
    inverted: bool
    bbox: tuple[int, int, int, int] | None = None
    cropped: NDArray[np.float32] | None = None
    resized20: NDArray[np.float32] | None = None
    centre_of_mass: tuple[float, float] | None = None
    offset: tuple[int, int] | None = None
    centred28: NDArray[np.float32] | None = None


def _channels(image: ArrayLike) -> tuple[list[np.ndarray], np.float32]:
    """The image's channels (views, never copies of the whole image) and the factor that
    brings their values to [0, 1]; checks shape, dtype and range."""
    a = np.asarray(image)
    if a.ndim not in (2, 3) or (a.ndim == 3 and a.shape[2] not in (1, 3, 4)) or a.size == 0:
        raise ValueError(
            f"expected an image of shape (H, W), (H, W, 3) or (H, W, 4), got shape {a.shape}; "
            "pass one image, not a batch"
        )
    if a.dtype == np.bool_ or np.issubdtype(a.dtype, np.floating):
        lo, hi = a.min(), a.max()  # min and max propagate NaN
        if not (np.isfinite(lo) and np.isfinite(hi) and lo >= 0 and hi <= 1):
            raise ValueError(
                f"expected float pixels in [0, 1], got range [{lo}, {hi}]; "
                "divide 0-255 values by 255"
            )
        scale = np.float32(1)
    elif np.issubdtype(a.dtype, np.integer):
        if a.min() < 0 or a.max() > 255:
            raise ValueError(
                f"expected integer pixels in [0, 255], got range [{a.min()}, {a.max()}] "
                f"(dtype {a.dtype}); scale 16-bit images with (a // 257).astype(np.uint8)"
            )
        scale = np.float32(1 / 255)
    else:
        raise ValueError(f"expected a numeric image array, got dtype {a.dtype}")
    return ([a] if a.ndim == 2 else [a[..., c] for c in range(a.shape[2])]), scale


def _ink_map(image: ArrayLike) -> tuple[NDArray[np.float32], bool, bool]:
    """Ink map (ink 1, paper 0), whether it was inverted, and whether there is any ink.

    Notes
    -----
    Colour becomes luma with the ITU-R 601-2 weights (as Pillow's ``convert("L")``).
    Alpha: transparent pixels are paper. The drawn (opaque) part is composited over black if it
    is light on average (a drawable canvas: white strokes on transparent black) and over white
    if it is dark (black strokes on a transparent PNG), so the ink stays visible either way.
    Polarity: the median of the 1-pixel border is the paper level; ink rarely touches the
    border, so a border median above 0.5 means dark ink on light paper, which is inverted.
    Then the paper level goes to 0 and the strongest ink to 1 (a grey pencil photo becomes as
    crisp as a pen drawing); contrast below ``MIN_CONTRAST`` means there is no ink.

    Memory: one float32 image plus one float32 temporary (8 bytes a pixel) whatever the
    input's channels, so a 4-megapixel RGBA upload costs ~32 MB here, not four float copies.
    """
    channels, scale = _channels(image)
    if len(channels) >= 3:
        grey = np.multiply(channels[0], np.float32(_LUMA[0]) * scale, dtype=np.float32)
        for c, weight in zip(channels[1:3], _LUMA[1:], strict=True):
            grey += np.multiply(c, np.float32(weight) * scale, dtype=np.float32)
    else:
        grey = np.multiply(channels[0], scale, dtype=np.float32)  # a fresh array, never a view
    if len(channels) == 4:
        alpha = np.multiply(channels[3], scale, dtype=np.float32)
        drawn = float(alpha.sum(dtype=np.float64))
        grey *= alpha
        light = drawn > 0 and float(grey.sum(dtype=np.float64)) / drawn >= 0.5
        if not light:  # dark strokes on transparency: composite over white paper
            grey += 1
            grey -= alpha
        del alpha
    border = np.concatenate([grey[0], grey[-1], grey[1:-1, 0], grey[1:-1, -1]])
    paper = float(np.median(border))
    inverted = paper > 0.5
    if inverted:  # grey = 1 - grey, in place
        np.subtract(1, grey, out=grey)
        paper = 1 - paper
    contrast = float(grey.max()) - paper
    if contrast < MIN_CONTRAST:
        grey[...] = 0
        return grey, inverted, False
    grey -= np.float32(paper)
    grey /= np.float32(contrast)
    return np.clip(grey, 0, 1, out=grey), inverted, True


def _resize(a: NDArray[np.float32], shape: tuple[int, int]) -> NDArray[np.float32]:
    """Anti-aliased resize to ``shape`` = (rows, cols): BOX to shrink, BILINEAR to enlarge.

    BOX averages each output pixel's area (coverage, like a sensor; no ringing, stays in
    [0, 1]); BILINEAR avoids the blocky look of BOX when a tiny drawing is enlarged.
    """
    shrink = shape[0] <= a.shape[0] and shape[1] <= a.shape[1]
    resample = Image.Resampling.BOX if shrink else Image.Resampling.BILINEAR
    out = Image.fromarray(a).resize((shape[1], shape[0]), resample=resample)
    return np.clip(np.asarray(out, dtype=np.float32), 0, 1)


def to_mnist_steps(image: ArrayLike) -> DigitSteps:
    """Every step of ``to_mnist``: ink map, crop, resize to 20, centre in 28x28.

    Parameters
    ----------
    image : array_like, shape (H, W), (H, W, 1), (H, W, 3) or (H, W, 4)
        uint8 (0-255) or float in [0, 1]; greyscale, RGB or RGBA; either polarity; any size.

    Returns
    -------
    DigitSteps
        ``centred28`` is the (28, 28) float32 result in [0, 1], or None if there is no ink.

    Notes
    -----
    Centring uses an integer shift: the 20-box is placed so that its centre of mass,
    rounded to the nearest pixel, lands on (14, 14) (pixel centres at integer coordinates).
    So the centre of mass of the result is within 0.5 px of (14, 14) on each axis, exactly as
    in MNIST (its 70,000 digits all have their centre of mass within about 0.5 px of (14, 14)),
    and pixel values are not blurred by a subpixel shift. If the shift would push ink out of
    the 28x28 frame, the box is clamped inside it (ink is kept, centring is then approximate).
    """
    ink, inverted, has_ink = _ink_map(image)
    if not has_ink:
        return DigitSteps(grey=ink, inverted=inverted)
    mask = ink > INK_THRESHOLD  # not empty: after the contrast stretch the strongest ink is 1
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    top, bottom, left, right = int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1
    cropped = ink[top:bottom, left:right]
    h, w = cropped.shape
    scale = BOX / max(h, w)
    small = _resize(cropped, (max(1, round(h * scale)), max(1, round(w * scale))))
    mass = small.sum(dtype=np.float64)
    com_r = float(np.arange(small.shape[0]) @ small.sum(axis=1, dtype=np.float64) / mass)
    com_c = float(np.arange(small.shape[1]) @ small.sum(axis=0, dtype=np.float64) / mass)
    r0 = min(max(int(np.floor(CENTRE - com_r + 0.5)), 0), SIZE - small.shape[0])
    c0 = min(max(int(np.floor(CENTRE - com_c + 0.5)), 0), SIZE - small.shape[1])
    out = np.zeros((SIZE, SIZE), np.float32)
    out[r0 : r0 + small.shape[0], c0 : c0 + small.shape[1]] = small
    return DigitSteps(
        grey=ink,
        inverted=inverted,
        bbox=(top, left, bottom, right),
        cropped=cropped,
        resized20=small,
        centre_of_mass=(com_r, com_c),
        offset=(r0, c0),
        centred28=out,
    )


def to_mnist(image: ArrayLike) -> NDArray[np.float32] | None:
    """Turn a drawing or photo of one digit into an MNIST-like image.

    Parameters
    ----------
    image : array_like, shape (H, W), (H, W, 1), (H, W, 3) or (H, W, 4)
        uint8 (0-255) or float in [0, 1]. A drawable-canvas RGBA array (white ink on
        transparent black) and a photo of dark ink on light paper both work.

    Returns
    -------
    ndarray of float32, shape (28, 28), or None
        White digit on black in [0, 1], its ink fitting a 20x20 box, centre of mass within
        0.5 px of (14, 14); None when the image holds no ink.

    See Also
    --------
    to_mnist_steps : the same, with every intermediate image.
    """
    return to_mnist_steps(image).centred28


def load_image(
    source: str | os.PathLike | bytes,
    max_pixels: int = MAX_PIXELS,
    max_aspect: float = MAX_ASPECT,
) -> NDArray[np.uint8]:
    """Read an image file (PNG, JPEG, BMP, GIF, ...) into an array, refusing huge ones first.

    Parameters
    ----------
    source : str, path-like or bytes
        A file path, or the file's content (e.g. an upload's ``getvalue()``).
    max_pixels : int
        Largest width x height accepted. Checked from the header, before any pixel is decoded,
        so a decompression bomb (a tiny file that decodes to gigabytes) is refused cheaply.
    max_aspect : float
        Largest ratio of the long side to the short side, also checked from the header. A
        60 x 65000 strip is under any pixel limit, but nobody photographs one digit like that,
        and every square view of it (a thumbnail, a chart) would be 65000 x 65000.

    Returns
    -------
    ndarray of uint8, shape (H, W), (H, W, 3) or (H, W, 4)
        Greyscale, RGB or RGBA (RGBA when the image has transparency), turned upright according
        to its EXIF orientation. For an animated GIF or PNG, the first frame. 16-bit greyscale
        keeps its high byte; CMYK, palette and 1-bit images become RGB, RGB(A) and greyscale.
        At most ``max_pixels`` pixels: the array and Pillow's decoded copy are the only
        image-sized allocations (at most 8 bytes a pixel together).

    Raises
    ------
    ImageTooLarge (a ValueError)
        More than ``max_pixels`` pixels (checked from the header) or a decompression bomb.
    ImageTooThin (a ValueError)
        Long side more than ``max_aspect`` times the short side (checked from the header).
    ValueError
        Missing file, not an image, truncated or corrupt. Every message names the file.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        name, fp = "<bytes>", io.BytesIO(bytes(source))
    else:
        name = fp = str(Path(source))
    try:
        with warnings.catch_warnings():
            # Pillow warns above Image.MAX_IMAGE_PIXELS; max_pixels below is our own limit.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(fp)
    except FileNotFoundError:
        raise ValueError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise ValueError(f"{name}: is a folder, not an image file") from None
    except Image.DecompressionBombError as exc:
        raise ImageTooLarge(f"{name}: image too large to decode safely ({exc})", (0, 0)) from None
    except UnidentifiedImageError:
        raise ValueError(f"{name}: not an image (or a format Pillow cannot read)") from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ValueError(f"{name}: cannot read ({exc})") from None
    with img:
        w, h = img.size
        if w * h > max_pixels:
            raise ImageTooLarge(
                f"{name}: image is {w}x{h} = {w * h:,} pixels, more than the limit of "
                f"{max_pixels:,}; scale it down first",
                (w, h),
            )
        if max(w, h) > max_aspect * min(w, h):
            raise ImageTooThin(
                f"{name}: image is {w}x{h}, its long side is {aspect(w, h):.0f} times its short "
                f"side, more than the limit of {max_aspect:g}; crop it around the digit",
                (w, h),
            )
        try:
            img.load()
            img = ImageOps.exif_transpose(img)
            if img.mode.startswith("I"):  # 16/32-bit grey: convert("L") would clip at 255
                a = np.asarray(img)
                wide = img.mode.startswith("I;16") or a.max(initial=0) > 255
                return np.clip(a >> 8 if wide else a, 0, 255).astype(np.uint8)
            has_alpha = "A" in img.getbands() or "transparency" in img.info
            if img.mode not in ("L", "RGB", "RGBA"):
                grey = img.mode in ("1", "L", "I", "F")
                img = img.convert("RGBA" if has_alpha else ("L" if grey else "RGB"))
            return np.array(img)
        except Exception as exc:  # Pillow's decoders raise many types on malformed data
            raise ValueError(f"{name}: truncated or corrupt image ({exc})") from None


def aspect(width: int, height: int) -> float:
    """Long side over short side (inf for an empty side): 1 for a square, 4/3 for 4:3."""
    return max(width, height) / min(width, height) if min(width, height) else float("inf")
