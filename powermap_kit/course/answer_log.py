"""The answer log: every checked answer a learner gives, one JSON line each, for the trainer.

Quizzes and workbooks record to ``{learner}_answers.jsonl`` in the work folder (or a file
they are given). The file is append-only (:mod:`powermap_kit.jsonlines`): two open quizzes,
two kernels or two processes writing the same log never lose an answer, and a torn last
line from a killed kernel is skipped when reading. :func:`collect_answers` gathers a
folder of logs into one table.

>>> import tempfile, pathlib
>>> from powermap_kit.course import check_stage
>>> path = pathlib.Path(tempfile.mkdtemp()) / "ana_answers.jsonl"
>>> log = AnswerLog(path, learner="ana")
>>> log.record("stage_quiz", check_stage("stage-01", "difficulty", lang="en"))["correct"]
True
>>> len(AnswerLog(path).records)
1
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..jsonlines import append_record, read_records
from .result import Result

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["AnswerLog", "collect_answers"]

#: The columns :func:`collect_answers` puts first.
COLUMNS = ["file", "time", "learner", "exercise", "kind", "question", "answer", "expected", "status", "correct",
           "score"]


class AnswerLog:
    """Answers recorded to a JSON-lines file (one answer per line) that a trainer collects.

    Parameters
    ----------
    path : path-like
        The log file (created with its folder on the first answer).
    learner : str, optional
        The name written with every answer.
    """

    def __init__(self, path: str | os.PathLike, learner: str | None = None) -> None:
        self.path = Path(path)
        self.learner = learner

    @property
    def records(self) -> list[dict[str, Any]]:
        """Every readable record in the file as it is now, oldest first."""
        return read_records(self.path)

    def record(self, exercise: str, result: Result, **extra: Any) -> dict[str, Any]:
        """Append one answer (with time, learner and ``exercise`` name) as one line; return what was written."""
        data = {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "learner": self.learner,
                "exercise": exercise, **result.to_record(), **extra}
        append_record(self.path, data)
        return data


def collect_answers(source: str | os.PathLike | Iterable[str | os.PathLike]) -> pd.DataFrame:
    """All answers in a folder of ``*.jsonl`` files (or a list of files), one row per answer.

    The ``file`` column names where each answer came from.
    """
    import pandas as pd

    if isinstance(source, (str, os.PathLike)) and Path(source).is_dir():
        paths = sorted(Path(source).glob("*.jsonl"))
    elif isinstance(source, (str, os.PathLike)):
        paths = [Path(source)]
    else:
        paths = [Path(p) for p in source]
    frame = pd.DataFrame([{"file": p.name, **r} for p in paths for r in read_records(p)])
    for col in COLUMNS:
        if col not in frame.columns:
            frame[col] = None
    return frame[COLUMNS + [c for c in frame.columns if c not in COLUMNS]]
