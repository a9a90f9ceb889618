"""lab.softmax_loss: the book's printed values, the overflow and its fix, loss curves, batches."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lab import softmax_loss as S
from lab.losses import LOG_GUARD


def test_parse_logits_reads_what_people_type():
    """Commas, spaces, Chinese commas and a typographic minus all separate / sign numbers."""
    np.testing.assert_array_equal(S.parse_logits("0.3, 2.9, 4.0"), [0.3, 2.9, 4.0])
    np.testing.assert_array_equal(S.parse_logits(" 1 2\t3 "), [1, 2, 3])
    np.testing.assert_array_equal(S.parse_logits("1，−2、3;1e3"), [1, -2, 3, 1000])


@pytest.mark.parametrize(
    ("text", "reason", "token"),
    [
        ("", "empty", ""),
        (" , ", "empty", ""),
        ("1, abc, 3", "number", "abc"),
        ("1, inf", "finite", "inf"),
        ("nan, 1", "finite", "nan"),
        ("5", "count", "1"),
        (", ".join(["1"] * 21), "count", "21"),
    ],
)
def test_parse_logits_rejects_with_a_reason(text, reason, token):
    """Unreadable input raises LogitsError (a ValueError) naming the reason and the piece."""
    with pytest.raises(ValueError) as info:
        S.parse_logits(text)
    assert isinstance(info.value, S.LogitsError)
    assert (info.value.reason, info.value.token) == (reason, token)


def test_exp_overflow_threshold():
    """EXP_OVERFLOW is where float64 exp stops being finite: exp(709.78) < inf == exp(709.79)."""
    assert np.isfinite(np.exp(S.EXP_OVERFLOW - 1e-9))
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(S.EXP_OVERFLOW + 1e-2))
    assert S.EXP_OVERFLOW == pytest.approx(709.782712893384)


def test_naive_softmax_overflows_on_the_books_example():
    """The book's [1010, 1000, 990]: naive gives nan (inf/inf) silently, stable is finite."""
    y = S.naive_softmax([1010, 1000, 990])
    assert np.all(np.isnan(y))
    steps = S.softmax_steps([1010, 1000, 990])
    assert steps["overflow"] and np.all(np.isinf(steps["exp_a"]))
    np.testing.assert_array_equal(steps["shifted"], [0, -10, -20])
    # exp(0) / (1 + e^-10 + e^-20), worked by hand
    expected = np.exp([0, -10, -20]) / np.sum(np.exp([0, -10, -20]))
    np.testing.assert_allclose(steps["stable"], expected, rtol=1e-15)


def test_naive_matches_stable_below_the_threshold():
    """Where nothing overflows the two formulas agree (book §3.5.2: same result, no overflow)."""
    a = [0.3, 2.9, 4.0]
    steps = S.softmax_steps(a)
    assert not steps["overflow"]
    np.testing.assert_allclose(steps["naive"], steps["stable"], rtol=1e-15)
    # the book prints [0.01821127 0.24519181 0.73659691]
    np.testing.assert_allclose(steps["stable"], [0.01821127, 0.24519181, 0.73659691], atol=5e-9)


@given(
    st.lists(st.floats(-1e3, 1e3), min_size=2, max_size=20),
    st.floats(0.05, 20),
)
def test_softmax_decision_sums_to_one_and_keeps_argmax(a, temperature):
    """Any temperature: probabilities sum to 1, and the decision is argmax of the scores."""
    y, k = S.softmax_decision(a, temperature)
    assert y.sum() == pytest.approx(1.0)
    assert y[k] == y.max()
    assert y[int(np.argmax(a))] == y.max()  # ties in float may pick another equal index


def test_temperature_sharpens_and_flattens():
    """T → 0 approaches one-hot; T large approaches uniform; T = 1 is plain softmax."""
    a = S.BOOK_LOGITS
    cold, _ = S.softmax_decision(a, 0.05)
    hot, _ = S.softmax_decision(a, 1000)
    plain, _ = S.softmax_decision(a, 1.0)
    np.testing.assert_allclose(cold, [0, 0, 1], atol=1e-9)
    np.testing.assert_allclose(hot, [1 / 3] * 3, atol=1e-3)
    np.testing.assert_allclose(plain, S.softmax_steps(a)["stable"])
    for bad in (0.0, -1.0, math.inf, math.nan):
        with pytest.raises(ValueError, match="temperature"):
            S.softmax_decision(a, bad)


def test_sigmoid_outputs_are_independent_softmax_competes():
    """Sigmoid of each score does not sum to 1; softmax does (the blog's table)."""
    out = S.sigmoid_vs_softmax([2.0, 2.0, 2.0])
    assert out["sigmoid_sum"] == pytest.approx(3 / (1 + math.exp(-2)))
    assert out["softmax_sum"] == pytest.approx(1.0)
    np.testing.assert_allclose(out["softmax"], [1 / 3] * 3)
    hot = S.sigmoid_vs_softmax([2.0, 4.0], temperature=2.0)  # same as T = 1 on [1, 2]
    np.testing.assert_allclose(hot["sigmoid"], 1 / (1 + np.exp(-np.array([1.0, 2.0]))))
    np.testing.assert_allclose(hot["softmax"], S.softmax_decision([1.0, 2.0])[0])


