"""Benchmark the book model: batch inference vs the book's one-image loop, and one epoch.

    .venv/bin/python benchmarks/bench_network.py

``run()`` returns (name, value, unit) rows; timings are the best of a few repeats, so other
load on the machine inflates them less. BLAS runs on one thread (threadpoolctl), as in the app
and in ``python -m lab.train``. The batch is timed once more in a child process with one BLAS
thread per core, as a batch job on an otherwise idle machine would run it: the loop cannot use
the second core, the batch can.

    .venv/bin/python benchmarks/bench_network.py --batch-only   # the child: prints one time
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lab.mnist import load_mnist
from lab.models import MODELS, build_network, load
from lab.trainer import train


def _book_predict(network: dict, x: np.ndarray) -> np.ndarray:
    """The book's predict(network, x), verbatim in spirit: dict weights, np.dot, sigmoid,
    softmax with the max shift (a single image, so max over everything is fine)."""
    W1, W2, W3 = network["W1"], network["W2"], network["W3"]
    b1, b2, b3 = network["b1"], network["b2"], network["b3"]
    a1 = np.dot(x, W1) + b1
    z1 = 1 / (1 + np.exp(-a1))
    a2 = np.dot(z1, W2) + b2
    z2 = 1 / (1 + np.exp(-a2))
    a3 = np.dot(z2, W3) + b3
    c = np.max(a3)
    exp_a = np.exp(a3 - c)
    return exp_a / np.sum(exp_a)


def _best_of(repeats: int, f) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        out = f()
        best = min(best, time.perf_counter() - start)
    return best, out


def _batch_time(params: dict, x_test: np.ndarray) -> float:
    """Best-of-5 time of the book's predict on the whole test set at once."""
    return _best_of(5, lambda: np.argmax(_book_predict(params, x_test), axis=1))[0]


def _batch_time_all_cores() -> float:
    """``_batch_time`` in a child process whose BLAS may use every core."""
    out = subprocess.run(
        [sys.executable, __file__, "--batch-only"],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.split()[-1])


def run() -> list[tuple[str, float, str]]:
    """Measure and return [(name, value, unit), ...]."""
    with threadpool_limits(limits=1, user_api="blas"):
        rows = _one_thread()
    t_all_cores, cores = _batch_time_all_cores(), os.cpu_count()
    rows[5:5] = [  # after the one-thread speed-ups
        (f"book's predict, one batch, {cores} BLAS threads", t_all_cores, "s"),
        (f"batch speed-up over the loop, {cores} BLAS threads", rows[0][1] / t_all_cores, "x"),
    ]
    return rows


def _one_thread() -> list[tuple[str, float, str]]:
    (x_train, t_train), (x_test, t_test) = load_mnist(normalize=True, flatten=True)
    model = load("book")
    params = model.network.params

    def loop() -> int:  # the book's accuracy loop, one image at a time
        hits = 0
        for i in range(len(x_test)):
            hits += int(np.argmax(_book_predict(params, x_test[i])) == t_test[i])
        return hits

    def book_batch() -> int:  # the same predict on the whole set at once
        return int(np.sum(np.argmax(_book_predict(params, x_test), axis=1) == t_test))

    def model_batch() -> int:  # lab.models: input checks, layers, softmax
        return int(np.sum(model.predict(x_test) == t_test))

    t_loop, hits_loop = _best_of(2, loop)
    t_book, hits_book = _best_of(5, book_batch)
    t_model, hits_model = _best_of(5, model_batch)
    if not hits_loop == hits_book == hits_model:
        raise RuntimeError(f"predictions disagree: {hits_loop}, {hits_book}, {hits_model} correct")

    recipe = MODELS["book"].recipe
    rng = np.random.default_rng(0)
    net = build_network("book", rng)
    start = time.perf_counter()
    train(
        net,
        x_train,
        t_train,
        rng=rng,
        epochs=1,
        batch_size=recipe["batch_size"],
        optimizer=recipe["optimizer"],
        optimizer_param=recipe["optimizer_param"],
        evaluate_sample_num_per_epoch=1,
    )
    t_epoch = time.perf_counter() - start
    return [
        ("book model, 10k test images, book's one-image loop", t_loop, "s"),
        ("book model, 10k test images, book's predict, one batch", t_book, "s"),
        ("book model, 10k test images, lab Model.predict", t_model, "s"),
        ("batch speed-up over the loop (book's predict)", t_loop / t_book, "x"),
        ("batch speed-up over the loop (Model.predict)", t_loop / t_model, "x"),
        ("test accuracy (all three agree)", hits_model / len(t_test), ""),
        (f"book model, one training epoch (60k, batch {recipe['batch_size']})", t_epoch, "s"),
        ("os.cpu_count()", float(os.cpu_count() or 0), "cores"),
    ]


if __name__ == "__main__":
    if sys.argv[1:] == ["--batch-only"]:
        threadpool_limits(limits=os.cpu_count() or 1, user_api="blas")
        (_, _), (x, _) = load_mnist(normalize=True, flatten=True)
        print(_batch_time(load("book").network.params, x))
        sys.exit(0)
    for name, value, unit in run():
        print(f"{name:<58} {value:10.4g} {unit}")
