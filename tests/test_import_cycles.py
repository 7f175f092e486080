"""The package has no import cycles: layers point downward (architecture.md).

The graph is built from the source with ``ast``: every ``import`` and ``from … import``
anywhere in a module, inside functions too (a function-local import only hides a cycle,
it does not remove it), except those under ``if TYPE_CHECKING:``, which never run.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "powermap_kit"


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(sub) for stmt in node.body for sub in ast.walk(stmt))
    return skipped


def import_graph(root: Path) -> nx.DiGraph:
    """Module → modules and subpackages of the same package it imports (by dotted name)."""
    modules = {_module_name(p, root): p for p in root.rglob("*.py")}
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        tree = ast.parse(path.read_text("utf-8"))
        skipped = _type_checking_nodes(tree)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = package
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                prefix = (f"{base}.{node.module}" if node.module else base) if node.level else node.module or ""
                # "from pkg import name" imports pkg.name when that is a module, else pkg itself.
                targets = [f"{prefix}.{a.name}" if f"{prefix}.{a.name}" in modules else prefix for a in node.names]
            for target in targets:
                while target and target not in modules:  # "import a.b.c" where c is a name
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph.add_edge(name, target)
                # Importing a.b.c runs a/b/__init__ first: an edge to each parent package,
                # except the root and the importer's own packages (already being imported).
                parent = target.rpartition(".")[0]
                while "." in parent:
                    if not (name + ".").startswith(parent + "."):
                        graph.add_edge(name, parent)
                    parent = parent.rpartition(".")[0]
    return graph


def cycles(root: Path) -> list[list[str]]:
    """Every elementary import cycle, shortest first."""
    return sorted(nx.simple_cycles(import_graph(root)), key=len)


def test_the_package_has_no_import_cycles():
    found = cycles(PACKAGE)
    assert not found, "import cycles:\n" + "\n".join(" → ".join(c + c[:1]) for c in found[:10])


def test_render_sits_above_analysis_and_grading():
    graph = import_graph(PACKAGE)
    core = [m for m in graph if m.startswith(("powermap_kit.analysis", "powermap_kit.grading"))]
    for module in core:
        wrong = [t for t in graph.successors(module) if t.startswith("powermap_kit.render")]
        assert not wrong, f"{module} imports {wrong}"


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")
    return root / "pkg"


@pytest.fixture
def clean_package(tmp_path: Path) -> dict[str, str]:
    return {
        "pkg/__init__.py": "from .low import base\n",
        "pkg/low.py": "def base():\n    return 1\n",
        "pkg/sub/__init__.py": "",
        "pkg/sub/high.py": "from typing import TYPE_CHECKING\nfrom ..low import base\n"
                           "if TYPE_CHECKING:\n    from .. import top\n",
        "pkg/top.py": "from .sub import high\n",
    }


def test_a_layered_synthetic_package_has_no_cycles(tmp_path, clean_package):
    root = _write(tmp_path, clean_package)
    assert cycles(root) == []
    assert import_graph(root).has_edge("pkg.sub.high", "pkg.low")  # relative imports resolved
    assert import_graph(root).has_edge("pkg.top", "pkg.sub.high")  # "from .sub import high" is a module


def test_a_cycle_hidden_in_a_function_is_found(tmp_path, clean_package):
    clean_package["pkg/low.py"] = "def base():\n    from .sub.high import base as again\n    return again\n"
    root = _write(tmp_path, clean_package)
    assert ["pkg.low", "pkg.sub.high"] in [sorted(c) for c in cycles(root)]


def test_a_cycle_through_absolute_imports_is_found(tmp_path, clean_package):
    clean_package["pkg/low.py"] = "import pkg.top\n"
    root = _write(tmp_path, clean_package)
    assert any(set(c) == {"pkg.low", "pkg.top", "pkg.sub.high"} for c in cycles(root))


def test_a_cycle_through_a_subpackage_init_is_found(tmp_path, clean_package):
    # pkg.top imports pkg.sub.high, so it runs pkg/sub/__init__; that importing pkg.top closes a cycle.
    clean_package["pkg/sub/__init__.py"] = "from .. import top\n"
    root = _write(tmp_path, clean_package)
    assert any(set(c) == {"pkg.sub", "pkg.top"} for c in cycles(root))


def test_the_cycles_this_test_was_written_for_would_be_found(tmp_path, clean_package):
    """The shape of the old analysis ↔ picture cycle: a module of a subpackage imported from outside,
    whose package's __init__ leads back through a lazy import."""
    clean_package["pkg/sub/__init__.py"] = "from . import high\n"
    clean_package["pkg/sub/high.py"] = "def show():\n    from ..pic import draw\n    return draw\n"
    clean_package["pkg/sub/ctx.py"] = ""
    clean_package["pkg/pic.py"] = "from .sub.ctx import *\ndef draw():\n    return 1\n"
    root = _write(tmp_path, clean_package)
    assert any(set(c) == {"pkg.sub", "pkg.sub.high", "pkg.pic"} for c in cycles(root))
