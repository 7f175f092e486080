"""The grading criteria, one function each, over a matched submission.

Each returns a :class:`Score`: the criterion's weight (0 when the key gives nothing to
grade on it), the points earned in the same units, and a :class:`Deduction` for every
loss. The rules:

people
    Each key person counts the same; found means matched (by id, name, alias or title).
    With ``grading.extra_people`` set, each submitted person the key lacks costs that much.
roles
    Per key person with roles: the overlap of the role sets (shared / all named), so one
    right role of two earns half.
power
    Per key person with a power: full credit within the tolerance (default 1), half one
    step beyond, none further or when left unknown.
stance
    Per key person with a stance: full credit when equal; half when both are on our side
    (support and champion); a key stance of ``unknown`` expects ``unknown``.
coach
    Graded when the key marks coaches at all: the key's coaches share three quarters of
    the weight, everyone else one quarter (lost by flagging them).
relationships
    Per key line, typed and mapped through the matching; reports_to and influences must
    point the right way, ally and conflict may point either way. Extra lines cost nothing.
stage
    Full credit for the key's stage, half for a neighbouring one.
decision_mode
    Full credit for the key's mode only.
insights
    Each insight's points when all of its ``expect`` holds.

A missing person earns nothing anywhere, so leaving someone out never raises a score.
The per-field credit (roles, power with the tolerance, stance, coach) is
:func:`~powermap_kit.grading.rules.field_credit`; who is matched, missing or extra comes
from :func:`~powermap_kit.grading.compare.compare_to_key`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import vocab
from ..diff import edge
from ..model import Stakeholder
from .compare import KeyComparison
from .key import AnswerKey
from .feedback import Coded, Deduction, KeyName, KeyTitle, Line, Summary
from .insights import insight_holds
from .rules import graded_weights, power_credit, roles_credit, stance_credit

__all__ = ["CHAIN_ROLES", "COACH_SHARE", "Context", "MissingLines", "Score", "graded_weights", "score_all"]

#: Roles taught with the decision chain (notebook 04); other role mistakes point to 02.
CHAIN_ROLES = frozenset({"approver", "decision_maker", "evaluator"})
#: The part of the coach weight carried by the key's coaches (the rest: not flagging others).
COACH_SHARE = 0.75

#: What the criteria score: a submission compared with the key.
Context = KeyComparison


def _name(ctx: Context, key_id: str):
    person = ctx.people.get(key_id)
    return person.name if person is not None else KeyName(ctx.key, key_id)


class MissingLines:
    """One feedback line per missing key person, carrying every loss their absence causes
    (in whichever criterion): made where the person is first found missing."""

    def __init__(self, key: AnswerKey) -> None:
        self.key = key
        self.lines: dict[str, Deduction] = {}

    def line(self, key_id: str) -> Deduction | None:
        """The person's line, or None when it exists already."""
        if key_id in self.lines:
            return None
        person = self.key.map.stakeholder(key_id)
        params: dict[str, Any] = {"name": KeyName(self.key, key_id), "summary": Summary(self.key, key_id)}
        code = "missing"
        if person.title:
            code = "missing_titled"
            params["title"] = KeyTitle(self.key, key_id)
        line = self.lines[key_id] = Deduction("people", code, 0.0, params, "07", key_id, True)
        return line


@dataclass
class Score:
    """One criterion's weight, the points earned in the same units, and a Deduction per loss
    (a missing person's losses go to their one line in ``missing``)."""

    name: str
    weight: float
    earned: float = 0.0
    losses: list[Deduction] = field(default_factory=list)
    missing: MissingLines | None = field(default=None, repr=False)

    def lose(self, amount: float, code: str, stakeholder: str | None = None, notebook: str | None = None,
             missing: bool = False, **params) -> None:
        if missing and stakeholder is not None and self.missing is not None:
            line = self.missing.line(stakeholder)
            if line is not None:
                self.losses.append(line)
            self.missing.lines[stakeholder].lost += amount
            return
        self.losses.append(Deduction(self.name, code, amount, params, notebook, stakeholder, missing))


