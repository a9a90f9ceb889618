"""AppTest of the MNIST explorer: real shapes and labels, the two timed inference loops, the
confusion cell picker and the mistakes gallery agree with lab.metrics on the real test set."""

import base64
import json

import numpy as np
import pytest

from lab import models
from lab.metrics import evaluate, most_confused
from lab.mnist import load_mnist
from tests.helpers_app import assert_clean, open_page
from tests.helpers_settings import check_kept_and_reset
from ui import resources
from ui.charts_digits import selected_cell
from ui.strings import CATALOG


@pytest.fixture(scope="module")
def book_report():
    """The book network on the real test set, computed here independently of the page."""
    _, (x_test, t_test) = load_mnist()
    return evaluate(models.load("book").predict_proba(x_test), t_test), t_test


def codes(at) -> str:
    """The code-styled boxes' text (ui.layout.code_text: st.text)."""
    return "\n".join(c.value for c in at.text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_browse_shows_real_shapes_labels_and_one_hot(lang):
    """Shapes are MNIST's (60000, 784), (60000,), (10000, 784), (10000,); picking test image
    0 shows its label 7 and the one-hot row with a 1 at position 7."""
    at = open_page("mnist", lang)
    text = codes(at)
    for shape in ("(60000, 784)", "(60000,)", "(10000, 784)", "(10000,)", "(60000, 10)"):
        assert shape in text, shape
    assert "t_train[0] = 5" in text  # the book's first training image is a 5
    at.segmented_control(key="mnist_split").set_value("test")
    at.run()
    at.number_input(key="mnist_index_test").set_value(0)
    at.run()
    assert_clean(at)
    text = codes(at)
    assert "t_test[0] = 7\n→ [0. 0. 0. 0. 0. 0. 0. 1. 0. 0.]" in text
    assert "(60000, 10)" not in text and "one-hot t_test.shape  (10000, 10)" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_both_loops_timed_on_the_same_images(lang, book_report):
    """Three metrics: one-by-one time, batch time, speed-up. Both loops run the same first
    1,000 images (both captions give the book network's accuracy on exactly those), and the
    caption says how many and over how many runs; at 10,000 both cover the whole test set."""
    report, t_test = book_report
    at = open_page("mnist", lang)
    labels = [m.label for m in at.metric]
    assert labels[:3] == [
        CATALOG["mnist.one_by_one"][lang],
        CATALOG["mnist.batched"][lang].format(b=100),
        CATALOG["mnist.speedup"][lang],
    ]
    assert all(m.value.endswith(" ms") for m in at.metric[:2])
    assert at.metric[2].value.endswith("×")
    captions = [c.value for c in at.caption]
    assert CATALOG["mnist.timing_same"][lang].format(n="1,000", k=5) in captions
    acc_1000 = f"{np.mean(report.y[:1000] == t_test[:1000]):.2%}"
    first = CATALOG["mnist.first_n"][lang].format(n="1,000")
    assert sum(first in c and acc_1000 in c for c in captions) == 2
    at.select_slider(key="mnist_loop_n").set_value(10000)
    at.select_slider(key="mnist_batch").set_value(10000)
    at.run()
    assert_clean(at)
    assert at.metric[1].label == CATALOG["mnist.batched"][lang].format(b=10000)
    every = CATALOG["mnist.all_n"][lang].format(n="10,000")
    assert sum(every in c.value and f"{report.accuracy:.2%}" in c.value for c in at.caption) == 2


def test_confusion_cell_picker_matches_the_matrix(book_report):
    """Choosing true 4 / predicted 9 titles the cell with the matrix's count and shows up to
    12 of those images; the default cell is the most confused pair."""
    report, _ = book_report
    resources.test_report.clear()
    at = open_page("mnist", "en", mnist_model="book")
    i, j = np.unravel_index(
        np.argmax(report.confusion - np.diag(np.diag(report.confusion))), (10, 10)
    )
    assert (at.selectbox(key="mnist_true").value, at.selectbox(key="mnist_pred").value) == (i, j)
    at.selectbox(key="mnist_true").set_value(4)
    at.selectbox(key="mnist_pred").set_value(9)
    at.run()
    assert_clean(at)
    n = int(report.confusion[4, 9])
    title = CATALOG["mnist.cell_title"]["en"].format(t=4, y=9, n=n)
    assert any(title in m.value for m in at.markdown)


def test_mistakes_gallery_most_confident_first(book_report):
    """The mistakes wait behind a switch (closed on a first visit); switched on, the mistake
    picked with the slider is the report's mistake of that rank."""
    report, _ = book_report
    at = open_page("mnist", "en", mnist_model="book")
    assert at.metric[3].value == f"{report.accuracy:.2%}"
    assert "mnist_rank" not in [s.key for s in at.slider]
    assert at.toggle(key="mnist_show_gallery").value is False
    at.toggle(key="mnist_show_gallery").set_value(True).run()
    assert_clean(at)
    for rank in (1, 24):
        at.slider(key="mnist_rank").set_value(rank)
        at.run()
        assert_clean(at)
        r = rank - 1
        m = report.mistakes
        title = CATALOG["mnist.rank_title"]["en"].format(i=m.index[r], t=m.t[r], y=m.y[r])
        charts = [c.proto.spec for c in at.get("plotly_chart")]
        assert any(title in spec for spec in charts), title


def test_selected_cell_reads_the_click_event():
    """A click on the confusion matrix arrives as a point at x = predicted, y = true (the
    shape Streamlit reports; customdata comes as a dict, so it is not used)."""
    point = {"x": 9, "y": 4, "customdata": {"0": 4, "1": 9, "2": 36}, "curve_number": 1}
    assert selected_cell({"selection": {"points": [point]}}) == (4, 9)
    assert selected_cell({"selection": {"points": [{"x": "a"}]}}) is None
    assert selected_cell({"selection": {"points": []}}) is None
    assert selected_cell(None) is None


def test_per_digit_accuracy_waits_behind_its_switch(book_report):
    """On a first visit the per-digit chart is not drawn; switched on, the book network's bars
    are lab.metrics' accuracy of each digit on the real test set."""
    report, _ = book_report
    at = open_page("mnist", "en")
    assert at.toggle(key="mnist_show_per_class").value is False
    assert not [c for c in at.get("plotly_chart") if "mnist_per_class" in c.proto.id]
    at.toggle(key="mnist_show_per_class").set_value(True).run()
    assert_clean(at)
    (spec,) = [c.proto.spec for c in at.get("plotly_chart") if "mnist_per_class" in c.proto.id]
    bars = {d["name"]: d["y"] for d in json.loads(spec)["data"]}
    book = bars[CATALOG["mnist.arch.book"]["en"]]
    if isinstance(book, dict):  # plotly's typed array
        book = np.frombuffer(base64.b64decode(book["bdata"]), dtype=book["dtype"])
    np.testing.assert_allclose(book, report.per_class)


def test_settings_survive_a_visit_elsewhere_and_reset():
    """Every control keeps what the learner set after a visit to /shapes; "reset this page"
    puts back the first visit: the training set from image 0, the default model and its most
    confused pair of digits, both switches off."""
    at = open_page("mnist", "en")
    true0 = at.selectbox(key="mnist_true").value
    first = check_kept_and_reset(
        at,
        "mnist",
        {
            "mnist_split": "test",
            "mnist_index_test": 5,
            "mnist_batch": 1000,
            "mnist_model": "book",
            "mnist_true": (true0 + 1) % 10,
            "mnist_show_gallery": True,
            "mnist_rank": 3,
            "mnist_show_per_class": True,
        },
    )
    assert (first["mnist_split"], first["mnist_index_train"]) == ("train", 0)
    assert first["mnist_model"] == "default"
    report = resources.test_report("default")[1]
    assert (first["mnist_true"], first["mnist_pred"]) == most_confused(report.confusion)
    assert first["mnist_show_gallery"] is False and first["mnist_show_per_class"] is False
    assert at.session_state["mnist_index_test"] == 0 and at.session_state["mnist_rank"] == 1
