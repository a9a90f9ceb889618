"""What a person does in the lab, as Playwright steps shared by the browser tests."""

from __future__ import annotations

import time
from collections.abc import Callable

from playwright.sync_api import Page, expect

from tests.catalog import seed_words, text
from ui.strings import CATALOG

# A cold server on a loaded 2-core CI machine (first MNIST decode, model loads) can take more
# than Playwright's default 5 s to show a section; a person would wait for it too.
expect.set_options(timeout=30_000)

# Streamlit's own end-to-end tests wait on data-test-script-state: the frontend sets it to
# "rerunRequested" the moment a widget changes, so unlike the running icon (shown after a delay)
# it cannot be caught in the gap between a click and the start of the rerun.
RUNNING_DONE = """() =>
    !!document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    && !document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')
    && !document.querySelector('[data-testid="stAppViewContainer"] [data-stale="true"]')"""


def open_lab(pg: Page, url: str) -> None:
    """Go to a lab URL and wait until Streamlit has finished running the script."""
    pg.goto(url)
    wait_idle(pg)


def wait_idle(pg: Page, timeout: float = 30_000) -> None:
    """Wait for the app to render and for the 'running' indicator to go away."""
    pg.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    pg.wait_for_selector('[data-testid="stMain"] h1', timeout=timeout)
    pg.wait_for_function(RUNNING_DONE, timeout=timeout)


def unfold(pg: Page, title_key: str, lang: str) -> None:
    """Open a page's folded section (ui.layout.folded) by a click on its title, as a learner
    does, and wait for its content."""
    title = CATALOG[title_key][lang]
    summary = pg.locator('[data-testid="stExpander"] summary').filter(has_text=title)
    summary.scroll_into_view_if_needed()
    summary.click()
    wait_idle(pg)


CHARTS_DRAWN = """() => {
    const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    return charts.length > 0 && charts.every(c => c.querySelector('.main-svg'));
}"""


def charts_drawn(pg: Page, timeout: float = 30_000) -> None:
    """Wait until every plotly chart on the page has been drawn (they load lazily)."""
    pg.wait_for_function(CHARTS_DRAWN, timeout=timeout)


