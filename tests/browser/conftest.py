"""Browser end-to-end tests: real JupyterLab on 127.0.0.1, driven in Debian's Chromium by Playwright.

Fixtures
--------
lab        session: a running JupyterLab (``lab.url``, ``lab.token``, ``lab.root``) serving a
           temporary copy of the course (notebooks/, exercises/, case_studies/,
           tests/browser/notebooks/), so runs never touch the tracked files.
browser    session: a headless Chromium (``/usr/bin/chromium``; never downloaded).
page       one fresh page per test; console errors and "Error displaying widget" fail the
           test at teardown (``page.allow_console(pattern)`` admits a known message).

Helpers for tests are in ``labtools.py``: open_notebook, run_all, run_command, execute, cell_errors, screenshot,
and the waits (wait_cy, settled, settled_cy, until): tests poll for a condition, never sleep.

Without Chromium or Playwright the tests skip with the reason, except under CI (``CI`` set),
where they must run and so fail instead.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # for labtools, under --import-mode=importlib
from labtools import REPO, Lab, screenshot

CHROMIUM = os.environ.get("POWERMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
# Messages JupyterLab itself logs in a closed network or with ipycytoscape's old peer range.
BENIGN_CONSOLE = [
    r"Unsatisfied version",
    r"Failed to load resource: the server responded with a status of 404",
    r"favicon",
    r"net::ERR_",
    r"The kernel is restarting",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run under CI but cannot: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    root = tmp_path_factory.mktemp("lab-root")
    for folder in ("notebooks", "exercises", "case_studies", "tests/browser/notebooks"):
        if (REPO / folder).exists():
            shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    settings = tmp_path_factory.mktemp("lab-settings")
    note = settings / "@jupyterlab" / "apputils-extension"
    note.mkdir(parents=True)
    (note / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(settings),
               JUPYTERLAB_WORKSPACES_DIR=str(tmp_path_factory.mktemp("lab-workspaces")),
               PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    port, token = _free_port(), uuid.uuid4().hex
    log = open(tmp_path_factory.mktemp("lab-log") / "jupyter.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", "--LabApp.expose_app_in_browser=True",
         "--allow-root", "--LabApp.news_url=", "--ServerApp.port_retries=0"],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if process.poll() is not None or time.time() > deadline:
                process.kill()
                log.close()
                pytest.fail("JupyterLab did not start: " + Path(log.name).read_text()[-2000:])
            time.sleep(0.3)
    yield Lab(url, token, root, process)
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(scope="session")
def browser(lab):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright's Python package is not installed (pip install playwright)")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class _Watch:
    errors: list[str] = field(default_factory=list)
    allowed: list[str] = field(default_factory=list)


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    pg = context.new_page()
    watch = _Watch()

    def on_console(msg):
        if msg.type == "error":
            watch.errors.append(msg.text)

    pg.on("console", on_console)
    pg.on("pageerror", lambda exc: watch.errors.append(f"page error: {exc}"))
    pg.allow_console = lambda pattern: watch.allowed.append(pattern)  # type: ignore[attr-defined]
    yield pg
    try:
        broken = pg.locator("text=Error displaying widget").count()
        if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
            screenshot(pg, f"FAILED-{request.node.name}")
    finally:
        context.close()
    bad = [e for e in watch.errors if not any(re.search(p, e) for p in BENIGN_CONSOLE + watch.allowed)]
    assert broken == 0, "a widget failed to display ('Error displaying widget')"
    assert not bad, "browser console errors:\n" + "\n".join(bad)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


