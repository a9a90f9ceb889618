"""Tests for lab.models and lab.train: the shipped book model, input shapes, file checks, CLI."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from lab import models, train
from lab.mnist import load_mnist
from lab.models import (
    MODELS,
    ModelSpec,
    available_models,
    build_network,
    load,
    load_model,
    model_path,
    save_model,
)
from lab.network import MultiLayerNet

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def mnist_test():
    """The real MNIST test set, (10000, 784) float32 in [0, 1] and int labels."""
    _, (x_test, t_test) = load_mnist(normalize=True, flatten=True)
    return x_test, t_test


def _tiny_spec(name: str) -> ModelSpec:
    return ModelSpec(name, lambda rng: MultiLayerNet(784, [3], 10, rng=rng), {"epochs": 1})


def test_book_model_reaches_97_percent(mnist_test):
    """The shipped book model (784-50-100-10 sigmoid) is >= 97 % accurate on the 10k test set
    (the book's sample_weight.pkl: 93.52 %), and its file says the same."""
    x, t = mnist_test
    model = load("book")
    acc = float(np.mean(model.predict(x) == t))
    assert acc >= 0.97
    assert model.meta["test_acc"] == pytest.approx(acc, abs=1e-12)
    assert model.meta["arch"] == "book"
    assert list(model.network.layers) == ["Affine1", "Sigmoid1", "Affine2", "Sigmoid2", "Affine3"]


def test_predict_proba_accepts_every_image_shape(mnist_test):
    """(N,784), (N,28,28), (N,1,28,28) give the same (N,10) rows summing to 1; one image as
    (784,), (28,28) or (1,28,28) gives a (1,10) row equal to the batch's first row."""
    model = load("book")
    x = mnist_test[0][:5]
    p = model.predict_proba(x)
    assert p.shape == (5, 10)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=4 * np.finfo(np.float64).eps)
    assert np.all(p > 0)
    for batch in (x.reshape(5, 28, 28), x.reshape(5, 1, 28, 28)):
        np.testing.assert_array_equal(model.predict_proba(batch), p)
    for one in (x[0], x[0].reshape(28, 28), x[0].reshape(1, 28, 28)):
        # one row takes BLAS's matrix-vector path: equal up to float32 rounding of the scores
        # (~eps32 · |score| ≈ 1e-6 relative in the probabilities)
        tol = 100 * np.finfo(np.float32).eps
        np.testing.assert_allclose(model.predict_proba(one), p[:1], rtol=tol, atol=tol * 1e-3)
    assert model.predict(x).dtype.kind == "i"
    np.testing.assert_array_equal(model.predict(x), np.argmax(p, axis=1))


def test_predict_proba_rejects_bad_images():
    """Wrong shapes and 0-255 pixels raise ValueError saying what is expected."""
    model = load("book")
    with pytest.raises(ValueError, match=r"got shape \(27, 27\)"):
        model.predict_proba(np.zeros((27, 27)))
    with pytest.raises(ValueError, match="divide 0-255 images by 255"):
        model.predict_proba(np.full((28, 28), 255.0))
    with pytest.raises(ValueError, match="got NaN"):
        model.predict_proba(np.full(784, np.nan))


def test_a_missing_weight_file_says_how_to_get_it(tmp_path, monkeypatch):
    """With data/models/default.npz missing, load('default') and its test-set predictions
    raise FileNotFoundError saying how to restore or retrain it; no other model stands in."""
    monkeypatch.setattr(models, "MODEL_DIR", tmp_path)
    load.cache_clear()
    try:
        for get in (load, models.mnist_test_proba, models.write_mnist_test_proba):
            with pytest.raises(FileNotFoundError, match=r"default\.npz not found") as err:
                get("default")
            assert "git checkout -- data/models/" in str(err.value)
            assert "python -m lab.train --model default" in str(err.value)
            assert "make train-default" in str(err.value)
    finally:
        load.cache_clear()


