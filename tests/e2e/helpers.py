"""What a person does in the lab, as Playwright steps shared by the browser tests."""

from __future__ import annotations

from playwright.sync_api import Page, expect

RUNNING_DONE = """() =>
    !document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')
    && !document.querySelector('[data-testid="stAppViewContainer"] [data-stale="true"]')"""


def open_lab(pg: Page, url: str) -> None:
    """Go to a lab URL and wait until Streamlit has finished running the script."""
    pg.goto(url)
    wait_idle(pg)


def wait_idle(pg: Page, timeout: float = 30_000) -> None:
    """Wait for the app to render and for the 'running' indicator to go away."""
    pg.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    pg.wait_for_selector('[data-testid="stMain"] h1', timeout=timeout)
    pg.wait_for_function(RUNNING_DONE, timeout=timeout)


def assert_no_dialog(pg: Page) -> None:
    """No modal (such as Streamlit's "Page not found") covers the page, and no exception shows."""
    expect(pg.locator('[role="dialog"]')).to_have_count(0)
    expect(pg.locator('[data-testid="stException"]')).to_have_count(0)


def sidebar_titles(pg: Page) -> list[str]:
    """The page titles listed in the sidebar navigation, in order."""
    links = pg.locator('[data-testid="stSidebarNav"] a')
    return [t.strip() for t in links.all_inner_texts()]


def nudge_slider(pg: Page, label: str, steps: int) -> None:
    """Move a slider by keyboard, as a person using arrow keys would (negative: to the left)."""
    thumb = pg.locator(f'input[type="range"][aria-label="{label}"]')
    thumb.focus()
    key = "ArrowRight" if steps > 0 else "ArrowLeft"
    for _ in range(abs(steps)):
        thumb.press(key)
    wait_idle(pg)
