"""The softmax and loss page in a real browser: type scores, drag sliders, read the answers,
on a laptop and then a phone. Each check runs in one language (labels come from the catalog
either way); tests/test_app.py renders every page in both."""

import re

import pytest
from playwright.sync_api import expect

from tests.catalog import page_text, prefix
from tests.e2e.conftest import shot
from tests.e2e.helpers import assert_no_dialog, open_lab, press_slider, unfold, wait_idle
from tests.e2e.layout_checks import assert_first_screen, on_a_phone
from ui.strings import CATALOG

pytestmark = pytest.mark.e2e

STEM = "softmax_loss"
JS_BARS = """(i) => [...document.querySelectorAll('.js-plotly-plot')[i]
    .querySelectorAll('.point path')].map(p => p.getAttribute('d')).join('|')"""


s = page_text(STEM)


FLOAT_NOISE = re.compile(r"\d\.\d*(0{6,}|9{6,})\d")  # 0.019500000000000007, 0.5999999999


def loss_table(page):
    """The loss table: the one with the book's column (the overflow table comes first)."""
    book = CATALOG["softmax_loss.col_book"]
    return page.locator('[data-testid="stTable"]').filter(has_text=re.compile(
        f"{re.escape(book['zh'])}|{re.escape(book['en'])}")).first  # fmt: skip


def on_a_laptop(page) -> None:
    """The temperature slider and the probability chart on the first screen; the loss table
    shows 0.0195 and the book's 0.0975, no float noise like 0.019500000000000007; the five
    pipeline boxes sit in a row, arrows pointing right."""
    assert_first_screen(page, STEM)
    table = loss_table(page)
    table.scroll_into_view_if_needed()
    cells = table.inner_text()
    assert "0.0195" in cells and "0.0975" in cells and "0.510825457099338" in cells
    assert not FLOAT_NOISE.search(cells), cells
    arrows = page.locator(".st-key-softmax_loss_pipe .pipe-arrow")
    expect(arrows).to_have_count(4)
    assert arrows.first.evaluate("e => getComputedStyle(e).transform") == "none"


def phone_checks(page, lang: str) -> None:
    """The same tab turned into a phone: the boxes stack and each arrow points down (turned
    90°), tables fit the screen, no toolbar covers a chart title; the book's batch example's
    table is clean too."""
    on_a_phone(page, tables=True)
    arrows = page.locator(".st-key-softmax_loss_pipe .pipe-arrow")
    turned = arrows.first.evaluate("e => getComputedStyle(e).transform")
    assert turned.startswith("matrix(") and turned.replace(" ", "").startswith("matrix(0,1,")
    page.get_by_text(CATALOG["softmax_loss.example.batch"][lang]).click()
    # the rerun may start after a first idle check: wait for the example's value itself
    expect(loss_table(page)).to_contain_text("0.0695")
    wait_idle(page)
    cells = loss_table(page).inner_text()
    assert "0.0695" in cells and not FLOAT_NOISE.search(cells), cells


def toolbar_hidden_on_touch(page) -> None:
    """On a touch screen (no hover) plotly.js shows its toolbar all the time, over legends; the
    lab hides it there until the chart is touched (a tap gives :hover on phones; Chromium's
    emulated taps do not, so that half is not checked here). The touch screen is Chromium's
    touch emulation (DevTools protocol), turned on in this tab: ``(hover: none)`` matches."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    page.wait_for_function("() => matchMedia('(hover: none)').matches")
    chart = page.locator(".st-key-softmax_loss_probs .js-plotly-plot")
    chart.scroll_into_view_if_needed()
    page.mouse.move(0, 0)  # no pointer rests on a touch screen: the earlier clicks' one would
    # leave the chart under it (:hover shows the toolbar, as a tap does)
    expect(chart.locator(".modebar-container")).to_have_css("visibility", "hidden")


def type_logits(page, lang: str, value: str) -> None:
    box = page.locator(f'input[aria-label="{s("logits", lang)}"]')
    box.fill(value)
    box.press("Enter")
    wait_idle(page)


def test_scores_to_probabilities(page, server):
    """On a laptop (on_a_laptop), typed scores redraw the bars and the decision; while typing,
    "Press Enter to apply" reads in Chinese (Streamlit's English hidden, the catalog's text
    shown); a typo gets a message in the language; the temperature slider reshapes the bars.
    Then on a phone
    (phone_checks), and as a touch screen (toolbar_hidden_on_touch)."""
    lang = "zh"
    open_lab(page, f"{server}/{STEM}?lang={lang}")
    on_a_laptop(page)
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
    phone_checks(page, lang)
    toolbar_hidden_on_touch(page)


def test_overflow_and_loss_sliders(page, server):
    """On a laptop (on_a_laptop), dragging c below the overflow threshold turns the nan warning
    into agreement; moving p changes the cross entropy read-out. Then on a phone
    (phone_checks)."""
    lang = "en"
    open_lab(page, f"{server}/{STEM}?lang={lang}")
    on_a_laptop(page)
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
    phone_checks(page, lang)
