"""Real pen-drawn digits (UCI "Pen-Based Recognition of Handwritten Digits"), drawn like the canvas.

MNIST's digits were written on paper by American census staff and students, scanned and
re-centred. What a learner draws on the lab's canvas is different: a round white pen of
10-25 px on a 280x280 black square, at any size and place. The 7,494 pen trajectories of 30
writers in ``data/pendigits/`` (UNIPEN text, y grows upwards) are the closest real data to
that. This module reads them and draws each trajectory the way the canvas does, so a network
can learn from, and be judged on, real people's pen strokes.

    >>> text = '''.SEGMENT DIGIT 0 ? "1"
    ... .COMMENT 1 7 3
    ... .PEN_DOWN
    ...  100 400
    ...  100 100
    ... .PEN_UP
    ... '''
    >>> d = parse_unipen(text)[0]
    >>> d.label, d.writer, d.strokes[0].tolist()
    (1, 7, [[100.0, 400.0], [100.0, 100.0]])

Writers ``HELD_OUT_WRITERS`` are never trained on: they are the project's own test of how the
digit model reads people it has never seen.
"""

from __future__ import annotations

import gzip
import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw

from lab.digits import to_mnist

__all__ = [
    "CANVAS",
    "HELD_OUT_WRITERS",
    "PATH",
    "PenDigit",
    "contrast_examples",
    "draw",
    "held_out_set",
    "load_held_out",
    "load_pendigits",
    "parse_unipen",
    "render",
    "render_set",
    "split_by_writer",
    "write_held_out",
]

PATH = Path(__file__).resolve().parent.parent / "data" / "pendigits" / "pendigits-train.unipen.gz"
CANVAS = 280  # the page's canvas: 280x280 pixels
HELD_OUT_WRITERS = (3, 8, 13, 18, 23, 28)  # fixed before any training; never trained on
HELD_OUT_SEED = 2026  # the held-out writers' digits are drawn twice each with this seed
HELD_OUT_FILE = PATH.with_name("held_out.npz")  # those drawings, ready for the page
WIDTH = (10, 25)  # pen widths (px) drawn uniformly, as learners' strokes
HEIGHT = (110, 240)  # digit heights (px) on the 280 canvas
SLANT = 0.25  # shear x += slant * y, drawn in [-SLANT, SLANT]
ROTATE = 10.0  # degrees, drawn in [-ROTATE, ROTATE]


@dataclass(frozen=True)
class PenDigit:
    """One digit as written: its label, its writer (1-30) and its strokes.

    Attributes
    ----------
    label : int
    writer : int
    strokes : tuple of ndarray, each of shape (k, 2)
        Pen-down trajectories as (x, y) tablet coordinates, y growing upwards, in writing order.
    """

    label: int
    writer: int
    strokes: tuple[NDArray[np.float64], ...]


def parse_unipen(text: str) -> list[PenDigit]:
    """Parse the UNIPEN text of the pendigits data set.

    Parameters
    ----------
    text : str
        ``.SEGMENT DIGIT ... "d"`` starts a digit, ``.COMMENT label writer sample`` names its
        writer, ``.PEN_DOWN`` / ``.PEN_UP`` enclose a stroke of "x y" lines; other dot lines
        (``.INCLUDE``, ``.LEXICON``, ``.HIERARCHY``, ``.DT``) are skipped.

    Returns
    -------
    list of PenDigit, in file order

    Raises
    ------
    ValueError
        A coordinate line outside a stroke, a digit without writer or without ink, or a label
        that disagrees with its comment; the message gives the line number.
    """
    digits: list[PenDigit] = []
    label = writer = None
    strokes: list[list[tuple[float, float]]] = []
    stroke: list[tuple[float, float]] | None = None

    def finish(lineno: int) -> None:
        if label is None:
            return
        if writer is None or not strokes:
            raise ValueError(f"line {lineno}: digit {label!r} has no .COMMENT writer or no ink")
        digits.append(
            PenDigit(label, writer, tuple(np.array(s, dtype=np.float64) for s in strokes))
        )

    for lineno, line in enumerate(text.splitlines(), 1):
        word = line.split()
        if not word:
            continue
        if word[0] == ".SEGMENT":
            finish(lineno)
            label, writer, strokes = int(line.rsplit('"', 2)[1]), None, []
        elif word[0] == ".COMMENT":
            if int(word[1]) != label:
                raise ValueError(f"line {lineno}: .COMMENT label {word[1]} != segment {label}")
            writer = int(word[2])
        elif word[0] == ".PEN_DOWN":
            stroke = []
        elif word[0] == ".PEN_UP":
            if stroke:
                strokes.append(stroke)
            stroke = None
        elif word[0].startswith("."):
            continue
        elif stroke is None:
            raise ValueError(f"line {lineno}: coordinates outside .PEN_DOWN/.PEN_UP: {line!r}")
        else:
            stroke.append((float(word[0]), float(word[1])))
    finish(lineno + 1 if text else 0)
    return digits


