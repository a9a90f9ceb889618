"""lab.live_training: sliced training is reproducible, stoppable, and saves a loadable model."""

import io
import json
import time

import numpy as np
import pytest

from lab.live_training import ARCH, SUGGESTED_LR, TrainingConfig, TrainingRun
from lab.network import Net
from lab.optimizers import OPTIMIZERS


@pytest.fixture(scope="module")
def data():
    """A small, learnable stand-in for MNIST: 10 noisy prototypes of 784 pixels in [0, 1]."""
    rng = np.random.default_rng(1)
    protos = rng.random((10, 784))
    t = rng.integers(0, 10, 600)
    x = np.clip(protos[t] + 0.3 * rng.standard_normal((600, 784)), 0, 1)
    return x[:500], t[:500], x[500:], t[500:]


def finish(run, seconds):
    while run.running:
        run.advance(seconds)
    return run


def test_slices_do_not_change_the_result(data):
    """The same config trained in tiny slices or in one go gives bit-identical weights."""
    cfg = TrainingConfig(hidden_size=8, epochs=2, batch_size=50, train_size=500, seed=3)
    a = finish(TrainingRun(cfg, *data), 0.0)  # one mini-batch per slice
    b = finish(TrainingRun(cfg, *data), 60.0)
    assert a.state == b.state == "finished"
    assert a.iteration == a.iterations == 2 * 10
    for k in a.network.params:
        np.testing.assert_array_equal(a.network.params[k], b.network.params[k])
    assert a.loss == b.loss and a.test_acc == b.test_acc


def test_history_and_learning(data):
    """Loss per mini-batch, accuracy before training and after each epoch; it learns."""
    cfg = TrainingConfig(hidden_size=16, epochs=5, batch_size=50, train_size=500, lr=1.0)
    run = TrainingRun(cfg, *data)
    assert run.progress == 0 and len(run.test_acc) == 1
    finish(run, 60.0)
    assert run.progress == 1 and run.epoch == 5
    assert len(run.loss) == 50 and len(run.train_acc) == len(run.test_acc) == 6
    assert run.loss[0] == pytest.approx(np.log(10), abs=0.05)  # 0.01-std weights: ~uniform
    assert run.test_acc[-1] > 0.8 and not run.loss_went_up


def test_loss_curve_averages_windows(data):
    """Short runs plot every loss; long ones average windows, the last one possibly shorter."""
    run = TrainingRun(TrainingConfig(hidden_size=8, train_size=500), *data)
    run.loss = [1.0, 2.0, 3.0, 4.0, 5.0]
    ends, means = run.loss_curve(max_points=10)
    np.testing.assert_array_equal(ends, [1, 2, 3, 4, 5])
    np.testing.assert_array_equal(means, [1, 2, 3, 4, 5])
    ends, means = run.loss_curve(max_points=2)  # windows of 3: [1, 2, 3], [4, 5]
    np.testing.assert_array_equal(ends, [3, 5])
    np.testing.assert_array_equal(means, [2.0, 4.5])
    run.loss = []
    assert len(run.loss_curve()[0]) == 0


def test_config_counts_iterations():
    """epochs · ceil(N / batch): 10 · ceil(10000 / 100) = 1000; a partial last batch counts."""
    assert TrainingConfig().iterations == 1000
    assert TrainingConfig(train_size=1001, batch_size=100, epochs=2).iterations == 22


def test_stop_keeps_what_was_learnt(data):
    """stop() ends the run after the current mini-batch; advance() then does nothing."""
    run = TrainingRun(TrainingConfig(hidden_size=8, epochs=5, train_size=500), *data)
    run.advance(0.0)
    run.stop()
    assert run.state == "stopped" and run.iteration == 1
    run.advance(10.0)
    assert run.iteration == 1 and len(run.loss) == 1


def test_far_too_large_learning_rate_is_noticed(data):
    """lr = 1000: the loss rises above its start (or becomes nan: then the run is "diverged")."""
    cfg = TrainingConfig(hidden_size=8, epochs=3, batch_size=50, train_size=500, lr=1000.0)
    run = finish(TrainingRun(cfg, *data), 60.0)
    assert run.loss_went_up or run.state == "diverged"


def test_nan_loss_marks_the_run_diverged(data):
    """A non-finite loss ends the run as "diverged", without a numpy warning escaping."""
    run = TrainingRun(TrainingConfig(hidden_size=8, train_size=500), *data)
    run.network.params["W2"][...] = np.nan
    run.advance(60.0)
    assert run.state == "diverged" and np.isnan(run.loss[-1])


