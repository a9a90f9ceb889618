"""Trained digit models: a registry of architectures, .npz weights, and ``load(name)``.

A model file ``data/models/<name>.npz`` holds one array per ``params`` key (W1, b1, ...), the
batch-norm running statistics if any, and ``__meta__``: a JSON string with the architecture
name, the network config, the seed, the epochs and the test accuracy. No pickles: files load
with ``np.load(allow_pickle=False)``.

To add a model, ``register_model(ModelSpec(name, build, recipe))``; ``python -m lab.train
--model <name>`` then trains it with ``recipe`` and ``load(name)`` returns it. Both registered
models, "book" and "default", ship trained in ``data/models/``; a missing file is an error that
says how to get it back.

Each model's probabilities on the 10,000 MNIST test images are computed once and stored beside
its weights, ``data/models/<name>.test.npz``, with the SHA-256 of the weights they came from:
``mnist_test_proba(name)`` reads them when the hash matches and computes them otherwise.
``python -m lab.models --write-predictions`` (``make predictions``) rewrites them after training.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import math
import os
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from threadpoolctl import threadpool_limits

from lab.cnn import DEFAULT_RECIPE, default_net
from lab.fast_inference import BATCH_SIZE, FastNet
from lab.mnist import load_mnist_test
from lab.network import MultiLayerNet, Net
from lab.pendigits import HELD_OUT_FILE, load_held_out

__all__ = [
    "MODELS",
    "MODEL_DIR",
    "Model",
    "ModelSpec",
    "available_models",
    "build_network",
    "file_sha256",
    "held_out_path",
    "held_out_predictions",
    "load",
    "load_model",
    "mnist_test_proba",
    "model_path",
    "predictions_path",
    "register_model",
    "save_model",
    "write_held_out_predictions",
    "write_mnist_test_proba",
]

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
IMAGE_SHAPE = (1, 28, 28)
_META_KEY = "__meta__"
_FORMAT = 1


@dataclass(frozen=True)
class ModelSpec:
    """An architecture the app knows, and how to train it.

    Attributes
    ----------
    name : str
        Also the file name: ``data/models/<name>.npz``.
    build : callable rng -> Net
        Builds a fresh, initialised network.
    recipe : dict
        Training defaults for ``python -m lab.train``: epochs, batch_size, optimizer,
        optimizer_param, lr_decay, evaluate_sample_num_per_epoch, seed.
    description : str
    """

    name: str
    build: Callable[[np.random.Generator], Net]
    recipe: dict[str, Any] = field(default_factory=dict)
    description: str = ""


MODELS: dict[str, ModelSpec] = {}


def register_model(spec: ModelSpec) -> None:
    """Add (or replace) an architecture in ``MODELS``, and forget cached loads."""
    MODELS[spec.name] = spec
    load.cache_clear()


def model_path(name: str) -> Path:
    """Where the weights of model ``name`` live: ``data/models/<name>.npz``."""
    return MODEL_DIR / f"{name}.npz"


def build_network(arch: str, rng: np.random.Generator | None = None) -> Net:
    """A fresh network of architecture ``arch`` (seed 0 unless ``rng`` is given)."""
    if arch not in MODELS:
        raise ValueError(f"unknown architecture {arch!r}; expected one of {sorted(MODELS)}")
    return MODELS[arch].build(np.random.default_rng(0) if rng is None else rng)


def save_model(path: str | os.PathLike, network: Net, arch: str, **meta: Any) -> None:
    """Write the network's params and buffers plus metadata to ``path`` (.npz, deflated).

    Parameters
    ----------
    path : path-like
    network : Net
    arch : str
        Architecture name in ``MODELS``; ``load_model`` rebuilds it and checks every shape.
    **meta
        JSON-able facts to keep, e.g. seed, epochs, test_acc.

    Notes
    -----
    Same layout as ``np.savez_compressed``, but every zip entry gets the fixed timestamp
    1980-01-01 (``np.savez`` stamps the current time), so the same weights always give the
    same bytes: training twice with one seed reproduces the file bit for bit.
    """
    arrays = {**network.params, **network.buffers}
    info = {"format": _FORMAT, "arch": arch, "config": network.config(), **meta}
    arrays[_META_KEY] = np.array(json.dumps(info, sort_keys=True))
    _write_npz(Path(path), arrays)


def _write_npz(path: Path, arrays: dict[str, ArrayLike]) -> None:
    """``np.savez_compressed`` with the fixed zip timestamp 1980-01-01, written atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for key, value in arrays.items():
            entry = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            with zf.open(entry, "w", force_zip64=True) as f:
                np.lib.format.write_array(f, np.asarray(value), allow_pickle=False)
    tmp.replace(path)  # atomic: a reader never sees half a file


