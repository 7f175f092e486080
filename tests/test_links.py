"""Every relative link in the course's notebooks, workbooks and solutions opens a file.

``make lab`` serves one folder as the root of JupyterLab; a link that leaves it, or names
a file that does not exist, does nothing when a learner clicks it (issue 17). The served
root is read from the Makefile's ``lab`` recipe, so moving the root back to ``notebooks/``
fails here for every ``../exercises/…`` link.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import mistune
import pytest

REPO = Path(__file__).resolve().parents[1]
COURSE = sorted([*REPO.glob("notebooks/*/*.ipynb"), *REPO.glob("exercises/*/*.ipynb"),
                 *REPO.glob("trainer/solutions/*/*.ipynb")])
_HREF = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_MARKDOWN = mistune.create_markdown(renderer=None)


@lru_cache(maxsize=None)
def make_command(target: str, *variables: str) -> tuple[str, ...]:
    """The server command line ``make target`` runs (``make -n``), as arguments after the program."""
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    dry = subprocess.run(["make", "-n", target, *variables], cwd=REPO, capture_output=True, text=True, check=True,
                         env=dict(os.environ, LANG="C.UTF-8"))
    lines = [line for line in dry.stdout.replace("\\\n", " ").splitlines() if "bin/jupyter " in line]
    assert len(lines) == 1, f"make {target} should run one jupyter command: {dry.stdout}"
    words = shlex.split(lines[0])
    start = next(i for i, w in enumerate(words) if w.endswith("bin/jupyter"))
    return tuple(w for w in words[start + 1:] if w != "--allow-root")


def served_root() -> Path:
    """The folder ``make lab`` serves: its ``--ServerApp.root_dir=…``."""
    roots = [w.split("=", 1)[1] for w in make_command("lab") if w.startswith("--ServerApp.root_dir=")]
    assert roots, "make lab does not set --ServerApp.root_dir"
    return (REPO / roots[-1]).resolve()


def _walk(tokens):
    for token in tokens:
        if token.get("type") in ("link", "image"):
            yield token["attrs"]["url"]
        if token.get("type") in ("inline_html", "block_html"):
            yield from _HREF.findall(token.get("raw", ""))
        yield from _walk(token.get("children") or [])


def markdown_links(text: str) -> list[str]:
    """The link and image targets of a Markdown text, including ``href``/``src`` in raw HTML.

    >>> markdown_links('See [02](02_roles.ipynb), ![m](a%20b.png) and <a href="../x/">x</a>.')
    ['02_roles.ipynb', 'a%20b.png', '../x/']
    """
    return list(_walk(_MARKDOWN(text)))


def relative_links(notebook: Path) -> list[str]:
    """Relative link targets in a notebook's Markdown cells (web, mail and in-page links left out)."""
    cells = json.loads(notebook.read_text("utf-8"))["cells"]
    links = [link for cell in cells if cell["cell_type"] == "markdown"
             for link in markdown_links("".join(cell["source"]))]
    return [link for link in links if not urlsplit(link).scheme and not link.startswith(("#", "/"))]


def test_the_course_has_notebooks_and_links():
    assert len(COURSE) >= 30
    assert sum(len(relative_links(nb)) for nb in COURSE) >= 50


def test_make_lab_serves_the_repository_and_opens_the_start_notebook():
    assert served_root() == REPO
    assert any(w.startswith("--LabApp.default_url=/lab/tree/notebooks/en/00_start_here.ipynb")
               for w in make_command("lab"))
    assert any(w.startswith("--LabApp.default_url=/lab/tree/notebooks/zh/00_start_here.ipynb")
               for w in make_command("lab", "LANG=zh"))


def _readme_command(prefix: str) -> tuple[str, ...]:
    lines = [line for line in (REPO / "README.md").read_text("utf-8").splitlines() if line.startswith(prefix)]
    assert lines, f"README has no command starting {prefix!r}"
    words = shlex.split(lines[0])
    return tuple(words[[w.endswith("bin/jupyter") for w in words].index(True) + 1:])


def test_the_readme_without_make_runs_what_make_lab_runs():
    assert _readme_command(".venv/bin/jupyter lab") == make_command("lab")
    assert _readme_command("POWERMAP_LANG=zh .venv/bin/jupyter lab") == make_command("lab", "LANG=zh")


def test_the_readme_without_make_runs_what_make_app_runs():
    assert _readme_command("JUPYTER_PATH=jupyter .venv/bin/jupyter server") == make_command("app")
    assert make_command("app", "LANG=zh") == make_command("app")  # the language is in the environment


def test_the_app_opens_a_landing_page_whose_links_open_every_module():
    from powermap_kit.landing import course_landing

    urls = [w.split("=", 1)[1] for w in make_command("app") if w.startswith("--ServerApp.default_url=")]
    assert urls and urls[0].startswith("/voila/render/")
    landing = served_root() / urls[0].removeprefix("/voila/render/")
    assert landing.exists()
    cells = json.loads(landing.read_text("utf-8"))["cells"]
    assert "course_landing()" in "".join(cells[0]["source"])
    for lang in ("en", "zh"):
        hrefs = _HREF.findall(course_landing(lang=lang).html)
        targets = {(landing.parent / href).resolve() for href in hrefs}
        assert targets == {p.resolve() for p in REPO.glob(f"notebooks/{lang}/[0-9][0-9]*_*.ipynb")}


def test_only_a_chinese_lang_switches_make_lab_to_chinese():
    assert make_command("lab", "LANG=C.UTF-8") == make_command("lab", "LANG=en_US.UTF-8") == make_command("lab")
    chinese = make_command("lab", "LANG=zh")
    assert chinese == make_command("lab", "LANG=zh_CN.UTF-8") != make_command("lab")
    settings = [w.split("=", 1)[1] for w in chinese if w.startswith("--LabApp.app_settings_dir=")]
    overrides = json.loads((REPO / settings[0] / "overrides.json").read_text("utf-8"))
    assert overrides["@jupyterlab/translation-extension:plugin"]["locale"] == "zh_CN"
    # Everything the English course overrides holds in Chinese too.
    english = json.loads((REPO / "jupyter" / "overrides.json").read_text("utf-8"))
    assert all(overrides.get(plugin, {}) | values == overrides.get(plugin) for plugin, values in english.items())


@pytest.mark.parametrize("notebook", COURSE, ids=lambda p: str(p.relative_to(REPO)))
def test_every_relative_link_opens_a_file_under_the_served_root(notebook):
    root = served_root()
    broken = []
    for link in relative_links(notebook):
        target = (notebook.parent / unquote(urlsplit(link).path)).resolve()
        if not target.is_relative_to(root):
            broken.append(f"{link} (outside the served root {root})")
        elif not target.exists():
            broken.append(f"{link} (no such file)")
    assert not broken, f"{notebook.relative_to(REPO)}: " + "; ".join(broken)


def test_modules_link_their_workbooks_and_a_case_links_its_files():
    for lang in ("en", "zh"):
        links = {nb.name: relative_links(nb) for nb in COURSE if nb.parent == REPO / "notebooks" / lang}
        assert any(link.startswith(f"../../exercises/{lang}/") for link in links["01_why_power_maps.ipynb"])
        assert any(link.startswith("../../case_studies/") and f".{lang}.md" in link
                   for link in links["10_case_it_solution.ipynb"])
