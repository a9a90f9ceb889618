"""Tests for lab.digits: the MNIST recipe (20x20 box, centre of mass at (14, 14)), input kinds,
polarity, no-ink, and load_image's refusals (decompression bomb, non-images, truncated files)."""

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFile

from lab.digits import ImageTooLarge, load_image, to_mnist, to_mnist_steps
from lab.mnist import load_mnist

SEVEN = [(60, 50), (220, 50), (110, 240)]
ONE = [(140, 30), (140, 250)]


def canvas(points, offset=(0, 0), width=20, size=280, ellipse=False) -> np.ndarray:
    """A drawable-canvas array: white strokes on transparent black, RGBA uint8."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    pts = [(x + offset[0], y + offset[1]) for x, y in points]
    if ellipse:
        draw.ellipse(pts, outline=(255, 255, 255, 255), width=width)
    else:
        draw.line(pts, fill=(255, 255, 255, 255), width=width, joint="curve")
    return np.asarray(img).copy()


def paper(points, width=20, size=280) -> np.ndarray:
    """The same strokes as black ink on white paper, RGB uint8."""
    img = Image.new("RGB", (size, size), "white")
    ImageDraw.Draw(img).line(points, fill="black", width=width, joint="curve")
    return np.asarray(img).copy()


def centre_of_mass(a: np.ndarray) -> np.ndarray:
    r = np.arange(a.shape[0])
    return np.array([r @ a.sum(axis=1), r @ a.sum(axis=0)]) / a.sum()


SHAPES = {
    "seven": canvas(SEVEN),
    "one": canvas(ONE),
    "zero": canvas([(70, 30), (210, 250)], ellipse=True),
    "small in a corner": canvas([(10, 10), (40, 10), (20, 50)], width=5),
    "wide dash": canvas([(20, 140), (260, 150)]),
}


@pytest.mark.parametrize("name", SHAPES)
def test_output_is_mnist_like(name):
    """(28, 28) float32 in [0, 1], ink inside a 20x20 box whose longer side is 20 (or 19 when
    anti-aliasing leaves an empty edge row), centre of mass within 0.5 px of (14, 14) on each
    axis: the integer shift rounds it to the nearest pixel."""
    out = to_mnist(SHAPES[name])
    assert out.shape == (28, 28) and out.dtype == np.float32
    # the thinnest stroke (20 px shrunk 13x) still covers most of a pixel
    assert out.min() == 0 and 0.9 < out.max() <= 1
    rows, cols = np.flatnonzero(out.any(axis=1)), np.flatnonzero(out.any(axis=0))
    longer = max(rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1)
    assert 19 <= longer <= 20
    # float32 sums: allow 1e-4 on top of the 0.5 px rounding bound
    assert np.all(np.abs(centre_of_mass(out.astype(np.float64)) - 14) <= 0.5 + 1e-4)


def test_translation_invariance():
    """Moving the drawing on the canvas by whole pixels does not change the result at all."""
    base = to_mnist(canvas(SEVEN))
    for offset in [(-40, 0), (30, 25), (-45, -35)]:  # the strokes stay inside the canvas
        np.testing.assert_array_equal(to_mnist(canvas(SEVEN, offset=offset)), base)


def test_polarity_and_input_kinds_agree():
    """White-on-black RGBA, black-on-white RGB, greyscale uint8 and float, and black ink on a
    transparent PNG all give the same digit (inversion is exact up to float32 rounding)."""
    ref = to_mnist(canvas(SEVEN))
    rgb = paper(SEVEN)
    grey = np.asarray(Image.fromarray(rgb).convert("L"))
    black_on_clear = np.zeros((280, 280, 4), np.uint8)
    black_on_clear[..., 3] = 255 - grey  # black ink where the paper was dark
    for image in (rgb, grey, grey / 255.0, black_on_clear, canvas(SEVEN) / 255.0):
        np.testing.assert_allclose(to_mnist(image), ref, atol=1e-5)
    assert to_mnist_steps(rgb).inverted and not to_mnist_steps(canvas(SEVEN)).inverted


def test_grey_paper_and_grey_ink_are_stretched():
    """A low-contrast photo (grey 0.6 ink on 0.9 paper) becomes the same as a crisp drawing:
    the paper level (border median) goes to 0 and the strongest ink to 1."""
    crisp = paper(SEVEN).astype(np.float64) / 255  # 0 ink, 1 paper
    photo = 0.6 + 0.3 * crisp
    np.testing.assert_allclose(to_mnist(photo), to_mnist(crisp), atol=1e-5)


@pytest.mark.parametrize(
    "image",
    [
        np.zeros((280, 280, 4), np.uint8),  # untouched canvas: transparent black
        np.full((280, 280, 4), (255, 255, 255, 0), np.uint8),  # transparent white
        np.full((280, 280, 4), (0, 0, 0, 255), np.uint8),  # opaque black
        np.full((100, 50, 3), 255, np.uint8),  # white paper
        np.full((64, 64), 0.5),  # uniform grey
        np.full((64, 64), 0.9) - 0.1 * np.eye(64),  # faint marks below the 0.2 contrast floor
    ],
)
def test_no_ink_gives_none(image):
    """An image without ink (contrast with the paper < 0.2) gives None, and steps stop early."""
    assert to_mnist(image) is None
    steps = to_mnist_steps(image)
    assert steps.centred28 is None and steps.bbox is None
    assert steps.grey.shape == image.shape[:2] and not steps.grey.any()


def test_steps_are_consistent():
    """bbox crops grey to `cropped`; resized20 has longer side 20 and the aspect ratio of the
    crop; it sits at `offset` in centred28 and is zero elsewhere."""
    steps = to_mnist_steps(canvas(SEVEN))
    top, left, bottom, right = steps.bbox
    np.testing.assert_array_equal(steps.grey[top:bottom, left:right], steps.cropped)
    h, w = steps.resized20.shape
    assert max(h, w) == 20
    assert abs(h / w - steps.cropped.shape[0] / steps.cropped.shape[1]) < 1 / min(h, w)
    r0, c0 = steps.offset
    inside = np.zeros((28, 28), bool)
    inside[r0 : r0 + h, c0 : c0 + w] = True
    np.testing.assert_array_equal(steps.centred28[inside].reshape(h, w), steps.resized20)
    assert not steps.centred28[~inside].any()
    np.testing.assert_allclose(
        np.array(steps.centre_of_mass) + steps.offset, centre_of_mass(steps.centred28), atol=1e-4
    )


def test_input_is_not_mutated():
    """to_mnist never writes into the caller's array."""
    image = canvas(SEVEN)
    before = image.copy()
    to_mnist(image)
    np.testing.assert_array_equal(image, before)


