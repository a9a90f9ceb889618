"""Optimizers (book ch. 6.1): SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam.

Each has ``update(params, grads)``, which changes the arrays *inside* ``params`` in place
(``params[key] -= ...``) and returns nothing. In place matters: a network's layers hold
references to its ``params`` arrays, so replacing an entry with a new array would leave the
layers with the old weights. Any dict of float arrays works, e.g. ``{"x": np.array([-3., 4.])}``
to walk a 2-D function. Per-parameter state (velocity, squared-gradient sums) is keyed like
``params`` and created on the first update.

All constructors take ``lr`` first; the rest are keyword hyperparameters with the book's
defaults (``momentum``, ``decay_rate``, ``beta1``, ``beta2``, ``eps``).
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping

import numpy as np
from numpy.typing import NDArray

Params = MutableMapping[str, NDArray[np.floating]]
Grads = Mapping[str, NDArray[np.floating]]

__all__ = ["OPTIMIZERS", "SGD", "AdaGrad", "Adam", "Momentum", "Nesterov", "Optimizer", "RMSprop"]


class Optimizer:
    """Base class: checks the arguments of ``update`` and keeps per-parameter state."""

    def __init__(self, lr: float) -> None:
        if not lr > 0:
            raise ValueError(f"expected a learning rate lr > 0, got {lr}")
        self.lr = lr

    def update(self, params: Params, grads: Grads) -> None:
        """Move every ``params[key]`` one step against ``grads[key]``, in place."""
        _check(params, grads)
        for key in params:
            self._step(key, params[key], np.asarray(grads[key]))

    def _step(self, key: str, p: NDArray[np.floating], g: NDArray[np.floating]) -> None:
        raise NotImplementedError

    def _state(self, store: dict[str, NDArray], key: str, p: NDArray) -> NDArray:
        if key not in store:
            store[key] = np.zeros_like(p)
        return store[key]


def _check(params: Params, grads: Grads) -> None:
    if params.keys() != grads.keys():
        missing = sorted(set(params) - set(grads))
        extra = sorted(set(grads) - set(params))
        raise ValueError(
            f"expected grads with the same keys as params, got missing {missing}, extra {extra}; "
            "pass network.gradient(x, t) for network.params"
        )
    for key, p in params.items():
        if not (isinstance(p, np.ndarray) and np.issubdtype(p.dtype, np.floating)):
            raise TypeError(
                f"params[{key!r}] must be a float ndarray to be updated in place, got "
                f"{type(p).__name__} {getattr(p, 'dtype', '')}; use np.array(..., dtype=float)"
            )
        if np.shape(grads[key]) != p.shape:
            raise ValueError(
                f"grads[{key!r}] has shape {np.shape(grads[key])}, expected {p.shape} like params"
            )


class SGD(Optimizer):
    """Stochastic gradient descent: W ← W − lr · ∂L/∂W."""

    def __init__(self, lr: float = 0.01) -> None:
        super().__init__(lr)

    def _step(self, key: str, p: NDArray, g: NDArray) -> None:
        p -= self.lr * g


class Momentum(Optimizer):
    """Momentum: v ← momentum · v − lr · ∂L/∂W, then W ← W + v (v starts at 0)."""

    def __init__(self, lr: float = 0.01, momentum: float = 0.9) -> None:
        super().__init__(lr)
        self.momentum = momentum
        self.v: dict[str, NDArray] = {}

    def _step(self, key: str, p: NDArray, g: NDArray) -> None:
        v = self._state(self.v, key, p)
        v *= self.momentum
        v -= self.lr * g
        p += v


class Nesterov(Optimizer):
    """Nesterov accelerated gradient, in the book's form (Bengio et al. 2012, eq. 7).

    v ← μ v − lr g;  W ← W + μ² v − (1 + μ) lr g: the momentum step evaluated "ahead",
    rewritten so that g is the gradient at the current W.
    """

    def __init__(self, lr: float = 0.01, momentum: float = 0.9) -> None:
        super().__init__(lr)
        self.momentum = momentum
        self.v: dict[str, NDArray] = {}

    def _step(self, key: str, p: NDArray, g: NDArray) -> None:
        v = self._state(self.v, key, p)
        v *= self.momentum
        v -= self.lr * g
        p += self.momentum * self.momentum * v
        p -= (1 + self.momentum) * self.lr * g


class AdaGrad(Optimizer):
    """AdaGrad: h ← h + g², W ← W − lr · g / (√h + eps): each weight's step shrinks over time.

    ``eps`` (1e-7, the book's value) is a hyperparameter, not a rounding tolerance: it keeps the
    first step finite where h is still 0.
    """

    def __init__(self, lr: float = 0.01, eps: float = 1e-7) -> None:
        super().__init__(lr)
        self.eps = eps
        self.h: dict[str, NDArray] = {}

    def _step(self, key: str, p: NDArray, g: NDArray) -> None:
        h = self._state(self.h, key, p)
        h += g * g
        p -= self.lr * g / (np.sqrt(h) + self.eps)


class RMSprop(Optimizer):
    """RMSprop: h ← ρ h + (1 − ρ) g², W ← W − lr · g / (√h + eps), ρ = ``decay_rate``.

    AdaGrad with a moving average instead of a sum, so old gradients are forgotten.
    """

    def __init__(self, lr: float = 0.01, decay_rate: float = 0.99, eps: float = 1e-7) -> None:
        super().__init__(lr)
        self.decay_rate = decay_rate
        self.eps = eps
        self.h: dict[str, NDArray] = {}

    def _step(self, key: str, p: NDArray, g: NDArray) -> None:
        h = self._state(self.h, key, p)
        h *= self.decay_rate
        h += (1 - self.decay_rate) * g * g
        p -= self.lr * g / (np.sqrt(h) + self.eps)


class Adam(Optimizer):
    """Adam (Kingma & Ba 2015): momentum plus RMSprop, with bias correction.

    m ← β₁ m + (1 − β₁) g,  v ← β₂ v + (1 − β₂) g²,
    W ← W − lr · m̂ / (√v̂ + eps),  m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ).

    The correction undoes the zero start: the first step is lr · g / (|g| + eps) ≈ lr · sign(g).
    The step count t advances once per ``update`` call.
    """

    def __init__(
        self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-7
    ) -> None:
        super().__init__(lr)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.iter = 0
        self.m: dict[str, NDArray] = {}
        self.v: dict[str, NDArray] = {}

    def update(self, params: Params, grads: Grads) -> None:
        self.iter += 1
        super().update(params, grads)

    def _step(self, key: str, p: NDArray, g: NDArray) -> None:
        m = self._state(self.m, key, p)
        v = self._state(self.v, key, p)
        m *= self.beta1
        m += (1 - self.beta1) * g
        v *= self.beta2
        v += (1 - self.beta2) * g * g
        m_hat = m / (1 - self.beta1**self.iter)
        v_hat = v / (1 - self.beta2**self.iter)
        p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


OPTIMIZERS: dict[str, type[Optimizer]] = {
    "SGD": SGD,
    "Momentum": Momentum,
    "Nesterov": Nesterov,
    "AdaGrad": AdaGrad,
    "RMSprop": RMSprop,
    "Adam": Adam,
}
"""Name → class, for pages and the command line: ``OPTIMIZERS["Adam"](lr=0.001)``."""
