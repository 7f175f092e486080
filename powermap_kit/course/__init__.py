"""Everything that checks a learner's answer, one module per topic, behind this flat API.

* :mod:`.result` — :class:`Result`, the one result of every check, quiz and workbook cell:
  a status (right, partly, wrong, unanswered; info for an assessment with no right answer),
  a score, lines, a hint, rendered in the current language as HTML or text, and a record
  for the answer log;
* :mod:`.answer_log` — :class:`AnswerLog` (append-only JSON lines) and :func:`collect_answers`;
* :mod:`.questions` — the quiz question banks and printable sheets;
* topics: :mod:`.building` (why maps, building steps, pitfalls), :mod:`.roles`,
  :mod:`.stages` (buying stages, decision modes), :mod:`.support`, :mod:`.intelligence`
  (the checklist, sources, the coach), :mod:`.strategy` (stances, trust, visits,
  executives, blockers, compliance), :mod:`.practice` (the practice case, whole maps
  graded), :mod:`.analysing` (reading an analysis), :mod:`.twist` (dynamic change),
  :mod:`.planning` (agendas, command lines);
* :mod:`.display` — pictures, widgets with a text fallback, case documents;
* :mod:`.html` — the jinja2 macros of results and of the exercise widgets' parts.

Pure (no Jupyter import). Wording is in ``data/text/course_*.json`` (both languages); course
data (practice maps, exercise items, agendas) in ``data/course.json``. A check never raises
on a learner's answer: an unanswered exercise gets status ``"unanswered"`` and guidance; a
code that is not allowed is named with the allowed ones.

Examples
--------
>>> from powermap_kit import course
>>> r = course.check_building_order(None, lang="en")
>>> r.status, "notebook 01" in r.hint
('unanswered', True)
>>> r = course.check_case_stage("it-solution", "decision", lang="en", audience="trainer")
>>> r.status, r.message
('wrong', 'Not quite: you chose Purchase decision; the answer is Evaluating products.')
"""

from __future__ import annotations

from ._base import display_name
from .result import MARKS, Result, STATUSES, inline
from .answer_log import AnswerLog, collect_answers
from .questions import (
    Question,
    decision_mode_questions,
    resolve_key,
    role_questions,
    stage_questions,
    statements,
    worksheet,
)
from .display import (
    Picture,
    WithFallback,
    debrief,
    debrief_questions,
    documents_table,
    map_picture,
    matrix_picture,
    show_document,
    with_fallback,
)
from .building import (
    PITFALLS,
    PITFALL_SITUATIONS,
    PROCESS_STEPS,
    building_process,
    check_building_order,
    check_pitfalls,
    check_who_to_reach,
    coverage_table,
    pitfall_situations,
    pitfalls_table,
)
from .roles import (
    check_framework_terms,
    check_role,
    check_role_answers,
    evidence_table,
    framework_table,
    role_table,
    roles_through,
)
from .stages import (
    check_case_decision_mode,
    check_case_stage,
    check_decision_mode,
    check_decision_mode_answers,
    check_stage,
    check_stage_answers,
    decision_modes_table,
    mode_weights_table,
    sales_cycle_table,
    show_stage_guide,
    stage_journey,
)
from .support import (
    SUPPORT_PROFILES,
    assess_support,
    check_support,
    check_support_levels,
    support_dimensions_table,
    support_levels_table,
    support_profiles,
)
from .intelligence import (
    COACH_TIPS,
    VERDICTS,
    check_coach_choice,
    check_coach_tips,
    check_gaps_answer,
    check_intelligence_gaps,
    check_sources,
    coach_guide,
    coach_tips,
    information_sources,
    intelligence_checklist,
    source_items,
)
from .strategy import (
    check_compliance,
    check_opponent_moves,
    check_relationship_order,
    check_trust,
    compliance_items,
    executive_gaps,
    executive_steps,
    needs_and_motives,
    opponent_moves,
    relationship_steps,
    stance_strategies,
    trust_items,
    trust_table,
    visit_preparation,
)
from .practice import (
    PRACTICE_TODAY,
    check_case_map,
    check_practice_map,
    colleague_map,
    practice_blank,
    practice_key,
    practice_scenario,
    saved_map,
)
from .analysing import (
    action_summary,
    analysis_table,
    check_hidden_power,
    check_priorities,
    check_quadrant,
    quadrant_table,
)
from .twist import check_twist_update, same_value
from .visit import check_visit_plan
from .planning import CommandResult, agenda, module_times, run_command

__all__ = [
    "AnswerLog",
    "COACH_TIPS",
    "CommandResult",
    "MARKS",
    "PITFALLS",
    "PITFALL_SITUATIONS",
    "PRACTICE_TODAY",
    "PROCESS_STEPS",
    "Picture",
    "Question",
    "Result",
    "STATUSES",
    "SUPPORT_PROFILES",
    "VERDICTS",
    "WithFallback",
    "action_summary",
    "agenda",
    "analysis_table",
    "assess_support",
    "building_process",
    "check_building_order",
    "check_case_decision_mode",
    "check_case_map",
    "check_case_stage",
    "check_coach_choice",
    "check_coach_tips",
    "check_compliance",
    "check_decision_mode",
    "check_decision_mode_answers",
    "check_framework_terms",
    "check_gaps_answer",
    "check_hidden_power",
    "check_intelligence_gaps",
    "check_opponent_moves",
    "check_pitfalls",
    "check_practice_map",
    "check_priorities",
    "check_quadrant",
    "check_relationship_order",
    "check_role",
    "check_role_answers",
    "check_sources",
    "check_stage",
    "check_stage_answers",
    "check_support",
    "check_support_levels",
    "check_trust",
    "check_twist_update",
    "check_visit_plan",
    "check_who_to_reach",
    "coach_guide",
    "coach_tips",
    "colleague_map",
    "collect_answers",
    "compliance_items",
    "coverage_table",
    "debrief",
    "debrief_questions",
    "decision_mode_questions",
    "decision_modes_table",
    "display_name",
    "documents_table",
    "evidence_table",
    "executive_gaps",
    "executive_steps",
    "framework_table",
    "information_sources",
    "inline",
    "intelligence_checklist",
    "map_picture",
    "matrix_picture",
    "mode_weights_table",
    "module_times",
    "needs_and_motives",
    "opponent_moves",
    "pitfall_situations",
    "pitfalls_table",
    "practice_blank",
    "practice_key",
    "practice_scenario",
    "quadrant_table",
    "relationship_steps",
    "resolve_key",
    "role_questions",
    "role_table",
    "roles_through",
    "run_command",
    "sales_cycle_table",
    "same_value",
    "saved_map",
    "show_document",
    "show_stage_guide",
    "source_items",
    "stage_journey",
    "stage_questions",
    "stance_strategies",
    "statements",
    "support_dimensions_table",
    "support_levels_table",
    "support_profiles",
    "trust_items",
    "trust_table",
    "visit_preparation",
    "with_fallback",
    "worksheet",
]
