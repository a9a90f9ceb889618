"""The app shell in a real browser: every page through the sidebar, languages, no dialogs, no
"seed" word on screen but a random seed, and a fresh server's first request for a page URL.

Each lesson page's own browser tests open it by its URL (/<stem>?lang=...); the "seed" word is
also checked on every page in both languages, folded sections and chart texts included, by
AppTest (tests/test_app.py)."""

import json
import os

import pytest

from tests.e2e.conftest import shot, start_server
from tests.e2e.helpers import (
    assert_no_dialog,
    assert_no_seed_word,
    open_lab,
    sidebar_titles,
    wait_idle,
)
from ui.nav import PAGES
from ui.strings import CATALOG
from ui.threads import REPORT_ENV

pytestmark = pytest.mark.e2e


def expected_titles(lang: str) -> list[str]:
    return [CATALOG["common.home"][lang]] + [CATALOG[f"{p.stem}.title"][lang] for p in PAGES]


def test_sidebar_lists_and_opens_every_page(page, server):
    """The sidebar lists home plus every lesson page, nothing else (no stray 'app' entry);
    clicking each entry opens that page at /<stem>, titled in English, with no dialog over it
    and no "seed" on screen but a random seed."""
    open_lab(page, f"{server}/?lang=en")
    page.get_by_role("heading", name=CATALOG["common.app_title"]["en"], level=1).wait_for()
    titles = sidebar_titles(page)
    expected = expected_titles("en")
    assert len(titles) == len(expected), titles
    for got, want in zip(titles, expected, strict=True):
        assert want in got, (got, want)
    assert_no_seed_word(page, "en")
    shot(page, "home-en")
    for p in PAGES:
        title = CATALOG[f"{p.stem}.title"]["en"]
        page.locator('[data-testid="stSidebarNav"] a').filter(has_text=title).click()
        page.get_by_role("heading", name=title, level=1).wait_for()
        wait_idle(page)
        assert page.url.split("?")[0].endswith(f"/{p.stem}")
        assert_no_dialog(page)
        assert_no_seed_word(page, "en")
        shot(page, f"{p.stem}-en")


def test_language_switch_survives_navigation(page, server):
    """Switch to English in the sidebar, click to another page: it is still English."""
    open_lab(page, server)  # browser locale zh-CN -> Chinese
    page.get_by_role("heading", name=CATALOG["common.app_title"]["zh"], level=1).wait_for()
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.get_by_role("heading", name=CATALOG["common.app_title"]["en"], level=1).wait_for()
    assert "lang=en" in page.url
    target = PAGES[0]
    page.locator('[data-testid="stSidebarNav"] a').filter(
        has_text=CATALOG[f"{target.stem}.title"]["en"]
    ).click()
    wait_idle(page)
    page.get_by_role("heading", name=CATALOG[f"{target.stem}.title"]["en"], level=1).wait_for()
    assert page.url.rstrip("/").split("?")[0].endswith(f"/{target.stem}")
    assert_no_dialog(page)


def test_english_browser_gets_english(browser, server):
    """With no ?lang=, an en-US browser sees English (st.context.locale)."""
    ctx = browser.new_context(locale="en-US")
    pg = ctx.new_page()
    open_lab(pg, server)
    pg.get_by_role("heading", name=CATALOG["common.app_title"]["en"], level=1).wait_for()
    ctx.close()


def test_fresh_server_first_request_for_a_page(browser, tmp_path):
    """On a server nobody has visited, with no *_NUM_THREADS in its environment, the first
    request is for /training?lang=en. It still goes through app.py (English, full sidebar, no
    stray "app" entry, no dialog), not through Streamlit's legacy pages/ mode; and every BLAS
    library in the server process runs 1 thread (ui.threads; the machine has more cores, so 1
    is not a default). When app.py set OPENBLAS_NUM_THREADS instead, such a first request
    imported numpy before it and the server kept 2 BLAS threads for life (the default training
    run took 10-12 s instead of 2). The server reports its threads through ui.threads'
    test-only report file (NN_LAB_BLAS_REPORT), written from threadpoolctl's live view of its
    BLAS libraries on every script run."""
    assert (os.cpu_count() or 1) > 1, "needs a machine with 2+ cores to tell 1 thread apart"
    report = tmp_path / "blas.json"
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    proc, url = start_server(env={**env, REPORT_ENV: str(report)})
    try:
        ctx = browser.new_context(locale="zh-CN")
        pg = ctx.new_page()
        pg.goto(f"{url}/training?lang=en")
        wait_idle(pg, timeout=120_000)  # a cold server on a loaded machine: be patient
        pg.get_by_role("heading", name=CATALOG["training.title"]["en"], level=1).wait_for()
        titles = sidebar_titles(pg)
        assert len(titles) == len(expected_titles("en")), titles
        assert not any(t.strip().lower() == "app" for t in titles)
        assert_no_dialog(pg)
        ctx.close()
        info = json.loads(report.read_text())
        assert info, "no BLAS library reported"
        assert [lib["num_threads"] for lib in info] == [1] * len(info), info
    finally:
        proc.terminate()
        proc.wait(timeout=10)
