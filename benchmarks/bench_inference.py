"""The default CNN on the 10,000 MNIST test images, one BLAS thread: the teaching layers
(batch 1000, the old Model.predict_proba, and batch 100) against lab.fast_inference; and one
image (a drawing) by each path.

    nice -n 15 .venv/bin/python benchmarks/bench_inference.py

(BLAS is held to one thread by threadpoolctl around the runs; no environment variable needed.)

Each 10k figure is the median and the minimum of 5 runs, interleaved so that other load on the
machine hits all of them alike; one image is the median of 300 calls, also interleaved. ``load``
is the 1-minute load average before the runs (2 cores here: above ~1 every figure is inflated).
Also printed: the fast path's peak memory on the 10k images (tracemalloc: numpy's arrays), the
largest probability difference between the paths and how many predictions differ (must be 0).
"""

from __future__ import annotations

import os
import sys
import time
import tracemalloc
from pathlib import Path
from statistics import median

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lab.activations import softmax
from lab.fast_inference import BATCH_SIZE, FastNet
from lab.mnist import load_mnist
from lab.models import load

REPEATS = 5
ONE_IMAGE_CALLS = 300
FAST = f"fast path (Model.predict_proba, folded once), batch {BATCH_SIZE}"


def _teaching(net, x: np.ndarray, batch_size: int) -> np.ndarray:
    return np.concatenate(
        [softmax(net.predict(x[i : i + batch_size])) for i in range(0, len(x), batch_size)]
    )


def _one_image_ms(paths: dict) -> dict[str, float]:
    """Median milliseconds of each path on one image, calls interleaved."""
    times: dict[str, list[float]] = {label: [] for label in paths}
    for f in paths.values():
        f()  # warm-up
    for _ in range(ONE_IMAGE_CALLS):
        for label, f in paths.items():
            t0 = time.perf_counter()
            f()
            times[label].append(time.perf_counter() - t0)
    return {label: 1e3 * float(np.median(ts)) for label, ts in times.items()}


def run() -> list[tuple[str, float, str]]:
    _, (x, _t) = load_mnist(normalize=True, flatten=False)
    model, name = load("default"), "default CNN"
    net = model.network
    paths = {
        "teaching layers, batch 1000": lambda: _teaching(net, x, 1000),
        "teaching layers, batch 100": lambda: _teaching(net, x, 100),
        FAST: lambda: model.predict_proba(x),
    }
    load_avg = os.getloadavg()[0]
    times: dict[str, list[float]] = {label: [] for label in paths}
    out = {}
    with threadpool_limits(limits=1, user_api="blas"):
        for _ in range(REPEATS):
            for label, f in paths.items():
                t0 = time.perf_counter()
                out[label] = f()
                times[label].append(time.perf_counter() - t0)
        tracemalloc.start()
        model.predict_proba(x)
        peak_mb = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        one = x[0]
        one_ms = _one_image_ms(
            {
                "teaching layers (softmax(network.predict))": lambda: softmax(
                    net.predict(one[None])
                ),
                "fast path, folded once (Model.predict_proba)": lambda: model.predict_proba(one),
                "fast path, folding on every call (FastNet(net))": lambda: FastNet(
                    net
                ).predict_proba(one[None]),
            }
        )
    ref = out["teaching layers, batch 1000"]
    fast = out[FAST]
    rows = []
    for label, ts in times.items():
        rows += [
            (f"{name}, 10k test images, {label}, 1 thread, median of {REPEATS}", median(ts), "s"),
            (f"{name}, 10k test images, {label}, 1 thread, min of {REPEATS}", min(ts), "s"),
        ]
    rows += [(f"{name}, 10k test images, fast path, peak memory (tracemalloc)", peak_mb, "MB")]
    rows += [(f"{name}, one image, {label}, 1 thread", ms, "ms") for label, ms in one_ms.items()]
    rows += [
        (f"{name}: max |p_fast - p_teaching| on 10k", float(np.abs(fast - ref).max()), ""),
        (f"{name}: predictions that differ", float(np.sum(fast.argmax(1) != ref.argmax(1))), ""),
        ("load average while measuring (2 cores)", load_avg, ""),
    ]
    return rows


if __name__ == "__main__":
    for row in run():
        print(*row)
