"""Jupyter widgets over the powermap-kit core: thin views and editors, no rules of their own.

Importing this package needs ipywidgets and ipycytoscape (``pip install powermap-kit[lab]``).
Every widget edits or shows a :class:`~powermap_kit.PowerMap` and asks the core to analyse
or grade it; all labels follow :func:`powermap_kit.set_language`.
"""

from .assessor import SupportAssessor
from .builder import MapBuilder
from .dashboard import CohortDashboard
from .exercise import Exercise, choose, choose_each, order, people, pick, text_fields
from .intel import IntelPanel
from .mapview import MapView
from .quizzes import DecisionModeQuiz, RoleQuiz, StageQuiz
from .review import ReviewView
from .scorecard import ScoreCard
from .submit import SubmitButton

__all__ = [
    "CohortDashboard",
    "DecisionModeQuiz",
    "Exercise",
    "IntelPanel",
    "MapBuilder",
    "MapView",
    "ReviewView",
    "RoleQuiz",
    "ScoreCard",
    "StageQuiz",
    "SubmitButton",
    "SupportAssessor",
    "choose",
    "choose_each",
    "order",
    "people",
    "pick",
    "text_fields",
]
