"""ui.layout: fragments keep the friendly error message, and user text is shown literally."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers_app import CRASH, ROOT
from ui.layout import USER_TEXT_CHARS, user_text
from ui.strings import CATALOG


def _failing_fragment_app(decorator: str) -> AppTest:
    def app(decorator):
        import streamlit as st

        from ui.layout import fragment

        wrap = fragment if decorator == "ui" else st.fragment

        @wrap
        def chart() -> None:
            st.write("before")
            raise RuntimeError("boom")

        chart()
        st.write("after")

    return AppTest.from_function(app, kwargs={"decorator": decorator}, default_timeout=30)


def test_a_failing_fragment_shows_the_friendly_message():
    """With ui.layout.fragment, an exception in a fragment becomes the bilingual crash message
    and the rest of the page still runs; with a bare st.fragment it escapes (Streamlit's own
    English error box in a browser)."""
    at = _failing_fragment_app("ui").run()
    assert not at.exception
    assert [e.value for e in at.error] and set(e.value for e in at.error) <= CRASH
    assert [m.value for m in at.markdown] == ["before", "after"]
    bare = _failing_fragment_app("st").run()
    assert bare.exception and "This app has encountered an error" in bare.exception[0].value


def test_every_fragment_in_the_app_is_a_friendly_one():
    """No page or ui module uses st.fragment directly: a fragment rerun runs outside app.py's
    friendly_errors, so each one must bring its own (ui.layout.fragment)."""
    sources = [*ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py"), ROOT / "app.py"]
    offenders = [
        str(p.relative_to(ROOT))
        for p in sources
        if p.name != "layout.py" and re.search(r"\bst\.fragment\b", Path(p).read_text())
    ]
    assert offenders == []


def _about_app(stem: str, *more: str) -> AppTest:
    def app(stem, more):
        from ui.layout import page_about

        page_about(stem, *more)

    return AppTest.from_function(app, kwargs={"stem": stem, "more": more}, default_timeout=30)


@pytest.mark.parametrize(
    ("stem", "more", "keys"),
    [
        ("gradient_field", (), ["gradient_field.intro"]),
        ("perceptron", ("perceptron.presets",), ["perceptron.intro", "perceptron.presets"]),
    ],
)
def test_page_about_folds_the_pages_long_text(stem, more, keys):
    """One "about this page" expander holding <stem>.intro, then the paragraphs asked for, in
    the language (Chinese by default)."""
    at = _about_app(stem, *more).run()
    assert not at.exception
    (expander,) = at.expander
    assert expander.label == CATALOG["common.about_page"]["zh"]
    assert [m.value for m in expander.markdown] == [CATALOG[k]["zh"] for k in keys]


def _code_span_content(md: str) -> str:
    """What CommonMark shows for a lone code span: the text between the fences, minus the
    one space on each side that it strips; fails if md is not exactly one code span."""
    m = re.fullmatch(r"(`+) (.*) \1", md, flags=re.S)
    assert m, md
    fence, inner = m.groups()
    assert not re.search(rf"(?<!`){fence}(?!`)", inner), "a backtick run closes the span early"
    return inner


@pytest.mark.parametrize(
    "text",
    [
        "![x](http://host/img.png)",
        "[click](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "$\\frac{1}{0}$ :red[loud] :material/home: **bold**",
        "`tick` and ``two``",
        "`",
        "```",
        "foo.png",
        "数字 七.png",
    ],
)
def test_user_text_is_one_literal_code_span(text):
    """Markdown, HTML, maths and Streamlit directives end up inside a single code span whose
    fence no backtick run in the text can close, so they show as typed."""
    assert _code_span_content(user_text(text)) == text


def test_user_text_is_short_and_on_one_line():
    """Line breaks become spaces; text longer than USER_TEXT_CHARS is cut with an ellipsis."""
    assert _code_span_content(user_text("a\nb\tc")) == "a b c"
    shown = _code_span_content(user_text("9" * 10_000))
    assert len(shown) == USER_TEXT_CHARS and shown.endswith("…")


def _folded_app() -> AppTest:
    def app():
        from lab.activations import sigmoid
        from ui import book_figures
        from ui.figures_mpl import book_figure
        from ui.layout import show_source

        show_source(sigmoid)
        book_figure(book_figures.ACTIVATIONS, "caption")

    return AppTest.from_function(app, default_timeout=60)


def test_source_and_book_figure_are_sent_only_once_opened():
    """Folded, "show the code" and "the book's figure" send nothing but their labels (the
    browser highlighted every folded code block on every visit); opened, the first shows the
    function's source under its name, the second the book's code and its picture."""
    import inspect
    import zlib

    from lab.activations import sigmoid
    from ui import book_figures

    at = _folded_app().run()
    assert not at.exception
    assert [e.label for e in at.expander] == [
        CATALOG["common.show_code"]["zh"],
        CATALOG["common.book_figure"]["zh"],
    ]
    assert not at.code and not at.caption and not at.get("image")
    at.session_state["source:lab.activations.sigmoid"] = True  # as a click on each label does
    at.session_state[f"book_figure:{zlib.crc32(book_figures.ACTIVATIONS.encode())}"] = True
    at.run()
    assert not at.exception
    codes = [c.value.strip() for c in at.code]
    assert codes == [inspect.getsource(sigmoid).strip(), book_figures.ACTIVATIONS.strip()]
    assert at.caption[0].value == "`lab.activations.sigmoid`"  # then the book figure's caption
    assert len(at.get("image")) == 1


@pytest.mark.parametrize(
    ("stem", "sections", "first_screen"),
    [
        ("perceptron", ("xor", "mlp", "rule"), 2),
        ("gradient_descent", ("lessons", "stall", "opt"), 2),
        ("softmax_loss", ("p", "batch"), 2),
    ],
)
def test_later_sections_are_folded_and_sent_once_opened(stem, sections, first_screen):
    """A first visit sends the page's first screen (its main charts) and the later sections'
    titles only; a section opened (as a click on its title does) sends its charts and stays
    open after a visit to another page; the other sections stay folded."""
    import json

    from tests.helpers_app import open_page

    def charts() -> int:
        return len(at.get("plotly_chart"))

    at = open_page(stem, "en", unfold=False)
    titles = [CATALOG[f"{stem}.{s}_title"]["en"] for s in sections]
    assert [e.label for e in at.expander if e.label in titles] == titles
    assert charts() == first_screen
    key = f"{stem}_fold_{sections[0]}"
    at.session_state[key] = True
    at.run()
    assert not at.exception and charts() > first_screen
    opened = charts()
    at.switch_page("pages/shapes.py").run()
    at.switch_page(f"pages/{stem}.py").run()
    assert not at.exception and charts() == opened
    assert all(json.loads(c.proto.spec)["data"] for c in at.get("plotly_chart"))