def _read_npz(path: Path) -> tuple[dict[str, NDArray], dict[str, Any]]:
    if not path.exists():
        raise FileNotFoundError(f"{path} not found")
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays = {key: npz[key] for key in npz.files}
    except (OSError, ValueError, zipfile.BadZipFile) as exc:
        raise ValueError(f"{path}: not a readable .npz model file ({exc})") from None
    if _META_KEY not in arrays:
        raise ValueError(f"{path}: missing {_META_KEY!r}; save models with lab.models.save_model")
    meta = json.loads(str(arrays.pop(_META_KEY)))
    return arrays, meta


class Model:
    """A trained digit classifier: ``predict_proba``, ``predict``, and its ``network``.

    Attributes
    ----------
    name : str
    network : Net
        The book's attributes are all there: ``network.params``, ``network.layers``,
        ``network.activations(x)`` for the hidden layers.
    meta : dict
        What was stored with the weights (arch, seed, epochs, test_acc, ...).
    fast : lab.fast_inference.FastNet
        The network's weights folded once, here, for ``predict_proba``. A Model treats its
        network as frozen: a network that keeps training needs a new Model.
    """

    def __init__(self, name: str, network: Net, meta: dict[str, Any]) -> None:
        self.name = name
        self.network = network
        self.meta = meta
        self.fast = FastNet(network)

    def images(self, x: ArrayLike) -> NDArray[np.floating]:
        """Coerce digit images to a batch of the network's input shape.

        Accepts one image (784,), (28, 28), (1, 28, 28) or a batch (N, 784), (N, 28, 28),
        (N, 1, 28, 28) of floats in [0, 1] (MNIST's ``normalize=True``).
        """
        x = np.asarray(x, dtype=self.network.dtype)
        sample_shapes = {(math.prod(IMAGE_SHAPE),), IMAGE_SHAPE[1:], IMAGE_SHAPE}
        if x.shape in sample_shapes:
            x = x[None]
        elif x.shape[1:] not in sample_shapes:
            raise ValueError(
                "expected digit images of shape (784,), (28, 28) or a batch (N, 784), "
                f"(N, 28, 28), (N, 1, 28, 28), got shape {x.shape}"
            )
        lo, hi = (x.min(), x.max()) if x.size else (0, 0)
        if np.isnan(lo) or np.isnan(hi):  # min and max propagate NaN
            raise ValueError("expected pixel values in [0, 1], got NaN; check the image")
        if lo < 0 or hi > 1:
            raise ValueError(
                f"expected pixel values in [0, 1], got range [{lo}, {hi}]; "
                "divide 0-255 images by 255"
            )
        return x.reshape((len(x), *self.network.input_shape))

    def predict_proba(self, x: ArrayLike, batch_size: int = BATCH_SIZE) -> NDArray[np.floating]:
        """Class probabilities, shape (N, 10), every row positive and summing to 1.

        Runs ``lab.fast_inference`` (channels-last, batch norm folded into the convolutions
        once, when the Model was made) for one drawing and for the whole test set alike; it
        gives the teaching layers' ``softmax(network.predict(x))`` to float rounding: the same
        predictions, probabilities within 1e-5. Batches of ``batch_size`` images bound the
        memory; the answers do not depend on it.
        """
        return self.fast.predict_proba(self.images(x), batch_size)

    def predict(self, x: ArrayLike) -> NDArray[np.intp]:
        """The most probable digit for each image, shape (N,)."""
        return np.argmax(self.predict_proba(x), axis=1)

    def __repr__(self) -> str:
        acc = self.meta.get("test_acc")
        return f"Model({self.name!r}, test_acc={acc})"


def load_model(path: str | os.PathLike, arch: str | None = None) -> Model:
    """Read a model file, rebuild its architecture and check every key and shape.

    Parameters
    ----------
    path : path-like
        A file written by ``save_model``.
    arch : str, optional
        Expected architecture; by default the one named in the file.

    Raises
    ------
    ValueError
        Unknown or mismatched architecture, a missing or extra key, or a wrong shape; the
        message names it.

    Notes
    -----
    An architecture missing from ``MODELS`` (a network trained on the training page) is
    rebuilt from the ``config`` stored in the file, so every saved model loads back.
    """
    path = Path(path)
    arrays, meta = _read_npz(path)
    stored = meta.get("arch")
    arch = stored if arch is None else arch
    if stored != arch:
        raise ValueError(f"{path}: holds architecture {stored!r}, expected {arch!r}")
    network = build_network(arch) if arch in MODELS else _network_from_config(path, arch, meta)
    expected = {**network.params, **network.buffers}
    missing = [k for k in expected if k not in arrays]
    extra = sorted(k for k in arrays if k not in expected)
    if missing or extra:
        raise ValueError(
            f"{path}: keys do not match architecture {arch!r}: missing {missing}, extra {extra}"
        )
    for key, target in expected.items():
        if arrays[key].shape != target.shape:
            raise ValueError(
                f"{path}: {key!r} has shape {arrays[key].shape}, architecture {arch!r} "
                f"expects {target.shape}"
            )
        target[...] = arrays[key]  # in place: the layers hold these arrays
    return Model(arch, network, meta)


