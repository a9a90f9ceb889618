"""Benchmark: what one upload on /digits costs, and what a shared cached figure costs to draw.

Run: ``python benchmarks/bench_uploads.py`` (prints one row per measurement). ``run()`` returns
the rows as (name, value, unit) for ``make bench``. Memory is tracemalloc's peak (numpy and
Python allocations; Pillow's own decoded copy is not counted) over the page's whole path:
load_image -> preview -> to_mnist_steps -> a thumbnail of every step.
"""

from __future__ import annotations

import copy
import functools
import io
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lab.digits import load_image, to_mnist_steps
from ui.charts_digits import pixels, preview
from ui.resources import FrozenFigure
from ui.upload import MAX_UPLOAD_PIXELS


def _png(mode: str, size: tuple[int, int]) -> bytes:
    w, h = size
    img = Image.new(mode, size, 0)
    ink = (255,) * len(mode)
    ImageDraw.Draw(img).line(
        [(w * 0.2, h * 0.15), (w * 0.8, h * 0.15), (w * 0.4, h * 0.85)], ink, 9
    )
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _page_path(data: bytes) -> None:
    try:
        image = load_image(data, max_pixels=MAX_UPLOAD_PIXELS)
    except ValueError:
        return
    preview(image, 240)
    s = to_mnist_steps(image)
    if s.centred28 is not None:
        for a in (s.grey, s.cropped, s.resized20, s.centred28):
            pixels(a, 120)


def _peak(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


def _animated_figure() -> go.Figure:
    """Like /perceptron's MLP boundary: a 101x101 heatmap with 40 animation frames."""
    rng = np.random.default_rng(0)
    fig = go.Figure(go.Heatmap(z=rng.random((101, 101))))
    fig.frames = [
        go.Frame(data=[go.Heatmap(z=rng.random((101, 101)))], name=str(i)) for i in range(40)
    ]
    return fig


def run() -> list[tuple[str, float, str]]:
    rows = []
    for mode, size in (("L", (2000, 2000)), ("RGBA", (2000, 2000)), ("L", (6000, 600))):
        data = _png(mode, size)
        px = size[0] * size[1]
        rows.append(
            (
                f"upload {mode} {size[0]}x{size[1]}: numpy peak per pixel",
                _peak(functools.partial(_page_path, data)) / px,
                "B",
            )
        )
        rows.append(
            (
                f"upload {mode} {size[0]}x{size[1]}: page path",
                _median_ms(functools.partial(_page_path, data), 3),
                "ms",
            )
        )
    strip = _png("L", (60, 65000))
    rows.append(
        (
            "upload 60x65000 (refused from header): numpy peak",
            _peak(lambda: _page_path(strip)) / 1e6,
            "MB",
        )
    )
    rows.append(
        ("upload 60x65000 (refused from header)", _median_ms(lambda: _page_path(strip), 5), "ms")
    )
    fig = _animated_figure()
    frozen = FrozenFigure(fig)
    rows.append(
        (
            "animated figure: live fig.to_dict (what plotly_chart calls)",
            _median_ms(fig.to_dict, 10),
            "ms",
        )
    )
    rows.append(("animated figure: FrozenFigure.to_dict", _median_ms(frozen.to_dict, 10), "ms"))
    rows.append(
        (
            "animated figure: copy.deepcopy(fig) per session",
            _median_ms(lambda: copy.deepcopy(fig), 3),
            "ms",
        )
    )
    return rows


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name:<62} {value:10.2f} {unit}")
