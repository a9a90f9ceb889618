"""Read handwritten digits with a trained network: one image array (``read_digit``, for the
/digits page), or image files from the command line.

Usage::

    python -m lab.predict PATH... [--model NAME] [--json]

Each PATH is an image file (PNG, JPEG, BMP, GIF; anything Pillow reads is tried) or a folder,
searched recursively for ``*.png *.jpg *.jpeg *.bmp *.gif`` (case-insensitive, sorted, hidden
files and folders skipped, symlinked folders not followed). Every image goes through
``read_digit``: MNIST's own preprocessing (``lab.digits.to_mnist_steps``), then
``model.predict_proba``.

Output: one line per image, an aligned table (path, digit, confidence) or, with ``--json``, one
JSON object per line: ``{"path", "digit", "confidence", "probs", "error", "ink"}``. A blank
image has ``digit`` null and ``ink`` false. A file that cannot be read (missing, not an image,
truncated, too large) gets an error line on stderr naming it (and, with ``--json``, an object
with ``error`` set) and the run goes on. Exit status: 0 if every file was read, 1 if any failed,
2 if the model could not be loaded or the arguments are wrong.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lab.digits import DigitSteps, load_image, to_mnist_steps

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif"}
PROG = "lab.predict"


@dataclass(frozen=True)
class Reading:
    """One drawing or photo read by a model (see ``read_digit``).

    Attributes
    ----------
    steps : DigitSteps
        The preprocessing, step by step; ``steps.centred28`` is the model input.
    digit : int or None
        The most probable digit; None when the image holds no ink.
    proba : ndarray of float64, shape (10,), or None
        The model's probabilities (sum to 1); None when there is no ink.
    """

    steps: DigitSteps
    digit: int | None
    proba: NDArray[np.float64] | None


def read_digit(model, image: ArrayLike) -> Reading:
    """Turn an image into MNIST's format (``lab.digits.to_mnist_steps``) and classify it.

    Parameters
    ----------
    model : lab.models.Model
        Anything with ``predict_proba(x) -> (N, 10)``.
    image : array_like, shape (H, W), (H, W, 3) or (H, W, 4)
        A canvas or a photo, either polarity (see ``to_mnist``).
    """
    steps = to_mnist_steps(image)
    if steps.centred28 is None:
        return Reading(steps, None, None)
    proba = model.predict_proba(steps.centred28[np.newaxis])[0]  # a batch of one image
    return Reading(steps, int(np.argmax(proba)), proba)


def find_images(paths: list[str]) -> Iterator[tuple[str, str | None]]:
    """Expand folders into their image files: yields (path, error or None), in order."""
    for p in paths:
        if not Path(p).is_dir():
            yield p, None  # a file, or a missing path: load_image says what is wrong
            continue
        found = []
        for root, dirs, files in os.walk(p):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found += [
                os.path.join(root, f)
                for f in files
                if not f.startswith(".") and Path(f).suffix.lower() in IMAGE_SUFFIXES
            ]
        if not found:
            yield p, "folder holds no .png, .jpg, .jpeg, .bmp or .gif file"
        yield from ((f, None) for f in sorted(found))


def _row(path: str, **fields) -> dict:
    """A result with every JSON key, in a fixed order."""
    return {
        "path": path,
        "digit": None,
        "confidence": None,
        "probs": None,
        "error": None,
        "ink": None,
        **fields,
    }


def predict_file(model, path: str) -> dict:
    """One result: digit, confidence and probabilities, or why there are none."""
    try:
        reading = read_digit(model, load_image(path))
        if reading.digit is None:
            return _row(path, ink=False)
        probs = np.asarray(reading.proba, dtype=np.float64)
    except ValueError as exc:  # load_image's messages start with the file name
        return _row(path, error=str(exc).removeprefix(f"{Path(path)}: "))
    except Exception as exc:  # one bad file must not stop the run
        return _row(path, error=f"{type(exc).__name__}: {exc}")
    return _row(
        path,
        digit=reading.digit,
        confidence=round(float(probs[reading.digit]), 6),
        probs=[round(float(p), 6) for p in probs],
        ink=True,
    )


def _table_line(row: dict, width: int) -> str:
    if not row["ink"]:
        return f"{row['path']:<{width}}  {'-':>5}  {'-':>10}  no ink found"
    return f"{row['path']:<{width}}  {row['digit']:>5}  {row['confidence']:>10.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog=f"python -m {PROG}", description="Read handwritten digits from image files."
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="image files or folders")
    parser.add_argument("--model", default="default", help="model name (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    args = parser.parse_args(argv)
    try:
        model = importlib.import_module("lab.models").load(args.model)
    except Exception as exc:
        print(f"{PROG}: cannot load model {args.model!r}: {exc}", file=sys.stderr)
        return 2
    items = list(find_images(args.paths))
    width = max(len("path"), *(len(p) for p, _ in items))
    if not args.json:
        print(f"{'path':<{width}}  {'digit':>5}  {'confidence':>10}")
    failed = False
    for path, error in items:
        row = predict_file(model, path) if error is None else _row(path, error=error)
        if row["error"] is not None:
            failed = True
            print(f"{PROG}: {path}: {row['error']}", file=sys.stderr, flush=True)
            if args.json:
                print(json.dumps(row), flush=True)
        else:
            print(json.dumps(row) if args.json else _table_line(row, width), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
