"""A training run that advances in short slices, for a page that draws while it learns.

``TrainingRun`` wraps ``lab.trainer.iter_train`` around the book's ``TwoLayerNet``: each call to
``advance(seconds)`` trains for about that long, then returns, so a caller can redraw a chart,
notice a stop request, or let other work run in between. The slicing never changes the result:
the run is the same sequence of mini-batches however it is cut, so one seed gives one network.
``keep_training()`` advances it in a background thread instead, for as long as someone keeps
asking (a page that redraws the curves now and then), so the training does not wait for them.
"""

from __future__ import annotations

import math
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from lab.models import Model, save_model
from lab.network import TwoLayerNet
from lab.trainer import iter_train

__all__ = ["ARCH", "EVAL_SAMPLES", "SUGGESTED_LR", "TrainingConfig", "TrainingRun"]

ARCH = "TwoLayerNet"
"""The architecture name written into saved files (``meta["config"]`` rebuilds it)."""

EVAL_SAMPLES = 10_000
"""Accuracy is measured on at most this many samples of each set (all 10,000 MNIST test
images; the first 10,000 training images used), so an epoch's evaluation stays short."""

SUGGESTED_LR = {
    "SGD": 0.5,
    "Momentum": 0.05,
    "Nesterov": 0.05,
    "AdaGrad": 0.05,
    "RMSprop": 0.001,
    "Adam": 0.003,
}
"""A learning rate that trains the default run (10 epochs of 10,000 images) well with each
optimizer. The book's SGD uses 0.1, but over 10,000 mini-batches; the default run has 1,000."""


@dataclass(frozen=True)
class TrainingConfig:
    """Everything that decides a run: the same config on the same data gives the same net."""

    hidden_size: int = 50
    optimizer: str = "SGD"
    lr: float = 0.5
    batch_size: int = 100
    epochs: int = 10
    train_size: int = 10_000
    seed: int = 0

    @property
    def per_epoch(self) -> int:
        """Mini-batches per epoch: ceil(train_size / batch_size) (the last may be smaller)."""
        return math.ceil(self.train_size / self.batch_size)

    @property
    def iterations(self) -> int:
        """Mini-batches in the whole run: epochs · per_epoch."""
        return self.epochs * self.per_epoch


