"""Tests for lab.mnist: the IDX format (round trip and every way a file can be broken), the
decoded cache (damaged or stale caches are rebuilt), one-hot labels, and the real MNIST files
(published checksums, per-class counts, first labels, every flag combination)."""

import gzip
import hashlib
import importlib.util
import io
import itertools
import os
import pickle
import shutil
import time

import numpy as np
import pytest

from lab import mnist
from lab.mnist import CACHE_NAME, DATA_DIR, FILES, load_mnist, read_idx, to_one_hot, write_idx

# idx ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a.idx", "a.idx.gz"])
@pytest.mark.parametrize("shape", [(5,), (3, 4, 2), (2, 1, 3, 3), (0, 28, 28)])
def test_idx_round_trip(tmp_path, rng, name, shape):
    """write_idx then read_idx gives back the same uint8 array, plain or gzip."""
    a = rng.integers(0, 256, shape, dtype=np.uint8)
    write_idx(tmp_path / name, a)
    b = read_idx(tmp_path / name)
    assert b.dtype == np.uint8 and b.shape == shape and b.flags.writeable
    np.testing.assert_array_equal(b, a)


def test_idx_bytes_are_the_published_layout(tmp_path):
    """Header 00 00 08 ndim, big-endian uint32 dims, then the data; gzip output has mtime 0
    and is byte-for-byte reproducible. Hand-worked: labels [7, 2, 1] -> 00000801 00000003 070201.
    """
    write_idx(tmp_path / "t.idx", np.array([7, 2, 1]))
    assert (tmp_path / "t.idx").read_bytes() == bytes.fromhex("00000801 00000003 070201")
    write_idx(tmp_path / "x.gz", np.zeros((2, 3), np.uint8))
    raw = (tmp_path / "x.gz").read_bytes()
    assert raw[4:8] == b"\0\0\0\0"  # gzip MTIME field
    assert gzip.decompress(raw) == bytes.fromhex("00000802 00000002 00000003") + bytes(6)
    write_idx(tmp_path / "y.gz", np.zeros((2, 3), np.uint8))
    assert (tmp_path / "y.gz").read_bytes() == raw


def test_write_idx_does_not_mutate_and_checks_values(tmp_path):
    """Integer arrays in 0..255 of any int dtype are written as ubyte, the caller's array kept;
    floats, out-of-range values and 0-d arrays are refused with ValueError."""
    a = np.array([[0, 255], [3, 4]], dtype=np.int64)
    write_idx(tmp_path / "a.idx", a)
    assert a.dtype == np.int64
    np.testing.assert_array_equal(read_idx(tmp_path / "a.idx"), a)
    for bad, match in [
        (np.array([0.5]), "integers in"),
        (np.array([256]), r"range \[256, 256\]"),
        (np.array([-1, 3]), r"range \[-1, 3\]"),
        (np.array(3, dtype=np.uint8), "1 to 255 dimensions"),
    ]:
        with pytest.raises(ValueError, match=match):
            write_idx(tmp_path / "bad.idx", bad)


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b"", "expected a 4-byte IDX magic number, got 0 bytes"),
        (bytes.fromhex("01000801 00000001 05"), "not an IDX file: expected magic 00 00 08"),
        (b"PK\x03\x04 zipfile", "not an IDX file"),
        (bytes.fromhex("00000d01 00000001 00000000"), "type 0x0d is not supported"),
        (bytes.fromhex("00000800"), "at least 1 dimension"),
        (bytes.fromhex("00000803 0000000a 0000001c"), "truncated header: 3 dimensions need 16"),
        (
            bytes.fromhex("00000801 00000005 0102"),
            r"truncated: dims \(5,\) need 5 data bytes, got 2",
        ),
        (bytes.fromhex("00000802 00000002 00000002") + bytes(3), r"dims \(2, 2\) need 4"),
        (bytes.fromhex("00000801 00000002 010203"), "trailing bytes"),
    ],
)
def test_read_idx_rejects_broken_files(tmp_path, data, match):
    """Bad magic, unsupported type, wrong dims, truncated data and trailing bytes each raise
    ValueError naming the file and what is wrong, plain or gzip-compressed."""
    for path in (_write(tmp_path / "f.idx", data), _write(tmp_path / "f.gz", gzip.compress(data))):
        with pytest.raises(ValueError, match=match) as info:
            read_idx(path)
        assert str(path) in str(info.value)