def test_book_losses_print_the_books_digits():
    """Book §4.2: SSE 0.0975 / 0.5975; CE 0.510825457099338 / 2.302584092994546 (with 1e-7)."""
    right = S.book_losses(S.BOOK_Y_RIGHT, S.BOOK_T)
    wrong = S.book_losses(S.BOOK_Y_WRONG, S.BOOK_T)
    assert right["sse"] == pytest.approx(0.0975, abs=1e-15)
    assert wrong["sse"] == pytest.approx(0.5975, abs=1e-15)
    assert right["ce_book"] == 0.510825457099338
    assert wrong["ce_book"] == 2.302584092994546
    for case, got in (("right", right), ("wrong", wrong)):
        for key, printed in S.BOOK_PRINTS[case].items():
            assert got[key] == pytest.approx(printed, abs=1e-15)
    assert right["ce_onehot"] == right["ce_label"] == pytest.approx(-math.log(0.6), rel=1e-15)
    assert wrong["ce_onehot"] == wrong["ce_label"] == pytest.approx(-math.log(0.1), rel=1e-15)
    # the usual MSE (the blog's) is the mean of the 10 squared differences: 2 * SSE / 10
    assert right["mse"] == pytest.approx(0.0195)
    assert wrong["mse"] == pytest.approx(0.1195)


def test_book_losses_on_a_batch():
    """A batch of both: cross entropy is the mean, SSE the sum, labels and one-hot agree."""
    both = S.book_losses([S.BOOK_Y_RIGHT, S.BOOK_Y_WRONG], [S.BOOK_T, S.BOOK_T])
    assert both["ce_label"] == pytest.approx((-math.log(0.6) - math.log(0.1)) / 2)
    assert both["ce_onehot"] == pytest.approx(both["ce_label"], rel=1e-15)
    assert both["sse"] == pytest.approx(0.0975 + 0.5975)
    assert both["mse"] == pytest.approx((0.0195 + 0.1195) / 2)


def test_probs_with_true_rows_sum_to_one():
    """p on the true class, (1 − p) / 9 on each other class; every row sums to 1."""
    ys = S.probs_with_true([0.0, 0.6, 1.0], label=2)
    np.testing.assert_allclose(ys.sum(axis=1), 1.0)
    np.testing.assert_allclose(ys[:, 2], [0.0, 0.6, 1.0])
    np.testing.assert_allclose(ys[1, 0], 0.4 / 9)
    assert S.probs_with_true(0.5, 0).shape == (10,)
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        S.probs_with_true([1.5], 0)
    with pytest.raises(ValueError, match="label"):
        S.probs_with_true([0.5], 10)


def test_loss_curves_closed_forms():
    """CE = −log p (guarded at 0 by LOG_GUARD); SSE = ½[(1−p)² + 9((1−p)/9)²]; MSE = SSE / 5."""
    p = np.linspace(0, 1, 11)
    curves = S.loss_curves(p)
    sse = 0.5 * ((1 - p) ** 2 + 9 * ((1 - p) / 9) ** 2)
    np.testing.assert_allclose(curves["sse"], sse, atol=1e-15)
    np.testing.assert_allclose(curves["mse"], sse / 5, atol=1e-15)
    np.testing.assert_allclose(curves["ce"][1:], -np.log(p[1:]), atol=1e-15)
    assert curves["ce"][0] == pytest.approx(S.CE_CAP) == pytest.approx(-math.log(LOG_GUARD))
    assert curves["ce"][-1] == 0.0 and not np.signbit(curves["ce"][-1])
    # the book's + 1e-7 caps the loss at −log 1e-7 ≈ 16.1 instead
    assert curves["ce_book"][0] == pytest.approx(-math.log(1e-7))
    np.testing.assert_allclose(curves["ce_book"][1:], -np.log(p[1:] + 1e-7), atol=1e-15)
    assert np.all(np.diff(curves["ce"]) < 0) and np.all(np.diff(curves["sse"]) < 0)


def test_sample_batch_is_seeded_and_in_range():
    """The same seed gives the same indices, all inside the training set."""
    a = S.sample_batch(60000, 10, np.random.default_rng(7))
    b = S.sample_batch(60000, 10, np.random.default_rng(7))
    np.testing.assert_array_equal(a, b)
    assert a.shape == (10,) and a.min() >= 0 and a.max() < 60000
    with pytest.raises(ValueError, match="batch_size"):
        S.sample_batch(60000, 0, np.random.default_rng(0))
