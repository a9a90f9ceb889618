"""Tests for lab.metrics: confusion matrix, per-digit accuracy, the most confused pair and
the mistakes, against hand-worked counts and a naive loop."""

import numpy as np
import pytest

from lab.metrics import (
    cell_indices,
    confusion_matrix,
    evaluate,
    most_confused,
    per_class_accuracy,
)

# Hand-worked: t = [0, 0, 1, 2, 2, 2], y = [0, 1, 1, 2, 0, 2]
# digit 0: one right, one called 1; digit 1: right; digit 2: two right, one called 0.
T = np.array([0, 0, 1, 2, 2, 2])
Y = np.array([0, 1, 1, 2, 0, 2])


def test_confusion_matrix_hand_worked():
    """cm[i, j] counts true i predicted j; rows sum to the class counts, total to N."""
    cm = confusion_matrix(T, Y)
    expected = np.zeros((10, 10), int)
    expected[0, 0] = expected[0, 1] = expected[1, 1] = expected[2, 0] = 1
    expected[2, 2] = 2
    np.testing.assert_array_equal(cm, expected)
    assert cm.sum() == len(T)
    np.testing.assert_array_equal(cm.sum(axis=1)[:3], [2, 1, 3])


def test_confusion_matrix_matches_naive_loop(rng):
    """Equal to counting pair by pair, for random labels."""
    t, y = rng.integers(0, 10, 500), rng.integers(0, 10, 500)
    naive = np.zeros((10, 10), int)
    for a, b in zip(t, y, strict=True):
        naive[a, b] += 1
    np.testing.assert_array_equal(confusion_matrix(t, y), naive)


def test_per_class_accuracy_hand_worked_and_nan_for_absent_digits():
    """Digit 0: 1/2, digit 1: 1/1, digit 2: 2/3; digits never seen: NaN (no 0/0 warning)."""
    acc = per_class_accuracy(confusion_matrix(T, Y))
    np.testing.assert_allclose(acc[:3], [0.5, 1.0, 2 / 3])
    assert np.all(np.isnan(acc[3:]))


def test_cell_indices_picks_one_confusion_cell():
    """Images of true 2 predicted 0 are exactly position 4."""
    np.testing.assert_array_equal(cell_indices(T, Y, 2, 0), [4])
    np.testing.assert_array_equal(cell_indices(T, Y, 2, 2), [3, 5])
    assert cell_indices(T, Y, 9, 9).size == 0


def test_evaluate_report_and_mistakes_most_confident_first():
    """Accuracy is mean(y == t); mistakes are the wrong ones, sorted by p(wrong answer)."""
    proba = np.full((6, 10), 0.01)
    for i, (y, p) in enumerate(zip(Y, [0.9, 0.6, 0.9, 0.9, 0.8, 0.9], strict=True)):
        proba[i, y] = p
    proba[1, 0] = 0.3  # the true digit's share for mistake #1
    proba /= proba.sum(axis=1, keepdims=True)
    rep = evaluate(proba, T)
    np.testing.assert_array_equal(rep.y, Y)
    assert rep.accuracy == pytest.approx(4 / 6)
    np.testing.assert_array_equal(rep.mistakes.index, [4, 1])  # 0.8 beats 0.6
    np.testing.assert_array_equal(rep.mistakes.t, [2, 0])
    np.testing.assert_array_equal(rep.mistakes.y, [0, 1])
    assert np.all(rep.mistakes.p_y > rep.mistakes.p_t)
    np.testing.assert_allclose(rep.mistakes.p_y, proba[[4, 1], [0, 1]])


@pytest.mark.parametrize(
    ("t", "y", "match"),
    [
        (np.array([[0, 1]]), np.array([0, 1]), "1-D array"),
        (np.array([0, 10]), np.array([0, 1]), r"in \[0, 10\)"),
        (np.array([0.0, 1.0]), np.array([0, 1]), "integer labels"),
        (np.array([0, 1, 2]), np.array([0, 1]), "same shape"),
    ],
)
def test_confusion_matrix_refuses_bad_labels(t, y, match):
    """Bad labels raise ValueError saying what was expected."""
    with pytest.raises(ValueError, match=match):
        confusion_matrix(t, y)


def test_most_confused_is_the_largest_off_diagonal_cell():
    """The diagonal never wins, however large; ties go to the first cell in row order."""
    cm = np.diag(np.full(10, 1000))
    cm[3, 5] = cm[7, 1] = 12
    cm[4, 9] = 11
    assert most_confused(cm) == (3, 5)
    assert most_confused(np.diag(np.full(10, 5))) == (0, 1)
