"""Tests for lab.augment: distortions with known geometry, re-centring, seeded batches."""

import numpy as np
import pytest

from lab.augment import THICKNESS, affine_matrix, augment, distort, thicken
from lab.mnist import load_mnist


def _ink_box(img: np.ndarray) -> tuple[int, int]:
    """(height, width) of the pixels brighter than 0.1."""
    rows = np.flatnonzero((img > 0.1).any(axis=1))
    cols = np.flatnonzero((img > 0.1).any(axis=0))
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


def _centre_of_mass(img: np.ndarray) -> tuple[float, float]:
    r, c = np.indices(img.shape)
    return float((r * img).sum() / img.sum()), float((c * img).sum() / img.sum())


@pytest.fixture(scope="module")
def digits() -> np.ndarray:
    (x, _), _ = load_mnist(normalize=True, flatten=False)
    return x[:200]


def test_affine_matrix_closed_forms():
    """Zero distortion is the identity; 90° sends the x axis up the screen (y is down);
    the determinant is the aspect ratio (rotation and shear keep area)."""
    np.testing.assert_allclose(affine_matrix(0, 0, 1), np.eye(2), atol=1e-15)
    np.testing.assert_allclose(affine_matrix(90, 0, 1) @ [1, 0], [0, -1], atol=1e-15)
    np.testing.assert_allclose(affine_matrix(0, 0.5, 1) @ [0, 2], [1, 2])  # x += shear·y
    a = affine_matrix(13, 0.3, 1.4)
    assert np.linalg.det(a) == pytest.approx(1.4, rel=1e-12)


def test_thicken_one_pixel_grows_to_square_and_back():
    """One dilation pass turns a lone pixel into a 3x3 block (hand-worked: the separable 3x3
    max); one erosion pass turns a 5x5 block back into its 3x3 core; width 0 is a copy."""
    x = np.zeros((1, 9, 9), np.float32)
    x[0, 4, 4] = 0.7
    d = thicken(x, 1)
    expected = np.zeros_like(x)
    expected[0, 3:6, 3:6] = 0.7
    np.testing.assert_array_equal(d, expected)
    assert x[0, 4, 3] == 0  # input untouched
    block = np.zeros((1, 9, 9), np.float32)
    block[0, 2:7, 2:7] = 1
    core = np.zeros_like(block)
    core[0, 3:6, 3:6] = 1
    np.testing.assert_array_equal(thicken(block, -1), core)
    np.testing.assert_array_equal(thicken(block, 2), np.ones((1, 9, 9)))
    np.testing.assert_array_equal(thicken(block, 0), block)


def test_thicken_erosion_keeps_ink_touching_the_border():
    """Erosion pads with edge values: a bar along the border loses only its inner edge."""
    x = np.zeros((1, 6, 6), np.float32)
    x[0, :, :3] = 1
    np.testing.assert_array_equal(thicken(x, -1)[0, :, :2], 1)
    np.testing.assert_array_equal(thicken(x, -1)[0, :, 2:], 0)


def test_distort_rotation_and_aspect_change_the_shape_of_the_ink():
    """A horizontal bar turned 90° stands up; a square made twice as wide is then fitted as
    20 wide by about 10 high (to_mnist fits the longer side to 20)."""
    bar = np.zeros((56, 56), np.float32)
    bar[26:30, 8:48] = 1
    h, w = _ink_box(distort(bar, rotate=90))
    assert h == 20 and w < 8
    square = np.zeros((56, 56), np.float32)
    square[18:38, 18:38] = 1
    h, w = _ink_box(distort(square, aspect=2.0))
    assert w == 20 and 9 <= h <= 11


def test_distort_shear_leans_the_top_left():
    """Positive shear moves the top of a vertical bar left of its bottom."""
    bar = np.zeros((56, 56), np.float32)
    bar[8:48, 26:30] = 1
    y = distort(bar, shear=0.4)
    cols = np.arange(28)
    top, bottom = y[5:9], y[19:23]
    assert (top.sum(0) @ cols) / top.sum() < (bottom.sum(0) @ cols) / bottom.sum() - 3


def test_distort_of_nothing_is_none():
    """No ink in, None out (as to_mnist)."""
    assert distort(np.zeros((56, 56), np.float32), rotate=10) is None


def test_augment_recentres_like_to_mnist(digits):
    """Every distorted digit fits 20x20 and has its centre of mass within 0.5 px of (14, 14)
    (plus float slack), like a canvas drawing after to_mnist."""
    y = augment(digits, np.random.default_rng(0), p=1.0)
    assert y.shape == digits.shape and y.dtype == np.float32
    assert 0 <= y.min() and y.max() <= 1
    for img in y[:, 0]:
        assert max(_ink_box(img)) <= 20
        r, c = _centre_of_mass(img)
        assert abs(r - 14) <= 0.5 + 1e-3 and abs(c - 14) <= 0.5 + 1e-3


def test_augment_is_seeded_and_leaves_its_input_alone(digits):
    """Same seed, same batch; another seed, another batch; p=0 is an unchanged copy; the
    fraction distorted follows p."""
    before = digits.copy()
    a = augment(digits, np.random.default_rng(1))
    np.testing.assert_array_equal(a, augment(digits, np.random.default_rng(1)))
    assert not np.array_equal(a, augment(digits, np.random.default_rng(2)))
    np.testing.assert_array_equal(digits, before)
    same = augment(digits, np.random.default_rng(1), p=0.0)
    np.testing.assert_array_equal(same, digits)
    assert same is not digits
    changed = np.mean([not np.array_equal(u, v) for u, v in zip(a, digits, strict=True)])
    assert 0.7 <= changed <= 0.9  # p = 0.8 on 200 images: binomial sd 0.03


def test_augment_accepts_flat_batches(digits):
    """(N, 784) in, (N, 784) out, same values as the (N, 1, 28, 28) batch."""
    flat = augment(digits.reshape(len(digits), -1), np.random.default_rng(3))
    np.testing.assert_array_equal(flat, augment(digits, np.random.default_rng(3)).reshape(-1, 784))


@pytest.mark.parametrize(
    ("x", "kwargs", "match"),
    [
        (np.zeros((28, 28)), {}, "add the batch axis"),
        (np.zeros((2, 27, 27)), {}, "batch of 28x28"),
        (np.zeros((2, 784)), {"p": 1.5}, "p in"),
        (np.zeros((2, 784)), {"thick": (1.0,)}, f"{len(THICKNESS)} thickness"),
    ],
)
def test_augment_rejects_bad_input(x, kwargs, match):
    """Wrong shapes and parameters raise ValueError saying what was expected."""
    with pytest.raises(ValueError, match=match):
        augment(x, np.random.default_rng(0), **kwargs)
