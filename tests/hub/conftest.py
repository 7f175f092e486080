"""The workshop hub end to end: a real JupyterHub with configurable-http-proxy on 127.0.0.1.

Needs the proxy from npm (``make test`` runs ``npm ci`` in deploy/jupyterhub/) and Chromium at
/usr/bin/chromium. Without them the tests skip with the reason, except under CI (``CI`` set),
where they fail instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # for hubtools, under --import-mode=importlib


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/hub" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.hub)


def unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"hub tests must run under CI but cannot: {reason}")
    pytest.skip(reason)
