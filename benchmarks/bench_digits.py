"""Benchmark: one drawable-canvas image through lab.digits.to_mnist, and load_mnist cold/warm.

Run: ``python benchmarks/bench_digits.py`` (prints one row per measurement). ``run()`` returns
the rows as (name, value, unit) for ``make bench``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks import median_seconds
from lab.digits import to_mnist
from lab.mnist import DATA_DIR, FILES, load_mnist

RUNS = 50


def _canvas() -> np.ndarray:
    """A 280 x 280 RGBA canvas with a white '7' on transparent black, as the app's canvas."""
    img = Image.new("RGBA", (280, 280), (0, 0, 0, 0))
    line = [(60, 50), (220, 50), (110, 240)]
    ImageDraw.Draw(img).line(line, fill=(255, 255, 255, 255), width=20, joint="curve")
    return np.asarray(img)


def run() -> list[tuple[str, float, str]]:
    """Median times: to_mnist on a 280x280 canvas (50 runs), load_mnist without and with its
    cache (3 runs each, in a temporary copy of data/mnist so the real cache is untouched)."""
    image = _canvas()
    to_mnist(image)  # warm-up: imports, first allocations
    rows = [
        (
            "digits.to_mnist 280x280 canvas",
            1e3 * median_seconds(lambda: to_mnist(image), RUNS),
            "ms",
        )
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for name in FILES.values():
            shutil.copy(DATA_DIR / name, Path(tmp) / name)
        cache = Path(tmp) / "mnist.cache.npz"

        def cold():
            cache.unlink(missing_ok=True)
            load_mnist(data_dir=tmp)

        rows.append(
            ("mnist.load_mnist cold (decode IDX, write cache)", 1e3 * median_seconds(cold, 3), "ms")
        )
        rows.append(
            (
                "mnist.load_mnist warm (from cache)",
                1e3 * median_seconds(lambda: load_mnist(data_dir=tmp), 3),
                "ms",
            )
        )
    return rows


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name:<50} {value:10.2f} {unit}")
