"""Decision-chain coverage, the support index and the deal status (seed 003, unit 3).

**Decision chain.** For the opportunity's decision mode (003: committee scoring,
recommend-then-approve, top-down) the roles that matter are the vocabulary's
``key_roles``. For each, :func:`decision_chain` lists who holds it, where they stand and
whether anyone on our side covers them.

**Support index** (0–100, our definition). Over the key persons (see
:mod:`.context`) whose power and stance are known::

    weight  = power × role weight for the decision mode (× 1.5 for a champion)
    sign    = +1 support or champion, 0 neutral, −1 oppose
    index   = 50 + 50 × Σ(sign × weight) ÷ Σ weight

The role weight is the highest weight among the person's roles in ``index.role_weights``
for the mode (e.g. top-down: approver 1.0, evaluator 0.4; committee scoring: evaluator
1.0). 100 means everyone who matters backs us, 50 balanced or neutral, 0 all opposed.
Each person's contribution is ``50 × sign × weight ÷ Σ weight`` points, so the index is
50 plus the contributions. Raising a supporter's power can only raise the index.
People whose power or stance is unknown are not counted; they are listed as gaps.

**Status** (compare Altify's opportunity map: red = no supportive key players, green =
supportive decision makers or approvers). Deciders are holders of ``decision_maker`` or
``approver``:

* red — no key person supports us, or a decider opposes us and no decider supports us;
* green — a decider supports us, no decider opposes us and the index is at least
  ``status.green_min_index`` (50);
* amber — anything else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .context import Context, build_context
from .findings import Msg, Names

if TYPE_CHECKING:
    from ..model import PowerMap

__all__ = ["DECIDERS", "IndexResult", "decision_chain", "deal_status", "support_index"]

DECIDERS: tuple[str, ...] = ("decision_maker", "approver")
_SIGN = {"oppose": -1, "neutral": 0, "support": 1, "champion": 1}


def decision_chain(pm: PowerMap, config: Mapping[str, Any] | None = None, *,
                   ctx: Context | None = None) -> list[dict[str, Any]]:
    """One row per key role of the decision mode: holders, their stances, our coverage.

    ``status`` is ``no_holder`` (nobody in the map holds the role), ``not_covered`` (no
    holder has a coverage line) or ``covered``.

    >>> from powermap_kit import load_map
    >>> pm = load_map({"format": "powermap/1", "opportunity": {"decision_mode": "top_down"},
    ...     "stakeholders": [{"id": "gm", "name": "GM", "roles": ["approver"], "stance": "support"}],
    ...     "coverage": [{"stakeholder": "gm", "owner": "our VP", "channel": "executive"}]})
    >>> [(r["role"], r["status"], r["holders"]) for r in decision_chain(pm)]
    [('approver', 'covered', ['gm']), ('decision_maker', 'no_holder', [])]
    """
    ctx = ctx or build_context(pm, config=config)
    rows = []
    for role in ctx.key_roles:
        holders = ctx.holders(role)
        covered = [h for h in holders if ctx.covered(h)]
        best = [c for h in covered if (c := ctx.best_coverage(h)) is not None]  # covered: never None
        strongest = max(best, key=lambda c: c.strength or 0) if best else None
        rows.append({
            "role": role,
            "holders": holders,
            "names": list(ctx.names(holders)),
            "stances": [ctx.stance[h] or "unknown" for h in holders],
            "supportive": [h for h in holders if ctx.supportive(h)],
            "opposed": [h for h in holders if ctx.stance[h] == "oppose"],
            "covered": covered,
            "owners": sorted({c.owner for h in covered for c in ctx.coverage[h] if c.owner}),
            "best_strength": strongest.strength if strongest else None,
            "status": "no_holder" if not holders else ("covered" if covered else "not_covered"),
        })
    return rows


@dataclass
class IndexResult:
    """The support index with every person's part in it."""

    value: float | None
    rows: list[dict[str, Any]] = field(default_factory=list)
    total_weight: float = 0.0

    @property
    def counted(self) -> list[str]:
        return [r["id"] for r in self.rows if r["counted"]]

    @property
    def uncounted(self) -> list[str]:
        return [r["id"] for r in self.rows if not r["counted"]]

    def explanation(self) -> Msg:
        if self.value is None:
            return Msg("analysis.index.none", {"count": len(self.rows)})
        return Msg("analysis.index.explain", {
            "value": self.value, "counted": len(self.counted), "total": len(self.rows),
            "plus": round(sum(r["points"] for r in self.rows if r["counted"] and r["points"] > 0), 1),
            "minus": round(-sum(r["points"] for r in self.rows if r["counted"] and r["points"] < 0), 1)})


