"""Script-run time of every page: AppTest run after a warm-up, median of 5 (seconds).

This is the server-side time of one rerun, the part of "a slider answers at once" that the
app controls; the browser adds rendering on top (see the browser tests' timings).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ui.nav import available_pages

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


def run() -> list[tuple[str, float, str]]:
    return [
        (f"page script run /{p.stem} (AppTest, median of {REPEATS})", page_run_seconds(p.stem), "s")
        for p in available_pages()
    ]


if __name__ == "__main__":
    for row in run():
        print(*row)