@pytest.mark.parametrize(
    ("image", "match"),
    [
        (np.zeros((2, 28, 28, 1)), "expected an image of shape"),
        (np.zeros((28, 28, 2)), "expected an image of shape"),
        (np.zeros((0, 5)), "expected an image of shape"),
        (np.full((28, 28), 255.0), r"expected float pixels in \[0, 1\]"),
        (np.full((28, 28), np.nan), r"expected float pixels in \[0, 1\]"),
        (np.full((28, 28), 1000), r"expected integer pixels in \[0, 255\]"),
    ],
)
def test_bad_input_raises(image, match):
    """Wrong shapes and out-of-range values raise ValueError saying what was expected."""
    with pytest.raises(ValueError, match=match):
        to_mnist(image)


@pytest.fixture(scope="module")
def mnist_test_images() -> np.ndarray:
    _, (x, _) = load_mnist(normalize=False, flatten=False)
    return x[:100, 0]


def test_nearest_upscaled_mnist_is_recovered(mnist_test_images):
    """An MNIST digit blown up 10x (each pixel a 10x10 block) comes back as itself: its ink box
    is 200 px, BOX-shrunk by 10 gives the original pixels, the same centre of mass gives the
    same place. Measured on the first 100 test digits: median mean-abs-diff 1e-9, 99 below
    0.005 (faint < 0.1 fringe pixels are left out of the box; pixel max 254 is stretched to
    255); one digit (index 63) has its centre of mass at x = 13.504, on a rounding tie, and
    lands 1 px over (mean abs diff 0.057)."""
    big = [
        Image.fromarray(x).resize((280, 280), Image.Resampling.NEAREST) for x in mnist_test_images
    ]
    diffs = np.array(
        [
            np.abs(to_mnist(np.asarray(b)) - x / 255).mean()
            for b, x in zip(big, mnist_test_images, strict=True)
        ]
    )
    assert np.median(diffs) < 1e-4
    assert (diffs < 0.005).sum() >= 97


def test_smooth_upscaled_mnist_is_close(mnist_test_images):
    """With a smooth (bilinear) 10x upscale the blur widens the ink box a little, so the digit
    comes back slightly smaller: mean abs diff 0.032 over the first 100 test digits, half of
    what shifting the original by one pixel gives (0.064). Pinned at 0.04 and 0.1 per digit."""
    diffs = np.array(
        [
            np.abs(to_mnist(np.asarray(Image.fromarray(x).resize((280, 280)))) - x / 255).mean()
            for x in mnist_test_images
        ]
    )
    assert diffs.mean() < 0.04 and diffs.max() < 0.1


# load_image ---------------------------------------------------------------------------------


