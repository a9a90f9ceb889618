"""Language: which one is on, how to switch it, and t(key) to look a string up.

The language follows ``?lang=zh|en`` in the URL, else the browser (``st.context.locale``),
else Chinese. It lives in ``st.session_state["lang"]`` (the sidebar switch's key), so it
survives page changes, and it is written back to the URL so a link keeps it.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui.strings import CATALOG

LANGS = ("zh", "en")
LANG_NAMES = {"zh": "中文", "en": "English"}
DEFAULT_LANG = "zh"


def lang_from_locale(locale: str | None) -> str:
    """'en-US' -> 'en', 'zh-CN' -> 'zh'; anything else (or nothing) -> Chinese."""
    code = (locale or "").lower()
    return "en" if code.startswith("en") else DEFAULT_LANG


def current_lang() -> str:
    """The language of this session ('zh' or 'en')."""
    value = st.session_state.get("lang", DEFAULT_LANG)
    return value if value in LANGS else DEFAULT_LANG


def t(key: str, **fmt: object) -> str:
    """The string for key in the current language, formatted with fmt (str.format)."""
    try:
        text = CATALOG[key][current_lang()]
    except KeyError:
        raise KeyError(f"missing i18n key {key!r}: add it to ui/strings/") from None
    return text.format(**fmt) if fmt else text


def labeller(template: str) -> Callable[[object], str]:
    """A format_func for widget options: option -> t(template.format(option)).

    The language is bound when the widget is drawn, so the function also works when called
    outside a script run (AppTest formats widget values between runs). Unknown options raise
    KeyError, which lets AppTest set an option by its shown label.
    """
    lang = current_lang()
    return lambda option: CATALOG[template.format(option)][lang]


def lang_from_url(values: list[str]) -> str | None:
    """The first supported language among the URL's ``lang`` values (``?lang=en&lang=zh``
    gives "en"), or None."""
    return next((v for v in values if v in LANGS), None)


def init_language() -> str:
    """Pick the session's language (URL, then browser, then Chinese) and draw the switch.

    The URL is then normalised to exactly one ``lang`` parameter, the language shown.
    """
    if st.session_state.get("lang") not in LANGS:
        wanted = lang_from_url(st.query_params.get_all("lang"))
        st.session_state["lang"] = wanted or lang_from_locale(st.context.locale)
    st.sidebar.segmented_control(
        "语言 / Language",
        LANGS,
        format_func=LANG_NAMES.__getitem__,
        key="lang",
        required=True,
    )
    lang = current_lang()
    if st.query_params.get_all("lang") != [lang]:
        st.query_params["lang"] = lang  # replaces every lang value
    return lang
