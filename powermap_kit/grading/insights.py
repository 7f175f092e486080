"""Insight expectations (``grading.insights[].expect``, see ``case_studies/CONTRACT.md``).

An insight counts as found when every given key holds in the submission:

- person keys (``roles_include``, ``roles_exclude``, ``stance``, ``power_min``,
  ``power_max``, ``coach``) about the submission's person matched to ``stakeholder``;
  a person who is missing fails them all;
- ``relationship``: the line (key ids, mapped through the matching) is in the submission,
  either way round for ally and conflict;
- ``stage``, ``decision_mode``: the submission's opportunity has one of the codes.

>>> from powermap_kit import Stakeholder
>>> person = Stakeholder("p1", "Li Ming", roles=["evaluator"], power=3)
>>> insight_holds({"stakeholder": "dean", "roles_exclude": ("decision_maker",), "power_max": 3},
...               None, {"dean": person})
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..diff import edge, edges
from ..model import PowerMap, Stakeholder

__all__ = ["insight_holds", "normalise_expect"]


def insight_holds(expect: Mapping[str, Any], submission: PowerMap | None, people: Mapping[str, Stakeholder],
                  lines: set[tuple[str, str, str]] | None = None) -> bool:
    """Whether a submission meets one insight's ``expect``.

    Parameters
    ----------
    expect : mapping
        The insight's expectations, list-valued keys already as tuples.
    submission : PowerMap or None
        The submission (for deal-level keys and lines; may be None when unused).
    people : mapping of key id to Stakeholder
        The submission's person matched to each key person.
    lines : set of tuple, optional
        The submission's relationships as :func:`~powermap_kit.diff.edge` tuples in key
        ids; computed from ``submission`` and ``people`` when not given.
    """
    if "stakeholder" in expect:
        person = people.get(expect["stakeholder"])
        if person is None or not _person_holds(expect, person):
            return False
    if "relationship" in expect:
        rel = expect["relationship"]
        if lines is None:
            back = {p.id: key_id for key_id, p in people.items()}
            lines = set(edges(submission, back)) if submission is not None else set()
        if edge(rel["source"], rel["target"], rel["type"]) not in lines:
            return False
    for name in ("stage", "decision_mode"):
        if name in expect:
            have = getattr(submission.opportunity, name) if submission is not None else None
            if have not in expect[name]:
                return False
    return True


def _person_holds(expect: Mapping[str, Any], person: Stakeholder) -> bool:
    roles = set(person.roles)
    if "roles_include" in expect and not set(expect["roles_include"]) <= roles:
        return False
    if "roles_exclude" in expect and roles & set(expect["roles_exclude"]):
        return False
    if "stance" in expect and person.stance_or_unknown not in expect["stance"]:
        return False
    if "power_min" in expect and (person.power is None or person.power < expect["power_min"]):
        return False
    if "power_max" in expect and (person.power is None or person.power > expect["power_max"]):
        return False
    if "coach" in expect and bool(person.coach) != expect["coach"]:
        return False
    return True


def normalise_expect(expect: Mapping[str, Any]) -> dict[str, Any]:
    """An ``expect`` as :func:`insight_holds` reads it: code lists as tuples, a single code as a 1-tuple."""
    out = dict(expect)
    for k in ("roles_include", "roles_exclude", "stance", "stage", "decision_mode"):
        if k in out:
            value = out[k]
            out[k] = tuple(value) if isinstance(value, (list, tuple)) else (value,)
    return out
