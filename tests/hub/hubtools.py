"""Start and stop the workshop hub (deploy/jupyterhub/jupyterhub_config.py) for tests and benchmarks.

Everything listens on 127.0.0.1 on free ports; state (database, homes) lives in a folder the
caller gives. :meth:`LocalHub.stop` ends the hub and every process it started (proxy, idle
culler, learners' servers, their kernels), by process id.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py"
PROXY = REPO / "deploy" / "jupyterhub" / "node_modules" / ".bin" / "configurable-http-proxy"


def free_port(pair: bool = False) -> int:
    """A free port on 127.0.0.1 (with ``pair``, the next one is free too)."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if not pair:
            return port
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port + 1))
                return port
            except OSError:
                continue
    raise RuntimeError("no free port pair on 127.0.0.1")


def call(url: str, token: str | None = None, method: str = "GET", body: dict | None = None) -> tuple[int, bytes]:
    """An HTTP request; returns (status, body) and never follows redirects."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    headers = {"Authorization": f"token {token}"} if token else {}
    data = json.dumps(body).encode() if body is not None else (b"" if method == "POST" else None)
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.build_opener(NoRedirect()).open(req, timeout=30) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@dataclass
class LocalHub:
    url: str
    state: Path
    password: str
    process: subprocess.Popen
    log: Path
    tokens: dict[str, str] = field(default_factory=dict)

    def home(self, user: str) -> Path:
        return self.state / "home" / user

    def token(self, user: str) -> str:
        """An API token for ``user``, got with their password (as a learner could)."""
        if user not in self.tokens:
            status, body = call(f"{self.url}/hub/api/users/{user}/tokens", method="POST",
                                body={"auth": {"username": user, "password": self.password}, "note": "test"})
            assert status in (200, 201), (status, body[:300])
            self.tokens[user] = json.loads(body)["token"]
        return self.tokens[user]

    def start_server(self, user: str) -> None:
        """Ask the hub to start ``user``'s server (returns at once)."""
        status, body = call(f"{self.url}/hub/api/users/{user}/server", self.token(user), method="POST")
        assert status in (201, 202, 400), (status, body[:300])   # 400: already running

    def wait_ready(self, users: list[str], timeout: float = 150) -> None:
        """Wait until every user's server is ready."""
        deadline = time.time() + timeout
        pending = set(users)
        while pending:
            for user in list(pending):
                status, body = call(f"{self.url}/hub/api/users/{user}", self.token(user))
                server = (json.loads(body).get("servers") or {}).get("") if status == 200 else None
                if server and server.get("ready"):
                    pending.discard(user)
            if pending:
                if time.time() > deadline or self.process.poll() is not None:
                    raise TimeoutError(f"servers not ready: {sorted(pending)}\n{self.log_tail()}")
                time.sleep(0.5)

    def log_tail(self, chars: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-chars:]

    def processes(self) -> list[psutil.Process]:
        """The hub and every process under it (proxy, culler, servers, kernels)."""
        try:
            hub = psutil.Process(self.process.pid)
            return [hub, *hub.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def stop(self, grace: float = 15) -> None:
        """Stop the hub and everything it started, by process id (SIGTERM, then SIGKILL)."""
        procs = self.processes()
        for proc in procs[1:]:
            _signal(proc, signal.SIGTERM)
        _signal(procs[0] if procs else None, signal.SIGTERM)
        gone, alive = psutil.wait_procs(procs, timeout=grace)
        for proc in alive:
            _signal(proc, signal.SIGKILL)
        psutil.wait_procs(alive, timeout=5)


def _signal(proc: psutil.Process | None, sig: int) -> None:
    if proc is None:
        return
    try:
        proc.send_signal(sig)
    except psutil.NoSuchProcess:
        pass


def start_hub(state: Path, learners: list[str], trainers: list[str], password: str = "workshop-test-pw",
              cull: int = 3600, timeout: float = 60) -> LocalHub:
    """Start the workshop hub with these accounts and wait until its API answers."""
    if not PROXY.exists():
        raise FileNotFoundError(f"{PROXY} is missing: run `make {PROXY.relative_to(REPO)}` (npm ci)")
    state.mkdir(parents=True, exist_ok=True)
    port, api_port = free_port(), free_port(pair=True)
    env = dict(os.environ, POWERMAP_HUB_PORT=str(port), POWERMAP_HUB_API_PORT=str(api_port),
               POWERMAP_HUB_STATE=str(state), POWERMAP_HUB_LEARNERS=",".join(learners),
               POWERMAP_HUB_TRAINERS=",".join(trainers), POWERMAP_HUB_PASSWORD=password,
               POWERMAP_HUB_CULL=str(cull))
    env.pop("JUPYTERHUB_API_TOKEN", None)
    log = state / "hub.log"
    with open(log, "w") as out:
        process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)], cwd=state, env=env,
                                   stdout=out, stderr=subprocess.STDOUT)
    hub = LocalHub(f"http://127.0.0.1:{port}", state, password, process, log)
    deadline = time.time() + timeout
    while not _up(hub.url):
        if process.poll() is not None or time.time() > deadline:
            hub.stop()
            raise RuntimeError("JupyterHub did not start:\n" + hub.log_tail())
        time.sleep(0.3)
    return hub


def _up(url: str) -> bool:
    try:
        return call(f"{url}/hub/api/")[0] == 200
    except OSError:
        return False