def png_bytes(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


def big_blank_png(width: int, height: int) -> bytes:
    """A valid 1-bit greyscale PNG of any size, streamed through zlib (~0.5 s, 194 kB for
    40000 x 40000). Pillow would need 200 MB and several seconds to build it in memory; it
    decodes this file fine when its own limit is lifted (checked by hand)."""
    row = bytes(1 + (width + 7) // 8)  # filter byte 0, then one row of black pixels

    def chunk(tag: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(tag + payload)
        return struct.pack(">I", len(payload)) + tag + payload + struct.pack(">I", crc)

    z = zlib.compressobj(9)
    idat = b"".join(z.compress(row) for _ in range(height)) + z.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.fixture
def no_decoding(monkeypatch):
    """Make any attempt to decode pixels fail the test."""

    def refuse(self):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)


def test_decompression_bomb_is_refused_before_decoding(tmp_path, no_decoding, monkeypatch):
    """A 40000 x 40000 PNG (1.6 G pixels, 194 kB on disk) is refused from its header."""
    path = tmp_path / "bomb.png"
    path.write_bytes(big_blank_png(40000, 40000))
    with pytest.raises(ImageTooLarge, match=r"bomb\.png: image too large"):
        load_image(path)  # Pillow's own bomb check fires first, in Image.open
    with monkeypatch.context() as m:
        m.setattr(Image, "MAX_IMAGE_PIXELS", None)  # without it, our max_pixels still refuses
        assert Image.open(path).size == (40000, 40000)  # a real PNG header
        with pytest.raises(ImageTooLarge, match="1,600,000,000 pixels, more than the limit"):
            load_image(path)


def test_max_pixels_is_checked_before_decoding(tmp_path, no_decoding):
    """An image over max_pixels (but under Pillow's own limit) is refused, naming its size."""
    path = tmp_path / "big.png"
    Image.new("1", (6000, 5000)).save(path)
    with pytest.raises(ImageTooLarge, match=r"6000x5000 = 30,000,000 pixels, more than the limit"):
        load_image(path)
    with pytest.raises(ValueError, match="more than the limit of 100"):
        load_image(png_bytes(Image.new("L", (11, 10))), max_pixels=100)


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda p: p, "no such file"),
        (lambda p: p.parent, "is a folder"),
        (lambda p: (p.write_bytes(b"hello, not a picture"), p)[1], "not an image"),
        (lambda p: (p.write_bytes(b""), p)[1], "not an image"),
    ],
)
def test_unreadable_paths_raise_value_error(tmp_path, make, match):
    """Missing files, folders and non-images raise ValueError naming the file."""
    path = make(tmp_path / "digit.png")
    with pytest.raises(ValueError, match=match) as info:
        load_image(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.99])
def test_truncated_png_raises_value_error(keep):
    """A PNG cut short (header intact, pixel data missing) raises ValueError, not OSError."""
    rng = np.random.default_rng(0)
    data = png_bytes(Image.fromarray(rng.integers(0, 256, (200, 200, 3), dtype=np.uint8)))
    with pytest.raises(ValueError, match="<bytes>: truncated or corrupt image"):
        load_image(data[: int(len(data) * keep)])


@pytest.mark.parametrize(
    ("mode", "shape"),
    [
        ("L", (30, 40)),
        ("RGB", (30, 40, 3)),
        ("RGBA", (30, 40, 4)),
        ("1", (30, 40)),
        ("P", (30, 40, 3)),
    ],
)
def test_load_image_round_trip(mode, shape):
    """A PNG written by Pillow reads back with the same pixels, as L, RGB or RGBA uint8."""
    rng = np.random.default_rng(0)
    rgba = Image.fromarray(rng.integers(0, 256, (30, 40, 4), dtype=np.uint8))
    img = rgba if mode == "RGBA" else rgba.convert("RGB").convert(mode)
    out = load_image(png_bytes(img))
    assert out.shape == shape and out.dtype == np.uint8
    expected = img.convert({"1": "L", "P": "RGB"}.get(mode, mode))
    np.testing.assert_array_equal(out, np.asarray(expected))


def test_load_image_keeps_transparency():
    """A palette PNG with a transparent colour comes back as RGBA with alpha 0 there."""
    img = Image.new("P", (8, 8), 0)
    img.putpalette([0, 0, 0, 255, 255, 255])
    img.putpixel((3, 3), 1)
    img.info["transparency"] = 0
    out = load_image(png_bytes(img))
    assert out.shape == (8, 8, 4)
    assert out[3, 3].tolist() == [255, 255, 255, 255] and out[0, 0, 3] == 0


def test_16_bit_png_is_scaled_not_clipped():
    """16-bit greyscale keeps its high byte (v >> 8), so it is not saturated at 255."""
    a = (np.arange(64 * 64, dtype=np.uint32).reshape(64, 64) * 16).astype(np.uint16)
    img = Image.fromarray(a)
    assert img.mode.startswith("I;16")
    out = load_image(png_bytes(img))
    assert out.dtype == np.uint8
    np.testing.assert_array_equal(out, a >> 8)


def test_exif_orientation_is_applied():
    """A phone photo stored sideways with EXIF orientation 6 (rotate 90) is turned upright."""
    img = Image.new("L", (40, 20), 255)
    img.putpixel((0, 0), 0)  # a dark pixel at the stored top-left corner
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    img.save(buf, format="PNG", exif=exif)
    out = load_image(buf.getvalue())
    assert out.shape == (40, 20)  # width and height swapped
    assert out[0, -1] == 0  # rotated 90 degrees clockwise: top-left goes to top-right
