"""Every page in a real browser: first visit on a fresh server, second visit, a slider change.

    .venv/bin/python -m benchmarks.bench_browser                 # every page, this checkout
    .venv/bin/python -m benchmarks.bench_browser mnist training  # some pages
    .venv/bin/python -m benchmarks.bench_browser --root /other/checkout   # e.g. main, "before"

Headless Debian chromium (Playwright, 1400×1000, ``?lang=en``). For each page a fresh
``streamlit run app.py`` starts; the page is opened (first visit: cold server, empty browser
cache), then again in a new browser profile (second visit: a new session on the warm server,
empty cache), then in another tab of that profile (cached visit: what a learner who comes back
meets, with Streamlit's and plotly's scripts in the browser's cache), and then its first slider
is moved one step with the arrow key, five times (the median press is reported); last, that tab
goes to another page by the sidebar and comes back by the page's sidebar link (by the sidebar:
how a learner moves through the lab in one tab, Streamlit's and plotly's code already running
there; from Playwright's click, whose own checks add ~0.1-0.25 s). Each time is
from navigation (or the key press) until Streamlit is idle (``data-test-script-state=
"notRunning"``, as tests/e2e/helpers.py waits), no
grey skeleton (a widget or chart whose code is still loading) is left on the first screen, every
chart shown is drawn, AND nothing on the page has changed for ``QUIET`` s (charts, images, text),
minus that quiet time.

The profile columns say where the time goes, per visit: the server process's CPU seconds
(script, protobuf, websocket), the bytes the browser received over the websocket, the plotly
figures on the page and the data points they carry (x/y/z values over all traces), and the
browser's own script and layout/style time (Chrome DevTools ``Performance.getMetrics``).

``--baseline`` measures the same on pages with nothing of the lab (benchmarks/baseline/):
Streamlit alone, and Streamlit with one small line chart drawn by plotly, by Streamlit's
built-in Vega-Lite chart (``st.line_chart``) and by matplotlib (``st.pyplot``): the floor under
every page here, and what each way of drawing a chart adds to it.

A learner's walk: on a warm server a new browser profile opens the home page and then every
page in turn by the sidebar, each timed from the click until drawn (``walk /<page>``).

Then one more fresh server gets every page once, in one session, and its resident memory is
read from /proc (VmRSS, and VmHWM: the peak); and /training's default run is started in the
browser: its wall time from the click (the browser's click event) to the result drawn,
against the training time it reports.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM_ARGS, start_server  # noqa: E402
from tests.e2e.helpers import RUNNING_DONE  # noqa: E402

VIEWPORT = {"width": 1400, "height": 1000}
QUIET = 0.6  # s without any change on the page: the page is drawn
SLIDER_PRESSES = 5  # the slider figure is the median of these (one press varied 0.33-0.83 s)
TIMEOUT = 180.0  # s; a cold server on a loaded machine can be slow

# What is on the page: plotly figures and their data, images, text. Any change restarts QUIET.
SIGNATURE_JS = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    if (!main || !main.querySelector('h1')) return '';  // the script has not drawn yet
    // A grey skeleton on the first screen: a widget or chart whose code is still loading.
    const onScreen = e => {
        const r = e.getBoundingClientRect();
        return r.top < innerHeight && r.bottom > 0;
    };
    if ([...main.querySelectorAll('[data-testid="stSkeleton"]')].some(onScreen)) return '';
    const charts = [...main.querySelectorAll('[data-testid="stPlotlyChart"]')];
    const shown = c => c.offsetParent !== null && c.getBoundingClientRect().width > 0;
    if (charts.some(c => shown(c) && !c.querySelector('.main-svg'))) return '';  // not drawn yet
    const plots = [...main.querySelectorAll('.js-plotly-plot')];
    const shapes = plots.map(p => p.querySelectorAll('path, image, text, rect').length);
    const paths = plots.map(p => [...p.querySelectorAll('path')]
        .reduce((n, e) => n + (e.getAttribute('d') || '').length, 0));
    const imgs = [...main.querySelectorAll('img')].map(i => i.complete ? i.naturalWidth : -1);
    const canvases = [...main.querySelectorAll('canvas')].map(c => c.width + 'x' + c.height);
    return [plots.length, shapes.join(','), paths.join(','), imgs.join(','), canvases.join(','),
            main.innerText.length].join('|');
}"""

