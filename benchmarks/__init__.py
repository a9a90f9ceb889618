"""Benchmarks: `make bench` (python -m benchmarks) runs every bench_*.py and prints one table."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(fn: Callable[[], object], runs: int, warmup: bool = False) -> float:
    """The median wall-clock time of ``runs`` calls of fn (after one untimed call if warmup)."""
    if warmup:
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)
