"""The lab's map: every lesson page, its chapter of the book and its section.

app.py builds ``st.navigation`` from this table and the home page draws one card per row.
A page's URL is its file stem (``pages/activations.py`` -> ``/activations``): Streamlit's
legacy ``pages/`` handling shows "Page not found" when the two differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES_DIR = ROOT / "pages"

CHAPTERS = ("ch2", "ch3", "ch4")


@dataclass(frozen=True)
class PageInfo:
    """One lesson page: pages/<stem>.py, shown at /<stem>; strings under '<stem>.'."""

    stem: str
    chapter: str
    icon: str
    section: str  # the book's section numbers, e.g. "3.2"

    @property
    def path(self) -> Path:
        return PAGES_DIR / f"{self.stem}.py"


PAGES = (
    PageInfo("perceptron", "ch2", ":material/join_inner:", "2.3-2.5"),
    PageInfo("activations", "ch3", ":material/show_chart:", "3.2"),
    PageInfo("shapes", "ch3", ":material/grid_on:", "3.3-3.4"),
    PageInfo("mnist", "ch3", ":material/apps:", "3.6"),
    PageInfo("digits", "ch3", ":material/draw:", "3.6"),
    PageInfo("softmax_loss", "ch4", ":material/bar_chart:", "3.5, 4.2"),
    PageInfo("gradient_field", "ch4", ":material/explore:", "4.3-4.4"),
    PageInfo("gradient_descent", "ch4", ":material/trending_down:", "4.4, 6.1"),
    PageInfo("training", "ch4", ":material/model_training:", "4.5"),
)


def leave_legacy_pages_mode() -> None:
    """Make sure app.py routes this run, even on a fresh server's first request.

    Streamlit treats an app with a ``pages/`` folder as a "v1" multipage app until some session
    has called ``st.navigation``: the first request then runs pages/<stem>.py on its own
    (no router, no language, a sidebar with a stray "app" entry). app.py and every page call
    this first; in v1 mode it switches Streamlit to v2 for the whole process and reruns, so
    app.py's st.navigation takes over. Elsewhere it does nothing. Being the one call every
    entry URL makes first, it also limits BLAS to one thread (``ui.threads``).
    """
    import streamlit as st
    from streamlit.runtime.pages_manager import PagesManager

    from ui.threads import limit_blas_threads

    limit_blas_threads()  # every entry URL passes here first (see ui.threads)
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
