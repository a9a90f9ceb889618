"""A learner without a browser: Streamlit's own websocket protocol, spoken from Python.

What the browser does, and so what this client does (Streamlit 1.67, read from its source:
``web/server/starlette/starlette_websocket.py``, ``runtime/app_session.py`` and the frontend's
``sendRerunBackMsg``):

1. ``GET /<page>?<query>`` (the HTML) and ``GET /_stcore/health``: the health answer sets the
   ``_streamlit_xsrf`` cookie; behind the class proxy the first answer also sets its affinity
   cookie. Every later request carries the cookies, as a browser's would.
2. A websocket to ``/_stcore/stream`` with subprotocols ``["streamlit", <xsrf token>]`` (a
   third entry, the previous session id, asks the server to resume that session after a
   reconnect), an ``Origin`` header and the cookies.
3. ``BackMsg.rerun_script`` (a ``ClientState``): query string, page name (the URL path),
   the widget states, the ids of forward messages it has cached, and the fragment id when a
   widget inside an ``@st.fragment`` changed (then only that fragment reruns).
4. ``ForwardMsg`` replies: ``new_session`` (the session id), ``delta`` elements at their
   ``delta_path``, ``auto_rerun`` timers of ``run_every`` fragments, and ``script_finished``.
   A cacheable element already sent arrives as a ``ref_hash`` to the cached copy.

A widget's state travels as a ``WidgetState`` keyed by the widget's element id, which the
client reads from the element the server sent (ids end with the widget's ``key``). The
drawable canvas (a Components-v2 widget) sends ``json_value``:
``{"drawing": {"raw": <fabric JSON>, "data": <PNG data URL>}}``; pages/digits.py reads the
objects and the PNG. An upload is ``file_urls_request`` -> ``PUT`` multipart with the
``X-Xsrftoken`` header -> a ``file_uploader_state_value`` widget state.
"""

from __future__ import annotations

import asyncio
import base64
import http.client
import io
import json
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Common_pb2 import FileUploaderState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

XSRF_COOKIE = "_streamlit_xsrf"
FINISHED = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
}


class ProtocolError(RuntimeError):
    """The server answered something a browser would show as an error."""


@dataclass
class Run:
    """What one script run sent back."""

    seconds: float
    status: int
    elements: dict[tuple[int, ...], tuple[str, object]] = field(default_factory=dict)
    first: dict[str, float] = field(default_factory=dict)  # element kind -> s to its arrival

    def of_kind(self, kind: str) -> list:
        """The protos of every element of this kind (e.g. "metric", "exception"), page order."""
        return [p for _, (k, p) in sorted(self.elements.items()) if k == kind]


def canvas_value(png: bytes | None, n_objects: int = 1) -> str:
    """The drawable canvas' widget value for a drawing whose PNG is ``png`` (None: empty)."""
    url = None if png is None else "data:image/png;base64," + base64.b64encode(png).decode()
    raw = {"objects": [{"type": "path"}] * (n_objects if png else 0), "background": "#000000"}
    return json.dumps({"drawing": {"raw": raw, "data": url}})


