"""Tests for lab.inference: the book's two loops count the same answers with the calls they
claim, and their timings are the clock's advance over the loop."""

from types import SimpleNamespace

import numpy as np
import pytest

from lab.inference import InferenceRun, infer_batched, infer_one_by_one, median_run, speedup


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


@pytest.mark.parametrize("bad", [0, -1, 2.5])
def test_batched_refuses_bad_batch_size(bad):
    """A batch size must be a positive integer."""
    with pytest.raises(ValueError, match="batch_size"):
        infer_batched(_lookup_predict, np.zeros((3, 1)), np.zeros(3, int), bad)


def test_seconds_time_the_whole_loop(monkeypatch):
    """``seconds`` is the clock's advance over the loop: with a clock that ticks once per
    predict call, the loop takes N = 10 ticks, batches of 4 take ceil(10 / 4) = 3, and the
    speed-up per image is 10 / 3."""
    ticks = 0

    def predict(x):
        nonlocal ticks
        ticks += 1
        return _lookup_predict(x)

    monkeypatch.setattr("lab.inference.time", SimpleNamespace(perf_counter=lambda: ticks))
    x, t = np.zeros((10, 1)), np.zeros(10, int)
    loop, batch = infer_one_by_one(predict, x, t), infer_batched(predict, x, t, 4)
    assert (loop.seconds, batch.seconds) == (10, 3)
    assert (loop.per_image, batch.per_image) == (1.0, 0.3)
    assert speedup(loop, batch) == pytest.approx(10 / 3)


def test_median_run_keeps_the_answers_and_the_median_time():
    """Times 3, 1, 2 (one slow outlier first) give the median 2; n and correct are kept."""
    times = iter([3.0, 1.0, 2.0])
    run = median_run(lambda: InferenceRun(500, 10, 450, next(times)), 3)
    assert run == InferenceRun(500, 10, 450, 2.0)
    with pytest.raises(ValueError, match="repeats"):
        median_run(lambda: InferenceRun(1, 1, 1, 1.0), 0)
