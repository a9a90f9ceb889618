"""Shared fixtures: a seeded generator, AppTest runs that route like a running server, and a
page test module's page (its ``STEM``) opened once per language or fresh for one test."""

import os

import numpy as np
import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest
from threadpoolctl import threadpool_limits

from tests.helpers_app import open_page

_RERUNS: list[tuple[str, str]] = []  # (test, the end of its first failure)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Keep why a browser test was rerun (pytest-rerunfailures reports only that it was)."""
    if report.outcome == "rerun" and report.longrepr is not None:
        _RERUNS.append((report.nodeid, str(report.longrepr)[-2000:]))


def pytest_terminal_summary(terminalreporter) -> None:
    """After the run, each rerun test's first failure (its last lines): a rerun that passed
    still names its cause, for whoever fixes it next."""
    if not _RERUNS:
        return
    terminalreporter.section("why each rerun ran (the end of its first failure)")
    for nodeid, text in _RERUNS:
        terminalreporter.write_line(f"--- {nodeid}")
        terminalreporter.write_line(text)


@pytest.fixture
def rng() -> np.random.Generator:
    """A fresh, seeded generator for each test."""
    return np.random.default_rng(0)


@pytest.fixture(autouse=True, scope="session")
def _one_blas_thread_per_worker():
    """Under pytest-xdist (`make test`) each worker runs one test at a time on its own core:
    BLAS threads on top of that would fight the other worker for the 2 cores (OpenBLAS spins
    while it waits). threadpoolctl, not OPENBLAS_NUM_THREADS, so the lab servers the browser
    tests start keep their own setting (tests/e2e/test_shell.py checks it on a fresh server)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield


@pytest.fixture(autouse=True, scope="session")
def _apptest_routes_through_app_py():
    """AppTest resets Streamlit's "legacy pages/ folder" flag before every run, so without this
    each run starts in v1 mode and ui.nav.leave_legacy_pages_mode() reruns it once (which also
    swallows st.button clicks). A real server leaves v1 mode for good after its first run;
    make AppTest do the same. The v1 -> v2 switch itself is tested on a fresh server in
    tests/e2e/test_shell.py."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init
    yield
    PagesManager.__init__ = original


@pytest.fixture(scope="module", params=["zh", "en"])
def opened(request) -> AppTest:
    """The module's page (``STEM``) as it opens, once per language, shared by the module's
    tests that only read it: a test that moves a widget takes ``page`` instead."""
    return open_page(request.module.STEM, request.param)


@pytest.fixture
def page(request) -> AppTest:
    """A fresh copy of the module's page (``STEM``) for a test that moves widgets, in one
    language, as widget logic does not depend on it: English, or what the test asks for with
    ``@pytest.mark.parametrize("page", ["zh"], indirect=True)``. tests/test_app.py drives
    every widget in Chinese and ``opened`` reads each page in both languages."""
    return open_page(request.module.STEM, getattr(request, "param", "en"))
