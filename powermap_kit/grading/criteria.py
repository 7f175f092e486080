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

>>> from powermap_kit import PowerMap
>>> key = PowerMap()
>>> _ = key.add_stakeholder(id="a", name="Li Ming", roles=["approver"])
>>> graded_weights(key, {"people": 20, "roles": 25, "power": 10})
{'people': 20, 'roles': 25, 'power': 0}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .. import vocab
from ..diff import edge, edges, person_diff
from ..model import PowerMap, Stakeholder
from .feedback import Coded, Deduction, KeyName, Line
from .insights import insight_holds
from .key import AnswerKey

__all__ = ["CHAIN_ROLES", "COACH_SHARE", "Context", "Score", "graded_weights", "score_all"]

#: Roles taught with the decision chain (notebook 04); other role mistakes point to 02.
CHAIN_ROLES = frozenset({"approver", "decision_maker", "evaluator"})
#: The part of the coach weight carried by the key's coaches (the rest: not flagging others).
COACH_SHARE = 0.75
_POSITIVE = frozenset({"support", "champion"})


@dataclass
class Context:
    """A submission matched to a key: ``people`` maps key id → submitted person."""

    key: AnswerKey
    sub: PowerMap
    people: dict[str, Stakeholder]
    lines: set[tuple[str, str, str]]

    def name(self, key_id: str):
        person = self.people.get(key_id)
        return person.name if person is not None else KeyName(self.key, key_id)


@dataclass
class Score:
    name: str
    weight: float
    earned: float = 0.0
    losses: list[Deduction] = field(default_factory=list)

    def lose(self, amount: float, code: str, stakeholder: str | None = None, notebook: str | None = None,
             missing: bool = False, **params) -> None:
        self.losses.append(Deduction(self.name, code, amount, params, notebook, stakeholder, missing))


def graded_weights(key_map: PowerMap, weights: Mapping[str, float]) -> dict[str, float]:
    """The weights that apply: a criterion the key gives nothing to grade on weighs 0."""
    people = key_map.stakeholders
    has = {
        "people": bool(people),
        "roles": any(p.roles for p in people),
        "power": any(p.power is not None for p in people),
        "stance": any(p.stance is not None for p in people),
        "coach": any(p.coach is not None for p in people),
        "relationships": bool(key_map.relationships),
        "stage": key_map.opportunity.stage is not None,
        "decision_mode": key_map.opportunity.decision_mode is not None,
    }
    return {name: (weight if has.get(name) else 0) for name, weight in weights.items()}


def score_all(ctx: Context, extra: list[Stakeholder]) -> list[Score]:
    """Every criterion with a weight, in report order, then the insights."""
    weights = graded_weights(ctx.key.map, ctx.key.weights)
    scores = []
    for name, weight in weights.items():
        if weight > 0:
            score = Score(name, weight)
            if name == "people":
                _people(ctx, score, extra)
            else:
                _CRITERIA[name](ctx, score)
            scores.append(score)
    if ctx.key.insights:
        scores.append(_insights(ctx))
    return scores


def _people(ctx: Context, score: Score, extra: list[Stakeholder]) -> None:
    each = score.weight / len(ctx.key.map.stakeholders)
    for p in ctx.key.map.stakeholders:
        if p.id in ctx.people:
            score.earned += each
        else:
            score.lose(each, "missing", p.id, missing=True)
    penalty = ctx.key.extra_people
    if penalty > 0:
        for q in extra:
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
        credit = len(expected & given) / len(expected | given)
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
        gap = abs(p.power - q.power)
        credit = 1.0 if gap <= tolerance else 0.5 if gap == tolerance + 1 else 0.0
        score.earned += each * credit
        if credit < 1:
            score.lose(each * (1 - credit), "power", p.id, "08", name=q.name, given=q.power, expected=p.power)


def _stance(ctx: Context, score: Score) -> None:
    graded = [p for p in ctx.key.map.stakeholders if p.stance is not None]
    for p, q, each in _per_person(ctx, score, graded):
        if "stance" not in person_diff(p, q, ("stance",)):
            score.earned += each
            continue
        expected, given = p.stance_or_unknown, q.stance_or_unknown
        credit = 0.5 if {expected, given} <= _POSITIVE else 0.0
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
            elif "coach" not in person_diff(p, q, ("coach",)):
                score.earned += each
            else:
                score.lose(each, "coach_missed" if p.coach else "coach_wrong", p.id, "06", name=q.name)


def _relationships(ctx: Context, score: Score) -> None:
    wanted = edges(ctx.key.map)
    each = score.weight / len(wanted)
    types = vocab.RELATIONSHIP_TYPES
    for (source, target, kind) in wanted:
        absent = next((end for end in (source, target) if end not in ctx.people), None)
        if absent is not None:
            score.lose(each, "missing", absent, missing=True)
            continue
        if (source, target, kind) in ctx.lines:
            score.earned += each
            continue
        expected = Line(ctx.name(source), ctx.name(target), kind)
        if edge(target, source, kind) in ctx.lines:
            score.lose(each, "rel_reversed", source, "08", line=expected,
                       given=Line(ctx.name(target), ctx.name(source), kind))
            continue
        drawn = next(((a, b, t) for t in types for a, b in ((source, target), (target, source))
                      if t != kind and edge(a, b, t) in ctx.lines), None)
        if drawn is not None:
            a, b, other = drawn
            score.lose(each, "rel_type", source, "08", line=expected, given=Line(ctx.name(a), ctx.name(b), other))
        else:
            score.lose(each, "rel_missing", source, "08", line=expected)


def _deal(ctx: Context, score: Score, notebook: str, neighbours_count: bool) -> None:
    expected = getattr(ctx.key.map.opportunity, score.name)
    given = getattr(ctx.sub.opportunity, score.name)
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
        if insight_holds(insight.expect, ctx.sub, ctx.people, ctx.lines):
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
