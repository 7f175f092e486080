"""Risk rules: each finds one kind of weakness in a map and says what to do about it.

Every rule has a stable ``code``, a severity (high, medium, low), names the people
concerned and carries a bilingual message, a suggested action and teaching text
(``analysis.risk.<code>.*`` in ``data/text/analysis.json``). Thresholds live in
``data/analysis.json`` (``key_power``, ``risks.*``, ``stage_requirements``).

====================================  ==========================================================
code                                  fires when (seed)
====================================  ==========================================================
decision_mode_unknown                 the opportunity has no decision mode (003: deals are lost
                                      "because of the decision mode")
stage_unknown                         the opportunity has no buying stage (003 unit 2)
no_coverage                           no coverage line at all: nobody on our side is recorded
                                      as in contact with anyone
single_threaded                       we cover at most ``risks.single_threaded_max`` (1) person
                                      (002, 003: only talking to one friendly contact)
no_coach                              nobody is flagged as coach (003 unit 1)
coach_unverified                      a coach who is not support/champion, or whose coach flag
                                      has no evidence (003: verify the coach)
decision_maker_unknown                nobody holds the decision-maker role (000, 002)
approver_unknown                      the mode needs an approver and nobody holds the role
                                      (003: a deal lost "because of the approver")
key_role_not_covered                  a key role of the decision mode whose holders none of us
                                      covers (one risk per role; left out when a stage_role_gap
                                      already names the same people)
high_power_opponent                   someone with power ≥ ``key_power`` (4) opposes us (002 FAQ 5)
unknown_stance_key_person             key persons whose stance is unknown (an information gap)
power_unknown_key_person              key-role holders whose power is unknown
stale_information                     ``last_verified`` older than ``risks.stale_days`` (90) days
                                      before ``today`` (000 §6: power structures change)
stage_role_gap                        a role group the current stage needs is not covered, e.g.
                                      purchase decision without purchaser coverage, project
                                      approval without approver contact (003 unit 2)
competitor_aligned_key_person         a key person's preferred vendor is not us (003 unit 1:
                                      competitor information)
missing_evidence                      evidence is required and a recorded field has none
stance_inconsistent                   recorded stance and the five dimensions disagree
                                      (see :mod:`.support`)
hidden_power                          the relationship network gives someone far more influence
                                      than the map's power (see :mod:`.hidden`; seed 002)
====================================  ==========================================================

Evidence is required when ``risks.require_evidence`` lists fields (or is ``true`` for
``risks.evidence_fields``), or when the map's ``meta.require_evidence`` does (our
convention; trainers set it in a case's key or a workshop template).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from .. import localize, vocab
from .chain import DECIDERS
from .context import Context, build_context, parse_date
from .findings import SEVERITIES, Label, Labels, Localised, Msg, Names, Parts, Risk
from .hidden import hidden_power
from .support import SUPPORTIVE, consistency_findings
from .vendors import competitor_preference, fold_vendor

if TYPE_CHECKING:
    from ..model import PowerMap

__all__ = ["RISK_CODES", "RULES", "competitor_preference", "fold_vendor", "required_evidence", "risks"]

Rule = Callable[[Context], list[Risk]]


def _risk(code: str, severity: str, ids: Any, message: Msg, action: Msg) -> Risk:
    return Risk(code, severity, tuple(ids), message, action)


def _msg(code: str, part: str = "message", **params: Any) -> Msg:
    return Msg(f"analysis.risk.{code}.{part}", params)


def _decision_mode_unknown(ctx: Context) -> list[Risk]:
    if ctx.mode:
        return []
    return [_risk("decision_mode_unknown", "medium", (), _msg("decision_mode_unknown",
                  roles=Labels(ctx.key_roles, "role")), _msg("decision_mode_unknown", "action"))]


def _stage_unknown(ctx: Context) -> list[Risk]:
    if ctx.stage:
        return []
    return [_risk("stage_unknown", "medium", (), _msg("stage_unknown"), _msg("stage_unknown", "action"))]


def _no_coverage(ctx: Context) -> list[Risk]:
    if ctx.pm.coverage or not ctx.people:
        return []
    return [_risk("no_coverage", "medium", (), _msg("no_coverage"), _msg("no_coverage", "action"))]


def _single_threaded(ctx: Context) -> list[Risk]:
    covered = [pid for pid in ctx.people if ctx.covered(pid)]
    limit = int(ctx.cfg["risks"]["single_threaded_max"])
    if not covered or len(covered) > limit:
        return []
    others = [k for k in ctx.key if k not in covered]
    return [_risk("single_threaded", "high", covered,
                  _msg("single_threaded", names=Names(ctx.names(covered)), count=len(covered)),
                  _msg("single_threaded", "action", names=Names(ctx.names(others[:4])) if others
                       else Msg("analysis.word.key_people")))]


def _coach_candidates(ctx: Context) -> list[str]:
    pool = [pid for pid in ctx.people if ctx.supportive(pid)]

    def rank(pid: str) -> tuple:
        p = ctx.people[pid]
        return (ctx.covered(pid), ctx.stance[pid] == "champion", p.support.get("trust") or 0,
                p.support.get("contact_frequency") or 0)

    return sorted(pool, key=rank, reverse=True)


def _no_coach(ctx: Context) -> list[Risk]:
    if not ctx.people or any(p.is_coach for p in ctx.people.values()):
        return []
    candidates = _coach_candidates(ctx)[:2]
    action = (_msg("no_coach", "action", names=Names(ctx.names(candidates))) if candidates
              else _msg("no_coach", "action_none"))
    return [_risk("no_coach", "high", candidates, _msg("no_coach"), action)]


def _coach_unverified(ctx: Context) -> list[Risk]:
    out = []
    for pid, p in ctx.people.items():
        if not p.is_coach:
            continue
        stance = ctx.stance[pid]
        reasons = []
        if stance not in SUPPORTIVE:
            reasons.append(Msg("analysis.reason.coach_stance", {"stance": Label(stance or "unknown", "stance")}))
        if not (p.evidence or {}).get("coach"):
            reasons.append(Msg("analysis.reason.coach_no_evidence"))
        if reasons:
            severity = "high" if stance == "oppose" else "medium"
            out.append(_risk("coach_unverified", severity, (pid,), _msg("coach_unverified", name=Localised(localize.names(p)),
                             reasons=Parts(tuple(reasons))), _msg("coach_unverified", "action", name=Localised(localize.names(p)))))
    return out


def _decision_maker_unknown(ctx: Context) -> list[Risk]:
    if not ctx.people or ctx.holders("decision_maker"):
        return []
    top = sorted((pid for pid, p in ctx.people.items() if p.power is not None),
                 key=lambda pid: -(ctx.people[pid].power or 0))[:2]
    action = (_msg("decision_maker_unknown", "action", names=Names(ctx.names(top))) if top
              else _msg("decision_maker_unknown", "action_none"))
    return [_risk("decision_maker_unknown", "high", (), _msg("decision_maker_unknown"), action)]


def _approver_unknown(ctx: Context) -> list[Risk]:
    if not ctx.people or "approver" not in ctx.key_roles or ctx.holders("approver"):
        return []
    mode = Label(ctx.mode, "decision_mode") if ctx.mode else Msg("analysis.word.mode_unknown")
    return [_risk("approver_unknown", "high", (), _msg("approver_unknown", mode=mode),
                  _msg("approver_unknown", "action"))]


def _key_role_not_covered(ctx: Context) -> list[Risk]:
    out = []
    for role in ctx.key_roles:
        holders = ctx.holders(role)
        if holders and not any(ctx.covered(h) for h in holders):
            severity = "high" if role in DECIDERS else "medium"
            out.append(_risk("key_role_not_covered", severity, holders,
                             _msg("key_role_not_covered", role=Label(role, "role"), names=Names(ctx.names(holders))),
                             _msg("key_role_not_covered", "action", names=Names(ctx.names(holders)))))
    return out


def _high_power_opponent(ctx: Context) -> list[Risk]:
    out = []
    limit = ctx.cfg["key_power"]
    for pid, p in ctx.people.items():
        if ctx.stance[pid] == "oppose" and p.power is not None and p.power >= limit:
            needs = Localised(localize.texts(p, "needs")) if p.needs else None
            action = (_msg("high_power_opponent", "action_needs", name=Localised(localize.names(p)), needs=needs) if needs
                      else _msg("high_power_opponent", "action", name=Localised(localize.names(p))))
            out.append(_risk("high_power_opponent", "high", (pid,),
                             _msg("high_power_opponent", name=Localised(localize.names(p)), power=p.power,
                                  roles=_roles(p.roles)), action))
    return out


def _roles(roles: list[str]) -> Any:
    return Labels(tuple(roles), "role") if roles else Msg("analysis.word.no_role")


def _unknown_stance_key_person(ctx: Context) -> list[Risk]:
    ids = [k for k in ctx.key if ctx.stance[k] is None]
    if not ids:
        return []
    limit = ctx.cfg["key_power"]
    severe = any((ctx.people[k].power or 0) >= limit or any(r in ctx.people[k].roles for r in DECIDERS)
                 for k in ids)
    return [_risk("unknown_stance_key_person", "high" if severe else "medium", ids,
                  _msg("unknown_stance_key_person", names=Names(ctx.names(ids)), count=len(ids)),
                  _msg("unknown_stance_key_person", "action", names=Names(ctx.names(ids))))]


def _power_unknown_key_person(ctx: Context) -> list[Risk]:
    ids = [k for k in ctx.key if ctx.people[k].power is None]
    if not ids:
        return []
    return [_risk("power_unknown_key_person", "medium", ids,
                  _msg("power_unknown_key_person", names=Names(ctx.names(ids))),
                  _msg("power_unknown_key_person", "action"))]


def _stale_information(ctx: Context) -> list[Risk]:
    days = int(ctx.cfg["risks"]["stale_days"])
    stale: list[tuple[str, date, int]] = []
    for pid, p in ctx.people.items():
        when = _date_or_none(p.last_verified)
        if when is not None and (ctx.today - when).days > days:
            stale.append((pid, when, (ctx.today - when).days))
    if not stale:
        return []
    stale.sort(key=lambda item: (item[0] not in ctx.key, -item[2]))
    ids = [pid for pid, _, _ in stale]
    shown = tuple(f"{ctx.name(pid)} ({when.isoformat()})" for pid, when, _ in stale)
    severity = "medium" if any(pid in ctx.key for pid in ids) else "low"
    return [_risk("stale_information", severity, ids,
                  _msg("stale_information", names=Names(shown), days=days, today=ctx.today.isoformat()),
                  _msg("stale_information", "action", names=Names(ctx.names(ids[:4]))))]


def _date_or_none(value: str | None) -> date | None:
    try:
        return parse_date(value)
    except ValueError:
        return None


def _stage_role_gap(ctx: Context) -> list[Risk]:
    if not ctx.stage:
        return []
    out = []
    for group in ctx.cfg["stage_requirements"].get(ctx.stage, []):
        holders = [pid for pid, p in ctx.people.items() if any(r in p.roles for r in group)]
        if any(ctx.covered(h) for h in holders):
            continue
        params: dict[str, Any] = {"stage": Label(ctx.stage, "stage"), "roles": Labels(tuple(group), "role"),
                                  "task": Localised(vocab.entry(ctx.stage, "stage")["seller_task"])}
        if holders:
            message = _msg("stage_role_gap", names=Names(ctx.names(holders)), **params)
        else:
            message = _msg("stage_role_gap", "message_nobody", **params)
        out.append(_risk("stage_role_gap", "high", holders, message,
                         _msg("stage_role_gap", "action", **params)))
    return out


def _competitor_aligned_key_person(ctx: Context) -> list[Risk]:
    out = []
    competitors = list(ctx.pm.opportunity.competitors)
    ours = list(ctx.cfg["risks"]["our_names"])
    for pid in ctx.key:
        p = ctx.people[pid]
        if competitor_preference(p.preferred_vendor, competitors, ours):
            severity = "high" if ctx.stance[pid] in (None, "oppose", "neutral") else "medium"
            out.append(_risk("competitor_aligned_key_person", severity, (pid,),
                             _msg("competitor_aligned_key_person", name=Localised(localize.names(p)), vendor=Localised(localize.texts(p, "preferred_vendor")),
                                  roles=_roles(p.roles), stance=Label(ctx.stance[pid] or "unknown", "stance")),
                             _msg("competitor_aligned_key_person", "action", name=Localised(localize.names(p)), vendor=Localised(localize.texts(p, "preferred_vendor")))))
    return out


def required_evidence(pm: PowerMap, cfg: Mapping[str, Any]) -> tuple[str, ...]:
    """The fields whose values must carry evidence (config, else ``meta.require_evidence``)."""
    for wanted in (cfg["risks"].get("require_evidence"), (pm.meta or {}).get("require_evidence")):
        if wanted is True:
            return tuple(cfg["risks"]["evidence_fields"])
        if isinstance(wanted, (list, tuple)) and wanted:
            return tuple(str(f) for f in wanted)
    return ()


def _recorded(person: Any, field_name: str) -> bool:
    value = getattr(person, field_name, None)
    if value is None and field_name in getattr(person, "extra", {}):
        value = person.extra[field_name]
    if field_name == "stance":
        return value not in (None, "unknown")
    return value not in (None, [], {}, "") and (field_name != "coach" or value is True)


def _missing_evidence(ctx: Context) -> list[Risk]:
    fields = required_evidence(ctx.pm, ctx.cfg)
    if not fields:
        return []
    gaps: list[tuple[str, tuple[str, ...]]] = []
    for pid, p in ctx.people.items():
        lacking = tuple(f for f in fields if _recorded(p, f) and not (p.evidence or {}).get(f))
        if lacking:
            gaps.append((pid, lacking))
    if not gaps:
        return []
    shown = tuple(f"{ctx.name(pid)} ({', '.join(lacking)})" for pid, lacking in gaps)
    severity = "medium" if any(pid in ctx.key for pid, _ in gaps) else "low"
    return [_risk("missing_evidence", severity, [pid for pid, _ in gaps],
                  _msg("missing_evidence", names=Names(shown), fields=", ".join(fields)),
                  _msg("missing_evidence", "action"))]


def _hidden_power(ctx: Context) -> list[Risk]:
    out = []
    for row in hidden_power(ctx.pm, ctx=ctx):
        if not row["flagged"]:
            continue
        pid = row["id"]
        stance = ctx.stance[pid]
        given = row["given"] if row["given"] is not None else Msg("analysis.word.unknown")
        out.append(_risk("hidden_power", "medium" if stance in SUPPORTIVE else "high", (pid,),
                         _msg("hidden_power", name=row["name"], net=row["network_power"], given=given,
                              rank=row["rank"], stance=Label(stance or "unknown", "stance")),
                         _msg("hidden_power", "action", name=row["name"])))
    return out


def _stance_inconsistent(ctx: Context) -> list[Risk]:
    return consistency_findings(ctx.pm, ctx.cfg, scores=ctx.scores)


RULES: dict[str, Rule] = {
    "decision_mode_unknown": _decision_mode_unknown,
    "stage_unknown": _stage_unknown,
    "no_coverage": _no_coverage,
    "single_threaded": _single_threaded,
    "no_coach": _no_coach,
    "coach_unverified": _coach_unverified,
    "decision_maker_unknown": _decision_maker_unknown,
    "approver_unknown": _approver_unknown,
    "key_role_not_covered": _key_role_not_covered,
    "high_power_opponent": _high_power_opponent,
    "unknown_stance_key_person": _unknown_stance_key_person,
    "power_unknown_key_person": _power_unknown_key_person,
    "stale_information": _stale_information,
    "stage_role_gap": _stage_role_gap,
    "competitor_aligned_key_person": _competitor_aligned_key_person,
    "missing_evidence": _missing_evidence,
    "stance_inconsistent": _stance_inconsistent,
    "hidden_power": _hidden_power,
}
RISK_CODES: tuple[str, ...] = tuple(RULES)


def risks(pm: PowerMap, today: date | str | None = None, config: Mapping[str, Any] | None = None, *,
          ctx: Context | None = None, codes: tuple[str, ...] | None = None) -> list[Risk]:
    """Every risk of a map, most severe first (rule order within a severity).

    ``codes`` limits the run to some rules.

    >>> from powermap_kit import load_map
    >>> pm = load_map({"format": "powermap/1", "stakeholders": [
    ...     {"id": "it", "name": "Wang", "roles": ["decision_maker"], "power": 5, "stance": "oppose"}]})
    >>> [r.code for r in risks(pm, codes=("high_power_opponent", "no_coach"))]
    ['no_coach', 'high_power_opponent']
    """
    ctx = ctx or build_context(pm, today=today, config=config)
    found: list[Risk] = []
    for code, rule in RULES.items():
        if codes is None or code in codes:
            found.extend(rule(ctx))
    # A stage gap says more than "key role not covered" about the same people: keep one.
    staged = [set(r.stakeholders) for r in found if r.code == "stage_role_gap"]
    found = [r for r in found if not (r.code == "key_role_not_covered" and any(set(r.stakeholders) <= s for s in staged))]
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(found, key=lambda r: order[r.severity])
