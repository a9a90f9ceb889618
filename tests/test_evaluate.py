"""Tests for lab.evaluate: confusion matrix, per-digit accuracy, mistakes, the book's two
inference loops, and the MLP inspection helpers."""

import numpy as np
import pytest

from lab.evaluate import (
    InferenceRun,
    cell_indices,
    confusion_matrix,
    evaluate,
    feature_maps,
    hidden_activations,
    infer_batched,
    infer_one_by_one,
    median_run,
    mosaic,
    most_confused,
    per_class_accuracy,
    read_digit,
    speedup,
    unit_weights,
)
from lab.network import MultiLayerNet, Net

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


def _lookup_predict(x):
    """A fake classifier: the 'image' is one number, the class it names gets score 1."""
    scores = np.zeros((len(x), 10))
    scores[np.arange(len(x)), x[:, 0].astype(int)] = 1.0
    return scores


@pytest.mark.parametrize("batch_size", [1, 3, 7, 100])
def test_loops_count_the_same_correct_answers(batch_size):
    """One by one and batched give the same count, whatever the batch size (last one short)."""
    x = np.array([[0], [1], [2], [3], [4], [5], [6], [7], [8], [9]], float)
    t = np.array([0, 1, 2, 3, 4, 5, 6, 7, 0, 0])  # 8 right
    loop = infer_one_by_one(_lookup_predict, x, t)
    batch = infer_batched(_lookup_predict, x, t, batch_size)
    assert (loop.correct, loop.n, loop.batch_size) == (8, 10, 1)
    assert (batch.correct, batch.n, batch.batch_size) == (8, 10, batch_size)
    assert loop.accuracy == batch.accuracy == 0.8
    assert loop.seconds > 0 and batch.seconds > 0


def test_loops_count_calls():
    """The loop calls predict N times; batches call it ceil(N / batch_size) times."""
    calls = []

    def predict(x):
        calls.append(len(x))
        return _lookup_predict(x)

    x, t = np.zeros((10, 1)), np.zeros(10, int)
    infer_one_by_one(predict, x, t)
    assert calls == [1] * 10
    calls.clear()
    infer_batched(predict, x, t, 4)
    assert calls == [4, 4, 2]


def test_speedup_is_per_image():
    """2 s for 1000 images vs 0.1 s for 10000 images is 200x per image."""
    slow = InferenceRun(1000, 1, 900, 2.0)
    fast = InferenceRun(10000, 100, 9000, 0.1)
    assert speedup(slow, fast) == pytest.approx(200.0)
    assert slow.per_image == pytest.approx(0.002)


def test_median_run_keeps_the_answers_and_the_median_time():
    """Times 3, 1, 2 (one slow outlier first) give the median 2; n and correct are kept."""
    times = iter([3.0, 1.0, 2.0])
    run = median_run(lambda: InferenceRun(500, 10, 450, next(times)), 3)
    assert run == InferenceRun(500, 10, 450, 2.0)
    with pytest.raises(ValueError, match="repeats"):
        median_run(lambda: InferenceRun(1, 1, 1, 1.0), 0)


@pytest.mark.parametrize("bad", [0, -1, 2.5])
def test_batched_refuses_bad_batch_size(bad):
    """A batch size must be a positive integer."""
    with pytest.raises(ValueError, match="batch_size"):
        infer_batched(_lookup_predict, np.zeros((3, 1)), np.zeros(3, int), bad)


def test_hidden_activations_and_unit_weights_of_book_mlp(rng):
    """Book MLP: z1 (50,) and z2 (100,) in (0, 1) equal sigmoid(x W1 + b1) etc.; unit j's
    weights are column j of W1 as 28x28."""
    net = MultiLayerNet(784, [50, 100], 10, rng=rng, activation="sigmoid")
    x = rng.random(784)
    acts = hidden_activations(net, x.reshape(28, 28))
    assert [(name, a.shape) for name, a in acts] == [("Sigmoid1", (50,)), ("Sigmoid2", (100,))]
    p = net.params
    z1 = 1 / (1 + np.exp(-(x @ p["W1"] + p["b1"])))
    z2 = 1 / (1 + np.exp(-(z1 @ p["W2"] + p["b2"])))
    np.testing.assert_allclose(acts[0][1], z1, rtol=1e-12)
    np.testing.assert_allclose(acts[1][1], z2, rtol=1e-12)
    w = unit_weights(net, 7)
    assert w.shape == (28, 28)
    np.testing.assert_array_equal(w.ravel(), p["W1"][:, 7])
    with pytest.raises(ValueError, match=r"unit in \[0, 50\)"):
        unit_weights(net, 50)


