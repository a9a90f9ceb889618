"""AppTest of pages/activations.py in both languages: the picker shows every function as a
pill, the chart draws lab's curves in the picker's order, the legend sits under the plot."""

import json

import numpy as np
import pytest

from lab import activations as A
from tests.helpers_app import assert_clean, open_page
from tests.helpers_settings import check_kept_and_reset
from ui.strings import CATALOG

LANGS = ["zh", "en"]


def chart(at, key: str) -> dict:
    for node in at.get("plotly_chart"):
        if node.proto.id and key in node.proto.id:
            return json.loads(node.proto.spec)
    raise AssertionError(f"no chart {key}")


def values(v) -> np.ndarray:
    """A plotly JSON array (a list or a {dtype, bdata} typed array) as numpy."""
    if isinstance(v, dict):
        import base64

        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"])
    return np.asarray(v, dtype=float)


@pytest.fixture(params=LANGS)
def page(request):
    at = open_page("activations", request.param)
    at.lang = request.param
    return at


def pills(at):
    (picker,) = [w for w in at.button_group if w.key == "activations_pick"]
    return picker


def test_picker_shows_every_function(page):
    """All eight functions are options of one pill picker; the book's three are on."""
    picker = pills(page)
    assert list(picker.options) == [
        CATALOG[f"activations.fn.{n}"][page.lang] for n in A.ACTIVATIONS
    ]
    assert list(picker.value) == ["step", "sigmoid", "relu"]


def test_all_functions_with_derivatives(page):
    """Every function picked (in reverse) with derivatives on: 16 curves in the picker's order
    (function, then its derivative), each equal to lab's on the chart's x; the legend is above
    the plot and the title is on the page, not in the figure, so no legend can cover it."""
    pills(page).set_value(list(reversed(A.ACTIVATIONS))).run()
    page.toggle(key="activations_derivs").set_value(True).run()
    assert_clean(page)
    spec = chart(page, "act_chart")
    names = [d["name"] for d in spec["data"]]
    suffix = CATALOG["activations.deriv_suffix"][page.lang]
    expected = []
    for n in A.ACTIVATIONS:
        expected += [CATALOG[f"activations.fn.{n}"][page.lang]] * 2
        expected[-1] += suffix
    assert names == expected
    x = values(spec["data"][0]["x"])
    for i, n in enumerate(A.ACTIVATIONS):
        f, df, has_alpha = A.ACTIVATIONS[n]
        kw = {"alpha": 0.1} if has_alpha else {}
        np.testing.assert_allclose(values(spec["data"][2 * i]["y"]), f(x, **kw))
        np.testing.assert_allclose(values(spec["data"][2 * i + 1]["y"]), df(x, **kw))
    assert spec["layout"]["legend"]["yanchor"] == "bottom" and spec["layout"]["legend"]["y"] > 1
    assert spec["layout"].get("title", {}).get("text") is None  # the title is on the page
    assert f"**{CATALOG['activations.chart_title'][page.lang]}**" in [
        m.value for m in page.markdown
    ]


def test_no_function_picked(page):
    """An empty picker says to pick one, and draws no chart."""
    pills(page).set_value([]).run()
    assert_clean(page)
    assert CATALOG["activations.none"][page.lang] in [i.value for i in page.info]


def test_settings_survive_a_visit_elsewhere_and_reset():
    """Every control keeps what the learner set after a visit to /shapes; "reset this page"
    puts back the first visit: the book's step, sigmoid and ReLU, no derivatives, x from -6
    to 6, w = 3, c = 1, sigmoid (and α = 0.1, hidden again once leaky ReLU is unpicked)."""
    at = open_page("activations", "en")
    first = check_kept_and_reset(
        at,
        "activations",
        {
            "activations_pick": ["relu", "leaky_relu"],
            "activations_derivs": True,
            "activations_range": (-2.0, 3.0),
            "activations_alpha": 0.3,  # shown once leaky ReLU is picked
            "activations_nl_w": 7.5,
            "activations_nl_h": "tanh",
        },
    )
    assert first["activations_pick"] == ["step", "sigmoid", "relu"]
    assert first["activations_derivs"] is False
    assert tuple(first["activations_range"]) == (-6.0, 6.0)
    assert (first["activations_nl_w"], first["activations_nl_c"]) == (3.0, 1.0)
    assert first["activations_nl_h"] == "sigmoid"
    assert at.session_state["activations_alpha"] == 0.1
