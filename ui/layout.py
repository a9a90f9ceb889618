"""Layout helpers every page shares: the intro, "show the code", friendly errors, fragments
that keep them, and user text shown literally."""

from __future__ import annotations

import functools
import inspect
import logging
import re
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


# plotly.js shows its toolbar all the time on a screen without hover (a phone), where it covers
# legends; there it shows once the chart is touched (a tap gives :hover), and stays untappable
# (visibility, not opacity) until then.
TOOLBAR_ON_TOUCH_CSS = """<style>
@media (hover: none) {
  .js-plotly-plot .modebar-container {visibility: hidden}
  .js-plotly-plot:hover .modebar-container,
  .js-plotly-plot:focus-within .modebar-container {visibility: visible}
}
[class*="st-key-code_text_"] [data-testid="stText"] {
  background: rgba(128, 128, 128, 0.08); border-radius: 0.5rem; padding: 0.75rem 1rem;
}
[class*="st-key-code_text_"] [data-testid="stText"] * {
  font-family: "Source Code Pro", monospace; font-size: 0.85rem; white-space: pre-wrap;
}
</style>"""


def toolbar_on_touch() -> None:
    """On a phone, plotly's toolbar only after a tap on its chart (see TOOLBAR_ON_TOUCH_CSS);
    and the style of ``code_text``. Once per script run (app.py)."""
    st.html(TOOLBAR_ON_TOUCH_CSS)


def code_text(key: str, body: str) -> None:
    """A few lines of code or numpy output in a code-styled box, as plain monospaced text:
    ``st.code`` brings a syntax highlighter whose script costs ~0.5 s in the browser on every
    visit of a page that shows one (a minimal page, cached visit: 0.89 s → 1.39-1.49 s; with
    ``st.text`` 0.81-0.82 s). The "show the code" expanders keep ``st.code``: they load it
    only once opened."""
    with st.container(key=f"code_text_{key}"):
        st.text(body)


def page_about(stem: str, *more: str) -> None:
    """The page's "what you will see" paragraph (``<stem>.intro``), folded in an expander, then
    the paragraphs of the catalog keys in ``more``."""
    with st.expander(t("common.about_page"), icon=":material/info:"):
        for key in (f"{stem}.intro", *more):
            st.markdown(t(key))


OPEN = "sections_open"  # session state: the keys of the folded sections a learner opened
EVERY = "*"  # in OPEN: every section open (the tests' widget sweeps)


def folded(key: str, title_key: str, draw: Callable[[], None]) -> None:
    """A later section of a page under its title, folded until the learner opens it: the
    page's first screen (its main control and chart) comes first, the rest one click away.
    Its charts are sent only once opened: /perceptron sent 8 plotly figures (422 kB) on every
    visit, of which the first screen shows 2 (22 kB). An opened section stays open for the
    session, also after a visit to another page."""
    opened = st.session_state.setdefault(OPEN, set())
    expanded = key in opened or EVERY in opened
    with st.expander(t(title_key), expanded=expanded, key=key, on_change="rerun") as box:
        (opened.add if box.open else opened.discard)(key)
        if box.open:
            draw()


def show_source(*objs: Callable | type, expanded: bool = False) -> None:
    """An expander with the lab source behind what the page just drew, sent only once it is
    opened: highlighting the code of a page's folded expanders cost the browser ~1 s of script
    on every visit (a CPU profile of /activations in chromium)."""
    names = [f"{obj.__module__}.{obj.__qualname__}" for obj in objs]
    key = "source:" + ",".join(names)
    with st.expander(t("common.show_code"), expanded=expanded, key=key, on_change="rerun") as box:
        if box.open:
            for name, obj in zip(names, objs, strict=True):
                st.caption(f"`{name}`")
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


def fragment(func: Callable | None = None, *, run_every: float | None = None) -> Callable:
    """``st.fragment`` whose body runs inside ``friendly_errors``; use it for every fragment.

    A fragment rerun (a widget inside it moved, or ``run_every``) calls the function alone,
    outside the page script and so outside app.py's ``friendly_errors``: without this an
    exception there shows Streamlit's own English error box. Use as ``@fragment`` or
    ``@fragment(run_every=0.3)``; the wrapper keeps the function's name, which is what
    Streamlit identifies a fragment by.
    """

    def decorate(f: Callable) -> Callable:
        @functools.wraps(f)
        def body(*args, **kwargs):
            with friendly_errors():
                return f(*args, **kwargs)

        return st.fragment(body, run_every=run_every)

    return decorate(func) if func is not None else decorate


USER_TEXT_CHARS = 60  # longer user text is cut with "…": a message, not an echo


def user_text(text: object, limit: int = USER_TEXT_CHARS) -> str:
    """Text a user typed or named (a score, a file name) as a Markdown code span: shown
    literally, so ``![x](http://host/img.png)`` is text, not an image the browser fetches.

    Notes
    -----
    Inside a code span Markdown, links, images, HTML, ``$`` maths and Streamlit's ``:red[ ]``
    directives are all plain text. The fence is one backtick longer than the longest run of
    backticks in the text, and a space on each side (which Markdown strips) lets the text
    start or end with a backtick. Line breaks and tabs become single spaces.
    """
    s = " ".join(str(text).split())
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    fence = "`" * (1 + max((len(run) for run in re.findall(r"`+", s)), default=0))
    return f"{fence} {s} {fence}"
