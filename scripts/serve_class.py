"""Serve the lab to a class: N lab processes on local ports, Debian's nginx in front on one port.

    python scripts/serve_class.py -n 4 --port 8500        # = make serve-class N=4 PORT=8500
    python scripts/serve_class.py --backends a:8501,b:8501 --port 8500   # processes elsewhere
    python scripts/serve_class.py --backends a:8501,b:8501 --port 80 --print-config

One Streamlit process runs every session in threads of one interpreter, so it uses about one
core; several processes use several. nginx (config: deploy/nginx-class.conf) keeps each browser
on one process with a cookie, upgrades websockets, caps uploads at the app's limit and routes
around a dead process. This script runs nginx as the current user with its own prefix, logs and
temp dirs (nothing of the system's nginx is touched), polls each process's /_stcore/health and
marks a failing one down (an nginx reload), and on Ctrl-C / SIGTERM stops all it started.
"""

from __future__ import annotations

import argparse
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx-class.conf"
MULTIPART_MB = 1  # Streamlit accepts maxUploadSize + 1 MB of multipart framing per upload
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
HEALTH_EVERY = 2.0  # seconds between health polls
FAILS_TO_MARK_DOWN = 2  # consecutive failed polls before a process is taken out

MAIN_CONF = """\
# Written by scripts/serve_class.py: a private nginx, run as the current user.
{user}worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    include {prefix}/nnlab.conf;
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def upload_limit_mb() -> int:
    """server.maxUploadSize from .streamlit/config.toml (Streamlit's default: 200 MB)."""
    conf = ROOT / ".streamlit" / "config.toml"
    with conf.open("rb") as f:
        return int(tomllib.load(f).get("server", {}).get("maxUploadSize", 200))


def render(backends: list[str], listen: str, down: frozenset[str] = frozenset()) -> str:
    """deploy/nginx-class.conf with its markers filled in."""
    servers = "\n".join(
        f"    server {b} max_fails=1 fail_timeout=10s{' down' if b in down else ''};"
        for b in backends
    )
    mb = upload_limit_mb()
    text = TEMPLATE.read_text()
    for marker, value in {
        "{{SERVERS}}": servers,
        "{{LISTEN}}": listen,
        "{{UPLOAD_MB}}": str(mb),
        "{{BODY_LIMIT}}": f"{mb + MULTIPART_MB}m",
    }.items():
        text = text.replace(marker, value)
    return text


def healthy(backend: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"http://{backend}/_stcore/health", timeout=timeout) as r:
            return r.status == 200
    except OSError:
        return False


def start_lab(port: int, log: Path) -> subprocess.Popen:
    """One `streamlit run app.py` on 127.0.0.1:port (its output to ``log``)."""
    cmd = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with log.open("ab") as out:
        return subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)


@dataclass
class ClassServer:
    """N lab processes (or remote backends) and the nginx in front of them."""

    port: int
    backends: list[str]
    prefix: Path
    labs: dict[str, subprocess.Popen] = field(default_factory=dict)
    nginx: subprocess.Popen | None = None
    down: frozenset[str] = frozenset()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def write_config(self) -> None:
        listen = f"{self.port}"
        (self.prefix / "nnlab.conf").write_text(render(self.backends, listen, self.down))

    def start(self, wait: float = 120.0) -> ClassServer:
        for sub in ("tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"):
            (self.prefix / sub).mkdir(parents=True, exist_ok=True)
        # Started by root, nginx would run its workers as "nobody", who cannot write our temp dirs.
        user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
        (self.prefix / "nginx.conf").write_text(MAIN_CONF.format(prefix=self.prefix, user=user))
        self.write_config()
        deadline = time.monotonic() + wait
        for b in self.labs:
            while not healthy(b):
                if self.labs[b].poll() is not None:
                    self.stop()
                    raise RuntimeError(f"lab process {b} exited; see {self.prefix}/lab-*.log")
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"lab process {b} not healthy after {wait:.0f} s")
                time.sleep(0.3)
        self.nginx = subprocess.Popen(
            [NGINX, "-p", str(self.prefix), "-c", str(self.prefix / "nginx.conf"),
             "-e", str(self.prefix / "error.log"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        while not healthy(f"127.0.0.1:{self.port}"):
            if self.nginx.poll() is not None:
                err = self.nginx.stderr.read().decode(errors="replace") if self.nginx.stderr else ""
                self.stop()
                raise RuntimeError(f"nginx exited: {err}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("nginx did not answer")
            time.sleep(0.1)
        return self

    def check_health(self, fails: dict[str, int]) -> list[str]:
        """One health poll: mark processes down / up again (nginx reload); what changed."""
        changes = []
        for b in self.backends:
            fails[b] = 0 if healthy(b) else fails.get(b, 0) + 1
        down = frozenset(b for b in self.backends if fails[b] >= FAILS_TO_MARK_DOWN)
        if down != self.down and len(down) < len(self.backends):  # never take out the last
            changes = [f"{b} down" for b in down - self.down] + [
                f"{b} up" for b in self.down - down
            ]
            self.down = down
            self.write_config()
            if self.nginx is not None and self.nginx.poll() is None:
                self.nginx.send_signal(signal.SIGHUP)  # reload: open websockets stay
        return changes

    def stop(self) -> None:
        """Stop nginx and every lab process this object started (SIGTERM, then SIGKILL)."""
        procs = [p for p in [self.nginx, *self.labs.values()] if p is not None]
        for p in procs:
            if p.poll() is None:
                p.terminate()
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def start_class(
    n: int = 0, port: int | None = None, backends: list[str] | None = None, prefix=None
) -> ClassServer:
    """Start ``n`` local lab processes (free ports) or use ``backends``, and nginx on ``port``."""
    prefix = Path(prefix or tempfile.mkdtemp(prefix="nnlab-class-"))
    prefix.mkdir(parents=True, exist_ok=True)
    labs = {}
    if not backends:
        for _ in range(n):
            p = free_port()
            labs[f"127.0.0.1:{p}"] = start_lab(p, prefix / f"lab-{p}.log")
        backends = list(labs)
    cs = ClassServer(port or free_port(), backends, prefix.resolve(), labs)
    return cs.start()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=2, help="lab processes to start here (default 2)")
    ap.add_argument("--port", type=int, default=8500, help="the class's port (default 8500)")
    ap.add_argument("--backends", help="host:port,... of lab processes running elsewhere")
    ap.add_argument("--prefix", help="nginx prefix dir (default: a new temporary dir)")
    ap.add_argument("--print-config", action="store_true", help="print the nginx config, exit")
    args = ap.parse_args(argv)
    backends = args.backends.split(",") if args.backends else None
    if args.print_config:
        if not backends:
            ap.error("--print-config needs --backends host:port,...")
        print(render(backends, str(args.port)))
        return 0
    if not Path(NGINX).exists():
        ap.error("nginx not found: apt-get install -y nginx")

    def _stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    cs = start_class(args.n, args.port, backends, args.prefix)
    print(f"class at http://localhost:{cs.port} -> {', '.join(cs.backends)} (nginx in {cs.prefix})")
    fails: dict[str, int] = {}
    try:
        while cs.nginx.poll() is None:
            for change in cs.check_health(fails):
                print(time.strftime("%H:%M:%S"), change, flush=True)
            time.sleep(HEALTH_EVERY)
        print("nginx exited; stopping the lab processes", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        cs.stop()
        print("stopped nginx and the lab processes", flush=True)


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
