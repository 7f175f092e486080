"""powermap-kit: customer power maps (客户权力架构图) for sales training.

The core (this package, without ``powermap_kit.widgets``) imports no Jupyter code, so a
coach can score a cohort over SSH and every rule is testable in plain pytest.
"""

from __future__ import annotations

from .analysis import Analysis, analyse
from .cases import list_cases, load_case
from .diff import compare
from .errors import KeyFormatError, MapFormatError, PowerMapError, Problem, RelationshipNotFound, StakeholderNotFound
from .errors import CasesNotFound, CatalogError, InvalidValue, UnknownName, WrongType
from .fishbone import fishbone_positions
from .grading import cohort_summary, grade, grade_cohort
from .intel import Suggestion, intelligence_gaps, questions_for, suggestions
from .io import dumps, load_map, loads, save_map, validate_file
from .merge import MergeConflict, MergeResult, merge_maps
from .render import fishbone_svg, map_svg, plot_power_matrix, power_matrix_svg
from .model import Account, Coverage, Opportunity, PowerMap, Relationship, Stakeholder
from .vocab import codes, describe, get_language, label, set_language, text
from .workspace import learner_name, work_folder, work_path

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
    "codes",
    "cohort_summary",
    "compare",
    "describe",
    "dumps",
    "fishbone_positions",
    "fishbone_svg",
    "get_language",
    "grade",
    "grade_cohort",
    "intelligence_gaps",
    "label",
    "learner_name",
    "list_cases",
    "load_case",
    "load_map",
    "loads",
    "map_svg",
    "merge_maps",
    "plot_power_matrix",
    "power_matrix_svg",
    "questions_for",
    "save_map",
    "set_language",
    "suggestions",
    "text",
    "validate_file",
    "work_folder",
    "work_path",
]
