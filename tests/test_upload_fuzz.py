"""The digit upload under odd and hostile files: every file gives a prediction or a clear
refusal, and no file costs more than a small multiple of its pixels.

Issue 11: a 60x65000 PNG (12 kB) cost the server 4.3 GB (a thumbnail padded to 65000x65000),
and 40000x100 or 4,000,000x1 PNGs ended in Streamlit's English error box. Here every kind of
file a class might send (extreme sizes and ratios, 1-bit, 16-bit, palette, CMYK, LA/RGBA,
animated GIF/PNG, truncated, text named .png, wrong extension) goes through the page's path:
``load_image`` -> preview -> ``to_mnist_steps`` -> thumbnails of every step.

Memory is measured with tracemalloc, which sees numpy's and Python's allocations (where the
4.3 GB was) but not Pillow's own pixel buffers; those are bounded by the header checks
(at most MAX_UPLOAD_PIXELS x 4 bytes are ever decoded).
"""

from __future__ import annotations

import io
import tracemalloc

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from lab.digits import (
    MAX_ASPECT,
    ImageRefused,
    ImageTooLarge,
    ImageTooThin,
    aspect,
    load_image,
    to_mnist_steps,
)
from tests.helpers_app import assert_clean, open_page
from tests.test_digits import big_blank_png
from ui.charts_digits import pixels, preview
from ui.strings import CATALOG
from ui.upload import LIMITS, MAX_UPLOAD_PIXELS

BYTES_PER_PIXEL = 16  # the whole path's numpy peak, per decoded pixel (measured: 6 grey, 12 RGBA)
SLACK = 2_000_000  # bytes: thumbnails, the 28x28 steps, Python objects
SEVEN = [(0.2, 0.15), (0.8, 0.15), (0.4, 0.85)]  # a "7" in fractions of the image


def encode(img: Image.Image, fmt: str = "PNG", **options) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt, **options)
    return buf.getvalue()


