"""Benchmark: what the training page runs. The default run sliced as the page slices it, the
gradient check's timings, and one tick of the page under AppTest while a run is active.

Run: ``python benchmarks/bench_training_page.py``. ``run()`` returns (name, value, unit) rows for
``make bench``. BLAS runs on one thread, as in the app (ui.threads).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lab.gradcheck import gradient_check
from lab.live_training import TrainingConfig, TrainingRun
from lab.mnist import load_mnist
from lab.network import TwoLayerNet

SLICE = 0.05  # seconds, as TrainingRun.keep_training slices the run for the page


def _default_run(data) -> TrainingRun:
    run = TrainingRun(TrainingConfig(), *data)
    while run.running:
        run.advance(SLICE)
    return run


def _page_tick_seconds() -> float:
    """Median AppTest rerun of /training while a 60,000-image run is active (slice + redraw)."""
    from streamlit.testing.v1 import AppTest

    app = str(Path(__file__).resolve().parent.parent / "app.py")
    at = AppTest.from_file(app, default_timeout=300)
    at.query_params["lang"] = "zh"
    at.run()
    at.switch_page("pages/training.py")
    at.run()
    at.session_state["training_size"] = 60_000
    at.run()
    at.button(key="training_start").click().run()
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
    at.button(key="training_stop").click().run()
    return statistics.median(times)


@threadpool_limits.wrap(limits=1, user_api="blas")
def run() -> list[tuple[str, float, str]]:
    (x_train, t_train), (x_test, t_test) = load_mnist(normalize=True, flatten=True)
    data = (x_train, t_train, x_test, t_test)
    trained = _default_run(data)
    x, t = x_train[:3], t_train[:3]
    check = gradient_check(TwoLayerNet(784, 10, 10, rng=np.random.default_rng(0)), x, t)
    return [
        ("training page: default run (10 epochs x 10,000 images)", trained.seconds, "s"),
        (
            "training page: default run, mini-batches of 100",
            trained.iteration / trained.seconds,
            "/s",
        ),
        ("training page: default run, test accuracy", 100 * trained.test_acc[-1], "%"),
        ("gradient check 784-10-10, 3 images: numerical", check.numerical_seconds, "s"),
        ("gradient check 784-10-10, 3 images: backprop", check.backprop_seconds * 1e3, "ms"),
        ("gradient check 784-10-10, 3 images: numerical / backprop", check.ratio, "x"),
        ("gradient check 784-10-10, 3 images: max |difference|", check.worst, ""),
        ("training page: one AppTest tick while training (median of 5)", _page_tick_seconds(), "s"),
    ]


if __name__ == "__main__":
    for row in run():
        print(*row)