FIGURES_JS = """() => {
    const plots = [...document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot')];
    let points = 0;
    const size = v => !v ? 0 : Array.isArray(v) || ArrayBuffer.isView(v)
        ? [...v].reduce((n, r) => n + (Array.isArray(r) || ArrayBuffer.isView(r) ? r.length : 1), 0)
        : 0;
    for (const p of plots) for (const tr of (p.data || [])) {
        points += Math.max(size(tr.x), size(tr.y)) + size(tr.z);
    }
    return [plots.length, points];
}"""

SLIDER = '[data-testid="stMain"] input[type="range"]'

# /training's wall time as the learner meets it, on the browser's clock: from the click event
# (Playwright's click adds its own checks before it, ~0.25 s on this machine) to the first
# frame drawn with the result's "Training time" metric in the page.
CLICK_TO_RESULT_JS = """() => {
    window.__nnlab = {};
    document.addEventListener('click', e => {
        window.__nnlab.click ??= performance.timeOrigin + e.timeStamp;
    }, {capture: true});
    const shown = () => [...document.querySelectorAll('[data-testid="stMetric"]')]
        .some(m => m.innerText.includes('Training time'));
    new MutationObserver((_, observer) => {
        if (!shown()) return;
        observer.disconnect();
        requestAnimationFrame(() => {
            window.__nnlab.done = performance.timeOrigin + performance.now();
        });
    }).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""


def sidebar_link(pg, stem: str):
    """The sidebar's link to the lesson page ``stem``."""
    return pg.locator(f'[data-testid="stSidebarNav"] a[href$="/{stem}"]')


@dataclass
class Visit:
    seconds: float = float("nan")
    server_cpu: float = float("nan")
    ws_bytes: int = 0
    figures: int = 0
    points: int = 0
    browser_script: float = float("nan")
    browser_layout: float = float("nan")


@dataclass
class PageResult:
    page: str
    first: Visit = field(default_factory=Visit)
    second: Visit = field(default_factory=Visit)
    cached: Visit = field(default_factory=Visit)
    slider: Visit | None = None
    sidebar: Visit = field(default_factory=Visit)


def _proc_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _proc_mem_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a process in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    kb = {k: int(re.search(rf"^{k}:\s+(\d+)", status, re.M).group(1)) for k in ("VmRSS", "VmHWM")}
    return kb["VmRSS"] / 1024, kb["VmHWM"] / 1024


