"""The gradient descent page in a real browser: the lr slider moved to 10 by keyboard shows the
divergence message, ▶ plays the walk in the browser (no script rerun) over its contour map,
picking a function moves the start; every map at equal scale on a desktop and a phone; the
multiselect's own words in Chinese.

Each check runs in one language (labels come from the catalog either way), some in Chinese,
some in English; tests/test_app.py renders every page in both."""

import pytest
from playwright.sync_api import expect

from tests.catalog import page_text
from tests.e2e.conftest import shot
from tests.e2e.helpers import (
    assert_no_dialog,
    blue_tint,
    contour_scales,
    eventually,
    pick,
    picture_scale,
    slide_to,
    unfold,
    wait_contour_maps,
    wait_idle,
)
from ui.strings import CATALOG

pytestmark = pytest.mark.e2e

STEM = "gradient_descent"
CHARTS = 6  # plotly charts on the page with every section open
FIRST_SCREEN = 2  # as it opens: the walk and its loss (the later sections are folded)
CURRENT_STEP = ".js-plotly-plot .slider-container .slider-label"  # the first one: "step: 37"


text = page_text(STEM)


def open_page(page, server, lang: str, *, unfolded: bool = False) -> None:
    """Open the page; with ``unfolded`` also its folded sections with contour maps (the
    lessons' panels and the optimizers' race), as a learner's clicks on their titles do."""
    page.goto(f"{server}/{STEM}?lang={lang}")
    wait_idle(page, timeout=120_000)  # a cold server on a loaded 2-core machine can take >30 s
    charts = FIRST_SCREEN
    if unfolded:
        for section in ("lessons", "opt"):
            unfold(page, f"{STEM}.{section}_title", lang)
        charts = CHARTS
    page.wait_for_function(
        f"() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}"
    )


def animation_step(page) -> str:
    """The step the animation slider of the main chart shows (e.g. "step: 37")."""
    return (page.locator(CURRENT_STEP).first.text_content() or "").strip()


def test_lr_extremes_and_divergence(page, server):
    """lr = 10 by keyboard: the divergence message (step 6) in the language; lr = 100 (the
    slider's right end) diverges at step 4 (x ← -199x: 4·199^4 > 1e8 > 4·199^3); lr = 1e-10
    (left end) barely moves."""
    lang = "en"
    open_page(page, server, lang)
    label = text("lr", lang)
    slide_to(page, label, "10", "ArrowRight")
    message = text("v.diverged", lang, step=6, bound="1e+08")
    page.get_by_text(message).wait_for()
    assert_no_dialog(page)
    shot(page, f"gradient_descent-lr10-{lang}")
    slide_to(page, label, "100", "End")
    page.get_by_text(text("v.diverged", lang, step=4, bound="1e+08")).wait_for()
    shot(page, f"gradient_descent-lr100-{lang}")
    slide_to(page, label, "1e-10", "Home")
    page.get_by_text(text("v.barely_moved", lang, steps=100, dist="1e-07")).wait_for()
    assert_no_dialog(page)
    shot(page, f"gradient_descent-lr1e-10-{lang}")


def test_play_animates_over_the_contour_map(page, server):
    """▶ restarts the walk from step 0 and runs it in the browser, without a script rerun
    (Streamlit's running indicator never appears); ❚❚ stops it midway; ▶ again runs to the
    last step. The landscape stays under the walk: before ▶, paused midway and after the
    walk ends the plot area is blue (before the fix, plotly.js removed the contour layer and the
    path walked on white: the blue tint fell from tens to 0). Every map is at equal scale (see
    assert_equal_scale) before ▶ and after the walk on this desktop window, then with the same
    tab turned into a 390x844 phone, again after a walk played there to its end. Last, the
    learning rates' picker reads in Chinese."""
    lang = "zh"
    open_page(page, server, lang, unfolded=True)
    prefix = text("step_prefix", lang)
    assert animation_step(page) == f"{prefix} 100"
    chart = page.locator(".js-plotly-plot").first
    assert_equal_scale(wait_contour_maps(page, 6), chart)
    before = 0.0
    for _ in range(60):  # the map is a picture under the plot: wait until it has loaded
        before = blue_tint(page, chart)
        if before > 15:
            break
        page.wait_for_timeout(500)
    assert before > 15, before

    chart.locator(".updatemenu-button", has_text=text("play", lang)).click()
    wait_midway(page, prefix)
    assert not page.locator('[data-testid="stStatusWidgetRunningIcon"]').count()
    chart.locator(".updatemenu-button", has_text=text("pause", lang)).click()
    paused = animation_step(page)
    midway = blue_tint(page, chart)  # the frames played so far have left the map in place
    assert midway > 0.8 * before, (before, midway)
    page.wait_for_timeout(600)  # nothing to wait for: a paused walk must stay where it is
    assert animation_step(page) == paused != f"{prefix} 100"
    shot(page, f"gradient_descent-paused-{lang}")

    chart.locator(".updatemenu-button", has_text=text("play", lang)).click()
    wait_last_step(page, prefix)
    page.wait_for_timeout(500)  # the last frame's redraw
    after = blue_tint(page, chart)
    assert after > 0.8 * before, (before, after)
    assert_equal_scale(contour_scales(page), chart)
    shot(page, f"gradient_descent-after-play-{lang}")

    page.set_viewport_size({"width": 390, "height": 844})  # the same tab on a phone
    eventually(lambda: assert_equal_scale(contour_scales(page), chart))
    chart.scroll_into_view_if_needed()
    play_to_the_end(page, chart, prefix, text("play", lang))
    assert_equal_scale(contour_scales(page), chart)
    shot(page, "gradient_descent-equal-scale-390")
    learning_rates_picker_reads_in_chinese(page)


