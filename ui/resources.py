"""What is loaded once per server process and shared by every session: MNIST, the models,
their test-set reports, and cached figures.

Streamlit runs every session's script in a thread of one process, and ``st.cache_resource``
hands all of them the same objects, so nothing here may be changed by a session: arrays are
flagged non-writeable (a write raises ``ValueError: assignment destination is read-only``),
a model is only asked to predict (its forward pass keeps nothing on the layers, see
tests/test_concurrency.py), and figures are ``FrozenFigure``s. Every cache has a size limit.
"""

from __future__ import annotations

import dataclasses
from types import MappingProxyType
from typing import Any

import numpy as np
import streamlit as st

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
    proba = models.mnist_test_proba(model(name).name, x_test)
    return freeze((proba, evaluate(proba, t_test)))
