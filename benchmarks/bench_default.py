"""Benchmark the default digit model: one canvas through to_mnist and the CNN, and training speed.

Run: ``python benchmarks/bench_default.py`` (one row per measurement). ``run()`` returns the
rows as (name, value, unit) for ``make bench``. Training figures depend on the BLAS threads:
set ``OPENBLAS_NUM_THREADS`` as for training (the shipped model used 1).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks import median_seconds
from benchmarks.bench_digits import _canvas
from lab.augment import augment
from lab.cnn import default_net
from lab.digits import to_mnist
from lab.mnist import load_mnist
from lab.models import Model, load, model_path

RUNS = 50
STEPS = 5  # training mini-batches timed (of 600 per epoch)


def run() -> list[tuple[str, float, str]]:
    """Median of 50: a 280x280 canvas -> to_mnist -> default model probabilities; and one
    training epoch estimated from 5 mini-batches of 100 plus augmenting 1000 images."""
    rng = np.random.default_rng(0)
    if model_path("default").exists():
        model = load("default")
    else:  # the time does not depend on the weights: measure the architecture untrained
        model = Model("default, untrained", default_net(rng), {})
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
    net.gradient(batch, labels)  # warm-up
    step = median_seconds(lambda: net.gradient(batch, labels), STEPS)
    aug = median_seconds(lambda: augment(x[:1000], rng), 1)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    rows.append(
        (
            f"default: training s/epoch (600 batches of 100 + augment), {cores} cores, "
            f"BLAS threads {threads}",
            600 * step + 60 * aug,
            "s",
        )
    )
    return rows


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name:<75} {value:10.2f} {unit}")
