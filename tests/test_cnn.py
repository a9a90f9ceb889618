"""Tests for lab.cnn: the default architecture, its learning-rate schedule, resumable fit."""

import numpy as np
import pytest

import lab.cnn as cnn
from lab.cnn import cosine_lr, default_net, fit
from lab.mnist import load_mnist


@pytest.fixture(scope="module")
def small():
    (x, t), (xt, tt) = load_mnist(normalize=True, flatten=False)
    return x[:200], t[:200], xt[:100], tt[:100]


def test_default_net_shapes_and_dtype(rng):
    """conv32-pool-conv64-pool-affine128-affine10 on (1, 28, 28): the book's parameter names,
    float32 throughout, scores of shape (N, 10)."""
    net = default_net(rng)
    shapes = {k: v.shape for k, v in net.params.items()}
    assert shapes["W1"] == (32, 1, 3, 3) and shapes["W2"] == (64, 32, 3, 3)
    assert shapes["W3"] == (64 * 7 * 7, 128) and shapes["W4"] == (128, 10)
    assert shapes["gamma1"] == (32,) and shapes["gamma2"] == (64,)
    assert all(v.dtype == np.float32 for v in net.params.values())
    y = net.predict(np.zeros((3, 1, 28, 28), np.float32))
    assert y.shape == (3, 10) and y.dtype == np.float32


def test_cosine_lr_closed_forms():
    """lr at the first epoch, lr_min at the last, their mean halfway (cos(π/2) = 0)."""
    assert cosine_lr(1, 9, 0.002, 0.0001) == pytest.approx(0.002)
    assert cosine_lr(9, 9, 0.002, 0.0001) == pytest.approx(0.0001)
    assert cosine_lr(5, 9, 0.002, 0.0001) == pytest.approx(0.00105)
    assert cosine_lr(1, 1, 0.002, 0.0001) == 0.002


def test_fit_learns_something(small):
    """Three epochs on 200 digits beat chance (10 %) on 100 test digits by far."""
    x, t, xt, tt = small
    rng = np.random.default_rng(0)
    net = default_net(rng)
    history = fit(net, x, t, xt, tt, rng=rng, epochs=3, batch_size=50, augment_data=False)
    assert len(history["test_acc"]) == 3 and len(history["loss"]) == 12
    assert history["test_acc"][-1] >= 0.5


def test_fit_resumes_to_the_same_weights(small, tmp_path, monkeypatch):
    """A run stopped after epoch 1 and resumed from its checkpoint ends with exactly the
    weights and batch-norm statistics of an uninterrupted run (same seed)."""
    x, t, _, _ = small
    kw = {"epochs": 2, "batch_size": 50}
    rng = np.random.default_rng(5)
    whole = default_net(rng)
    fit(whole, x, t, rng=rng, **kw)

    calls = []
    real_augment = cnn.augment

    def stop_at_second_epoch(x_, rng_):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_augment(x_, rng_)

    ckpt = tmp_path / "run.ckpt.npz"
    rng = np.random.default_rng(5)
    monkeypatch.setattr(cnn, "augment", stop_at_second_epoch)
    with pytest.raises(KeyboardInterrupt):
        fit(default_net(rng), x, t, rng=rng, checkpoint=ckpt, **kw)
    monkeypatch.setattr(cnn, "augment", real_augment)
    rng = np.random.default_rng(5)
    resumed = default_net(rng)
    history = fit(resumed, x, t, rng=rng, checkpoint=ckpt, resume=True, **kw)
    assert len(history["seconds"]) == 2  # epoch 1 from the checkpoint, epoch 2 now
    for key in (*whole.params, *whole.buffers):
        a = whole.params.get(key, whole.buffers.get(key))
        b = resumed.params.get(key, resumed.buffers.get(key))
        np.testing.assert_array_equal(a, b, err_msg=key)


def test_fit_refuses_a_checkpoint_of_another_schedule(small, tmp_path):
    """Resuming with a different number of epochs would change the learning rates: refused."""
    x, t, _, _ = small
    ckpt = tmp_path / "run.ckpt.npz"
    rng = np.random.default_rng(0)
    fit(default_net(rng), x[:50], t[:50], rng=rng, epochs=1, batch_size=50, checkpoint=ckpt)
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="pass --epochs 1"):
        fit(default_net(rng), x[:50], t[:50], rng=rng, epochs=3, checkpoint=ckpt, resume=True)
