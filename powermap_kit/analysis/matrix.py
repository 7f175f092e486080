"""The power matrix and its second view, the support matrix.

**Power matrix** (权力矩阵分析, seed 000 §4: "评估各角色的影响力和权力，从而确定优先接触的对象"):
power × influence, to decide whom to contact first. Power (权力大小, 1–5) is what a person
can decide or stop; influence (影响力, 1–5) is how much their view weighs with the others.
A person's influence is their recorded ``influence`` support dimension; when it is not
recorded and the person has relationship lines, their network power (:mod:`.hidden`),
rounded, with basis ``"network"``; otherwise unknown. High means ``matrix.high_power`` /
``matrix.high_influence`` or more (default 4). Our quadrants:

================ ============================ ==========================================
quadrant          who                          contact priority
================ ============================ ==========================================
contact_first     high power, high influence   1 — contact first, plan who covers them
key_decider       high power, lower influence  2 — secure their sign-off, at their pace
key_influencer    lower power, high influence  2 — a route to the powerful, win early
keep_informed     lower power and influence    3 — keep informed at modest effort
unplaced          power or influence unknown   find out first (an information gap)
================ ============================ ==========================================

**Support matrix** (our second view, after seed 002's per-stance strategy): power ×
stance toward us, to decide *how* to treat a person once you know whom to contact:

============== ============================ ==========================================
quadrant        who                          approach (seed 002: win supporters,
                                             convert the neutral, handle opponents)
============== ============================ ==========================================
key_ally        high power, supportive       engage closely, equip them to advocate
key_target      high power, neutral/opposed  win them: learn needs, prove value
supporter_base  lower power, supportive      sources of information, routes upward
monitor         lower power, neutral/opposed keep informed, stop them becoming blockers
unplaced        power or stance unknown      find out first (an information gap)
============== ============================ ==========================================

Names and approaches are texts ``analysis.quadrant.<code>.name`` / ``.approach`` in both
languages (the two views share ``unplaced``).

>>> quadrant(5, 5), quadrant(5, 2), quadrant(2, 4), quadrant(None, 4)
('contact_first', 'key_decider', 'key_influencer', 'unplaced')
>>> support_quadrant(5, "neutral"), support_quadrant(2, "champion"), support_quadrant(None, "support")
('key_target', 'supporter_base', 'unplaced')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import vocab
from .context import Context, build_context
from .hidden import hidden_power, influence_edges
from .support import SUPPORTIVE

if TYPE_CHECKING:
    from ..model import PowerMap

__all__ = ["QUADRANTS", "SUPPORT_QUADRANTS", "influence_of", "power_matrix", "quadrant", "quadrant_approach",
           "quadrant_name", "support_matrix", "support_quadrant"]

#: The quadrants of the power matrix (power × influence, seed 000 §4), in contact-priority order.
QUADRANTS: tuple[str, ...] = ("contact_first", "key_decider", "key_influencer", "keep_informed", "unplaced")
#: The quadrants of the support matrix (power × stance, our second view).
SUPPORT_QUADRANTS: tuple[str, ...] = ("key_ally", "key_target", "supporter_base", "monitor", "unplaced")


def quadrant(power: int | None, influence: float | None, high_power: int = 4, high_influence: int = 4) -> str:
    """The power-matrix quadrant for a power and an influence (each 1–5 or ``None``)."""
    if power is None or influence is None:
        return "unplaced"
    if power >= high_power:
        return "contact_first" if influence >= high_influence else "key_decider"
    return "key_influencer" if influence >= high_influence else "keep_informed"


def support_quadrant(power: int | None, stance: str | None, high_power: int = 4) -> str:
    """The support-matrix quadrant for a power (1–5 or ``None``) and a stance code (or ``None``)."""
    if power is None or not stance or stance == "unknown":
        return "unplaced"
    high = power >= high_power
    if stance in SUPPORTIVE:
        return "key_ally" if high else "supporter_base"
    return "key_target" if high else "monitor"


def quadrant_name(code: str, lang: str | None = None) -> str:
    """A quadrant's name (either view), e.g. ``"Contact first"`` / ``"优先接触"``."""
    return vocab.text(f"analysis.quadrant.{code}.name", lang=lang)


