"""Answer keys: a map with a ``grading`` section (``design/format.md`` "Answer key").

:func:`load_key` turns a key file (or data, or map) into an :class:`AnswerKey` ready to
grade with, after :func:`key_problems` has found nothing wrong; otherwise it raises
:class:`~powermap_kit.errors.KeyFormatError` listing every problem with its place.

The grading section, every part optional:

``aliases``
    ``{key id: [other names]}`` — Latin renderings, titles of address ("Director Wang",
    "王主任"); no spelling may name two people.
``weights``
    ``{criterion: points}`` for the criteria of :data:`CRITERIA`; a criterion left out
    keeps its default (:data:`DEFAULT_WEIGHTS`), ``0`` switches it off.
``tolerance``
    ``{"power": n}`` — a power rating within ``n`` of the key earns full credit (default 1).
``insights``
    ``[{"id", "points", "expect", "feedback"}]`` — the judgements a case is about; ``expect``
    uses the keys of :data:`EXPECT_KEYS` (``case_studies/CONTRACT.md``).
``extra_people``
    Points taken from the people criterion for each submitted person the key does not
    have (default 0: extra people are not penalised).
``notes``
    Free text for the trainer; ignored.

Examples
--------
>>> from powermap_kit import load_map
>>> key = load_map({"format": "powermap/1", "stakeholders": [{"id": "dean", "name": "李明"}],
...                 "grading": {"aliases": {"deen": ["Li Ming"]}, "weights": {"roles": "high"}}})
>>> for p in key_problems(key):
...     print(p.render("en"))
grading.aliases.deen: "deen" is not the id of any stakeholder in the key (did you mean "dean"?)
grading.weights.roles: "high" should be a number of points, 0 or more
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .. import vocab
from ..diff import PeopleIndex, normalise
from ..errors import KeyFormatError, MapFormatError, Problem
from ..io import load_map
from ..model import PowerMap
from .insights import insight_holds

__all__ = [
    "AnswerKey",
    "CRITERIA",
    "DEFAULT_TOLERANCE",
    "DEFAULT_WEIGHTS",
    "EXPECT_KEYS",
    "GRADING_KEYS",
    "Insight",
    "KeyProblem",
    "graded_weights",
    "key_problems",
    "load_key",
]

#: The criteria a key can weight, in report order. Insights carry their own points.
CRITERIA: tuple[str, ...] = ("people", "roles", "power", "stance", "coach", "relationships", "stage",
                             "decision_mode")
#: Weights used for every criterion a key does not weight; they sum to 100.
DEFAULT_WEIGHTS: dict[str, float] = {"people": 20, "roles": 25, "power": 10, "stance": 15, "coach": 5,
                                     "relationships": 15, "stage": 5, "decision_mode": 5}
DEFAULT_TOLERANCE = 1
#: The keys of ``insights[].expect`` (fixed with the case writers in case_studies/CONTRACT.md).
EXPECT_KEYS: tuple[str, ...] = ("stakeholder", "roles_include", "roles_exclude", "stance", "power_min",
                                "power_max", "coach", "relationship", "stage", "decision_mode")
#: Expectations about one person: they need ``stakeholder``.
PERSON_KEYS: tuple[str, ...] = ("roles_include", "roles_exclude", "stance", "power_min", "power_max", "coach")
GRADING_KEYS: tuple[str, ...] = ("aliases", "weights", "tolerance", "insights", "extra_people", "notes")


class KeyProblem(Problem):
    """A problem of a key's grading section; its message text lives in ``grading.problem.*``."""

    TEXTS: ClassVar[str] = "grading.problem"


@dataclass(frozen=True)
class Insight:
    """One judgement the key rewards: all of ``expect`` must hold in the submission."""

    id: str
    points: float
    expect: Mapping[str, Any]
    feedback: Mapping[str, str] = field(default_factory=dict)

    def feedback_text(self, lang: str | None = None) -> str:
        """The key's feedback in the language (falling back to the other one, then the id)."""
        lang = lang or vocab.get_language()
        for code in (lang, *vocab.LANGUAGES):
            if self.feedback.get(code):
                return self.feedback[code]
        return vocab.text("grading.fb.insight_default", lang=lang, id=self.id)


@dataclass
class AnswerKey:
    """A checked answer key, ready to grade with (build it with :func:`load_key`)."""

    map: PowerMap
    weights: dict[str, float]
    tolerance: int = DEFAULT_TOLERANCE
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    insights: tuple[Insight, ...] = ()
    extra_people: float = 0.0
    file: str | None = None
    index: PeopleIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The key's spellings are prepared once and reused for every submission.
        self.index = PeopleIndex(self.map, self.aliases)

    def display_name(self, stakeholder_id: str, lang: str | None = None) -> str:
        """A key person's name for feedback: in English the Latin alias first when the name is Chinese."""
        person = self.map.stakeholder(stakeholder_id)
        if (lang or vocab.get_language()) == "en" and not person.name.isascii():
            latin = next((a for a in self.aliases.get(stakeholder_id, ()) if a.isascii()), None)
            if latin:
                return f"{latin} ({person.name})"
        return person.name


def load_key(source: Any, file: str | None = None) -> AnswerKey:
    """Load and check an answer key from a path, JSON data, a :class:`PowerMap` or an AnswerKey.

    Raises
    ------
    KeyFormatError
        The key is not a valid map, or its grading section has problems; ``problems``
        lists them all.
    """
    if isinstance(source, AnswerKey):
        return source
    if isinstance(source, (str, os.PathLike)):
        file = file or str(source)
    try:
        pm = load_map(source)
    except KeyFormatError:
        raise
    except MapFormatError as exc:
        raise KeyFormatError(exc.problems, exc.path or file) from None
    problems = key_problems(pm, file=file)
    if pm.grading is None and not pm.stakeholders:
        problems = [KeyProblem("grading", "nothing_to_grade", file=file)]
    if problems:
        raise KeyFormatError(problems, file)
    grading = pm.grading or {}
    weights = dict(DEFAULT_WEIGHTS)
    weights.update({k: float(v) for k, v in (grading.get("weights") or {}).items()})
    tolerance = (grading.get("tolerance") or {}).get("power", DEFAULT_TOLERANCE)
    aliases = {k: tuple(v) for k, v in (grading.get("aliases") or {}).items()}
    insights = tuple(
        Insight(i["id"], float(i["points"]), _expect(i["expect"]), _feedback(i.get("feedback")))
        for i in grading.get("insights") or ()
    )
    return AnswerKey(pm, weights, int(tolerance), aliases, insights, float(grading.get("extra_people", 0)), file)


def _as_tuple(value: Any) -> tuple:
    return tuple(value) if isinstance(value, (list, tuple)) else (value,)


def _expect(expect: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(expect)
    for k in ("roles_include", "roles_exclude", "stance", "stage", "decision_mode"):
        if k in out:
            out[k] = _as_tuple(out[k])
    return out


def _feedback(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        return {lang: value for lang in vocab.LANGUAGES}
    return dict(value or {})


# ---- checks --------------------------------------------------------------------------

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
            return True
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
    return insight_holds(_expect(expect), pm, identity)


def _check_total(c: _Checks, grading: dict) -> None:
    if c.problems:
        return
    weights = dict(DEFAULT_WEIGHTS)
    weights.update(grading.get("weights") or {})
    insight_points = sum(i.get("points", 0) for i in grading.get("insights") or ())
    if sum(graded_weights(c.pm, weights).values()) + insight_points <= 0:
        c.key("grading", "nothing_to_grade")


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