class Tab:
    """One browser tab with its websocket byte counter and DevTools performance metrics."""

    def __init__(self, browser, pid: int, context=None) -> None:
        self.own_context = context is None  # a new context: a browser with an empty cache
        self.context = context or browser.new_context(viewport=VIEWPORT, locale="en-US")
        self.pg = self.context.new_page()
        self.pg.set_default_timeout(TIMEOUT * 1000)
        self.pid = pid
        self.ws_bytes = 0
        self.pg.on("websocket", self._on_ws)
        self.cdp = self.context.new_cdp_session(self.pg)
        self.cdp.send("Performance.enable")

    def _on_ws(self, ws) -> None:
        ws.on("framereceived", lambda payload: self._count(payload))

    def _count(self, payload) -> None:
        self.ws_bytes += len(payload)

    def _metrics(self) -> dict[str, float]:
        got = self.cdp.send("Performance.getMetrics")["metrics"]
        return {m["name"]: m["value"] for m in got}

    def measure(self, action) -> Visit:
        """Run ``action`` (navigate, press a key) and time it until the page is drawn."""
        before_m, before_cpu, before_ws = self._metrics(), _proc_cpu(self.pid), self.ws_bytes
        t0 = time.perf_counter()
        action()
        seconds = self._settle(t0)
        after_m = self._metrics()
        figures, points = self.pg.evaluate(FIGURES_JS)
        layout = sum(
            after_m.get(k, 0) - before_m.get(k, 0)
            for k in ("LayoutDuration", "RecalcStyleDuration")
        )
        return Visit(
            seconds=seconds,
            server_cpu=_proc_cpu(self.pid) - before_cpu,
            ws_bytes=self.ws_bytes - before_ws,
            figures=figures,
            points=points,
            browser_script=after_m.get("ScriptDuration", 0) - before_m.get("ScriptDuration", 0),
            browser_layout=layout,
        )

    def _settle(self, t0: float) -> float:
        """Seconds from t0 until idle and unchanged for QUIET s (the last change's time)."""
        last_sig, last_change = None, time.perf_counter()
        while True:
            now = time.perf_counter()
            if now - t0 > TIMEOUT:
                print(f"  not settled after {TIMEOUT} s: reported as nan", file=sys.stderr)
                return float("nan")
            try:
                idle = self.pg.evaluate(RUNNING_DONE)
                sig = self.pg.evaluate(SIGNATURE_JS)
            except Exception:  # navigation in progress
                idle, sig = False, None
            if sig != last_sig or not idle:
                last_sig, last_change = sig, now
            elif now - last_change >= QUIET and sig:
                return last_change - t0
            time.sleep(0.05)

    def open(self, url: str) -> Visit:
        return self.measure(lambda: self.pg.goto(url, wait_until="commit"))

    def nudge_first_slider(self) -> Visit | None:
        """Move the first slider one step, SLIDER_PRESSES times (right, or left at its right
        end), each timed until drawn: the press with the median time."""
        thumb = self.pg.locator(SLIDER).first
        if self.pg.locator(SLIDER).count() == 0:
            return None
        thumb.focus()
        presses = []
        for _ in range(SLIDER_PRESSES):
            at_end = thumb.input_value() == thumb.get_attribute("max")
            key = "ArrowLeft" if at_end else "ArrowRight"
            presses.append(self.measure(lambda key=key: thumb.press(key)))
        times = ", ".join(f"{v.seconds:.2f}" for v in presses)
        print(f"  slider presses drawn in {times} s", file=sys.stderr, flush=True)
        return sorted(presses, key=lambda v: v.seconds)[len(presses) // 2]

    def by_the_sidebar(self, stem: str) -> Visit:
        """Go to another page by the sidebar, then come back to this one by its sidebar link:
        the way a learner moves through the lab in one tab (Streamlit and plotly stay loaded;
        the page's script runs again). Timed from Playwright's click until drawn."""
        links = self.pg.locator('[data-testid="stSidebarNav"] a')
        if links.count() < 2:  # a baseline page: no other page to come back from
            return Visit()
        elsewhere = links.nth(1) if not stem else links.first  # the first lesson, or home
        self.measure(elsewhere.click)
        return self.measure(sidebar_link(self.pg, stem).click)

    def another_tab(self, browser) -> Tab:
        """A new tab in the same browser profile: its cache holds the scripts already loaded."""
        return Tab(browser, self.pid, self.context)

    def close(self) -> None:
        if self.own_context:
            self.context.close()
        else:
            self.pg.close()


def _launch(p):
    exe = shutil.which("chromium")
    if not exe:
        raise RuntimeError("chromium not found: apt-get install -y chromium")
    return p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)


def _stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except Exception:
        proc.kill()


