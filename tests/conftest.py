"""Shared fixtures: a seeded generator, and AppTest runs that route like a running server."""

import numpy as np
import pytest
from streamlit.runtime.pages_manager import PagesManager


@pytest.fixture
def rng() -> np.random.Generator:
    """A fresh, seeded generator for each test."""
    return np.random.default_rng(0)


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
