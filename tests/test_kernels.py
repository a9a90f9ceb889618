"""Tests for lab.kernels: one kernel's map equals the network's conv layer, by hand and by
the book's im2col Convolution; the strongest position and the top patches."""

import numpy as np
import pytest

from lab import kernels as K
from lab.layers import Convolution


def test_map_by_hand():
    """A 3x3 image and the kernel that sums a pixel's 4 neighbours: worked out in the comment.

    image = [[1, 2, 0], [0, 3, 0], [0, 0, 4]], zero-padded; centre (1, 1): 2 + 0 + 0 + 0 = 2;
    corner (0, 0): right 2 + down 0 = 2; (2, 2): up 0 + left 0 = 0.
    """
    image = np.array([[1, 2, 0], [0, 3, 0], [0, 0, 4]])
    plus = np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]])
    m = K.kernel_map(image, plus, bias=0.5)
    assert m[1, 1] == 2.5 and m[0, 0] == 2.5 and m[2, 2] == 0.5
    assert m[0, 1] == 1 + 0 + 3 + 0.5  # left 1, right 0, down 3


def test_equals_the_books_convolution_layer(rng):
    """For every kernel of a random 5-kernel layer, kernel_maps equals Convolution.forward's
    channel (im2col, pad 1, stride 1) to float64 rounding."""
    W = rng.standard_normal((5, 1, 3, 3))
    b = rng.standard_normal(5)
    x = rng.random((4, 1, 28, 28))
    out = Convolution(W, b, stride=1, pad=1).forward(x, False)
    for f in range(5):
        np.testing.assert_allclose(K.kernel_maps(x[:, 0], W[f, 0], b[f]), out[:, f], atol=1e-12)


def test_strongest_and_patch():
    """The peak of a map with one bright pixel is that pixel; the 3x3 patch there is what the
    kernel saw, zero outside the image."""
    image = np.zeros((5, 5))
    image[0, 4] = 1.0
    identity = np.zeros((3, 3))
    identity[1, 1] = 1.0
    m = K.kernel_map(image, identity)
    assert K.strongest(m) == (0, 4)
    p = K.patch(image, 0, 4, 3)
    np.testing.assert_array_equal(p, [[0, 0, 0], [0, 1, 0], [0, 0, 0]])
    np.testing.assert_array_equal(K.patch(image, 2, 2, 1), [[0.0]])


def test_top_patches_ranks_images_by_their_peak(rng):
    """Three images with one bright dot each (0.2, 0.9, 0.5): the identity kernel ranks them
    0.9, 0.5, 0.2 and each patch is centred on its dot."""
    images = np.zeros((3, 8, 8))
    for i, (v, r, c) in enumerate([(0.2, 1, 1), (0.9, 4, 6), (0.5, 7, 0)]):
        images[i, r, c] = v
    identity = np.zeros((3, 3))
    identity[1, 1] = 1.0
    patches, where, response = K.top_patches(images, identity, k=3, size=5)
    np.testing.assert_array_equal(where, [[1, 4, 6], [2, 7, 0], [0, 1, 1]])
    np.testing.assert_allclose(response, [0.9, 0.5, 0.2])
    assert patches.shape == (3, 5, 5)
    np.testing.assert_allclose(patches[:, 2, 2], [0.9, 0.5, 0.2])


def test_peaks_are_each_maps_maximum(rng):
    """peaks[c] is the maximum of kernel c's map: a kernel that copies the pixel peaks at the
    brightest pixel (0.75), its negative at minus the darkest (0.0 here) plus its bias."""
    image = rng.random((6, 6)) * 0.5
    image[2, 3] = 0.75
    identity = np.zeros((3, 3))
    identity[1, 1] = 1.0
    got = K.peaks(image, np.stack([identity, -identity]), np.array([0.0, 0.1]))
    np.testing.assert_allclose(got, [0.75, 0.1 - image.min()])


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: K.kernel_map(np.zeros((4, 4)), np.zeros((2, 2))), "odd size"),
        (lambda: K.kernel_map(np.zeros(784), np.zeros((3, 3))), r"\(H, W\)"),
        (lambda: K.top_patches(np.zeros((2, 4, 4)), np.zeros((3, 3)), k=3), "1 <= k <= 2"),
        (lambda: K.patch(np.zeros((4, 4)), 0, 0, 4), "odd patch size"),
        (lambda: K.peaks(np.zeros((4, 4)), np.zeros((2, 3, 3)), np.zeros(3)), "biases"),
    ],
)
def test_bad_input_says_what_to_do(call, match):
    """Wrong shapes and sizes raise ValueError naming what was expected."""
    with pytest.raises(ValueError, match=match):
        call()
