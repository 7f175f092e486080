"""powermap-kit: customer power maps (客户权力架构图) for sales training.

The core (this package, without ``powermap_kit.widgets``) imports no Jupyter code, so a
coach can score a cohort over SSH and every rule is testable in plain pytest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# The message texts come from vocab (errors.use_texts): loaded with the package, as before.
from . import vocab

if TYPE_CHECKING:  # what each public name is; at run time they load on first use (__getattr__)
    from .analysis import Analysis, analyse
    from .cases import list_cases, load_case
    from .diff import compare
    from .examples import load_example
    from .errors import KeyFormatError, MapFormatError, PowerMapError, Problem, RelationshipNotFound, StakeholderNotFound
    from .errors import CasesNotFound, CatalogError, InvalidValue, UnknownName, WrongType
    from .fishbone import fishbone_positions
    from .grading import cohort_summary, grade_cohort
    from .grading.grade import grade
    from .hints import get_audience, set_audience
    from .intel import Suggestion, intelligence_gaps, questions_for, suggestions
    from .io import dumps, load_map, loads, save_map, validate_file
    from .merge import MergeConflict, MergeResult, merge_maps
    from .render import fishbone_svg, map_svg, plot_power_matrix, power_matrix_svg
    from .model import Account, Coverage, Opportunity, PowerMap, Relationship, Stakeholder
    from .vocab import codes, describe, get_language, label, set_language, text
    from .workspace import learner_name, work_folder, work_path

#: Where each public name lives. Importing the package loads none of these modules, so
#: ``powermap score`` does not pay for analysis, rendering and jinja2 before it starts.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "analysis": ("Analysis", "analyse"),
    "assessment": ("assessment_gains", "assessment_options", "assessment_questions", "check_assessment",
                   "gains_picture"),
    "cases": ("list_cases", "load_case"),
    "diff": ("compare",),
    "examples": ("load_example",),
    "errors": ("KeyFormatError", "MapFormatError", "PowerMapError", "Problem", "RelationshipNotFound",
               "StakeholderNotFound", "CasesNotFound", "CatalogError", "InvalidValue", "UnknownName", "WrongType"),
    "fishbone": ("fishbone_positions",),
    "grading": ("cohort_summary", "grade", "grade_cohort"),
    "hints": ("get_audience", "set_audience"),
    "intel": ("Suggestion", "intelligence_gaps", "questions_for", "suggestions"),
    "io": ("dumps", "load_map", "loads", "save_map", "validate_file"),
    "merge": ("MergeConflict", "MergeResult", "merge_maps"),
    "render": ("fishbone_svg", "map_svg", "plot_power_matrix", "power_matrix_svg"),
    "progress": ("room_progress",),
    "model": ("Account", "Coverage", "Opportunity", "PowerMap", "Relationship", "Stakeholder"),
    "vocab": ("codes", "describe", "get_language", "label", "set_language", "text"),
    "workspace": ("learner_name", "work_folder", "work_path"),
}
_ORIGIN = {name: module for module, names in _EXPORTS.items() for name in names}


def __getattr__(name: str) -> Any:
    """A public name (or a core submodule such as ``grading``), imported on first use (PEP 562)."""
    module = _ORIGIN.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value
    if not name.startswith("_") and name != "widgets":  # widgets (Jupyter) only when imported
        try:
            return importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__version__ = "0.1.0"

__all__ = [
    "Account",
    "Analysis",
    "CasesNotFound",
    "CatalogError",
    "Coverage",
    "InvalidValue",
    "KeyFormatError",
    "MapFormatError",
    "MergeConflict",
    "MergeResult",
    "Opportunity",
    "PowerMap",
    "PowerMapError",
    "Problem",
    "Relationship",
    "RelationshipNotFound",
    "Stakeholder",
    "StakeholderNotFound",
    "Suggestion",
    "UnknownName",
    "WrongType",
    "analyse",
    "assessment_gains",
    "assessment_options",
    "assessment_questions",
    "check_assessment",
    "codes",
    "cohort_summary",
    "compare",
    "describe",
    "dumps",
    "fishbone_positions",
    "fishbone_svg",
    "gains_picture",
    "get_audience",
    "get_language",
    "grade",
    "grade_cohort",
    "intelligence_gaps",
    "label",
    "learner_name",
    "list_cases",
    "load_case",
    "load_example",
    "load_map",
    "loads",
    "map_svg",
    "merge_maps",
    "plot_power_matrix",
    "power_matrix_svg",
    "questions_for",
    "room_progress",
    "save_map",
    "set_audience",
    "set_language",
    "suggestions",
    "text",
    "validate_file",
    "work_folder",
    "work_path",
]
