"""The activation explorer in a real browser: a slider moved by keyboard redraws the chart and
keeps its value across pages; five functions with derivatives stay readable.

Each check runs in one language (labels come from the catalog either way): the slider in
Chinese, the five-function layout in English, whose longer names are the harder fit;
tests/test_app.py renders every page in both languages."""

import pytest

from tests.e2e.conftest import shot
from tests.e2e.helpers import (
    assert_kept_elsewhere_and_reset,
    assert_no_dialog,
    chart_paths,
    eventually,
    nudge_slider,
    open_lab,
    overlaps,
    wait_chart_changed,
    wait_idle,
)
from ui.strings import CATALOG

pytestmark = pytest.mark.e2e


def test_slider_redraws_chart_and_keeps_its_value(page, server):
    """Moving the steepness slider (first visit: 3.00) changes the two-layer curve; labels are
    in the language. Visit the home page and come back by the sidebar: the slider kept its
    value; "reset this page" puts back 3.00 (every page keeps its settings the same way)."""
    lang = "zh"
    open_lab(page, f"{server}/activations?lang={lang}")
    page.locator(".js-plotly-plot").nth(2).wait_for()
    before = chart_paths(page, 2)
    label = CATALOG["activations.nonlin_w"][lang]
    thumb = page.locator(f'input[type="range"][aria-label="{label}"]')
    assert thumb.get_attribute("aria-valuetext") == "3.00"
    nudge_slider(page, label, 5)  # steps of 0.5
    wait_chart_changed(page, 2, before)
    assert chart_paths(page, 2) != before
    assert page.get_by_text(CATALOG["activations.y_axis"][lang]).count() >= 1
    assert_no_dialog(page)
    shot(page, f"activations-slider-{lang}")
    assert thumb.get_attribute("aria-valuetext") == "5.50"
    assert_kept_elsewhere_and_reset(page, "activations", thumb, "5.50", "3.00", lang)
    assert_no_dialog(page)


FIVE = ["step", "sigmoid", "relu", "leaky_relu", "tanh"]
SIZES = [(1400, 1000), (390, 844)]  # a laptop, then a phone


def test_five_functions_with_derivatives(page, server):
    """Five functions with derivatives on, on a laptop and then (the same tab) a phone: every
    choice stays in sight in the picker (each option inside the picker's box and the window's
    width), the ten legend entries cover neither the chart's title, nor its plot area, nor its
    x-axis title (before: the legend sat over the title and the chosen functions scrolled out
    of a one-line picker)."""
    lang = "en"
    open_lab(page, f"{server}/activations?lang={lang}")
    picker = page.locator(".st-key-activations_pick")
    for name in FIVE[3:]:
        picker.get_by_role(
            "button", name=CATALOG[f"activations.fn.{name}"][lang], exact=True
        ).click()
        wait_idle(page)
    page.locator(".st-key-activations_derivs label").click()
    wait_idle(page)
    chart = page.locator(".js-plotly-plot").first
    chart.locator(".legend .traces").nth(9).wait_for()
    assert chart.locator(".legend .traces").count() == 10
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        eventually(lambda: assert_in_sight(page, picker, chart, lang, width))  # noqa: B023
        assert_no_dialog(page)
        shot(page, f"activations-five-{lang}-{width}")


def assert_in_sight(page, picker, chart, lang: str, width: int) -> None:
    """Each function's option inside the picker and the window; the legend clear of the
    chart's title, plot area and x-axis title."""
    outer = picker.bounding_box()
    for name in function_names(lang):
        option = picker.get_by_role("button", name=name, exact=True).bounding_box()
        assert (
            option["x"] >= outer["x"] - 1
            and option["x"] + option["width"] <= min(outer["x"] + outer["width"], width) + 1
        ), name
    title = page.get_by_text(CATALOG["activations.chart_title"][lang], exact=True).bounding_box()
    legend = chart.locator(".legend").bounding_box()
    plot = chart.locator(".nsewdrag").first.bounding_box()
    x_title = chart.locator(".xtitle").bounding_box()
    for other in (title, plot, x_title):
        assert not overlaps(other, legend), (other, legend)


def function_names(lang: str) -> list[str]:
    """Every function's name in the picker, in the language."""
    return [v[lang] for k, v in CATALOG.items() if k.startswith("activations.fn.")]
