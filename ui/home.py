"""The home page: a map of the lab, one card per lesson page, grouped by the book's chapters."""

from __future__ import annotations

import streamlit as st

from ui.i18n import t
from ui.nav import CHAPTERS, PAGES, PageInfo

CARDS_PER_ROW = 3


def home() -> None:
    """Draw the map: for each chapter, a card per page with what it teaches and a link."""
    st.title(t("common.app_title"))
    st.caption(t("home.intro"))
    for chapter in CHAPTERS:
        in_chapter = [p for p in PAGES if p.chapter == chapter]
        number = chapter.removeprefix("ch")
        st.subheader(f"{t('common.chapter_n', n=number)} · {t(f'common.{chapter}')}")
        # One st.columns per row: on a phone the columns stack row by row, so the cards keep
        # the book's order (one set of 3 columns filled i % 3 would stack 1, 4, 7, 2, ...).
        for start in range(0, len(in_chapter), CARDS_PER_ROW):
            row = in_chapter[start : start + CARDS_PER_ROW]
            for col, page in zip(st.columns(CARDS_PER_ROW), row, strict=False):
                with col:
                    card(page)
    st.divider()
    st.caption(t("home.footer"))


def card(page: PageInfo) -> None:
    """One lesson: its link, the book's section and what it teaches."""
    with st.container(border=True, height="stretch"):
        st.page_link(
            f"pages/{page.stem}.py", label=f"**{t(f'{page.stem}.title')}**", icon=page.icon
        )
        st.caption(t("common.book_section", section=page.section))
        st.markdown(t(f"{page.stem}.card"))
