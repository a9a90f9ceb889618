"""The softmax and loss page in a real browser: type scores, drag sliders, read the answers.
Each check runs in one language (labels come from the catalog either way); tests/test_app.py
renders every page in both."""

import pytest
from playwright.sync_api import expect

from tests.catalog import page_text, prefix
from tests.e2e.conftest import shot
from tests.e2e.helpers import assert_no_dialog, open_lab, press_slider, unfold, wait_idle
from ui.strings import CATALOG

pytestmark = pytest.mark.e2e

STEM = "softmax_loss"
JS_BARS = """(i) => [...document.querySelectorAll('.js-plotly-plot')[i]
    .querySelectorAll('.point path')].map(p => p.getAttribute('d')).join('|')"""


s = page_text(STEM)


def type_logits(page, lang: str, value: str) -> None:
    box = page.locator(f'input[aria-label="{s("logits", lang)}"]')
    box.fill(value)
    box.press("Enter")
    wait_idle(page)


def test_scores_to_probabilities(page, server):
    """Typed scores redraw the bars and the decision; while typing, "Press Enter to apply"
    reads in Chinese (Streamlit's English hidden, the catalog's text shown); a typo gets a
    message in the language; the temperature slider reshapes the bars."""
    lang = "zh"
    open_lab(page, f"{server}/{STEM}?lang={lang}")
    page.locator(".js-plotly-plot").first.wait_for()
    expect(page.get_by_text(s("pipe_decision", lang), exact=True)).to_be_visible()
    before = page.evaluate(JS_BARS, 0)

    box = page.locator(".st-key-softmax_loss_logits input")
    box.click()
    box.press("End")
    box.type("1")
    hint = page.locator('.st-key-softmax_loss_logits [data-testid="InputInstructions"]')
    hint.wait_for()  # its own span is hidden (0 px): the Chinese is its ::after
    got = hint.evaluate("e => getComputedStyle(e.querySelector('span'), '::after').content")
    assert got == f'"{CATALOG["common.press_enter"]["zh"]}"'
    assert hint.evaluate("e => getComputedStyle(e.querySelector('span')).fontSize") == "0px"

    type_logits(page, lang, "1, two, 3")
    expect(page.get_by_text(s("bad_logits.number", lang).format(token="two"))).to_be_visible()
    assert_no_dialog(page)

    type_logits(page, lang, "5, -1, 0, 2")
    expect(page.get_by_text(s("bad_logits.number", lang).format(token="two"))).to_have_count(0)
    page.wait_for_function(f"(b) => ({JS_BARS})(0) !== b", arg=before)
    after = page.evaluate(JS_BARS, 0)
    assert after.count("|") == 3  # four bars

    press_slider(page, s("temperature", lang), "End")  # T 1.0 → 10.0: flatter
    page.wait_for_function(f"(b) => ({JS_BARS})(0) !== b", arg=after)
    assert_no_dialog(page)
    shot(page, f"softmax_loss-{lang}")


def test_overflow_and_loss_sliders(page, server):
    """Dragging c below the overflow threshold turns the nan warning into agreement; moving p
    changes the cross entropy read-out."""
    lang = "en"
    open_lab(page, f"{server}/{STEM}?lang={lang}")
    warning = prefix("softmax_loss.overflow_yes", lang)
    expect(page.get_by_text(warning)).to_be_visible()
    press_slider(page, s("shift", lang), "Home")  # c = 1000 → 0: no overflow
    expect(page.get_by_text(prefix("softmax_loss.overflow_no", lang))).to_be_visible()

    unfold(page, f"{STEM}.p_title", lang)  # a folded section: its charts come once opened
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=s("metric.ce", lang))
    expect(metric).to_contain_text("0.5108")  # p = 0.6: −log 0.6
    press_slider(page, s("p", lang), "Home")  # p → 0: the guard's cap
    expect(metric).to_contain_text("708.3964")
    assert_no_dialog(page)
    shot(page, f"softmax_loss-sliders-{lang}")
