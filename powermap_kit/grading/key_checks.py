"""Checks of an answer key's ``grading`` section: :func:`key_problems`.

Every problem is collected with its place, the bad value and the allowed set
(``design/format.md`` "Answer key"); ``powermap validate`` and :func:`~powermap_kit.grading.load_key`
run these checks.
"""

from __future__ import annotations

import math
from typing import Any, ClassVar

from .. import vocab
from ..diff import normalise
from ..errors import Problem
from ..model import PowerMap
from .insights import insight_holds, normalise_expect
from .rules import CRITERIA, DEFAULT_WEIGHTS, graded_weights

__all__ = ["EXPECT_KEYS", "GRADING_KEYS", "KeyProblem", "MAX_POINTS", "PERSON_KEYS", "key_problems"]

#: The keys of ``insights[].expect`` (fixed with the case writers in case_studies/CONTRACT.md).
EXPECT_KEYS: tuple[str, ...] = ("stakeholder", "roles_include", "roles_exclude", "stance", "power_min",
                                "power_max", "coach", "relationship", "stage", "decision_mode")
#: Expectations about one person: they need ``stakeholder``.
PERSON_KEYS: tuple[str, ...] = ("roles_include", "roles_exclude", "stance", "power_min", "power_max", "coach")
GRADING_KEYS: tuple[str, ...] = ("aliases", "weights", "tolerance", "insights", "extra_people", "notes")
#: The most points a weight, an insight or ``extra_people`` may carry.
MAX_POINTS = 1000


class KeyProblem(Problem):
    """A problem of a key's grading section; its message text lives in ``grading.problem.*``."""

    TEXTS: ClassVar[str] = "grading.problem"


class _Checks:
    def __init__(self, pm: PowerMap, file: str | None):
        self.pm = pm
        self.file = file
        self.ids = pm.ids
        self.problems: list[Problem] = []

    def key(self, place: str, code: str, value: Any = None, **kw: Any) -> None:
        self.problems.append(KeyProblem(place, code, value, file=self.file, **kw))

    def core(self, place: str, code: str, value: Any = None, **kw: Any) -> None:
        self.problems.append(Problem(place, code, value, file=self.file, **kw))

    def obj(self, place: str, value: Any) -> bool:
        if isinstance(value, dict):
            return True
        self.core(place, "wrong_type", value, params={"expected": vocab.text("type.object")})
        return False

    def person(self, place: str, value: Any) -> bool:
        if isinstance(value, str) and value in self.ids:
            return True
        self.key(place, "unknown_person", value, suggestion=vocab.closest(value, self.ids) if self.ids else None)
        return False

    def number(self, place: str, value: Any, positive: bool = False) -> bool:
        if (not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value)
                and (value > 0 if positive else value >= 0)):
            if value <= MAX_POINTS:
                return True
            self.core(place, "too_large", value, params={"high": MAX_POINTS})
            return False
        self.key(place, "not_positive" if positive else "not_number", value)
        return False

    def codes(self, place: str, value: Any, kind: str) -> None:
        items = value if isinstance(value, list) else [value]
        if isinstance(value, list) and not value:
            self.core(place, "empty", value)
        for i, item in enumerate(items):
            at = f"{place}[{i}]" if isinstance(value, list) else place
            allowed = vocab.codes(kind)
            if not (isinstance(item, str) and item in allowed):
                self.core(at, "not_one_of", item, allowed=allowed, suggestion=vocab.closest(item, allowed, kind))


def key_problems(key_map: PowerMap, file: str | None = None) -> list[Problem]:
    """Every problem of an answer key's ``grading`` section (empty when it is fine).

    Checks that aliases and insights name people of the key, that weights name known
    criteria and are numbers, that every ``expect`` key is known and its value valid,
    that no spelling names two people, and that the key itself earns each insight (so
    the key scores 100 against itself). A map without a grading section is a valid key
    that grades with the defaults. ``powermap validate`` runs this on every file.
    """
    c = _Checks(key_map, file)
    grading = key_map.grading
    if grading is None:
        return c.problems  # a plain map: grading with the defaults is always possible
    if not c.obj("grading", grading):
        return c.problems
    for name in grading:
        if name not in GRADING_KEYS:
            c.key(f"grading.{name}", "unknown_setting", name, allowed=GRADING_KEYS,
                  suggestion=vocab.closest(name, GRADING_KEYS))
    _check_aliases(c, grading.get("aliases"))
    _check_weights(c, grading.get("weights"))
    tolerance = grading.get("tolerance")
    if tolerance is not None and c.obj("grading.tolerance", tolerance):
        for name, value in tolerance.items():
            if name != "power":
                c.key(f"grading.tolerance.{name}", "unknown_tolerance", name, allowed=("power",),
                      suggestion=vocab.closest(name, ("power",)))
            elif type(value) is not int or not 0 <= value <= 4:
                c.core("grading.tolerance.power", "out_of_range", value, params={"low": 0, "high": 4})
    if "extra_people" in grading:
        c.number("grading.extra_people", grading["extra_people"])
    if "notes" in grading and not isinstance(grading["notes"], str):
        c.core("grading.notes", "wrong_type", grading["notes"], params={"expected": vocab.text("type.string")})
    _check_insights(c, grading.get("insights"))
    _check_total(c, grading)
    return c.problems