def _network_from_config(path: Path, arch: str | None, meta: dict[str, Any]) -> Net:
    """Rebuild a network that is not in the registry (e.g. one trained on the training page)
    from the constructor arguments ``save_model`` stored beside its weights."""
    config = meta.get("config")
    if not isinstance(config, dict):
        raise ValueError(
            f"{path}: unknown architecture {arch!r} and no stored config to rebuild it; "
            f"expected one of {sorted(MODELS)}"
        )
    try:
        return Net(**config, rng=np.random.default_rng(0))
    except (TypeError, ValueError, KeyError) as exc:
        raise ValueError(
            f"{path}: cannot rebuild architecture {arch!r} from its config: {exc}"
        ) from exc


def available_models() -> list[str]:
    """Registered model names whose weight file exists, in registry order."""
    return [name for name in MODELS if model_path(name).exists()]


def _weights_of(name: str) -> Path:
    """The weight file of registered model ``name``; ValueError for an unknown name,
    FileNotFoundError (saying how to get it) for a missing file."""
    if name not in MODELS:
        raise ValueError(f"unknown model {name!r}; expected one of {sorted(MODELS)}")
    path = model_path(name)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} not found; the shipped weights are in git (git checkout -- data/models/), "
            f"or train them again with python -m lab.train --model {name} (make train-{name} "
            "for book and default)"
        )
    return path


@functools.lru_cache(maxsize=8)
def load(name: str = "default") -> Model:
    """The trained model ``name`` from ``data/models`` (cached: treat it as read-only).

    Raises
    ------
    ValueError
        ``name`` is not registered in ``MODELS``.
    FileNotFoundError
        Its weight file is missing; the message says how to restore or retrain it.
    """
    return load_model(_weights_of(name), name)


# -- test-set predictions, computed once --------------------------------------------------


def predictions_path(name: str) -> Path:
    """Where model ``name``'s MNIST test-set probabilities live: ``data/models/<name>.test.npz``."""
    return MODEL_DIR / f"{name}.test.npz"