def measure_page(browser, stem: str, root: Path) -> PageResult:
    print(f"/{stem} ...", file=sys.stderr, flush=True)
    proc, url = start_server(root=root)
    result = PageResult(stem or "home")
    try:
        tab = Tab(browser, proc.pid)
        result.first = tab.open(f"{url}/{stem}?lang=en")
        tab.close()
        tab = Tab(browser, proc.pid)
        result.second = tab.open(f"{url}/{stem}?lang=en")
        again = tab.another_tab(browser)  # the same learner opens it again: scripts cached
        result.cached = again.open(f"{url}/{stem}?lang=en")
        result.slider = again.nudge_first_slider()
        result.sidebar = again.by_the_sidebar(stem)
        again.close()
        tab.close()
    finally:
        _stop(proc)
    return result


def measure_walk(browser, stems: list[str], root: Path) -> dict[str, float]:
    """A learner's first walk through the lab: a new browser profile (empty cache) opens the
    home page of a warm server, then every page in turn by its sidebar link, each timed from
    the click until drawn. The first page with a plotly chart pays for loading plotly.js."""
    proc, url = start_server(root=root)
    out: dict[str, float] = {}
    try:
        warm = Tab(browser, proc.pid)  # the server's first session: its imports and caches
        for stem in stems:
            warm.open(f"{url}/{stem}?lang=en")
        warm.close()
        tab = Tab(browser, proc.pid)
        out["home"] = tab.open(f"{url}/?lang=en").seconds
        for stem in (s for s in stems if s):
            out[stem] = tab.measure(sidebar_link(tab.pg, stem).click).seconds
        tab.close()
    finally:
        _stop(proc)
    return out


def measure_memory_and_training(browser, stems: list[str], root: Path) -> dict[str, float]:
    """Every page once on a fresh server (memory), then /training's default run in the browser."""
    proc, url = start_server(root=root)
    out: dict[str, float] = {}
    try:
        tab = Tab(browser, proc.pid)
        for stem in stems:
            tab.open(f"{url}/{stem}?lang=en")
        out["rss"], out["peak"] = _proc_mem_mb(proc.pid)
        if "training" in stems:
            tab.open(f"{url}/training?lang=en")
            pg = tab.pg
            pg.evaluate(CLICK_TO_RESULT_JS)
            t0 = time.perf_counter()
            pg.locator(".st-key-training_start button").click()
            done = pg.locator('[data-testid="stMetric"]').filter(has_text="Training time")
            done.first.wait_for(timeout=TIMEOUT * 1000)
            out["train_wall_playwright"] = time.perf_counter() - t0
            pg.wait_for_function("() => window.__nnlab.done")
            out["train_wall"] = pg.evaluate("() => (__nnlab.done - __nnlab.click) / 1000")
            value = done.first.locator('[data-testid="stMetricValue"]').inner_text()
            out["train_compute"] = float(re.search(r"[\d.]+", value).group())
            out["rss_after_training"], out["peak_after_training"] = _proc_mem_mb(proc.pid)
        tab.close()
    finally:
        _stop(proc)
    return out


def _fmt(v: Visit | None, what: str) -> str:
    if v is None:
        return "–"
    value = getattr(v, what)
    if what == "ws_bytes":
        return f"{value / 1e3:.0f} kB"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:.2f}"


