"""Grading and coach review: score trainee maps against an answer key.

Pure core (no Jupyter imports): :func:`grade` one submission, :func:`grade_cohort` a
folder of them into a DataFrame, :func:`cohort_summary` for the common mistakes, and
CSV and Excel exports (HTML reports are drawn by :mod:`powermap_kit.render`). :func:`compare_to_key` says who is missing, extra or wrong
(the one comparison behind the criteria, the review widget and the twist checks), by the
rules of ``rules.py`` (:data:`DEFAULT_TOLERANCE`, :func:`field_credit`). Keys are checked by :func:`key_problems` (``powermap
validate`` runs it on every file) and loaded by :func:`load_key`.
"""

from __future__ import annotations

from .compare import KeyComparison, compare_to_key
from .batch import grade_many, progress_bar, result_row, submission_files
from .cohort import CohortSummary, cohort_frame, cohort_summary, export_cohort, grade_cohort
from .feedback import Deduction
from .grade import GradeResult, grade
from .key import CRITERIA, DEFAULT_WEIGHTS, EXPECT_KEYS, AnswerKey, Insight, key_problems, load_key
from .rules import DEFAULT_TOLERANCE, field_credit, graded_fields, graded_weights, power_credit, power_within

__all__ = [
    "AnswerKey",
    "CRITERIA",
    "CohortSummary",
    "DEFAULT_TOLERANCE",
    "DEFAULT_WEIGHTS",
    "Deduction",
    "EXPECT_KEYS",
    "GradeResult",
    "Insight",
    "KeyComparison",
    "cohort_frame",
    "cohort_summary",
    "compare_to_key",
    "export_cohort",
    "field_credit",
    "grade",
    "grade_cohort",
    "grade_many",
    "graded_fields",
    "graded_weights",
    "key_problems",
    "load_key",
    "power_credit",
    "power_within",
    "progress_bar",
    "result_row",
    "submission_files",
]
