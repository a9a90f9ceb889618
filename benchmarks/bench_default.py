"""Benchmark the default digit model: one canvas through to_mnist and the CNN, and training speed.

Run: ``python benchmarks/bench_default.py`` (one row per measurement). ``run()`` returns the
rows as (name, value, unit) for ``make bench``. The training step runs on as many BLAS threads
as ``python -m lab.train`` uses by default (``lab.train.BLAS_THREADS``: 1, as the shipped model
was trained), set through threadpoolctl.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks import median_seconds
from benchmarks.bench_digits import _canvas
from lab.augment import augment
from lab.cnn import default_net
from lab.digits import to_mnist
from lab.mnist import load_mnist
from lab.models import load
from lab.train import BLAS_THREADS

RUNS = 50
STEPS = 5  # training mini-batches timed (of 600 per epoch)


def run() -> list[tuple[str, float, str]]:
    """Median of 50: a 280x280 canvas -> to_mnist -> default model probabilities; and one
    training epoch estimated from 5 mini-batches of 100 plus augmenting 1000 images."""
    rng = np.random.default_rng(0)
    model = load("default")
    image = _canvas()

    def read() -> int:
        return int(model.predict(to_mnist(image)[None])[0])

    read()  # warm-up
    rows = [
        (f"{model.name} model: canvas -> to_mnist -> digit", 1e3 * median_seconds(read, RUNS), "ms")
    ]
    (x, t), _ = load_mnist(normalize=True, flatten=False)
    net = default_net(rng)
    batch, labels = x[:100], t[:100]
    with threadpool_limits(limits=BLAS_THREADS, user_api="blas"):
        net.gradient(batch, labels)  # warm-up
        step = median_seconds(lambda: net.gradient(batch, labels), STEPS)
        aug = median_seconds(lambda: augment(x[:1000], rng), 1)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    rows.append(
        (
            f"default: training s/epoch (600 batches of 100 + augment), {cores} cores, "
            f"BLAS threads {BLAS_THREADS}",
            600 * step + 60 * aug,
            "s",
        )
    )
    return rows


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name:<75} {value:10.2f} {unit}")