def score_all(ctx: Context) -> list[Score]:
    """Every criterion with a weight, in report order, then the insights."""
    weights = graded_weights(ctx.key.map, ctx.key.weights)
    scores = []
    missing = MissingLines(ctx.key)
    for name, weight in weights.items():
        if weight > 0:
            score = Score(name, weight, missing=missing)
            if name == "people":
                _people(ctx, score)
            else:
                _CRITERIA[name](ctx, score)
            scores.append(score)
    if ctx.key.insights:
        scores.append(_insights(ctx))
    return scores


def _people(ctx: Context, score: Score) -> None:
    each = score.weight / len(ctx.key.map.stakeholders)
    for p in ctx.key.map.stakeholders:
        if p.id in ctx.people:
            score.earned += each
        else:
            score.lose(each, "missing", p.id, missing=True)
    penalty = ctx.key.extra_people
    if penalty > 0:
        for sid in ctx.extra:
            q = ctx.submission.stakeholder(sid)
            cost = min(penalty, score.earned)
            score.earned -= cost
            score.lose(cost, "extra_person", notebook="07", name=q.name)


def _per_person(ctx: Context, score: Score, graded: list[Stakeholder]):
    """Yield (key person, submitted person, share); book the loss of missing people."""
    each = score.weight / len(graded)
    for p in graded:
        q = ctx.people.get(p.id)
        if q is None:
            score.lose(each, "missing", p.id, missing=True)
        else:
            yield p, q, each


def _roles(ctx: Context, score: Score) -> None:
    graded = [p for p in ctx.key.map.stakeholders if p.roles]
    for p, q, each in _per_person(ctx, score, graded):
        expected, given = set(p.roles), set(q.roles)
        credit = roles_credit(p, q)
        score.earned += each * credit
        if credit < 1:
            notebook = "04" if (expected ^ given) & CHAIN_ROLES else "02"
            score.lose(each * (1 - credit), "roles" if given else "roles_none", p.id, notebook,
                       name=q.name, given=Coded("roles", q.roles), expected=Coded("roles", p.roles))


def _power(ctx: Context, score: Score) -> None:
    graded = [p for p in ctx.key.map.stakeholders if p.power is not None]
    tolerance = ctx.key.tolerance
    for p, q, each in _per_person(ctx, score, graded):
        if q.power is None:
            score.lose(each, "power_unknown", p.id, "08", name=q.name, expected=p.power)
            continue
        credit = power_credit(p.power, q.power, tolerance)
        score.earned += each * credit
        if credit < 1:
            score.lose(each * (1 - credit), "power", p.id, "08", name=q.name, given=q.power, expected=p.power)


def _stance(ctx: Context, score: Score) -> None:
    graded = [p for p in ctx.key.map.stakeholders if p.stance is not None]
    for p, q, each in _per_person(ctx, score, graded):
        credit = stance_credit(p.stance, q.stance)
        if credit == 1:
            score.earned += each
            continue
        expected, given = p.stance_or_unknown, q.stance_or_unknown
        score.earned += each * credit
        code = "stance_guess" if expected == "unknown" else "stance_unknown" if given == "unknown" else "stance"
        score.lose(each * (1 - credit), code, p.id, "05", name=q.name, given=Coded("stance", given),
                   expected=Coded("stance", expected))


def _coach(ctx: Context, score: Score) -> None:
    people = ctx.key.map.stakeholders
    coaches = [p for p in people if p.coach]
    others = [p for p in people if not p.coach]
    share = COACH_SHARE if coaches and others else 1.0 if coaches else 0.0
    for group, weight in ((coaches, share), (others, 1.0 - share)):
        if not group or weight <= 0:
            continue
        each = score.weight * weight / len(group)
        for p in group:
            q = ctx.people.get(p.id)
            if q is None:
                score.lose(each, "missing", p.id, missing=True)
            elif bool(p.coach) == bool(q.coach):
                score.earned += each
            else:
                score.lose(each, "coach_missed" if p.coach else "coach_wrong", p.id, "06", name=q.name)


