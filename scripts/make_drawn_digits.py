"""Render synthetic pen-drawn digits: a proxy for real canvas drawings by people not in MNIST.

    python scripts/make_drawn_digits.py [--out data/drawn] [--writers 12] [--per-digit 3]

Each digit class has skeletons in several styles (strokes as polylines and arcs in a unit box):
0 round or narrow; 1 a bare stick, with a short or long flag, with a base; 2 curved, "z"-like
or looped; 3 round or flat-topped; 4 open, closed or crossed; 5; 6; 7 with or without a bar,
straight, bent or curved; 8 as two loops; 9 with a straight stem, a curved, hooked or "g"
tail. A "writer" is a fixed set of habits drawn once from the seed: which style of each
digit, slant, width, size, wobble and pen width (10-25 px). Every sample then adds a smooth
random warp, size and position jitter and a small rotation, and is drawn like the app's
canvas: white round-capped strokes, anti-aliased, on a 280x280 black image. Files are
``<label>_w<writer>_<k>.png`` (greyscale PNG), so the label is the first character of the name.

No sample is ever used for training: every writer is "not in MNIST", and
``scripts/eval_drawn.py`` reports accuracy per writer as well as per class.
"""

from __future__ import annotations

import argparse
import itertools
import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

CANVAS = 280
AA = 2  # draw at 2x and downsample: anti-aliased edges, as a browser canvas draws


def arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 24):
    """Points of an elliptic arc from angle a0 to a1 (degrees, 0 = right, 90 = down)."""
    t = np.radians(np.linspace(a0, a1, n))
    return list(zip(cx + rx * np.cos(t), cy + ry * np.sin(t), strict=True))


def line(*pts: tuple[float, float]):
    return list(pts)


# Each style is a list of strokes; each stroke a list of (x, y) in a unit box, y down.
STYLES: dict[int, dict[str, list[list[tuple[float, float]]]]] = {
    0: {
        "round": [arc(0.5, 0.5, 0.4, 0.5, -90, 275)],
        "narrow": [arc(0.5, 0.5, 0.26, 0.5, -100, 265)],
    },
    1: {
        "stick": [line((0.5, 0.0), (0.5, 1.0))],
        "flag": [line((0.25, 0.22), (0.55, 0.0), (0.55, 1.0))],
        "flag_base": [line((0.25, 0.22), (0.5, 0.0), (0.5, 1.0)), line((0.2, 1.0), (0.8, 1.0))],
        "long_flag": [line((0.0, 0.4), (0.6, 0.0), (0.6, 1.0))],
    },
    2: {
        "curved": [
            arc(0.5, 0.28, 0.4, 0.28, 190, 360)
            + arc(0.5, 0.28, 0.4, 0.6, 0, 40)
            + line((0.05, 1.0), (0.95, 1.0))
        ],
        "z": [line((0.08, 0.05), (0.9, 0.05), (0.08, 1.0), (0.95, 1.0))],
        "loop": [
            arc(0.5, 0.28, 0.4, 0.28, 190, 370)
            + line((0.15, 0.9))
            + arc(0.25, 0.88, 0.12, 0.1, 90, 360)
            + line((0.95, 0.95))
        ],
    },
    3: {
        "round": [arc(0.48, 0.25, 0.37, 0.25, 200, 450) + arc(0.48, 0.73, 0.43, 0.27, -90, 150)],
        "flat": [line((0.1, 0.0), (0.85, 0.0), (0.4, 0.42)) + arc(0.48, 0.7, 0.42, 0.3, -80, 150)],
    },
    4: {
        "open": [line((0.45, 0.0), (0.08, 0.62), (0.95, 0.62)), line((0.72, 0.25), (0.72, 1.0))],
        "closed": [line((0.72, 1.0), (0.72, 0.0), (0.05, 0.65), (0.95, 0.65))],
        "open_tall": [line((0.2, 0.0), (0.12, 0.55), (0.9, 0.55)), line((0.7, 0.0), (0.7, 1.0))],
        "crossed": [line((0.35, 0.0), (0.0, 0.6), (1.0, 0.6)), line((0.62, 0.15), (0.6, 1.0))],
    },
    5: {
        "classic": [
            line((0.85, 0.0), (0.22, 0.0), (0.17, 0.42)) + arc(0.47, 0.68, 0.4, 0.31, -130, 150)
        ],
        "two_strokes": [
            line((0.22, 0.02), (0.17, 0.42)) + arc(0.47, 0.68, 0.4, 0.31, -130, 150),
            line((0.22, 0.0), (0.9, 0.0)),
        ],
    },
    6: {
        "loop": [arc(0.85, 0.6, 0.7, 0.62, 250, 175) + arc(0.48, 0.72, 0.35, 0.28, 180, 540)],
        "straight": [line((0.75, 0.0), (0.2, 0.62)) + arc(0.48, 0.72, 0.33, 0.28, 160, 520)],
    },
    7: {
        "plain": [line((0.05, 0.0), (0.95, 0.0), (0.35, 1.0))],
        "bar": [line((0.05, 0.0), (0.95, 0.0), (0.35, 1.0)), line((0.3, 0.5), (0.85, 0.5))],
        "bent": [line((0.05, 0.12), (0.1, 0.0), (0.95, 0.0), (0.55, 0.55), (0.45, 1.0))],
        "curved_bar": [
            line((0.05, 0.05), (0.95, 0.0)) + arc(-0.35, 0.0, 1.3, 1.0, 0, 62),
            line((0.35, 0.5), (0.9, 0.47)),
        ],
    },
    8: {
        "snowman": [arc(0.5, 0.25, 0.3, 0.25, 0, 360), arc(0.5, 0.72, 0.4, 0.28, 0, 360)],
        "s_loop": [
            arc(0.5, 0.25, 0.33, 0.25, -20, -270)
            + arc(0.5, 0.73, 0.4, 0.27, -90, 270)
            + line((0.8, 0.12))
        ],
    },
    9: {
        "straight": [arc(0.45, 0.28, 0.38, 0.28, 0, 360) + line((0.83, 1.0))],
        "curved_tail": [arc(0.48, 0.28, 0.38, 0.28, 0, 360) + arc(0.45, 0.45, 0.41, 0.55, 0, 110)],
        "hook": [
            arc(0.45, 0.28, 0.36, 0.28, 10, 370)
            + line((0.8, 0.9))
            + arc(0.6, 0.9, 0.2, 0.1, 0, 150)
        ],
        "g_tail": [arc(0.5, 0.27, 0.36, 0.27, 0, 360) + arc(0.5, 0.55, 0.36, 0.45, 0, 160)],
    },
}


