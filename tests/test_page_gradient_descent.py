"""pages/gradient_descent.py under AppTest: the book's three runs with the book's numbers next to
the live ones, the divergence message at lr = 10, the lr = 10 stall explained, the optimizer
table against closed forms. What the page shows as it opens is read in both languages
(``opened``, tests/conftest.py); a test that moves widgets does so in one language."""

import numpy as np

from lab.descent import gradient_descent
from lab.functions2d import function_2
from tests.catalog import page_text
from tests.helpers_app import open_page, page_markdown, set_widget
from tests.helpers_settings import check_kept_and_reset
from ui.charts_gradient import fmt_point

STEM = "gradient_descent"


text = page_text(STEM)


def test_default_is_the_books_run(opened):
    """Default: x0² + x1² from (-3, 4), lr = 0.1, 100 numerical steps -> the book's
    [-6.1e-10, 8.1e-10] (live: -6.11110793e-10, 8.14814391e-10), converged from step 39
    (|x_k| = 5·0.8^k < 1e-3), and the note that this is the book's run."""
    at, lang = opened, opened.lang
    md = page_markdown(at)
    assert "`(-6.11110793e-10, 8.14814391e-10)`" in md
    assert at.success[0].value == text("v.converged", lang, step=39, p="(0, 0)", f="0")
    assert text("book_match", lang, lr="0.1", book="(-6.1e-10, 8.1e-10)") in [
        i.value for i in at.info
    ]


def test_lr_10_diverges_with_a_message():
    """lr = 10 multiplies x by -19 a step: |x| passes 1e8 at step 6 (4·19^6 = 1.9e8), the run
    stops there and says so in the language; no traceback."""
    lang = "en"
    at = open_page(STEM, lang)
    set_widget(at, "gradient_descent_lr", 10.0)
    assert at.error[0].value == text("v.diverged", lang, step=6, bound="1e+08")
    # x_6 = (-19)^6·(-3, 4) = (-141137643, 188183524) exactly; the numerical gradient is
    # already off in the 6th digit at |x| ~ 1e7, and the page shows what lab computed.
    run = gradient_descent(function_2, [-3.0, 4.0], 10.0, 100)
    np.testing.assert_allclose(run.x, [-141137643, 188183524], rtol=1e-5)
    final = text("final", lang, x=fmt_point(run.x, ".9g"), f=f"{run.loss[-1]:.6g}", steps=6)
    assert final == text("final", lang, x="(-141137328, 188183103)", f="5.53326e+16", steps=6)
    assert final in page_markdown(at)
    book = "(-2.58983747e+13, -1.29524862e+12)"
    assert text("book_unbounded", lang, lr="10", book=book) in [i.value for i in at.info]


def test_lr_1e_10_barely_moves():
    """lr = 1e-10: the book's [-2.99999994, 3.99999992]; it travelled 5·(1 - (1 - 2e-10)^100),
    about 1e-7."""
    lang = "zh"
    at = open_page(STEM, lang)
    set_widget(at, "gradient_descent_lr", 1e-10)
    assert "`(-2.99999994, 3.99999992)`" in page_markdown(at)
    warnings = [w.value for w in at.warning]
    assert text("v.barely_moved", lang, steps=100, dist="1e-07") in warnings


def test_three_lessons_side_by_side(opened):
    """The comparison panels show each live result next to the book's print, with verdicts:
    1e-10 barely moved, 0.1 converged at 39, 10 diverged at 6 (and stopped near 2.6e13)."""
    at, lang = opened, opened.lang
    md = page_markdown(at)
    book_prints = text("book_prints", lang)
    for value in ("(-2.99999994, 3.99999992)", "(-6.1e-10, 8.1e-10)"):
        assert f"{book_prints} `{value}`" in md
    assert md.count("`(-2.58983747e+13, -1.29524862e+12)`") == 2  # live and the book's
    shown = [m.value for m in (*at.success, *at.warning, *at.error)]
    assert text("vs.converged", lang, step=39) in shown
    assert text("vs.diverged", lang, step=6) in shown
    assert text("vs.barely_moved", lang, dist="1e-07") in shown