def wait_midway(page, prefix: str) -> None:
    """Wait until the walk's animation shows a step between 0 and 100 (it has left step 0)."""
    page.wait_for_function(
        """([sel, p]) => {
            const n = parseInt(document.querySelector(sel).textContent.replace(p, ''));
            return n > 0 && n < 100;
        }""",
        arg=[CURRENT_STEP, prefix],
    )


def wait_last_step(page, prefix: str) -> None:
    """Wait until the walk's animation shows step 100."""
    page.wait_for_function(
        "([sel, s]) => document.querySelector(sel).textContent.trim() === s",
        arg=[CURRENT_STEP, f"{prefix} 100"],
        timeout=60_000,
    )


def play_to_the_end(page, chart, prefix: str, play: str) -> None:
    """Press ▶ and wait until the walk has left step 0 and then reached step 100."""
    chart.locator(".updatemenu-button", has_text=play).click()
    wait_midway(page, prefix)
    wait_last_step(page, prefix)


SELF_AFTER = "e => getComputedStyle(e, '::after').content"


def learning_rates_picker_reads_in_chinese(page) -> None:
    """In Chinese the learning rates' multiselect reads in Chinese: full (4 rates of at most
    4) its dropdown says that nothing is left to pick instead of "You can only select up to 4
    options"; with one removed, its first row says 全选 instead of "Select all"."""
    box = page.locator(".st-key-gradient_descent_lrs")
    box.scroll_into_view_if_needed()
    box.locator("input").click()
    dropdown = page.locator('[data-testid="stMultiSelectDropdown"]')
    empty = dropdown.locator('[role="listbox"][data-empty] [role="option"] > span')
    empty.wait_for()
    assert empty.evaluate(SELF_AFTER) == f'"{CATALOG["common.none_left"]["zh"]}"'
    assert empty.evaluate("e => getComputedStyle(e).fontSize") == "0px"
    page.keyboard.press("Escape")
    box.locator("input").press("Backspace")  # removes the last chosen rate
    wait_idle(page)
    box.locator("input").click()
    row = dropdown.locator('[data-key="__select_all__"] [data-item-hl]')
    row.wait_for()
    assert row.evaluate(SELF_AFTER) == f'"{CATALOG["common.select_all"]["zh"]}"'
    assert row.evaluate("e => getComputedStyle(e).fontSize") == "0px"


def test_pick_a_function(page, server):
    """Choosing Rosenbrock in the first picker moves the start to (-1.5, 2) and the lr to
    0.001, and draws its formula; the page says how the walk went."""
    lang = "en"
    open_page(page, server, lang)
    name = CATALOG["gradient_field.fn.rosenbrock"][lang]
    pick(page, "gradient_descent_fn", name)
    x0 = page.locator(f'input[type="range"][aria-label="{text("x0", lang)}"]').first
    expect(x0).to_have_attribute("aria-valuetext", "-1.50")  # waits for the rerun
    lr = page.locator(f'input[type="range"][aria-label="{text("lr", lang)}"]')
    expect(lr).to_have_attribute("aria-valuetext", "0.001")
    page.get_by_text(text("v.moving", lang, steps=100)).wait_for()
    assert_no_dialog(page)
    shot(page, f"gradient_descent-rosenbrock-{lang}")


def assert_equal_scale(scales: list[dict], chart) -> None:
    """Every contour map on the page (the walk, the four learning rates, the optimizer race)
    draws one unit of x0 as long as one unit of x1: plot-area width/height equals the axis
    ranges' width/height within 2 % (was 2:1, 0.67:1, 0.3-0.55). The walk's map is a picture
    under the plot (see charts_gradient.animate_path): it is drawn at equal scale too."""
    assert len(scales) == 6, scales  # the walk, 4 panels, race
    for s in scales:
        assert s["pixels"] == pytest.approx(s["ranges"], rel=0.02), scales
    picture = picture_scale(chart)
    assert picture is not None and picture["pixels"] == pytest.approx(picture["ranges"], rel=0.02)
