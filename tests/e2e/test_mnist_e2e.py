"""The MNIST explorer in a real browser: it opens with its sections, and a click on a cell of
the confusion matrix shows that cell's images."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import shot
from tests.e2e.helpers import assert_no_dialog, charts_drawn, open_lab, wait_idle
from ui.strings import CATALOG

pytestmark = pytest.mark.e2e

# The confusion matrix is the only chart with clickmode "event+select".
CONFUSION = """[...document.querySelectorAll('.js-plotly-plot')]
    .find(p => p.layout && p.layout.clickmode === 'event+select')"""
SCROLL_TO_CONFUSION = f"() => {CONFUSION}.scrollIntoView({{block: 'center', behavior: 'instant'}})"
# Window coordinates of the centre of cell (row, col), from plotly's axes.
CELL_XY = f"""([row, col]) => {{
    const gd = {CONFUSION};
    const fl = gd._fullLayout, box = gd.getBoundingClientRect();
    return [box.left + fl.xaxis._offset + fl.xaxis.l2p(col),
            box.top + fl.yaxis._offset + fl.yaxis.l2p(row)];
}}"""


def open_mnist(page: Page, server: str, lang: str) -> None:
    open_lab(page, f"{server}/mnist?lang={lang}")
    charts_drawn(page, timeout=60_000)


def settled_cell_xy(page: Page, row: int, col: int) -> list[float]:
    """The window coordinates of a confusion cell once the page has stopped moving: pictures
    loading above the matrix shift it down a moment after it is drawn, and a click at the old
    place hits another cell (a rerun in a loaded run)."""
    last = None
    for _ in range(40):
        page.evaluate(SCROLL_TO_CONFUSION)  # at once: no smooth scroll to wait out
        xy = page.evaluate(CELL_XY, [row, col])
        if xy == last:
            return xy
        last = xy
        page.wait_for_timeout(200)
    return last


def test_mnist_page_opens_with_its_sections(page, server):
    """Title, the three sections and the timing metrics, in the language; nothing covers it.
    In Chinese (the click below is in English; tests/test_app.py renders it in both)."""
    lang = "zh"
    open_mnist(page, server, lang)
    for key in ("mnist.browse_title", "mnist.infer_title", "mnist.errors_title"):
        expect(page.get_by_role("heading", name=CATALOG[key][lang])).to_be_visible()
    expect(page.locator('[data-testid="stMetric"]')).to_have_count(5)
    assert_no_dialog(page)
    shot(page, f"mnist-{lang}")


def test_click_on_confusion_cell_shows_its_images(page, server):
    """Clicking cell (true 4, predicted 9) sets both pickers and titles the images below."""
    open_mnist(page, server, "en")
    page.wait_for_function(f"() => !!({CONFUSION})", timeout=60_000)
    x, y = settled_cell_xy(page, 4, 9)
    page.mouse.click(x, y)
    wait_idle(page)
    title = CATALOG["mnist.cell_title"]["en"].split("{n}")[0].format(t=4, y=9)
    expect(page.get_by_text(title)).to_be_visible()
    pickers = page.locator('[data-testid="stSelectbox"] input')
    expect(pickers.nth(0)).to_have_value("4")
    expect(pickers.nth(1)).to_have_value("9")
    assert_no_dialog(page)
    charts_drawn(page)
    shot(page, "mnist-cell-4-9-en")
