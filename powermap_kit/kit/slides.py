"""Slide decks per module from the course notebooks' teaching cells, with a local reveal.js.

Only the learner's markdown is used: code cells (setup, widgets, exercises) and cells
tagged ``trainer`` (facilitator notes) or ``solution`` are left out. A ``# `` heading makes
the title slide; each ``## `` heading starts a new slide, and text before the next heading
stays on the current one. Markdown goes through mistune with HTML escaped.

reveal.js comes from npm (``trainer/package.json``; ``make kit`` installs it) and is copied
into ``<out>/reveal/`` next to the decks, so a deck opens from a USB stick with no network.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .. import vocab
from ..errors import InputError
from ..render.templates import render
from .handouts import markdown_html

__all__ = ["HIDDEN_TAGS", "Slide", "build_slides", "copy_reveal", "notebook_slides", "reveal_dist"]

#: Cells with one of these tags never reach a slide.
HIDDEN_TAGS = frozenset({"trainer", "solution", "setup", "hide"})
_REPO = Path(__file__).resolve().parents[2]
_HEADING = re.compile(r"^(#{1,2}) +(.+?)\s*#*\s*$")


@dataclass
class Slide:
    """One slide: its heading (may be empty) and its Markdown body."""

    title: str
    body: str
    level: int = 2  # 1 for the title slide

    def html(self) -> Markup:
        return markdown_html(self.body)


def _cells(path: Path) -> list[dict]:
    try:
        notebook = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        raise InputError("kit.error.bad_notebook", path=str(path)) from None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        raise InputError("kit.error.bad_notebook", path=str(path))
    return cells


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def notebook_slides(path: str | os.PathLike) -> list[Slide]:
    """The slides of a notebook's teaching cells, in order."""
    slides: list[Slide] = []
    for cell in _cells(Path(path)):
        if not isinstance(cell, dict):
            continue
        metadata = cell.get("metadata")
        tags = metadata.get("tags") if isinstance(metadata, dict) else None
        if cell.get("cell_type") != "markdown" or HIDDEN_TAGS.intersection(tags if isinstance(tags, list) else []):
            continue
        for line in _source(cell).splitlines():
            heading = _HEADING.match(line)
            if heading:
                slides.append(Slide(heading.group(2), "", len(heading.group(1))))
            elif slides:
                slides[-1].body += line + "\n"
            elif line.strip():
                slides.append(Slide("", line + "\n"))
    return [page for s in slides if s.title or s.body.strip() for page in _paginate(s)]


#: How much a slide holds, in lines of about :data:`_COLUMNS` columns (a Chinese character counts two).
_LINES, _COLUMNS = 15, 95


def _height(block: str) -> float:
    """The lines a Markdown block takes on a slide, roughly."""
    if block.lstrip().startswith("```"):
        return 0.6 * block.count("\n") + 1
    width = sum((2 if ord(ch) > 0x2e80 else 1) for ch in block)
    rows = sum(max(1, -(-sum(2 if ord(c) > 0x2e80 else 1 for c in line) // _COLUMNS)) for line in block.splitlines())
    return max(rows, width / _COLUMNS) + 0.5


def _blocks(body: str) -> list[str]:
    """The body's blocks (paragraphs, lists, tables, fenced code), split at blank lines outside code."""
    blocks: list[str] = []
    current: list[str] = []
    fenced = False
    for line in body.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                blocks.append("\n".join(current))
            current = []
        else:
            current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def _paginate(slide: Slide) -> list[Slide]:
    """A slide too long for the screen as several, split between blocks; later ones titled "… (2)"."""
    pages: list[list[str]] = [[]]
    used = 0.0
    for block in _blocks(slide.body):
        height = _height(block)
        if pages[-1] and used + height > _LINES:
            pages.append([])
            used = 0.0
        pages[-1].append(block)
        used += height
    if len(pages) == 1:
        return [slide]
    return [Slide(slide.title if n == 0 or not slide.title else f"{slide.title} ({n + 1})", "\n\n".join(page) + "\n",
                  slide.level if n == 0 else 2) for n, page in enumerate(pages)]


def reveal_dist() -> Path:
    """reveal.js's ``dist`` folder: ``$POWERMAP_REVEAL`` or ``trainer/node_modules/reveal.js/dist``."""
    folder = Path(os.environ.get("POWERMAP_REVEAL", _REPO / "trainer" / "node_modules" / "reveal.js" / "dist"))
    if not (folder / "reveal.js").is_file():
        raise InputError("kit.error.no_reveal", path=str(folder))
    return folder


def copy_reveal(out: str | os.PathLike) -> Path:
    """Copy reveal.js (scripts, styles, the white theme and its fonts) to ``<out>/reveal``."""
    target = Path(out) / "reveal"
    shutil.copytree(reveal_dist(), target, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("*.map", "*.esm.js", "plugin"))
    return target


def _lang_of(path: Path, default: str) -> str:
    if path.parent.name in vocab.LANGUAGES:
        return path.parent.name
    return default


def build_slides(notebooks: Iterable[str | os.PathLike], out: str | os.PathLike, lang: str | None = None) -> list[Path]:
    """Write one deck per notebook to ``<out>/<lang>/<notebook name>.html``; return the decks.

    The language is the notebook's folder name when that is ``en`` or ``zh``
    (``notebooks/zh/03_buying_stages.ipynb``), else ``lang`` (default: the current language).
    """
    from ..io import write_text_atomic

    out = Path(out)
    copy_reveal(out)
    written = []
    for notebook in notebooks:
        path = Path(notebook)
        deck_lang = _lang_of(path, vocab._lang(lang))
        slides = notebook_slides(path)
        title = next((s.title for s in slides if s.level == 1), path.stem)
        html = render("kit/deck.html.j2", lang=deck_lang, title=title, slides=slides, reveal="../reveal",
                      source=path.name)
        written.append(write_text_atomic(out / deck_lang / f"{path.stem}.html", html))
    return written
