"""The class proxy (scripts/serve_class.py + deploy/nginx-class.conf): two lab processes behind
Debian's nginx, driven by the protocol-level load client (benchmarks/load_client.py).

Oracles: the page's prediction equals the one computed here from the same image and model
file; an upload is only accepted by the process holding the session (any other answers 400
"Invalid session_id"), and a reconnect without widget state shows the last digit only on that
same process; nginx answers 413 above the app's upload limit (.streamlit/config.toml).

Without nginx these tests skip with a reason; under CI=true they must run (.ci/run installs it).
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
import threading
from pathlib import Path

import pytest

from benchmarks.bench_class import digit_pool
from benchmarks.load_client import LabSession

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import serve_class  # noqa: E402

pytestmark = pytest.mark.slow


def _need_nginx() -> None:
    if Path(serve_class.NGINX).exists():
        return
    why = "the class proxy runs Debian's nginx: apt-get install -y nginx"
    if os.environ.get("CI") == "true":
        pytest.fail(f"nginx is required in CI: {why}")
    pytest.skip(f"nginx not available: {why}")


@pytest.fixture(scope="module")
def lab_class(tmp_path_factory):
    """Two lab processes behind nginx, on free ports; stopped after the module."""
    _need_nginx()
    cs = serve_class.start_class(2, prefix=tmp_path_factory.mktemp("nginx"))
    yield cs
    cs.stop()


@pytest.fixture(scope="module")
def digits():
    """Three MNIST test digits as canvas PNGs, with the default model's reading of each (the
    class benchmark's pool, computed here from the same PNG and model file)."""
    return digit_pool(3)


def run_in_fresh_loop(scenario):
    """asyncio.run(scenario()) in a thread of its own, so an event loop some earlier test left
    running in the main thread (Playwright's sync API) cannot refuse it."""
    result: list = []
    failure: list[BaseException] = []

    def target():
        try:
            result.append(asyncio.run(scenario()))
        except BaseException as exc:  # re-raised in the test's own thread below
            failure.append(exc)

    worker = threading.Thread(target=target)
    worker.start()
    worker.join()
    if failure:
        raise failure[0]
    return result[0]


def shown(run) -> str | None:
    values = [m.body for m in run.of_kind("metric")]
    return values[0] if values else None


async def _session_on(url: str, upstream: str | None = None, tries: int = 40) -> LabSession:
    """A new visitor (fresh cookies); with ``upstream``, one that nginx put on that process."""
    for _ in range(tries):
        s = LabSession(url)
        await s.get("/_stcore/health")
        if upstream is None or upstream in s.upstreams:
            return s
    raise AssertionError(f"no new visitor landed on {upstream} in {tries} tries")


def test_config_upload_limit_matches_the_app():
    """nginx's body limit is Streamlit's maxUploadSize plus its 1 MB of multipart framing."""
    text = serve_class.render(["10.0.0.1:8501", "10.0.0.2:8501"], "80")
    mb = serve_class.upload_limit_mb()
    assert f"client_max_body_size {mb + 1}m;" in text
    assert "server 10.0.0.1:8501 max_fails=1 fail_timeout=10s;" in text
    assert "{{" not in text


def test_session_stays_on_one_process_across_reruns_and_upload(lab_class, digits):
    """HTML, websocket, 6 reruns, 2 reconnects and an upload all reach one process, and the
    page reads every digit as the model here does."""

    async def scenario():
        s = await _session_on(lab_class.url)
        await s.open("digits")
        for png, expected in digits * 2:
            assert shown(await s.draw(png)) == str(expected)
        probe = await s.reconnect(send_widgets=False)  # state only the session's process has
        assert shown(probe) == str(digits[-1][1])
        upload = s.widget_proto("digits_source").options[1].content
        await s.set_widget("digits_source", string_array_value={"data": [upload]})
        png, expected = digits[0]
        run = await s.upload("digits_upload", "digit.png", png)
        assert shown(run) == str(expected)
        assert shown(await s.reconnect(send_widgets=False)) == str(expected)
        await s.close()
        return s.upstreams

    upstreams = run_in_fresh_loop(scenario)
    assert len(upstreams) == 1 and upstreams <= set(lab_class.backends)


def test_upload_above_the_limit_is_refused_by_nginx(lab_class):
    """A body above client_max_body_size never reaches a lab process: 413."""
    too_big = (serve_class.upload_limit_mb() + 2) * 1024 * 1024
    with socket.create_connection(("127.0.0.1", lab_class.port), timeout=10) as sock:
        # The headers alone: nginx judges the declared length before any of the body.
        sock.sendall(
            f"PUT /_stcore/upload_file/x/y HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Type: multipart/form-data; boundary=b\r\n"
            f"Content-Length: {too_big}\r\n\r\n".encode()
        )
        status_line = sock.recv(200).split(b"\r\n", 1)[0]
    assert status_line.split()[1] == b"413", status_line


def test_dead_process_is_routed_around(lab_class, digits):
    """Kill one process: a session on the other keeps its state and keeps working, new
    visitors all land on the live process, and the health poll marks the dead one down."""
    live, dead = lab_class.backends

    async def scenario():
        keeper = await _session_on(lab_class.url, live)
        await keeper.open("digits")
        png, expected = digits[0]
        assert shown(await keeper.draw(png)) == str(expected)
        victim = await _session_on(lab_class.url, dead)
        await victim.open("digits")
        lab_class.labs[dead].kill()
        lab_class.labs[dead].wait()
        assert shown(await keeper.reconnect(send_widgets=False)) == str(expected)
        png, expected = digits[1]
        assert shown(await keeper.draw(png)) == str(expected)
        newcomers = []
        for _ in range(6):
            s = await _session_on(lab_class.url)
            run = await s.open("digits")
            assert run.of_kind("exception") == []
            assert shown(await s.draw(png)) == str(expected)
            newcomers.append(s.upstreams)
            await s.close()
        await keeper.close()
        await victim.close()
        return newcomers

    newcomers = run_in_fresh_loop(scenario)
    assert all(u == {live} for u in newcomers), newcomers
    fails: dict[str, int] = {}
    for _ in range(serve_class.FAILS_TO_MARK_DOWN):
        lab_class.check_health(fails)
    assert lab_class.down == {dead}
    assert (
        f"server {dead} max_fails=1 fail_timeout=10s down;"
        in (lab_class.prefix / "nnlab.conf").read_text()
    )


def test_stop_stops_everything(tmp_path):
    """stop() ends nginx and every lab process it started."""
    _need_nginx()
    cs = serve_class.start_class(1, prefix=tmp_path)
    procs = [cs.nginx, *cs.labs.values()]
    assert all(p.poll() is None for p in procs)
    cs.stop()
    assert all(p.poll() is not None for p in procs)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", cs.port), timeout=2).close()
