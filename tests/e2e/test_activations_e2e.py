"""The activation explorer in a real browser: a slider moved by keyboard redraws the chart."""

import pytest

from tests.e2e.conftest import shot
from tests.e2e.helpers import assert_no_dialog, nudge_slider, open_lab
from ui.strings import CATALOG

pytestmark = pytest.mark.e2e


JS_PATHS = """(i) => [...document.querySelectorAll('.js-plotly-plot')[i]
    .querySelectorAll('path.js-line')].map(p => p.getAttribute('d')).join('|')"""


def chart_paths(page, index: int) -> str:
    """All line paths of the index-th plotly chart, as one string."""
    return page.evaluate(JS_PATHS, index)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_slider_redraws_chart(page, server, lang):
    """Moving the steepness slider changes the two-layer curve; labels are in the language."""
    open_lab(page, f"{server}/activations?lang={lang}")
    page.locator(".js-plotly-plot").nth(2).wait_for()
    before = chart_paths(page, 2)
    label = CATALOG["activations.nonlin_w"][lang]
    nudge_slider(page, label, 5)
    page.wait_for_function(f"(b) => ({JS_PATHS})(2) !== b", arg=before)
    assert chart_paths(page, 2) != before
    assert page.get_by_text(CATALOG["activations.y_axis"][lang]).count() >= 1
    assert_no_dialog(page)
    shot(page, f"activations-slider-{lang}")
