"""Numbers as a person reads them: a few significant digits, or the digits the book prints.

Python's repr shows a float's every digit (0.019500000000000007); a table for a learner
shows 0.0195, and where the book prints a value, the computed one is shown to the same
number of decimals so the two can be compared digit by digit.
"""

from __future__ import annotations

SIGNIFICANT = 7  # enough to show the book's 1e-7 guard in log(y + 1e-7)


def shown(value: float, significant: int = SIGNIFICANT) -> str:
    """``value`` to ``significant`` digits, no trailing zeros: 0.019500000000000007 -> 0.0195."""
    return f"{value:.{significant}g}"


def decimals(printed: float) -> int:
    """How many decimals the shortest repr of ``printed`` has: 0.0975 -> 4, 2.0 -> 0."""
    text = repr(float(printed))
    if "e" in text or "." not in text:
        return 0
    digits = text.split(".")[1]
    return 0 if digits == "0" else len(digits)


def like(value: float, printed: float) -> str:
    """``value`` with as many decimals as the book's ``printed``: (0.09750000000000003, 0.0975)
    -> "0.0975"."""
    return f"{value:.{decimals(printed)}f}"
