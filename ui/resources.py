"""What is loaded once per server process and shared by every session: MNIST and the models.

Everything returned here is shared between sessions, so treat it as read-only: the MNIST
arrays are flagged non-writeable, and a model is only ever asked to predict.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from lab import models
from lab.evaluate import Report, evaluate
from lab.mnist import load_mnist, load_mnist_test
from lab.models import Model

MODEL_CHOICES = ("default", "book")  # what the pages offer; "default" may fall back to "book"


def _frozen(*arrays: np.ndarray) -> None:
    for a in arrays:
        a.flags.writeable = False


@st.cache_resource(show_spinner=False)
def mnist_uint8() -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """MNIST as stored: ``(x_train, t_train), (x_test, t_test)``, pixels uint8 0..255,
    images flattened to (N, 784), labels (N,). For showing images (a quarter of float32's size)."""
    (x_train, t_train), (x_test, t_test) = load_mnist(normalize=False, flatten=True)
    _frozen(x_train, t_train, x_test, t_test)
    return (x_train, t_train), (x_test, t_test)


@st.cache_resource(show_spinner=False)
def mnist_test() -> tuple[np.ndarray, np.ndarray]:
    """The test set as the networks read it: x_test float32 in [0, 1], shape (10000, 784)
    (the training images are not converted: as float32 they would hold 188 MB)."""
    x_test, t_test = load_mnist_test(normalize=True, flatten=True)
    _frozen(x_test, t_test)
    return x_test, t_test


@st.cache_resource(show_spinner=False)
def model(name: str) -> Model | None:
    """The trained model ``name`` ("default" or "book"); None when its weights are missing."""
    try:
        return models.load(name)
    except FileNotFoundError:
        return None


@st.cache_resource(show_spinner=False)
def test_report(name: str) -> tuple[np.ndarray, Report] | None:
    """Model ``name`` on the whole test set: probabilities (10000, 10) and the Report.

    The probabilities are read from ``data/models/<name>.test.npz`` when it matches the
    weights (``lab.models.mnist_test_proba``); only otherwise is the model run (seconds).
    """
    m = model(name)
    if m is None:
        return None
    x_test, t_test = mnist_test()
    proba = models.mnist_test_proba(m.name, x_test)
    _frozen(proba)
    return proba, evaluate(proba, t_test)
