"""pages/gradient_field.py under AppTest: the numbers it shows are the book's and lab's, in both
languages (the book prints 0.1999999999990898 and 0.2999999999986347; ∇(x0² + x1²) at (3, 4)
is (6, 8)), and the h = 1e-50 lesson explains the 0. What the page shows as it opens is read in
both languages (``opened``, tests/conftest.py); a test that moves widgets does so in one."""

import json

from lab.calculus import BOOK_DIFFS
from tests.catalog import page_text
from tests.helpers_app import open_page, page_markdown, set_widget
from tests.helpers_settings import check_kept_and_reset

STEM = "gradient_field"


text = page_text(STEM)


def test_book_derivatives_in_the_table(opened):
    """The tangent table shows numerical_diff at x = 5 and 10 next to the book's print, equal
    digit for digit, with headers in the language."""
    at, lang = opened, opened.lang
    table = at.table[0].value
    numerical = table[text("col_numerical", lang)].tolist()
    book = table[text("col_book", lang)].tolist()
    assert numerical == book == [repr(BOOK_DIFFS[5.0]), repr(BOOK_DIFFS[10.0])]
    assert table[text("col_exact", lang)].tolist() == ["0.2", "0.3"]


def test_tiny_h_gives_zero_and_says_why():
    """h = 1e-50: the derivative shown is 0.0, error 0.2, and a warning explains 5 + h == 5
    (float spacing 8.88e-16 at 5); at the book's h = 1e-4 there is no warning."""
    lang = "zh"
    at = open_page(STEM, lang)
    assert "`0.1999999999990898`" in page_markdown(at)
    assert not at.warning
    set_widget(at, "gradient_field_h", 1e-50)
    assert "`0.0`" in page_markdown(at)
    assert "`0.2`" in page_markdown(at)
    (warning,) = at.warning
    assert "5 + 1e-50 == 5" in warning.value and "8.88e-16" in warning.value
    assert warning.value == text("h_lost", lang).format(h="1e-50", spacing="8.88e-16")


def test_book_gradients(opened):
    """The book's three gradients of x0² + x1²: (6, 8), (0, 4), (6, 0), next to the numerical
    ones computed live (6.00000000000378, 7.999999999999912 at (3, 4))."""
    at, lang = opened, opened.lang
    table = at.table[1].value
    assert table[text("col_book", lang)].tolist() == ["(6, 8)", "(0, 4)", "(6, 0)"]
    assert table[text("col_numerical", lang)].tolist()[0] == "(6.00000000000378, 7.99999999999912)"
    assert table[text("col_analytic", lang)].tolist() == ["(6, 8)", "(0, 4)", "(6, 0)"]


def test_field_numbers():
    """The book's picture: 17 x 17 = 289 arrows, numerical vs analytic differing by < 1e-10;
    at the chosen point (1, 1.5): f = 3.25 and ∇f = (2, 3)."""
    lang = "en"
    at = open_page(STEM, lang)
    md = page_markdown(at)
    assert text("max_diff", lang).split("{n}")[0] + "289" in md
    assert "| (1, 1.5) | 3.25 | (2, 3) | (2, 3) |" in md
    set_widget(at, "gradient_field_p0", -2.0)
    set_widget(at, "gradient_field_p1", 0.5)
    assert "| (-2, 0.5) | 4.25 | (-4, 1) | (-4, 1) |" in page_markdown(at)


def test_function_picker_moves_the_point_into_the_new_domain():
    """Picking Rosenbrock resets the point sliders to its domain ([-2, 2] x [-1, 3]) and shows
    its formula; the analytic gradient at (-1, 2) is (-4 - 400·(-1)(2 - 1), 200) = (396, 200)."""
    at = open_page(STEM, "en")
    set_widget(at, "gradient_field_fn", "rosenbrock")
    p1 = next(w for w in at.slider if w.key == "gradient_field_p1")
    assert (p1.min, p1.max, p1.value) == (-1.0, 3.0, 2.0)
    assert any("100" in x.value for x in at.latex)
    assert "| (-1, 2) | 104 |" in page_markdown(at)
    assert "(396, 200)" in page_markdown(at)


def test_settings_survive_a_visit_elsewhere_and_reset():
    """Picking Himmelblau still puts the picked point at its probe (1, 1); every control keeps
    what the learner set after a visit to /shapes; "reset this page" puts back x0² + x1² with
    the point at (1, 1.5), h = 1e-4, tangents at 5 and 10."""
    at = open_page(STEM, "en")
    first = check_kept_and_reset(
        at,
        STEM,
        {
            "gradient_field_tangents": [3],
            "gradient_field_h": 1e-10,
            "gradient_field_fn": "himmelblau",
            "gradient_field_p0": 2.0,
            "gradient_field_unit": True,
            "gradient_field_density": 9,
        },
    )
    assert first["gradient_field_fn"] == "function_2"
    assert (first["gradient_field_p0"], first["gradient_field_p1"]) == (1.0, 1.5)
    assert first["gradient_field_h"] == 1e-4 and first["gradient_field_tangents"] == [5, 10]
    set_widget(at, "gradient_field_fn", "himmelblau")
    point = (at.slider(key="gradient_field_p0").value, at.slider(key="gradient_field_p1").value)
    assert point == (1.0, 1.0)


def test_3d_surface_is_drawn_only_once_its_tab_is_open():
    """The tabs are lazy: the first visit sends the contour map with its arrows and no 3-D
    surface (a hidden WebGL surface cost the browser ~1-2 s per visit); with the 3-D tab open
    (as a click on it does), the surface of the same function is sent and the map is not."""
    at = open_page(STEM, "en")

    def traces() -> list[str]:
        charts = [json.loads(node.proto.spec) for node in at.get("plotly_chart")]
        return [trace.get("type", "scatter") for spec in charts for trace in spec["data"]]

    assert "surface" not in traces() and "contour" in traces()
    at.session_state["gradient_field_view"] = text("tab_3d", "en")
    at.run()
    assert "surface" in traces() and "contour" not in traces()
