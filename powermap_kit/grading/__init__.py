"""Grading and coach review: score trainee maps against an answer key.

Pure core (no Jupyter imports): :func:`grade` one submission, :func:`grade_cohort` a
folder of them into a DataFrame, :func:`cohort_summary` for the common mistakes, and
HTML, CSV and Excel reports. Keys are checked by :func:`key_problems` (``powermap
validate`` runs it on every file) and loaded by :func:`load_key`.
"""

from __future__ import annotations

from .cohort import CohortSummary, cohort_summary, export_cohort, grade_cohort, submission_files
from .feedback import Deduction
from .grade import GradeResult, grade
from .key import CRITERIA, DEFAULT_WEIGHTS, EXPECT_KEYS, AnswerKey, Insight, key_problems, load_key
from .report import cohort_report, submission_report, write_report, write_reports

__all__ = [
    "AnswerKey",
    "CRITERIA",
    "CohortSummary",
    "DEFAULT_WEIGHTS",
    "EXPECT_KEYS",
    "Deduction",
    "GradeResult",
    "Insight",
    "cohort_report",
    "cohort_summary",
    "export_cohort",
    "grade",
    "grade_cohort",
    "key_problems",
    "load_key",
    "submission_files",
    "submission_report",
    "write_report",
    "write_reports",
]
