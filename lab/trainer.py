"""Mini-batch training (book ch. 4.5 and ``common/trainer.py``), as an iterator or a loop.

Two ways to drive it:

- ``iter_train(...)`` yields an ``info`` dict after every mini-batch and after every epoch's
  evaluation: a page can update a chart and ``break`` to stop.
- ``train(..., callback=f, progress=True)`` runs to the end (or until ``f(info)`` returns
  False) with an optional text progress bar on stderr, and returns the history.

``info`` keys: ``event`` ("batch" or "epoch"), ``epoch`` (1-based), ``epochs``,
``iteration`` (1-based, over all epochs), ``iterations`` (total), ``loss`` (of this batch,
before the update), ``elapsed`` (seconds), ``history``; epoch events add ``train_acc`` and
``test_acc`` (None without test data).
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any, TextIO

import numpy as np
from numpy.typing import NDArray

from lab.network import Net
from lab.optimizers import OPTIMIZERS, Optimizer

__all__ = ["ProgressBar", "iter_train", "make_optimizer", "train"]


def make_optimizer(optimizer: Optimizer | str, optimizer_param: dict | None = None) -> Optimizer:
    """An optimizer instance from an instance (returned as is) or a name in ``OPTIMIZERS``."""
    if isinstance(optimizer, Optimizer):
        return optimizer
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"expected an optimizer name in {list(OPTIMIZERS)}, got {optimizer!r}")
    return OPTIMIZERS[optimizer](**(optimizer_param or {}))


def iter_train(
    network: Net,
    x_train: NDArray,
    t_train: NDArray,
    x_test: NDArray | None = None,
    t_test: NDArray | None = None,
    *,
    rng: np.random.Generator,
    epochs: int = 10,
    batch_size: int = 100,
    optimizer: Optimizer | str = "SGD",
    optimizer_param: dict | None = None,
    evaluate_sample_num_per_epoch: int | None = None,
    lr_decay: float = 1.0,
) -> Iterator[dict[str, Any]]:
    """Train ``network`` in place, yielding progress after every batch and every epoch.

    Parameters
    ----------
    network : Net
        Its ``params`` are updated in place.
    x_train, t_train : ndarray, shapes (N, ...) and (N,) labels or (N, C) one-hot
    x_test, t_test : ndarray, optional
        Evaluated at the end of each epoch.
    rng : numpy.random.Generator
        Shuffles the training set once per epoch: the same seed gives the same run.
    epochs, batch_size : int
        Each epoch visits every training sample once, in ceil(N / batch_size) mini-batches
        (the last may be smaller). The book instead draws batches with replacement.
    optimizer, optimizer_param
        An ``Optimizer``, or a name in ``OPTIMIZERS`` plus its keyword arguments
        (the book's ``Trainer(optimizer="SGD", optimizer_param={"lr": 0.01})``).
    evaluate_sample_num_per_epoch : int, optional
        Measure the epoch accuracies on the first n samples of each set only (faster).
    lr_decay : float
        The optimizer's ``lr`` is multiplied by this after every epoch (1 = constant):
        big steps early, fine ones late.

    Yields
    ------
    info : dict
        See the module docstring. ``info["history"]`` is the same dict throughout, with lists
        ``loss`` (per batch), ``train_acc`` and ``test_acc`` (per epoch).
    """
    n = len(x_train)
    if n == 0 or len(t_train) != n:
        raise ValueError(
            f"expected as many targets as training samples (at least 1), got {n} samples "
            f"and {len(t_train)} targets"
        )
    if epochs < 1 or batch_size < 1:
        raise ValueError(f"expected epochs >= 1 and batch_size >= 1, got {epochs}, {batch_size}")
    opt = make_optimizer(optimizer, optimizer_param)
    per_epoch = math.ceil(n / batch_size)
    k = evaluate_sample_num_per_epoch
    history: dict[str, list[float]] = {"loss": [], "train_acc": [], "test_acc": []}
    start = time.perf_counter()
    base = {"epochs": epochs, "iterations": epochs * per_epoch, "history": history}
    it = 0
    for epoch in range(1, epochs + 1):
        order = rng.permutation(n)
        for b in range(per_epoch):
            idx = order[b * batch_size : (b + 1) * batch_size]
            grads = network.gradient(x_train[idx], t_train[idx])
            opt.update(network.params, grads)
            it += 1
            history["loss"].append(network.last_loss)
            yield {
                **base,
                "event": "batch",
                "epoch": epoch,
                "iteration": it,
                "loss": network.last_loss,
                "elapsed": time.perf_counter() - start,
            }
        train_acc = network.accuracy(x_train[:k], t_train[:k])
        test_acc = None if x_test is None else network.accuracy(x_test[:k], t_test[:k])
        opt.lr *= lr_decay
        history["train_acc"].append(train_acc)
        if test_acc is not None:
            history["test_acc"].append(test_acc)
        yield {
            **base,
            "event": "epoch",
            "epoch": epoch,
            "iteration": it,
            "loss": network.last_loss,
            "train_acc": train_acc,
            "test_acc": test_acc,
            "elapsed": time.perf_counter() - start,
        }


class ProgressBar:
    """Plain-text progress on a stream (stderr by default), no dependency.

    On a terminal one line is redrawn with ``\\r`` as batches finish, e.g.
    ``epoch 3/10 [#####-----] 54% loss 0.231 acc 0.962``; every epoch ends with a full line
    of accuracies. On a pipe or file only the epoch lines are written, so logs stay short.
    """

    def __init__(self, stream: TextIO | None = None, width: int = 20) -> None:
        self.stream = sys.stderr if stream is None else stream
        self.width = width
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_draw = 0.0
        self._acc: float | None = None

    def __call__(self, info: dict[str, Any]) -> bool:
        per_epoch = info["iterations"] // info["epochs"]
        done = info["iteration"] - (info["epoch"] - 1) * per_epoch
        if info["event"] == "epoch":
            self._acc = info["test_acc"] if info["test_acc"] is not None else info["train_acc"]
            test = "" if info["test_acc"] is None else f" test_acc {info['test_acc']:.4f}"
            self._write(
                f"epoch {info['epoch']}/{info['epochs']} [{'#' * self.width}] 100% "
                f"loss {info['loss']:.4f} train_acc {info['train_acc']:.4f}{test} "
                f"({info['elapsed']:.1f}s)\n"
            )
        elif self.live and (time.perf_counter() - self._last_draw > 0.1 or done == per_epoch):
            self._last_draw = time.perf_counter()
            filled = self.width * done // per_epoch
            acc = "" if self._acc is None else f" acc {self._acc:.3f}"
            self._write(
                f"epoch {info['epoch']}/{info['epochs']} "
                f"[{'#' * filled}{'-' * (self.width - filled)}] "
                f"{100 * done // per_epoch:3d}% loss {info['loss']:.3f}{acc}"
            )
        return True

    def _write(self, text: str) -> None:
        self.stream.write(("\r\x1b[K" if self.live else "") + text)
        self.stream.flush()


def train(
    network: Net,
    x_train: NDArray,
    t_train: NDArray,
    x_test: NDArray | None = None,
    t_test: NDArray | None = None,
    *,
    rng: np.random.Generator,
    callback: Callable[[dict[str, Any]], bool | None] | None = None,
    progress: bool | TextIO = False,
    **kwargs: Any,
) -> dict[str, list[float]]:
    """Run ``iter_train`` to the end and return the history.

    Parameters
    ----------
    callback : callable, optional
        Called with every ``info`` dict; returning False stops training (None continues).
    progress : bool or text stream
        True draws a ``ProgressBar`` on stderr; a stream draws it there.
    **kwargs
        ``epochs``, ``batch_size``, ``optimizer``, ``optimizer_param``,
        ``evaluate_sample_num_per_epoch``: see ``iter_train``.

    Returns
    -------
    dict with lists ``loss`` (per batch), ``train_acc``, ``test_acc`` (per epoch), as far as
    training got.
    """
    bar = ProgressBar(None if progress is True else progress) if progress else None
    history: dict[str, list[float]] = {"loss": [], "train_acc": [], "test_acc": []}
    steps = iter_train(network, x_train, t_train, x_test, t_test, rng=rng, **kwargs)
    for info in steps:
        history = info["history"]
        if bar is not None:
            bar(info)
        if callback is not None and callback(info) is False:
            steps.close()
            break
    return history