def seven(mode: str, size: tuple[int, int], ink, paper) -> Image.Image:
    """A "7" drawn with a stroke a tenth of the short side thick."""
    w, h = size
    img = Image.new(mode, size, paper)
    pts = [(x * (w - 1), y * (h - 1)) for x, y in SEVEN]
    ImageDraw.Draw(img).line(pts, fill=ink, width=max(1, min(w, h) // 10))
    return img


def animated(fmt: str) -> bytes:
    """Two frames: a "7", then an empty frame (the first frame is the one read)."""
    first = seven("L", (120, 120), 255, 0).convert("P")
    blank = Image.new("L", (120, 120), 0).convert("P")
    return encode(first, fmt, save_all=True, append_images=[blank], duration=100, loop=0)


def palette_with_transparency() -> bytes:
    img = seven("P", (100, 100), 1, 0)
    img.putpalette([0, 0, 0, 255, 255, 255])
    return encode(img, transparency=0)


def sixteen_bit() -> bytes:
    a = np.asarray(seven("L", (100, 100), 255, 0), dtype=np.uint16) * 257  # 0 or 65535
    return encode(Image.fromarray(a))


PHOTO = encode(seven("RGB", (300, 200), (20, 20, 20), (235, 230, 220)), "JPEG")

# name -> file content: each must give a digit (READ) or a refusal of this class (REFUSED)
READ = {
    "1-bit.png": encode(seven("1", (100, 100), 1, 0)),
    "grey.png": encode(seven("L", (100, 100), 255, 0)),
    "16-bit.png": sixteen_bit(),
    "palette.gif": encode(seven("L", (100, 100), 255, 0).convert("P"), "GIF"),
    "palette-transparent.png": palette_with_transparency(),
    "cmyk.jpg": encode(seven("CMYK", (100, 100), (0, 0, 0, 255), (0, 0, 0, 0)), "JPEG"),
    "la.png": encode(seven("LA", (100, 100), (0, 255), (255, 0))),
    "rgba.png": encode(seven("RGBA", (100, 100), (0, 0, 0, 255), (0, 0, 0, 0))),
    "animated.gif": animated("GIF"),
    "animated.png": animated("PNG"),
    "photo.jpg": PHOTO,
    "photo.bmp": encode(seven("RGB", (90, 120), (0, 0, 0), (255, 255, 255)), "BMP"),
    "photo.webp": encode(seven("RGB", (90, 120), (0, 0, 0), (255, 255, 255)), "WEBP"),
    "int32.tif": encode(seven("I", (80, 80), 60000, 0), "TIFF"),
    "png-named.jpg": encode(seven("L", (100, 100), 0, 255)),  # wrong extension: read by content
    "widest-accepted.png": encode(seven("L", (6000, 600), 255, 0)),  # 10:1, 3.6 MP
    "tallest-accepted.png": encode(seven("L", (400, 4000), 255, 0)),
    "largest-accepted.png": encode(seven("RGBA", (2000, 2000), (255, 255, 255, 255), 0)),
    "one-pixel.png": encode(Image.new("L", (1, 1), 255)),  # no ink, but not an error
}
REFUSED = {
    "40000x40000.png": (big_blank_png(40000, 40000), ImageTooLarge),
    "3000x3000.png": (encode(Image.new("1", (3000, 3000))), ImageTooLarge),
    "60x65000.png": (big_blank_png(60, 65000), ImageTooThin),
    "40000x100.png": (big_blank_png(40000, 100), ImageTooThin),
    "4000000x1.png": (big_blank_png(4_000_000, 1), ImageTooThin),
    "11x1.png": (encode(Image.new("L", (11, 1))), ImageTooThin),
    "notes.png": (b"Dear class, these are not the pixels you are looking for.\n", ValueError),
    "empty.png": (b"", ValueError),
    "truncated.png": (encode(seven("L", (300, 300), 255, 0))[:300], ValueError),
    "truncated.jpg": (PHOTO[: len(PHOTO) // 3], ValueError),
    "header-only.gif": (encode(Image.new("P", (50, 50)), "GIF")[:20], ValueError),
}


def read_as_the_page_does(data: bytes):
    """The page's path for one upload: load, preview, MNIST steps, a thumbnail of each step."""
    image = load_image(data, max_pixels=MAX_UPLOAD_PIXELS)
    preview(image, 240)
    steps = to_mnist_steps(image)
    if steps.centred28 is not None:
        for a in (steps.grey, steps.cropped, steps.resized20, steps.centred28):
            assert pixels(a, 120).shape == (120, 120)
    return image, steps


def peak_bytes(fn, *args):
    """fn(*args) (or the ValueError it raised) and the peak of numpy/Python memory allocated
    during the call."""
    tracemalloc.start()
    try:
        try:
            out = fn(*args)
        except ValueError as exc:
            out = exc
        return out, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("name", READ)
def test_every_readable_file_gives_a_digit_within_the_memory_bound(name):
    """Each readable kind gives a uint8 (H, W[, C]) image and an MNIST-like 28x28 input with
    ink (the one-pixel image has none: None, as for an empty canvas), with a numpy peak of at
    most 16 bytes per pixel + 2 MB."""
    (image, steps), peak = peak_bytes(read_as_the_page_does, READ[name])
    h, w = image.shape[:2]
    assert image.dtype == np.uint8 and image.ndim in (2, 3)
    assert peak <= BYTES_PER_PIXEL * h * w + SLACK, f"{peak:,} bytes for {w}x{h}"
    if name == "one-pixel.png":
        assert steps.centred28 is None
        return
    out = steps.centred28
    assert out.shape == (28, 28) and out.dtype == np.float32
    assert out.min() == 0 and 0 < out.max() <= 1  # a thin stroke shrunk 300x is faint


def test_first_frame_of_an_animation_is_read():
    """An animated GIF/PNG gives its first frame (the "7"), not the blank second frame."""
    for name in ("animated.gif", "animated.png"):
        assert load_image(READ[name]).max() == 255, name


@pytest.mark.parametrize("name", REFUSED)
def test_every_bad_file_is_refused_cheaply_with_a_reason(name):
    """Too many pixels, too thin, not an image, truncated: a ValueError of the right class that
    names the file, and nothing image-sized is allocated (peak below 2 MB + twice the file:
    load_image keeps one copy of the bytes)."""
    data, kind = REFUSED[name]
    err, peak = peak_bytes(read_as_the_page_does, data)
    assert isinstance(err, kind) and (kind is not ValueError or not isinstance(err, ImageRefused))
    assert str(err).startswith("<bytes>: ")
    assert peak <= 2 * len(data) + SLACK, f"{peak:,} bytes"


def test_thumbnails_cost_the_image_not_its_square():
    """to_mnist_steps and the step thumbnails on a 60x65000 strip given as an array (the lab
    function has no aspect limit): the peak stays within 16 bytes a pixel. Padding the ink map
    to a 65000x65000 square first, as the page once did, allocated 4.2 GB here."""
    strip = np.zeros((65000, 60), np.uint8)
    strip[30000:30400, 10:50] = 255

    def steps_and_thumbnails():
        steps = to_mnist_steps(strip)
        return [pixels(a, 120) for a in (steps.grey, steps.cropped, steps.resized20)]

    thumbs, peak = peak_bytes(steps_and_thumbnails)
    assert peak <= BYTES_PER_PIXEL * strip.size + SLACK, f"{peak:,} bytes"
    assert [t.shape for t in thumbs] == [(120, 120)] * 3
    assert thumbs[0][:, :59].max() == 0 and thumbs[0][:, 61:].max() == 0  # a 1-px column


def test_sizes_are_read_from_the_header():
    """A refusal carries the size from the header: the message can say what was wrong."""
    with pytest.raises(ImageTooThin) as info:
        load_image(big_blank_png(60, 65000))
    assert info.value.size == (60, 65000)
    assert "long side is 1083 times its short side" in str(info.value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    w=st.integers(1, 400),
    h=st.integers(1, 400),
    mode=st.sampled_from(["1", "L", "P", "RGB", "RGBA", "LA", "CMYK", "I;16"]),
    fmt=st.sampled_from(["PNG", "GIF", "BMP", "TIFF", "JPEG"]),
    seed=st.integers(0, 2**16),
)
def test_generated_images_are_read_or_refused_by_the_rules(w, h, mode, fmt, seed):
    """Any size and mode: refused exactly when the long side is more than 10x the short one
    (or the format cannot hold the mode); otherwise an (h, w[, c]) uint8 array, and
    to_mnist_steps gives a 28x28 digit or None (no ink)."""
    rng = np.random.default_rng(seed)
    if mode == "I;16":
        img = Image.fromarray(rng.integers(0, 65536, (h, w), dtype=np.uint16))
    else:
        img = Image.fromarray(rng.integers(0, 256, (h, w), dtype=np.uint8)).convert(mode)
    try:
        data = encode(img, fmt)
    except (OSError, ValueError, KeyError):  # e.g. JPEG cannot store RGBA or palettes
        return
    if aspect(w, h) > MAX_ASPECT:
        with pytest.raises(ImageTooThin):
            load_image(data)
        return
    image = load_image(data)
    assert image.shape[:2] == (h, w) and image.dtype == np.uint8
    out = to_mnist_steps(image).centred28
    assert out is None or (out.shape == (28, 28) and 0 <= out.min() <= out.max() <= 1)


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=2000), cut=st.integers(0, 5000))
def test_random_and_cut_bytes_raise_only_value_error(data, cut):
    """Random bytes, and a real PNG/GIF/JPEG cut anywhere, never raise anything but ValueError
    (the page turns that into a message); what decodes is a uint8 image."""
    for blob in (data, PHOTO[:cut], READ["animated.gif"][:cut], READ["grey.png"][:cut]):
        try:
            image = load_image(blob)
        except ValueError:
            continue
        assert image.dtype == np.uint8


# the page ------------------------------------------------------------------------------------

PAGE_CASES = ["60x65000.png", "40000x100.png", "4000000x1.png", "notes.png", "truncated.jpg"]


def expected_refusal(name: str, lang: str, kind: type) -> str:
    fields = {**LIMITS, "name": f"` {name} `"}
    if kind is ImageTooThin:
        w, h = (int(v) for v in name.removesuffix(".png").split("x"))
        return CATALOG["digits.too_thin"][lang].format(
            w=w, h=h, got=f"{aspect(w, h):,.0f}", **fields
        )
    return CATALOG["digits.not_image"][lang].format(**fields)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_refuses_strips_and_non_images_in_the_learners_language(lang):
    """On /digits, the strips of issue 11 and broken files each give one message saying what
    was wrong and what is accepted (no traceback, no crash box, no prediction); then a
    good photo still gives a prediction on the same page."""
    from tests.test_page_digits import upload

    at = open_page("digits", lang)
    for name in PAGE_CASES:
        data, kind = REFUSED[name]
        upload(at, name, data)
        assert [e.value for e in at.error] == [expected_refusal(name, lang, kind)], name
        assert not at.metric
    upload(at, "cmyk.jpg", READ["cmyk.jpg"], "image/jpeg")
    assert_clean(at)
    assert not at.error and len(at.metric) == 1
