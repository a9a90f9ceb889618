"""Tests for lab.predict (the command line): table and JSON output, folders, blank images, and
that broken inputs are reported one line each while the run goes on, with the right exit code.
The last test runs the real `python -m lab.predict` with the trained model on drawn digits."""

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from lab import predict
from lab.digits import load_image, to_mnist

ROOT = Path(__file__).resolve().parent.parent
STROKES = {
    1: [(140, 30), (140, 250)],
    7: [(60, 50), (220, 50), (110, 240)],
    4: [(170, 250), (170, 30), (50, 180), (230, 180)],
}
PROBS = np.array([0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.6, 0.08, 0.04])  # argmax 7


def draw(path: Path, digit: int | None, width: int = 22) -> Path:
    """Black strokes of `digit` (None: blank) on white paper, 280 x 280 RGB."""
    img = Image.new("RGB", (280, 280), "white")
    if digit is not None:
        ImageDraw.Draw(img).line(STROKES[digit], fill="black", width=width, joint="curve")
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path)
    return path


class FakeModel:
    """Returns PROBS for every image and records what it was given."""

    def __init__(self):
        self.inputs = []

    def predict_proba(self, x):
        self.inputs.append(np.array(x))
        return np.tile(PROBS, (len(x), 1))


@pytest.fixture
def fake(monkeypatch):
    """Install a fake lab.models whose load('default') returns a FakeModel."""
    model = FakeModel()

    def load(name):
        if name != "default":
            raise FileNotFoundError(f"no weights for {name!r} in data/models/")
        return model

    monkeypatch.setitem(sys.modules, "lab.models", types.SimpleNamespace(load=load))
    return model


def run(capsys, *argv):
    code = predict.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def test_table_is_aligned_and_blank_says_no_ink(tmp_path, fake, capsys, monkeypatch):
    """One row per image under a header, columns right-aligned under their titles; the model's
    argmax and max are the digit and confidence; a blank page gives '-' and 'no ink found';
    exit status 0."""
    monkeypatch.chdir(tmp_path)
    draw(tmp_path / "a.png", 1)
    draw(tmp_path / "a-longer-name.png", None)
    code, out, err = run(capsys, "a.png", "a-longer-name.png")
    assert code == 0 and err == []
    assert out == [
        "path               digit  confidence",
        "a.png                  7       0.600",
        "a-longer-name.png      -           -  no ink found",
    ]


def test_json_fields_and_model_input(tmp_path, fake, capsys):
    """--json prints one object per image with path, digit, confidence, probs, error, ink; the
    model receives to_mnist(load_image(path)) as a (1, 28, 28) batch in [0, 1]."""
    paths = [draw(tmp_path / "one.png", 1), draw(tmp_path / "blank.png", None)]
    code, out, _ = run(capsys, "--json", *paths)
    rows = [json.loads(line) for line in out]
    assert code == 0 and len(rows) == 2
    assert list(rows[0]) == ["path", "digit", "confidence", "probs", "error", "ink"]
    assert rows[0] == {
        "path": str(paths[0]),
        "digit": 7,
        "confidence": 0.6,
        "probs": pytest.approx(PROBS.tolist()),
        "error": None,
        "ink": True,
    }
    assert rows[1] == {**dict.fromkeys(rows[0]), "path": str(paths[1]), "ink": False}
    assert len(fake.inputs) == 1 and fake.inputs[0].shape == (1, 28, 28)
    np.testing.assert_array_equal(fake.inputs[0][0], to_mnist(load_image(paths[0])))


def test_bad_files_are_reported_and_the_run_goes_on(tmp_path, fake, capsys):
    """Missing, non-image, truncated and too-large files and an empty folder each give one
    stderr line naming them (no traceback) and a JSON error; good files are still read; the
    exit status is 1."""
    good = draw(tmp_path / "good.png", 7)
    (tmp_path / "notes.png").write_bytes(b"this is text")
    (tmp_path / "cut.png").write_bytes(good.read_bytes()[:300])
    Image.new("1", (6000, 5000)).save(tmp_path / "huge.png")  # over the 25 M pixel limit
    (tmp_path / "empty").mkdir()
    bad = [
        tmp_path / "missing.png",
        tmp_path / "notes.png",
        tmp_path / "cut.png",
        tmp_path / "huge.png",
        tmp_path / "empty",
    ]
    code, out, err = run(capsys, "--json", *bad[:3], good, *bad[3:])
    rows = {r["path"]: r for r in map(json.loads, out)}
    assert code == 1
    assert len(err) == 5 and not any("Traceback" in line for line in err)
    for path, line, reason in zip(
        bad,
        err,
        ["no such file", "not an image", "truncated", "more than the limit", "no .png"],
        strict=True,
    ):
        assert line.startswith(f"lab.predict: {path}: ") and reason in line
        assert reason in rows[str(path)]["error"] and rows[str(path)]["digit"] is None
    assert rows[str(good)]["digit"] == 7 and rows[str(good)]["error"] is None


