"""Screenshots of every page, both languages, desktop (1400x1000) and phone (390x844).

    python scripts/screenshots.py [--pages shapes,digits] [--full]

Starts its own `streamlit run app.py` on a free port, drives Debian's chromium with
Playwright, uses each page's main control once (draws a 7 on /digits, picks an example on
/shapes, shows the derivatives on /activations, moves the first slider elsewhere), waits
until every chart and image is drawn, then saves what the first screen shows (or the
whole page with --full) to docs/screenshots/<page>-<lang>-<desktop|phone>.png, as 256-colour
PNGs (Pillow) so the folder stays small.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM_ARGS, start_server  # noqa: E402
from tests.e2e.helpers import wait_idle  # noqa: E402
from ui.nav import PAGES  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZES = {"desktop": (1400, 1000), "phone": (390, 844)}
SEVEN = [(75, 65), (140, 65), (205, 65), (165, 155), (125, 245)]  # canvas pixels, one stroke


def draw_seven(pg) -> None:
    """One stroke on the canvas, as a hand with a mouse draws a 7."""
    canvas = pg.locator("canvas.upper-canvas")
    canvas.wait_for(state="visible")
    canvas.scroll_into_view_if_needed()
    pg.wait_for_timeout(1000)  # the component binds its pointer handlers after it shows
    box = canvas.bounding_box()
    scale = box["width"] / 280  # a phone may show the canvas smaller than 280 px
    pg.mouse.move(box["x"] + SEVEN[0][0] * scale, box["y"] + SEVEN[0][1] * scale)
    pg.mouse.down()
    for x, y in SEVEN[1:]:
        pg.mouse.move(box["x"] + x * scale, box["y"] + y * scale, steps=4)
    pg.mouse.up()
    pg.wait_for_selector('[data-testid="stMetricValue"]', timeout=120_000)


def nudge_first_slider(pg, steps: int = 4) -> None:
    """Move the page's first slider a few steps with the keyboard, as a person could."""
    thumb = pg.locator('[data-testid="stMain"] input[type="range"]').first
    if thumb.count() == 0:
        return
    thumb.focus()
    for _ in range(steps):
        thumb.press("ArrowRight")


# Only what the first screen shows counts: charts in closed tabs or expanders are not drawn,
# and lazily loaded images below the fold are not fetched, until a person gets to them.
DRAWN = """() => {
    const seen = (e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.top < innerHeight && r.bottom > 0;
    };
    const main = document.querySelector('[data-testid="stMain"]');
    return !document.querySelector('[data-testid="stSkeleton"]')
        && [...main.querySelectorAll('[data-testid="stPlotlyChart"]')].filter(seen)
            .every(c => c.querySelector('.main-svg'))
        && [...main.querySelectorAll('img')].filter(seen)
            .every(i => i.complete && i.naturalWidth > 0);
}"""


def settled(pg) -> None:
    """Wait until no element is still a loading placeholder, every chart is drawn and every
    image (st.image files come from the media endpoint) has loaded."""
    pg.wait_for_function(DRAWN, timeout=120_000)


def use_main_control(pg, stem: str | None) -> None:
    if stem == "digits":
        draw_seven(pg)
    elif stem == "shapes":
        pg.locator(".st-key-shapes_example_outer button").click()
    elif stem == "activations":
        pg.locator(".st-key-activations_derivs label").click()  # the derivatives next to the curves
    elif stem is not None:
        nudge_first_slider(pg)
    wait_idle(pg, timeout=120_000)
    settled(pg)
    pg.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, 0)")
    pg.mouse.move(2, 2)  # park the pointer: no hover toolbar or tooltip in the picture
    pg.wait_for_timeout(800)  # plotly finishes its transitions


def save(pg, path: Path, full: bool) -> None:
    if full:
        height = pg.evaluate(
            "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight"
        )
        size = pg.viewport_size
        pg.set_viewport_size({"width": size["width"], "height": min(height, 9000)})
        pg.wait_for_timeout(500)
        pg.screenshot(path=str(path))
        pg.set_viewport_size(size)
    else:
        pg.screenshot(path=str(path))
    img = Image.open(path).convert("RGB")
    img.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", help="comma-separated stems (home for the home page)")
    parser.add_argument("--langs", default="zh,en")
    parser.add_argument("--sizes", default="desktop,phone")
    parser.add_argument("--full", action="store_true", help="the whole page, not the first screen")
    args = parser.parse_args()
    stems: list[str | None] = [None, *(p.stem for p in PAGES)]
    if args.pages:
        wanted = args.pages.split(",")
        stems = [s for s in stems if (s or "home") in wanted]
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    proc, url = start_server()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for size in args.sizes.split(","):
                width, height = SIZES[size]
                for lang in args.langs.split(","):
                    context = browser.new_context(
                        viewport={"width": width, "height": height},
                        locale="zh-CN" if lang == "zh" else "en-US",
                        has_touch=size == "phone",
                    )
                    pg = context.new_page()
                    pg.set_default_timeout(60_000)
                    for stem in stems:
                        start = time.monotonic()
                        path = OUT / f"{stem or 'home'}-{lang}-{size}.png"
                        try:
                            pg.goto(f"{url}/{stem or ''}?lang={lang}")
                            wait_idle(pg, timeout=120_000)  # a cold server loads MNIST, models
                            use_main_control(pg, stem)
                        except PlaywrightError as exc:  # a picture of the problem, then go on
                            print(f"{path.name}: {str(exc).splitlines()[0]}", file=sys.stderr)
                        save(pg, path, args.full)
                        took = time.monotonic() - start
                        kb = path.stat().st_size // 1024
                        print(f"{path.relative_to(ROOT)}  {kb} kB  {took:.1f} s")
                    context.close()
            browser.close()
    finally:
        proc.terminate()


if __name__ == "__main__":
    main()
