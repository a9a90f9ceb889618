"""NN Visual Lab: the router. Page config, language, and navigation over pages/ by chapter.

``leave_legacy_pages_mode`` also keeps BLAS on one thread for the whole server (ui.threads).
"""

import streamlit as st

from ui.home import home
from ui.i18n import init_language, t
from ui.layout import friendly_errors, toolbar_on_touch
from ui.nav import CHAPTERS, PAGES, leave_legacy_pages_mode
from ui.widget_text import localize_widgets

leave_legacy_pages_mode()

st.set_page_config(page_title="NN Visual Lab · 神经网络可视化实验室", page_icon="🧠", layout="wide")

init_language()
localize_widgets()
toolbar_on_touch()

home_page = st.Page(home, title=t("common.home"), icon=":material/home:", default=True)
sections: dict[str, list] = {"": [home_page]}
for chapter in CHAPTERS:
    sections[t(f"common.{chapter}")] = [
        st.Page(p.path, title=t(f"{p.stem}.title"), icon=p.icon, url_path=p.stem)
        for p in PAGES
        if p.chapter == chapter
    ]

page = st.navigation(sections)
st.sidebar.caption(t("common.sidebar_about"))

with friendly_errors():
    page.run()
