"""Helpers for the browser tests (imported by conftest.py and the test modules).

Tests wait for the condition they need, never for a fixed time: :func:`wait_cy` for a
graph state, :func:`settled` / :func:`settled_cy` for a widget or drawing whose layout has
stopped moving (before a screenshot or a geometry check), :func:`until` for a condition
outside the page (a file the kernel writes).
"""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"


@dataclass
class Lab:
    url: str
    token: str
    root: Path
    process: subprocess.Popen

    def tree_url(self, relpath: str) -> str:
        return f"{self.url}/lab/tree/{relpath}?reset&token={self.token}"


def open_notebook(page, lab: Lab, relpath: str, timeout: float = 60_000) -> None:
    """Open a notebook (path relative to the lab root) and wait until its kernel is idle."""
    page.goto(lab.tree_url(relpath))
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=timeout)
    page.wait_for_function(
        """() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
                   const k = w && w.context && w.context.sessionContext.session
                             && w.context.sessionContext.session.kernel;
                   return k && k.status === 'idle'; }""",
        timeout=timeout,
    )


def execute(page, command: str, args: dict | None = None) -> None:
    """Run a JupyterLab command by id, e.g. ``notebook:run-all-cells``."""
    page.evaluate("([c, a]) => window.jupyterapp.commands.execute(c, a)", [command, args or {}])


IDLE = """() => { const w = window.jupyterapp.shell.currentWidget;
                 const k = w.context.sessionContext.session.kernel;
                 const busy = [...document.querySelectorAll('.jp-InputPrompt')]
                              .some(p => p.textContent.includes('*'));
                 return k.status === 'idle' && !busy; }"""


def run_command(page, command: str, timeout: float = 120_000) -> None:
    """Run a notebook command that executes cells and wait until all have finished.

    The command's promise resolves when the cells have run; then the kernel must be idle
    and no prompt may still show ``[*]``.
    """
    execute(page, command)  # page.evaluate awaits the promise commands.execute returns
    page.wait_for_function(IDLE, timeout=timeout)


def run_all(page, timeout: float = 120_000) -> None:
    """Run every cell and wait until all have finished (no ``[*]`` prompt, kernel idle)."""
    run_command(page, "notebook:run-all-cells", timeout)


def until(check: Callable[[], Any], timeout: float = 30.0, interval: float = 0.05, message: str = "") -> Any:
    """Poll ``check()`` until it returns something true and return that (for conditions
    outside the page, such as a file the kernel saves); fail with ``message`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            found = check()
        except (OSError, ValueError, KeyError, StopIteration):  # a file half written or not there yet
            found = None
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {message or check}")
        time.sleep(interval)


# A layout is settled when the element's box, its text and (for a graph) every node's place,
# the zoom and the pan are unchanged over ``n`` polls 100 ms apart.
_SETTLED = """([el, n]) => { if (!el) return false;
    const r = el.getBoundingClientRect(); const cy = el._cyreg && el._cyreg.cy;
    const key = JSON.stringify([r.x, r.y, r.width, r.height, el.textContent.length,
        cy ? cy.nodes().map(x => [x.id(), x.position('x'), x.position('y'), x.visible()]) : 0,
        cy ? [cy.zoom(), cy.pan()] : 0]);
    el.__pmkSettle = el.__pmkSettle && el.__pmkSettle.key === key
        ? {key, count: el.__pmkSettle.count + 1} : {key, count: 0};
    return el.__pmkSettle.count >= n; }"""


def settled(locator, polls: int = 3, timeout: float = 15_000) -> None:
    """Wait until a widget has stopped moving and changing (scrolled, laid out, rendered)."""
    locator.page.wait_for_function(_SETTLED, arg=[locator.element_handle(timeout=timeout), polls],
                                   polling=100, timeout=timeout)


def cell_errors(page) -> list[str]:
    """Tracebacks shown in the notebook's outputs."""
    return page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'], "
                        ".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']").all_inner_texts()


def screenshot(page, name: str, **kwargs) -> Path:
    """Save a PNG under test-artifacts/ (kept as a CI artefact) and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}.png"
    page.screenshot(path=str(path), **kwargs)
    return path


# ---- the cytoscape graphs of ipycytoscape widgets on the page ---------------------------
CY_BINDING = "const el = document.querySelectorAll('.custom-widget')[i]; const cy = el && el._cyreg && el._cyreg.cy;"


def cy(page, index: int, expression: str, arg=None):
    """Evaluate ``expression`` with ``cy`` bound to the cytoscape instance of graph ``index``."""
    return page.evaluate(f"([i, arg]) => {{ {CY_BINDING} return cy ? ({expression}) : null; }}", [index, arg])


def wait_cy(page, index: int, expression: str, arg=None, timeout: float = 30_000) -> None:
    """Wait until ``expression`` (with ``cy`` bound as in :func:`cy`) is true."""
    page.wait_for_function(f"([i, arg]) => {{ {CY_BINDING} return !!cy && !!({expression}); }}", arg=[index, arg],
                           timeout=timeout)


def settled_cy(page, index: int, polls: int = 3, timeout: float = 15_000) -> None:
    """Wait until graph ``index`` has stopped moving: layout, fit, scroll (see :func:`settled`)."""
    settled(page.locator(".custom-widget").nth(index), polls, timeout)


def click_node(page, index: int, node_id: str) -> None:
    """A real mouse click at the node's position on screen."""
    page.evaluate(f"([i]) => {{ {CY_BINDING} el.scrollIntoView({{block: 'center'}}); }}", [index])
    settled_cy(page, index)
    point = page.evaluate(f"""([i, id]) => {{ {CY_BINDING}
        const p = cy.getElementById(id).renderedPosition(); const r = el.getBoundingClientRect();
        return {{x: r.left + p.x, y: r.top + p.y}}; }}""", [index, node_id])
    page.mouse.click(point["x"], point["y"])


def run_in_kernel(page, code: str) -> None:
    """Run Python code in the open notebook's kernel (not as a cell) and wait for it."""
    page.evaluate("""async (code) => {
        const k = window.jupyterapp.shell.currentWidget.context.sessionContext.session.kernel;
        await k.requestExecute({code}).done; }""", code)
