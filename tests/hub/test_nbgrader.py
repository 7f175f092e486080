"""The nbgrader round trip on three assignments: sources from the course (deploy/nbgrader/),
``generate_assignment``, learners' submissions (one blank, one complete, one partly right),
``autograde`` with the course's partial credit, and ``generate_feedback``.

Runs nbgrader's own command line in a temporary course directory (about a minute: seven
notebook executions; 2-4 minutes on a busy 2-core machine). Marker ``nbgrader``; skipped without nbgrader, except under CI.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "deploy" / "nbgrader"))
from make_source import BEGIN, END, write_course  # noqa: E402

pytestmark = [pytest.mark.nbgrader, pytest.mark.timeout(600)]
NUMBERS = ["01", "03", "07"]
# ex03, partly right: three of the six statements (3 of 6 points), the hospital's stage right (2 of 2).
PARTIAL = {"ans_statements": 'stages = {"stage-02": "difficulty", "stage-04": "exploring", '
                             '"stage-08": "project_approval", "stage-10": "decision", "stage-14": "exploring", '
                             '"stage-06": "decision"}\n',
           "ans_hospital_stage": 'stage = "evaluating"\n'}


def _nbgrader(course: Path, *args: str) -> str:
    bin_dir = str(Path(sys.executable).parent)   # nbgrader runs alembic from the same venv
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
    done = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env, capture_output=True,
                          text=True, timeout=400)
    assert done.returncode == 0 and "[ERROR]" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done.stdout + done.stderr


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text("utf-8"))["cells"]


def _text(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _submit(release: Path, target: Path, answer) -> None:
    """A learner's copy: each answer cell's text goes through ``answer(grade_id, source_text)``."""
    nb = json.loads(release.read_text("utf-8"))
    for cell in nb["cells"]:
        meta = cell["metadata"].get("nbgrader", {})
        if meta.get("solution"):
            cell["source"] = answer(meta["grade_id"], _text(cell))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(nb, ensure_ascii=False), "utf-8")


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    try:
        import nbgrader  # noqa: F401
    except ImportError:
        (pytest.fail if os.environ.get("CI") else pytest.skip)("nbgrader is not installed (pip install .[test])")
    root = tmp_path_factory.mktemp("course")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("POWERMAP_WORK", str(tmp_path_factory.mktemp("work")))   # builders save here, not in ~
        names = write_course(root, NUMBERS + ["10"])
        for name in names:
            _nbgrader(root, "generate_assignment", name, "--force")
        yield root, [n for n in names if n[2:] in NUMBERS]


def test_released_copies_hold_nothing_trainer_only(course):
    root, _ = course
    for source in sorted((root / "source").glob("*/*.ipynb")):
        released = (root / "release" / source.parent.name / source.name).read_text("utf-8")
        assert BEGIN not in released and "HIDDEN TESTS" not in released and "debrief()" not in released
        for cell in _cells(source):
            text = _text(cell)
            if BEGIN in text:
                answer = text.split(BEGIN)[1].split(END)[0].strip()
                assert answer and answer not in released, f"{source.name}: an answer is released"


def test_round_trip_blank_complete_and_partial(course):
    root, names = course
    for student in ("blank", "complete", "partial"):
        _nbgrader(root, "db", "student", "add", student)
    for name in names:
        release = next((root / "release" / name).glob("*.ipynb"))
        source = {c["metadata"]["nbgrader"]["grade_id"]: _text(c) for c in _cells(root / "source" / name / release.name)
                  if c["metadata"].get("nbgrader", {}).get("solution")}
        full = {gid: re.sub(rf"^({re.escape(BEGIN)}|{re.escape(END)})\n?", "", text, flags=re.M)
                for gid, text in source.items()}
        _submit(release, root / "submitted" / "blank" / name / release.name, lambda gid, text: text)
        _submit(release, root / "submitted" / "complete" / name / release.name, lambda gid, text: full[gid])
        if name == "ex03":
            _submit(release, root / "submitted" / "partial" / name / release.name,
                    lambda gid, text: text + "\n" + PARTIAL[gid])
        _nbgrader(root, "autograde", name, "--force")
        _nbgrader(root, "generate_feedback", name, "--force")

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        scores = {(s.student.id, s.assignment.name): (s.score, s.max_score) for name in names
                  for s in gb.assignment_submissions(name)}
    for name in names:
        top = scores[("complete", name)][1]
        assert top > 0 and scores[("complete", name)] == (top, top), scores
        assert scores[("blank", name)] == (0, top), scores
        # The blank copy ran top to bottom: every check gave guidance, none raised.
        graded = next((root / "autograded" / "blank" / name).glob("*.ipynb"))
        outputs = [o for c in _cells(graded) if c["cell_type"] == "code" for o in c.get("outputs", [])]
        assert not [o for o in outputs if o["output_type"] == "error" or o.get("name") == "stderr"]
        feedback = next((root / "feedback" / "complete" / name).glob("*.html")).read_text("utf-8")
        assert f"{top:g} / {top:g}" in feedback.replace(".0 ", " ") or f"Score: {top}" in feedback
    assert scores[("partial", "ex03")] == (5.0, 8.0), scores     # 3 of 6 statements + the hospital's stage
