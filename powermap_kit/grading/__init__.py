"""Grading and coach review: score trainee maps against an answer key.

Pure core (no Jupyter imports): :func:`grade` one submission, :func:`grade_cohort` a
folder of them into a DataFrame, :func:`cohort_summary` for the common mistakes, and
CSV and Excel exports (HTML reports are drawn by :mod:`powermap_kit.render`). :func:`compare_to_key` says who is missing, extra or wrong
(the one comparison behind the criteria, the review widget and the twist checks), by the
rules of ``rules.py`` (:data:`DEFAULT_TOLERANCE`, :func:`field_credit`). Keys are checked by :func:`key_problems` (``powermap
validate`` runs it on every file) and loaded by :func:`load_key`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Imported here, not on first use: its module has the same name, and importing the module
# would otherwise leave ``grading.grade`` naming the module rather than the function.
from .grade import GradeResult, grade

if TYPE_CHECKING:  # at run time the other names load on first use (__getattr__)
    from .batch import grade_many, progress_bar, result_row, submission_files
    from .cohort import CohortSummary, cohort_frame, cohort_summary, export_cohort, grade_cohort
    from .compare import KeyComparison, compare_to_key
    from .feedback import Deduction
    from .key import CRITERIA, DEFAULT_WEIGHTS, EXPECT_KEYS, AnswerKey, Insight, key_problems, load_key
    from .rules import DEFAULT_TOLERANCE, field_credit, graded_fields, graded_weights, power_credit, power_within

#: Where each other public name lives: ``powermap score`` loads what it uses, not the
#: cohort exports (csv, the spreadsheet code) as well.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "batch": ("grade_many", "progress_bar", "result_row", "submission_files"),
    "cohort": ("CohortSummary", "cohort_frame", "cohort_summary", "export_cohort", "grade_cohort"),
    "compare": ("KeyComparison", "compare_to_key"),
    "feedback": ("Deduction",),
    "key": ("CRITERIA", "DEFAULT_WEIGHTS", "EXPECT_KEYS", "AnswerKey", "Insight", "key_problems", "load_key"),
    "rules": ("DEFAULT_TOLERANCE", "field_credit", "graded_fields", "graded_weights", "power_credit", "power_within"),
}
_ORIGIN = {name: module for module, names in _EXPORTS.items() for name in names}


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use (PEP 562)."""
    module = _ORIGIN.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


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