def test_stall_explained(opened):
    """lr = 10: the exact gradient reaches (-19)^100·(-3, 4) ≈ (-2.25e+128, 3e+128); the
    numerical one stops where floats are 0.0039 apart and its gradient is exactly (0, 0)."""
    at, lang = opened, opened.lang
    expected = text(
        "stall_text",
        lang,
        num="(-2.58983747e+13, -1.29524862e+12)",
        exact="(-2.25e+128, 3e+128)",
        spacing="0.0039",
        grad="(0, 0)",
    )
    assert expected in page_markdown(at)


def test_optimizer_table(opened):
    """The book's ch. 6 race: six rows; SGD (lr 0.95) after 30 steps is at the closed form
    ((1 - 0.095)^30·(-7), (1 - 1.9)^30·2) = (-0.3504, 0.08478)."""
    at, lang = opened, opened.lang
    table = at.dataframe[0].value
    assert table[text("col_opt", lang)].tolist() == [
        "SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam",
    ]  # fmt: skip
    sgd = table.iloc[0]
    assert sgd[text("col_lr", lang)] == "0.95"
    x = (1 - 0.095) ** 30 * -7, (1 - 1.9) ** 30 * 2
    assert sgd[text("col_final", lang)] == f"({x[0]:.4g}, {x[1]:.4g})" == "(-0.3504, 0.08478)"


def test_function_picker_resets_start_and_lr():
    """Picking Rosenbrock moves the start to (-1.5, 2) and lr to 0.001 (its defaults)."""
    at = open_page(STEM, "en")
    set_widget(at, "gradient_descent_fn", "rosenbrock")
    values = {w.key: w.value for w in (*at.slider, *at.select_slider)}
    assert (values["gradient_descent_x0"], values["gradient_descent_x1"]) == (-1.5, 2.0)
    assert values["gradient_descent_lr"] == 0.001


def test_empty_selections_explain_themselves():
    """No learning rate or no optimizer picked: a hint, not an error."""
    at = open_page(STEM, "zh")
    set_widget(at, "gradient_descent_lrs", [])
    set_widget(at, "gradient_descent_opts", [])
    infos = [i.value for i in at.info]
    assert text("no_lr", "zh") in infos and text("no_opt", "zh") in infos


def test_settings_survive_a_visit_elsewhere_and_reset():
    """Every control keeps what the learner set after a visit to /shapes; "reset this page"
    puts back the book's run (x0² + x1² from (-3, 4), lr 0.1, 100 numerical steps); after the
    reset, picking Rosenbrock still moves the start and lr to Rosenbrock's (-1.5, 2), 0.001."""
    at = open_page(STEM, "en")
    first = check_kept_and_reset(
        at,
        STEM,
        {
            "gradient_descent_fn": "himmelblau",
            "gradient_descent_x0": 2.0,
            "gradient_descent_steps": 50,
            "gradient_descent_grad": "exact",
            "gradient_descent_lrs": [0.1],
            "gradient_descent_opt_fn": "function_2",
            "gradient_descent_opt_steps": 60,
        },
    )
    assert first["gradient_descent_fn"] == "function_2"
    assert (first["gradient_descent_x0"], first["gradient_descent_x1"]) == (-3.0, 4.0)
    assert (first["gradient_descent_lr"], first["gradient_descent_steps"]) == (0.1, 100)
    assert first["gradient_descent_opt_fn"] == "stretched"
    assert (first["gradient_descent_opt_x0"], first["gradient_descent_opt_x1"]) == (-7.0, 2.0)
    assert "`(-6.11110793e-10, 8.14814391e-10)`" in page_markdown(at)  # the book's run again
    set_widget(at, "gradient_descent_fn", "rosenbrock")
    start = (at.slider(key="gradient_descent_x0").value, at.slider(key="gradient_descent_x1").value)
    assert start == (-1.5, 2.0)
    assert at.select_slider(key="gradient_descent_lr").value == 0.001
