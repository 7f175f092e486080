"""Helpers for the browser tests (imported by conftest.py and the test modules)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

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


def run_all(page, timeout: float = 120_000) -> None:
    """Run every cell and wait until all have finished (no ``[*]`` prompt, kernel idle)."""
    execute(page, "notebook:run-all-cells")
    page.wait_for_timeout(300)
    page.wait_for_function(
        """() => { const w = window.jupyterapp.shell.currentWidget;
                   const k = w.context.sessionContext.session.kernel;
                   const busy = [...document.querySelectorAll('.jp-InputPrompt')]
                                .some(p => p.textContent.includes('*'));
                   return k.status === 'idle' && !busy; }""",
        timeout=timeout,
    )


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


def wait_cy(page, index: int, expression: str, arg=None, timeout: float = 15_000) -> None:
    """Wait until ``expression`` (with ``cy`` bound as in :func:`cy`) is true."""
    page.wait_for_function(f"([i, arg]) => {{ {CY_BINDING} return !!cy && !!({expression}); }}", arg=[index, arg],
                           timeout=timeout)


def click_node(page, index: int, node_id: str) -> None:
    """A real mouse click at the node's position on screen."""
    page.evaluate(f"([i]) => {{ {CY_BINDING} el.scrollIntoView({{block: 'center'}}); }}", [index])
    page.wait_for_timeout(300)
    point = page.evaluate(f"""([i, id]) => {{ {CY_BINDING}
        const p = cy.getElementById(id).renderedPosition(); const r = el.getBoundingClientRect();
        return {{x: r.left + p.x, y: r.top + p.y}}; }}""", [index, node_id])
    page.mouse.click(point["x"], point["y"])


def run_in_kernel(page, code: str) -> None:
    """Run Python code in the open notebook's kernel (not as a cell) and wait for it."""
    page.evaluate("""async (code) => {
        const k = window.jupyterapp.shell.currentWidget.context.sessionContext.session.kernel;
        await k.requestExecute({code}).done; }""", code)
