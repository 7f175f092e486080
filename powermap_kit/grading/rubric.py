"""The course's rating rubric (``data/rubric.json``) and the checks a machine can make of a key.

The rubric says when a stance is unknown, oppose, neutral, support or champion, when a role
is decision maker, evaluator or approver, what each power level means, when someone is a
coach, and which relationship step comes next (``case_studies/RUBRIC.en.md`` is its
readable form). :func:`check_key_rubric` finds the ratings of an answer key that break what
can be checked by machine:

- every rating (roles, power, stance, relationship step, a coach flag, a coach candidate) has evidence that
  names a document ("doc 03", "资料03", the twist announcement);
- a person rated neutral whose evidence says there was no contact and no signal is unknown;
- a champion's evidence shows an action taken for us, a coach's evidence a verified tip;
- a decision maker has power 4 or 5;
- the decision mode fits the roles present (top-down: the decision maker at the top holds
  power 5; recommend-then-approve: an evaluator and a different approver; committee
  scoring: three or more evaluators, and a decision maker also scores).

>>> [e["code"] for e in rubric()["stance"]]
['unknown', 'oppose', 'neutral', 'support', 'champion']
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any, ClassVar

from .. import vocab
from ..errors import Problem, UnknownName
from ..model import PowerMap

__all__ = ["RubricProblem", "check_key_rubric", "rubric", "when"]

#: The ratings that need evidence whenever the person has them.
RATED = ("roles", "power", "stance", "relationship_step")


class RubricProblem(Problem):
    """A key's rating that breaks the course rubric; its message lives in ``rubric.problem.*``."""

    TEXTS: ClassVar[str] = "rubric.problem"


@lru_cache(maxsize=1)
def rubric() -> dict[str, Any]:
    """The rubric as course data (bilingual ``when`` texts per code, and the check patterns)."""
    return json.loads(resources.files("powermap_kit").joinpath("data/rubric.json").read_text("utf-8"))


def when(kind: str, code: str | int, lang: str | None = None) -> str:
    """The rubric's rule for one code: when to rate ``kind`` (stance, roles, power, coach, ...) as ``code``.

    >>> when("coach", "no", lang="en").split(";")[0]
    'A friendly contact is not yet a coach'
    """
    kinds = [k for k in rubric() if k not in ("about", "checks")]
    if kind not in kinds:
        raise UnknownName.not_one_of("rubric", kind, kinds)
    entries = rubric()[kind]
    table = dict(entries) if isinstance(entries, dict) else {e["code"]: e["when"] for e in entries}
    if code not in table:
        raise UnknownName.not_one_of(f"rubric.{kind}", code, [str(c) for c in table])
    return str(table[code][vocab.checked_language(lang)])


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return {name: re.compile("|".join(parts), re.IGNORECASE) for name, parts in rubric()["checks"].items()}


def _evidence(obj: dict[str, Any], field: str) -> list[str]:
    """The evidence texts for ``field`` in every language the object carries."""
    def field_of(part: Any) -> Any:
        evidence = part.get("evidence") if isinstance(part, dict) else None
        return evidence.get(field) if isinstance(evidence, dict) else None

    i18n = obj.get("i18n")
    texts = [field_of(obj), *(field_of(part) for part in (i18n.values() if isinstance(i18n, dict) else ()))]
    return [t for t in texts if isinstance(t, str) and t.strip()]


def _says(pattern: str, texts: list[str]) -> bool:
    return any(_patterns()[pattern].search(t) for t in texts)


def check_key_rubric(key: PowerMap, file: str | None = None) -> list[Problem]:
    """Every rating of ``key`` that breaks what the rubric lets a machine check (empty when fine)."""
    problems: list[Problem] = []

    def add(place: str, code: str, value: Any = None, **params: Any) -> None:
        problems.append(RubricProblem(place, code, value, params=params, file=file))

    opportunity = key.opportunity.to_dict() if key.opportunity else {}
    for field in ("stage", "decision_mode"):
        if opportunity.get(field):
            _need_document(add, "opportunity", field, _evidence(opportunity, field))
    for person in key.stakeholders:
        _check_person(add, person.to_dict())
    _check_mode(add, key)
    return problems


def _need_document(add: Any, place: str, field: str, texts: list[str]) -> bool:
    if not texts:
        add(f"{place}.evidence.{field}", "no_evidence", field)
        return False
    if not _says("document", texts):
        add(f"{place}.evidence.{field}", "no_document", texts[0][:80])
        return False
    return True


def _check_person(add: Any, p: dict[str, Any]) -> None:
    place = f"stakeholders[{p['id']}]"
    rated = [f for f in RATED if p.get(f)]
    if p.get("coach"):
        rated.append("coach")
    if p.get("coach_candidate"):
        rated.append("coach")
    for field in dict.fromkeys(rated):
        _need_document(add, place, field, _evidence(p, field))
    stance_texts = _evidence(p, "stance")
    if p.get("stance") == "neutral" and _says("no_contact", stance_texts):
        add(f"{place}.stance", "unknown_not_neutral", p["stance"], name=p["name"])
    if p.get("stance") == "champion" and stance_texts and not _says("acts_for_us", stance_texts):
        add(f"{place}.stance", "champion_without_action", p["stance"], name=p["name"])
    coach_texts = _evidence(p, "coach")
    if p.get("coach") and coach_texts and not _says("verified", coach_texts):
        add(f"{place}.coach", "coach_unverified", True, name=p["name"])
    if p.get("coach") and p.get("coach_candidate"):
        add(f"{place}.coach_candidate", "candidate_and_coach", True, name=p["name"])
    if "decision_maker" in (p.get("roles") or []) and isinstance(p.get("power"), int) and p["power"] < 4:
        add(f"{place}.power", "decision_maker_power", p["power"], name=p["name"])


def _check_mode(add: Any, key: PowerMap) -> None:
    mode = key.opportunity.decision_mode if key.opportunity else None
    people = key.stakeholders
    evaluators = [p for p in people if "evaluator" in p.roles]
    deciders = [p for p in people if "decision_maker" in p.roles]
    approvers = [p for p in people if "approver" in p.roles]
    if mode == "top_down" and not any(p.power == 5 for p in deciders):
        add("opportunity.decision_mode", "mode_top_down", mode)
    elif mode == "recommend_then_approve" and not (
            evaluators and any(a.id not in {e.id for e in evaluators} for a in approvers)):
        add("opportunity.decision_mode", "mode_recommend", mode)
    elif mode == "committee_scoring":
        if len(evaluators) < 3:
            add("opportunity.decision_mode", "mode_committee", mode, count=len(evaluators))
        for p in deciders:
            if "evaluator" not in p.roles:
                add(f"stakeholders[{p.id}].roles", "committee_decider", mode, name=p.name)