def test_model_and_npz_round_trip(data):
    """model() predicts like the network; npz_bytes() rebuilds (Net(**config)) to the same
    weights and probabilities, is deterministic, and records the run."""
    cfg = TrainingConfig(hidden_size=8, epochs=1, train_size=500)
    run = finish(TrainingRun(cfg, *data), 60.0)
    model = run.model()
    x_test = data[2]
    proba = model.predict_proba(x_test)
    assert proba.shape == (100, 10)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    np.testing.assert_array_equal(model.predict(x_test), np.argmax(run.network.predict(x_test), 1))

    blob = run.npz_bytes()
    assert blob == run.npz_bytes()
    with np.load(io.BytesIO(blob), allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    meta = json.loads(str(arrays.pop("__meta__")))
    assert meta["arch"] == ARCH and meta["hidden_size"] == 8 and meta["seed"] == 0
    assert meta["test_acc"] == run.test_acc[-1] and meta["state"] == "finished"
    rebuilt = Net(**meta["config"], rng=np.random.default_rng(99))
    assert set(arrays) == set(rebuilt.params)
    for k, v in arrays.items():
        rebuilt.params[k][...] = v
    np.testing.assert_array_equal(rebuilt.predict(x_test), run.network.predict(x_test))


def test_accuracy_is_measured_on_at_most_eval_samples(data, monkeypatch):
    """Epoch accuracies use the first EVAL_SAMPLES samples of each set (here 100 of 500)."""
    import lab.live_training as L

    monkeypatch.setattr(L, "EVAL_SAMPLES", 100)
    x, t, x_test, t_test = data
    run = finish(TrainingRun(TrainingConfig(hidden_size=8, epochs=1, train_size=500), *data), 60)
    assert run.train_acc[-1] == run.network.accuracy(x[:100], t[:100])
    assert run.test_acc[-1] == run.network.accuracy(x_test[:100], t_test[:100])
    assert run.train_acc[0] * 100 == round(run.train_acc[0] * 100)  # a count out of 100


def test_bad_config_is_refused(data):
    """A training set larger than the data is a ValueError naming the range."""
    with pytest.raises(ValueError, match=r"train_size in \[1, 500\]"):
        TrainingRun(TrainingConfig(train_size=501), *data)


def test_every_optimizer_has_a_suggestion():
    """The page offers every optimizer with a positive suggested learning rate."""
    assert set(SUGGESTED_LR) == set(OPTIMIZERS)
    assert all(lr > 0 for lr in SUGGESTED_LR.values())


def _wait(condition, timeout=60.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_background_training_gives_the_same_network(data):
    """keep_training in a thread ends with the weights of the same run advanced in one go."""
    cfg = TrainingConfig(hidden_size=8, epochs=3, batch_size=25, train_size=500, seed=5)
    a = finish(TrainingRun(cfg, *data), 60.0)
    b = TrainingRun(cfg, *data)
    b.keep_training(patience=60.0)
    _wait(lambda: not b.running)
    assert b.state == "finished" and b.iteration == b.iterations
    for k in a.network.params:
        np.testing.assert_array_equal(a.network.params[k], b.network.params[k])
    assert a.loss == b.loss and a.test_acc == b.test_acc


def test_background_training_pauses_when_nobody_asks_and_stops_on_request(data):
    """Without a keep_training call for `patience` s the thread stops (the run still
    running, its iteration frozen); the next call resumes it; stop() ends it at once."""
    cfg = TrainingConfig(hidden_size=8, epochs=20, batch_size=1, train_size=500, seed=1)
    run = TrainingRun(cfg, *data)  # 10,000 mini-batches of 1: seconds of work
    run.keep_training(patience=0.1, slice_seconds=0.01)
    _wait(lambda: run._worker is not None and not run._worker.is_alive())
    paused = run.iteration
    assert run.running and 0 < paused < run.iterations
    time.sleep(0.1)
    assert run.iteration == paused
    run.keep_training(patience=60.0, slice_seconds=0.01)
    _wait(lambda: run.iteration > paused)
    run.stop()
    stopped = run.iteration
    assert run.state == "stopped"
    time.sleep(0.1)
    assert run.iteration == stopped and not run._worker.is_alive()


def test_seconds_left_estimates_the_rest_and_wait_returns_when_the_run_ends(data):
    """seconds_left: inf before the first mini-batch, the mean time per mini-batch times those
    left while running, 0 once ended. wait(timeout) returns at the run's end (not after the
    whole timeout) with True, or after the timeout with False while it still runs."""
    cfg = TrainingConfig(hidden_size=8, epochs=4, batch_size=25, train_size=500, seed=2)
    run = TrainingRun(cfg, *data)
    assert run.seconds_left == float("inf")
    assert run.wait(0.0) is False  # no thread yet: nothing to wait for
    run.advance(0.0)  # one mini-batch
    assert run.iteration == 1
    assert run.seconds_left == pytest.approx(run.seconds * (run.iterations - 1))
    run.keep_training(patience=60.0)
    start = time.monotonic()
    assert run.wait(60.0) is True
    assert time.monotonic() - start < 30.0 and run.state == "finished"
    assert run.seconds_left == 0.0

    slow = TrainingRun(
        TrainingConfig(hidden_size=8, epochs=20, batch_size=1, train_size=500, seed=1), *data
    )  # 10,000 mini-batches of 1: seconds of work
    slow.keep_training(patience=60.0, slice_seconds=0.01)
    start = time.monotonic()
    assert slow.wait(0.05) is False and slow.running
    assert time.monotonic() - start >= 0.05
    slow.stop()
    assert slow.wait(5.0) is True and slow.state == "stopped"
