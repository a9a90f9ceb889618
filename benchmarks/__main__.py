"""Run every benchmarks/bench_*.py module's run() and print the figures as one table.

Each module exposes ``run() -> list[tuple[name, value, unit]]``. Usage:
``python -m benchmarks`` (all) or ``python -m benchmarks pages digits`` (a subset).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    if argv:
        names = [n for n in names if any(a in n for a in argv)]
    print(f"# NN Visual Lab benchmarks · {os.cpu_count()} cores · {time.strftime('%Y-%m-%d')}")
    print(f"| {'benchmark':<58} | {'value':>12} | unit |")
    print(f"|{'-' * 60}|{'-' * 14}|------|")
    failed = 0
    for name in names:
        try:
            rows = importlib.import_module(f"benchmarks.{name}").run()
        except Exception as exc:  # one broken benchmark should not hide the others
            print(f"| {name + ': FAILED ' + type(exc).__name__ + ': ' + str(exc)[:60]:<58} | |  |")
            failed += 1
            continue
        for label, value, unit in rows:
            print(f"| {label:<58} | {value:>12.4g} | {unit} |", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
