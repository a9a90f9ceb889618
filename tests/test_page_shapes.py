"""AppTest of pages/shapes.py: the shapes, errors and numbers shown are numpy's and lab's. Tests
that read the page as it opens do so in both languages (``opened``); tests that move widgets
take a fresh page in one language (``page``, tests/conftest.py)."""

import json

import pytest

from lab import shapes as S
from tests.catalog import text as s
from tests.helpers_app import assert_clean

STEM = "shapes"


def texts(elements) -> list[str]:
    return [e.value for e in elements]


def chart_keys(at) -> list[str]:
    return [node.proto.id for node in at.get("plotly_chart")]


def example(at, name: str):
    at.button(key=f"shapes_example_{name}").click().run()
    assert_clean(at)
    return at


def test_default_is_the_example_product(opened):
    """A (2, 3), B (3, 2), np.dot: the result shape (2, 2), and why (axis 1 of A meets axis 0
    of B, both 3)."""
    lang = opened.lang
    assert s("shapes.result", lang, expr="np.dot(A, B)", shape=(2, 2)) in texts(opened.success)
    fields = {"a_axis": 1, "b_axis": 0, "a_size": 3, "b_size": 3, "shape": (2, 2)}
    assert s("shapes.ok_inner", lang, **fields) in texts(opened.markdown)


def test_mismatch_shows_numpys_error_why_and_fixes(page):
    """(2, 3)·(2, 3): numpy's message, the plain-words reason, and B.T as the first fix."""
    lang = page.lang
    example(page, "mismatch")
    assert s("shapes.fails", lang, expr="np.dot(A, B)") in texts(page.error)
    assert "ValueError: shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)" in texts(
        page.text
    )
    why = s("shapes.why.inner", lang, a_axis=1, b_axis=0, a_size=3, b_size=2, shape=None)
    assert why in texts(page.markdown)
    fixes = next(m for m in texts(page.markdown) if m.startswith(s("shapes.fixes", lang)))
    assert s("shapes.fix.transpose_b", lang, code="np.dot(A, B.T)", shape=(2, 2)) in fixes


@pytest.mark.parametrize("page", ["zh"], indirect=True)
def test_broadcast_failure_and_column_fix(page):
    """(2, 3) + (2,): axis 1 (3) meets axis 0 (2); the fix makes B a column."""
    lang = page.lang
    example(page, "column")
    why = s("shapes.why.broadcast", lang, a_axis=1, b_axis=0, a_size=3, b_size=2, shape=None)
    assert why in texts(page.markdown)
    fixes = next(m for m in texts(page.markdown) if m.startswith(s("shapes.fixes", lang)))
    assert "`A + B[:, np.newaxis]` → (2, 3)" in fixes


def test_broadcast_success_draws_the_grids(page):
    """(3, 1) * (1, 4) → (3, 4), with the stretched grids drawn and titled in the language."""
    lang = page.lang
    example(page, "outer")
    assert s("shapes.result", lang, expr="A * B", shape=(3, 4)) in texts(page.success)
    assert any(key.endswith("shapes_grid") for key in chart_keys(page))
    spec = next(
        json.loads(n.proto.spec)
        for n in page.get("plotly_chart")
        if n.proto.id.endswith("shapes_grid")
    )
    titles = [a["text"] for a in spec["layout"]["annotations"]]
    assert s("shapes.grid_c", lang, shape=(3, 4)) in titles
    a_big, _ = S.stretch(S.example_arrays((3, 1), (1, 4))[0], (3, 4))
    assert spec["data"][0]["text"] == [[f"{v:g}" for v in row] for row in a_big]


@pytest.mark.parametrize("page", ["zh"], indirect=True)
def test_scalar_matmul_is_explained(page):
    """A 0-D, op @: numpy refuses; the page explains @ needs arrays and suggests * ."""
    lang = page.lang
    page.segmented_control(key="shapes_a_ndim").set_value(0)
    page.segmented_control(key="shapes_op").set_value("matmul").run()
    assert s("shapes.why.scalar", lang) in texts(page.markdown)
    assert s("shapes.no_fix.scalar", lang) in texts(page.markdown)


def test_stacked_matmul_compares_with_dot(page):
    """(2, 3, 4) @ (4, 2) → (2, 3, 2); the note gives np.dot's result for the same shapes."""
    lang = page.lang
    example(page, "stack")
    assert s("shapes.result", lang, expr="A @ B", shape=(2, 3, 2)) in texts(page.success)
    other = s("shapes.op.dot", lang)
    assert s("shapes.dot_vs_matmul", lang, other=other, shape=(2, 3, 2)) in texts(page.info)