def file_sha256(path: str | os.PathLike) -> str:
    """SHA-256 of a file (the weights, or the digits they were run on), hex: what stored
    predictions are checked against."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def write_mnist_test_proba(name: str) -> Path:
    """Compute model ``name`` on the 10,000 MNIST test images and store the probabilities.

    Writes ``predictions_path(name)``: ``proba`` (10000, 10) float32 and ``weights_sha256``
    of the weights file they came from (no pickles; the same weights give the same bytes).
    ``python -m lab.models --write-predictions`` (``make predictions``) runs this for every
    model present; run it after training.
    """
    path = _weights_of(name)
    x_test, _ = load_mnist_test(normalize=True, flatten=True)
    proba = load_model(path, name).predict_proba(x_test).astype(np.float32)
    out = predictions_path(name)
    _write_npz(out, {"proba": proba, "weights_sha256": np.array(file_sha256(path))})
    return out


def _stored(
    path: Path, key: str, shape: tuple[int, ...], sources: dict[str, Path]
) -> NDArray | None:
    """The array ``key`` of a stored predictions file while it is current: for each ``field``
    of ``sources`` the file holds the SHA-256 the source file had when it was written, and
    ``key`` has ``shape``. None when the file is missing, stale or unreadable: compute then."""
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as npz:
            stored = {field: str(npz[field]) for field in sources}
            value = npz[key]
        current = all(sha == file_sha256(sources[field]) for field, sha in stored.items())
        return value if current and value.shape == shape else None
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None  # unreadable: compute instead


def mnist_test_proba(name: str, x_test: ArrayLike | None = None) -> NDArray[np.float32]:
    """Model ``name``'s probabilities on the 10,000 MNIST test images, shape (10000, 10).

    Read from ``predictions_path(name)`` when that file was computed from the present weights
    (its ``weights_sha256`` equals the weights file's); otherwise computed now from
    ``x_test`` (the normalised test images; loaded when not given), without writing.
    """
    sources = {"weights_sha256": _weights_of(name)}
    proba = _stored(predictions_path(name), "proba", (10_000, 10), sources)
    if proba is not None:
        return proba
    if x_test is None:
        x_test, _ = load_mnist_test(normalize=True, flatten=True)
    return load(name).predict_proba(x_test).astype(np.float32)


def held_out_path(name: str) -> Path:
    """Where model ``name``'s readings of the held-out pen digits live:
    ``data/models/<name>.held_out.npz``."""
    return MODEL_DIR / f"{name}.held_out.npz"


def write_held_out_predictions(name: str) -> Path:
    """Compute model ``name`` on the held-out writers' pen digits (``lab.pendigits
    .HELD_OUT_FILE``, /digits' second section) and store its predicted digits.

    Writes ``held_out_path(name)``: ``pred`` (N,) int8, the ``weights_sha256`` of the weights
    and the ``data_sha256`` of the digits file they came from. ``make predictions`` runs it
    with ``write_mnist_test_proba``.
    """
    path = _weights_of(name)
    x, _, _ = load_held_out()
    pred = load_model(path, name).predict(x).astype(np.int8)
    out = held_out_path(name)
    _write_npz(
        out,
        {
            "pred": pred,
            "weights_sha256": np.array(file_sha256(path)),
            "data_sha256": np.array(file_sha256(HELD_OUT_FILE)),
        },
    )
    return out


def held_out_predictions(name: str, x: ArrayLike | None = None) -> NDArray[np.intp]:
    """Model ``name``'s predicted digits for the held-out pen digits, shape (N,).

    Read from ``held_out_path(name)`` when it was computed from the present weights and the
    present digits file (both SHA-256 equal); otherwise computed now from ``x`` (the held-out
    images; loaded when not given), without writing. Computing takes ~0.5-1.3 s for the
    default CNN on 3,000 digits, which a fresh server's first /digits visit used to wait for.
    """
    if x is None:
        x, _, _ = load_held_out()
    sources = {"weights_sha256": _weights_of(name), "data_sha256": HELD_OUT_FILE}
    pred = _stored(held_out_path(name), "pred", (len(x),), sources)
    return pred.astype(np.intp) if pred is not None else load(name).predict(x)


def main(argv: list[str] | None = None) -> int:
    """``python -m lab.models --write-predictions [NAME ...]``: store test-set predictions
    (MNIST's 10,000 test images and the held-out pen digits)."""
    parser = argparse.ArgumentParser(prog="python -m lab.models", description=main.__doc__)
    parser.add_argument(
        "--write-predictions",
        nargs="*",
        metavar="NAME",
        help="models to compute on the MNIST test set (default: every model present)",
    )
    args = parser.parse_args(argv)
    if args.write_predictions is None:
        parser.print_help()
        return 2
    # One BLAS thread, as the lab's server runs: float32 sums in another order (more threads)
    # move the last bits of a probability (~1e-6), and the file should hold what a learner sees.
    with threadpool_limits(limits=1, user_api="blas"):
        for name in args.write_predictions or available_models():
            for out in (write_mnist_test_proba(name), write_held_out_predictions(name)):
                print(f"{name}: {out.relative_to(MODEL_DIR.parent.parent)}")
    return 0


def _book_net(rng: np.random.Generator) -> Net:
    # float32: MNIST pixels are float32 already, and products run about twice as fast. Weight
    # decay only acts in training (loss and gradient); predict ignores it.
    return MultiLayerNet(
        784,
        [50, 100],
        10,
        rng=rng,
        activation="sigmoid",
        weight_decay_lambda=1e-4,
        dtype=np.float32,
    )


register_model(
    ModelSpec(
        "book",
        _book_net,
        recipe={
            "epochs": 12,
            "batch_size": 50,
            "optimizer": "Adam",
            "optimizer_param": {"lr": 0.002},
            "lr_decay": 0.9,
            "evaluate_sample_num_per_epoch": 10000,
            "seed": 0,
        },
        description="The book's ch. 3 network 784-50-100-10, sigmoid, sigmoid, softmax; "
        "Xavier init, trained here with Adam, lr decay and a little weight decay",
    )
)

register_model(
    ModelSpec(
        "default",
        default_net,
        recipe=DEFAULT_RECIPE,
        description="A small CNN (lab.cnn): conv32-pool-BN-ReLU, conv64-pool-BN-ReLU, "
        "affine 128, dropout, affine 10; trained on augmented MNIST by lab.cnn.fit",
    )
)


if __name__ == "__main__":
    sys.exit(main())
