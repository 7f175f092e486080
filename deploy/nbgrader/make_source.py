"""Build nbgrader assignment sources from the course's workbooks and trainer solutions.

``python deploy/nbgrader/make_source.py COURSE_DIR [07 10 ...]`` writes
``COURSE_DIR/source/exNN/NN_..._exercises.ipynb`` for each workbook (all by default) and an
``nbgrader_config.py``; then, in COURSE_DIR, ``nbgrader generate_assignment exNN`` releases it,
``nbgrader autograde exNN`` grades submissions and ``nbgrader generate_feedback exNN`` writes
the feedback (README.md here).

Each source is the learner's workbook, cell for cell (same grade ids, header, builders), with
the trainer's answers put in from the solution notebook:

- an answer cell keeps the workbook's blank answer and adds the trainer's answer between
  nbgrader's solution markers, so the released copy (the marked part replaced by
  ``# YOUR ANSWER HERE``) still defines every name and runs top to bottom unanswered, each
  check giving guidance instead of an error;
- a check cell shows the course's feedback with ``display(result)`` and ends with a hidden
  test whose value is the points earned, ``round(points * result.score, 2)``: nbgrader reads a
  number as partial credit, so autograde gives the credit the course's check gives;
- trainer-only cells of the solution (the case debrief) are not copied: nothing trainer-only
  is released.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WORKBOOKS = REPO / "exercises"
SOLUTIONS = WORKBOOKS / "solutions"
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
CONFIG = '''c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "powermap"
# Released answer cells keep the workbook's blank answer; the marked part becomes this comment.
c.ClearSolutions.code_stub = {"python": "# YOUR ANSWER HERE"}
c.ExecutePreprocessor.timeout = 120
'''


def assignment_name(workbook: Path) -> str:
    """``07_building_a_map_exercises.ipynb`` → ``ex07``."""
    return "ex" + workbook.name[:2]


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _solution_region(text: str) -> str:
    match = re.search(rf"^{re.escape(BEGIN)}\n(.*?)^{re.escape(END)}", text, re.S | re.M)
    return match.group(1) if match else ""


def _answer(workbook_cell: dict, solution_cell: dict | None) -> str:
    blank = _source(workbook_cell).rstrip("\n")
    region = _solution_region(_source(solution_cell)) if solution_cell else ""
    return f"{blank}\n{BEGIN}\n{region.rstrip(chr(10))}\n{END}" if region.strip() else blank


def _check(cell: dict) -> str:
    """``...; result`` → ``...; display(result)`` + a hidden test giving partial credit."""
    lines = _source(cell).rstrip("\n").split("\n")
    shown = lines[-1].strip()
    if not shown.isidentifier():
        raise ValueError(f"check cell {cell['metadata']['nbgrader']['grade_id']} does not end with a result name")
    points = cell["metadata"]["nbgrader"]["points"]
    return "\n".join(lines[:-1] + [f"display({shown})", "### BEGIN HIDDEN TESTS",
                                   f"round({points} * ({shown}.score or 0), 2)", "### END HIDDEN TESTS"])


def make_source(workbook: Path, solution: Path) -> dict:
    """The nbgrader source notebook for one workbook and its trainer solution."""
    wb = json.loads(workbook.read_text("utf-8"))
    answers = {c["metadata"]["nbgrader"]["grade_id"]: c for c in json.loads(solution.read_text("utf-8"))["cells"]
               if c.get("metadata", {}).get("nbgrader", {}).get("solution")}
    out = copy.deepcopy(wb)
    for cell in out["cells"]:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("solution"):
            cell["source"] = _answer(cell, answers.get(meta["grade_id"]))
        elif meta.get("grade"):
            cell["source"] = _check(cell)
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
    return out


def write_course(course: Path, numbers: list[str] | None = None) -> list[str]:
    """Write the sources (and nbgrader_config.py) into a course directory; return the assignment names."""
    names = []
    for workbook in sorted(WORKBOOKS.glob("[01][0-9]_*_exercises.ipynb")):
        if numbers and workbook.name[:2] not in numbers:
            continue
        solution = SOLUTIONS / workbook.name.replace(".ipynb", "_solution.ipynb")
        if not solution.is_file():
            continue
        name = assignment_name(workbook)
        target = course / "source" / name / workbook.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(make_source(workbook, solution), ensure_ascii=False, indent=1) + "\n", "utf-8")
        names.append(name)
    config = course / "nbgrader_config.py"
    if not config.exists():
        config.write_text(CONFIG, "utf-8")
    return names


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    print("\n".join(write_course(Path(sys.argv[1]), sys.argv[2:] or None)))