def test_read_idx_rejects_truncated_gzip(tmp_path):
    """A gzip stream cut short (a half-downloaded .gz) raises ValueError, not EOFError."""
    write_idx(tmp_path / "x.gz", np.arange(200, dtype=np.uint8).reshape(10, 20))
    raw = (tmp_path / "x.gz").read_bytes()
    (tmp_path / "cut.gz").write_bytes(raw[: len(raw) // 2])
    with pytest.raises(ValueError, match=r"cut\.gz: corrupt or truncated gzip"):
        read_idx(tmp_path / "cut.gz")


# one-hot ----------------------------------------------------------------------------------


def test_to_one_hot():
    """Row i is 1 at column t[i], 0 elsewhere, float32 (N, C); argmax inverts it."""
    t = np.array([7, 2, 1, 0, 4], dtype=np.uint8)
    y = to_one_hot(t)
    assert y.shape == (5, 10) and y.dtype == np.float32
    np.testing.assert_array_equal(y[0], [0, 0, 0, 0, 0, 0, 0, 1, 0, 0])
    np.testing.assert_array_equal(y.argmax(axis=1), t)
    np.testing.assert_array_equal(y.sum(axis=1), 1)
    assert to_one_hot([1, 2], num_classes=3).tolist() == [[0, 1, 0], [0, 0, 1]]
    assert to_one_hot(np.array([], dtype=int)).shape == (0, 10)


@pytest.mark.parametrize(
    ("t", "match"),
    [
        ([10], r"labels in \[0, 10\), got range \[10, 10\]"),
        ([-1], r"got range \[-1, -1\]"),
        ([0.0, 1.0], "integer labels"),
        ([[0, 1]], "1-D array"),
    ],
)
def test_to_one_hot_rejects_bad_labels(t, match):
    """Out-of-range, float and 2-D labels raise ValueError saying what was expected."""
    with pytest.raises(ValueError, match=match):
        to_one_hot(t)


# load_mnist on tiny data, and its cache --------------------------------------------------


@pytest.fixture
def tiny_dir(tmp_path, rng):
    """A data folder with 6 train and 4 test random digits in the four IDX files."""
    for part, n in (("train", 6), ("test", 4)):
        write_idx(tmp_path / FILES[f"x_{part}"], rng.integers(0, 256, (n, 28, 28)))
        write_idx(tmp_path / FILES[f"t_{part}"], rng.integers(0, 10, n))
    return tmp_path


def _raw(data_dir):
    return {key: read_idx(data_dir / name) for key, name in FILES.items()}


def test_load_mnist_matches_the_files_and_writes_a_cache(tiny_dir, monkeypatch):
    """load_mnist returns the IDX content, with the book's scaling (pixel / 255), and leaves a
    cache; a second call reads only the cache (no IDX decoding) and returns the same arrays."""
    raw = _raw(tiny_dir)
    (x, t), (xt, tt) = load_mnist(data_dir=tiny_dir)
    assert (tiny_dir / CACHE_NAME).is_file()
    np.testing.assert_array_equal(x, raw["x_train"].reshape(6, 784).astype(np.float32) / 255)
    np.testing.assert_array_equal(xt, raw["x_test"].reshape(4, 784).astype(np.float32) / 255)
    np.testing.assert_array_equal(t, raw["t_train"])
    np.testing.assert_array_equal(tt, raw["t_test"])
    monkeypatch.setattr(mnist, "read_idx", lambda path: pytest.fail(f"decoded {path}"))
    (x2, t2), (xt2, tt2) = load_mnist(data_dir=tiny_dir)
    for a, b in ((x, x2), (t, t2), (xt, xt2), (tt, tt2)):
        np.testing.assert_array_equal(a, b)


def test_returned_arrays_are_fresh(tiny_dir):
    """Changing what load_mnist returned does not change what the next call returns."""
    (x, t), _ = load_mnist(normalize=False, data_dir=tiny_dir)
    before = x.copy()
    x[:] = 0
    t[:] = 0
    (x2, _), _ = load_mnist(normalize=False, data_dir=tiny_dir)
    np.testing.assert_array_equal(x2, before)


@pytest.mark.parametrize(
    "damage",
    [
        "garbage",  # not a zip at all
        "truncated",  # a zip cut in half (killed while writing)
        "missing key",  # an npz without the test labels
        "wrong shape",  # images that are not (N, 28, 28)
        "stale",  # built from other source files
    ],
)
def test_damaged_or_stale_cache_is_rebuilt(tiny_dir, damage):
    """Any damaged, incomplete or stale cache is ignored, the data comes from the IDX files,
    and a good cache replaces it."""
    load_mnist(data_dir=tiny_dir)
    cache = tiny_dir / CACHE_NAME
    good = dict(np.load(cache))
    if damage == "garbage":
        cache.write_bytes(b"not a zip file")
    elif damage == "truncated":
        cache.write_bytes(cache.read_bytes()[: cache.stat().st_size // 2])
    elif damage == "missing key":
        np.savez(cache, **{k: v for k, v in good.items() if k != "t_test"})
    elif damage == "wrong shape":
        np.savez(cache, **{**good, "x_train": good["x_train"].reshape(6, 784)})
    else:  # the source changes: new test labels, the old cache must not be used
        write_idx(tiny_dir / FILES["t_test"], (read_idx(tiny_dir / FILES["t_test"]) + 1) % 10)
    raw = _raw(tiny_dir)
    (x, t), (xt, tt) = load_mnist(normalize=False, flatten=False, data_dir=tiny_dir)
    for key, got in (("x_train", x[:, 0]), ("t_train", t), ("x_test", xt[:, 0]), ("t_test", tt)):
        np.testing.assert_array_equal(got, raw[key])
    with np.load(cache, allow_pickle=False) as z:
        np.testing.assert_array_equal(z["t_test"], raw["t_test"])
        assert z["x_train"].shape == (6, 28, 28)


def test_stale_temporaries_of_a_killed_writer_are_removed(tiny_dir):
    """A cache temporary older than STALE_SECONDS (a server killed mid-write) is deleted by
    the next load_mnist; a fresh one (a writer still at work) and other files are kept."""
    old, fresh = tiny_dir / ".tmp-k1ll3d.cache.npz", tiny_dir / ".tmp-w0rk1ng.cache.npz"
    other = tiny_dir / "notes.tmp"
    for path in (old, fresh, other):
        path.write_bytes(b"half a zip")
    long_ago = time.time() - mnist.STALE_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    load_mnist(data_dir=tiny_dir)
    assert not old.exists() and fresh.exists() and other.exists()
    assert (tiny_dir / CACHE_NAME).is_file()
    assert sorted(p.name for p in tiny_dir.glob(mnist.TMP_GLOB)) == [fresh.name]


def test_missing_files_say_how_to_build_them(tmp_path):
    """An empty data folder raises FileNotFoundError pointing at scripts/build_mnist.py."""
    with pytest.raises(FileNotFoundError, match=r"train-images-idx3-ubyte\.gz.*build_mnist\.py"):
        load_mnist(data_dir=tmp_path)


def test_inconsistent_files_are_refused(tiny_dir):
    """Labels that do not match the number of images raise ValueError (not a silent misfit)."""
    write_idx(tiny_dir / FILES["t_train"], np.zeros(5, np.uint8))
    with pytest.raises(ValueError, match=r"expected train images \(N, 28, 28\)"):
        load_mnist(data_dir=tiny_dir)


# scripts/build_mnist.py: the restricted unpickler -----------------------------------------


@pytest.fixture(scope="module")
def build_mnist():
    path = DATA_DIR.parent.parent / "scripts" / "build_mnist.py"
    spec = importlib.util.spec_from_file_location("build_mnist", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_unpickler_rebuilds_arrays(build_mnist):
    """Arrays inside tuples come back equal from protocol 2 and 5 pickles written here. (The
    real input, a Python 2 pickle, needs a subset of these globals; the build from it checks
    the published label counts and checksums.)"""
    data = ((np.arange(6, dtype=np.float32).reshape(2, 3), np.array([5, 0], np.int64)),)
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        raw = pickle.dumps(data, protocol=protocol)
        ((x, t),) = build_mnist.ArrayUnpickler(io.BytesIO(raw), encoding="latin1").load()
        np.testing.assert_array_equal(x, data[0][0])
        np.testing.assert_array_equal(t, data[0][1])


@pytest.mark.parametrize("payload", [os.system, print, shutil.rmtree, np.load])
def test_unpickler_refuses_everything_else(build_mnist, payload):
    """Any global that is not needed to rebuild an array (here functions a malicious pickle
    would call) raises UnpicklingError before anything runs."""
    raw = pickle.dumps(payload)
    with pytest.raises(pickle.UnpicklingError, match="only numpy arrays are allowed"):
        build_mnist.ArrayUnpickler(io.BytesIO(raw)).load()


# the real MNIST files --------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_dir(tmp_path_factory):
    """A copy of data/mnist, so this test never races the app over the shared cache."""
    d = tmp_path_factory.mktemp("mnist")
    for name in FILES.values():
        shutil.copy(DATA_DIR / name, d / name)
    return d


def test_real_files_match_the_published_checksums():
    """The decompressed files hash to SHA256SUMS, whose values are the published ones for the
    original MNIST (train images ba8910..., test images 0fa789...)."""
    sums = dict(line.split()[::-1] for line in (DATA_DIR / "SHA256SUMS").read_text().splitlines())
    assert sums["train-images-idx3-ubyte"].startswith("ba891046e6505d7a")
    assert sums["t10k-images-idx3-ubyte"].startswith("0fa7898d509279e4")
    for name in FILES.values():
        raw = gzip.decompress((DATA_DIR / name).read_bytes())
        assert hashlib.sha256(raw).hexdigest() == sums[name.removesuffix(".gz")]


@pytest.fixture(scope="module")
def real_raw(real_dir):
    """Training images as uint8 (60000, 784) and labels, the reference for the flag tests."""
    (x, t), _ = load_mnist(normalize=False, data_dir=real_dir)
    return x, t


def test_real_mnist_labels(real_dir):
    """Per-class counts and first labels are those of the published MNIST."""
    (_, t), (_, tt) = load_mnist(data_dir=real_dir)
    counts = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
    np.testing.assert_array_equal(np.bincount(t), counts)
    np.testing.assert_array_equal(
        np.bincount(tt), [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
    )
    np.testing.assert_array_equal(t[:10], [5, 0, 4, 1, 9, 2, 1, 3, 1, 4])
    np.testing.assert_array_equal(tt[:10], [7, 2, 1, 0, 4, 1, 4, 9, 5, 9])


@pytest.mark.parametrize(
    ("normalize", "flatten", "one_hot_label"), list(itertools.product([True, False], repeat=3))
)
def test_real_mnist_flags(real_dir, real_raw, normalize, flatten, one_hot_label):
    """Each flag combination gives the book's shapes, dtypes and ranges, and the same data:
    normalize -> float32 pixel/255 in [0, 1] else uint8 0..255; flatten -> (N, 784) else
    (N, 1, 28, 28); one_hot_label -> float32 (N, 10) rows else uint8 (N,)."""
    (x, t), (xt, tt) = load_mnist(normalize, flatten, one_hot_label, data_dir=real_dir)
    x_ref, t_ref = real_raw
    img_shape = (784,) if flatten else (1, 28, 28)
    assert x.shape == (60000, *img_shape) and xt.shape == (10000, *img_shape)
    if normalize:
        assert x.dtype == np.float32 and x.min() == 0 and x.max() == 1
        np.testing.assert_array_equal(x.reshape(60000, 784), x_ref.astype(np.float32) / 255)
    else:
        assert x.dtype == np.uint8 and x.max() == 255
        np.testing.assert_array_equal(x.reshape(60000, 784), x_ref)
    if one_hot_label:
        assert t.shape == (60000, 10) and tt.shape == (10000, 10) and t.dtype == np.float32
        np.testing.assert_array_equal(t.argmax(axis=1), t_ref)
    else:
        assert t.shape == (60000,) and tt.shape == (10000,) and t.dtype == np.uint8
