"""The training page in a real browser: train, stop, download; and a second person's page stays
responsive while someone trains (two sessions on one server)."""

import io
import re
import statistics
import time

import numpy as np
import pytest
from playwright.sync_api import expect

from tests.catalog import page_text, prefix
from tests.e2e.conftest import shot
from tests.e2e.helpers import (
    assert_no_dialog,
    chart_paths,
    open_lab,
    press_slider,
    wait_chart_changed,
    wait_idle,
)
from ui.strings import CATALOG

pytestmark = pytest.mark.e2e


STEM = "training"
PROGRESS = '[data-testid="stProgress"]'


s = page_text(STEM)


def test_train_watch_and_download(page, server):
    """Default run: a progress bar and curves while it trains, then the result, a link to the
    digits page's model hand-over, and a .npz download that numpy reads. In English (the
    stop test below is in Chinese)."""
    lang = "en"
    open_lab(page, f"{server}/{STEM}?lang={lang}")
    page.get_by_role("button", name=s("start", lang)).click()
    # The default run (10 x 10,000 images, float32) can end before the first redraw, so the
    # live progress is checked by the longer runs below; here: the result and its curves.
    expect(page.get_by_text(prefix("training.done.finished", lang))).to_be_visible(timeout=90_000)
    expect(page.locator(PROGRESS)).to_have_count(0)
    expect(page.locator(".js-plotly-plot")).to_have_count(2, timeout=30_000)
    assert_no_dialog(page)
    shot(page, f"training-done-{lang}")

    with page.expect_download() as info:
        page.get_by_role("button", name=s("download", lang)).click()
    blob = info.value.path().read_bytes()
    with np.load(io.BytesIO(blob), allow_pickle=False) as npz:
        assert {"W1", "b1", "W2", "b2", "__meta__"} <= set(npz.files)
        assert npz["W1"].shape == (784, 50)


def wait_batches(pg) -> None:
    """Wait until the progress text ("... mini-batch 37/6000 ...", both languages) counts a
    first mini-batch done."""
    pg.wait_for_function(
        "(sel) => /mini-batch [1-9]/.test(document.querySelector(sel)?.innerText || '')",
        arg=PROGRESS,
        timeout=60_000,
    )


def test_stop_and_gradient_check(page, server):
    """A long run stops on request and says where; the gradient check shows its verdict."""
    lang = "zh"
    open_lab(page, f"{server}/{STEM}?lang={lang}")
    press_slider(page, s("train_size", lang), "End")  # 10,000 → 60,000 images
    page.get_by_role("button", name=s("start", lang)).click()
    expect(page.locator(PROGRESS)).to_be_visible(timeout=30_000)
    wait_batches(page)
    page.get_by_role("button", name=s("stop", lang)).click()
    expect(page.get_by_text(prefix("training.done.stopped", lang))).to_be_visible(timeout=10_000)
    expect(page.locator(PROGRESS)).to_have_count(0)

    page.get_by_role("button", name=s("gc_run", lang)).click()
    expect(page.get_by_text(prefix("training.gc_ok", lang))).to_be_visible(timeout=60_000)
    assert_no_dialog(page)
    shot(page, f"training-stopped-gradcheck-{lang}")


def redraw_seconds(pg, label: str, steps: int) -> float:
    """Press an arrow key on a slider of /activations; seconds until its chart path changes.
    Starts and ends with the page idle: the presses go +1, -1, ..., so a press made while the
    previous rerun was still drawing could bring back the very paths it compares against."""
    wait_idle(pg)
    before = chart_paths(pg, 2)
    thumb = pg.locator(f'input[type="range"][aria-label="{label}"]')
    thumb.focus()
    start = time.perf_counter()
    thumb.press("ArrowRight" if steps > 0 else "ArrowLeft")
    wait_chart_changed(pg, 2, before, timeout=60_000)
    seconds = time.perf_counter() - start
    wait_idle(pg)
    return seconds


def batches_done(pg) -> int:
    """The mini-batch count in the progress text ("... mini-batch 37/6000 ..."), 0 before."""
    found = re.search(r"mini-batch (\d+)/", pg.locator(PROGRESS).inner_text())
    return int(found.group(1)) if found else 0


def test_second_session_stays_responsive(page, browser, server):
    """Session A trains on all 60,000 images; session B moves a slider on /activations. B's
    chart redraws after every press while A keeps training. Prints the measured latencies.
    B is a tab of the shared profile (its cache holds plotly's script), A a window of its
    own, so neither is a background tab of the other."""
    a_ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    a, b = a_ctx.new_page(), page
    try:
        label = CATALOG["activations.nonlin_w"]["en"]
        open_lab(b, f"{server}/activations?lang=en")
        b.locator(".js-plotly-plot").nth(2).wait_for()
        idle = [redraw_seconds(b, label, +1 if i % 2 == 0 else -1) for i in range(4)]

        open_lab(a, f"{server}/{STEM}?lang=en")
        press_slider(a, s("train_size", "en"), "End")  # 60,000 images
        press_slider(a, s("epochs", "en"), "End")  # 20 epochs: 12,000 mini-batches, > 10 s here
        a.get_by_role("button", name=s("start", "en")).click()
        expect(a.locator(PROGRESS)).to_be_visible(timeout=30_000)
        wait_batches(a)
        before = batches_done(a)
        started = time.perf_counter()
        busy = [redraw_seconds(b, label, +1 if i % 2 == 0 else -1) for i in range(6)]
        trained = batches_done(a) - before
        rate = trained / (time.perf_counter() - started)
        stop = a.get_by_role("button", name=s("stop", "en"))
        if stop.is_enabled():  # a fast machine may have finished the run meanwhile
            stop.click()
            # The run may also end between is_enabled() and the click: stopped or finished.
            ended = a.get_by_text(prefix("training.done.stopped", "en")).or_(
                a.get_by_text(prefix("training.done.finished", "en"))
            )
            expect(ended).to_be_visible(timeout=10_000)

        print(
            f"\n/activations redraw, median (max) of presses: idle {statistics.median(idle):.3f}"
            f" ({max(idle):.3f}) s; while another session trains "
            f"{statistics.median(busy):.3f} ({max(busy):.3f}) s; "
            f"the trainer meanwhile did {trained} mini-batches ({rate:.0f}/s)"
        )
        assert trained > 0
    finally:
        a_ctx.close()
