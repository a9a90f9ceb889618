"""The derivative and gradient-field page in a real browser: h pushed to 1e-50 explains the 0,
a function picked with arrows at the densest and sparsest grids, the 3-D tab; the arrows' map
at equal scale. Each check runs in one language (labels come from the catalog either way);
tests/test_app.py renders every page in both."""

import re

import pytest
from playwright.sync_api import expect

from tests.catalog import page_text
from tests.e2e.conftest import shot
from tests.e2e.helpers import (
    assert_no_dialog,
    contour_scales,
    eventually,
    open_lab,
    pick,
    slide_to,
    wait_contour_maps,
    wait_idle,
)
from ui.strings import CATALOG

pytestmark = pytest.mark.e2e

STEM = "gradient_field"
INLINE_CODE = '[data-testid="stMarkdownContainer"] p code'  # numbers in text, not the expanders
CHARTS = 4  # tangents, error against h, contour + arrows, 3-D surface (in its tab)


text = page_text(STEM)


def open_page(page, server, lang: str) -> None:
    open_lab(page, f"{server}/{STEM}?lang={lang}")
    page.wait_for_function(
        f"() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= {CHARTS - 1}"
    )


ARROWS = """(n) => {
    const plot = document.querySelectorAll('.js-plotly-plot')[2];
    return plot.data[1].x.filter((v) => v === null).length === n;
}"""  # the quiver trace is one path: barb, gap, head, gap per arrow


def wait_for_arrows(page, per_side: int) -> None:
    """Wait until the contour chart draws per_side² arrows."""
    page.wait_for_function(ARROWS, arg=2 * per_side * per_side)


def test_tiny_h_explained(page, server):
    """h to its left end, 1e-50: the derivative reads 0.0 and a warning says 5 + 1e-50 == 5;
    back at the book's 1e-4 it reads 0.1999999999990898 again."""
    lang = "en"
    open_page(page, server, lang)
    label = text("h", lang)
    slide_to(page, label, "1e-50", "Home")
    page.get_by_text(text("h_lost", lang, h="1e-50", spacing="8.88e-16")).wait_for()
    expect(page.locator(INLINE_CODE, has_text=re.compile(r"^0\.0$"))).to_have_count(1)
    assert_no_dialog(page)
    shot(page, f"gradient_field-h1e-50-{lang}")
    slide_to(page, label, "0.0001", "ArrowRight")
    page.locator(INLINE_CODE, has_text=re.compile(r"^0\.1999999999990898$")).wait_for()


def test_pick_a_function_and_density(page, server):
    """Himmelblau picked from the list; arrows per side at the right end (41 → 41·41 arrows,
    each drawn as barb + head) and the left end (5), directions only; the 3-D tab draws."""
    lang = "zh"
    open_page(page, server, lang)
    pick(page, "gradient_field_fn", CATALOG["gradient_field.fn.himmelblau"][lang])
    page.locator(".katex", has_text="11").first.wait_for()  # (x0² + x1 − 11)² in the formula
    density = text("density", lang)
    wait_for_arrows(page, 17)
    slide_to(page, density, "41", "End")
    wait_for_arrows(page, 41)
    page.get_by_text(text("unit", lang)).click()
    wait_idle(page)
    assert_no_dialog(page)
    shot(page, f"gradient_field-himmelblau41-{lang}")
    slide_to(page, density, "5", "Home")
    wait_for_arrows(page, 5)
    page.get_by_role("tab", name=text("tab_3d", lang)).click()
    page.locator(".js-plotly-plot .gl-container canvas").first.wait_for()
    assert_no_dialog(page)
    shot(page, f"gradient_field-3d-{lang}")


def test_gradient_field_at_equal_scale(page, server):
    """The arrows' contour map keeps one unit of x0 as long as one of x1 (plot-area ratio equals
    the range ratio within 2 %), so -∇f is visibly perpendicular to the contour lines; also for
    the stretched bowl, whose box is wide (was 1.26:1 on a desktop, 0.3-0.55 on a phone). On a
    laptop, then the same tab as a phone."""
    open_page(page, server, "en")
    (scale,) = wait_contour_maps(page, 1)
    assert scale["pixels"] == pytest.approx(scale["ranges"], rel=0.02), scale
    pick(page, "gradient_field_fn", CATALOG["gradient_field.fn.stretched"]["en"])
    (scale,) = wait_contour_maps(page, 1, other_than=scale["ranges"])
    assert scale["pixels"] == pytest.approx(scale["ranges"], rel=0.02), scale
    shot(page, "gradient_field-equal-scale-1400")
    page.set_viewport_size({"width": 390, "height": 844})

    def equal_scale() -> None:
        (scale,) = contour_scales(page)
        assert scale["pixels"] == pytest.approx(scale["ranges"], rel=0.02), scale

    eventually(equal_scale)
    shot(page, "gradient_field-equal-scale-390")
