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
from functools import lru_cache
from typing import Any

from .. import vocab
from ..diff import edge
from .compare import KeyComparison
from .key import AnswerKey
from .feedback import Coded, Deduction, KeyName, KeyTitle, Line, Summary
from .insights import insight_holds
from .rules import CRITERIA, graded_weights, power_credit, roles_overlap, stance_credit

__all__ = ["CHAIN_ROLES", "COACH_SHARE", "Context", "MissingLines", "Score", "graded_weights", "score_all"]

#: Roles taught with the decision chain (notebook 04); other role mistakes point to 02.
CHAIN_ROLES = frozenset({"approver", "decision_maker", "evaluator"})
#: The part of the coach weight carried by the key's coaches (the rest: not flagging others).
COACH_SHARE = 0.75

#: What the criteria score: a submission compared with the key.
Context = KeyComparison


class _Plan:
    """What the criteria read of a key, worked out once and reused for every submission
    graded with it (a key is not edited while grading)."""

    def __init__(self, key: AnswerKey) -> None:
        people = key.map.stakeholders
        # the criteria the key gives something to grade on (weights are read per grading)
        self.graded = {name for name, w in graded_weights(key.map, dict.fromkeys(CRITERIA, 1)).items() if w}
        self.roles = [(p, frozenset(p.roles)) for p in people if p.roles]
        self.power = [(p, p.power) for p in people if p.power is not None]
        self.stance = [p for p in people if p.stance is not None]
        coaches = [p for p in people if p.coach]
        others = [p for p in people if not p.coach]
        share = COACH_SHARE if coaches and others else 1.0 if coaches else 0.0
        self.coach = [(group, weight) for group, weight in ((coaches, share), (others, 1.0 - share))
                      if group and weight > 0]
        self.names = {p.id: KeyName(key, p.id) for p in people}
        # (key id, submitted roles) -> the judgement of them (see _roles); bounded below
        self.verdicts: dict[tuple[str, tuple[str, ...]], tuple[Any, ...]] = _Bounded()
        self.stances: dict[tuple[str, str | None], tuple[Any, ...]] = _Bounded()  # (key id, stance) -> judgement
        # a missing person's line: code and parameters
        self.missing: dict[str, tuple[str, dict[str, Any]]] = {}
        for p in people:
            params: dict[str, Any] = {"name": self.names[p.id], "summary": Summary(key, p.id)}
            if p.title:
                params["title"] = KeyTitle(key, p.id)
            self.missing[p.id] = ("missing_titled" if p.title else "missing", params)


class _Bounded(dict):
    """A dict that starts over when it grows past 50,000 entries (a long-running grader)."""

    def __setitem__(self, key: Any, value: Any) -> None:
        if len(self) >= 50_000:
            self.clear()
        super().__setitem__(key, value)


def _plan(ctx: Context) -> _Plan:
    return ctx.key.prepared("plan", _Plan)


class MissingLines:
    """One feedback line per missing key person, carrying every loss their absence causes
    (in whichever criterion): made where the person is first found missing."""

    def __init__(self, key: AnswerKey) -> None:
        self.key = key
        self.lines: dict[str, Deduction] = {}
        self._plan: _Plan = key.prepared("plan", _Plan)

    def line(self, key_id: str) -> Deduction | None:
        """The person's line, or None when it exists already."""
        return None if key_id in self.lines else self._new(key_id)

    def book(self, score: Score, amount: float, key_id: str) -> None:
        """Add a loss of ``score`` to the person's line, made (and listed in ``score``) on first use."""
        line = self.lines.get(key_id)
        if line is None:
            line = self._new(key_id)
            score.losses.append(line)
        line.lost += amount

    def _new(self, key_id: str) -> Deduction:
        code, params = self._plan.missing[key_id]
        line = self.lines[key_id] = Deduction("people", code, 0.0, dict(params), "07", key_id, True)
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
            self.missing.book(self, amount, stakeholder)
            return
        self.losses.append(Deduction(self.name, code, amount, params, notebook, stakeholder, missing))

    def absent(self, amount: float, key_id: str) -> None:
        """A loss caused by a missing key person: :meth:`lose` with ``missing=True``."""
        if self.missing is None:
            self.lose(amount, "missing", key_id, missing=True)
        else:
            self.missing.book(self, amount, key_id)


def score_all(ctx: Context) -> list[Score]:
    """Every criterion with a weight, in report order, then the insights."""
    scores = []
    missing = MissingLines(ctx.key)
    graded = _plan(ctx).graded
    for name, weight in ctx.key.weights.items():
        if weight <= 0 or name not in graded:
            continue
        score = Score(name, weight, missing=missing)
        _CRITERIA[name](ctx, score)
        scores.append(score)
    if ctx.key.insights:
        scores.append(_insights(ctx))
    return scores


def _people(ctx: Context, score: Score) -> None:
    graded = ctx.key.map.stakeholders
    each = score.weight / len(graded)
    people = ctx.people
    for p in graded:
        if p.id in people:
            score.earned += each
        else:
            score.absent(each, p.id)
    penalty = ctx.key.extra_people
    if penalty > 0:
        for sid in ctx.extra:
            q = ctx.submission.stakeholder(sid)
            cost = min(penalty, score.earned)
            score.earned -= cost
            score.lose(cost, "extra_person", notebook="07", name=q.name)


