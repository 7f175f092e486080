"""Power matrix (权力矩阵分析, seed 000 §4): power × support decides whom to approach first.

Our quadrants (configurable split ``matrix.high_power``, default 4 = "can push or stop
the deal largely alone"; supportive = support or champion):

============== ============================ ==========================================
quadrant        who                          approach (seed 002: win supporters,
                                             convert the neutral, handle opponents)
============== ============================ ==========================================
key_ally        high power, supportive       engage closely, equip them to advocate
key_target      high power, neutral/opposed  top priority: learn needs, prove value
supporter_base  lower power, supportive      sources of information, routes upward
monitor         lower power, neutral/opposed keep informed, stop them becoming blockers
unplaced        power or stance unknown      find out first (an information gap)
============== ============================ ==========================================

Compared with Mendelow's power–interest grid (manage closely, keep satisfied, keep
informed, monitor) the second axis here is *support for us*, not interest, as in the
CiviCRM PowerMap (influence × support). Names and approaches are texts
``analysis.quadrant.<code>.name`` / ``.approach`` in both languages.

>>> quadrant(5, "neutral"), quadrant(2, "champion"), quadrant(None, "support")
('key_target', 'supporter_base', 'unplaced')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import vocab
from .context import Context, build_context
from .support import SUPPORTIVE

if TYPE_CHECKING:
    from ..model import PowerMap

__all__ = ["QUADRANTS", "power_matrix", "quadrant", "quadrant_approach", "quadrant_name"]

QUADRANTS: tuple[str, ...] = ("key_ally", "key_target", "supporter_base", "monitor", "unplaced")


def quadrant(power: int | None, stance: str | None, high_power: int = 4) -> str:
    """The quadrant code for a power (1–5 or ``None``) and a stance code (or ``None``)."""
    if power is None or not stance or stance == "unknown":
        return "unplaced"
    high = power >= high_power
    if stance in SUPPORTIVE:
        return "key_ally" if high else "supporter_base"
    return "key_target" if high else "monitor"


def quadrant_name(code: str, lang: str | None = None) -> str:
    """The quadrant's name, e.g. ``"Key ally"`` / ``"关键盟友"``."""
    return vocab.text(f"analysis.quadrant.{code}.name", lang=lang)


def quadrant_approach(code: str, lang: str | None = None) -> str:
    """The recommended approach for a quadrant (one or two sentences)."""
    return vocab.text(f"analysis.quadrant.{code}.approach", lang=lang)


def power_matrix(pm: PowerMap, config: Mapping[str, Any] | None = None, *,
                 ctx: Context | None = None) -> list[dict[str, Any]]:
    """One row per person: ``id``, ``name``, ``power``, ``stance`` (as used), ``basis``, ``quadrant``.

    >>> from powermap_kit import PowerMap
    >>> pm = PowerMap()
    >>> _ = pm.add_stakeholder(id="cio", name="Wang", power=5, stance="oppose")
    >>> [r["quadrant"] for r in power_matrix(pm)]
    ['key_target']
    """
    ctx = ctx or build_context(pm, config=config)
    if "matrix" in ctx.cache:
        return ctx.cache["matrix"]
    high = int(ctx.cfg["matrix"]["high_power"])
    ctx.cache["matrix"] = rows = [{"id": pid, "name": ctx.name(pid), "power": p.power, "stance": ctx.stance[pid], "basis": ctx.basis[pid],
             "quadrant": quadrant(p.power, ctx.stance[pid], high)} for pid, p in ctx.people.items()]
    return rows
