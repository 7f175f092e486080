"""Grading and coach review: score trainee maps against an answer key.

Pure core (no Jupyter imports): :func:`grade` one submission, :func:`grade_cohort` a
folder of them into a DataFrame, :func:`cohort_summary` for the common mistakes, and
CSV and Excel exports (HTML reports are drawn by :mod:`powermap_kit.render`). Keys are checked by :func:`key_problems` (``powermap
validate`` runs it on every file) and loaded by :func:`load_key`.
"""

from __future__ import annotations

from .cohort import CohortSummary, cohort_summary, export_cohort, grade_cohort, submission_files
from .feedback import Feedback
from .grade import GradeResult, grade
from .key import CRITERIA, DEFAULT_WEIGHTS, EXPECT_KEYS, AnswerKey, Insight, key_problems, load_key

__all__ = [
    "AnswerKey",
    "CRITERIA",
    "CohortSummary",
    "DEFAULT_WEIGHTS",
    "EXPECT_KEYS",
    "Feedback",
    "GradeResult",
    "Insight",
    "cohort_summary",
    "export_cohort",
    "grade",
    "grade_cohort",
    "key_problems",
    "load_key",
    "submission_files",
]
