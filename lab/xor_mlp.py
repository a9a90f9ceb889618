"""XOR learnt rather than wired (book ch. 2.5, ahead to ch. 5): a 2 → hidden → 2 network
trained by backprop on the four inputs, with snapshots of its decision map for the page."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from lab.activations import softmax
from lab.network import MultiLayerNet
from lab.optimizers import Adam
from lab.perceptron import INPUTS, gate_targets

Array = NDArray[np.float64]
IntArray = NDArray[np.int64]

__all__ = ["XorTraining", "train_xor_mlp"]


@dataclass(frozen=True)
class XorTraining:
    """Snapshots of a small MLP learning XOR by backprop.

    Attributes
    ----------
    iters : ndarray of int, shape (F,)
        The iteration of each snapshot (0 = before training).
    loss : ndarray, shape (iterations,)
        Cross-entropy on the four inputs at every iteration (before its update).
    grid : ndarray, shape (G,)
        Coordinates of the grid on both axes.
    prob : ndarray, shape (F, G, G)
        P(y = 1) on the grid, prob[f, i, j] at (x1, x2) = (grid[j], grid[i]).
    y : ndarray, shape (F, 4)
        P(y = 1) at the four ``INPUTS`` at each snapshot.
    accuracy : float
        Fraction of the four inputs classified right at the end.
    """

    iters: IntArray
    loss: Array
    grid: Array
    prob: Array
    y: Array
    accuracy: float


def train_xor_mlp(
    hidden: int = 4,
    activation: str = "sigmoid",
    seed: int = 0,
    lr: float = 0.02,
    iterations: int = 800,
    frames: int = 30,
    lo: float = -0.5,
    hi: float = 1.5,
    grid_size: int = 41,
) -> XorTraining:
    """Train a 2 → hidden → 2 network (``lab.network.MultiLayerNet``, softmax head) on XOR.

    Full batch (the four inputs, targets t = [0, 1, 1, 0]), Adam with learning rate lr,
    seeded weights. Snapshots are spaced geometrically, because the boundary changes most at
    the start. The defaults stop while the weights are still moderate, so the boundary is a
    visible curve (trained much longer, sigmoid units saturate into straight bands).

    Returns
    -------
    XorTraining
    """
    x, t = INPUTS, gate_targets("XOR")
    net = MultiLayerNet(2, [hidden], 2, rng=np.random.default_rng(seed), activation=activation)
    optimizer = Adam(lr=lr)
    grid = np.linspace(lo, hi, grid_size)
    g1, g2 = np.meshgrid(grid, grid)
    points = np.column_stack([g1.ravel(), g2.ravel()])
    snaps = np.unique(np.r_[0, np.geomspace(1, iterations, frames - 1).round()].astype(np.int64))
    loss, prob, y = [], [], []
    for i in range(iterations + 1):
        if i in snaps:
            prob.append(softmax(net.predict(points))[:, 1].reshape(grid_size, grid_size))
            y.append(softmax(net.predict(x))[:, 1])
        if i == iterations:
            break
        grads = net.gradient(x, t)
        loss.append(net.last_loss)
        optimizer.update(net.params, grads)
    return XorTraining(
        iters=snaps,
        loss=np.array(loss),
        grid=grid,
        prob=np.array(prob),
        y=np.array(y),
        accuracy=net.accuracy(x, t),
    )
