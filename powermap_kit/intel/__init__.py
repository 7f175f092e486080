"""The intelligence system around a deal (seed 003 unit 1: 情报系统), as plain functions.

* :mod:`.checklist` — :func:`intelligence_gaps`: what is missing per deal and per person,
  the channel best suited to fill each gap, and the completeness with its rule;
* :mod:`.questions` — :func:`questions_for`: interview and questionnaire questions (seed
  001's methods) that fill a person's gaps, from ``data/questions.json``; :class:`IntelLog`
  keeps what a learner ticked as learned;
* :mod:`.suggest` — transparent suggestions (seed 002's intelligent features): roles from
  titles (``data/title_rules.json``), the likely decision maker, stance hints. Each carries
  its reason and changes the map only through :meth:`Suggestion.apply`;

The notebook exercise's self-check is :func:`powermap_kit.course.check_gaps_answer`.

The fishbone view of the decision chain is :mod:`powermap_kit.fishbone`; the widget is
:class:`powermap_kit.widgets.intel.IntelPanel`.

>>> from powermap_kit import intel
>>> from powermap_kit.cases import load_case
>>> pm = load_case("it-solution").submission("typical")
>>> report = intel.intelligence_gaps(pm)
>>> 0 < report.completeness < 100
True
>>> all(s.why() for s in intel.suggestions(pm))
True
"""

from __future__ import annotations

from ._data import ASKS, CHANNELS, METHODS, SECTIONS
from .checklist import CheckResult, Gap, IntelReport, channels_frame, completeness, intelligence_gaps
from .questions import DEAL, IntelLog, Question, map_key, methods_frame, question_bank, questions_for
from .suggest import (
    KINDS,
    Suggestion,
    decision_maker_candidates,
    stance_hints,
    suggest_decision_maker,
    suggest_roles,
    suggest_roles_for_import,
    suggestions,
)
from .titles import TitleMatch, title_matches

__all__ = [
    "ASKS",
    "CHANNELS",
    "DEAL",
    "KINDS",
    "METHODS",
    "SECTIONS",
    "CheckResult",
    "Gap",
    "IntelLog",
    "IntelReport",
    "Question",
    "Suggestion",
    "TitleMatch",
    "channels_frame",
    "completeness",
    "decision_maker_candidates",
    "intelligence_gaps",
    "map_key",
    "methods_frame",
    "question_bank",
    "questions_for",
    "stance_hints",
    "suggest_decision_maker",
    "suggest_roles",
    "suggest_roles_for_import",
    "suggestions",
    "title_matches",
]