def test_folders_are_searched_recursively(tmp_path, fake, capsys):
    """A folder gives its images at any depth, sorted, by suffix (any case); hidden files and
    folders and other suffixes are skipped."""
    d = tmp_path / "digits"
    for name in ["b.png", "a.JPG", "sub/c.bmp", "sub/deeper/d.gif", ".hidden/e.png", ".f.png"]:
        img = Image.new("RGB", (50, 50), "white")
        ImageDraw.Draw(img).line([(25, 5), (25, 45)], fill="black", width=4)
        (d / name).parent.mkdir(parents=True, exist_ok=True)
        img.save(d / name)
    (d / "readme.txt").write_text("not an image")
    code, out, _ = run(capsys, "--json", d)
    expected = ["a.JPG", "b.png", "sub/c.bmp", "sub/deeper/d.gif"]
    assert code == 0
    assert [json.loads(line)["path"] for line in out] == [str(d / n) for n in expected]


def test_model_that_cannot_load_exits_2(tmp_path, fake, capsys):
    """An unknown model name prints one line naming it and exits 2 without reading files."""
    code, out, err = run(capsys, "--model", "nope", draw(tmp_path / "a.png", 1))
    assert code == 2 and out == []
    assert err == ["lab.predict: cannot load model 'nope': no weights for 'nope' in data/models/"]


def test_model_failure_on_one_image_is_an_error_for_that_file(tmp_path, fake, capsys, monkeypatch):
    """An exception inside the model is reported for that file, not as a traceback."""
    monkeypatch.setattr(fake, "predict_proba", lambda x: 1 / 0)
    code, out, err = run(capsys, draw(tmp_path / "a.png", 1))
    assert code == 1 and len(out) == 1  # just the header
    assert err == [f"lab.predict: {tmp_path / 'a.png'}: ZeroDivisionError: division by zero"]


def test_real_cli_reads_drawn_digits(tmp_path):
    """`python -m lab.predict --json` with the trained model reads drawn 1, 4 and 7 (black on
    white PNGs) right, says a blank page has no ink, reports a non-image, a missing path and
    an empty folder on stderr, and exits 1 because of them."""
    files = {d: draw(tmp_path / "digits" / f"{d}.png", d) for d in STROKES}
    draw(tmp_path / "digits" / "blank.png", None)
    (tmp_path / "digits" / "notes.png").write_bytes(b"text")
    (tmp_path / "nothing").mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = ["--json", tmp_path / "digits", tmp_path / "missing.png", tmp_path / "nothing"]
    proc = subprocess.run(
        [sys.executable, "-m", "lab.predict", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    rows = {Path(r["path"]).name: r for r in map(json.loads, proc.stdout.splitlines())}
    assert proc.returncode == 1, proc.stderr
    # probabilities are printed rounded to 6 decimals: 10 of them sum to 1 within 5e-6
    for digit in files:
        row = rows[f"{digit}.png"]
        assert row["digit"] == digit and row["error"] is None and len(row["probs"]) == 10
        assert row["confidence"] == max(row["probs"]) and sum(row["probs"]) == pytest.approx(
            1, abs=1e-5
        )
    assert rows["blank.png"]["ink"] is False and rows["blank.png"]["digit"] is None
    assert "not an image" in rows["notes.png"]["error"]
    assert "no such file" in rows["missing.png"]["error"]
    assert rows["nothing"]["error"].startswith("folder holds no")
    assert len(proc.stderr.splitlines()) == 3 and "Traceback" not in proc.stderr


class _Fixed:
    """A stand-in model that always answers with the same probabilities."""

    def __init__(self, proba):
        self.proba = np.asarray(proba, float)

    def predict_proba(self, x):
        assert np.asarray(x).shape == (1, 28, 28)  # a batch of one MNIST image
        return self.proba[None, :]


def test_read_digit_runs_the_pipeline_then_the_model():
    """Ink: digit = argmax of the model's probabilities, steps filled in; no ink: all None."""
    proba = np.full(10, 0.05)
    proba[7] = 0.55
    img = np.zeros((280, 280, 4), np.uint8)
    img[40:240, 130:150] = 255
    r = predict.read_digit(_Fixed(proba), img)
    assert r.digit == 7
    np.testing.assert_array_equal(r.proba, proba)
    assert r.steps.centred28.shape == (28, 28)
    empty = predict.read_digit(_Fixed(proba), np.zeros((280, 280, 4), np.uint8))
    assert (empty.digit, empty.proba, empty.steps.centred28) == (None, None, None)