def test_save_load_round_trip_and_bytes(tmp_path, rng):
    """save_model then load_model restores every array exactly and the metadata; saving the
    same weights twice gives byte-identical files (fixed zip timestamps)."""
    net = build_network("book", rng)
    a, b = tmp_path / "a.npz", tmp_path / "b.npz"
    save_model(a, net, "book", seed=5, test_acc=0.5)
    save_model(b, net, "book", seed=5, test_acc=0.5)
    assert a.read_bytes() == b.read_bytes()
    model = load_model(a)
    for key, value in net.params.items():
        np.testing.assert_array_equal(model.network.params[key], value)
    assert model.meta["seed"] == 5 and model.meta["config"] == json.loads(json.dumps(net.config()))
    with np.load(a, allow_pickle=False) as npz:  # no pickles inside
        assert set(npz.files) == {*net.params, "__meta__"}


def _write_npz(path: Path, arrays: dict, arch: str = "book") -> None:
    np.savez(path, __meta__=np.array(json.dumps({"arch": arch})), **arrays)


def test_load_rejects_missing_extra_and_misshapen_keys(tmp_path, rng):
    """A file with a missing key, an extra key or a wrong shape raises ValueError naming it."""
    params = dict(build_network("book", rng).params)
    missing = {k: v for k, v in params.items() if k != "W3"}
    _write_npz(tmp_path / "missing.npz", missing)
    with pytest.raises(ValueError, match=r"missing \['W3'\], extra \[\]"):
        load_model(tmp_path / "missing.npz")
    _write_npz(tmp_path / "extra.npz", {**params, "W9": np.zeros(2)})
    with pytest.raises(ValueError, match=r"missing \[\], extra \['W9'\]"):
        load_model(tmp_path / "extra.npz")
    _write_npz(tmp_path / "shape.npz", {**params, "W1": np.zeros((784, 30))})
    with pytest.raises(ValueError, match=r"'W1' has shape \(784, 30\).*expects \(784, 50\)"):
        load_model(tmp_path / "shape.npz")
    with pytest.raises(ValueError, match="holds architecture 'book', expected 'cnn'"):
        load_model(tmp_path / "shape.npz", arch="cnn")
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    with pytest.raises(ValueError, match=r"not a readable \.npz"):
        load_model(tmp_path / "junk.npz")


def test_registry_is_extensible(tmp_path, monkeypatch, rng):
    """A registered architecture saves and loads; load(name) finds it in MODEL_DIR, and a
    missing file raises FileNotFoundError telling how to train it."""
    monkeypatch.setattr(models, "MODEL_DIR", tmp_path)
    monkeypatch.setitem(MODELS, "tiny", _tiny_spec("tiny"))
    load.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match="--model tiny"):
            load("tiny")
        save_model(model_path("tiny"), build_network("tiny", rng), "tiny", test_acc=0.1)
        assert load("tiny").network.params["W1"].shape == (784, 3)
        assert available_models() == ["tiny"]
        for unknown in (load, models.mnist_test_proba):
            with pytest.raises(ValueError, match="unknown model 'nope'; expected one of"):
                unknown("nope")
    finally:
        load.cache_clear()


def test_train_cli_quick_run(tmp_path):
    """python -m lab.train --model book --epochs 1 --limit 500 writes a loadable model and
    ends with a test-accuracy line; the same seed writes the same bytes."""
    outs = [tmp_path / "a.npz", tmp_path / "b.npz"]
    for out in outs:
        cmd = [sys.executable, "-m", "lab.train", "--model", "book", "--epochs", "1"]
        cmd += ["--limit", "500", "--seed", "3", "--out", str(out)]
        res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert res.returncode == 0, res.stderr
        assert res.stdout.strip().splitlines()[-1].startswith("test accuracy ")
        assert "epoch 1/1" in res.stderr
    assert outs[0].read_bytes() == outs[1].read_bytes()
    model = load_model(outs[0])
    assert model.meta["epochs"] == 1 and model.meta["train_size"] == 500
    assert model.meta["seed"] == 3 and 0.0 <= model.meta["test_acc"] <= 1.0