def eventually(check: Callable[[], None], timeout: float = 10.0) -> None:
    """Run ``check`` (a function that asserts) until it passes; after ``timeout`` seconds its
    last failure is the test's. For what a page settles into a moment later, such as Streamlit's
    and plotly's new layout after the window is resized (a ResizeObserver, later on a loaded
    machine)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            check()
            return
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


def assert_no_dialog(pg: Page) -> None:
    """No modal (such as Streamlit's "Page not found") covers the page, and no exception shows."""
    expect(pg.locator('[role="dialog"]')).to_have_count(0)
    expect(pg.locator('[data-testid="stException"]')).to_have_count(0)


def main_text(pg: Page) -> str:
    """What the page shows in its main area and sidebar (not collapsed expanders)."""
    return pg.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMain"], [data-testid="stSidebar"]')]
            .map(e => e.innerText).join('\\n')"""
    )


def assert_no_seed_word(pg: Page, lang: str) -> None:
    """No visible text says "seed"/"种子" except a random seed (tests.catalog.seed_words)."""
    found = seed_words(main_text(pg), lang)
    assert not found, found


def sidebar_titles(pg: Page) -> list[str]:
    """The page titles listed in the sidebar navigation, in order."""
    links = pg.locator('[data-testid="stSidebarNav"] a')
    return [t.strip() for t in links.all_inner_texts()]


def nudge_slider(pg: Page, label: str, steps: int) -> None:
    """Move a slider by keyboard, as a person using arrow keys would (negative: to the left)."""
    thumb = pg.locator(f'input[type="range"][aria-label="{label}"]')
    thumb.focus()
    key = "ArrowRight" if steps > 0 else "ArrowLeft"
    for _ in range(abs(steps)):
        thumb.press(key)
    wait_idle(pg)


def press_slider(pg: Page, label: str, key: str) -> None:
    """Press one key on a slider (Home, End: its ends) and wait for the rerun."""
    thumb = pg.locator(f'input[type="range"][aria-label="{label}"]')
    thumb.focus()
    thumb.press(key)
    wait_idle(pg)


def shown(key: str, lang: str, **fmt: object) -> str:
    """A catalog string as the page shows it (markdown's ` and ** are not on screen)."""
    return text(key, lang, **fmt).replace("`", "").replace("**", "")


def pick(pg: Page, key: str, option: str) -> None:
    """Open a selectbox (by its widget key) and choose an option by its shown name."""
    box = pg.locator(f".st-key-{key} [role='combobox']")
    box.click()
    if box.get_attribute("aria-expanded") != "true":
        box.press("ArrowDown")  # a click on the text only focuses it; the arrow key opens it
    pg.get_by_role("option", name=option, exact=True).click()
    wait_idle(pg)


def slide_to(pg: Page, label: str, target: str, key: str, limit: int = 60) -> None:
    """Press `key` on a slider, as a person would, until it shows `target`."""
    thumb = pg.locator(f'input[type="range"][aria-label="{label}"]')
    thumb.focus()
    for _ in range(limit):
        if thumb.get_attribute("aria-valuetext") == target:
            break
        thumb.press(key)
    assert thumb.get_attribute("aria-valuetext") == target
    wait_idle(pg)


# The line paths of the i-th plotly chart as one string; null while a rerun has the chart out
# of the page (during a rerun Streamlit may briefly drop and redraw it).
JS_PATHS = """(i) => {
    const plot = document.querySelectorAll('.js-plotly-plot')[i];
    return plot ? [...plot.querySelectorAll('path.js-line')].map(p => p.getAttribute('d')).join('|')
                : null;
}"""


def wait_chart_changed(pg: Page, index: int, before: str, timeout: float = 30_000) -> None:
    """Wait until the index-th chart is on the page again with other lines than `before`."""
    pg.wait_for_function(
        f"(b) => {{ const now = ({JS_PATHS})({index}); return now !== null && now !== b; }}",
        arg=before,
        timeout=timeout,
    )


def chart_paths(pg: Page, index: int) -> str:
    """All line paths of the index-th plotly chart on the page, as one string."""
    return pg.evaluate(JS_PATHS, index)


# For every plotly chart with a contour map: the plot area's width/height in pixels and the
# axis ranges' width/height, for the axes the contour is drawn on (equal scale: they match).
JS_CONTOUR_SCALES = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap((p) => {
    if (!p._fullData || !p._fullLayout) return [];
    return p._fullData.filter((d) => d.type === 'contour').map((d) => {
        const xa = p._fullLayout[d.xaxis.replace('x', 'xaxis')];
        const ya = p._fullLayout[d.yaxis.replace('y', 'yaxis')];
        return {pixels: xa._length / ya._length,
                ranges: (xa.range[1] - xa.range[0]) / (ya.range[1] - ya.range[0])};
    });
})"""


def contour_scales(pg: Page) -> list[dict]:
    """{pixels, ranges} ratios for each contour map on the page (see JS_CONTOUR_SCALES)."""
    return pg.evaluate(JS_CONTOUR_SCALES)


def wait_contour_maps(
    pg: Page, n: int, other_than: float | None = None, timeout: float = 60_000
) -> list[dict]:
    """Wait until n contour maps are drawn (a chart's data arrives after its frame) and, with
    ``other_than``, the first one's range ratio is not that one any more (a redrawn map); then
    return their scales."""
    pg.wait_for_function(
        f"""(b) => {{
            const s = ({JS_CONTOUR_SCALES})();
            return s.length >= {n} && (b === null || s[0].ranges !== b);
        }}""",
        arg=other_than,
        timeout=timeout,
    )
    return contour_scales(pg)


# The contour picture under an animated chart (a layout image placed in data units), as the
# browser draws it: the drawn <image>'s width/height in pixels against sizex/sizey in units.
JS_PICTURE_SCALE = """(p) => {
    const img = p.querySelector('.imagelayer image');
    const spec = p._fullLayout.images[0];
    if (!img || !spec) return null;
    const r = img.getBoundingClientRect();
    return {pixels: r.width / r.height, ranges: spec.sizex / spec.sizey};
}"""


def picture_scale(chart) -> dict | None:
    """{pixels, ranges} of the contour picture under an animated chart (JS_PICTURE_SCALE)."""
    return chart.evaluate(JS_PICTURE_SCALE)


# The plot area of a chart as a box in page pixels.
JS_PLOT_BOX = """(p) => {
    const r = p.querySelector('.draglayer .xy .nsewdrag').getBoundingClientRect();
    return {x: r.x, y: r.y, width: r.width, height: r.height};
}"""


def blue_tint(pg: Page, chart) -> float:
    """How blue the plot area of a chart looks: the mean of (blue - red) over its pixels, 0 for
    white paper, tens for the contour map's blues."""
    import io

    import numpy as np
    from PIL import Image

    chart.scroll_into_view_if_needed()
    outer = chart.bounding_box()
    box = chart.evaluate(JS_PLOT_BOX)
    image = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
    left, top = box["x"] - outer["x"], box["y"] - outer["y"]
    image = image.crop((left, top, left + box["width"], top + box["height"]))
    rgb = np.asarray(image, dtype=float)
    return float((rgb[..., 2] - rgb[..., 0]).mean())


def overlaps(a: dict, b: dict) -> bool:
    """Whether two boxes {x, y, width, height} overlap."""
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def assert_kept_elsewhere_and_reset(
    pg: Page, stem: str, thumb, kept: str, default: str, lang: str
) -> None:
    """Visit the home page by the sidebar and come back to /<stem>: the slider ``thumb`` still
    shows ``kept``; "reset this page" (in ``lang``) puts back ``default`` (values as
    aria-valuetext)."""
    pg.locator('[data-testid="stSidebarNav"] a').first.click()
    wait_idle(pg)
    expect(thumb).to_have_count(0)  # really on another page
    pg.locator(f'[data-testid="stSidebarNav"] a[href$="/{stem}"]').click()
    wait_idle(pg)
    thumb.wait_for()
    assert thumb.get_attribute("aria-valuetext") == kept
    pg.get_by_role("button", name=text("common.reset", lang)).click()
    wait_idle(pg)
    expect(thumb).to_have_attribute("aria-valuetext", default)
