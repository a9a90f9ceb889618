"""lab.pendigits: the UNIPEN parser, the canvas renderer, the writer split."""

from __future__ import annotations

import numpy as np
import pytest

from lab.digits import to_mnist
from lab.pendigits import (
    CANVAS,
    HELD_OUT_WRITERS,
    draw,
    load_pendigits,
    parse_unipen,
    render,
    render_set,
    split_by_writer,
)

SNIPPET = """.INCLUDE        dene.doc

.LEXICON "0" "1" "2" "3" "4" "5" "6" "7" "8" "9"
.HIERARCHY      DIGIT

.SEGMENT DIGIT    0 ? "7"
.COMMENT 7 12  224
.PEN_DOWN
 100  400
 300  400
 .DT 40
.PEN_UP
.DT 200
.PEN_DOWN
 300  400
 150  100
.PEN_UP

.SEGMENT DIGIT    1 ? "0"
.COMMENT 0 5  3
.PEN_DOWN
 10  20
.PEN_UP
"""


def test_parse_hand_written_snippet():
    """Two digits: labels, writers and strokes exactly as written (y kept as in the file)."""
    first, second = parse_unipen(SNIPPET)
    assert (first.label, first.writer) == (7, 12)
    assert [s.tolist() for s in first.strokes] == [
        [[100.0, 400.0], [300.0, 400.0]],
        [[300.0, 400.0], [150.0, 100.0]],
    ]
    assert (second.label, second.writer) == (0, 5)
    assert second.strokes[0].tolist() == [[10.0, 20.0]]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (" 1 2\n", "outside"),
        ('.SEGMENT DIGIT 0 ? "3"\n.PEN_DOWN\n 1 2\n.PEN_UP\n', "no .COMMENT"),
        ('.SEGMENT DIGIT 0 ? "3"\n.COMMENT 4 1 1\n', "!= segment"),
        ('.SEGMENT DIGIT 0 ? "3"\n.COMMENT 3 1 1\n', "no ink"),
    ],
)
def test_parse_rejects_malformed(text, why):
    """Coordinates outside a stroke, a missing writer or ink, a label mismatch: ValueError."""
    with pytest.raises(ValueError, match=why):
        parse_unipen(text)


@pytest.fixture(scope="module")
def pendigits():
    return load_pendigits()


def test_the_shipped_file(pendigits):
    """7,494 digits by 30 writers (about 250 each), every label 0-9 present for every writer."""
    digits = pendigits
    assert len(digits) == 7494
    writers = {d.writer for d in digits}
    assert writers == set(range(1, 31))
    for w in writers:
        assert {d.label for d in digits if d.writer == w} == set(range(10))


def test_split_is_by_writer(pendigits):
    """No writer on both sides; the held-out side is exactly HELD_OUT_WRITERS (>= 6 people)."""
    train, held = split_by_writer(pendigits)
    assert {d.writer for d in held} == set(HELD_OUT_WRITERS)
    assert len(HELD_OUT_WRITERS) >= 6
    assert not {d.writer for d in train} & set(HELD_OUT_WRITERS)
    assert len(train) + len(held) == 7494


def test_draw_a_known_stroke():
    """A horizontal stroke from (50, 100) to (150, 100), pen 20: ink exactly within 10 px of
    the segment (round caps), nothing elsewhere."""
    img = draw([np.array([[50.0, 100.0], [150.0, 100.0]])], width=20)
    assert img.shape == (CANVAS, CANVAS) and img.dtype == np.uint8
    ys, xs = np.nonzero(img)
    assert 39 <= xs.min() <= 41 and 159 <= xs.max() <= 161  # caps reach 10 px past the ends
    assert 89 <= ys.min() <= 91 and 109 <= ys.max() <= 111
    assert img[100, 100] == 255 and img[100, 45] == 255  # inside the line and the left cap
    assert img[92, 42] == 0  # the cap's corner is round, not square


def test_render_puts_y_up_the_right_way():
    """The file's y grows upwards: a stroke drawn upwards in the file ends at the top of the
    image. A '7'-like snippet has its bar at the top of the rendered digit."""
    seven = parse_unipen(SNIPPET)[0]
    img = render(seven, width=12, height=200)
    rows = np.flatnonzero(img.max(axis=1))
    top_row = img[rows[0] + 6]
    bottom_row = img[rows[-1] - 6]
    assert np.count_nonzero(top_row) > 3 * np.count_nonzero(bottom_row)  # the bar is on top


def test_render_respects_height_and_canvas():
    """A digit drawn 200 px high spans 200 px plus the pen; centred anywhere it stays inside."""
    seven = parse_unipen(SNIPPET)[0]
    img = render(seven, width=10, height=200)
    rows = np.flatnonzero(img.max(axis=1))
    assert rows[-1] - rows[0] == pytest.approx(210, abs=2)
    corner = render(seven, width=25, height=240, centre=(0, 0))
    assert corner[0].max() == 0 and corner[:, 0].max() == 0  # shifted inside, not clipped
    assert corner.max() == 255


def test_render_set_is_seeded_and_reads_like_the_canvas(pendigits):
    """The same seed gives the same images; each is centred as to_mnist centres a canvas
    (centre of mass within 0.5 px of (14, 14), ink in a 20x20 box)."""
    digits = pendigits[:20]
    x1, t1 = render_set(digits, np.random.default_rng(1), copies=2)
    x2, _ = render_set(digits, np.random.default_rng(1), copies=2)
    assert x1.shape == (40, 1, 28, 28) and x1.dtype == np.float32
    np.testing.assert_array_equal(x1, x2)
    assert t1.tolist() == [d.label for d in digits] * 2
    grid = np.arange(28)
    for img in x1[:, 0]:
        mass = img.sum()
        assert abs(grid @ img.sum(axis=1) / mass - 14) <= 0.5
        assert abs(grid @ img.sum(axis=0) / mass - 14) <= 0.5
        rows, cols = np.flatnonzero(img.max(axis=1) > 0), np.flatnonzero(img.max(axis=0) > 0)
        assert max(rows[-1] - rows[0], cols[-1] - cols[0]) + 1 <= 20
    canvas = render(digits[0], width=15, height=150)
    np.testing.assert_array_equal(to_mnist(canvas), to_mnist(canvas.copy()))
