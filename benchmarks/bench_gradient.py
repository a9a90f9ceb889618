"""Benchmark the gradient pages: script-run time of each page, and the pieces of its main chart.

Run: ``python benchmarks/bench_gradient.py`` (prints one row per measurement). ``run()`` returns
the rows as (name, value, unit) for ``python -m benchmarks``.

The issue's target is a script run of at most 0.3 s for 100 steps on a 100 x 100 contour grid
(the default of /gradient_descent). Each page is run with AppTest after a warm-up, 5 times;
two figures per page: the script run itself (ScriptRunner._run_script: app.py routing plus
the page, the server-side part of a rerun) and the whole at.run() (adds AppTest's polling and
parsing of the result). The pieces are timed in-process (median of 20).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import plotly.io as pio  # noqa: E402
from streamlit.runtime.scriptrunner.script_runner import ScriptRunner  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from benchmarks import median_seconds  # noqa: E402
from lab import descent as D  # noqa: E402
from lab import functions2d as F2  # noqa: E402
from ui.charts_gradient import add_path, animate_path, contour_figure  # noqa: E402

APP = str(ROOT / "app.py")
PAGE_REPEATS = 5
REPEATS = 20


def _median_ms(fn) -> float:
    return 1e3 * median_seconds(fn, REPEATS, warmup=True)


def page_run_seconds(stem: str, lang: str = "zh") -> tuple[float, float]:
    """Median (script run, whole at.run()) of pages/<stem>.py after one warm-up run."""
    script_times: list[float] = []
    original = ScriptRunner._run_script

    def timed(self, rerun_data):
        t0 = time.perf_counter()
        try:
            return original(self, rerun_data)
        finally:
            script_times.append(time.perf_counter() - t0)

    ScriptRunner._run_script = timed
    try:
        at = AppTest.from_file(APP, default_timeout=300)
        at.query_params["lang"] = lang
        at.run()
        at.switch_page(f"pages/{stem}.py")
        at.run()
        script_times.clear()
        times = []
        for _ in range(PAGE_REPEATS):
            t0 = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - t0)
    finally:
        ScriptRunner._run_script = original
    return statistics.median(script_times), statistics.median(times)


def _trajectory_chart(run: D.Descent, fn: F2.Function2D) -> str:
    """What the page's main fragment draws, up to the JSON st.plotly_chart sends."""
    x0s, x1s, Z = F2.evaluate_grid(fn, F2.view_box(fn, [run.history]), 100)
    fig = contour_figure(
        x0s, x1s, Z, F2.contour_values(fn, Z), x_title="x0", y_title="x1", shade_title="f"
    )
    add_path(fig, run.history, name="path", color="#d62728")
    animate_path(fig, run.history, path_trace=1, play="Play", pause="Pause", step="step:")
    return pio.to_json(fig.to_dict(), validate=False)


def run() -> list[tuple[str, float, str]]:
    fn = F2.FUNCTIONS["function_2"]
    numerical = D.gradient_descent(fn.f, [-3.0, 4.0], 0.1, 100)
    rows = []
    for stem in ("gradient_descent", "gradient_field"):
        script, whole = page_run_seconds(stem)
        rows.append((f"page /{stem}: script run (median of {PAGE_REPEATS})", script, "s"))
        rows.append(
            (f"page /{stem}: whole AppTest at.run() (median of {PAGE_REPEATS})", whole, "s")
        )
    rows += [
        (
            "lab gradient_descent 100 steps, numerical gradient",
            _median_ms(lambda: D.gradient_descent(fn.f, [-3.0, 4.0], 0.1, 100)),
            "ms",
        ),
        (
            "lab gradient_descent 100 steps, exact gradient",
            _median_ms(lambda: D.gradient_descent(fn.f, [-3.0, 4.0], 0.1, 100, grad=fn.grad)),
            "ms",
        ),
        (
            "lab numerical_vs_analytic on the 17 x 17 grid (the book's quiver)",
            _median_ms(lambda: F2.numerical_vs_analytic(fn, F2.grid_points(fn.domain, 17)[2])),
            "ms",
        ),
        (
            "trajectory chart 100x100 contour + 100-step animation (build + JSON)",
            _median_ms(lambda: _trajectory_chart(numerical, fn)),
            "ms",
        ),
    ]
    return rows


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name}: {value:.4g} {unit}")