def _relationships(ctx: Context, score: Score) -> None:
    wanted = ctx.key.lines
    each = score.weight / len(wanted)
    have, people = ctx.lines, ctx.people
    pairs: dict[frozenset[str], list[tuple[str, str, str]]] | None = None
    for (source, target, kind) in wanted:
        if source not in people or target not in people:
            score.lose(each, "missing", source if source not in people else target, missing=True)
            continue
        if (source, target, kind) in have:
            score.earned += each
            continue
        expected = Line(_name(ctx, source), _name(ctx, target), kind)
        if edge(target, source, kind) in have:
            score.lose(each, "rel_reversed", source, "08", line=expected,
                       given=Line(_name(ctx, target), _name(ctx, source), kind))
            continue
        if pairs is None:  # the lines between each pair of people, built once when needed
            pairs = {}
            for line in have:
                pairs.setdefault(frozenset(line[:2]), []).append(line)
        drawn = _other_line(pairs.get(frozenset((source, target)), ()), source, target, kind)
        if drawn is not None:
            a, b, other = drawn
            score.lose(each, "rel_type", source, "08", line=expected, given=Line(_name(ctx, a), _name(ctx, b), other))
        else:
            score.lose(each, "rel_missing", source, "08", line=expected)


def _other_line(lines, source: str, target: str, kind: str) -> tuple[str, str, str] | None:
    """A line of another type between the two people: the first type in vocabulary order,
    this way round before the other; as (from, to, type) for the feedback."""
    order = vocab.RELATIONSHIP_TYPES
    found = [(order.index(t), (a, b) != (source, target) and not _undirected(t), t) for a, b, t in lines if t != kind]
    if not found:
        return None
    _, backwards, other = min(found)
    return (target, source, other) if backwards else (source, target, other)


def _undirected(kind: str) -> bool:
    return edge("b", "a", kind) == ("a", "b", kind)


def _deal(ctx: Context, score: Score, notebook: str, neighbours_count: bool) -> None:
    expected = getattr(ctx.key.map.opportunity, score.name)
    given = getattr(ctx.submission.opportunity, score.name)
    if given == expected:
        score.earned += score.weight
        return
    if given is None:
        score.lose(score.weight, f"{score.name}_missing", notebook=notebook, expected=Coded(score.name, expected))
        return
    order = vocab.codes(score.name)
    credit = 0.5 if neighbours_count and abs(order.index(given) - order.index(expected)) == 1 else 0.0
    score.earned += score.weight * credit
    score.lose(score.weight * (1 - credit), score.name, notebook=notebook, given=Coded(score.name, given),
               expected=Coded(score.name, expected))


def _stage(ctx: Context, score: Score) -> None:
    _deal(ctx, score, "03", neighbours_count=True)


def _decision_mode(ctx: Context, score: Score) -> None:
    _deal(ctx, score, "04", neighbours_count=False)


def _insights(ctx: Context) -> Score:
    score = Score("insights", sum(i.points for i in ctx.key.insights))
    for insight in ctx.key.insights:
        if insight_holds(insight.expect, ctx.submission, ctx.people, ctx.lines):
            score.earned += insight.points
        else:
            item = Deduction("insights", "insight", insight.points, {"id": insight.id},
                            stakeholder=insight.expect.get("stakeholder"), insight=insight)
            score.losses.append(item)
    return score


_CRITERIA = {
    "roles": _roles,
    "power": _power,
    "stance": _stance,
    "coach": _coach,
    "relationships": _relationships,
    "stage": _stage,
    "decision_mode": _decision_mode,
}
