"""Tests for lab.trainer: the loop learns, is deterministic, reports and stops on request."""

import io

import numpy as np
import pytest

from lab.network import MultiLayerNet
from lab.optimizers import SGD
from lab.trainer import ProgressBar, iter_train, make_optimizer, train


def _blobs(rng: np.random.Generator, n: int = 120) -> tuple[np.ndarray, np.ndarray]:
    """Three well-separated Gaussian blobs in 2-D: a net should reach ~100 % accuracy."""
    centres = np.array([[0.0, 3.0], [3.0, -2.0], [-3.0, -2.0]])
    t = rng.integers(0, 3, size=n)
    return centres[t] + 0.5 * rng.standard_normal((n, 2)), t


def _run(seed: int, **kwargs):
    rng = np.random.default_rng(seed)
    x, t = _blobs(rng)
    net = MultiLayerNet(2, [8], 3, rng=rng)
    history = train(net, x[:90], t[:90], x[90:], t[90:], rng=rng, **kwargs)
    return net, history


def test_training_learns_blobs():
    """Adam on three separable blobs: loss falls and test accuracy ends >= 0.95."""
    _, h = _run(0, epochs=15, batch_size=10, optimizer="Adam", optimizer_param={"lr": 0.05})
    assert len(h["loss"]) == 15 * 9  # ceil(90 / 10) batches per epoch
    assert len(h["train_acc"]) == len(h["test_acc"]) == 15
    assert np.mean(h["loss"][-9:]) < 0.5 * np.mean(h["loss"][:9])
    assert h["test_acc"][-1] >= 0.95


def test_same_seed_same_run():
    """Two runs with one seed give identical weights and histories; another seed differs."""
    kw = {"epochs": 2, "batch_size": 16, "optimizer": "Momentum"}
    a, ha = _run(3, **kw)
    b, hb = _run(3, **kw)
    c, _ = _run(4, **kw)
    for key in a.params:
        np.testing.assert_array_equal(a.params[key], b.params[key])
    assert ha == hb
    assert not np.array_equal(a.params["W1"], c.params["W1"])


def test_iterator_events_and_counts():
    """iter_train yields one 'batch' event per mini-batch (last one partial) and one 'epoch'
    event per epoch, with 1-based counters and totals."""
    rng = np.random.default_rng(0)
    x, t = _blobs(rng, 25)
    net = MultiLayerNet(2, [4], 3, rng=rng)
    events = list(iter_train(net, x, t, rng=rng, epochs=2, batch_size=10))
    kinds = [e["event"] for e in events]
    assert kinds == ["batch"] * 3 + ["epoch"] + ["batch"] * 3 + ["epoch"]
    assert [e["iteration"] for e in events if e["event"] == "batch"] == [1, 2, 3, 4, 5, 6]
    assert events[-1]["iterations"] == 6 and events[-1]["epoch"] == 2
    assert events[-1]["test_acc"] is None and 0 <= events[-1]["train_acc"] <= 1


def test_callback_false_stops():
    """A callback returning False stops training right there; history has what was done."""
    seen = []

    def stop_after_five(info):
        seen.append(info["iteration"])
        return info["iteration"] < 5

    _, h = _run(0, epochs=3, batch_size=10, callback=stop_after_five)
    assert seen == [1, 2, 3, 4, 5]
    assert len(h["loss"]) == 5 and h["train_acc"] == []


def test_lr_decay_multiplies_each_epoch():
    """lr_decay scales the optimizer's learning rate once per epoch."""
    opt = SGD(lr=1.0)
    rng = np.random.default_rng(0)
    x, t = _blobs(rng, 20)
    net = MultiLayerNet(2, [4], 3, rng=rng)
    train(net, x, t, rng=rng, epochs=3, batch_size=10, optimizer=opt, lr_decay=0.5)
    assert opt.lr == 0.125


def test_progress_bar_text():
    """On a non-terminal stream the bar writes one line per epoch with loss and accuracies."""
    out = io.StringIO()
    _run(0, epochs=2, batch_size=30, progress=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("epoch 2/2 [####################] 100% loss ")
    assert "train_acc" in lines[1] and "test_acc" in lines[1]


def test_progress_bar_live_redraws():
    """On a terminal the bar redraws '\\r' lines like 'epoch 1/2 [##########----------]  50%'."""

    class Tty(io.StringIO):
        def isatty(self):
            return True

    bar = ProgressBar(Tty(), width=20)
    bar({"event": "batch", "epoch": 1, "epochs": 2, "iteration": 5, "iterations": 20, "loss": 0.25})
    text = bar.stream.getvalue()
    assert "\r" in text and "epoch 1/2 [##########----------]  50% loss 0.250" in text


def test_bad_arguments_raise():
    """Mismatched data, zero epochs and unknown optimizers raise ValueError."""
    rng = np.random.default_rng(0)
    net = MultiLayerNet(2, [4], 3, rng=rng)
    with pytest.raises(ValueError, match="as many targets"):
        train(net, np.zeros((4, 2)), np.zeros(3, int), rng=rng)
    with pytest.raises(ValueError, match="epochs >= 1"):
        train(net, np.zeros((4, 2)), np.zeros(4, int), rng=rng, epochs=0)
    with pytest.raises(ValueError, match="optimizer name"):
        make_optimizer("Adamax")
