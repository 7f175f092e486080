"""What the course notebooks show and check: guides, tables, pictures and self-check functions.

The notebooks (``notebooks/01_*`` to ``06_*``) and their exercise workbooks call this module
and hold no logic of their own. The parts live in :mod:`powermap_kit.lessons`, one module per
topic (feedback, display, why, roles, decisions, support, intelligence); this module is
their flat public API. Everything here is pure (no Jupyter import): tables are
pandas Stylers, pictures are SVG wrapped in a small display object, and every ``check_*``
function returns a :class:`Feedback` that renders as Markdown in a notebook and prints as
plain text elsewhere. All wording comes from ``data/text/course.json`` (both languages).

Checks never raise on a learner's answer: an unanswered exercise (``None``, an empty list
or a dict of ``None``) gets guidance on what to fill in and where to look; a code that is
not allowed is named with the allowed ones.

Examples
--------
>>> from powermap_kit import course
>>> fb = course.check_building_order(None, lang="en")
>>> fb.correct is None and "notebook 01" in fb.hint
True
>>> course.check_building_order(list(course.PROCESS_STEPS), lang="en").message
'All 7 right.'
>>> fb = course.check_case_stage("it-solution", "decision", lang="en")
>>> fb.correct, fb.message
(False, 'Not quite: you chose Purchase decision; the answer is Evaluating products.')
"""

from __future__ import annotations

from .lessons.decisions import (
    check_case_decision_mode, check_case_stage, check_decision_mode_answers, check_stage_answers,
    decision_modes_table, mode_weights_table, sales_cycle_table, show_stage_guide, stage_journey,
)
from .lessons.display import (
    Picture, WithFallback, map_picture, matrix_picture, show_document, statements, with_fallback, worksheet,
)
from .lessons.feedback import (
    Feedback,
)
from .lessons.intelligence import (
    COACH_TIPS, VERDICTS, check_coach_choice,
    check_coach_tips, check_intelligence_gaps, coach_guide, coach_tips,
    intelligence_checklist,
)
from .lessons.roles import (
    check_framework_terms, check_role_answers, evidence_table, framework_table, role_table, roles_through,
)
from .lessons.support import (
    SUPPORT_PROFILES, check_support, check_support_levels, support_dimensions_table, support_levels_table,
    support_profiles,
)
from .lessons.why import (
    PITFALLS, PITFALL_SITUATIONS, PROCESS_STEPS, building_process, check_building_order, check_pitfalls,
    check_who_to_reach, coverage_table, pitfall_situations, pitfalls_table,
)

__all__ = [
    "COACH_TIPS",
    "Feedback",
    "PITFALLS",
    "PITFALL_SITUATIONS",
    "PROCESS_STEPS",
    "Picture",
    "SUPPORT_PROFILES",
    "VERDICTS",
    "WithFallback",
    "building_process",
    "check_building_order",
    "check_case_decision_mode",
    "check_case_stage",
    "check_coach_choice",
    "check_coach_tips",
    "check_decision_mode_answers",
    "check_framework_terms",
    "check_intelligence_gaps",
    "check_pitfalls",
    "check_role_answers",
    "check_stage_answers",
    "check_support",
    "check_support_levels",
    "check_who_to_reach",
    "coach_guide",
    "coach_tips",
    "coverage_table",
    "decision_modes_table",
    "evidence_table",
    "framework_table",
    "intelligence_checklist",
    "map_picture",
    "matrix_picture",
    "mode_weights_table",
    "pitfall_situations",
    "pitfalls_table",
    "role_table",
    "roles_through",
    "sales_cycle_table",
    "show_document",
    "show_stage_guide",
    "stage_journey",
    "statements",
    "support_dimensions_table",
    "support_levels_table",
    "support_profiles",
    "with_fallback",
    "worksheet",
]
