"""How a page looks, in a real browser, on a laptop (1400x1000) and then a phone (390x844):
the first screen, tables and chart toolbars (issue 14). Shared by the pages' browser tests."""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

PHONE = {"width": 390, "height": 844}


TITLE_VS_MODEBAR = """() => {
    const hits = [];
    for (const plot of document.querySelectorAll('.js-plotly-plot')) {
        const title = plot.querySelector('.gtitle');
        const bar = plot.querySelector('.modebar');
        if (!title || !bar || !title.textContent.trim()) continue;
        const t = title.getBoundingClientRect(), b = bar.getBoundingClientRect();
        if (b.width === 0) continue;
        const apart = t.bottom <= b.top || b.bottom <= t.top
            || t.right <= b.left || b.right <= t.left;
        if (!apart) hits.push(title.textContent);
    }
    return hits;
}"""


FIRST_SCREEN = {  # page: (its main control, its main chart), as CSS selectors
    "shapes": (".st-key-shapes_op", ".st-key-shapes_grid"),
    "softmax_loss": (".st-key-softmax_loss_temperature", ".st-key-softmax_loss_probs"),
    "digits": ("canvas.upper-canvas", ".st-key-digits_proba_chart"),
}

WORDS_BEFORE_THE_FIRST_CONTROL = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    const h1 = main.querySelector('h1').getBoundingClientRect().bottom;
    const first = [...main.querySelectorAll('[data-testid="stWidgetLabel"], button')]
        .map(e => e.getBoundingClientRect().top).filter(y => y > h1);
    const top = Math.min(...first);
    const texts = '[data-testid="stMarkdownContainer"] p, [data-testid="stCaptionContainer"]';
    return [...main.querySelectorAll(texts)]
        .filter(p => {
            const r = p.getBoundingClientRect();
            return r.top >= h1 && r.bottom <= top;
        })
        .map(p => p.innerText).join(' ');
}"""


def assert_first_screen(pg, stem: str) -> None:
    """At 1400x1000 the main control and the main chart are on the first screen, and at most
    one short line (<= 120 characters) stands between the title and the first control."""
    control, chart = FIRST_SCREEN[stem]
    for sel in (control, chart):
        pg.locator(sel).first.wait_for()
    # Streamlit draws a grey skeleton while a widget's code loads: wait for the real widgets.
    pg.wait_for_function(
        """() => !document.querySelector('[data-testid="stMain"] [data-testid="stSkeleton"]')"""
    )
    for sel in (control, chart):
        box = pg.locator(sel).first.bounding_box()
        assert box["y"] + box["height"] <= 1000, (sel, box)
    words = pg.evaluate(WORDS_BEFORE_THE_FIRST_CONTROL)
    assert len(words) <= 120, words


def assert_toolbars_clear_of_titles(pg) -> None:
    """With every chart's toolbar shown (as a finger on the chart shows it), no chart title
    overlaps its toolbar."""
    pg.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .gtitle').length")
    pg.add_style_tag(content=".modebar-container .modebar {opacity: 1 !important}")
    try:  # as for the tables: after a resize the charts are laid out again a moment later
        pg.wait_for_function(f"() => ({TITLE_VS_MODEBAR})().length === 0", timeout=10_000)
    except PlaywrightTimeoutError:
        pass
    assert pg.evaluate(TITLE_VS_MODEBAR) == []


TABLES_OUTSIDE = """() => [...document.querySelectorAll(
        '[data-testid="stTable"], [data-testid="stDataFrame"]')]
    .map(e => e.getBoundingClientRect())
    .filter(r => r.left < 0 || r.right > innerWidth + 1)
    .map(r => [r.left, r.right, innerWidth])"""


def assert_tables_fit(pg) -> None:
    """No table reaches past the screen's right edge (wide ones scroll inside). Streamlit lays
    a page out again after a resize a moment later (ResizeObserver), longer on a loaded
    machine: the tables get up to 10 s to fit before the test fails and says which do not."""
    pg.locator('[data-testid="stTable"], [data-testid="stDataFrame"]').first.wait_for()
    try:
        pg.wait_for_function(f"() => ({TABLES_OUTSIDE})().length === 0", timeout=10_000)
    except PlaywrightTimeoutError:
        pass
    assert pg.evaluate(TABLES_OUTSIDE) == []


def to_phone(pg) -> None:
    """Turn the window into a 390x844 phone and let the page reflow."""
    pg.set_viewport_size(PHONE)
    pg.wait_for_timeout(500)


def on_a_phone(pg, *, tables: bool) -> None:
    """The same tab turned into a phone: with ``tables`` (a page that shows some) they fit the
    screen; no toolbar covers a chart title."""
    to_phone(pg)
    if tables:
        assert_tables_fit(pg)
    assert_toolbars_clear_of_titles(pg)