def _check_aliases(c: _Checks, aliases: Any) -> None:
    if aliases is None or not c.obj("grading.aliases", aliases):
        return
    # Every spelling must lead to one person only, or matching would guess.
    owner: dict[str, str] = {normalise(p.name): p.id for p in c.pm.stakeholders}
    for pid, names in aliases.items():
        place = f"grading.aliases.{pid}"
        c.person(place, pid)
        if not isinstance(names, list):
            c.core(place, "wrong_type", names, params={"expected": vocab.text("type.list_of_strings")})
            continue
        for i, alias in enumerate(names):
            if not isinstance(alias, str) or not normalise(alias):
                c.core(f"{place}[{i}]", "empty" if isinstance(alias, str) else "wrong_type", alias,
                       params={"expected": vocab.text("type.string")})
                continue
            other = owner.setdefault(normalise(alias), pid)
            if other != pid:
                c.key(f"{place}[{i}]", "alias_taken", alias, params={"other": other})


def _check_weights(c: _Checks, weights: Any) -> None:
    if weights is None or not c.obj("grading.weights", weights):
        return
    for name, value in weights.items():
        place = f"grading.weights.{name}"
        if name not in CRITERIA:
            c.key(place, "unknown_criterion", name, allowed=CRITERIA, suggestion=vocab.closest(name, CRITERIA))
        else:
            c.number(place, value)


def _check_insights(c: _Checks, insights: Any) -> None:
    if insights is None:
        return
    if not isinstance(insights, list):
        c.core("grading.insights", "wrong_type", insights, params={"expected": vocab.text("type.list")})
        return
    seen: dict[str, int] = {}
    for i, insight in enumerate(insights):
        place = f"grading.insights[{i}]"
        if not c.obj(place, insight):
            continue
        for name in insight:
            if name not in ("id", "points", "expect", "feedback"):
                c.key(f"{place}.{name}", "unknown_insight_setting", name,
                      allowed=("id", "points", "expect", "feedback"),
                      suggestion=vocab.closest(name, ("id", "points", "expect", "feedback")))
        iid = insight.get("id")
        if iid is None:
            c.core(f"{place}.id", "required")
        elif not isinstance(iid, str) or not iid.strip():
            c.core(f"{place}.id", "wrong_type", iid, params={"expected": vocab.text("type.string")})
        elif iid in seen:
            c.key(f"{place}.id", "duplicate_insight", iid, params={"first": seen[iid]})
        else:
            seen[iid] = i
        if "points" not in insight:
            c.core(f"{place}.points", "required")
        else:
            c.number(f"{place}.points", insight["points"], positive=True)
        _check_feedback(c, f"{place}.feedback", insight.get("feedback"))
        if "expect" not in insight:
            c.core(f"{place}.expect", "required")
        elif c.obj(f"{place}.expect", insight["expect"]):
            before = len(c.problems)
            _check_expect(c, f"{place}.expect", insight["expect"])
            if len(c.problems) == before and not _holds_in_key(c.pm, insight["expect"]):
                c.key(f"{place}.expect", "key_disagrees", iid)


def _check_feedback(c: _Checks, place: str, feedback: Any) -> None:
    if feedback is None or isinstance(feedback, str):
        return
    if not c.obj(place, feedback):
        return
    for lang, value in feedback.items():
        if lang not in vocab.LANGUAGES:
            c.core(f"{place}.{lang}", "not_one_of", lang, allowed=vocab.LANGUAGES)
        elif not isinstance(value, str):
            c.core(f"{place}.{lang}", "wrong_type", value, params={"expected": vocab.text("type.string")})


def _check_expect(c: _Checks, place: str, expect: dict) -> None:
    if not expect:
        c.key(place, "empty_expect")
        return
    for name, value in expect.items():
        at = f"{place}.{name}"
        if name not in EXPECT_KEYS:
            c.key(at, "unknown_expect", name, allowed=EXPECT_KEYS, suggestion=vocab.closest(name, EXPECT_KEYS))
        elif name == "stakeholder":
            c.person(at, value)
        elif name in ("roles_include", "roles_exclude"):
            c.codes(at, value, "role")
        elif name in ("stance", "stage", "decision_mode"):
            c.codes(at, value, name)
        elif name in ("power_min", "power_max"):
            if type(value) is not int or not 1 <= value <= 5:
                c.core(at, "out_of_range", value, params={"low": 1, "high": 5})
        elif name == "coach":
            if not isinstance(value, bool):
                c.core(at, "wrong_type", value, params={"expected": vocab.text("type.boolean")})
        elif name == "relationship" and c.obj(at, value):
            for end in ("source", "target"):
                if end not in value:
                    c.core(f"{at}.{end}", "required")
                else:
                    c.person(f"{at}.{end}", value[end])
            if "type" not in value:
                c.core(f"{at}.type", "required")
            else:
                c.codes(f"{at}.type", value["type"], "relationship_type")
    person_keys = [k for k in PERSON_KEYS if k in expect]
    if person_keys and "stakeholder" not in expect:
        c.key(place, "needs_stakeholder", person_keys[0])
    low, high = expect.get("power_min"), expect.get("power_max")
    if type(low) is int and type(high) is int and low > high:
        c.key(place, "min_above_max", params={"low": low, "high": high})


def _holds_in_key(pm: PowerMap, expect: dict) -> bool:
    identity = {p.id: p for p in pm.stakeholders}
    return insight_holds(normalise_expect(expect), pm, identity)


def _check_total(c: _Checks, grading: dict) -> None:
    if c.problems:
        return
    weights = dict(DEFAULT_WEIGHTS)
    weights.update(grading.get("weights") or {})
    insight_points = sum(i.get("points", 0) for i in grading.get("insights") or ())
    if sum(graded_weights(c.pm, weights).values()) + insight_points <= 0:
        c.key("grading", "nothing_to_grade")