def load_pendigits(path: str | os.PathLike = PATH) -> list[PenDigit]:
    """All digits of ``data/pendigits/pendigits-train.unipen.gz`` (7,494 by 30 writers)."""
    with gzip.open(path, "rt", encoding="ascii") as f:
        return parse_unipen(f.read())


def split_by_writer(
    digits: list[PenDigit], held_out: tuple[int, ...] = HELD_OUT_WRITERS
) -> tuple[list[PenDigit], list[PenDigit]]:
    """(training writers' digits, held-out writers' digits): a split by person, not by sample,
    so no writer's style is on both sides."""
    held = set(held_out)
    return [d for d in digits if d.writer not in held], [d for d in digits if d.writer in held]


def draw(
    strokes: tuple[NDArray[np.float64], ...] | list[NDArray[np.float64]],
    width: float,
    canvas: int = CANVAS,
) -> NDArray[np.uint8]:
    """Draw strokes given in canvas pixels (y down) as the canvas does: white, round-capped.

    Parameters
    ----------
    strokes : sequence of ndarray, each (k, 2)
        (x, y) points in pixels of the ``canvas`` x ``canvas`` image, y growing downwards.
    width : float
        Pen width in pixels.

    Returns
    -------
    ndarray of uint8, shape (canvas, canvas)
        White (255) ink on black (0).

    Notes
    -----
    Each segment is a line of the pen's width and every point a disc of the same diameter,
    so ends and joins are round (the canvas's ``lineCap = lineJoin = "round"``). Edges are
    not anti-aliased as a browser's are: ``to_mnist`` averages ~10x10 canvas pixels into one
    MNIST pixel, which makes the difference invisible (and drawing at 2x costs twice the time).
    """
    img = Image.new("L", (canvas, canvas), 0)
    pen = ImageDraw.Draw(img)
    r = width / 2
    for stroke in strokes:
        pts = [(float(x), float(y)) for x, y in np.asarray(stroke, dtype=np.float64)]
        if len(pts) > 1:
            pen.line(pts, fill=255, width=max(1, round(width)))
        for x, y in pts:
            pen.ellipse((x - r, y - r, x + r, y + r), fill=255)
    return np.asarray(img)


def render(
    digit: PenDigit,
    *,
    width: float,
    height: float,
    slant: float = 0.0,
    rotate: float = 0.0,
    centre: tuple[float, float] = (CANVAS / 2, CANVAS / 2),
    canvas: int = CANVAS,
) -> NDArray[np.uint8]:
    """One pen digit drawn on the canvas at a chosen size, slant, rotation and place.

    Parameters
    ----------
    digit : PenDigit
    width : float
        Pen width in pixels.
    height : float
        Height of the digit's trajectory in pixels (before the pen's width is added). A digit
        wider than tall is limited to ``height`` in width too; anything that would not fit
        the canvas (with the pen) is shrunk to fit.
    slant : float
        Shear: x += slant · (height above the centre), positive leans right.
    rotate : float
        Degrees, positive counter-clockwise.
    centre : (x, y)
        Where the middle of the digit's bounding box lands, in pixels (clamped inside).

    Returns
    -------
    ndarray of uint8, shape (canvas, canvas): white pen strokes on black.
    """
    pts = np.concatenate(digit.strokes)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    mid = (lo + hi) / 2
    c, s = math.cos(math.radians(rotate)), math.sin(math.radians(rotate))
    # y up in the file; the same map for every point: shear, rotate, then flip y for the image
    m = np.array([[c, -s], [s, c]]) @ np.array([[1.0, slant], [0.0, 1.0]])
    moved = [(st - mid) @ m.T for st in digit.strokes]
    allp = np.concatenate(moved)
    span = allp.max(axis=0) - allp.min(axis=0)
    room = canvas - width - 4  # the pen's half width on both sides, and a 2 px margin
    scale = height / max(span[1], 1e-9)
    scale = min(scale, height / max(span[0], 1e-9), room / max(span.max(), 1e-9))
    box_mid = (allp.max(axis=0) + allp.min(axis=0)) / 2 * scale
    half = span * scale / 2 + width / 2 + 2
    cx = min(max(centre[0], half[0]), canvas - half[0])
    cy = min(max(centre[1], half[1]), canvas - half[1])
    flip = np.array([1.0, -1.0])
    strokes = [(p * scale - box_mid) * flip + (cx, cy) for p in moved]
    return draw(strokes, width, canvas)


