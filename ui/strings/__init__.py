"""The i18n catalog: every visible string, in Chinese and English.

Each module in this package holds the strings of one page (or of the shell) as
``STRINGS = {"page.key": {"zh": "...", "en": "..."}}``. Keys start with the module name
(``activations.title``), so modules never collide; ``CATALOG`` is their union.
"""

from __future__ import annotations

import importlib
import pkgutil


def _collect() -> dict[str, dict[str, str]]:
    catalog: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, texts in module.STRINGS.items():
            if key in catalog:
                raise ValueError(f"i18n key {key!r} is defined twice (again in {info.name})")
            catalog[key] = texts
    return catalog


CATALOG: dict[str, dict[str, str]] = _collect()
