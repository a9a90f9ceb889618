"""Issue 14 in a real browser: the home page's cards in the book's order on a phone, and a
CNN kernel linked to its map on /digits. The laptop-then-phone checks (first screen, tables,
chart toolbars: tests/e2e/layout_checks.py) are in the pages' own browser tests; the "seed"
sweep over every page in both languages in tests/test_app.py; settings kept across pages in
test_activations_e2e.py; Streamlit's own words in Chinese in the /softmax_loss, /digits and
/gradient_descent browser tests.
"""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import expect

from lab import models
from tests.e2e.helpers import (
    nudge_slider,
    shown,
    wait_idle,
)
from tests.e2e.layout_checks import (
    PHONE,
)
from ui.nav import PAGES
from ui.strings import CATALOG

pytestmark = pytest.mark.e2e

SEVEN = [(75, 65), (140, 65), (205, 65), (165, 155), (125, 245)]


@pytest.fixture(autouse=True)
def patient(page):
    """A loaded 2-core machine can take over 30 s to serve a page's first load."""
    page.set_default_navigation_timeout(120_000)
    page.set_default_timeout(90_000)


def open_lab(pg, url: str) -> None:
    """Open a lab URL and wait (up to 2 minutes on a loaded machine) for the script to finish."""
    pg.goto(url)
    wait_idle(pg, timeout=120_000)


def test_home_cards_in_the_books_order_on_a_phone(page, server):
    """At 390x844 the cards stack in the book's order, top to bottom."""
    page.set_viewport_size(PHONE)
    open_lab(page, f"{server}/?lang=en")
    links = page.locator('[data-testid="stMain"] [data-testid="stPageLink"]')
    expect(links).to_have_count(len(PAGES))
    # The label only: the link's icon is a font ligature whose name ("join_inner") is text too.
    labels = [
        links.nth(i).locator('[data-testid="stMarkdownContainer"]') for i in range(len(PAGES))
    ]
    tops = [(label.bounding_box()["y"], label.inner_text()) for label in labels]
    order = [text for _, text in sorted(tops)]
    assert order == [CATALOG[f"{p.stem}.title"]["en"] for p in PAGES]


def draw_seven(pg) -> None:
    canvas = pg.locator("canvas.upper-canvas")
    canvas.wait_for(state="visible")
    canvas.scroll_into_view_if_needed()
    pg.wait_for_timeout(1000)
    box = canvas.bounding_box()
    scale = box["width"] / 280
    pg.mouse.move(box["x"] + SEVEN[0][0] * scale, box["y"] + SEVEN[0][1] * scale)
    pg.mouse.down()
    for x, y in SEVEN[1:]:
        pg.mouse.move(box["x"] + x * scale, box["y"] + y * scale, steps=4)
    pg.mouse.up()
    pg.wait_for_selector('[data-testid="stMetricValue"]', timeout=60_000)
    wait_idle(pg)


def test_kernel_weights_map_and_patches(page, server):
    """Draw a 7, pick kernel 5: its 9 weights are written in the kernel chart (the model's
    W1[5, 0] to 2 decimals), next to the digit and the kernel's 28x28 map, and 8 patches."""
    open_lab(page, f"{server}/digits?lang=en")
    draw_seven(page)
    inside = page.locator(".st-key-digits_inside label")  # the layers' pictures wait behind it
    inside.scroll_into_view_if_needed()
    inside.click()
    wait_idle(page)
    label = shown("digits.kernel_pick", "en")
    thumb = page.locator(f'input[type="range"][aria-label="{label}"]')
    thumb.scroll_into_view_if_needed()
    nudge_slider(page, label, 5)
    chart = page.locator(".st-key-digits_kernel_weights")
    chart.scroll_into_view_if_needed()
    expect(chart).to_contain_text(CATALOG["digits.kernel_weights"]["en"].format(k=5))
    w = np.asarray(models.load("default").network.params["W1"][5, 0], dtype=float)
    texts = chart.locator("text").all_text_contents()  # SVG text has no innerText
    for v in w.ravel():
        assert f"{v:+.2f}" in texts
    expect(page.locator(".st-key-digits_kernel_map")).to_contain_text("28×28")
    expect(page.locator(".st-key-digits_kernel_patches .main-svg").first).to_be_visible()