@pytest.mark.parametrize(("argv", "threads"), [([], 1), (["--blas-threads", "2"], 2)])
def test_train_holds_blas_threads_while_it_runs(argv, threads, monkeypatch):
    """lab.train.main runs the training with every BLAS on one thread (what reproduces the
    shipped weights), or on --blas-threads N, and gives BLAS its previous setting back."""
    seen = []
    monkeypatch.setattr(train, "_run", lambda args: seen.append(_blas_threads()) or 0)
    with threadpool_limits(limits=3, user_api="blas"):
        assert train.main(["--model", "book", *argv]) == 0
        assert _blas_threads() == {3}
    assert seen == [{threads}]
    with pytest.raises(SystemExit):
        train.main(["--blas-threads", "0"])


def test_importing_train_sets_no_environment():
    """Importing lab.train leaves the environment (OPENBLAS_NUM_THREADS ...) as it was."""
    env = {k: v for k, v in os.environ.items() if "THREADS" not in k}
    code = "import os; e = dict(os.environ); import lab.train; print(dict(os.environ) == e)"
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True)
    assert res.stdout.strip() == b"True", res.stderr


def _blas_threads() -> set[int]:
    return {d["num_threads"] for d in threadpool_info() if d["user_api"] == "blas"}


def test_unregistered_architecture_rebuilds_from_its_config(tmp_path, rng):
    """A file whose architecture is not registered (a net trained on the training page) loads
    from the config saved beside its weights, with the same predictions; a file with neither
    a known architecture nor a config is refused with a clear message."""
    from lab.network import TwoLayerNet

    net = TwoLayerNet(784, 7, 10, rng=rng)
    save_model(tmp_path / "page.npz", net, "TwoLayerNet", test_acc=0.1)
    model = load_model(tmp_path / "page.npz")
    x = rng.random((3, 784))
    np.testing.assert_array_equal(model.network.predict(x), net.predict(x))
    _write_npz(tmp_path / "bare.npz", dict(net.params), arch="mystery")
    with pytest.raises(ValueError, match="unknown architecture 'mystery' and no stored config"):
        load_model(tmp_path / "bare.npz")


@pytest.mark.parametrize("name", ["default", "book"])
def test_stored_test_predictions_are_the_models_own(name, mnist_test):
    """data/models/<name>.test.npz was computed from the present weights (same SHA-256), and
    its probabilities equal the model's on the 10,000 test images (float32 rounding)."""
    path = models.predictions_path(name)
    with np.load(path, allow_pickle=False) as npz:
        sha, proba = str(npz["weights_sha256"]), npz["proba"]
    assert sha == models.file_sha256(model_path(name)), (
        f"{path} is stale: run `make predictions` (python -m lab.models --write-predictions)"
    )
    with threadpool_limits(limits=1, user_api="blas"):  # as the file is written (lab.models)
        fresh = load(name).predict_proba(mnist_test[0])
    assert proba.dtype == np.float32 and proba.shape == (10_000, 10)
    np.testing.assert_allclose(proba, fresh, rtol=0, atol=1e-6)
    np.testing.assert_array_equal(models.mnist_test_proba(name), proba)


