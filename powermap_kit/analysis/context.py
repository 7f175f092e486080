"""What every analysis step needs to know about a map, computed once.

**Key persons** (our definition, course-content §5): the holders of the key roles of the
opportunity's decision mode (vocabulary ``decision_mode.key_roles``; when the mode is
unknown, the key roles of every mode) plus anyone with power ≥ ``key_power`` (default 4,
"can push or stop the deal largely alone"). **Coverage** is the map's ``coverage``
entries: someone on our side in contact with a stakeholder.

>>> from powermap_kit import PowerMap
>>> pm = PowerMap()
>>> _ = pm.add_stakeholder(id="cfo", name="Zhou Min", roles=["approver"], power=4)
>>> _ = pm.add_stakeholder(id="u", name="User", roles=["user"], power=2)
>>> ctx = build_context(pm, today="2026-11-20")
>>> sorted(ctx.key), ctx.key["cfo"]
(['cfo'], ('approver', 'power'))
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from .. import localize, vocab
from ..errors import InvalidValue
from .settings import config as _config
from .support import score_with, support_level

if TYPE_CHECKING:
    from ..model import Coverage, PowerMap, Stakeholder

__all__ = ["Context", "build_context", "key_roles_for", "parse_date"]


def parse_date(value: date | datetime | str | None) -> date | None:
    """A date from a ``date``, ``datetime`` or ISO ``YYYY-MM-DD`` string; ``None`` stays ``None``.

    >>> parse_date("2026-11-20")
    datetime.date(2026, 11, 20)
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InvalidValue("today", "bad_date", str(value)) from None


def key_roles_for(mode: str | None) -> tuple[str, ...]:
    """The roles that matter in a decision mode; every mode's key roles when it is unknown.

    >>> key_roles_for("top_down")
    ('approver', 'decision_maker')
    >>> key_roles_for(None)
    ('approver', 'decision_maker', 'evaluator', 'purchaser')
    """
    if mode:
        return tuple(vocab.entry(mode, "decision_mode")["key_roles"])
    wanted = {r for m in vocab.DECISION_MODES for r in vocab.entry(m, "decision_mode")["key_roles"]}
    return tuple(r for r in vocab.ROLES if r in wanted)


@dataclass
class Context:
    """Facts shared by the analysis steps (build with :func:`build_context`)."""

    pm: PowerMap
    cfg: dict[str, Any]
    today: date
    people: dict[str, Stakeholder]
    scores: dict[str, float | None]
    stance: dict[str, str | None]
    basis: dict[str, str | None]
    mode: str | None
    stage: str | None
    key_roles: tuple[str, ...]
    key: dict[str, tuple[str, ...]]
    coverage: dict[str, list[Coverage]]
    cache: dict[str, Any] = field(default_factory=dict)
    _names: dict[tuple[str, str], str] = field(default_factory=dict, repr=False, compare=False)

    def name(self, pid: str, lang: str | None = None) -> str:
        """A person's name in the current (or given) language ("Shen Guodong (沈国栋)" / "沈国栋"),
        worked out once per person and language (a large map's report names each person often)."""
        key = (pid, lang or vocab.get_language())
        found = self._names.get(key)
        if found is None:
            found = self._names[key] = localize.person_name(self.people[pid], key[1])
        return found

    def names(self, ids: Any) -> tuple[str, ...]:
        return tuple(self.name(i) for i in ids)

    def covered(self, pid: str) -> bool:
        return bool(self.coverage.get(pid))

    def supportive(self, pid: str) -> bool:
        return self.stance.get(pid) in ("support", "champion")

    def holders(self, role: str) -> list[str]:
        return [pid for pid, p in self.people.items() if role in p.roles]

    def best_coverage(self, pid: str) -> Coverage | None:
        """The strongest coverage line of a person (recorded strength first, then latest contact)."""
        lines = self.coverage.get(pid) or []
        if not lines:
            return None
        return max(lines, key=lambda c: (c.strength or 0, c.last_contact or ""))


def build_context(pm: PowerMap, today: date | datetime | str | None = None,
                  config: Mapping[str, Any] | None = None) -> Context:
    """Compute the shared facts of a map once (effective stances, key persons, coverage)."""
    cfg = _config(config)
    people = {p.id: p for p in pm.stakeholders}
    scores: dict[str, float | None] = {}
    stance: dict[str, str | None] = {}
    basis: dict[str, str | None] = {}
    weights = {d: float(w) for d, w in cfg["support"]["weights"].items() if float(w) > 0}
    min_dims = int(cfg["support"]["min_dimensions"])
    for pid, person in people.items():
        scores[pid] = score = score_with(person, weights, min_dims)
        if person.stance and person.stance != "unknown":
            stance[pid], basis[pid] = person.stance, "recorded"
        else:
            level = support_level(score, cfg)
            stance[pid], basis[pid] = level, ("dimensions" if level else None)
    mode = pm.opportunity.decision_mode
    roles = key_roles_for(mode)
    key: dict[str, tuple[str, ...]] = {}
    for pid, person in people.items():
        reasons = tuple(r for r in roles if r in person.roles)
        if person.power is not None and person.power >= cfg["key_power"]:
            reasons += ("power",)
        if reasons:
            key[pid] = reasons
    coverage: dict[str, list[Coverage]] = {}
    for line in pm.coverage:
        if line.stakeholder in people:
            coverage.setdefault(line.stakeholder, []).append(line)
    return Context(pm=pm, cfg=cfg, today=parse_date(today) or date.today(), people=people, scores=scores,
                   stance=stance, basis=basis, mode=mode, stage=pm.opportunity.stage, key_roles=roles,
                   key=key, coverage=coverage)
