"""The shipped default model (data/models/default.npz) meets issue 4's targets.

- at least 99.4 % on the 10,000 MNIST test images (the book's DeepConvNet: 99.38 %);
- at least 96 % on the drawn-digit proxy data/drawn (pen strokes of writers not in MNIST),
  read exactly as ``python -m lab.predict`` reads files.
"""

import argparse
import sys
from pathlib import Path

import pytest

from lab.mnist import load_mnist
from lab.models import load, model_path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from eval_drawn import predictions, score  # noqa: E402

pytestmark = pytest.mark.skipif(
    not model_path("default").exists(), reason="data/models/default.npz not trained yet"
)


@pytest.fixture(scope="module")
def model():
    return load("default")


def test_default_is_the_cnn(model):
    """load('default') gives the registered CNN, not the fallback to the best other model."""
    assert model.name == "default"
    assert model.network.input_shape == (1, 28, 28)
    assert model.meta["arch"] == "default"


@pytest.mark.slow
def test_default_model_mnist_test_accuracy(model):
    """At least 99.4 % of the 10,000 test digits right (and the stored figure is honest)."""
    _, (x, t) = load_mnist(normalize=True, flatten=False)
    acc = model.network.accuracy(x, t)
    assert acc >= 0.994
    assert acc == pytest.approx(model.meta["test_acc"], abs=1e-4)


@pytest.mark.slow
def test_default_model_drawn_digit_accuracy():
    """At least 96 % of the 360 proxy drawings right, and at least 96 % on the held-out
    writers alone (w06-w11; never looked at while choosing the augmentation)."""
    args = argparse.Namespace(folder=str(ROOT / "data" / "drawn"), model="default", model_file=None)
    result = score(predictions(args))
    assert result["n"] == 360
    assert result["accuracy"]["all"] >= 0.96
    assert result["accuracy"]["held_out"] >= 0.96