def print_tables(results: list[PageResult], extra: dict[str, float]) -> None:
    print(f"\n## Browser timing (chromium 1400×1000, ?lang=en), load {os.getloadavg()[0]:.1f}")
    print("| page | first visit, s | second visit (new profile), s | cached visit, s "
          "| by the sidebar, s | slider change drawn, s |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    for r in results:
        slider = _fmt(r.slider, "seconds")
        print(f"| {r.page} | {r.first.seconds:.2f} | {r.second.seconds:.2f} "
              f"| {r.cached.seconds:.2f} | {r.sidebar.seconds:.2f} | {slider} |")  # fmt: skip
    print("\n## Where the time goes (first / second / cached visit / by the sidebar / slider)")
    cols = ("server_cpu", "ws_bytes", "figures", "points", "browser_script", "browser_layout")
    print("| page | server CPU s | websocket | figures | data points | browser script s "
          "| browser layout+style s |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for r in results:
        visits = (r.first, r.second, r.cached, r.sidebar, r.slider)
        cells = [" / ".join(_fmt(v, c) for v in visits) for c in cols]
        print(f"| {r.page} | " + " | ".join(cells) + " |")
    if extra:
        print("\n## Server memory, /training, and a learner's walk by the sidebar (s)")
        for k, v in extra.items():
            print(f"- {k}: {v:.2f}")


def collect(stems: list[str], root: Path = ROOT) -> tuple[list[PageResult], dict[str, float]]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = _launch(p)
        try:  # each figure goes to stderr as soon as it is measured
            extra = measure_memory_and_training(browser, stems, root)
            print(f"memory and /training: {extra}", file=sys.stderr, flush=True)
            walk = measure_walk(browser, stems, root)
            print(f"walk: {walk}", file=sys.stderr, flush=True)
            extra.update({f"walk /{stem}": v for stem, v in walk.items()})
            results = []
            for stem in stems:
                results.append(measure_page(browser, stem, root))
                print(results[-1], file=sys.stderr, flush=True)
        finally:
            browser.close()
    return results, extra


def _all_stems() -> list[str]:
    from ui.nav import PAGES

    return ["", *(p.stem for p in PAGES)]


def run() -> list[tuple[str, float, str]]:
    results, extra = collect(_all_stems())
    results += baselines()
    print_tables(results, extra)
    rows = []
    for r in results:
        rows.append((f"browser /{r.page}: first visit (fresh server)", r.first.seconds, "s"))
        rows.append((f"browser /{r.page}: second visit", r.second.seconds, "s"))
        rows.append((f"browser /{r.page}: cached visit (same browser)", r.cached.seconds, "s"))
        rows.append((f"browser /{r.page}: by the sidebar (same tab)", r.sidebar.seconds, "s"))
        if r.slider is not None:
            rows.append((f"browser /{r.page}: slider change drawn", r.slider.seconds, "s"))
    rows.append(("server memory after every page once (VmRSS)", extra["rss"], "MB"))
    rows.append(("server memory peak while visiting them (VmHWM)", extra["peak"], "MB"))
    for key in (k for k in extra if k.startswith("walk /")):
        rows.append((f"browser {key[5:]}: a learner's walk, by the sidebar", extra[key], "s"))
    if "train_wall" in extra:
        rows.append(
            ("/training default run in the browser: click to result", extra["train_wall"], "s")
        )
        rows.append(("/training default run: training time shown", extra["train_compute"], "s"))
    return rows


BASELINES = ("plain", "plotly", "vega", "matplotlib")  # benchmarks/baseline/<name>.py


def baselines() -> list[PageResult]:
    """The same three visits and slider of pages with nothing of the lab: Streamlit alone, and
    with one small line chart by plotly, Vega-Lite or matplotlib (served with the lab's
    .streamlit/config.toml)."""
    import tempfile

    from playwright.sync_api import sync_playwright

    results = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = _launch(p)
        try:
            for name in BASELINES:
                root = Path(tmp) / name
                (root / ".streamlit").mkdir(parents=True)
                shutil.copy(ROOT / "benchmarks" / "baseline" / f"{name}.py", root / "app.py")
                shutil.copy(ROOT / ".streamlit" / "config.toml", root / ".streamlit")
                result = measure_page(browser, "", root)
                result.page = f"baseline: {name}"
                results.append(result)
        finally:
            browser.close()
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", help="page stems (default: all; 'home' for /)")
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout whose app.py to serve")
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="only the floor: Streamlit alone, and with one plotly chart (benchmarks/baseline/)",
    )
    args = parser.parse_args(argv)
    if args.baseline:
        print_tables(baselines(), {})
        return 0
    stems = [("" if s == "home" else s) for s in args.pages] or _all_stems()
    results, extra = collect(stems, args.root.resolve())
    print_tables(results, extra)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
