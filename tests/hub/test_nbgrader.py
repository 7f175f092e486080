"""The nbgrader round trip on three assignments: sources from the course's generated workbooks
(deploy/nbgrader/), ``generate_assignment``, learners' submissions (one blank, one complete, one
partly done), ``autograde`` with the course's partial credit, and ``generate_feedback``.

Learners answer through widgets, so a submission is the released notebook plus the
``powermap-work/`` folder its widgets saved (answer log, maps). The complete learner's folder is
made by running the trainer solution, whose solution cells put the right answers in through
the same widgets; the partial learner is the complete one without the case map.

Runs nbgrader's own command line in a temporary course directory (a few minutes on a busy
2-core machine). Marker ``nbgrader``; skipped without nbgrader, except under CI.
"""

from __future__ import annotations

import json
import re
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "deploy" / "nbgrader"))
from make_source import HIDDEN_BEGIN, LEARNER, write_course  # noqa: E402

pytestmark = [pytest.mark.nbgrader, pytest.mark.timeout(900)]
NUMBERS = ["10", "11", "12"]


def _nbgrader(course: Path, *args: str) -> str:
    bin_dir = str(Path(sys.executable).parent)   # nbgrader runs alembic from the same venv
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
    done = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0 and "[ERROR]" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done.stdout + done.stderr


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text("utf-8"))["cells"]


def _text(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _solution(workbook_name: str) -> Path:
    return REPO / "trainer" / "solutions" / "en" / workbook_name.replace(".ipynb", "_solution.ipynb")


def _answer_with_the_solution(solution: Path, folder: Path) -> None:
    """What a learner who got everything right leaves in ``folder``: the trainer solution run there."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(solution, as_version=4)
    env = {"POWERMAP_WORK": str(folder / "powermap-work"), "POWERMAP_LEARNER": LEARNER}
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    try:
        import nbgrader  # noqa: F401
    except ImportError:
        (pytest.fail if os.environ.get("CI") else pytest.skip)("nbgrader is not installed (pip install .[test])")
    root = tmp_path_factory.mktemp("course")
    names = write_course(root, NUMBERS)
    assert names == [f"ex{n}" for n in NUMBERS]
    for name in names:
        _nbgrader(root, "generate_assignment", name, "--force")
    return root, names


def test_released_copies_hold_nothing_trainer_only(course):
    root, names = course
    for name in names:
        source = next((root / "source" / name).glob("*.ipynb"))
        released = (root / "release" / name / source.name).read_text("utf-8")
        assert HIDDEN_BEGIN not in released and "debrief(" not in released
        learner_cells = {_text(c).strip() for c in _cells(REPO / "exercises" / "en" / source.name)}
        for cell in _cells(_solution(source.name)):
            text = _text(cell).strip()
            # a solution cell (code or the trainer's note); a bare check call is what grading runs, not an answer
            if text not in learner_cells and not re.fullmatch(r"(course\.check_\w+|SubmitButton)\([\w., ]*\)", text):
                assert text not in released, f"{source.name}: a solution is released"
        assert any(c["metadata"].get("nbgrader", {}).get("grade") for c in _cells(source))


def test_round_trip_blank_complete_and_partial(course):
    root, names = course
    for student in ("blank", "complete", "partial"):
        _nbgrader(root, "db", "student", "add", student)
    for name in names:
        release = next((root / "release" / name).glob("*.ipynb"))
        for student in ("blank", "complete", "partial"):
            folder = root / "submitted" / student / name
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy(release, folder / release.name)
            if student != "blank":
                _answer_with_the_solution(_solution(release.name), folder)
            if student == "partial":        # everything but the maps: the exercises' points only
                for case_folder in (folder / "powermap-work").iterdir():
                    if case_folder.is_dir():
                        shutil.rmtree(case_folder)
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
        assert not [o for o in outputs if o["output_type"] == "error"]
        feedback = next((root / "feedback" / "complete" / name).glob("*.html")).read_text("utf-8")
        assert f"{top:g} / {top:g}" in feedback.replace(".0 ", " ") or f"Score: {top}" in feedback
    # ex10 and ex11 without the map: the two coach exercises (2 + 2 points), not the map (10)
    assert scores[("partial", "ex10")] == (4.0, 14.0), scores
    assert scores[("partial", "ex11")] == (2.0, 12.0), scores
    assert scores[("partial", "ex12")] == (0.0, 10.0), scores


def test_sources_grade_the_same_exercises_in_both_languages(tmp_path):
    """No nbgrader run: the English and Chinese sources have the same grade cells and points."""
    def grades(lang: str) -> dict[str, list[tuple[str, int]]]:
        names = write_course(tmp_path / lang, None, lang)
        out = {}
        for name in names:
            nb = next((tmp_path / lang / "source" / name).glob("*.ipynb"))
            out[name] = [(c["metadata"]["nbgrader"]["grade_id"].split("-")[-2], c["metadata"]["nbgrader"]["points"])
                         for c in _cells(nb) if c["metadata"]["nbgrader"].get("grade")]
        return out

    en, zh = grades("en"), grades("zh")
    assert set(NUMBERS) <= {n[2:] for n in en} and en == zh
    assert [points for _, points in en["ex10"]] == [10, 2, 2]      # the map (points:10 tag), two exercises
