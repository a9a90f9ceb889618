"""What is loaded once per server process and shared by every session: MNIST, the models,
their test-set reports, and cached figures.

Streamlit runs every session's script in a thread of one process, and ``st.cache_resource``
hands all of them the same objects, so nothing here may be changed by a session: arrays are
flagged non-writeable (a write raises ``ValueError: assignment destination is read-only``),
a model is only asked to predict (its forward pass keeps nothing on the layers, see
tests/test_concurrency.py), and figures are ``FrozenFigure``s. Every cache has a size limit.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
from collections.abc import Callable
from types import MappingProxyType
from typing import Any

import numpy as np
import plotly.graph_objects as go
import streamlit as st
from plotly.basedatatypes import BaseFigure

from lab import models
from lab.metrics import Report, evaluate
from lab.mnist import load_mnist, load_mnist_test
from lab.models import Model

MODEL_CHOICES = ("default", "book")  # what the pages offer; "default" may fall back to "book"
TRAINED_MODEL = "trained_model"  # session state: the lab.models.Model /training hands to /digits


def freeze(obj: Any) -> Any:
    """Flag every array in obj (arrays, tuples, lists, dicts, dataclasses) non-writeable, in
    place, and return obj."""
    if isinstance(obj, np.ndarray):
        obj.flags.writeable = False
    elif isinstance(obj, tuple | list):
        for item in obj:
            freeze(item)
    elif isinstance(obj, dict | MappingProxyType):
        for item in obj.values():
            freeze(item)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            freeze(getattr(obj, f.name))
    return obj


@st.cache_resource(show_spinner=False, max_entries=1)
def mnist_uint8() -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """MNIST as stored: ``(x_train, t_train), (x_test, t_test)``, pixels uint8 0..255,
    images flattened to (N, 784), labels (N,). For showing images (a quarter of float32's size)."""
    return freeze(load_mnist(normalize=False, flatten=True))


@st.cache_resource(show_spinner=False, max_entries=1)
def mnist_test() -> tuple[np.ndarray, np.ndarray]:
    """The test set as the networks read it: x_test float32 in [0, 1], shape (10000, 784)
    (the training images are not converted: as float32 they would hold 188 MB)."""
    return freeze(load_mnist_test(normalize=True, flatten=True))


@st.cache_resource(show_spinner=False, max_entries=len(MODEL_CHOICES))
def model(name: str) -> Model:
    """The trained model ``name`` ("default" or "book"); the weights ship in data/models/.

    Its weights and batch-norm statistics are frozen and its meta is a read-only mapping.
    """
    m = models.load(name)
    freeze((m.network.params, m.network.buffers))
    if not isinstance(m.meta, MappingProxyType):
        m.meta = MappingProxyType(m.meta)
    return m


@st.cache_resource(show_spinner=False, max_entries=len(MODEL_CHOICES))
def test_report(name: str) -> tuple[np.ndarray, Report]:
    """Model ``name`` on the whole test set: probabilities (10000, 10) and the Report, every
    array in both frozen.

    The probabilities are read from ``data/models/<name>.test.npz`` when it matches the
    weights (``lab.models.mnist_test_proba``); only otherwise is the model run (seconds).
    """
    x_test, t_test = mnist_test()
    proba = models.mnist_test_proba(name, x_test)
    return freeze((proba, evaluate(proba, t_test)))


class FrozenFigure(BaseFigure):
    """A plotly figure that every session may draw with st.plotly_chart and none may change.

    It keeps only the figure's JSON-ready dict (``fig.to_dict()``, arrays already base64) and
    ``to_dict`` returns a deep copy of it, which is all st.plotly_chart reads; every other
    attribute (``update_layout``, ``layout``, ``add_trace`` ...) raises TypeError. The copy is
    cheap because the arrays are strings: 1.2 ms for /perceptron's animated 650 kB figure,
    where a live figure's own to_dict takes 42 ms and copying the figure 228 ms.
    """

    def __init__(self, fig: go.Figure) -> None:  # BaseFigure.__init__ is not called: no state
        object.__setattr__(self, "_spec", fig.to_dict())

    def to_dict(self) -> dict:
        return copy.deepcopy(self._spec)

    to_plotly_json = to_dict

    def __getattr__(self, name: str):
        raise TypeError(
            f"a shared figure is read-only (asked for {name!r}): it is cached for every "
            "session; build a new go.Figure(fig.to_dict()) to change a copy"
        )

    def __setattr__(self, name: str, value: object) -> None:
        self.__getattr__(name)

    def __repr__(self) -> str:
        return f"FrozenFigure({len(self._spec.get('data', []))} traces)"


def shared_figures(max_entries: int) -> Callable[[Callable], Callable]:
    """``st.cache_resource`` for a function returning a plotly figure or a tuple of them: each
    distinct call is built once, and every session draws the same ``FrozenFigure``s."""

    def decorate(build: Callable) -> Callable:
        @functools.wraps(build)
        def frozen(*args, **kwargs):
            out = build(*args, **kwargs)
            if isinstance(out, tuple):
                return tuple(FrozenFigure(fig) for fig in out)
            return FrozenFigure(out)

        return st.cache_resource(frozen, max_entries=max_entries, show_spinner=False)

    return decorate
