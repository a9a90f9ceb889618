"""One model shared by many sessions: every answer under concurrency equals the answer alone.

A Streamlit server hands the same cached ``Model`` to every session and runs their scripts in
threads of one process. numpy releases the GIL inside matrix products, so two predictions
really do overlap. Before inference became stateless, layers kept forward temporaries on
``self`` and 4 threads × 300 predictions on the shared default CNN gave 55 wrong answers or
``ValueError: cannot reshape array of size 12544 into shape (1,14,14,32)``.
"""

from __future__ import annotations

import threading

import numpy as np
import pytest

from lab import models
from lab.live_training import TrainingConfig, TrainingRun
from lab.mnist import load_mnist

THREADS = 6
REQUESTS = 120  # per thread


@pytest.fixture(scope="module")
def mnist():
    (x_train, t_train), (x_test, t_test) = load_mnist(normalize=True, flatten=True)
    return x_train, t_train, x_test, t_test


def _training_page_model(mnist):
    """A network as /training trains it (TwoLayerNet, SGD), run to the end."""
    x_train, t_train, x_test, t_test = mnist
    config = TrainingConfig(hidden_size=30, epochs=1, train_size=2000, batch_size=100)
    run = TrainingRun(config, x_train, t_train, x_test, t_test)
    while run.running:
        run.advance(1.0)
    return run.model()


@pytest.mark.parametrize("kind", ["default", "book", "trained"])
def test_shared_model_answers_like_alone(kind, mnist):
    """Threads with mixed batch sizes (1-3 images) on one shared model: every probability
    row is bit-identical to the same batch predicted alone, and nothing raises."""
    model = _training_page_model(mnist) if kind == "trained" else models.load(kind)
    x_test = mnist[2]
    rng = np.random.default_rng(0)
    jobs = [
        [
            (start, int(size))
            for start, size in zip(
                rng.integers(0, len(x_test) - 3, REQUESTS),
                rng.integers(1, 4, REQUESTS),
                strict=True,
            )
        ]
        for _ in range(THREADS)
    ]
    alone = {
        job: model.predict_proba(x_test[job[0] : job[0] + job[1]]) for js in jobs for job in js
    }

    wrong: list[tuple] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(THREADS)

    def work(js):
        barrier.wait()
        for start, size in js:
            try:
                proba = model.predict_proba(x_test[start : start + size])
            except BaseException as exc:  # any exception is a failure here
                errors.append(exc)
                continue
            if not np.array_equal(proba, alone[(start, size)]):
                wrong.append((start, size))

    threads = [threading.Thread(target=work, args=(js,)) for js in jobs]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors, f"{len(errors)} predictions raised, first: {errors[0]!r}"
    assert not wrong, f"{len(wrong)} of {THREADS * REQUESTS} answers differ from the answer alone"


def test_inference_stores_nothing_on_the_layers():
    """A forward pass with train_flg=False leaves every layer's attributes as they were."""
    network = models.load("default").network

    def snapshot():
        return {
            name: {k: id(v) for k, v in vars(layer).items()}
            for name, layer in network.layers.items()
        }

    before = snapshot()
    network.predict(np.zeros((2, 1, 28, 28), np.float32))
    network.activations(np.zeros((1, 1, 28, 28), np.float32))
    network.loss(np.zeros((2, 1, 28, 28), np.float32), np.array([1, 2]))
    assert snapshot() == before
