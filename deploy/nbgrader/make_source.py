"""Build nbgrader assignment sources from the course's generated workbooks.

``python deploy/nbgrader/make_source.py COURSE_DIR [--lang zh] [10 11 ...]`` writes
``COURSE_DIR/source/exNN/NN_..._exercises.ipynb`` for each workbook of ``exercises/<lang>/``
that has a trainer solution in ``trainer/solutions/<lang>/`` (all by default) and an
``nbgrader_config.py``; then, in COURSE_DIR, ``nbgrader generate_assignment exNN`` releases it,
``nbgrader autograde exNN`` grades submissions and ``nbgrader generate_feedback exNN`` writes
the feedback (README.md here).

Learners answer every exercise through widgets, not code, so a learner's work is the notebook
*and* what the widgets saved: the answer log and the maps. Each source therefore:

- starts with a locked cell that points the course's work folder at ``powermap-work/`` inside
  the assignment folder (learner name ``assignment``), so everything the widgets save is part
  of the submission, and autograde finds it when it runs the notebook again: each exercise
  puts the learner's last answer back and re-checks it, each builder reopens the learner's map;
- copies the learner's workbook cell for cell, each cell locked with a grade id made from the
  generated cell id (stable across builds);
- after every exercise (an ``Exercise(...)`` cell) and every check (a cell ending with a
  ``course.check_...(...)`` call) adds a grade cell whose hidden test is the points earned,
  ``round(points * score, 2)``: nbgrader reads a number as partial credit, so autograde gives
  the credit the course's own check gives. Points come from a ``points:N`` cell tag (2 by
  default);
- holds nothing trainer-only: the workbook has no solution cells and no debrief, and the hidden
  tests are removed on release. An unanswered copy runs top to bottom with guidance (0 points).
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LANGS = ("en", "zh")
HIDDEN_BEGIN, HIDDEN_END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
DEFAULT_POINTS = 2
LEARNER = "assignment"
CONFIG = '''c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "powermap"
c.ExecutePreprocessor.timeout = 120
'''
WORK_HERE = f'''import os

# Everything the exercises and builders save goes into this assignment's folder (and is submitted with it).
os.environ["POWERMAP_WORK"] = os.path.abspath("powermap-work")
os.environ["POWERMAP_LEARNER"] = "{LEARNER}"
'''


def assignment_name(workbook: Path) -> str:
    """``10_case_it_solution_exercises.ipynb`` → ``ex10``."""
    return "ex" + workbook.name[:2]


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _meta(grade_id: str, grade: bool = False, points: int = 0) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": True, "schema_version": 3, "solution": False,
            "task": False}
    if grade:
        meta["points"] = points
    return meta


def _points(cell: dict) -> int:
    for tag in cell.get("metadata", {}).get("tags", []):
        match = re.fullmatch(r"points:(\d+)", tag)
        if match:
            return int(match.group(1))
    return DEFAULT_POINTS


def _graded(text: str, n: int) -> tuple[str, str] | None:
    """``(cell text, score expression)`` when the cell's last statement is an exercise or a check, else None.

    A bare ``Exercise(...)`` or ``course.check_...(...)`` becomes ``_graded_N = ...; _graded_N`` so the
    grade cell can read it; an exercise already given a name keeps it.
    """
    try:
        body = ast.parse(text).body
    except SyntaxError:
        return None
    if not body:
        return None
    last = body[-1]
    value = last.value if isinstance(last, (ast.Expr, ast.Assign)) else None
    if not isinstance(value, ast.Call):
        if isinstance(last, ast.Expr) and isinstance(last.value, ast.Name) and len(body) > 1:
            return _graded_name(body[-2], last.value.id, text)
        return None
    func = ast.unparse(value.func)
    is_exercise = func in ("Exercise", "widgets.Exercise", "pk.widgets.Exercise")
    is_check = func.startswith("course.check_")
    if not (is_exercise or is_check):
        return None
    lines = text.rstrip("\n").split("\n")
    if isinstance(last, ast.Assign):
        name = ast.unparse(last.targets[0])
    else:
        name = f"_graded_{n}"
        start = last.lineno - 1
        lines[start] = f"{name} = " + lines[start]
        lines.append(name)
    return "\n".join(lines), _score(name, is_exercise)


def _graded_name(statement: ast.stmt, name: str, text: str) -> tuple[str, str] | None:
    """``name = Exercise(...)`` followed by ``name``: graded as it is."""
    if not (isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call)
            and ast.unparse(statement.targets[0]) == name):
        return None
    func = ast.unparse(statement.value.func)
    if func.endswith("Exercise") or func.startswith("course.check_"):
        return text.rstrip("\n"), _score(name, func.endswith("Exercise"))
    return None


def _score(name: str, is_exercise: bool) -> str:
    return f"({name}.result.score if {name}.result else 0)" if is_exercise else f"({name}.score or 0)"


def make_source(workbook: Path) -> dict:
    """The nbgrader source notebook for one learner workbook (see the module's docstring)."""
    nb = json.loads(workbook.read_text("utf-8"))
    out = copy.deepcopy(nb)
    cells = [{"cell_type": "code", "execution_count": None, "id": "work-here", "outputs": [], "source": WORK_HERE,
              "metadata": {"jupyter": {"source_hidden": True}, "nbgrader": _meta("work_here")}}]
    for n, cell in enumerate(nb["cells"]):
        cell = copy.deepcopy(cell)
        gid = re.sub(r"[^\w-]", "_", cell.get("id") or f"cell-{n:03d}")
        cell.setdefault("metadata", {})["nbgrader"] = _meta(gid)
        graded = _graded(_source(cell), n) if cell["cell_type"] == "code" else None
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
        if graded:
            cell["source"] = graded[0]
        cells.append(cell)
        if graded:
            points = _points(cell)
            test = f"{HIDDEN_BEGIN}\nround({points} * {graded[1]}, 2)\n{HIDDEN_END}"
            cells.append({"cell_type": "code", "execution_count": None, "id": f"{gid}-points", "outputs": [],
                          "source": test, "metadata": {"nbgrader": _meta(f"{gid}-points", True, points)}})
    out["cells"] = cells
    return out


def write_course(course: Path, numbers: list[str] | None = None, lang: str = "en") -> list[str]:
    """Write the sources (and nbgrader_config.py) into a course directory; return the assignment names."""
    names = []
    for workbook in sorted((REPO / "exercises" / lang).glob("[01][0-9]_*_exercises.ipynb")):
        if numbers and workbook.name[:2] not in numbers:
            continue
        solution = REPO / "trainer" / "solutions" / lang / workbook.name.replace(".ipynb", "_solution.ipynb")
        if not solution.is_file():
            continue
        name = assignment_name(workbook)
        target = course / "source" / name / workbook.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(make_source(workbook), ensure_ascii=False, indent=1) + "\n", "utf-8")
        names.append(name)
    config = course / "nbgrader_config.py"
    if not config.exists():
        config.write_text(CONFIG, "utf-8")
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("course", type=Path, help="the nbgrader course directory")
    parser.add_argument("numbers", nargs="*", help="workbook numbers (default: all)")
    parser.add_argument("--lang", choices=LANGS, default="en", help="the course language (default: en)")
    args = parser.parse_args(argv)
    print("\n".join(write_course(args.course, args.numbers or None, args.lang)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
