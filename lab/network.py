"""Networks built from layers (book ch. 4.5, 5.7, 6, 7.5): params, layers, predict, gradient.

``Net`` is the general builder: a list of layer specs such as ::

    [{"type": "conv", "filters": 16, "size": 3, "pad": 1}, {"type": "relu"},
     {"type": "pool", "size": 2}, {"type": "affine", "out": 100}, {"type": "relu"},
     {"type": "dropout", "ratio": 0.5}, {"type": "affine", "out": 10}]

becomes ``params`` keyed ``W1, b1, W2, b2 ...`` (one pair per conv/affine layer, in order;
``gamma1, beta1 ...`` per batch norm), an ``OrderedDict`` of ``layers`` named ``Conv1, Relu1,
Pool1, Affine1 ...`` and a ``SoftmaxWithLoss`` ``last_layer``, exactly as in the book's
``MultiLayerNet`` and ``SimpleConvNet``. ``MultiLayerNet`` and ``TwoLayerNet`` are ``Net`` with
the book's constructors.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lab.activations import softmax
from lab.calculus import numerical_gradient as _numerical_gradient
from lab.layers import (
    Affine,
    BatchNormalization,
    Convolution,
    Dropout,
    Pooling,
    Relu,
    Sigmoid,
    SoftmaxWithLoss,
    conv_output_size,
)
from lab.losses import cross_entropy_error

Array = NDArray[np.floating]

__all__ = ["LAYER_TYPES", "MultiLayerNet", "Net", "TwoLayerNet", "init_weight", "weight_std"]

LAYER_TYPES = ("affine", "conv", "pool", "relu", "sigmoid", "dropout", "batchnorm")
_ACTIVATION_INIT = {"relu": "he", "sigmoid": "xavier"}


def weight_std(fan_in: int, method: str | float) -> float:
    """Standard deviation of the initial weights of a unit with ``fan_in`` inputs.

    Parameters
    ----------
    fan_in : int
        Inputs per unit: D for an (D, M) affine weight, C·FH·FW for a conv filter.
    method : {"he", "xavier"} or float
        "he" = √(2 / fan_in), for ReLU (He et al. 2015); "xavier" = √(1 / fan_in), for sigmoid
        and tanh (the book's simplified Glorot); a float is used as the std itself (the book's
        ``weight_init_std=0.01``).

    Notes
    -----
    Both keep the variance of the activations roughly constant from layer to layer, so the
    signal neither dies out nor saturates (book ch. 6.2). ReLU zeroes half its inputs, hence
    the factor 2.
    """
    if isinstance(method, int | float) and not isinstance(method, bool):
        return float(method)
    if method == "he":
        return math.sqrt(2.0 / fan_in)
    if method == "xavier":
        return math.sqrt(1.0 / fan_in)
    raise ValueError(f"expected weight init 'he', 'xavier' or a float std, got {method!r}")


def init_weight(
    shape: tuple[int, ...],
    method: str | float,
    rng: np.random.Generator,
    dtype: type[np.floating] = np.float64,
) -> Array:
    """Draw initial weights N(0, std²) for an affine (D, M) or conv (FN, C, FH, FW) layer.

    Parameters
    ----------
    shape : tuple
        (D, M): fan_in is D. (FN, C, FH, FW): fan_in is C·FH·FW.
    method : {"he", "xavier"} or float
        See ``weight_std``.
    rng : numpy.random.Generator
        The same seed gives the same weights.

    Returns
    -------
    ndarray of ``dtype``, ``shape``.
    """
    fan_in = shape[0] if len(shape) == 2 else math.prod(shape[1:])
    std = weight_std(fan_in, method)
    return (std * rng.standard_normal(shape)).astype(dtype)


def _spec_error(i: int, spec: Any, why: str) -> ValueError:
    return ValueError(f"layer spec #{i} {spec!r}: {why}")


def _init_method(specs: list[dict], i: int, default: str | float) -> str | float:
    """'auto' init for layer i: He before a ReLU, Xavier before a sigmoid, looking ahead to the
    next activation (for the output layer: the net's last one; none at all: Xavier)."""
    if default != "auto":
        return default
    following = [s["type"] for s in specs[i + 1 :] if s["type"] in _ACTIVATION_INIT]
    every = [s["type"] for s in specs if s["type"] in _ACTIVATION_INIT]
    act = following[0] if following else (every[-1] if every else "sigmoid")
    return _ACTIVATION_INIT[act]


class Net:
    """A feed-forward network from a list of layer specs, with a softmax + cross-entropy head.

    Parameters
    ----------
    input_shape : tuple
        Shape of one sample: (784,) for an MLP, (1, 28, 28) for a CNN.
    layers : sequence of dict
        Each has a "type" in ``LAYER_TYPES`` and its options:
        affine {out, init}; conv {filters, size, stride=1, pad=0, init};
        pool {size=2, stride=size, pad=0}; relu; sigmoid; dropout {ratio=0.5};
        batchnorm {momentum=0.9}. ``init`` overrides ``weight_init`` for that layer.
    rng : numpy.random.Generator
        Draws the initial weights and, later, the dropout masks.
    weight_init : {"auto", "he", "xavier"} or float
        "auto" picks He before ReLU and Xavier before sigmoid (see ``weight_std``).
    weight_decay_lambda : float
        L2 penalty ½λ Σ‖W‖² added to the loss (weights only, not biases), as in the book.
    dtype : numpy float type
        Of the parameters and computations; float32 halves time and memory for CNNs.

    Attributes
    ----------
    params : dict[str, ndarray]
        W1, b1, W2, b2, ... (and gamma1, beta1, ... for batch norm). The layers hold references
        to these arrays: update them in place (every ``lab.optimizers`` optimizer does).
    buffers : dict[str, ndarray]
        Batch norm running statistics (running_mean1, running_var1, ...): state, not trained.
    layers : OrderedDict[str, layer]
        Conv1, Relu1, Pool1, Affine1, ... in order.
    last_layer : SoftmaxWithLoss
    last_loss : float or None
        The loss of the batch seen by the last ``gradient`` call (free: no extra forward).
    """

    def __init__(
        self,
        input_shape: Sequence[int],
        layers: Sequence[dict],
        *,
        rng: np.random.Generator,
        weight_init: str | float = "auto",
        weight_decay_lambda: float = 0.0,
        dtype: type[np.floating] = np.float64,
    ) -> None:
        self.input_shape = tuple(int(s) for s in input_shape)
        self.spec = [dict(s) for s in layers]
        self.weight_init = weight_init
        self.weight_decay_lambda = weight_decay_lambda
        self.dtype = np.dtype(dtype).type
        self.params: dict[str, Array] = {}
        self.buffers: dict[str, Array] = {}
        self.layers: OrderedDict[str, Any] = OrderedDict()
        self.last_layer = SoftmaxWithLoss()
        self.last_loss: float | None = None
        self._grad_of: dict[str, tuple[Any, str]] = {}  # param key -> (layer, grad attribute)
        self._build(rng)

    # -- construction -------------------------------------------------------------------

    def _add(self, kind: str, layer: Any) -> int:
        n = 1 + sum(name.rstrip("0123456789") == kind for name in self.layers)
        self.layers[f"{kind}{n}"] = layer
        return n

    def _new_wb(self, w_shape: tuple[int, ...], method: str | float, rng) -> tuple[str, str]:
        k = 1 + sum(key.startswith("W") for key in self.params)
        self.params[f"W{k}"] = init_weight(w_shape, method, rng, self.dtype)
        self.params[f"b{k}"] = np.zeros(w_shape[0] if len(w_shape) == 4 else w_shape[1], self.dtype)
        return f"W{k}", f"b{k}"

    def _build(self, rng: np.random.Generator) -> None:
        shape = self.input_shape
        if not self.spec or self.spec[-1].get("type") != "affine":
            raise ValueError(
                "expected the last layer spec to be {'type': 'affine', 'out': n_classes} "
                f"(its scores feed the softmax), got {self.spec[-1] if self.spec else 'no layers'}"
            )
        for i, s in enumerate(self.spec):
            if s.get("type") not in LAYER_TYPES:
                raise _spec_error(i, s, f"expected 'type' in {LAYER_TYPES}")
            try:
                shape = self._build_layer(s, i, shape, rng)
            except (KeyError, TypeError, ValueError) as exc:
                why = f"missing option {exc}" if isinstance(exc, KeyError) else str(exc)
                raise _spec_error(i, s, why) from None
        self.output_size = shape[0]
        first = next(iter(self.layers.values()))
        if isinstance(first, Affine | Convolution):
            first.input_grad = False  # nobody needs ∂L/∂x: skip that product in backward

    def _build_layer(self, s: dict, i: int, shape: tuple[int, ...], rng) -> tuple[int, ...]:
        """Append the layer for spec s (index i) fed with ``shape``; return its output shape."""
        kind = s["type"]
        if kind == "affine":
            w_shape = (math.prod(shape), int(s["out"]))
            method = s.get("init", _init_method(self.spec, i, self.weight_init))
            kw, kb = self._new_wb(w_shape, method, rng)
            layer = Affine(self.params[kw], self.params[kb])
            self._grad_of.update({kw: (layer, "dW"), kb: (layer, "db")})
            self._add("Affine", layer)
            shape = (w_shape[1],)
        elif kind == "conv":
            if len(shape) != 3:
                raise ValueError(f"conv needs (C, H, W) input, got shape {shape}")
            size, stride, pad = int(s["size"]), int(s.get("stride", 1)), int(s.get("pad", 0))
            w_shape = (int(s["filters"]), shape[0], size, size)
            method = s.get("init", _init_method(self.spec, i, self.weight_init))
            kw, kb = self._new_wb(w_shape, method, rng)
            layer = Convolution(self.params[kw], self.params[kb], stride, pad)
            self._grad_of.update({kw: (layer, "dW"), kb: (layer, "db")})
            self._add("Conv", layer)
            shape = (w_shape[0], *(conv_output_size(d, size, stride, pad) for d in shape[1:]))
        elif kind == "pool":
            if len(shape) != 3:
                raise ValueError(f"pool needs (C, H, W) input, got shape {shape}")
            size = int(s.get("size", 2))
            stride, pad = int(s.get("stride", size)), int(s.get("pad", 0))
            self._add("Pool", Pooling(size, size, stride, pad))
            shape = (shape[0], *(conv_output_size(d, size, stride, pad) for d in shape[1:]))
        elif kind == "relu":
            self._add("Relu", Relu())
        elif kind == "sigmoid":
            self._add("Sigmoid", Sigmoid())
        elif kind == "dropout":
            self._add("Dropout", Dropout(float(s.get("ratio", 0.5)), rng=rng))
        else:  # batchnorm
            k = 1 + sum(key.startswith("gamma") for key in self.params)
            self.params[f"gamma{k}"] = np.ones(shape[0], self.dtype)
            self.params[f"beta{k}"] = np.zeros(shape[0], self.dtype)
            self.buffers[f"running_mean{k}"] = np.zeros(shape[0], self.dtype)
            self.buffers[f"running_var{k}"] = np.ones(shape[0], self.dtype)
            layer = BatchNormalization(
                self.params[f"gamma{k}"],
                self.params[f"beta{k}"],
                momentum=float(s.get("momentum", 0.9)),
                running_mean=self.buffers[f"running_mean{k}"],
                running_var=self.buffers[f"running_var{k}"],
            )
            self._grad_of.update({f"gamma{k}": (layer, "dgamma"), f"beta{k}": (layer, "dbeta")})
            self._add("BatchNorm", layer)
        return shape

    def config(self) -> dict[str, Any]:
        """The constructor arguments as plain JSON-able data (stored next to saved weights)."""
        return {
            "input_shape": list(self.input_shape),
            "layers": self.spec,
            "weight_init": self.weight_init,
            "weight_decay_lambda": self.weight_decay_lambda,
            "dtype": np.dtype(self.dtype).name,
        }

    # -- the book's methods -------------------------------------------------------------

    def _as_input(self, x: ArrayLike) -> Array:
        x = np.asarray(x, dtype=self.dtype)  # no copy when already right; layers never write
        if x.shape[1:] == self.input_shape:
            return x
        if x.ndim >= 2 and math.prod(x.shape[1:]) == math.prod(self.input_shape):
            return x.reshape((x.shape[0], *self.input_shape))
        raise ValueError(
            f"expected a batch of shape (N, {', '.join(map(str, self.input_shape))}), got "
            f"shape {x.shape}; add the batch axis with x[None] for a single sample"
        )

    def predict(self, x: ArrayLike, train_flg: bool = False) -> Array:
        """Scores (before softmax) for a batch x: shape (N, output_size).

        ``train_flg`` switches dropout and batch norm to training behaviour and makes every
        layer keep what ``backward`` needs. With ``train_flg=False`` nothing is stored on the
        layers, so one network may predict in several threads at once.
        """
        x = self._as_input(x)
        for layer in self.layers.values():
            x = layer.forward(x, train_flg)
        return x

    def activations(self, x: ArrayLike) -> OrderedDict[str, Array]:
        """Every layer's output for a batch x (inference mode), keyed by layer name.

        For the book MLP: Affine1 (a1), Sigmoid1 (z1), Affine2, Sigmoid2, Affine3 (scores).
        """
        out: OrderedDict[str, Array] = OrderedDict()
        x = self._as_input(x)
        for name, layer in self.layers.items():
            x = layer.forward(x, False)
            out[name] = x
        return out

    def loss(self, x: ArrayLike, t: ArrayLike, train_flg: bool = False) -> float:
        """Cross-entropy of softmax(predict(x)) against t (labels or one-hot), plus weight decay."""
        y = self.predict(x, train_flg)
        decay = 0.0
        if self.weight_decay_lambda:
            w_keys = [k for k in self.params if k.startswith("W")]
            decay = (
                0.5 * self.weight_decay_lambda * sum(np.sum(self.params[k] ** 2) for k in w_keys)
            )
        if train_flg:  # keep softmax's output for backward
            return self.last_layer.forward(y, t) + float(decay)
        return cross_entropy_error(softmax(y), np.asarray(t)) + float(decay)

    def accuracy(self, x: ArrayLike, t: ArrayLike, batch_size: int = 1000) -> float:
        """Fraction of samples whose highest score is the target class, in batches of
        ``batch_size`` (bounds memory for conv nets)."""
        x, t = np.asarray(x), np.asarray(t)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        n = len(t)
        if n == 0:
            raise ValueError("expected at least one sample to measure accuracy, got 0")
        hits = 0
        for i in range(0, n, batch_size):
            y = self.predict(x[i : i + batch_size])
            hits += int(np.sum(np.argmax(y, axis=1) == t[i : i + batch_size]))
        return hits / n

    def gradient(self, x: ArrayLike, t: ArrayLike) -> dict[str, Array]:
        """Gradients of the loss for every key of ``params``, by backpropagation.

        Runs one forward pass in training mode (its loss is kept in ``last_loss``), then
        ``backward`` through the layers in reverse order.
        """
        self.last_loss = self.loss(x, t, train_flg=True)
        dout = self.last_layer.backward(1.0)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        grads = {key: getattr(layer, attr) for key, (layer, attr) in self._grad_of.items()}
        if self.weight_decay_lambda:
            for key in grads:
                if key.startswith("W"):
                    grads[key] = grads[key] + self.weight_decay_lambda * self.params[key]
        return {key: grads[key] for key in self.params}

    def numerical_gradient(self, x: ArrayLike, t: ArrayLike) -> dict[str, Array]:
        """Gradients by central differences (``lab.calculus``): slow, for checking ``gradient``.

        The loss is evaluated in training mode, like ``gradient``; with dropout, seed-identical
        masks are needed for the two to agree, so check nets without dropout, in float64
        (a float32 net's loss is too coarse for h = 1e-4 differences).
        """
        grads = {}
        for key, p in self.params.items():
            saved = p.copy()

            def f(w: Array, p: Array = p) -> float:
                p[...] = w  # the layers hold p by reference
                return self.loss(x, t, train_flg=True)

            grads[key] = _numerical_gradient(f, saved, batch=False)
            p[...] = saved
        return grads


class MultiLayerNet(Net):
    """The book's fully connected ``MultiLayerNet`` (with ``MultiLayerNetExtend``'s options).

    Affine → [BatchNorm] → activation → [Dropout] for each hidden layer, then Affine →
    softmax. ``weight_init_std`` is "auto" (He for ReLU, Xavier for sigmoid), "he",
    "xavier" or a float.
    """

    def __init__(
        self,
        input_size: int,
        hidden_size_list: Sequence[int],
        output_size: int,
        *,
        rng: np.random.Generator,
        activation: str = "relu",
        weight_init_std: str | float = "auto",
        weight_decay_lambda: float = 0.0,
        use_batchnorm: bool = False,
        use_dropout: bool = False,
        dropout_ratio: float = 0.5,
        dtype: type[np.floating] = np.float64,
    ) -> None:
        if activation not in _ACTIVATION_INIT:
            raise ValueError(f"expected activation 'relu' or 'sigmoid', got {activation!r}")
        spec: list[dict] = []
        for size in hidden_size_list:
            spec.append({"type": "affine", "out": int(size)})
            if use_batchnorm:
                spec.append({"type": "batchnorm"})
            spec.append({"type": activation})
            if use_dropout:
                spec.append({"type": "dropout", "ratio": dropout_ratio})
        spec.append({"type": "affine", "out": int(output_size)})
        super().__init__(
            (input_size,),
            spec,
            rng=rng,
            weight_init=weight_init_std,
            weight_decay_lambda=weight_decay_lambda,
            dtype=dtype,
        )


class TwoLayerNet(MultiLayerNet):
    """The book's ch. 4 ``TwoLayerNet``: Affine → Sigmoid → Affine → softmax, weights 0.01·N(0, 1).

    ``params`` are W1 (input_size, hidden_size), b1, W2 (hidden_size, output_size), b2.
    """

    def __init__(
        self,
        input_size: int,
        hidden_size: int,
        output_size: int,
        weight_init_std: str | float = 0.01,
        *,
        rng: np.random.Generator,
        activation: str = "sigmoid",
        dtype: type[np.floating] = np.float64,
    ) -> None:
        super().__init__(
            input_size,
            [hidden_size],
            output_size,
            rng=rng,
            activation=activation,
            weight_init_std=weight_init_std,
            dtype=dtype,
        )
