"""MNIST: the IDX file format and the book's ``load_mnist``.

The four files in ``data/mnist/`` are the original published IDX files (gzip), see
``data/README.md``. ``load_mnist`` keeps the book's signature and meanings
(《深度学习入门》 ch. 3, ``dataset/mnist.py``) but reads IDX instead of a pickle, and keeps a
decoded copy in ``data/mnist/mnist.cache.npz`` (plain arrays, never pickled) so the second call
is fast.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike, NDArray

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "mnist"
FILES = {
    "x_train": "train-images-idx3-ubyte.gz",
    "t_train": "train-labels-idx1-ubyte.gz",
    "x_test": "t10k-images-idx3-ubyte.gz",
    "t_test": "t10k-labels-idx1-ubyte.gz",
}
CACHE_NAME = "mnist.cache.npz"
TMP_GLOB = ".tmp-*.cache.npz"  # _write_cache's temporaries (mkstemp prefix and suffix)
STALE_SECONDS = 600  # a temporary older than this was left by a writer that died
_UBYTE = 0x08  # IDX type code for unsigned bytes, the only one MNIST uses
_GZIP_MAGIC = b"\x1f\x8b"


def read_idx(path: str | os.PathLike) -> NDArray[np.uint8]:
    """Read an IDX file of unsigned bytes (gzip-compressed or plain).

    Parameters
    ----------
    path : str or path-like
        An IDX file. Gzip is detected from the content (magic ``1f 8b``), not the name.

    Returns
    -------
    ndarray of uint8, shape ``dims`` from the header
        A fresh, writable array, e.g. (60000, 28, 28) for the training images.

    Raises
    ------
    ValueError
        The file is truncated, has trailing bytes, a bad gzip stream or a bad header; the
        message names the file and what is wrong.

    Notes
    -----
    IDX layout (big-endian): ``00 00 TT DD`` where ``TT`` is the element type (0x08 = ubyte)
    and ``DD`` the number of dimensions, then ``DD`` uint32 sizes, then the data in C order.
    """
    path = Path(path)
    raw = path.read_bytes()
    if raw[:2] == _GZIP_MAGIC:
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise ValueError(f"{path}: corrupt or truncated gzip stream ({exc})") from None
    if len(raw) < 4:
        raise ValueError(f"{path}: expected a 4-byte IDX magic number, got {len(raw)} bytes")
    if raw[0] != 0 or raw[1] != 0:
        raise ValueError(
            f"{path}: not an IDX file: expected magic 00 00 08 <ndim>, got {raw[:4].hex(' ')}"
        )
    if raw[2] != _UBYTE:
        raise ValueError(
            f"{path}: IDX element type 0x{raw[2]:02x} is not supported; expected 0x08 (ubyte)"
        )
    ndim = raw[3]
    if ndim == 0:
        raise ValueError(f"{path}: expected at least 1 dimension in the IDX header, got 0")
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise ValueError(
            f"{path}: truncated header: {ndim} dimensions need {header} bytes, got {len(raw)}"
        )
    dims = tuple(int(d) for d in np.frombuffer(raw, dtype=">u4", count=ndim, offset=4))
    expected = int(np.prod(dims, dtype=np.int64))
    got = len(raw) - header
    if got != expected:
        what = "truncated" if got < expected else "trailing bytes"
        raise ValueError(
            f"{path}: {what}: dims {dims} need {expected} data bytes, got {got}; "
            "re-download or rebuild it with scripts/build_mnist.py"
        )
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(dims).copy()


def write_idx(path: str | os.PathLike, array: ArrayLike) -> None:
    """Write an array of bytes as an IDX file; gzip it when ``path`` ends in ``.gz``.

    Parameters
    ----------
    path : str or path-like
        Destination. A ``.gz`` file is written with gzip mtime 0, so the same array always
        gives the same bytes.
    array : array_like of an integer dtype, values in [0, 255], 1-D to 255-D
        Written as ubyte (type 0x08) in C order; the caller's array is not modified.

    Raises
    ------
    ValueError
        ``array`` is 0-D, not of an integer dtype, or has values outside [0, 255].
    """
    a = np.asarray(array)
    if a.ndim == 0 or a.ndim > 255:
        raise ValueError(f"expected an array with 1 to 255 dimensions, got {a.ndim}")
    if a.dtype != np.uint8:
        if not np.issubdtype(a.dtype, np.integer) or (a.size and (a.min() < 0 or a.max() > 255)):
            got = f"range [{a.min()}, {a.max()}]" if a.size else "no values"
            raise ValueError(
                f"expected integers in [0, 255] (IDX ubyte), got dtype {a.dtype} with {got}; "
                "scale and round first, e.g. np.rint(x * 255).astype(np.uint8)"
            )
        a = a.astype(np.uint8)
    header = bytes([0, 0, _UBYTE, a.ndim]) + np.asarray(a.shape, dtype=">u4").tobytes()
    data = header + np.ascontiguousarray(a).tobytes()
    path = Path(path)
    if path.suffix == ".gz":
        data = gzip.compress(data, compresslevel=9, mtime=0)
    path.write_bytes(data)


def to_one_hot(t: ArrayLike, num_classes: int = 10) -> NDArray[np.float32]:
    """Turn class labels into one-hot rows (the book's ``_change_one_hot_label``, vectorised).

    Parameters
    ----------
    t : array_like of int, shape (N,)
        Labels in ``[0, num_classes)``.
    num_classes : int
        Length of each one-hot row.

    Returns
    -------
    ndarray of float32, shape (N, num_classes)
        Row ``i`` is 1 at column ``t[i]`` and 0 elsewhere, so every row sums to 1.
    """
    t = np.asarray(t)
    if t.ndim != 1 or not np.issubdtype(t.dtype, np.integer):
        raise ValueError(
            f"expected a 1-D array of integer labels, got shape {t.shape} and dtype {t.dtype}; "
            "pass labels like t_train, not one-hot rows"
        )
    if t.size and (t.min() < 0 or t.max() >= num_classes):
        raise ValueError(
            f"expected labels in [0, {num_classes}), got range [{t.min()}, {t.max()}]; "
            "raise num_classes or fix the labels"
        )
    return np.eye(num_classes, dtype=np.float32)[t]


def _fingerprint(data_dir: Path) -> str:
    """SHA-256 over the four source .gz files, so the cache notices any change to them."""
    h = hashlib.sha256()
    for name in FILES.values():
        h.update(hashlib.sha256((data_dir / name).read_bytes()).digest())
    return h.hexdigest()


def _read_cache(cache: Path, fingerprint: str) -> dict[str, NDArray[np.uint8]] | None:
    """The cached arrays if the cache is readable, complete and built from these files."""
    try:
        with np.load(cache, allow_pickle=False) as z:
            if str(z["fingerprint"]) != fingerprint:
                return None
            arrays = {key: z[key] for key in FILES}
        _check_shapes(arrays, cache)
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile, zlib.error):
        return None
    return arrays


def remove_stale_temporaries(data_dir: Path, max_age: float = STALE_SECONDS) -> list[Path]:
    """Delete cache temporaries (``.tmp-*.cache.npz``) older than ``max_age`` seconds.

    A server killed while writing the cache leaves its temporary behind, and nothing else
    would ever remove it (one MNIST cache is ~55 MB). Writing takes about a second, so a
    temporary ten minutes old belongs to no live writer; younger ones are left alone, as
    another process may be writing one right now. Returns the files removed.
    """
    cutoff = time.time() - max_age
    removed = []
    for tmp in Path(data_dir).glob(TMP_GLOB):
        try:
            if tmp.stat().st_mtime < cutoff:
                tmp.unlink()
                removed.append(tmp)
        except OSError:  # gone already, or a read-only folder: nothing to do
            continue
    return removed


def _write_cache(cache: Path, arrays: dict[str, NDArray[np.uint8]], fingerprint: str) -> None:
    """Write the cache atomically (temp file + rename); skip quietly if the folder is read-only."""
    try:
        # the temp name matches the .gitignore pattern data/mnist/*.cache.npz
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".tmp-", suffix=".cache.npz")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez(f, fingerprint=np.array(fingerprint), **arrays)
        os.chmod(tmp, 0o644)  # mkstemp makes it owner-only; the cache is as public as the data
        os.replace(tmp, cache)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def _check_shapes(arrays: dict[str, NDArray[np.uint8]], where: Path) -> None:
    """Images (N, 28, 28) uint8 and labels (N,) uint8 in 0..9, with matching N."""
    for part in ("train", "test"):
        x, t = arrays[f"x_{part}"], arrays[f"t_{part}"]
        ok = (
            x.dtype == np.uint8
            and t.dtype == np.uint8
            and x.ndim == 3
            and x.shape[1:] == (28, 28)
            and t.shape == (x.shape[0],)
            and (t.size == 0 or t.max() <= 9)
        )
        if not ok:
            raise ValueError(
                f"{where}: expected {part} images (N, 28, 28) uint8 and labels (N,) uint8 in "
                f"0..9, got {x.shape} {x.dtype} and {t.shape} {t.dtype}; rebuild the data with "
                "scripts/build_mnist.py"
            )


def _load_raw(data_dir: Path) -> dict[str, NDArray[np.uint8]]:
    """The four arrays as stored (uint8, images (N, 28, 28)), through the cache."""
    missing = [name for name in FILES.values() if not (data_dir / name).is_file()]
    if missing:
        raise FileNotFoundError(
            f"MNIST files missing in {data_dir}: {', '.join(missing)}; "
            "build them with: python scripts/build_mnist.py"
        )
    remove_stale_temporaries(data_dir)
    fingerprint = _fingerprint(data_dir)
    cache = data_dir / CACHE_NAME
    arrays = _read_cache(cache, fingerprint)
    if arrays is None:
        arrays = {key: read_idx(data_dir / name) for key, name in FILES.items()}
        _check_shapes(arrays, data_dir)
        _write_cache(cache, arrays, fingerprint)
    return arrays


def load_mnist(
    normalize: bool = True,
    flatten: bool = True,
    one_hot_label: bool = False,
    data_dir: str | os.PathLike | None = None,
) -> tuple[tuple[NDArray, NDArray], tuple[NDArray, NDArray]]:
    """Read MNIST: ``(x_train, t_train), (x_test, t_test)``, as in the book.

    Parameters
    ----------
    normalize : bool
        True: images are float32 ``pixel / 255`` in [0, 1]. False: uint8 pixels 0..255.
    flatten : bool
        True: images have shape (N, 784). False: (N, 1, 28, 28), channel first as in the book.
    one_hot_label : bool
        True: labels are float32 one-hot rows of shape (N, 10). False: uint8 labels 0..9 of
        shape (N,) (uint8 as in the IDX file and the book; cast before arithmetic like
        ``t - 1``).
    data_dir : str or path-like, optional
        Folder holding the four IDX .gz files; default: the repository's ``data/mnist``.

    Returns
    -------
    (x_train, t_train), (x_test, t_test)
        N = 60000 for train, 10000 for test. Fresh arrays on every call: changing them does not
        affect the next call.

    Notes
    -----
    The decoded uint8 arrays are cached in ``mnist.cache.npz`` next to the files, with a
    SHA-256 fingerprint of the .gz files. A cache that is damaged, incomplete or built from
    other files is ignored and rewritten; temporaries a killed writer left behind are removed
    (``remove_stale_temporaries``).
    """
    raw = _load_raw(Path(data_dir) if data_dir is not None else DATA_DIR)
    train, test = (
        _prepare(raw[f"x_{part}"], raw[f"t_{part}"], normalize, flatten, one_hot_label)
        for part in ("train", "test")
    )
    return train, test


def load_mnist_test(
    normalize: bool = True,
    flatten: bool = True,
    data_dir: str | os.PathLike | None = None,
) -> tuple[NDArray, NDArray]:
    """Only the test set of ``load_mnist``: ``(x_test, t_test)``, same meanings and values.

    For code that never trains: the 60,000 training images are not converted (as float32
    they would take 188 MB).
    """
    raw = _load_raw(Path(data_dir) if data_dir is not None else DATA_DIR)
    return _prepare(raw["x_test"], raw["t_test"], normalize, flatten, False)


def _prepare(
    x: NDArray[np.uint8], t: NDArray[np.uint8], normalize: bool, flatten: bool, one_hot: bool
) -> tuple[NDArray, NDArray]:
    if normalize:
        x = np.divide(x, np.float32(255.0), dtype=np.float32)
    x = x.reshape(-1, 784) if flatten else x.reshape(-1, 1, 28, 28)
    return x, to_one_hot(t) if one_hot else t