class LabSession:
    """One browser tab on ``base_url`` (``http://host:port``), speaking the websocket protocol.

    ``cookies`` persist across requests and reconnects, as a browser's cookie jar does.
    """

    def __init__(self, base_url: str, timeout: float = 120.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.url = urllib.parse.urlsplit(self.base_url)
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.upstreams: set[str] = set()  # X-Lab-Upstream answers, when behind the class proxy
        self.session_id: str | None = None
        self.page = ""
        self.query = ""
        self.widgets: dict[str, WidgetState] = {}  # what the browser would send on every rerun
        self.widget_ids: dict[str, tuple[object, str]] = {}  # element id -> (proto, fragment id)
        self.elements: dict[tuple[int, ...], tuple[str, object]] = {}  # of the latest run
        self.auto_reruns: dict[str, float] = {}  # fragment id -> interval (s)
        self._cache: dict[str, ForwardMsg] = {}
        self._ws = None
        self._reader: asyncio.Task | None = None
        self._finished: asyncio.Queue[tuple[int, str] | None] = asyncio.Queue()
        self._file_urls: dict[str, asyncio.Future] = {}
        self._first: dict[str, float] = {}
        self._t0 = time.perf_counter()
        self._runs_started: set[str] = set()  # script_run_id of every new_session seen

    # --- HTTP, as the browser's fetches -------------------------------------------------------
    def request(self, method: str, path: str, body: bytes = b"", headers=None) -> tuple[int, bytes]:
        """One HTTP request with this tab's cookies; (status, body). Keeps cookies it sets."""
        conn = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=self.timeout)
        try:
            h = {"Cookie": self._cookie_header(), **(headers or {})}
            conn.request(method, path, body=body or None, headers=h)
            resp = conn.getresponse()
            data = resp.read()
            for name, value in resp.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key.strip()] = rest.split(";", 1)[0]
                elif name.lower() == "x-lab-upstream":  # "tried, ..., answered"
                    self.upstreams.add(value.split(",")[-1].strip())
            return resp.status, data
        finally:
            conn.close()

    def _cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    async def get(self, path: str) -> tuple[int, bytes]:
        return await asyncio.to_thread(self.request, "GET", path)

    # --- websocket ----------------------------------------------------------------------------
    async def connect(self, resume: bool = False) -> None:
        """Open the websocket; ``resume`` asks for this tab's existing session (a reconnect)."""
        protocols = ["streamlit", self.cookies.get(XSRF_COOKIE, "")]
        if resume and self.session_id:
            protocols.append(self.session_id)
        ws_url = f"ws://{self.url.netloc}/_stcore/stream"
        self._ws = await websockets.connect(
            ws_url,
            subprotocols=[websockets.Subprotocol(p) for p in protocols],
            origin=websockets.Origin(self.base_url),
            additional_headers={"Cookie": self._cookie_header()},
            max_size=None,
            open_timeout=self.timeout,
            ping_interval=None,
        )
        upstream = self._ws.response.headers.get("X-Lab-Upstream")
        if upstream:
            self.upstreams.add(upstream.split(",")[-1].strip())
        self._reader = asyncio.create_task(self._read())

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
            try:
                await self._reader
            except (asyncio.CancelledError, Exception):
                pass
        self._ws = self._reader = None

    async def open(self, page: str, query: str = "lang=en") -> Run:
        """Load ``/<page>?<query>`` as a new tab does and wait for its first script run."""
        self.page, self.query = page, query
        status, _ = await self.get(f"/{page}?{query}" if query else f"/{page}")
        if status != 200:
            raise ProtocolError(f"GET /{page} answered {status}")
        status, _ = await self.get("/_stcore/health")
        if status != 200:
            raise ProtocolError(f"/_stcore/health answered {status}")
        await self.connect()
        return await self.rerun(send_widgets=False)

    async def reconnect(self, send_widgets: bool = False) -> Run:
        """Drop the websocket and open a new one asking for the same session, then rerun.

        With ``send_widgets=False`` the rerun carries no widget state, so whatever the page
        shows comes from the state the server kept for this session: on another process (a
        session that jumped) the page starts empty.
        """
        await self.close()
        old = self.session_id
        await self.connect(resume=True)
        run = await self.rerun(send_widgets=send_widgets)
        if self.session_id != old:
            raise ProtocolError(f"session {old} came back as {self.session_id}")
        return run

    def _send(self, msg: BackMsg) -> asyncio.Future:
        return asyncio.ensure_future(self._ws.send(msg.SerializeToString()))

    async def rerun(
        self,
        changed: list[WidgetState] | None = None,
        fragment_id: str = "",
        send_widgets: bool = True,
        auto: bool = False,
    ) -> Run:
        """Send a rerun (as a widget change does) and wait until the script run finishes.

        ``changed`` updates the widget states the tab holds; with ``send_widgets`` all of them
        go along, as the browser sends them. Trigger values (buttons) are sent once.
        """
        for w in changed or []:
            self.widgets[w.id] = w
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.query
        cs.page_name = self.page
        cs.fragment_id = fragment_id
        cs.is_auto_rerun = auto
        cs.cached_message_hashes.extend(self._cache)
        cs.context_info.timezone = "UTC"
        cs.context_info.locale = "en-US"
        cs.context_info.url = f"{self.base_url}/{self.page}"
        if send_widgets:
            cs.widget_states.widgets.extend(self.widgets.values())
        for wid, w in list(self.widgets.items()):
            if w.WhichOneof("value") in ("trigger_value", "json_trigger_value"):
                del self.widgets[wid]
        self.elements = {}  # what this run draws (a fragment run redraws only its part)
        self._first = {}
        # A run that had started before this request (e.g. one we gave up waiting for) may
        # still finish after it: its script_finished carries its run id, and is not ours.
        earlier = set(self._runs_started)
        while not self._finished.empty():
            self._finished.get_nowait()
        t0 = self._t0 = time.perf_counter()
        await self._send(msg)
        while True:
            status = await asyncio.wait_for(self._finished.get(), self.timeout)
            if status is None:
                raise ProtocolError("the websocket closed during the script run")
            status, run_id = status
            if run_id in earlier:
                continue
            if status in FINISHED:
                break
        run = Run(time.perf_counter() - t0, status, dict(self.elements), dict(self._first))
        if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
            raise ProtocolError("script compile error")
        return run

    async def _read(self) -> None:
        try:
            async for data in self._ws:
                msg = ForwardMsg()
                msg.ParseFromString(data)
                self._handle(msg)
        finally:
            self._finished.put_nowait(None)  # a closed socket ends the wait of rerun()

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":
            cached = ForwardMsg()
            cached.CopyFrom(self._cache[msg.ref_hash])
            cached.metadata.CopyFrom(msg.metadata)
            msg, kind = cached, cached.WhichOneof("type")
        elif msg.metadata.cacheable and msg.hash:
            self._cache[msg.hash] = msg
        if kind == "new_session":
            self.session_id = msg.new_session.initialize.session_id
            self._runs_started.add(msg.metadata.run.script_run_id)
            if not msg.metadata.run.fragment_ids:  # a full run: the browser drops its timers
                self.auto_reruns.clear()
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            el = msg.delta.new_element
            el_kind = el.WhichOneof("type")
            proto = getattr(el, el_kind)
            self.elements[tuple(msg.metadata.delta_path)] = (el_kind, proto)
            self._first.setdefault(el_kind, time.perf_counter() - self._t0)
            wid = getattr(proto, "id", "")
            if wid:
                self.widget_ids[wid] = (proto, msg.delta.fragment_id)
        elif kind == "auto_rerun":
            self.auto_reruns[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval
        elif kind == "stop_auto_rerun":
            for fid in msg.stop_auto_rerun.fragment_ids:
                self.auto_reruns.pop(fid, None)
        elif kind == "file_urls_response":
            fut = self._file_urls.pop(msg.file_urls_response.response_id, None)
            if fut is not None and not fut.done():
                fut.set_result(msg.file_urls_response)
        elif kind == "script_finished":
            self._finished.put_nowait((msg.script_finished, msg.metadata.run.script_run_id))

    # --- widgets ------------------------------------------------------------------------------
    def widget(self, key: str) -> tuple[str, str]:
        """(element id, fragment id) of the widget with user key ``key`` on the page."""
        for wid, (_, fragment) in self.widget_ids.items():
            if wid.endswith(f"-{key}"):
                return wid, fragment
        raise ProtocolError(f"no widget with key {key!r} on /{self.page}")

    def widget_proto(self, key: str):
        """The element the server last sent for the widget ``key`` (its options, label...)."""
        wid, _ = self.widget(key)
        return self.widget_ids[wid][0]

    async def set_widget(self, key: str, **value) -> Run:
        """Set one widget (e.g. ``json_value=...``, ``string_value=...``) and rerun, as a
        person's change does (inside a fragment only that fragment reruns)."""
        wid, fragment = self.widget(key)
        return await self.rerun([WidgetState(id=wid, **value)], fragment_id=fragment)

    async def draw(self, png: bytes | None, key: str = "digits_canvas") -> Run:
        """A mouse-up on the canvas holding ``png`` (None: the canvas was reset)."""
        return await self.set_widget(key, json_value=canvas_value(png))

    async def upload(self, key: str, name: str, data: bytes, mime: str = "image/png") -> Run:
        """Choose a file in the uploader ``key``: ask for URLs, PUT the file, rerun."""
        wid, fragment = self.widget(key)
        request_id = uuid.uuid4().hex
        fut = asyncio.get_running_loop().create_future()
        self._file_urls[request_id] = fut
        msg = BackMsg()
        msg.file_urls_request.request_id = request_id
        msg.file_urls_request.session_id = self.session_id or ""
        msg.file_urls_request.file_names.append(name)
        await self._send(msg)
        urls = (await asyncio.wait_for(fut, self.timeout)).file_urls[0]
        boundary = uuid.uuid4().hex
        body = io.BytesIO()
        body.write(f"--{boundary}\r\n".encode())
        body.write(
            f'Content-Disposition: form-data; name="file"; filename="{name}"\r\n'
            f"Content-Type: {mime}\r\n\r\n".encode()
        )
        body.write(data)
        body.write(f"\r\n--{boundary}--\r\n".encode())
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "X-Xsrftoken": self.cookies.get(XSRF_COOKIE, ""),
            "Origin": self.base_url,
        }
        status, answer = await asyncio.to_thread(
            self.request, "PUT", urls.upload_url, body.getvalue(), headers
        )
        if status != 204:
            raise ProtocolError(f"upload answered {status}: {answer[:200]!r}")
        state = FileUploaderState()
        info = state.uploaded_file_info.add()
        info.file_id, info.name, info.size = urls.file_id, name, len(data)
        info.file_urls.CopyFrom(urls)
        return await self.rerun(
            [WidgetState(id=wid, file_uploader_state_value=state)], fragment_id=fragment
        )
