"""The shape playground in a real browser: examples that fail, broadcasting grids, the batch.
Each check runs in one language (labels come from the catalog either way); tests/test_app.py
renders every page in both."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import shot
from tests.e2e.helpers import assert_no_dialog, nudge_slider, open_lab, wait_idle
from tests.e2e.helpers import shown as s
from tests.e2e.layout_checks import assert_first_screen, on_a_phone
from ui.strings import CATALOG

pytestmark = pytest.mark.e2e


def click(page, label: str) -> None:
    page.get_by_role("button", name=label, exact=True).click()
    wait_idle(page)


def test_failing_shapes_explain_and_fix(page, server):
    """On a laptop the operation picker and the shape grid are on the first screen (with at
    most one short line above). (2, 3)·(2, 3) shows numpy's error, why, and the B.T fix;
    (2, 3) + (2,) too; a broadcast that works draws the stretched grids. Then on a phone."""
    lang = "zh"
    open_lab(page, f"{server}/shapes?lang={lang}")
    assert_no_dialog(page)
    assert_first_screen(page, "shapes")
    click(page, s("shapes.example.mismatch", lang))
    page.get_by_text("shapes (2,3) and (2,3) not aligned").wait_for()
    page.get_by_text("np.dot(A, B.T)", exact=True).first.wait_for()
    expect(page.get_by_text(s("shapes.fails", lang, expr="np.dot(A, B)"))).to_have_count(1)
    shot(page, f"shapes-mismatch-{lang}")

    click(page, s("shapes.example.column", lang))
    page.get_by_text("operands could not be broadcast together").wait_for()
    page.get_by_text("A + B[:, np.newaxis]", exact=True).first.wait_for()

    click(page, s("shapes.example.outer", lang))
    page.get_by_text(s("shapes.result", lang, expr="A * B", shape=(3, 4))).wait_for()
    grid = page.locator(".js-plotly-plot").filter(has_text=s("shapes.grid_c", lang, shape=(3, 4)))
    grid.wait_for()
    assert_no_dialog(page)
    shot(page, f"shapes-broadcast-{lang}")
    on_a_phone(page, tables=True)


def test_pick_a_shape_and_an_operation(page, server):
    """The first screen as above; make A 0-D and pick @: the scalar explanation; the batch
    slider changes the totals. Then on a phone."""
    lang = "en"
    open_lab(page, f"{server}/shapes?lang={lang}")
    assert_first_screen(page, "shapes")
    inputs = page.locator('[data-testid="stNumberInput"] input')
    inputs.nth(3).wait_for()  # A (2, 3) and B (3, 2) are on screen before we change A
    groups = page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"]')  # A, B, op
    groups.nth(0).get_by_text(s("shapes.ndim.0", lang), exact=True).click()
    wait_idle(page)
    groups.nth(2).get_by_text(s("shapes.op.matmul", lang), exact=True).click()
    wait_idle(page)
    page.locator("strong", has_text=CATALOG["shapes.why.scalar"][lang].split("**")[1]).wait_for()
    expect(inputs).to_have_count(2)  # A's two inputs have gone; B's are untouched
    expect(inputs.nth(0)).to_have_value("3")
    expect(inputs.nth(1)).to_have_value("2")

    page.get_by_text("45,360").first.wait_for()  # a cell of the MNIST table
    page.get_by_text("4,520,000").first.wait_for()  # N = 100
    nudge_slider(page, s("shapes.batch", lang), -2)  # 100 → 10 → 1
    page.get_by_text("45,200").first.wait_for()  # N = 1
    assert_no_dialog(page)
    shot(page, f"shapes-scalar-batch-{lang}")
    on_a_phone(page, tables=True)
