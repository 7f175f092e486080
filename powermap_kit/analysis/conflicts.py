"""Interest conflicts (利益冲突分析, seed 000 §4): whose interests clash, where is the balance.

Four kinds of finding, each naming the people and suggesting a way through:

* ``conflict_line`` — a ``conflict`` relationship touching a key person, with both
  sides' stances, the line's note and, where recorded, both sides' needs side by side
  (``needs_clash``) so the clashing interests can be read and balanced;
* ``opposing_influence`` — a key person who does not oppose us but is swayed by someone
  who does (an ``influences`` line from, or an ``ally`` of, an opponent);
* ``competitor_camp`` — people whose preferred vendor is a competitor, grouped by vendor
  (seed 003: competitor information is part of the intelligence system).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import localize
from .context import Context, build_context
from .findings import Label, Labels, Localised, Msg, Names
from .vendors import competitor_preference, fold_vendor

if TYPE_CHECKING:
    from ..model import PowerMap

__all__ = ["CONFLICT_KINDS", "Conflict", "interest_conflicts"]

CONFLICT_KINDS: tuple[str, ...] = ("conflict_line", "needs_clash", "opposing_influence", "competitor_camp")


@dataclass(frozen=True)
class Conflict:
    """One interest conflict: its ``kind``, the people, what we see and what to do."""

    kind: str
    stakeholders: tuple[str, ...]
    message: Msg
    advice: Msg

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {"kind": self.kind, "stakeholders": list(self.stakeholders),
                "message": self.message.render(lang), "advice": self.advice.render(lang)}


def _who(ctx: Context, pid: str) -> Msg:
    p = ctx.people[pid]
    roles = Labels(tuple(p.roles), "role") if p.roles else Msg("analysis.word.no_role")
    return Msg("analysis.conflict.who", {"name": Localised(localize.names(p)), "roles": roles,
                                         "stance": Label(ctx.stance[pid] or "unknown", "stance")})


def interest_conflicts(pm: PowerMap, config: Mapping[str, Any] | None = None, *,
                       ctx: Context | None = None) -> list[Conflict]:
    """Every interest conflict among the key people (see the module docstring).

    >>> from powermap_kit import load_map
    >>> pm = load_map({"format": "powermap/1", "stakeholders": [
    ...     {"id": "cfo", "name": "Zhou", "roles": ["approver"], "power": 5, "stance": "neutral"},
    ...     {"id": "cio", "name": "Wang", "roles": ["decision_maker"], "power": 5, "stance": "support"}],
    ...     "relationships": [{"source": "cfo", "target": "cio", "type": "conflict", "note": "budget"}]})
    >>> [c.kind for c in interest_conflicts(pm)]
    ['conflict_line']
    """
    ctx = ctx or build_context(pm, config=config)
    out: list[Conflict] = []
    for rel in pm.relationships:
        if rel.type != "conflict" or not (rel.source in ctx.key or rel.target in ctx.key):
            continue
        a, b = rel.source, rel.target
        note = Localised(localize.texts(rel, "note")) if rel.note else ""
        pa, pb = ctx.people[a], ctx.people[b]
        params: dict[str, Any] = {"a": _who(ctx, a), "b": _who(ctx, b), "name_a": Localised(localize.names(pa)), "name_b": Localised(localize.names(pb)),
                                  "note": note or Msg("analysis.word.no_note")}
        kind = "conflict_line"
        if pa.needs and pb.needs:
            kind = "needs_clash"
            params.update(needs_a=Localised(localize.texts(pa, "needs")), needs_b=Localised(localize.texts(pb, "needs")))
        side_a, side_b = ctx.supportive(a), ctx.supportive(b)
        if side_a != side_b:
            ours, theirs = (a, b) if side_a else (b, a)
            advice = Msg("analysis.conflict.advice_one_side", {"ours": ctx.name(ours), "theirs": ctx.name(theirs)})
        else:
            advice = Msg("analysis.conflict.advice_balance", {"name_a": pa.name, "name_b": pb.name})
        out.append(Conflict(kind, (a, b), Msg(f"analysis.conflict.{kind}", params), advice))

    opponents = {pid for pid in ctx.people if ctx.stance[pid] == "oppose"}
    sway: dict[str, list[tuple[str, int | None]]] = {}
    for rel in pm.relationships:
        if rel.type == "influences" and rel.source in opponents:
            sway.setdefault(rel.target, []).append((rel.source, rel.strength))
        elif rel.type == "ally":
            for x, y in ((rel.source, rel.target), (rel.target, rel.source)):
                if x in opponents:
                    sway.setdefault(y, []).append((x, rel.strength))
    for target in ctx.key:
        if target in opponents or target not in sway:
            continue
        sources = list(dict.fromkeys(s for s, _ in sway[target]))
        out.append(Conflict("opposing_influence", (target, *sources),
                            Msg("analysis.conflict.opposing_influence", {"target": _who(ctx, target),
                                                                         "names": Names(ctx.names(sources))}),
                            Msg("analysis.conflict.advice_influence", {"target": ctx.name(target),
                                                                       "names": Names(ctx.names(sources))})))

    camps: dict[str, list[str]] = {}
    shown: dict[str, Any] = {}
    competitors = list(pm.opportunity.competitors)
    our_names = list(ctx.cfg["risks"]["our_names"])
    spelling = {fold_vendor(c): c for c in competitors}
    for pid, p in ctx.people.items():
        if competitor_preference(p.preferred_vendor, competitors, our_names):
            fold = fold_vendor(p.preferred_vendor or "")
            shown.setdefault(fold, Localised(localize.texts(p, "preferred_vendor")) if localize.i18n_of(p)
                             else spelling.get(fold, " ".join((p.preferred_vendor or "").split())))
            camps.setdefault(fold, []).append(pid)
    for fold, members in camps.items():
        vendor = shown[fold]
        members.sort(key=lambda pid: (pid not in ctx.key, -(ctx.people[pid].power or 0)))
        out.append(Conflict("competitor_camp", tuple(members),
                            Msg("analysis.conflict.competitor_camp", {"vendor": vendor,
                                                                      "names": Names(ctx.names(members)),
                                                                      "count": len(members)}),
                            Msg("analysis.conflict.advice_camp", {"vendor": vendor})))
    return out