def _roles(ctx: Context, score: Score) -> None:
    graded = _plan(ctx).roles
    if not graded:
        return
    each = score.weight / len(graded)
    people = ctx.people
    verdicts = _plan(ctx).verdicts
    for p, expected in graded:
        q = people.get(p.id)
        if q is None:
            score.absent(each, p.id)
            continue
        # The same few role choices recur across a cohort: each is judged once.
        seen = (p.id, tuple(q.roles))
        verdict = verdicts.get(seen)
        if verdict is None:
            verdict = verdicts[seen] = _roles_verdict(p, expected, seen[1])
        credit = verdict[0]
        score.earned += each * credit
        if credit < 1:
            score.lose(each * (1 - credit), verdict[1], p.id, verdict[2], name=q.name, given=verdict[3],
                       expected=verdict[4])


def _roles_verdict(p: Any, expected: frozenset[str], roles: tuple[str, ...]) -> tuple[Any, ...]:
    """Credit, code, notebook and the two role lists of one person's role choice."""
    given = set(roles)
    credit = roles_overlap(expected, given)
    notebook = "04" if (expected ^ given) & CHAIN_ROLES else "02"
    return (credit, "roles" if given else "roles_none", notebook, _coded("roles", roles),
            _coded("roles", tuple(p.roles)))


def _power(ctx: Context, score: Score) -> None:
    graded = _plan(ctx).power
    if not graded:
        return
    each = score.weight / len(graded)
    tolerance = ctx.key.tolerance
    people = ctx.people
    for p, expected in graded:
        q = people.get(p.id)
        if q is None:
            score.absent(each, p.id)
        elif q.power is None:
            score.lose(each, "power_unknown", p.id, "08", name=q.name, expected=expected)
        else:
            credit = power_credit(expected, q.power, tolerance)
            score.earned += each * credit
            if credit < 1:
                score.lose(each * (1 - credit), "power", p.id, "08", name=q.name, given=q.power, expected=expected)


def _stance(ctx: Context, score: Score) -> None:
    graded = _plan(ctx).stance
    if not graded:
        return
    each = score.weight / len(graded)
    people = ctx.people
    verdicts = _plan(ctx).stances
    for p in graded:
        q = people.get(p.id)
        if q is None:
            score.absent(each, p.id)
            continue
        seen = (p.id, q.stance)
        verdict = verdicts.get(seen)
        if verdict is None:
            verdict = verdicts[seen] = _stance_verdict(p.stance, q.stance)
        credit = verdict[0]
        score.earned += each * credit
        if credit < 1:
            score.lose(each * (1 - credit), verdict[1], p.id, "05", name=q.name, given=verdict[2],
                       expected=verdict[3])


def _stance_verdict(want: str | None, have: str | None) -> tuple[Any, ...]:
    """Credit, code and the two stances of one person's stance (judged once per cohort)."""
    credit = stance_credit(want, have)
    expected, given = want or "unknown", have or "unknown"
    code = "stance_guess" if expected == "unknown" else "stance_unknown" if given == "unknown" else "stance"
    return credit, code, _coded("stance", given), _coded("stance", expected)


def _coach(ctx: Context, score: Score) -> None:
    people = ctx.people
    for group, weight in _plan(ctx).coach:
        each = score.weight * weight / len(group)
        for p in group:
            q = people.get(p.id)
            if q is None:
                score.absent(each, p.id)
            elif bool(p.coach) == bool(q.coach):
                score.earned += each
            else:
                score.lose(each, "coach_missed" if p.coach else "coach_wrong", p.id, "06", name=q.name)


def _relationships(ctx: Context, score: Score) -> None:
    wanted = ctx.key.lines
    each = score.weight / len(wanted)
    have, people = ctx.lines, ctx.people
    pairs: dict[tuple[str, str], list[tuple[str, str, str]]] | None = None
    for line in wanted:
        source, target, kind = line
        if source not in people:
            score.absent(each, source)
        elif target not in people:
            score.absent(each, target)
        elif line in have:
            score.earned += each
        else:
            expected = Line(people[source].name, people[target].name, kind)
            if edge(target, source, kind) in have:
                score.lose(each, "rel_reversed", source, "08", line=expected,
                           given=Line(expected.target, expected.source, kind))
                continue
            if pairs is None:  # the lines between each pair of people (in either order), built once when needed
                pairs = {}
                for drawn_line in have:
                    a, b = drawn_line[0], drawn_line[1]
                    pairs.setdefault((a, b) if a < b else (b, a), []).append(drawn_line)
            drawn = _other_line(pairs.get((source, target) if source < target else (target, source), ()),
                                source, target, kind)
            if drawn is not None:
                a, b, other = drawn
                score.lose(each, "rel_type", source, "08", line=expected,
                           given=Line(people[a].name, people[b].name, other))
            else:
                score.lose(each, "rel_missing", source, "08", line=expected)


def _other_line(lines, source: str, target: str, kind: str) -> tuple[str, str, str] | None:
    """A line of another type between the two people: the first type in vocabulary order,
    this way round before the other; as (from, to, type) for the feedback."""
    order = _ORDER
    found = [(order[t], (a, b) != (source, target) and not _undirected(t), t) for a, b, t in lines if t != kind]
    if not found:
        return None
    _, backwards, other = min(found)
    return (target, source, other) if backwards else (source, target, other)


#: The same few values recur across a cohort: one Coded each (its sentence is then cached by identity too).
_coded = lru_cache(maxsize=1024)(Coded)

_ORDER = {kind: i for i, kind in enumerate(vocab.RELATIONSHIP_TYPES)}


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
    "people": _people,
    "roles": _roles,
    "power": _power,
    "stance": _stance,
    "coach": _coach,
    "relationships": _relationships,
    "stage": _stage,
    "decision_mode": _decision_mode,
}
