"""One way for tests to read the i18n catalog: the string a page shows, in a given language."""

from __future__ import annotations

from collections.abc import Callable

from ui.strings import CATALOG


def text(key: str, lang: str, **fmt: object) -> str:
    """``CATALOG[key][lang]``, formatted with fmt as ``ui.i18n.t`` does (as is without fmt)."""
    s = CATALOG[key][lang]
    return s.format(**fmt) if fmt else s


def page_text(stem: str) -> Callable[..., str]:
    """``text`` with keys under one page: ``page_text("training")("start", "en")`` reads
    ``training.start``."""

    def lookup(key: str, lang: str, **fmt: object) -> str:
        return text(f"{stem}.{key}", lang, **fmt)

    return lookup


def prefix(key: str, lang: str) -> str:
    """The fixed start of a message with {placeholders}, to find it on the page."""
    return CATALOG[key][lang].split("{")[0]
