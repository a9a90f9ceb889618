"""The activation explorer in a real browser: a slider moved by keyboard redraws the chart."""

import pytest

from tests.e2e.conftest import shot
from tests.e2e.helpers import (
    assert_no_dialog,
    chart_paths,
    nudge_slider,
    open_lab,
    wait_chart_changed,
)
from ui.strings import CATALOG

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_slider_redraws_chart(page, server, lang):
    """Moving the steepness slider changes the two-layer curve; labels are in the language."""
    open_lab(page, f"{server}/activations?lang={lang}")
    page.locator(".js-plotly-plot").nth(2).wait_for()
    before = chart_paths(page, 2)
    label = CATALOG["activations.nonlin_w"][lang]
    nudge_slider(page, label, 5)
    wait_chart_changed(page, 2, before)
    assert chart_paths(page, 2) != before
    assert page.get_by_text(CATALOG["activations.y_axis"][lang]).count() >= 1
    assert_no_dialog(page)
    shot(page, f"activations-slider-{lang}")
