"""What is loaded once per server process and shared by every session: MNIST and the models.

Everything returned here is shared between sessions, so treat it as read-only: the MNIST
arrays are flagged non-writeable, and a model is only ever asked to predict.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from lab import models
from lab.metrics import Report, evaluate
from lab.mnist import load_mnist, load_mnist_test
from lab.models import Model

MODEL_CHOICES = ("default", "book")  # what the pages offer; "default" may fall back to "book"
TRAINED_MODEL = "trained_model"  # session state: the lab.models.Model /training hands to /digits


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
def model(name: str) -> Model:
    """The trained model ``name`` ("default" or "book"); the weights ship in data/models/."""
    return models.load(name)


@st.cache_resource(show_spinner=False)
def test_report(name: str) -> tuple[np.ndarray, Report]:
    """Model ``name`` on the whole test set: probabilities (10000, 10) and the Report.

    The probabilities are read from ``data/models/<name>.test.npz`` when it matches the
    weights (``lab.models.mnist_test_proba``); only otherwise is the model run (seconds).
    """
    x_test, t_test = mnist_test()
    proba = models.mnist_test_proba(model(name).name, x_test)
    _frozen(proba)
    return proba, evaluate(proba, t_test)
