"""pages/softmax_loss.py under AppTest: what a learner types and clicks. Messages are read in
both languages; a test that moves widgets to check numbers does so in one."""

import math

import pytest

from lab.softmax_loss import softmax_decision
from tests.catalog import page_text
from tests.helpers_app import assert_clean, open_page

STEM = "softmax_loss"


text = page_text(STEM)


def page_text(at) -> str:
    """Everything written as markdown, captions, warnings and table cells."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [w.value for w in at.warning] + [s.value for s in at.success]
    for df in [*at.dataframe, *at.table]:
        parts.append(df.value.to_string())
    return "\n".join(parts)


def table_with(at, column: str):
    """The value of the page's table (st.table) that has this column."""
    return next(tb.value for tb in at.table if column in tb.value.columns)


BAD_LOGITS = [  # typed, the message's key, its fields
    ("1, two, 3", "number", {"token": "` two `"}),  # typed text: a literal code span
    ("", "empty", {}),
    ("7", "count", {"token": "1", "max": 20}),
    ("1, nan", "finite", {"token": "` nan `"}),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bad_logits_explain_in_the_language(lang):
    """Unreadable scores, typed one after the other, each give their warning in the page's
    language, no traceback, and the rest of the page still renders."""
    at = open_page(STEM, lang)
    for typed, reason, fmt in BAD_LOGITS:
        at.text_input(key="softmax_loss_logits").input(typed).run()
        assert_clean(at, typed)
        warnings = [w.value for w in at.warning]
        assert text(f"bad_logits.{reason}", lang, **fmt) in warnings, typed
        assert at.slider(key="softmax_loss_p").value == 0.6  # later sections still drawn


def test_typed_markdown_is_shown_literally():
    """A score typed as a Markdown image (which the browser would fetch) or a link is echoed
    inside a code span, so it shows as typed; issue 11."""
    at = open_page(STEM, "en")
    for typed in ("![x](http://host/img.png)", "1, [a](http://host), 2"):
        at.text_input(key="softmax_loss_logits").input(typed).run()
        assert_clean(at, typed)
        token = typed.split(", ")[1] if "," in typed else typed
        expected = text("bad_logits.number", "en", token=f"` {token} `")
        assert expected in [w.value for w in at.warning]


def test_decision_follows_the_typed_scores():
    """The decision box names the class with the largest score, with its probability."""
    lang = "zh"
    at = open_page(STEM, lang)
    assert text("pipe_decision_body", lang, k=2, p=0.73659691) in page_text(at)
    at.text_input(key="softmax_loss_logits").input("5, -1, 0, 2").run()
    assert_clean(at)
    body = page_text(at)
    y, k = softmax_decision([5, -1, 0, 2])
    assert k == 0 and text("pipe_decision_body", lang, k=0, p=y[0]) in body


def test_sigmoid_comparison_reports_sums():
    """With the sigmoid toggle on, the caption gives the softmax sum 1 and the sigmoid sum."""
    at = open_page(STEM, "en")
    at.toggle(key="softmax_loss_sigmoid").set_value(True).run()
    assert_clean(at)
    sig = sum(1 / (1 + math.exp(-a)) for a in (0.3, 2.9, 4.0))  # the book's scores
    assert text("sums", "en", soft=1.0, sig=sig) in page_text(at)


def test_overflow_table_shows_nan_then_agreement():
    """c = 1000 (the book's [1010, 1000, 990]): naive is nan and the page says why; c = 600:
    no overflow, and the two columns agree."""
    lang = "en"
    at = open_page(STEM, lang)
    naive, stable = text("col_naive", lang), text("col_stable", lang)
    table = table_with(at, naive)
    assert list(table[naive]) == ["nan"] * 3
    assert table[stable][0] == "0.99995"
    assert text("overflow_yes", lang, a=1010.0, limit=709.782712893384) in page_text(at)
    at.slider(key="softmax_loss_shift").set_value(600).run()
    table = table_with(at, naive)
    assert list(table[naive]) == list(table[stable])
    assert at.success


def test_book_loss_values_are_shown():
    """The loss table shows numbers for a person: the book's digits where the book prints a
    value (0.0975, not 0.09750000000000003), else 7 significant digits (0.0195, not
    0.019500000000000007); the book's column shows what the book prints."""
    lang = "zh"
    at = open_page(STEM, lang)

    def columns():
        table = table_with(at, text("col_value", lang))
        return list(table[text("col_value", lang)]), list(table[text("col_book", lang)])

    # rows: mse, sse, cross entropy (one-hot), (label), the book's log(y + 1e-7)
    assert columns() == (
        ["0.0195", "0.0975", "0.5108256", "0.5108256", "0.510825457099338"],
        ["", "0.0975", "", "", "0.510825457099338"],
    )
    at.radio(key="softmax_loss_example").set_value("wrong").run()
    assert columns()[0] == ["0.1195", "0.5975", "2.302585", "2.302585", "2.302584092994546"]
    at.radio(key="softmax_loss_example").set_value("batch").run()
    assert columns() == (["0.0695", "0.695", "1.406705", "1.406705", "1.406705"], [""] * 5)


def test_loss_metrics_at_p_zero_show_the_guard():
    """p = 0: cross entropy shows the guarded maximum 708.3964, not inf."""
    at = open_page(STEM, "en")
    at.slider(key="softmax_loss_p").set_value(0.0).run()
    assert_clean(at)
    values = {m.label: m.value for m in at.metric}
    assert values[text("metric.ce", "en")] == "708.3964"
    assert values[text("metric.sse", "en")] == "0.5556"


def test_mini_batch_is_seeded_and_redraws():
    """The batch depends only on the seed; "draw another batch" moves to the next seed."""
    at = open_page(STEM, "zh")
    first = at.dataframe[-1].value
    assert len(first) == 10 and (first.iloc[:, 2:].sum(axis=1) == 1).all()
    at.button(key="softmax_loss_redraw").click().run()
    assert at.number_input(key="softmax_loss_seed").value == 1
    second = at.dataframe[-1].value
    assert not first.equals(second)
    at.number_input(key="softmax_loss_seed").set_value(0).run()
    assert at.dataframe[-1].value.equals(first)
    at.slider(key="softmax_loss_batch").set_value(32).run()
    assert len(at.dataframe[-1].value) == 32
    assert "(32, 784)" in page_text(at) and "(32, 10)" in page_text(at)