def writer(rng: np.random.Generator) -> dict:
    """A writer's habits: one style per digit, slant, width, size, roundness, pen width."""
    return {
        "style": {d: str(rng.choice(sorted(s))) for d, s in STYLES.items()},
        "slant": rng.uniform(-0.45, 0.35),  # x += slant·(0.5 − y): positive leans right
        "width": rng.uniform(0.45, 0.8),  # box width / height
        "size": rng.uniform(0.35, 0.85),  # digit height / canvas
        "pen": rng.uniform(10, 25),
        "wobble": rng.uniform(0.01, 0.035),  # std of the point jitter, in box heights
    }


def _densify(p: np.ndarray, step: float = 0.02) -> np.ndarray:
    """The polyline p with extra points at most ``step`` apart (so a warp can bend it)."""
    out = [p[:1]]
    for a, b in itertools.pairwise(p):
        n = max(1, math.ceil(np.hypot(*(b - a)) / step))
        out.append(a + (b - a) * np.linspace(0, 1, n + 1)[1:, None])
    return np.concatenate(out)


def render(digit: int, habits: dict, rng: np.random.Generator) -> Image.Image:
    """One drawing of ``digit`` by ``habits``: a 280x280 'L' image, white ink on black.

    The hand's unsteadiness is a smooth random warp (three sine waves across the box), not
    independent noise per point: pen strokes wobble slowly, they are not jagged.
    """
    strokes = STYLES[digit][habits["style"][digit]]
    height = CANVAS * float(np.clip(habits["size"] * rng.uniform(0.85, 1.15), 0.25, 0.85))
    width = height * (0.45 if digit == 1 else habits["width"] * rng.uniform(0.9, 1.1))
    slant = habits["slant"] + rng.normal(0, 0.05)
    angle = math.radians(rng.normal(0, 6))
    pen = habits["pen"] * rng.uniform(0.9, 1.1)
    waves = [
        (rng.normal(0, habits["wobble"], 2), rng.uniform(0.3, 1.2, 2), rng.uniform(0, 2 * math.pi))
        for _ in range(3)
    ]
    paths = []
    for stroke in strokes:
        p = _densify(np.array(stroke, dtype=np.float64))
        for amp, freq, phase in waves:
            p = p + amp * np.sin(2 * math.pi * (p @ freq) + phase)[:, None]
        x = (p[:, 0] - 0.5) * width + slant * (0.5 - p[:, 1]) * height
        y = (p[:, 1] - 0.5) * height
        paths.append(
            np.stack(
                [
                    x * math.cos(angle) - y * math.sin(angle),
                    x * math.sin(angle) + y * math.cos(angle),
                ],
                axis=1,
            )
        )
    every = np.concatenate(paths)
    margin = pen / 2 + 2
    lo, hi = every.min(axis=0), every.max(axis=0)
    room = np.maximum(CANVAS - 2 * margin - (hi - lo), 0)
    shift = margin - lo + rng.uniform(0, 1, 2) * room  # anywhere on the canvas, all inside
    img = Image.new("L", (CANVAS * AA, CANVAS * AA), 0)
    draw = ImageDraw.Draw(img)
    r = pen * AA / 2
    for path in paths:
        pts = [(float(a), float(b)) for a, b in (path + shift) * AA]
        draw.line(pts, fill=255, width=round(2 * r))
        for a, b in pts:  # a round pen at every point: round joins and caps, as a canvas
            draw.ellipse((a - r, b - r, a + r, b + r), fill=255)
    return img.resize((CANVAS, CANVAS), Image.Resampling.BOX)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="data/drawn", help="folder for the PNGs")
    parser.add_argument("--writers", type=int, default=12)
    parser.add_argument("--per-digit", type=int, default=3, help="drawings of each digit")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for w in range(args.writers):
        habits = writer(rng)
        for digit in range(10):
            for k in range(args.per_digit):
                render(digit, habits, rng).save(out / f"{digit}_w{w:02d}_{k}.png", optimize=True)
    n = args.writers * 10 * args.per_digit
    print(f"wrote {n} drawings by {args.writers} writers to {out}")


if __name__ == "__main__":
    main()
