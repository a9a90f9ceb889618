"""One BLAS thread per computation, for the whole server process.

A Streamlit server shares its 2 cores between sessions, each running in its own thread;
OpenBLAS's own threads on top made batched inference slower than the one-image loop and live
training ~5× slower under load. An environment variable set in app.py came too late when a
fresh server's first request was a page URL (/training imported numpy first, and the server
kept 2 BLAS threads for life), so the limit is set through threadpoolctl, which changes a
loaded BLAS at any time, from ``ui.nav.leave_legacy_pages_mode``: app.py and every page call
it before any computation.
"""

from __future__ import annotations

import json
import os
import threading

import numpy as np  # noqa: F401  (loads numpy's OpenBLAS, so the limit reaches it)
from threadpoolctl import threadpool_info, threadpool_limits

BLAS_THREADS = 1
REPORT_ENV = "NN_LAB_BLAS_REPORT"
"""Tests only: a file path; when set, every script run writes threadpoolctl's view of the
process's BLAS libraries there (JSON), so a test can ask a running server."""

_lock = threading.Lock()
_limits: threadpool_limits | None = None


def limit_blas_threads() -> None:
    """Set every loaded BLAS to ``BLAS_THREADS`` threads (once per process; cheap after)."""
    global _limits
    with _lock:
        if _limits is None:
            _limits = threadpool_limits(limits=BLAS_THREADS, user_api="blas")
    report = os.environ.get(REPORT_ENV)
    if report:
        info = [{k: d[k] for k in ("internal_api", "num_threads")} for d in threadpool_info()]
        with open(report, "w", encoding="utf-8") as f:
            json.dump(info, f)