def render_set(
    digits: list[PenDigit], rng: np.random.Generator, copies: int = 1
) -> tuple[NDArray[np.float32], NDArray[np.uint8]]:
    """Every digit drawn ``copies`` times with a random pen, size, place, slant and rotation,
    then read by ``lab.digits.to_mnist`` exactly as the page reads the canvas.

    Parameters
    ----------
    digits : list of PenDigit
    rng : numpy.random.Generator
        Draws width U(10, 25) px, height U(110, 240) px, slant U(±0.25), rotation U(±10°) and
        the centre (anywhere the digit fits); the same seed gives the same images.
    copies : int

    Returns
    -------
    x : ndarray of float32, shape (copies · len(digits), 1, 28, 28), in [0, 1]
    t : ndarray of uint8, shape (copies · len(digits),)
    """
    n = copies * len(digits)
    x = np.zeros((n, 1, 28, 28), np.float32)
    t = np.empty(n, np.uint8)
    for i in range(n):
        d = digits[i % len(digits)]
        image = render(
            d,
            width=rng.uniform(*WIDTH),
            height=rng.uniform(*HEIGHT),
            slant=rng.uniform(-SLANT, SLANT),
            rotate=rng.uniform(-ROTATE, ROTATE),
            centre=(rng.uniform(0, CANVAS), rng.uniform(0, CANVAS)),
        )
        x[i, 0] = to_mnist(image)
        t[i] = d.label
    return x, t


def held_out_set(
    digits: list[PenDigit] | None = None,
) -> tuple[NDArray[np.float32], NDArray[np.uint8], NDArray[np.uint8]]:
    """The project's test of unseen writers: every digit of ``HELD_OUT_WRITERS`` drawn twice
    (``render_set`` with ``HELD_OUT_SEED``). Returns x (2500-ish, 1, 28, 28), t and writer."""
    if digits is None:
        digits = split_by_writer(load_pendigits())[1]
    x, t = render_set(digits, np.random.default_rng(HELD_OUT_SEED), copies=2)
    writer = np.array([d.writer for d in digits] * 2, np.uint8)
    return x, t, writer


def write_held_out(path: str | os.PathLike = HELD_OUT_FILE) -> Path:
    """Save ``held_out_set()`` (compressed .npz, no pickles) so the page need not draw it."""
    x, t, writer = held_out_set()
    np.savez_compressed(path, x=x, t=t, writer=writer)
    return Path(path)


def load_held_out(
    path: str | os.PathLike = HELD_OUT_FILE,
) -> tuple[NDArray[np.float32], NDArray[np.uint8], NDArray[np.uint8]]:
    """``held_out_set()`` as saved by ``write_held_out``: (x, t, writer)."""
    with np.load(path, allow_pickle=False) as f:
        return f["x"], f["t"], f["writer"]


def contrast_examples(
    t: NDArray, y_a: NDArray, y_b: NDArray, digit: int, k: int = 6
) -> NDArray[np.intp]:
    """Indices of up to ``k`` samples of ``digit`` that model A misreads and model B reads.

    Parameters
    ----------
    t : ndarray, shape (N,)
        True labels.
    y_a, y_b : ndarray, shape (N,)
        The two models' predicted labels.
    digit : int
    k : int

    Returns
    -------
    ndarray of int, shape (<= k,), in ascending order (the first such samples).
    """
    t, y_a, y_b = np.asarray(t), np.asarray(y_a), np.asarray(y_b)
    return np.flatnonzero((t == digit) & (y_a != digit) & (y_b == digit))[:k]


if __name__ == "__main__":
    print(f"wrote {write_held_out()}")
