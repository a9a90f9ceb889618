"""The app shell in a real browser: every page by URL (in Chinese) and through the sidebar (in
English), languages, no dialogs, and on every page in both languages no "seed" word on screen."""

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

pytestmark = pytest.mark.e2e


def expected_titles(lang: str) -> list[str]:
    return [CATALOG["common.home"][lang]] + [CATALOG[f"{p.stem}.title"][lang] for p in PAGES]


def test_every_page_by_url(page, server):
    """/<stem>?lang=zh opens that page, titled in Chinese, with no dialog over it and no
    "种子" on screen but a random seed (the sidebar test below opens every page in English)."""
    lang = "zh"
    for p in [None, *PAGES]:
        stem = p.stem if p else ""
        open_lab(page, f"{server}/{stem}?lang={lang}")
        title = CATALOG[f"{stem}.title"][lang] if p else CATALOG["common.app_title"][lang]
        page.get_by_role("heading", name=title, level=1).wait_for()
        assert_no_dialog(page)
        assert_no_seed_word(page, lang)
        shot(page, f"{stem or 'home'}-{lang}")


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


def test_fresh_server_first_request_to_a_page_is_routed(browser):
    """On a server nobody has visited, the first request is for /activations?lang=en: it still
    goes through app.py (English, full sidebar, no stray "app" entry, no dialog), not through
    Streamlit's legacy pages/ mode."""
    proc, url = start_server()
    try:
        ctx = browser.new_context(locale="zh-CN")
        pg = ctx.new_page()
        open_lab(pg, f"{url}/activations?lang=en")
        pg.get_by_role("heading", name=CATALOG["activations.title"]["en"], level=1).wait_for()
        titles = sidebar_titles(pg)
        assert len(titles) == len(expected_titles("en")), titles
        assert not any(t.strip().lower() == "app" for t in titles)
        assert_no_dialog(pg)
        ctx.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