def _role_weight(roles: list[str], mode: str | None, cfg: Mapping[str, Any]) -> float:
    table = cfg["index"]["role_weights"].get(mode or "unknown") or cfg["index"]["role_weights"]["unknown"]
    weights = [float(table[r]) for r in roles if r in table]
    return max(weights) if weights else float(cfg["index"]["no_role_weight"])


def support_index(pm: PowerMap, config: Mapping[str, Any] | None = None, *,
                  ctx: Context | None = None) -> IndexResult:
    """The 0–100 support index over the key persons, with each one's contribution.

    >>> from powermap_kit import load_map
    >>> pm = load_map({"format": "powermap/1", "opportunity": {"decision_mode": "top_down"},
    ...     "stakeholders": [
    ...         {"id": "gm", "name": "GM", "roles": ["approver"], "power": 5, "stance": "support"},
    ...         {"id": "it", "name": "IT", "roles": ["decision_maker"], "power": 5, "stance": "oppose"}]})
    >>> result = support_index(pm)
    >>> result.value, [r["points"] for r in result.rows]
    (50.0, [25.0, -25.0])
    """
    ctx = ctx or build_context(pm, config=config)
    factor = float(ctx.cfg["index"]["champion_factor"])
    rows: list[dict[str, Any]] = []
    for pid in ctx.key:
        person = ctx.people[pid]
        stance = ctx.stance[pid]
        role_w = _role_weight(person.roles, ctx.mode, ctx.cfg)
        row: dict[str, Any] = {"id": pid, "name": ctx.name(pid), "roles": list(person.roles), "power": person.power,
                               "stance": stance, "basis": ctx.basis[pid], "role_weight": role_w,
                               "weight": None, "sign": None, "points": None, "counted": False}
        if person.power is not None and stance is not None:
            row["weight"] = person.power * role_w * (factor if stance == "champion" else 1.0)
            row["sign"] = _SIGN[stance]
            row["counted"] = True
        rows.append(row)
    total = sum(r["weight"] for r in rows if r["counted"])
    if not total:
        return IndexResult(None, rows, 0.0)
    for r in rows:
        if r["counted"]:
            r["points"] = round(50 * r["sign"] * r["weight"] / total, 2)
    value = 50 + 50 * sum(r["sign"] * r["weight"] for r in rows if r["counted"]) / total
    return IndexResult(round(value, 1), rows, total)


def deal_status(pm: PowerMap, config: Mapping[str, Any] | None = None, *, ctx: Context | None = None,
                index: IndexResult | None = None) -> tuple[str, Msg]:
    """``(status, reason)``: red, amber or green by the rule in this module's docstring.

    >>> from powermap_kit import load_map
    >>> pm = load_map({"format": "powermap/1", "stakeholders": [
    ...     {"id": "dm", "name": "Wang", "roles": ["decision_maker"], "power": 5, "stance": "neutral"}]})
    >>> status, reason = deal_status(pm)
    >>> status, reason.render("en")
    ('red', 'no key person supports us yet (Altify: no supportive key players).')
    """
    ctx = ctx or build_context(pm, config=config)
    index = index or support_index(pm, ctx=ctx)
    key_supporters = [k for k in ctx.key if ctx.supportive(k)]
    deciders = [pid for pid, p in ctx.people.items() if any(r in p.roles for r in DECIDERS)]
    for_us = [d for d in deciders if ctx.supportive(d)]
    against = [d for d in deciders if ctx.stance[d] == "oppose"]
    threshold = ctx.cfg["status"]["green_min_index"]
    if not key_supporters:
        return "red", Msg("analysis.status.red_none")
    if against and not for_us:
        return "red", Msg("analysis.status.red_against", {"names": Names(ctx.names(against))})
    if for_us and not against and index.value is not None and index.value >= threshold:
        return "green", Msg("analysis.status.green", {"names": Names(ctx.names(for_us)), "index": index.value,
                                                      "threshold": threshold})
    if not for_us:
        return "amber", Msg("analysis.status.amber_no_decider", {"names": Names(ctx.names(key_supporters))})
    if against:
        return "amber", Msg("analysis.status.amber_split", {"for_us": Names(ctx.names(for_us)),
                                                            "against": Names(ctx.names(against))})
    return "amber", Msg("analysis.status.amber_index", {"index": "?" if index.value is None else index.value,
                                                        "threshold": threshold,
                                                        "names": Names(ctx.names(for_us))})