def test_most_confused_is_the_largest_off_diagonal_cell():
    """The diagonal never wins, however large; ties go to the first cell in row order."""
    cm = np.diag(np.full(10, 1000))
    cm[3, 5] = cm[7, 1] = 12
    cm[4, 9] = 11
    assert most_confused(cm) == (3, 5)
    assert most_confused(np.diag(np.full(10, 5))) == (0, 1)


class _Fixed:
    """A stand-in model that always answers with the same probabilities."""

    def __init__(self, proba):
        self.proba = np.asarray(proba, float)

    def predict_proba(self, x):
        assert np.asarray(x).shape == (28, 28)  # the pipeline hands over one MNIST image
        return self.proba[None, :]


def test_read_digit_runs_the_pipeline_then_the_model():
    """Ink: digit = argmax of the model's probabilities, steps filled in; no ink: all None."""
    proba = np.full(10, 0.05)
    proba[7] = 0.55
    img = np.zeros((280, 280, 4), np.uint8)
    img[40:240, 130:150] = 255
    r = read_digit(_Fixed(proba), img)
    assert r.digit == 7
    np.testing.assert_array_equal(r.proba, proba)
    assert r.steps.centred28.shape == (28, 28)
    empty = read_digit(_Fixed(proba), np.zeros((280, 280, 4), np.uint8))
    assert (empty.digit, empty.proba, empty.steps.centred28) == (None, None, None)


def test_mosaic_places_each_map_and_leaves_nan_gaps():
    """Five 2x3 maps, 2 per row: 3 rows; map k at block (k // 2, k % 2); gaps and the missing
    sixth map are NaN; values are not rescaled."""
    maps = np.arange(5 * 2 * 3, dtype=float).reshape(5, 2, 3) - 7
    out = mosaic(maps, 2)
    assert out.shape == (3 * 3 - 1, 2 * 4 - 1)
    for k in range(5):
        r, q = divmod(k, 2)
        np.testing.assert_array_equal(out[r * 3 : r * 3 + 2, q * 4 : q * 4 + 3], maps[k])
    assert np.isnan(out[2]).all() and np.isnan(out[:, 3]).all()  # the gap row and column
    assert np.isnan(out[6:, 4:]).all()  # no sixth map
    assert np.nansum(out) == maps.sum()
    assert mosaic(maps, 10).shape == (2, 5 * 4 - 1)  # cols capped at the number of maps
    assert mosaic(maps[:1], 3, pad=0).shape == (2, 3)


@pytest.mark.parametrize(
    ("maps", "cols", "pad"),
    [
        (np.zeros((2, 2)), 1, 1),
        (np.zeros((0, 2, 2)), 1, 1),
        (np.zeros((1, 2, 2)), 0, 1),
        (np.zeros((1, 2, 2)), 1, -1),
    ],
)
def test_mosaic_refuses_bad_input(maps, cols, pad):
    with pytest.raises(ValueError, match="expected"):
        mosaic(maps, cols, pad)


def test_feature_maps_are_the_conv_blocks_outputs(rng):
    """A small conv net: the ReLU outputs after each block, for one image, equal a manual
    forward pass through the layers; a fully connected net is refused with a message."""
    net = Net(
        (1, 28, 28),
        [
            {"type": "conv", "filters": 4, "size": 3, "pad": 1},
            {"type": "pool", "size": 2},
            {"type": "relu"},
            {"type": "conv", "filters": 6, "size": 3, "pad": 1},
            {"type": "pool", "size": 2},
            {"type": "relu"},
            {"type": "affine", "out": 10},
        ],
        rng=rng,
    )
    x = rng.random((28, 28))
    maps = feature_maps(net, x)
    assert [(n, m.shape) for n, m in maps] == [("Relu1", (4, 14, 14)), ("Relu2", (6, 7, 7))]
    h = x.reshape(1, 1, 28, 28)
    expected = []
    for name, layer in net.layers.items():
        h = layer.forward(h)
        if name.startswith("Relu"):
            expected.append(h[0])
    for (_, got), want in zip(maps, expected, strict=True):
        np.testing.assert_allclose(got, want)
        assert (got >= 0).all()
    mlp = Net((784,), [{"type": "affine", "out": 10}], rng=rng)
    with pytest.raises(ValueError, match="convolutional networks only"):
        feature_maps(mlp, x)