class TrainingRun:
    """Train ``TwoLayerNet(784, hidden_size, 10)`` on MNIST a slice at a time.

    Parameters
    ----------
    config : TrainingConfig
    x_train, t_train : ndarray, shapes (N, 784) and (N,)
        The first ``config.train_size`` samples are used (read, never modified).
    x_test, t_test : ndarray, shapes (M, 784) and (M,)
        Accuracy on them is measured after every epoch.

    Attributes
    ----------
    state : str
        "running", then "finished" (all epochs), "stopped" (by ``stop``) or "diverged" (the
        loss became inf or nan: the learning rate is too large).
    loss : list of float
        The loss of every mini-batch, in order.
    train_acc, test_acc : list of float
        Accuracy before training (epoch 0) and after each epoch (on at most
        ``EVAL_SAMPLES`` samples of each set).
    iteration, iterations : int
        Mini-batches done so far, and in the whole run.
    seconds : float
        Time spent training (inside ``advance``), excluding the pauses between slices.
    """

    def __init__(
        self,
        config: TrainingConfig,
        x_train: NDArray,
        t_train: NDArray,
        x_test: NDArray,
        t_test: NDArray,
    ) -> None:
        if not 1 <= config.train_size <= len(x_train):
            raise ValueError(f"expected train_size in [1, {len(x_train)}], got {config.train_size}")
        self.config = config
        rng = np.random.default_rng(config.seed)
        # float32: MNIST pixels are float32 already; the products run ~2x faster than in
        # float64 and reach the same accuracy (benchmarks/bench_training_page.py).
        self.network = TwoLayerNet(784, config.hidden_size, 10, rng=rng, dtype=np.float32)
        x, t = x_train[: config.train_size], t_train[: config.train_size]
        self.iterations = config.iterations
        self.iteration = 0
        self.epoch = 0
        self.loss: list[float] = []
        k = EVAL_SAMPLES
        self.train_acc = [self.network.accuracy(x[:k], t[:k])]
        self.test_acc = [self.network.accuracy(x_test[:k], t_test[:k])]
        self.state = "running"
        self.seconds = 0.0
        self._lock = threading.Lock()  # one advance or stop at a time
        self._worker: threading.Thread | None = None
        self._asked = 0.0  # time.monotonic() of the last keep_training call
        self._steps = iter_train(
            self.network,
            x,
            t,
            x_test,
            t_test,
            rng=rng,
            epochs=config.epochs,
            batch_size=config.batch_size,
            optimizer=config.optimizer,
            optimizer_param={"lr": config.lr},
            evaluate_sample_num_per_epoch=EVAL_SAMPLES,
        )

    @property
    def running(self) -> bool:
        return self.state == "running"

    @property
    def loss_went_up(self) -> bool:
        """Whether the recent losses (median of the last 10) are above the first one.

        With a learning rate far too large the loss rarely becomes nan here (softmax is stable,
        sigmoid saturates); it jumps around above where it started instead: ln 10 ≈ 2.3.
        """
        return len(self.loss) >= 10 and float(np.median(self.loss[-10:])) > self.loss[0]

    @property
    def progress(self) -> float:
        """Fraction of the mini-batches done, in [0, 1]."""
        return self.iteration / self.iterations

    def advance(self, seconds: float) -> None:
        """Train for about ``seconds`` (at least one mini-batch), or until the run ends.

        Notes
        -----
        A slice ends after the mini-batch (or epoch evaluation) that crosses the time budget,
        so it can overrun by one step. Overflow inside the network is not an error here: a
        too-large learning rate is a lesson, so numpy's warnings are silenced and the run is
        marked "diverged" as soon as a loss is not finite.
        """
        with self._lock:
            if not self.running:
                return
            start = time.perf_counter()
            try:
                with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
                    while True:
                        info = next(self._steps)
                        self._record(info)
                        if not self.running or time.perf_counter() - start >= seconds:
                            break
            except StopIteration:
                self.state = "finished"
            finally:
                self.seconds += time.perf_counter() - start

    @property
    def seconds_left(self) -> float:
        """An estimate of the training time still to go: the mean time per mini-batch so far
        (the epochs' evaluations included) times the mini-batches left; inf before the first."""
        if not self.running:
            return 0.0
        if self.iteration == 0:
            return math.inf
        return self.seconds / self.iteration * (self.iterations - self.iteration)

    def wait(self, timeout: float) -> bool:
        """Wait at most ``timeout`` seconds for the background thread to end the run; whether
        it has ended (finished, stopped or diverged)."""
        worker = self._worker
        if worker is not None:
            worker.join(timeout)
        return not self.running

    def keep_training(self, patience: float = 20.0, slice_seconds: float = 0.05) -> None:
        """Train in a background thread until the run ends or nobody asks any more.

        Each call counts as "still watched"; the thread stops by itself ``patience`` seconds
        after the last call (a page that stopped redrawing: its tab went away), and the next
        call starts it again. It trains in ``slice_seconds`` slices, so ``stop`` waits at
        most one slice. Calling it again while the thread runs only refreshes the watch.
        """
        self._asked = time.monotonic()
        with self._lock:
            if not self.running or (self._worker is not None and self._worker.is_alive()):
                return
            self._worker = threading.Thread(
                target=self._work, args=(patience, slice_seconds), daemon=True, name="training"
            )
            self._worker.start()

    def _work(self, patience: float, slice_seconds: float) -> None:
        while self.running and time.monotonic() - self._asked < patience:
            self.advance(slice_seconds)

    def _record(self, info: dict[str, Any]) -> None:
        self.iteration = info["iteration"]
        self.epoch = info["epoch"] - (info["event"] == "batch")
        if info["event"] == "batch":
            self.loss.append(info["loss"])
            if not math.isfinite(info["loss"]):
                self.state = "diverged"
                self._steps.close()
        else:
            self.train_acc.append(info["train_acc"])
            self.test_acc.append(info["test_acc"])

    def loss_curve(self, max_points: int = 1000) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
        """The loss per mini-batch, averaged over windows so at most ``max_points`` remain.

        Returns
        -------
        iteration : ndarray of int, the last iteration (1-based) of each window
        loss : ndarray of float, the mean loss of each window (the raw losses when there
            are at most ``max_points``)
        """
        loss = np.asarray(self.loss, dtype=np.float64)
        width = max(1, math.ceil(len(loss) / max_points))
        n = len(loss) // width * width
        tail = loss[n:]
        means = loss[:n].reshape(-1, width).mean(axis=1)
        ends = np.arange(width, n + 1, width)
        if len(tail):
            means = np.append(means, tail.mean())
            ends = np.append(ends, len(loss))
        return ends, means

    def stop(self) -> None:
        """End the run now, keeping what was learnt so far."""
        with self._lock:  # waits for a slice in progress: the generator is not re-entrant
            if self.running:
                self.state = "stopped"
                self._steps.close()

    def meta(self) -> dict[str, Any]:
        """JSON-able facts about the run, stored next to the weights."""
        return {
            **{k: v for k, v in vars(self.config).items()},
            "state": self.state,
            "iterations_done": self.iteration,
            "epochs_done": self.epoch,
            "test_acc": self.test_acc[-1],
            "train_acc": self.train_acc[-1],
        }

    def model(self) -> Model:
        """The trained network as a ``lab.models.Model`` (``predict_proba``, ``predict``).

        It shares the run's weights: take it when the run has ended.
        """
        return Model("trained", self.network, {"arch": ARCH, **self.meta()})

    def npz_bytes(self) -> bytes:
        """The weights as a ``lab.models.save_model`` .npz file, in memory (for a download).

        The file holds W1, b1, W2, b2 and ``__meta__`` with the architecture, its config
        (``Net(**config)`` rebuilds it) and ``meta()``; the same run gives the same bytes.
        """
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "model.npz"
            save_model(path, self.network, ARCH, **self.meta())
            return path.read_bytes()
