"""The room's progress across the whole course: who has done which modules, how well, who is stuck.

Built on what learners already leave behind: their answer logs (every checked answer, see
:class:`~powermap_kit.course.AnswerLog`) and their case maps (draft or submitted, see
:mod:`powermap_kit.submit`). Point it at a folder of answer logs — the work folder of a
laptop workshop, or what ``powermap collect`` fetched from the workshop hub — and, for the
cases, at each case's folder.

- :func:`room_progress` gives a :class:`Progress`: per learner and module, the exercises
  done and the mean score of their latest answers; the exercises a learner is stuck on
  (three or more tries, still not right); and each case's status per learner.
- It shows as an HTML table in a notebook (every learner text escaped) and as CSV with
  ``powermap progress``.

Core code: no Jupyter import.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import vocab
from .submit import SUBMITTED_DIR, work_status

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Progress", "answers_frame", "module_of", "room_progress"]

#: Exercises recorded under a widget's own name, and the module that asks them.
QUIZ_MODULES = {"role_quiz": "02", "stage_quiz": "03", "decision_mode_quiz": "04", "support_assessor": "05"}
#: Tries after which a learner still not right counts as stuck.
STUCK_AFTER = 3
_MODULE = re.compile(r"^(\d\d[a-z]?)[._]")


def module_of(exercise: str) -> str:
    """The module an exercise belongs to: ``"03.case_stage"`` → ``"03"``,
    ``"assessment.pre.roles"`` → ``"pre"``, ``"stage_quiz"`` → ``"03"``; else ``"other"``.

    >>> module_of("09.visit_plan"), module_of("assessment.post.modes"), module_of("role_quiz")
    ('09', 'post', '02')
    """
    exercise = str(exercise or "")
    if exercise.startswith("assessment."):
        return exercise.split(".")[1]
    match = _MODULE.match(exercise)
    if match:
        return match.group(1)
    return QUIZ_MODULES.get(exercise, "other")


def _t(key: str, lang: str | None = None, **params: Any) -> str:
    return vocab.text(f"progress.{key}", lang=lang, **params)


@dataclass
class Progress:
    """A room's progress (see the module docstring).

    Attributes
    ----------
    modules : DataFrame
        One row per learner and module: ``done`` (exercises answered), ``right``
        (exercises whose latest answer is right), ``score`` (mean of the latest scores).
    stuck : DataFrame
        Learner, module, exercise, tries and latest status of every exercise tried
        :data:`STUCK_AFTER` times or more and still not right.
    cases : DataFrame
        Learner, case and status (submitted, drafting, not started).
    """

    modules: pd.DataFrame
    stuck: pd.DataFrame
    cases: pd.DataFrame

    @property
    def learners(self) -> list[str]:
        names = {str(n) for n in self.modules["learner"]} | {str(n) for n in self.cases["learner"]}
        return sorted(names)

    def table(self, lang: str | None = None) -> pd.DataFrame:
        """Learners × modules ("done · score %"), then one column per case with its status."""
        import pandas as pd

        cells: dict[str, dict[str, str]] = {learner: {} for learner in self.learners}
        for learner, module, done, score in zip(self.modules["learner"], self.modules["module"],
                                                self.modules["done"], self.modules["score"]):
            cells[str(learner)][str(module)] = f"{done} · {score:.0%}"
        for learner, case, status in zip(self.cases["learner"], self.cases["case"], self.cases["status"]):
            cells[str(learner)][str(case)] = vocab.text(f"submit.status.{status}", lang=lang)
        order = sorted(set(self.modules["module"]), key=_module_key) + sorted(set(self.cases["case"]))
        frame = pd.DataFrame.from_dict(cells, orient="index").reindex(columns=order).fillna("")
        frame.index.name = _t("learner", lang)
        return frame

    def _repr_html_(self) -> str:
        from .render.templates import render

        lang = vocab.get_language()
        table = self.table(lang)
        scores = {(str(a), str(b)): float(c) for a, b, c in zip(self.modules["learner"], self.modules["module"],
                                                                 self.modules["score"])}
        rows = [(learner, [(table.at[learner, col], _shade(scores.get((learner, col)))) for col in table.columns])
                for learner in table.index]
        stuck = [(r.learner, r.module, r.exercise, r.tries) for r in self.stuck.itertuples(index=False)]
        return render("progress.html.j2", lang=lang, title=_t("title", lang), columns=list(table.columns),
                      rows=rows, stuck=stuck, labels={k: _t(k, lang) for k in
                                                      ("learner", "stuck", "none_stuck", "module", "exercise",
                                                       "tries", "legend")})


def _module_key(module: str) -> tuple[int, str]:
    order = {"pre": (-1, ""), "post": (99, ""), "other": (100, "")}
    return order.get(module, (int(module[:2]) if module[:2].isdigit() else 98, module))


def _shade(score: float | None) -> str:
    if score is None:
        return ""
    return "#c8e6c9" if score >= 0.8 else "#fff9c4" if score >= 0.5 else "#ffcdd2"


def answers_frame(source: Any) -> pd.DataFrame:
    """Answer logs as a clean table: rows with a known status and an exercise; learner, exercise,
    kind and time as text (the learner from the file name when missing), score a number 0–1.

    Logs are learner-written files: anything else in them is left out, never trusted.
    """
    import pandas as pd

    from .course import STATUSES, collect_answers

    columns = ["learner", "exercise", "kind", "status", "score", "time", "file", "form", "competency"]
    if source is None:
        return pd.DataFrame(columns=columns)
    frame = source if isinstance(source, pd.DataFrame) else collect_answers(source)
    for col in columns:
        if col not in frame.columns:
            frame[col] = None
    if frame.empty:
        return frame[columns]
    frame = frame[frame["status"].isin(STATUSES) & frame["exercise"].map(lambda x: isinstance(x, str) and x != "")]
    frame = frame.copy()
    stem = frame["file"].astype(str).str.replace(r"_answers\.jsonl$", "", regex=True)
    frame["learner"] = [str(a) if isinstance(a, (str, int)) and str(a) else b for a, b in zip(frame["learner"], stem)]
    frame["score"] = pd.to_numeric(frame["score"], errors="coerce").fillna(0.0).clip(0, 1)
    for col in ("time", "kind", "form", "competency"):
        frame[col] = frame[col].map(lambda x: x if isinstance(x, str) else "")
    return frame[columns]


def room_progress(answers: str | os.PathLike | Iterable[str | os.PathLike] | pd.DataFrame | None,
                  cases: Mapping[str, str | os.PathLike] | None = None) -> Progress:
    """The room's progress from a folder of answer logs and, optionally, case folders.

    Parameters
    ----------
    answers : folder, files or DataFrame
        Answer logs (``*_answers.jsonl``), or what :func:`~powermap_kit.course.collect_answers` gives.
    cases : mapping of str to folder, optional
        Case slug → the folder of learners' maps for it: a work folder's case folder
        (``<learner>.json`` and ``submitted/``) or what ``powermap collect`` wrote
        (``collection.csv`` gives each learner's status there).
    """
    import pandas as pd

    frame = answers_frame(answers)
    module_rows: list[dict[str, Any]] = []
    stuck_rows: list[dict[str, Any]] = []
    if not frame.empty:
        frame["module"] = frame["exercise"].map(module_of)
        frame = frame.sort_values("time", kind="stable")
        for (learner, module), part in frame.groupby(["learner", "module"], sort=False):
            latest = part.groupby("exercise").last()
            answered = latest[latest["status"] != "unanswered"]
            module_rows.append({"learner": learner, "module": module, "done": len(answered),
                                "right": int((answered["status"].isin(["right", "info"])).sum()),
                                "score": float(answered["score"].mean()) if len(answered) else 0.0})
            tries = part.groupby("exercise").size()
            for exercise, count in tries.items():
                last = latest.at[exercise, "status"]
                if count >= STUCK_AFTER and last in ("wrong", "partly", "unanswered"):
                    stuck_rows.append({"learner": learner, "module": module, "exercise": exercise,
                                       "tries": int(count), "status": last})
    case_rows = [row for slug, folder in (cases or {}).items() for row in _case_rows(slug, Path(folder))]
    return Progress(pd.DataFrame(module_rows, columns=["learner", "module", "done", "right", "score"]),
                    pd.DataFrame(stuck_rows, columns=["learner", "module", "exercise", "tries", "status"]),
                    pd.DataFrame(case_rows, columns=["learner", "case", "status"]))


def _case_rows(case: str, folder: Path) -> list[dict[str, str]]:
    listing = folder / "collection.csv"
    if listing.is_file():
        with listing.open(encoding="utf-8-sig", newline="") as f:
            return [{"learner": r["learner"], "case": case, "status": r["status"]} for r in csv.DictReader(f)
                    if r.get("learner")]
    if not folder.is_dir():
        return []
    drafts = {p.stem for p in folder.glob("*.json")} | {p.stem for p in (folder / SUBMITTED_DIR).glob("*.json")}
    return [{"learner": name, "case": case, "status": work_status(folder / f"{name}.json").status}
            for name in sorted(drafts)]
