"""One way for tests to read the i18n catalog: the string a page shows, in a given language."""

from __future__ import annotations

import re
from collections.abc import Callable

from ui.strings import CATALOG

RANDOM_SEED = re.compile(r"随机种子|random seed", re.IGNORECASE)
SEED = re.compile(r"seed|种子", re.IGNORECASE)


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


def seed_words(shown: str, lang: str) -> list[str]:
    """Where ``shown`` (a page's text in ``lang``) says "seed"/"种子" other than a random seed or
    a random-seed control's label, with 30 characters around each: the book's values are "the
    book's", never "the seed's". Empty when the text is clean."""
    labels = [CATALOG[k][lang] for k in CATALOG if k.rsplit(".", 1)[-1] in ("seed", "start_seed")]
    for label in labels:
        shown = shown.replace(label, "")
    shown = RANDOM_SEED.sub("", shown)
    return [shown[max(m.start() - 30, 0) : m.end() + 30] for m in SEED.finditer(shown)]
