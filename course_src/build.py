"""Generate the course's notebooks in English and Chinese from one bilingual source per module.

Sources are jupytext *percent* scripts (``# %%`` cells; metadata after the marker), read
with jupytext, so a trainer can edit them in any text editor or open them in JupyterLab:

``course_src/modules/NN_name.py``
    → ``notebooks/{en,zh}/NN_name.ipynb`` (learner notebooks) and, when the source has
    ``trainer`` cells, ``trainer/notes/{en,zh}/NN_name.md`` (facilitator notes).
``course_src/workbooks/NN_name_exercises.py``
    → ``exercises/{en,zh}/NN_name_exercises.ipynb`` (learner workbooks) and
    ``trainer/solutions/{en,zh}/NN_name_exercises_solution.ipynb`` (trainer solutions).

Cell rules (checked; a broken source stops the build with the file and cell number):

- a cell with ``lang="en"`` is followed at once by its ``lang="zh"`` twin of the same type
  and tags, so both languages have the same cells in the same order;
- a cell without ``lang`` is shared (code cells normally are);
- ``{{lang}}`` becomes ``en`` or ``zh`` in every cell (links, ``pk.set_language``);
- tags: ``trainer`` (facilitator notes only, never in a learner copy), ``solution``
  (trainer solution only), ``learner`` (learner workbook only), ``show`` (keep a code cell's
  input open: every other code cell is generated collapsed, so learners read prose, widgets
  and results).

Run ``python course_src/build.py`` (``make course``) to write everything, ``--check`` to
list generated files that differ from their source (exit 1): a test runs the check, so
the two languages and the sources cannot drift apart.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "zh")
CONTROL_TAGS = {"trainer", "solution", "learner", "show"}
# The first line of a collapsed code cell is what JupyterLab shows in its place: a note, not code.
FOLDED = {"en": "# (code folded: click the dots to show it)", "zh": "# （代码已折叠，点击右侧圆点可展开）"}
KERNEL = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
          "language_info": {"name": "python"}}


class SourceError(Exception):
    """A bilingual source breaks a cell rule; the message names the file and the cell."""


@dataclass(frozen=True)
class Cell:
    kind: str          # "markdown" or "code"
    source: str
    lang: str | None
    tags: tuple[str, ...]
    number: int        # 1-based position in the source, for messages


def read_source(path: Path) -> list[Cell]:
    """The cells of one source, with the pairing rules checked."""
    nb = jupytext.read(path, fmt="py:percent")
    cells = []
    for i, c in enumerate(nb.cells, 1):
        meta = dict(c.metadata)
        lang = meta.pop("lang", None)
        if lang is not None and lang not in LANGS:
            raise SourceError(f"{path}: cell {i}: lang={lang!r}; allowed: {', '.join(LANGS)}")
        tags = tuple(meta.pop("tags", ()) or ())
        cells.append(Cell(c.cell_type, c.source, lang, tags, i))
    _check_pairs(path, cells)
    return cells


def _check_pairs(path: Path, cells: list[Cell]) -> None:
    i = 0
    while i < len(cells):
        c = cells[i]
        if c.lang is None:
            i += 1
            continue
        if c.lang != "en":
            raise SourceError(f"{path}: cell {c.number}: a lang=\"zh\" cell must follow its lang=\"en\" twin")
        twin = cells[i + 1] if i + 1 < len(cells) else None
        if twin is None or twin.lang != "zh":
            raise SourceError(f"{path}: cell {c.number}: lang=\"en\" without a lang=\"zh\" twin right after it")
        if twin.kind != c.kind or set(twin.tags) != set(c.tags):
            raise SourceError(f"{path}: cells {c.number}-{twin.number}: twins differ in type or tags")
        if not c.source.strip() or not twin.source.strip():
            raise SourceError(f"{path}: cells {c.number}-{twin.number}: an empty twin")
        i += 2


def _cells_for(cells: list[Cell], lang: str, drop: set[str]) -> list[Cell]:
    return [c for c in cells if c.lang in (None, lang) and not drop.intersection(c.tags)]


def notebook(cells: list[Cell], lang: str, stem: str, collapse: bool = True, deeper: bool = False) -> str:
    """The ``.ipynb`` text of ``cells`` in ``lang`` (stable ids, no outputs, code collapsed)."""
    nb = nbformat.v4.new_notebook(metadata=dict(KERNEL, powermap={"lang": lang, "source": stem}))
    for n, c in enumerate(cells):
        text = c.source.replace("{{lang}}", lang)
        tags = [t for t in c.tags if t not in CONTROL_TAGS]
        meta: dict = {"tags": tags} if tags else {}
        if c.kind == "code":
            if collapse and "show" not in c.tags:
                meta["jupyter"] = {"source_hidden": True}
                text = f"{FOLDED[lang]}\n{text}"
            cell = nbformat.v4.new_code_cell(text, metadata=meta)
        else:
            if deeper:  # trainer/solutions/<lang>/ is one folder deeper than exercises/<lang>/
                text = re.sub(r"\]\((\.\./)+", lambda m: "](" + "../" * (m.group(0).count("../") + 1), text)
            cell = nbformat.v4.new_markdown_cell(text, metadata=meta)
        cell["id"] = f"{stem[:48]}-{n:03d}".replace(".", "-")
        nb.cells.append(cell)
    return json.dumps(nb, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def notes(cells: list[Cell], lang: str, title: str) -> str:
    """Facilitator notes: the trainer cells of a module, in order, as one Markdown file."""
    parts = [c.source.replace("{{lang}}", lang) for c in cells
             if "trainer" in c.tags and c.lang in (None, lang) and c.kind == "markdown"]
    return (f"<!-- generated from course_src by course_src/build.py; edit the source -->\n# {title}\n\n"
            + "\n\n".join(parts) + "\n")


def _title(cells: list[Cell], lang: str, stem: str) -> str:
    for c in cells:
        if c.kind == "markdown" and c.lang in (None, lang) and "trainer" not in c.tags:
            first = c.source.strip().splitlines()[0] if c.source.strip() else ""
            if first.startswith("#"):
                return first.lstrip("#").strip()
    return stem


def outputs(root: Path = ROOT) -> dict[Path, str]:
    """Every generated file (path → text) from the sources under ``root/course_src``."""
    out: dict[Path, str] = {}
    for src in sorted((root / "course_src" / "modules").glob("*.py")):
        cells = read_source(src)
        for lang in LANGS:
            out[root / "notebooks" / lang / f"{src.stem}.ipynb"] = notebook(
                _cells_for(cells, lang, {"trainer", "solution"}), lang, src.stem)
            if any("trainer" in c.tags for c in cells):
                out[root / "trainer" / "notes" / lang / f"{src.stem}.md"] = notes(
                    cells, lang, _title(cells, lang, src.stem))
    for src in sorted((root / "course_src" / "workbooks").glob("*.py")):
        cells = read_source(src)
        for lang in LANGS:
            out[root / "exercises" / lang / f"{src.stem}.ipynb"] = notebook(
                _cells_for(cells, lang, {"trainer", "solution"}), lang, src.stem)
            out[root / "trainer" / "solutions" / lang / f"{src.stem}_solution.ipynb"] = notebook(
                _cells_for(cells, lang, {"learner"}), lang, f"{src.stem}_solution", collapse=False, deeper=True)
    return out


def stale(root: Path = ROOT) -> list[Path]:
    """Generated files missing or different from what the sources make now."""
    return [p for p, text in outputs(root).items()
            if not p.is_file() or p.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="list out-of-date generated files; exit 1 if any")
    args = parser.parse_args(argv)
    try:
        if args.check:
            bad = stale()
            for p in bad:
                print(f"out of date: {p.relative_to(ROOT)}", file=sys.stderr)
            return 1 if bad else 0
        for path, text in outputs().items():
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                print(f"wrote {path.relative_to(ROOT)}")
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
