"""Tests for ui.numbers: what a learner reads in the loss table."""

import pytest

from ui.numbers import decimals, like, shown


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.019500000000000007, "0.0195"),  # the mse of the book's right answer, as a float
        (0.11950000000000001, "0.1195"),
        (0.5108256237659907, "0.5108256"),  # -log 0.6
        (2.3025850929940455, "2.302585"),  # -log 0.1
        (float("inf"), "inf"),
        (1e-300, "1e-300"),
    ],
)
def test_shown_keeps_seven_significant_digits(value, text):
    """Seven significant digits, no float noise: the examples are the page's own values."""
    assert shown(value) == text


@pytest.mark.parametrize(
    ("printed", "n"), [(0.0975, 4), (0.510825457099338, 15), (2.0, 0), (1e-7, 0), (3.5, 1)]
)
def test_decimals_of_the_printed_value(printed, n):
    """Decimals are counted in the shortest repr, the way Python (and the book) prints."""
    assert decimals(printed) == n


def test_like_shows_the_books_digits():
    """The computed value to the book's decimals: the float noise goes, the 1e-7 guard stays."""
    assert like(0.09750000000000003, 0.0975) == "0.0975"
    assert like(0.510825457099338, 0.510825457099338) == "0.510825457099338"
    assert like(0.5975, 0.5975) == "0.5975"
