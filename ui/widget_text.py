"""Streamlit's own widget texts in the page's language, where Streamlit lets us reach them.

Streamlit 1.67 writes a few texts of its widgets in English only, with no parameter to change
them. Where the text sits in the page's DOM under a stable ``data-testid`` (the ids
Streamlit's own browser tests use), a CSS rule hides the English and shows the catalog's
text in its place (``::after``); only the look changes, so nothing breaks if a future
Streamlit renames an id: the English simply shows again. In English nothing is added.

What is set here: "Press Enter to apply" under text and number inputs, a multiselect
dropdown's "Select all" / "Select N matches" rows and its empty-list message ("No results",
"You can only select up to N options. Remove an option first."), and a file uploader's
"Upload" button and "5MB per file" line. Left in English (see the README): the "Drag and
drop a file here" overlay shown only while a file is dragged over the uploader,
screen-reader labels ("Help for ...", "Add files", "Clear all") and the drawable canvas's
toolbar tooltips (``title`` attributes set by its script inside the component's shadow DOM,
which neither CSS nor a parameter reaches).
"""

from __future__ import annotations

import json

import streamlit as st

from ui.i18n import current_lang, t


def _replace(selector: str, text: str, size: str) -> str:
    """CSS that hides the text of ``selector`` and writes ``text`` in its place."""
    content = json.dumps(text, ensure_ascii=False)  # CSS reads \" and \\, not \uXXXX escapes
    return f"{selector}{{font-size:0}}{selector}::after{{content:{content};font-size:{size}}}"


def _style(rules: str) -> None:
    """Add CSS to the page (st.html with only a <style> takes no room on the page)."""
    st.html(f"<style>{rules}</style>")


# A multiselect's dropdown (a popover outside the widget) lists its bulk action first, as a
# row whose data-key is Streamlit's sentinel value.
DROPDOWN = '[data-testid="stMultiSelectDropdown"]'


def localize_widgets() -> None:
    """ "Press Enter to apply" under every text/number input and a multiselect dropdown's
    texts, in the page's language (app.py calls this once per run, for every page)."""
    if current_lang() == "en":
        return
    _style(
        _replace('[data-testid="InputInstructions"] > span', t("common.press_enter"), "12px")
        + _replace(
            f'{DROPDOWN} [data-key="__select_all__"] [data-item-hl]', t("common.select_all"), "14px"
        )
        + _replace(
            f'{DROPDOWN} [data-key="__select_matches__"] [data-item-hl]',
            t("common.select_matches"),
            "14px",
        )
        + _replace(
            f'{DROPDOWN} [role="listbox"][data-empty] [role="option"] > span',
            t("common.none_left"),
            "14px",
        )
    )


def localize_uploader(key: str, max_mb: int) -> None:
    """The "Upload" button and the size limit of the file uploader with this key."""
    if current_lang() == "en":
        return
    box = f".st-key-{key}"
    _style(
        _replace(
            f'{box} [data-testid="stFileUploaderDropzone"] button p',
            t("common.upload_button"),
            "14px",
        )
        + _replace(
            f'{box} [data-testid="stFileUploaderDropzoneInstructions"] span',
            t("common.upload_limit", mb=max_mb),
            "14px",
        )
    )
