"""Start the course the way the README tells a learner: ``make lab``, ``make app``.

The command line is the learner's own; only the environment differs, and only in what
Jupyter reads from it anyway: ``JUPYTER_PORT`` (a free port), ``JUPYTER_TOKEN``,
``BROWSER`` (a script that writes down the page the learner's browser would open, so the
test opens exactly that page), ``JUPYTERLAB_SETTINGS_DIR`` and ``JUPYTERLAB_WORKSPACES_DIR``
(empty folders, so the tester's own settings play no part) and the learner's work folder.

``make`` runs in a copy of the repository (``.venv`` linked, never reinstalled from the copy),
because JupyterLab writes checkpoints next to the notebooks it opens. The server is stopped by its
process group id.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from labtools import REPO

_NOT_COPIED = shutil.ignore_patterns(".venv", ".git", "test-artifacts", "__pycache__", "*.egg-info", "build",
                                     ".ipynb_checkpoints", ".hypothesis", ".pytest_cache", "powermap-work")
_RECORDER = '#!/bin/sh\necho "$1" >> "{out}"\n'


@dataclass
class Served:
    """A running ``make`` target: the page the learner's browser was sent to, and the process."""

    opened: str
    process: subprocess.Popen
    root: Path
    work: Path
    log: Path
    token: str
    runtime: Path

    def stop(self) -> None:
        """Stop make, the server and its kernels: SIGTERM to the process group, then SIGKILL."""
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
        except ProcessLookupError:
            pass


def course_copy(folder: Path) -> Path:
    """A copy of the repository in ``folder`` (modification times kept, so make sees an installed venv)."""
    root = folder / "course"
    shutil.copytree(REPO, root, ignore=_NOT_COPIED, symlinks=True)
    (root / ".venv").symlink_to(REPO / ".venv", target_is_directory=True)
    # The venv under test is the repository's: make must not reinstall it from the copy, even
    # when pyproject.toml changed since the last install (make test reinstalls first anyway).
    stamps = [p.stat().st_mtime for p in (REPO / ".venv").glob(".*-installed")]
    if stamps:
        os.utime(root / "pyproject.toml", (min(stamps) - 1, min(stamps) - 1))
    return root


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(folder: Path, *make_args: str, timeout: float = 90) -> Served:
    """Run ``make *make_args`` in a copy of the course and wait until it sends a browser somewhere."""
    if not (REPO / ".venv" / "bin" / "jupyter").exists():
        pytest.skip("no .venv with Jupyter: run `make lab` or `make test` once")
    root = course_copy(folder)
    dry = subprocess.run(["make", "-n", *make_args], cwd=root, capture_output=True, text=True, check=True).stdout
    assert "pip install" not in dry, f"make would install into the repository's venv from a copy:\n{dry}"
    opened, work, log = folder / "opened.txt", folder / "work", folder / "make.log"
    recorder = folder / "browser.sh"
    recorder.write_text(_RECORDER.format(out=opened))
    recorder.chmod(0o755)
    for name in ("settings", "workspaces", "runtime"):
        (folder / name).mkdir()
    token = uuid.uuid4().hex
    env = dict(os.environ, JUPYTER_PORT=str(_free_port()), JUPYTER_TOKEN=token, LANG="C.UTF-8",
               BROWSER=f"{recorder} %s", JUPYTERLAB_SETTINGS_DIR=str(folder / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(folder / "workspaces"), JUPYTER_RUNTIME_DIR=str(folder / "runtime"),
               POWERMAP_WORK=str(work), POWERMAP_LEARNER="learner-1")
    env.pop("POWERMAP_LANG", None)
    with open(log, "w") as out:
        process = subprocess.Popen(["make", *make_args], cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    served = Served("", process, root, work, log, token, folder / "runtime")
    deadline = time.time() + timeout
    while not opened.exists() or not opened.read_text().strip():
        if process.poll() is not None or time.time() > deadline:
            served.stop()
            pytest.fail(f"make {' '.join(make_args)} opened no browser:\n" + log.read_text()[-3000:])
        time.sleep(0.2)
    served.opened = opened.read_text().split()[0]
    return served


def follow(page, served: Served, timeout: float = 30_000) -> str:
    """Open what the learner's browser was sent to (Jupyter's redirect file) and return the final URL."""
    page.goto(served.opened)
    page.wait_for_url(re.compile(r"^http://"), timeout=timeout)
    return page.url


def kernel_output(served: Served, code: str, timeout: float = 120) -> str:
    """Run ``code`` in the (only) kernel the page started, through its connection file; return its stdout.

    The output comes back in the shell reply (a user expression over captured stdout), not over
    IOPub: a SUB socket that connects while the kernel is busy starting can miss the messages
    (ZeroMQ's "slow joiner"), and waiting for them then times out although the code ran.
    """
    import ast
    import textwrap

    from jupyter_client import BlockingKernelClient

    deadline = time.time() + timeout
    while not (files := list(served.runtime.glob("kernel-*.json"))):
        assert time.time() < deadline, "no kernel was started"
        time.sleep(0.2)
    client = BlockingKernelClient(connection_file=str(files[0]))
    client.load_connection_file()
    client.start_channels(hb=False)
    try:
        client.wait_for_ready(timeout=max(1.0, deadline - time.time()))
        wrapped = ("import contextlib as _pmk_cl, io as _pmk_io\n_pmk_out = _pmk_io.StringIO()\n"
                   "with _pmk_cl.redirect_stdout(_pmk_out):\n" + textwrap.indent(code, "    ") + "\n")
        msg_id = client.execute(wrapped, store_history=False, user_expressions={"out": "_pmk_out.getvalue()"})
        while True:
            reply = client.get_shell_msg(timeout=max(1.0, deadline - time.time()))
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        content = reply["content"]
        assert content["status"] == "ok", content
        said = content["user_expressions"]["out"]
        assert said["status"] == "ok", said
        return ast.literal_eval(said["data"]["text/plain"])
    finally:
        client.stop_channels()
