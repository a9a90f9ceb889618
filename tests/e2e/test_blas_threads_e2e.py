"""A fresh server whose first request is a page URL runs BLAS on one thread (ui.threads).

When app.py set OPENBLAS_NUM_THREADS, a first request for /training imported numpy before it
and the server kept 2 BLAS threads for life (the default training run took 10-12 s instead of
2). The server is asked through ui.threads' test-only report file (NN_LAB_BLAS_REPORT), which
it writes from threadpoolctl's live view of its BLAS libraries on every script run.
"""

import json
import os

import pytest

from tests.e2e.conftest import start_server
from tests.e2e.helpers import wait_idle
from ui.threads import REPORT_ENV

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("first", ["training", "mnist"])
def test_first_request_for_a_page_gets_one_blas_thread(page, tmp_path, first):
    """Fresh server, no OPENBLAS_NUM_THREADS, first request /<page>: every BLAS library in
    the server process reports 1 thread (the machine has more cores, so 1 is not a default)."""
    assert (os.cpu_count() or 1) > 1, "needs a machine with 2+ cores to tell 1 thread apart"
    report = tmp_path / "blas.json"
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    proc, url = start_server(env={**env, REPORT_ENV: str(report)})
    try:
        page.goto(f"{url}/{first}?lang=en")
        wait_idle(page, timeout=120_000)  # a cold server on a loaded machine: be patient
        info = json.loads(report.read_text())
        assert info, "no BLAS library reported"
        assert [lib["num_threads"] for lib in info] == [1] * len(info), info
    finally:
        proc.terminate()
        proc.wait(timeout=10)
