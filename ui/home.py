"""The home page: a map of the lab, one card per lesson page, grouped by the book's chapters."""

from __future__ import annotations

import streamlit as st

from ui.i18n import t
from ui.nav import CHAPTERS, PAGES


def home() -> None:
    """Draw the map: for each chapter, a card per page with what it teaches and a link."""
    st.title(t("common.app_title"))
    st.markdown(t("home.intro"))
    for chapter in CHAPTERS:
        in_chapter = [p for p in PAGES if p.chapter == chapter]
        number = chapter.removeprefix("ch")
        st.subheader(f"{t('common.chapter_n', n=number)} · {t(f'common.{chapter}')}")
        cols = st.columns(3)
        for i, page in enumerate(in_chapter):
            with cols[i % 3].container(border=True, height="stretch"):
                st.page_link(
                    f"pages/{page.stem}.py", label=f"**{t(f'{page.stem}.title')}**", icon=page.icon
                )
                st.caption(t("common.book_section", section=page.section))
                st.markdown(t(f"{page.stem}.card"))
    st.divider()
    st.caption(t("home.footer"))