def quadrant_approach(code: str, lang: str | None = None) -> str:
    """The recommended approach for a quadrant of either view (one or two sentences)."""
    return vocab.text(f"analysis.quadrant.{code}.approach", lang=lang)


def influence_of(pm: PowerMap, config: Mapping[str, Any] | None = None, *,
                 ctx: Context | None = None) -> dict[str, tuple[int | None, str | None]]:
    """``{id: (influence, basis)}``: recorded (basis ``"recorded"``), else the network's (``"network"``).

    >>> from powermap_kit import load_map
    >>> pm = load_map({"format": "powermap/1", "stakeholders": [
    ...     {"id": "a", "name": "A", "support": {"influence": 2}}, {"id": "b", "name": "B"}]})
    >>> influence_of(pm)
    {'a': (2, 'recorded'), 'b': (None, None)}
    """
    ctx = ctx or build_context(pm, config=config)
    linked = {pid for edge in influence_edges(pm, ctx.cfg["hidden"]["edge_weights"]) for pid in edge}
    network = {r["id"]: r["network_power"] for r in hidden_power(pm, ctx=ctx)
               if r["network_power"] is not None and r["id"] in linked}  # no line, no estimate
    out: dict[str, tuple[int | None, str | None]] = {}
    for pid, p in ctx.people.items():
        recorded = p.support.get("influence")
        if recorded is not None:
            out[pid] = (recorded, "recorded")
        elif pid in network:
            out[pid] = (max(1, min(5, int(network[pid] + 0.5))), "network")
        else:
            out[pid] = (None, None)
    return out


def power_matrix(pm: PowerMap, config: Mapping[str, Any] | None = None, *,
                 ctx: Context | None = None) -> list[dict[str, Any]]:
    """The power matrix, one row per person: ``id``, ``name``, ``power``, ``influence``,
    ``influence_basis``, ``quadrant`` (power × influence, seed 000 §4).

    >>> from powermap_kit import PowerMap
    >>> pm = PowerMap()
    >>> _ = pm.add_stakeholder(id="cio", name="Wang", power=5, support={"influence": 4})
    >>> _ = pm.add_stakeholder(id="pa", name="Li", power=2, support={"influence": 5})
    >>> [r["quadrant"] for r in power_matrix(pm)]
    ['contact_first', 'key_influencer']
    """
    ctx = ctx or build_context(pm, config=config)
    if "matrix" in ctx.cache:
        return ctx.cache["matrix"]
    high_p = int(ctx.cfg["matrix"]["high_power"])
    high_i = int(ctx.cfg["matrix"]["high_influence"])
    influence = influence_of(pm, ctx=ctx)
    ctx.cache["matrix"] = rows = [
        {"id": pid, "name": p.name, "power": p.power, "influence": influence[pid][0],
         "influence_basis": influence[pid][1], "quadrant": quadrant(p.power, influence[pid][0], high_p, high_i)}
        for pid, p in ctx.people.items()]
    return rows


def support_matrix(pm: PowerMap, config: Mapping[str, Any] | None = None, *,
                   ctx: Context | None = None) -> list[dict[str, Any]]:
    """The support matrix (our second view), one row per person: ``id``, ``name``, ``power``,
    ``stance`` (as used), ``basis``, ``quadrant`` (power × stance).

    >>> from powermap_kit import PowerMap
    >>> pm = PowerMap()
    >>> _ = pm.add_stakeholder(id="cio", name="Wang", power=5, stance="oppose")
    >>> [r["quadrant"] for r in support_matrix(pm)]
    ['key_target']
    """
    ctx = ctx or build_context(pm, config=config)
    if "support_matrix" in ctx.cache:
        return ctx.cache["support_matrix"]
    high = int(ctx.cfg["matrix"]["high_power"])
    ctx.cache["support_matrix"] = rows = [
        {"id": pid, "name": p.name, "power": p.power, "stance": ctx.stance[pid], "basis": ctx.basis[pid],
         "quadrant": support_quadrant(p.power, ctx.stance[pid], high)} for pid, p in ctx.people.items()]
    return rows
