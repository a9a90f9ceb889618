"""Latency benchmark: one person draws ten digits on /digits; mouse-up -> prediction on screen.

Starts its own ``streamlit run app.py`` (tests.e2e.conftest.start_server) and one chromium page,
then draws 0, 1, 7, 0, ... ten times (the canvas reset between strokes), timing in the page from
the canvas' pointerup to the metric (预测 / Prediction) and to every chart drawn. Timings are
printed here, never asserted in the test suite (a loaded machine must not fail it on speed).

Run: ``python benchmarks/bench_digits_latency.py``; ``run()`` returns the rows as
(name, value, unit) for ``make bench``.
"""

from __future__ import annotations

import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.e2e.conftest import CHROMIUM_ARGS, start_server
from tests.e2e.helpers import CHARTS_DRAWN, wait_idle
from tests.e2e.test_digits_e2e import STROKES, draw_and_time, open_digits, reset

STROKE_COUNT = 10


def _latencies(url: str) -> tuple[list[float], list[float]]:
    """Seconds from mouse-up to the metric, and to every chart drawn, one pair per stroke."""
    from playwright.sync_api import sync_playwright

    metric_s, charts_s = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        page.set_default_timeout(30_000)
        open_digits(page, url, "en")
        for i in range(STROKE_COUNT):
            metric_s.append(draw_and_time(page, STROKES[(0, 1, 7)[i % 3]]))
            page.wait_for_function(CHARTS_DRAWN, polling="raf")
            charts_s.append(page.evaluate("() => (performance.now() - window.__digitsUp) / 1000"))
            wait_idle(page)
            reset(page, "en")
        browser.close()
    return metric_s, charts_s


def run() -> list[tuple[str, float, str]]:
    """Median and max mouse-up -> metric and -> all charts, over STROKE_COUNT strokes."""
    if not shutil.which("chromium"):
        raise RuntimeError("chromium not found: apt-get install -y chromium")
    proc, url = start_server()
    try:
        metric_s, charts_s = _latencies(url)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    rows = []
    for name, times in (("prediction", metric_s), ("every chart drawn", charts_s)):
        label = f"digits, one browser: mouse-up -> {name}"
        rows.append((f"{label}, median of {len(times)}", statistics.median(times), "s"))
        rows.append((f"{label}, max", max(times), "s"))
    return rows


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name:<62} {value:10.3f} {unit}")