@pytest.mark.parametrize("name", ["default", "book"])
def test_stored_held_out_predictions_are_the_models_own(name):
    """data/models/<name>.held_out.npz was computed from the present weights and the present
    held-out digits (same SHA-256s), and holds the model's own reading of each of them."""
    from lab.pendigits import HELD_OUT_FILE, load_held_out

    path = models.held_out_path(name)
    with np.load(path, allow_pickle=False) as npz:
        sha, data_sha, pred = str(npz["weights_sha256"]), str(npz["data_sha256"]), npz["pred"]
    stale = f"{path} is stale: run `make predictions` (python -m lab.models --write-predictions)"
    assert sha == models.file_sha256(model_path(name)), stale
    assert data_sha == models.file_sha256(HELD_OUT_FILE), stale
    x, _, _ = load_held_out()
    with threadpool_limits(limits=1, user_api="blas"):  # as the file is written (lab.models)
        fresh = load(name).predict(x)
    assert pred.dtype == np.int8 and pred.shape == (len(x),) == (3000,)
    np.testing.assert_array_equal(pred, fresh)
    got = models.held_out_predictions(name)
    assert got.dtype == np.intp
    np.testing.assert_array_equal(got, fresh)


@pytest.fixture
def tiny_stored(tmp_path, monkeypatch, rng):
    """A "tiny" model saved in a temporary model directory, and its predictions written by
    the CLI (``python -m lab.models --write-predictions tiny``)."""
    monkeypatch.setattr(models, "MODEL_DIR", tmp_path)
    monkeypatch.setitem(MODELS, "tiny", _tiny_spec("tiny"))
    load.cache_clear()
    save_model(model_path("tiny"), build_network("tiny", rng), "tiny")
    assert models.main(["--write-predictions", "tiny"]) == 0
    yield
    load.cache_clear()


def test_held_out_predictions_are_checked_against_weights_and_digits(
    tiny_stored, tmp_path, monkeypatch, rng
):
    """held_out_predictions reads the stored file while both hashes match, and computes
    afresh once the weights or the digits file change; the CLI writes the file."""
    from lab.pendigits import load_held_out

    stored = models.held_out_path("tiny")
    with np.load(stored, allow_pickle=False) as npz:
        kept = {k: npz[k] for k in ("weights_sha256", "data_sha256")}
    marker = np.full(3000, -1, np.int8)  # no model predicts -1
    models._write_npz(stored, {"pred": marker, **kept})
    x, _, _ = load_held_out()
    np.testing.assert_array_equal(models.held_out_predictions("tiny", x), marker)

    digits = models.HELD_OUT_FILE
    other = tmp_path / "other_digits.npz"  # the digits file changed: computed
    other.write_bytes(b"not the same bytes")
    monkeypatch.setattr(models, "HELD_OUT_FILE", other)
    got = models.held_out_predictions("tiny", x)
    np.testing.assert_array_equal(got, load("tiny").predict(x))
    monkeypatch.setattr(models, "HELD_OUT_FILE", digits)  # the real digits file again
    np.testing.assert_array_equal(models.held_out_predictions("tiny", x), marker)

    save_model(model_path("tiny"), build_network("tiny", rng), "tiny")  # new weights
    load.cache_clear()
    got = models.held_out_predictions("tiny", x)
    np.testing.assert_array_equal(got, load("tiny").predict(x))
    assert (got >= 0).all()


def test_stored_predictions_are_checked_against_the_weights(tiny_stored, rng):
    """mnist_test_proba reads the stored file while its hash matches the weights, and
    computes afresh (not from the file) once the weights change; the CLI writes the file."""
    stored = models.predictions_path("tiny")
    with np.load(stored, allow_pickle=False) as npz:
        sha = str(npz["weights_sha256"])
    marker = np.full((10_000, 10), 0.1, np.float32)  # not what the model computes
    models._write_npz(stored, {"proba": marker, "weights_sha256": np.array(sha)})
    np.testing.assert_array_equal(models.mnist_test_proba("tiny"), marker)

    save_model(model_path("tiny"), build_network("tiny", rng), "tiny")  # new weights
    load.cache_clear()
    x_test = rng.random((10_000, 784)).astype(np.float32)
    got = models.mnist_test_proba("tiny", x_test)
    np.testing.assert_allclose(got, load("tiny").predict_proba(x_test), atol=1e-7)
    assert not np.allclose(got, marker)
