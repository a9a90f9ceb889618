"""Browser fixtures: a real `streamlit run app.py` on a free loopback port, and Debian's chromium.

Without chromium the browser tests skip with a reason; with CI=true they must run, so a
missing browser fails instead of skipping.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A browser test that fails runs once more (pytest-rerunfailures) before it counts as
    failed: two chromiums and two lab servers share 2 cores in `make test`, and a timing race
    there is not the lab's bug. A rerun is never silent: the summary says "N rerun" and lists
    each one ("RERUN tests/e2e/...", pyproject's -rR), so a test that needs it still gets fixed."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.flaky(reruns=1))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _need(thing: str, why: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{thing} is required in CI: {why}")
    pytest.skip(f"{thing} not available: {why}")


def start_server(
    port: int | None = None, env: dict[str, str] | None = None, root: Path = ROOT
) -> tuple[subprocess.Popen, str]:
    """Start `streamlit run app.py` (of ``root``) on 127.0.0.1 and wait for /_stcore/health;
    ``env`` replaces the environment (default: this process's)."""
    port = port or _free_port()
    env = {**(os.environ if env is None else env), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.port", str(port), "--server.address", "127.0.0.1",
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ],
        cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{out}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("streamlit did not become healthy in 90 s")


@pytest.fixture(scope="package")
def server() -> Iterator[str]:
    """The base URL of a running lab (stopped when the browser tests end)."""
    proc, url = start_server()
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="package")
def browser():
    """Debian's chromium driven by Playwright (no downloaded browser). Package-scoped: Playwright's
    sync API keeps an event loop running in the main thread until it stops, which would make
    every later ``asyncio.run`` in the suite (tests/test_proxy.py) fail."""
    exe = shutil.which("chromium")
    if not exe:
        _need("chromium", "install Debian's package: apt-get install -y chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("playwright", "pip install -r requirements-dev.txt")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="package")
def profile(browser):
    """One browser profile (a zh-CN laptop) for the tests' tabs: like a learner's browser, its
    cache keeps Streamlit's and plotly's scripts after the first page, so a test's page opens
    in ~2 s instead of ~5 s. Every tab is its own Streamlit session; nothing the lab keeps
    lives in the browser's storage."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    yield context
    context.close()


@pytest.fixture
def page(profile):
    """A fresh tab (a new Streamlit session) of a laptop-sized window."""
    pg = profile.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    pg.close()


def shot(pg, name: str) -> Path | None:
    """With NN_LAB_SHOTS=1 in the environment, save a full-page screenshot to
    artifacts/screenshots/<name>.png (gitignored). Off by default: each costs a relayout at full
    height, and the README's screenshots come from scripts/screenshots.py."""
    if os.environ.get("NN_LAB_SHOTS") != "1":
        return None
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    size = pg.viewport_size
    # Streamlit scrolls inside its main container, so grow the window to show all of it.
    height = pg.evaluate(
        "() => document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight || 0"
    )
    pg.set_viewport_size({"width": size["width"], "height": max(size["height"], min(height, 8000))})
    pg.wait_for_timeout(300)
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    try:  # st.image files come from the media endpoint: let the shown ones finish loading
        pg.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=\"stMain\"] img')]"
            ".every(i => i.complete)",
            timeout=10_000,
        )
    except PlaywrightTimeoutError:
        pass  # a screenshot is evidence, not a test: take it anyway
    pg.screenshot(path=str(path))
    pg.set_viewport_size(size)
    return path
