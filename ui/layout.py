"""Layout helpers every page shares: the intro, "show the code", friendly errors."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import streamlit as st

from ui.i18n import t
from ui.nav import leave_legacy_pages_mode
from ui.strings import CATALOG

log = logging.getLogger("nn_visual_lab")


def page_intro(stem: str) -> None:
    """The page title and what the page is about (keys <stem>.title, .lead, .intro).

    With a one-line ``<stem>.lead`` the first screen holds the title, that line and then the
    controls; the longer ``<stem>.intro`` waits in ``page_about``'s expander below the main
    experiment. Without a lead, the intro paragraph shows under the title.
    Every page calls this first, so it also makes sure app.py is routing (see nav).
    """
    leave_legacy_pages_mode()
    st.title(t(f"{stem}.title"))
    if f"{stem}.lead" in CATALOG:
        st.caption(t(f"{stem}.lead"))
    else:
        st.markdown(t(f"{stem}.intro"))


def page_about(stem: str) -> None:
    """The page's "what you will see" paragraph (``<stem>.intro``), folded in an expander."""
    with st.expander(t("common.about_page"), icon=":material/info:"):
        st.markdown(t(f"{stem}.intro"))


def show_source(*objs: Callable | type, expanded: bool = False) -> None:
    """An expander with the lab source behind what the page just drew."""
    with st.expander(t("common.show_code"), expanded=expanded):
        for obj in objs:
            st.caption(f"`{obj.__module__}.{obj.__qualname__}`")
            st.code(inspect.getsource(obj), language="python")


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Turn an unexpected exception into a short bilingual message (the log keeps the traceback).

    st.rerun/st.stop raise BaseException subclasses, which pass through untouched.
    """
    try:
        yield
    except Exception:
        log.exception("page failed")
        st.error(t("common.crash"), icon=":material/error:")