@pytest.mark.parametrize("page", ["zh"], indirect=True)
def test_example_cell_and_commuting(page):
    """Cell (0, 1) of a·b: 1×8 + 2×10 + 3×12 = 8 + 20 + 36 = 64; b·a is 3×3."""
    lang = page.lang
    page.selectbox(key="shapes_cell_ab").set_value((0, 1)).run()
    cell = s(
        "shapes.cell_sum", lang, i=0, j=1, terms="1×8 + 2×10 + 3×12", sums="8 + 20 + 36", total=64
    )
    assert cell in texts(page.markdown)
    info = s(
        "shapes.not_commute", lang, ab=[[58, 64], [139, 154]],
        ba=[[39, 54, 69], [49, 68, 87], [59, 82, 105]], sab=(2, 2), sba=(3, 3),
    )  # fmt: skip
    assert info in texts(page.info)
    page.radio(key="shapes_product").set_value("ba").run()
    assert len(page.selectbox(key="shapes_cell_ba").options) == 9
    attrs = page.table[0].value
    assert attrs["a"].tolist() == ["2", "(2, 3)", "int64", "6"]


def test_network_table_and_common_mistake(opened):
    """The table shows forward_steps' numbers; A2's widely copied comment [0.4 0.8] is marked ✗; the
    book's Y agrees."""
    lang = opened.lang
    value = s("shapes.col_value", lang)
    table = next(tb.value for tb in opened.table if value in tb.value.columns)
    rows = dict(zip(table[s("shapes.col_name", lang)], table.to_dict("records"), strict=True))
    assert rows["A2"][s("shapes.col_value", lang)] == "[0.51615984 1.214027]"
    assert rows["A2"][s("shapes.col_comment", lang)] == "[0.4 0.8]"
    assert rows["A2"][s("shapes.col_agree", lang)] == "✗"
    assert rows["Z1"][s("shapes.col_agree", lang)] == "✓"
    assert rows["Y"][s("shapes.col_value", lang)] == "[0.31682708 0.69627909]"
    assert rows["A3"][s("shapes.col_shape", lang)] == "(2,)"
    book = s("shapes.book_y", lang, y="[0.31682708 0.69627909]", ok="✓")
    assert book in texts(opened.success)
    assert s("shapes.common_mistake", lang, wrong="A2, Z2, A3, Z3") in texts(opened.warning)


def test_moving_x_drops_the_comparison(page):
    """The widely copied comments are for the default x only: another x1 says so."""
    page.slider(key="shapes_x1").set_value(0.0).run()
    assert s("shapes.comments_only_default", page.lang) in texts(page.caption)


def test_mnist_flow_follows_the_batch(page):
    """N = 100: totals 45,360 parameters and 4,520,000 multiply-adds; N = 1: 45,200."""
    lang = page.lang
    col_macs = s("shapes.col_macs", lang)

    def mnist_table():
        return next(tb.value for tb in page.table if col_macs in tb.value.columns)

    assert mnist_table()[col_macs].tolist()[-1] == "4,520,000"
    assert mnist_table()[s("shapes.col_params", lang)].tolist()[-1] == "45,360"
    assert mnist_table()[s("shapes.col_x", lang)].tolist()[0] == "(100, 784)"
    page.select_slider(key="shapes_batch").set_value(1).run()
    assert mnist_table()[col_macs].tolist() == ["39,200", "5,000", "1,000", "45,200"]
    note = s("shapes.mnist_note", lang, params="45,360", per="45,200", n=1)
    assert note in texts(page.markdown)


@pytest.mark.parametrize("page", ["zh"], indirect=True)
def test_settings_survive_a_visit_elsewhere_and_reset(page):
    """A slider and a picked example keep their values after a visit to another page;
    "reset this page" puts back the defaults (x1 = 1.0, A (2, 3), np.dot)."""
    page.slider(key="shapes_x1").set_value(0.0).run()
    example(page, "outer")
    page.switch_page("pages/activations.py").run()
    page.switch_page("pages/shapes.py").run()
    assert_clean(page)
    assert page.slider(key="shapes_x1").value == 0.0
    assert page.segmented_control(key="shapes_op").value == "mul"
    page.button(key="shapes_reset").click().run()
    assert page.slider(key="shapes_x1").value == 1.0
    assert page.segmented_control(key="shapes_op").value == "dot"
    assert page.number_input(key="shapes_a_0").value == 2
    assert page.number_input(key="shapes_a_1").value == 3
