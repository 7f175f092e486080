"""The analysis engine: the judgements the course teaches, as plain functions over a map.

One concept per module (course-content §3–§8):

* :mod:`.support` — support score from the five dimensions, four levels, consistency (003)
* :mod:`.matrix` — the power matrix (power × influence, 000 §4) and the support matrix
  (power × stance, our second view), with the approach for each quadrant
* :mod:`.chain` — decision-chain coverage, support index, red/amber/green status (003)
* :mod:`.risks` — risk rules with stable codes, severity, message, action, teaching text
* :mod:`.paths` — introduction routes to uncovered key people (000, 004)
* :mod:`.conflicts` — interest conflicts (000)
* :mod:`.vendors` — who a preferred vendor is (us or a competitor), for risks and conflicts
* :mod:`.hidden` — hidden power from the relationship network (002's education case)
* :mod:`.actions` — per-person action plan (002, 003)
* :mod:`.result` — :func:`analyse` gathers them into one :class:`Analysis`

Thresholds and weights are data (``data/analysis.json``); pass ``config={...}`` to
override. A missing value is unknown and reported as a gap, never guessed.
"""

from __future__ import annotations

from .actions import action_plan, current_step, next_step, trust_focus
from .chain import IndexResult, decision_chain, deal_status, support_index
from .settings import config, default_config
from .conflicts import CONFLICT_KINDS, Conflict, interest_conflicts
from .context import Context, build_context, key_roles_for
from .findings import SEVERITIES, Msg, Risk
from .hidden import hidden_power, network_influence, pagerank
from .matrix import (
    QUADRANTS, SUPPORT_QUADRANTS, influence_of, power_matrix, quadrant, quadrant_approach, quadrant_name, support_matrix,
    support_quadrant,
)
from .paths import Route, introduction_graph, introduction_routes
from .result import Analysis, analyse
from .risks import RISK_CODES, risks
from .support import consistency_findings, effective_stance, support_level, support_score, support_scores

__all__ = [
    "CONFLICT_KINDS",
    "QUADRANTS",
    "RISK_CODES",
    "SEVERITIES",
    "SUPPORT_QUADRANTS",
    "Analysis",
    "Conflict",
    "Context",
    "IndexResult",
    "Msg",
    "Risk",
    "Route",
    "action_plan",
    "analyse",
    "build_context",
    "config",
    "consistency_findings",
    "current_step",
    "deal_status",
    "decision_chain",
    "default_config",
    "effective_stance",
    "hidden_power",
    "influence_of",
    "interest_conflicts",
    "introduction_graph",
    "introduction_routes",
    "key_roles_for",
    "network_influence",
    "next_step",
    "pagerank",
    "power_matrix",
    "quadrant",
    "quadrant_approach",
    "quadrant_name",
    "risks",
    "support_index",
    "support_level",
    "support_matrix",
    "support_quadrant",
    "support_score",
    "support_scores",
    "trust_focus",
]
