"""Script-run time of every page: AppTest run after a warm-up, median of 5 (seconds).

This is the server-side time of one rerun, the part of "a slider answers at once" that the
app controls; the browser adds rendering on top (see the browser tests' timings).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ui.nav import PAGES

REPEATS = 5
APP = str(Path(__file__).resolve().parent.parent / "app.py")


def page_run_seconds(stem: str, lang: str = "zh") -> float:
    """Median time of at.run() on pages/<stem>.py, after one warm-up run."""
    at = AppTest.from_file(APP, default_timeout=300)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(f"pages/{stem}.py")
    at.run()  # warm-up: imports, caches
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def drawn_digit_seconds(model: str) -> float:
    """Median rerun of /digits after a drawn 7 reaches the canvas' value (AppTest): read the
    digit, draw the results and the model's layer view."""
    from tests.test_page_digits import STROKES, canvas_png, draw

    at = AppTest.from_file(APP, default_timeout=300)
    at.query_params["lang"] = "zh"
    at.run()
    at.switch_page("pages/digits.py")
    at.run()
    at.segmented_control(key="digits_model").set_value(model)
    at.run()
    png = canvas_png(STROKES[7])
    draw(at, png)  # warm-up
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        draw(at, png)
        times.append(time.perf_counter() - t0)
    if at.metric[0].value != "7":
        raise RuntimeError(f"{model} read the drawn 7 as {at.metric[0].value}")
    return statistics.median(times)


def run() -> list[tuple[str, float, str]]:
    rows = [
        (f"page script run /{p.stem} (AppTest, median of {REPEATS})", page_run_seconds(p.stem), "s")
        for p in PAGES
    ]
    for model in ("default", "book"):
        label = f"page script run /digits, a drawn 7, {model} model"
        rows.append((label, drawn_digit_seconds(model), "s"))
    return rows


if __name__ == "__main__":
    for row in run():
        print(*row)
