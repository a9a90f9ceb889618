"""Load benchmark: 10 browser sessions draw on /digits at once; every one must get its prediction.

Starts its own ``streamlit run app.py`` (tests.e2e.conftest.start_server), opens SESSIONS
chromium contexts, waits until every canvas is ready, then all draw the same digits at the
same moment (ROUNDS strokes each, the canvas reset between them). The latency of a stroke is
measured in the page: from the canvas' pointerup to the metric (预测 / Prediction) on screen.

Run: ``python benchmarks/bench_digits_load.py``; ``run()`` returns the rows as
(name, value, unit) for ``make bench``.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.e2e.conftest import CHROMIUM_ARGS, start_server
from tests.e2e.test_digits_e2e import ARM_TIMER, METRIC_SHOWN_MS, STROKES

SESSIONS = 10
ROUNDS = 3  # strokes per session: 0, 1, 7
TIMEOUT_MS = 60_000


async def _stroke(page, points) -> None:
    box = await page.locator("canvas.upper-canvas").bounding_box()
    x0, y0 = box["x"], box["y"]
    await page.mouse.move(x0 + points[0][0], y0 + points[0][1])
    await page.mouse.down()
    for x, y in points[1:]:
        await page.mouse.move(x0 + x, y0 + y, steps=3)
    await page.mouse.up()


async def _session(browser, url: str, ready: asyncio.Barrier, out: dict) -> None:
    """One person: open the page, wait for everyone, draw ROUNDS digits; record or fail."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        await page.goto(f"{url}/digits?lang=en")
        canvas = page.locator("canvas.upper-canvas")
        await canvas.wait_for(state="attached")
        await canvas.scroll_into_view_if_needed()
        await ready.wait()
        for digit in list(STROKES)[:ROUNDS]:
            await page.evaluate(ARM_TIMER)
            await _stroke(page, STROKES[digit])
            ms = await (await page.wait_for_function(METRIC_SHOWN_MS, polling="raf")).json_value()
            value = await page.locator('[data-testid="stMetricValue"]').inner_text()
            out["latency_ms"].append(ms)
            out["correct"] += value.strip() == str(digit)
            if await page.locator('[data-testid="stException"]').count():
                out["errors"].append("exception shown")
            await canvas.hover(position={"x": 140, "y": 140})
            await page.locator('.dc-toolbar button[title="Reset canvas & history"]').click()
            await page.locator('[data-testid="stMetric"]').wait_for(state="detached")
    except Exception as exc:  # a session that fails is counted, not fatal to the others
        out["errors"].append(f"{type(exc).__name__}: {str(exc)[:200]}")
    finally:
        await context.close()


async def _load(url: str) -> dict:
    from playwright.async_api import async_playwright

    out = {"latency_ms": [], "correct": 0, "errors": []}
    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )
        ready = asyncio.Barrier(SESSIONS)
        await asyncio.gather(*(_session(browser, url, ready, out) for _ in range(SESSIONS)))
        await browser.close()
    return out


def run() -> list[tuple[str, float, str]]:
    """p50/p95/max mouse-up -> prediction latency under SESSIONS concurrent sessions."""
    if not shutil.which("chromium"):
        raise RuntimeError("chromium not found: apt-get install -y chromium")
    proc, url = start_server()
    try:
        out = asyncio.run(_load(url))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    lat = sorted(out["latency_ms"])
    expected = SESSIONS * ROUNDS
    if out["errors"]:
        print("errors:", *out["errors"], sep="\n  ", file=sys.stderr)
    p95 = statistics.quantiles(lat, n=20, method="inclusive")[-1] if len(lat) >= 2 else float("nan")
    return [
        (
            f"digits load: predictions received ({SESSIONS} sessions x {ROUNDS})",
            len(lat),
            f"of {expected}",
        ),
        ("digits load: predictions equal to the drawn digit", out["correct"], f"of {expected}"),
        ("digits load: sessions or strokes with an error", len(out["errors"]), "n"),
        (
            "digits load: mouse-up -> prediction p50",
            statistics.median(lat) if lat else float("nan"),
            "ms",
        ),
        ("digits load: mouse-up -> prediction p95", p95, "ms"),
        ("digits load: mouse-up -> prediction max", lat[-1] if lat else float("nan"), "ms"),
    ]


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name:<62} {value:10.1f} {unit}")
