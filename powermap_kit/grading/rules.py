"""The grading rules, each said once: criteria, default weights, the power tolerance and
how much credit a submitted value earns against the key's.

Everything that judges a submission against a key — the criteria, the key comparison
behind the review widget, the twist checks of the course — reads these.

>>> from powermap_kit import Stakeholder
>>> power_credit(4, 3), power_credit(4, 2), power_credit(4, 1), power_credit(4, None)
(1.0, 0.5, 0.0, 0.0)
>>> field_credit("roles", Stakeholder("a", "A", roles=["approver", "user"]), Stakeholder("b", "A", roles=["user"]))
0.5
>>> field_credit("stance", Stakeholder("a", "A", stance="champion"), Stakeholder("b", "A", stance="support"))
0.5
"""

from __future__ import annotations

from collections.abc import Mapping, Set

from ..errors import UnknownName
from ..model import PowerMap, Stakeholder

__all__ = ["COMPARED", "CRITERIA", "DEFAULT_TOLERANCE", "DEFAULT_WEIGHTS", "POSITIVE", "field_credit",
           "graded_fields", "graded_weights", "power_credit", "power_within", "roles_credit", "roles_overlap",
           "stance_credit"]

#: The criteria a key can weight, in report order. Insights carry their own points.
CRITERIA: tuple[str, ...] = ("people", "roles", "power", "stance", "coach", "relationships", "stage",
                             "decision_mode")
#: Weights used for every criterion a key does not weight; they sum to 100.
DEFAULT_WEIGHTS: dict[str, float] = {"people": 20, "roles": 25, "power": 10, "stance": 15, "coach": 5,
                                     "relationships": 15, "stage": 5, "decision_mode": 5}
#: THE power tolerance: a rating within this many steps of the key's earns full credit
#: (a key may set its own with ``grading.tolerance.power``).
DEFAULT_TOLERANCE = 1
#: The per-person fields compared with the key, in report order.
COMPARED: tuple[str, ...] = ("roles", "power", "stance", "coach")
#: Stances on our side: a champion read as a supporter (or back) earns half.
POSITIVE = frozenset({"support", "champion"})


def power_credit(expected: int, given: int | None, tolerance: int = DEFAULT_TOLERANCE) -> float:
    """Credit for a power rating: 1 within the tolerance, 0.5 one step beyond, else 0 (also when unknown)."""
    if given is None:
        return 0.0
    gap = abs(expected - given)
    return 1.0 if gap <= tolerance else 0.5 if gap == tolerance + 1 else 0.0


def power_within(expected: int | None, given: int | None, tolerance: int = DEFAULT_TOLERANCE) -> bool:
    """True when a power rating counts as right: both known and within the tolerance."""
    return expected is not None and given is not None and abs(int(expected) - int(given)) <= tolerance


def roles_credit(expected: Stakeholder, given: Stakeholder) -> float:
    """Shared roles over all roles named (1 when both name none)."""
    return roles_overlap(set(expected.roles), set(given.roles))


def roles_overlap(want: Set[str], have: Set[str]) -> float:
    """:func:`roles_credit` of two role sets."""
    both = want | have
    return len(want & have) / len(both) if both else 1.0


def stance_credit(expected: str | None, given: str | None) -> float:
    """1 when the stances agree (no stance counts as ``unknown``), 0.5 when both are on our side."""
    want, have = expected or "unknown", given or "unknown"
    return 1.0 if want == have else 0.5 if want in POSITIVE and have in POSITIVE else 0.0


def field_credit(field: str, expected: Stakeholder, given: Stakeholder, tolerance: int = DEFAULT_TOLERANCE) -> float:
    """The share of a field's credit a submitted person earns against the key's person (0–1).

    ``roles``: :func:`roles_credit`; ``power``: :func:`power_credit` (full credit when the
    key gives none); ``stance``: :func:`stance_credit`; ``coach``: 1 when the flags agree.
    Only meaningful where the key grades the field (:func:`graded_fields`).
    """
    if field == "roles":
        return roles_credit(expected, given)
    if field == "power":
        return 1.0 if expected.power is None else power_credit(expected.power, given.power, tolerance)
    if field == "stance":
        return stance_credit(expected.stance, given.stance)
    if field == "coach":
        return 1.0 if bool(expected.coach) == bool(given.coach) else 0.0
    raise UnknownName.not_one_of("field", field, COMPARED)


def graded_fields(key_map: PowerMap, person: Stakeholder) -> tuple[str, ...]:
    """The fields of :data:`COMPARED` the key grades for this person of its own.

    Roles, power and stance where the key gives them; the coach flag for everyone once
    the key marks coaches at all.
    """
    coaches = any(p.coach is not None for p in key_map.stakeholders)
    return tuple(f for f in COMPARED if (coaches if f == "coach" else bool(person.roles) if f == "roles"
                                         else getattr(person, f) is not None))


def graded_weights(key_map: PowerMap, weights: Mapping[str, float]) -> dict[str, float]:
    """The weights that apply: a criterion the key gives nothing to grade on weighs 0.

    >>> from powermap_kit import PowerMap
    >>> key = PowerMap()
    >>> _ = key.add_stakeholder(id="a", name="Li Ming", roles=["approver"])
    >>> graded_weights(key, {"people": 20, "roles": 25, "power": 10})
    {'people': 20, 'roles': 25, 'power': 0}
    """
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
