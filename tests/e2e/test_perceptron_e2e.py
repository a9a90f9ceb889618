"""The perceptron page in a real browser: presets, sliders, XOR, the training animations.
Each check runs in one language (labels come from the catalog either way); tests/test_app.py
renders every page in both."""

import inspect

import pytest
from playwright.sync_api import expect

from lab.xor_mlp import train_xor_mlp
from tests.catalog import text as s
from tests.e2e.conftest import shot
from tests.e2e.helpers import (
    JS_PLOT_BOX,
    assert_no_dialog,
    nudge_slider,
    open_lab,
    overlaps,
    unfold,
    wait_idle,
)
from ui.strings import CATALOG

pytestmark = pytest.mark.e2e
ITERATIONS = inspect.signature(train_xor_mlp).parameters["iterations"].default


def bold(key: str, lang: str, **fmt) -> str:
    """The first **bold** part of a catalog string, as the page shows it."""
    return CATALOG[key][lang].split("**")[1].format(**fmt)


TITLE = "(p) => p.querySelector('.gtitle')?.textContent || ''"


def chart(page, title: str):
    """The plotly chart whose title is title, as an element handle (stays valid when the
    title changes)."""
    loc = page.locator(".js-plotly-plot").filter(has=page.locator(".gtitle", has_text=title))
    loc.first.wait_for()
    return loc.first.element_handle()


def test_presets_and_sliders(page, server):
    """Click the OR preset: all four right; nudge b up: OR breaks; pick XOR: at most 3 of 4."""
    lang = "zh"
    open_lab(page, f"{server}/perceptron?lang={lang}")
    assert_no_dialog(page)
    page.get_by_role("button", name=s("perceptron.preset.OR", lang)).click()
    wait_idle(page)
    gate = s("perceptron.gate.OR", lang)
    page.get_by_text(s("perceptron.all_right", lang, gate=gate)).wait_for()
    shot(page, f"perceptron-or-{lang}")
    nudge_slider(page, s("perceptron.b", lang), 6)  # b: −0.5 → 0.1, now (0, 0) gives 1
    page.get_by_text(s("perceptron.some_wrong", lang, n=3, gate=gate)).wait_for()
    page.get_by_role("button", name=s("perceptron.preset.BOOK", lang)).click()
    wait_idle(page)
    page.get_by_text(
        s("perceptron.all_right", lang, gate=s("perceptron.gate.AND", lang))
    ).wait_for()
    # pick XOR in the first gate selectbox and try a line
    page.locator('[data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name=s("perceptron.gate.XOR", lang)).click()
    wait_idle(page)
    page.get_by_text(s("perceptron.xor_try", lang, n=1)).wait_for()  # the AND line: 1 of 4
    nudge_slider(page, s("perceptron.b", lang), 3)  # b: −0.7 → −0.4, now only (1, 1) is wrong
    page.get_by_text(s("perceptron.xor_try", lang, n=3)).wait_for()
    page.get_by_text(s("perceptron.slice_xor", lang)).wait_for()
    assert_no_dialog(page)
    shot(page, f"perceptron-xor-{lang}")


def test_learning_rule_steps(page, server):
    """The learning rule's step slider moves the line and explains the update; XOR's rule
    never settles. (The backprop chart's ▶ is test_one_control_owns_the_iteration's.)"""
    lang = "en"
    open_lab(page, f"{server}/perceptron?lang={lang}")
    expect(page.locator(".js-plotly-plot")).to_have_count(2)  # the later sections are folded
    unfold(page, "perceptron.rule_title", lang)
    chart(page, s("perceptron.rule_frame", lang, k=0))
    nudge_slider(page, s("perceptron.step", lang), 3)
    page.locator("strong", has_text=bold("perceptron.step_ok", lang, k=3)).wait_for()
    chart(page, s("perceptron.rule_frame", lang, k=3))  # the line after step 3 is drawn
    page.locator('[data-testid="stSelectbox"]').nth(1).click()
    page.get_by_role("option", name=s("perceptron.gate.XOR", lang)).click()
    wait_idle(page)
    page.locator("strong", has_text=bold("perceptron.rule_loop", lang)).wait_for()
    assert_no_dialog(page)
    shot(page, f"perceptron-rule-xor-{lang}")


# What the backprop chart shows now: the iteration in its title, where the loss panel's red
# marker stands, and what its slider says.
JS_SHOWN = """(p) => ({
    title: p.querySelector('.gtitle')?.textContent || '',
    marker: p._fullLayout.shapes[0].x0,
    slider: p.querySelector('.slider-container .slider-label')?.textContent || '',
})"""


def box(handle) -> dict:
    return handle.bounding_box()


def test_one_control_owns_the_iteration(page, server):
    """The backprop chart's ▶/‖ and slider sit under the plot, as the text says, and no
    toolbar covers them on hover; playing moves the slider, the map's title and the loss
    panel's marker together, and pausing leaves all three on one iteration (before: the
    buttons were top right under plotly's toolbar, and the page's own iteration slider and
    the loss marker stayed put while the map played)."""
    lang = "en"
    open_lab(page, f"{server}/perceptron?lang={lang}")
    unfold(page, "perceptron.mlp_title", lang)
    assert "▶" in s("perceptron.mlp_intro", lang)
    last = s("perceptron.mlp_frame", lang, it=ITERATIONS)
    mlp = chart(page, last)
    mlp.scroll_into_view_if_needed()
    plot = mlp.evaluate(JS_PLOT_BOX)
    buttons = mlp.query_selector_all(".updatemenu-button")
    assert len(buttons) == 2
    mlp.hover()
    toolbar = mlp.query_selector(".modebar")
    for button in buttons:
        assert box(button)["y"] >= plot["y"] + plot["height"]  # under the plot
        if toolbar and toolbar.is_visible():
            assert not overlaps(box(button), box(toolbar))
    shown = mlp.evaluate(JS_SHOWN)
    assert shown["title"] == last and shown["marker"] == ITERATIONS
    buttons[0].click()  # ▶
    page.wait_for_function(f"([p, t]) => ({TITLE})(p) !== t", arg=[mlp, last])
    buttons[1].click()  # ‖
    page.wait_for_timeout(800)  # a paused map must stay where it is: nothing to wait for
    shown = mlp.evaluate(JS_SHOWN)
    it = int(shown["slider"].split()[-1])
    assert it < ITERATIONS
    assert shown["title"] == s("perceptron.mlp_frame", lang, it=it)
    assert shown["marker"] == max(it, 1)
    assert not page.locator('[data-testid="stStatusWidgetRunningIcon"]').count()  # no rerun
    shot(page, f"perceptron-mlp-paused-{lang}")
