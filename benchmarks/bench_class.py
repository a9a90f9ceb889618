"""A class on the lab: learners without browsers (benchmarks/load_client.py) draw on /digits.

Each learner opens ``/digits?lang=en`` and, every 2-4 s, "draws" a real MNIST test digit: the
28x28 image scaled to the 280x280 canvas, white on black, sent as the canvas' value. The page's
answer (its metric) must equal the prediction computed here, at run time, from the same PNG
with the same model file (data/models). Every ``PROBE_EVERY`` draws the learner drops its
websocket, reconnects asking for its session and reruns *without* widget state: the page must
still show its last digit, which only the process holding its session can know. One more
learner runs /training (start, then the ``run_every`` ticks a browser would send) throughout.

    python -m benchmarks class                      # make bench's part: 1, 10, 30, 60 learners
    python -m benchmarks.bench_class --learners 30 60 --processes 1 2 4 --draws 50
    python -m benchmarks.bench_class --processes 4 --learners 30 --kill-one
    python -m benchmarks.bench_class --check-browser   # one session: chromium vs this client

``--processes 0`` is one ``streamlit run`` without a proxy; ``N >= 1`` is N processes behind
nginx (scripts/serve_class.py). Rerun time is from sending the rerun to ``script_finished``.
Server CPU is the lab processes' CPU seconds over the drawing phase per wall second (cores);
memory is each process's resident set at the end (and its peak).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import random
import signal
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.load_client import LabSession, ProtocolError  # noqa: E402

PAUSE = (2.0, 4.0)  # seconds a learner looks at the answer before drawing the next digit
PROBE_EVERY = 10  # draws between two reconnect-and-check-state probes
POOL = 200  # MNIST test digits drawn, in turn
TICKS = os.sysconf("SC_CLK_TCK")


def digit_pool(n: int = POOL) -> list[tuple[bytes, int]]:
    """(canvas PNG, the default model's reading of it) for the first ``n`` MNIST test digits."""
    from lab import models
    from lab.mnist import load_mnist
    from lab.predict import read_digit

    _, (x_test, _) = load_mnist(normalize=False, flatten=True)
    model = models.load("default")
    pool = []
    for x in x_test[:n]:
        img = Image.fromarray(x.reshape(28, 28)).resize((280, 280), Image.Resampling.BILINEAR)
        buf = io.BytesIO()
        img.convert("RGBA").save(buf, "PNG")
        png = buf.getvalue()
        pool.append((png, read_digit(model, np.asarray(Image.open(io.BytesIO(png)))).digit))
    return pool


@dataclass
class Learner:
    rerun_s: list[float] = field(default_factory=list)
    open_s: float = float("nan")
    errors: list[str] = field(default_factory=list)
    wrong: int = 0  # the page showed another digit than the model here reads
    missing: int = 0  # the run finished without a prediction on the page
    lost: int = 0  # probes whose page no longer showed the learner's last digit
    disconnected: int = 0
    upstreams: set[str] = field(default_factory=set)


def metric(run) -> str | None:
    values = [m.body for m in run.of_kind("metric")]
    return values[0] if values else None


async def digits_learner(url, pool, draws, stop_at, seed, out: Learner, start_delay=0.0):
    rng = random.Random(seed)
    await asyncio.sleep(start_delay)
    s = LabSession(url)
    try:
        t0 = time.perf_counter()
        await s.open("digits")
        out.open_s = time.perf_counter() - t0
        last = None
        for k in range(draws):
            await asyncio.sleep(rng.uniform(*PAUSE))
            if stop_at is not None and time.monotonic() > stop_at:
                break
            png, expected = pool[rng.randrange(len(pool))]
            try:
                run = await s.draw(png)
            except (TimeoutError, ProtocolError, OSError) as exc:
                # What a browser does when its socket drops: reconnect, ask for its session.
                out.disconnected += 1
                out.errors.append(f"draw: {type(exc).__name__}: {exc}")
                await s.close()
                await s.connect(resume=True)
                run = await s.rerun()
            out.rerun_s.append(run.seconds)
            if run.of_kind("exception"):
                out.errors.append("exception on the page")
            if metric(run) is None:
                out.missing += 1
            elif metric(run) != str(expected):
                out.wrong += 1
            last = expected
            if (k + 1) % PROBE_EVERY == 0:
                before = s.session_id
                try:
                    probe = await s.reconnect(send_widgets=False)
                    if metric(probe) != str(last):
                        out.lost += 1
                except ProtocolError:
                    out.lost += 1
                    if s.session_id == before:
                        raise
    except Exception as exc:  # one learner's failure is counted, not fatal to the class
        out.errors.append(f"{type(exc).__name__}: {str(exc)[:120]}")
    finally:
        out.upstreams |= s.upstreams
        await s.close()


async def training_learner(url, stop: asyncio.Event, out: dict) -> None:
    """Press start on /training, send the run_every ticks until the run ends; again, in a new
    tab (this client's second press of start in one session got no answer from the server,
    while a browser's second run starts: checked in chromium; the cause was not found)."""
    while not stop.is_set():
        s = LabSession(url)
        try:
            await s.open("training")
            t0 = time.perf_counter()
            await s.set_widget("training_start", trigger_value=True)
            while s.auto_reruns and not stop.is_set():
                fragment, interval = next(iter(s.auto_reruns.items()))
                await asyncio.sleep(interval)
                await s.rerun(fragment_id=fragment, auto=True)
            if not stop.is_set():
                out["runs"].append(time.perf_counter() - t0)
        except Exception as exc:
            out["errors"].append(f"training: {type(exc).__name__}: {str(exc)[:120]}")
            return
        finally:
            await s.close()


def proc_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def _status(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return ""


def proc_memory_mb(pid: int) -> tuple[float, float]:
    """(resident set now, its peak) in MB."""
    status = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return (int(status["VmRSS"].split()[0]) / 1024, int(status["VmHWM"].split()[0]) / 1024)


class Serving:
    """One lab without proxy (processes=0) or N behind nginx; .url, .pids, .kill_one()."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        if processes == 0:
            from tests.e2e.conftest import start_server

            self.proc, self.url = start_server()
            self.pids = [self.proc.pid]
            self.cs = None
        else:
            sys.path.insert(0, str(ROOT / "scripts"))
            from serve_class import start_class

            self.cs = start_class(processes)
            self.url = self.cs.url
            self.pids = [p.pid for p in self.cs.labs.values()]

    def kill(self, upstream: str) -> int:
        """SIGKILL the lab process at ``upstream`` (host:port); its pid."""
        proc = self.cs.labs[upstream]
        proc.send_signal(signal.SIGKILL)
        proc.wait()  # reaped: no zombie left in /proc
        return proc.pid

    def stop(self) -> None:
        if self.cs is not None:
            self.cs.stop()
        else:
            self.proc.terminate()
            self.proc.wait(timeout=20)


async def warm_up(url: str, pool) -> None:
    """One learner draws once, so the shared caches (model, MNIST) are loaded on ``url``."""
    s = LabSession(url)
    await s.open("digits")
    await s.draw(pool[0][0])
    await s.close()


def pctl(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return float(np.percentile(values, q))


async def scenario(
    serving: Serving, learners: int, draws: int, pool, training: bool = True, kill_one=False
):
    """``learners`` digit learners (+1 on /training) on ``serving``; the figures as a dict."""
    url = serving.url
    for _ in range(max(1, serving.processes)):  # every process behind the proxy gets warm
        await warm_up(url, pool)
    outs = [Learner() for _ in range(learners)]
    stop = asyncio.Event()
    train = {"runs": [], "errors": []}
    cpu0 = {pid: proc_cpu_seconds(pid) for pid in serving.pids}
    t0 = time.monotonic()
    trainer = asyncio.create_task(training_learner(url, stop, train)) if training else None
    tasks = [
        asyncio.create_task(digits_learner(url, pool, draws, None, i, o, i * 2.0 / learners))
        for i, o in enumerate(outs)
    ]
    killed = None
    visitors: list[Learner] = []
    if kill_one:
        # Halfway through, kill the process serving learner 0; then 5 new visitors arrive.
        await asyncio.sleep(draws * sum(PAUSE) / 2 / 2)
        target = next(iter(outs[0].upstreams or {""}), "") or next(iter(serving.cs.labs))
        killed = target
        serving.kill(target)
        await asyncio.sleep(1.0)
        visitors = [Learner() for _ in range(5)]
        await asyncio.gather(
            *(digits_learner(url, pool, 3, None, 1000 + i, v) for i, v in enumerate(visitors))
        )
    await asyncio.gather(*tasks)
    stop.set()
    if trainer is not None:
        await trainer
    wall = time.monotonic() - t0
    live = [pid for pid in serving.pids if "VmRSS" in _status(pid)]
    cpu_s = sum(proc_cpu_seconds(pid) - cpu0[pid] for pid in live)
    cpu = cpu_s / wall
    mem = [proc_memory_mb(pid) for pid in live]
    reruns = [x for o in outs for x in o.rerun_s]
    res = {
        "processes": serving.processes,
        "learners": learners,
        "training": training,
        "reruns": len(reruns),
        "p50": pctl(reruns, 50),
        "p95": pctl(reruns, 95),
        "max": max(reruns, default=float("nan")),
        "errors": sum(len(o.errors) + o.missing for o in outs) + len(train["errors"]),
        "wrong": sum(o.wrong for o in outs),
        "lost": sum(o.lost for o in outs),
        "jumped": sum(len(o.upstreams) > 1 for o in outs),
        "open_p50": pctl([o.open_s for o in outs], 50),
        "cpu": cpu,
        "cpu_per_rerun": cpu_s / max(1, sum(len(o.rerun_s) for o in outs)),
        "rss": [m[0] for m in mem],
        "peak": [m[1] for m in mem],
        "training_runs": len(train["runs"]),
        "training_s": statistics.median(train["runs"]) if train["runs"] else float("nan"),
        "error_text": [e for o in outs for e in o.errors] + train["errors"],
        "load": os.getloadavg()[0],  # the machine's 1-min load average at the end (2 cores)
    }
    if kill_one:
        hit = [o for o in outs if killed in o.upstreams]
        spared = [o for o in outs if killed not in o.upstreams]
        res["kill"] = {
            "killed": killed,
            "on_killed": len(hit),
            "on_killed_errors": sum(len(o.errors) for o in hit),
            "others": len(spared),
            "others_errors": sum(len(o.errors) + o.wrong + o.lost for o in spared),
            "visitors_ok": sum(
                not v.errors and not v.wrong and len(v.rerun_s) == 3 and killed not in v.upstreams
                for v in visitors
            ),
            "visitors": len(visitors),
        }
    return res


HEADER = (
    "| processes | learners | reruns | p50 s | p95 s | max s | errors | wrong "
    "| state lost | open p50 s | server CPU cores (s per rerun) | RSS per process MB (peak) "
    "| training runs "
    "| machine load |"
)


def row(r: dict) -> str:
    procs = "1, no proxy" if r["processes"] == 0 else str(r["processes"])
    rss = ", ".join(f"{a:.0f} ({b:.0f})" for a, b in zip(r["rss"], r["peak"], strict=True))
    who = f"{r['learners']}{' + 1 training' if r['training'] else ''}"
    return (
        f"| {procs} | {who} | {r['reruns']} | {r['p50']:.2f} | {r['p95']:.2f} "
        f"| {r['max']:.2f} | {r['errors']} | {r['wrong']} | {r['lost'] + r['jumped']} "
        f"| {r['open_p50']:.2f} | {r['cpu']:.2f} ({r['cpu_per_rerun']:.2f}) | {rss} "
        f"| {r['training_runs']} | {r['load']:.1f} |"
    )


def measure(learners_list, processes_list, draws, training=True, kill_one=False) -> list[dict]:
    pool = digit_pool()
    results = []
    print(HEADER)
    print("|" + "---|" * (HEADER.count("|") - 1), flush=True)
    for processes in processes_list:
        for learners in learners_list:
            serving = Serving(processes)
            try:
                r = asyncio.run(scenario(serving, learners, draws, pool, training, kill_one))
            finally:
                serving.stop()
            results.append(r)
            print(row(r), flush=True)
            for e in sorted(set(r["error_text"]))[:5]:
                print(f"    error: {e}", file=sys.stderr)
            if kill_one:
                print(f"    kill: {r['kill']}", flush=True)
    return results


def run() -> list[tuple[str, float, str]]:
    """make bench: 1, 10, 30 and 60 learners on one lab process (no proxy), 10 draws each."""
    rows = []
    for r in measure([1, 10, 30, 60], [0], draws=10):
        n = r["learners"]
        rows += [
            (f"class, {n} learners + 1 training: rerun p50", r["p50"], "s"),
            (f"class, {n} learners + 1 training: rerun p95", r["p95"], "s"),
            (
                f"class, {n} learners: errors / wrong / state lost",
                r["errors"],
                f"/{r['wrong']}/{r['lost']}",
            ),
            (f"class, {n} learners: server CPU", r["cpu"], "cores"),
            (f"class, {n} learners: server RSS (peak)", r["rss"][0], f"MB ({r['peak'][0]:.0f})"),
        ]
    return rows


def check_browser(strokes: int = 6) -> None:
    """One session, one server: chromium draws strokes with the mouse; its websocket frames
    (Chrome DevTools Protocol, with the browser's own timestamps) give the canvas value it sent
    and the time from that rerun request to the metric's delta and to ``script_finished``. The
    load client then sends the very same canvas values on its own session; both predictions
    and times are printed side by side."""
    import base64
    import shutil

    from playwright.sync_api import sync_playwright
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    from tests.e2e.conftest import CHROMIUM_ARGS
    from tests.e2e.test_digits_e2e import ARM_TIMER, METRIC_SHOWN_MS, STROKES, stroke

    serving = Serving(0)
    sent: list[tuple[float, str]] = []  # (browser time, canvas json) of each canvas rerun
    metric_at: list[float] = []  # browser times a metric delta arrived
    finished: list[float] = []  # browser times of script_finished

    def frame(params, out: bool) -> None:
        resp = params["response"]
        if resp.get("opcode") != 2:
            return
        data = base64.b64decode(resp["payloadData"])
        if out:
            msg = BackMsg()
            msg.ParseFromString(data)
            for w in msg.rerun_script.widget_states.widgets:
                if w.id.endswith("-digits_canvas"):
                    sent.append((params["timestamp"], w.json_value))
            return
        msg = ForwardMsg()
        msg.ParseFromString(data)
        kind = msg.WhichOneof("type")
        if kind == "script_finished":
            finished.append(params["timestamp"])
        elif kind == "delta" and msg.delta.new_element.WhichOneof("type") == "metric":
            metric_at.append(params["timestamp"])

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(120_000)  # a shared, busy machine: wait, measure, report
            cdp = page.context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.on("Network.webSocketFrameSent", lambda e: frame(e, True))
            cdp.on("Network.webSocketFrameReceived", lambda e: frame(e, False))
            page.goto(f"{serving.url}/digits?lang=en")
            canvas = page.locator("canvas.upper-canvas")
            canvas.wait_for(state="attached")
            canvas.scroll_into_view_if_needed()
            page.wait_for_timeout(2000)
            browser_rows = []
            for k in range(strokes):
                digit = list(STROKES)[k % len(STROKES)]
                page.evaluate(ARM_TIMER)
                n_sent = len(sent)
                stroke(page, STROKES[digit])
                screen = page.wait_for_function(METRIC_SHOWN_MS, polling="raf").json_value()
                page.wait_for_timeout(2000)
                shown = page.locator('[data-testid="stMetricValue"]').inner_text().strip()
                t_sent, value = sent[n_sent]
                t_metric = next(t for t in metric_at if t > t_sent)
                t_done = next(t for t in finished if t > t_sent)
                browser_rows.append(
                    (digit, shown, t_metric - t_sent, t_done - t_sent, screen, value)
                )
                page.locator('.dc-toolbar button[title="Reset canvas & history"]').click()
                page.wait_for_timeout(1000)
            browser.close()

        async def client_side():
            s = LabSession(serving.url)
            await s.open("digits")
            await s.draw(None)  # as the browser's session: one rerun before the first stroke
            out = []
            for *_, value in browser_rows:
                wid, fragment = s.widget("digits_canvas")
                run = await s.rerun([WidgetState(id=wid, json_value=value)], fragment_id=fragment)
                out.append((metric(run), run.first.get("metric", float("nan")), run.seconds))
                await asyncio.sleep(1.0)
            await s.close()
            return out

        client_rows = asyncio.run(client_side())
    finally:
        serving.stop()
    print(
        "| stroke | browser shows | client reads | browser: rerun -> metric / finished s "
        "| browser: mouse-up -> metric on screen s | client: rerun -> metric / finished s |"
    )
    print("|---|---|---|---|---|---|")
    for b, c in zip(browser_rows, client_rows, strict=True):
        digit, shown, b_metric, b_done, screen, _ = b
        c_metric, c_first, c_done = c
        print(
            f"| {digit} | {shown} | {c_metric} | {b_metric:.3f} / {b_done:.3f} "
            f"| {screen / 1000:.3f} | {c_first:.3f} / {c_done:.3f} |"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="A class of protocol-level learners on the lab.")
    ap.add_argument("--learners", type=int, nargs="+", default=[1, 10, 30, 60])
    ap.add_argument("--processes", type=int, nargs="+", default=[0])
    ap.add_argument("--draws", type=int, default=10, help="digits each learner draws")
    ap.add_argument("--no-training", action="store_true", help="no learner on /training")
    ap.add_argument("--kill-one", action="store_true", help="kill one process halfway")
    ap.add_argument("--check-browser", action="store_true", help="chromium vs client, one session")
    args = ap.parse_args(argv)
    if args.check_browser:
        check_browser()
        return 0
    results = measure(
        args.learners, args.processes, args.draws, not args.no_training, args.kill_one
    )
    return 1 if any(r["wrong"] or r["lost"] or r["jumped"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
