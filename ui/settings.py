"""Settings that last the session, and a "reset to defaults" button per page.

Streamlit forgets a widget's value as soon as the widget is not drawn, so by default every
slider of a page jumps back to its default when the learner visits another page and comes
back. Streamlit 1.67 keeps it when the widget is created with ``persist_state="session"``
(it needs a ``key``). ``keep`` adds both, and remembers the default so that ``reset_button``
can put it back.

Usage in a page (the default is written twice: once for the widget, once for the reset)::

    from ui.settings import keep, reset_button

    reset_button("gradient_descent_")       # once per page: a button in the sidebar
    lr = st.slider(t("gradient_descent.lr"), 0.0, 1.0, 0.1, **keep("gradient_descent_lr", 0.1))
    fn = st.selectbox(label, names, index=2, **keep("gradient_descent_fn", names[2]))

Rules:

- ``default`` is the value the widget shows on a first visit, in the type its session-state
  key holds (a slider's number, a selectbox's option, a segmented control's option, a
  multiselect's list, a range slider's tuple).
- Every key of a page starts with the prefix given to ``reset_button`` (the page's stem and
  "_" by convention), so the reset touches no other page.
- Not for buttons, file uploaders or components (st_canvas): they have no lasting value.

Resetting writes each default into session state; deleting the keys instead would reset
Python's side only, while the browser kept showing the old value (checked in chromium).
"""

from __future__ import annotations

import copy

import streamlit as st

from ui.i18n import t

DEFAULTS = "settings_defaults"  # session state: {widget key: its default}, filled by keep()


def keep(key: str, default: object) -> dict[str, str]:
    """The widget keyword arguments that keep its value for the session: key, persist_state.

    Parameters
    ----------
    key : str
        The widget's key; it starts with the page's prefix (see ``reset_button``).
    default : object
        The value the widget shows on a first visit (what a reset puts back).

    Returns
    -------
    dict, to unpack into the widget call: ``st.slider(..., **keep("page_x", 0.5))``.
    """
    st.session_state.setdefault(DEFAULTS, {})[key] = default
    return {"key": key, "persist_state": "session"}


def reset(prefix: str) -> None:
    """Put back the default of every kept widget whose key starts with ``prefix``."""
    for key, default in st.session_state.get(DEFAULTS, {}).items():
        if key.startswith(prefix):
            # a copy: a list default is a module constant every session shares
            st.session_state[key] = copy.copy(default)


def reset_button(prefix: str) -> None:
    """A "reset to defaults" button in the sidebar for the page whose keys start with prefix."""
    st.sidebar.button(
        t("common.reset"),
        help=t("common.reset_help"),
        on_click=reset,
        args=(prefix,),
        icon=":material/restart_alt:",
        key=f"{prefix}reset",
    )
