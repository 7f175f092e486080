"""Every course notebook and workbook: metadata, no stored outputs, links and files that exist."""

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*/*.ipynb"))
ALL = NOTEBOOKS + sorted((ROOT / "exercises").rglob("*.ipynb"))
IDS = [str(p.relative_to(ROOT)) for p in ALL]
MODULES = [f"{n:02d}" for n in range(17)]
PATH_LITERAL = re.compile(r"^[\w./-]+\.(json|csv|md|ipynb|xlsx|html)$")


def cells(path):
    return json.loads(path.read_text("utf-8"))["cells"]


def test_the_whole_course_is_there():
    numbers = {p.name[:2] for p in NOTEBOOKS}
    assert set(MODULES) <= numbers


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_kernelspec_and_no_stored_outputs(path):
    nb = json.loads(path.read_text("utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert not cell.get("outputs") and cell.get("execution_count") is None


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_links_resolve(path):
    for cell in cells(path):
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"])
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                continue
            assert (path.parent / target.split("#")[0]).exists(), f"{path.name}: broken link {target}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_prev_and_next_links(path):
    text = "".join("".join(c["source"]) for c in cells(path) if c["cell_type"] == "markdown")
    linked = set(re.findall(r"\]\((\d\d\w*\.ipynb)\)", text))
    number = int(path.name[:2])
    neighbours = {f"{n:02d}" for n in (number - 1, number + 1) if 0 <= n <= 16}
    if path.name.startswith("00b"):  # the pre-course check leads into the course
        neighbours = {"00"}
    elif path.name[2] == "b":  # optional material links back to its module and on to the next
        neighbours = {f"{number:02d}", f"{number + 1:02d}"}
    assert neighbours <= {name[:2] for name in linked}, f"{path.name} links {sorted(linked)}"


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_files_a_notebook_opens_exist(path):
    """Relative paths written in code cells (data files, keys, maps) exist in the repository."""
    for cell in cells(path):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        source = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("!", "%")))
        try:
            tree = ast.parse(source)
        except SyntaxError:
            pytest.fail(f"{path.name}: a code cell is not valid Python:\n{source[:200]}")
        outputs = {id(arg) for call in ast.walk(tree) if isinstance(call, ast.Call)
                   and getattr(call.func, "id", getattr(call.func, "attr", "")) == "work_path" for arg in call.args}
        for node in ast.walk(tree):
            if id(node) in outputs:  # a file the notebook writes into the learner's work folder
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "/" in node.value \
                    and PATH_LITERAL.match(node.value) and not node.value.startswith("{"):
                candidates = [path.parent / node.value, ROOT / node.value]
                assert any(c.exists() for c in candidates) or "{learner}" in node.value, \
                    f"{path.name}: {node.value} does not exist"
