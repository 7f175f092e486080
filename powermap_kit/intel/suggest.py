"""Transparent suggestions (seed 002: a CRM that recognises and recommends key decision
makers, 自动识别和推荐关键决策人), made so a learner can see why and decide.

Every :class:`Suggestion` names the person, the field, the proposed value, the rule that
made it and its reason in words. Nothing here changes a map: a suggestion takes effect
only through :meth:`Suggestion.apply`, which the learner (or a widget button the learner
clicks) calls. The rules:

**Roles from titles** (:func:`suggest_roles`). Each rule of ``data/title_rules.json``
whose words occur in a person's title (English or Chinese) and whose veto words do not,
proposes the roles it lists that the person does not hold yet (e.g. 采购 / procurement →
purchaser; 院长 / 总经理 / president → approver, unless 副 / vice / 助理 / assistant ...;
科室主任 → user and influencer, the initiator of the need). One suggestion per rule, so
each reason can be accepted or rejected on its own.

**Likely decision maker** (:func:`decision_maker_candidates`, :func:`suggest_decision_maker`).
Everyone except approvers (recorded, or so titled: they sign off rather than choose)
collects points, each with its reason:

* title — the highest ``dm_points`` of the title rules that fire (IT head 2, deputy head 1, finance 1);
* reporting lines — 2 when three or more people report to them (directly or further down), 1 for one or two;
* hidden power (:func:`powermap_kit.analysis.hidden_power`) — 2 when flagged, else 1 for a
  network power of 3.5 or more;
* recorded power — 2 for power 5, 1 for power 4.

When nobody is recorded as decision maker, the top candidate (ties: higher recorded power,
then map order) is suggested if they have at least 3 points. Once someone is recorded it
is the learner's call and nothing is suggested; :func:`decision_maker_candidates` still
lists everyone's points, so a learner can compare (seed 002's education case: the title
pointed at the IT head, the network at the dean of academic affairs). Weights are in
``title_rules.json`` → ``decision_maker``.

**Stance hints** (:func:`stance_hints`), at most one per person, first rule that fires:

1. *preferred competitor* — a preferred vendor is recorded: unknown or neutral → oppose
   (neutral means no preference yet; a blocker often backs a competitor), support or
   champion → neutral until verified;
2. *evidence words* — the stance evidence or notes contain words of another stance
   (``title_rules.json`` → ``stance.words``; negated phrases veto) and the recorded stance
   is unknown or points the other way;
3. *unverified support* — supportive, but nobody on our side covers the person, no stance
   evidence and no support dimensions: unknown until verified (seed 003: verify);
4. *support dimensions* — no stance recorded, but the dimensions give a level
   (:func:`powermap_kit.analysis.support_level`).

>>> from powermap_kit import load_map
>>> pm = load_map({"format": "powermap/1", "stakeholders": [
...     {"id": "zm", "name": "Zhao Min", "title": "采购中心总监"}]})
>>> [s] = suggest_roles(pm)
>>> s.value, s.action("en")
(('purchaser',), 'Add the role Purchasing executor to Zhao Min')
>>> pm.stakeholder("zm").roles            # nothing changes until the learner accepts
[]
>>> _ = s.apply(pm)
>>> pm.stakeholder("zm").roles
['purchaser']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import vocab
from ..errors import InvalidValue
from ..analysis.findings import Label, Labels, Msg, Parts
from ..analysis.support import support_level, support_score
from ._data import rules_data
from .titles import find_words, title_matches

if TYPE_CHECKING:
    from ..model import PowerMap, Stakeholder
    from ..tabular import ImportResult

__all__ = [
    "KINDS",
    "Suggestion",
    "decision_maker_candidates",
    "stance_hints",
    "suggest_decision_maker",
    "suggest_roles",
    "suggest_roles_for_import",
    "suggestions",
]

KINDS: tuple[str, ...] = ("roles", "decision_maker", "stance")
_SIGN = {"oppose": -1, "neutral": 0, "support": 1, "champion": 1}


@dataclass(frozen=True)
class Suggestion:
    """A proposed change to one person, with the rule and the reason; applied only on request.

    ``kind`` is ``roles`` (add ``value``, a tuple of role codes), ``decision_maker`` (add
    the decision-maker role) or ``stance`` (set ``value``, a stance code).
    """

    kind: str
    stakeholder: str
    name: str
    value: tuple[str, ...] | str
    rule: str
    reason: Msg
    points: tuple[tuple[str, int], ...] = ()

    @property
    def field(self) -> str:
        """The stakeholder field the suggestion changes: ``roles`` or ``stance``."""
        return "stance" if self.kind == "stance" else "roles"

    def action(self, lang: str | None = None) -> str:
        """What accepting does, in words."""
        if self.kind == "stance":
            return vocab.text("intel.suggest.do_stance", lang, name=self.name,
                              stance=vocab.label(str(self.value), "stance", lang))
        roles = Labels(tuple(self.value), "role").render(lang)
        key = "intel.suggest.do_roles" if len(self.value) > 1 else "intel.suggest.do_role"
        return vocab.text(key, lang, name=self.name, roles=roles)

    def why(self, lang: str | None = None) -> str:
        """The reason, naming the rule's evidence."""
        return self.reason.render(lang)

    def is_applied(self, pm: PowerMap) -> bool:
        """Whether the map already says what the suggestion proposes."""
        person = pm.get(self.stakeholder)
        if person is None:
            return False
        if self.kind == "stance":
            return person.stance_or_unknown == self.value
        return set(self.value) <= set(person.roles)

    def apply(self, pm: PowerMap, record_evidence: bool = True, lang: str | None = None) -> Stakeholder:
        """Make the change (the learner accepted it) and return the updated person.

        With ``record_evidence`` the reason is written to the person's ``evidence`` for the
        field, unless evidence for it is already recorded. Applying twice changes nothing more.
        Raises :class:`~powermap_kit.StakeholderNotFound` when the person has left the map.
        """
        person = pm.stakeholder(self.stakeholder)
        if self.is_applied(pm):
            return person
        changes: dict[str, Any] = {}
        if self.kind == "stance":
            changes["stance"] = self.value
        else:
            changes["roles"] = list(person.roles) + [r for r in self.value if r not in person.roles]
        if record_evidence and not (person.evidence or {}).get(self.field) and self.value != "unknown":
            changes["evidence"] = {**(person.evidence or {}), self.field: self.why(lang)}
        return pm.update_stakeholder(self.stakeholder, **changes)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """Plain data for JSON or a table: who, what, rule, action and reason in the language."""
        return {"kind": self.kind, "stakeholder": self.stakeholder, "name": self.name, "field": self.field,
                "value": list(self.value) if isinstance(self.value, tuple) else self.value, "rule": self.rule,
                "action": self.action(lang), "why": self.why(lang), "points": dict(self.points)}


# ---- roles from titles -----------------------------------------------------------------
def suggest_roles(pm: PowerMap, only_without_roles: bool = False) -> list[Suggestion]:
    """Role suggestions from job titles, one per firing rule with roles the person lacks."""
    out = []
    for person in pm.stakeholders:
        if only_without_roles and person.roles:
            continue
        proposed: set[str] = set(person.roles)
        for match in title_matches(person.title):
            roles = tuple(r for r in match.roles if r not in proposed)
            if not roles:
                continue
            proposed.update(roles)
            reason = Msg("intel.suggest.why_title", {"title": person.title, "words": _quoted(match.words),
                                                      "reason": match.reason})
            out.append(Suggestion("roles", person.id, person.name, roles, f"title:{match.rule}", reason))
    return out


def suggest_roles_for_import(result: ImportResult, only_without_roles: bool = True) -> list[Suggestion]:
    """Role suggestions for the people of a CSV import (:class:`powermap_kit.tabular.ImportResult`).

    By default only for people the import gave no role; apply each to ``result.map`` to accept it.
    """
    return suggest_roles(result.map, only_without_roles=only_without_roles)


def _quoted(words: Iterable[str]) -> Parts:
    return Parts(tuple(Msg("intel.suggest.quoted", {"word": w}) for w in words))


# ---- likely decision maker -------------------------------------------------------------
def _below(pm: PowerMap) -> dict[str, int]:
    """How many people report to each person, directly or further down the reporting lines."""
    reports: dict[str, list[str]] = {}
    for rel in pm.relationships:
        if rel.type == "reports_to":
            reports.setdefault(rel.target, []).append(rel.source)
    counts = {}
    for pid in pm.ids:
        seen: set[str] = set()
        stack = list(reports.get(pid, []))
        while stack:
            node = stack.pop()
            if node in seen or node == pid:
                continue
            seen.add(node)
            stack.extend(reports.get(node, []))
        counts[pid] = len(seen)
    return counts


def _hidden_rows(pm: PowerMap, config: Mapping[str, Any] | None) -> dict[str, dict[str, Any]] | None:
    try:
        from ..analysis import hidden_power
    except ImportError:  # the analysis engine is optional for this rule
        return None
    return {row["id"]: row for row in hidden_power(pm, config)}


def decision_maker_candidates(pm: PowerMap, config: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Everyone who could be the decision maker, by points (highest first), with each part's reason.

    Rows: ``id``, ``name``, ``points``, ``parts`` (list of ``(part, points, Msg)``),
    ``holds`` (already recorded as decision maker), ``network_rank`` (1 = most depended on, or None).
    """
    cfg = rules_data()["decision_maker"]
    below = _below(pm)
    hidden = _hidden_rows(pm, config)
    rows: list[dict[str, Any]] = []
    for order, person in enumerate(pm.stakeholders):
        matches = title_matches(person.title)
        titled_approver = any("approver" in m.roles for m in matches)
        if ("approver" in person.roles or titled_approver) and "decision_maker" not in person.roles:
            continue
        parts: list[tuple[str, int, Msg]] = []
        best = max(matches, key=lambda m: m.dm_points, default=None)
        if best is not None and best.dm_points:
            parts.append(("title", best.dm_points, Msg("intel.dm.title", {"title": person.title,
                                                                          "words": _quoted(best.words)})))
        for threshold, points in cfg["reports_below"]:
            if below[person.id] >= threshold:
                parts.append(("reports", int(points), Msg("intel.dm.reports", {"count": below[person.id]})))
                break
        row = (hidden or {}).get(person.id)
        if row is not None:
            level, points = cfg["hidden_network_power"]
            if row["flagged"]:
                parts.append(("hidden_flagged", int(cfg["hidden_flagged"]), Msg("intel.dm.hidden_flagged", {
                    "rank": row["rank"], "total": len(hidden or {}), "net": row["network_power"]})))
            elif row["network_power"] is not None and row["network_power"] >= float(level):
                parts.append(("hidden", int(points), Msg("intel.dm.hidden_high", {
                    "rank": row["rank"], "total": len(hidden or {}), "net": row["network_power"]})))
        power_points = int(cfg["recorded_power"].get(str(person.power), 0)) if person.power else 0
        if power_points:
            parts.append(("power", power_points, Msg("intel.dm.power", {"power": person.power})))
        rows.append({"id": person.id, "name": person.name, "points": sum(p for _, p, _ in parts), "parts": parts,
                     "holds": "decision_maker" in person.roles, "network_rank": row["rank"] if row else None,
                     "_order": order,
                     "_power": person.power or 0})
    rows.sort(key=lambda r: (-r["points"], -r["_power"], r["_order"]))
    for r in rows:
        del r["_order"], r["_power"]
    return rows


def suggest_decision_maker(pm: PowerMap, config: Mapping[str, Any] | None = None) -> list[Suggestion]:
    """At most one suggestion: the likely decision maker, by the points rule in :mod:`.suggest`."""
    rows = decision_maker_candidates(pm, config)
    if not rows:
        return []
    top = rows[0]
    # A recorded decision maker is the learner's call; the candidates table still shows the points.
    if any(r["holds"] for r in rows) or top["points"] < int(rules_data()["decision_maker"]["min_points"]):
        return []
    runner_up = rows[1] if len(rows) > 1 else None
    parts = Parts(tuple(Msg("intel.dm.part", {"reason": msg, "points": pts}) for _, pts, msg in top["parts"]))
    compare = Msg("intel.dm.next", {"name": runner_up["name"], "points": runner_up["points"]}) if runner_up \
        else Msg("intel.dm.alone")
    reason = Msg("intel.dm.why", {"name": top["name"], "points": top["points"], "parts": parts, "compare": compare})
    points = tuple((part, pts) for part, pts, _ in top["parts"])
    return [Suggestion("decision_maker", top["id"], top["name"], ("decision_maker",), "dm:points", reason, points)]


# ---- stance hints ----------------------------------------------------------------------
def _evidence_stance(person: Stakeholder) -> tuple[str, str, str] | None:
    """(stance, word, field) of the first stance word in the stance evidence or notes, negations removed."""
    cfg = rules_data()["stance"]
    for place, text in (("evidence", (person.evidence or {}).get("stance")), ("notes", person.notes)):
        if not text:
            continue
        vetoed = find_words(text, cfg["negations"])
        hits = sorted(((s, e, w, stance) for stance, words in cfg["words"].items()
                       for s, e, w in find_words(text, words)), key=lambda h: (h[0], -(h[1] - h[0])))
        taken: list[tuple[int, int]] = [(s, e) for s, e, _ in vetoed]
        for start, end, word, stance in hits:
            if any(start < e and s < end for s, e in taken):
                continue
            return stance, word, place
    return None


def _stance_hint(person: Stakeholder, pm: PowerMap, config: Mapping[str, Any] | None) -> Suggestion | None:
    stance = person.stance if person.stance and person.stance != "unknown" else None
    here = Label(stance or "unknown", "stance")

    def hint(value: str, rule: str, key: str, **params: Any) -> Suggestion:
        reason = Msg(f"intel.stance.{key}", {"name": person.name, "stance": here, "new": Label(value, "stance"),
                                              **params})
        return Suggestion("stance", person.id, person.name, value, f"stance:{rule}", reason)

    if person.preferred_vendor:
        if stance in (None, "neutral"):
            return hint("oppose", "preferred_vendor", "preferred", vendor=person.preferred_vendor)
        if stance in ("support", "champion"):
            return hint("neutral", "preferred_vendor", "preferred_but_supportive", vendor=person.preferred_vendor)
    found = _evidence_stance(person)
    if found is not None:
        value, word, place = found
        if stance is None or (_SIGN[value] != _SIGN[stance] and value != stance):
            where = Msg(f"intel.stance.in_{place}")
            return hint(value, "evidence_words", "words", word=word, where=where)
    score = support_score(person, _analysis_cfg(config))
    if stance in ("support", "champion") and not pm.coverage_of(person.id) \
            and not (person.evidence or {}).get("stance") and score is None:
        return hint("unknown", "unverified", "unverified")
    if stance is None and score is not None:
        level = support_level(score, _analysis_cfg(config))
        if level is not None:
            dims = Labels(tuple(d for d in vocab.SUPPORT_DIMENSIONS if person.support.get(d) is not None),
                          "support_dimension")
            return hint(level, "dimensions", "dimensions", score=score, dims=dims)
    return None


def _analysis_cfg(config: Mapping[str, Any] | None) -> dict[str, Any]:
    from ..analysis.settings import config as analysis_config

    return analysis_config(config)


def stance_hints(pm: PowerMap, config: Mapping[str, Any] | None = None) -> list[Suggestion]:
    """Stance suggestions from preferred vendors, evidence words, coverage and support dimensions."""
    out = []
    for person in pm.stakeholders:
        found = _stance_hint(person, pm, config)
        if found is not None and not found.is_applied(pm):
            out.append(found)
    return out


def suggestions(pm: PowerMap, config: Mapping[str, Any] | None = None,
                kinds: Iterable[str] = KINDS) -> list[Suggestion]:
    """Every suggestion for a map: roles from titles, the likely decision maker, stance hints.

    ``kinds`` limits them (``roles``, ``decision_maker``, ``stance``). The map is not changed.
    """
    wanted = tuple(kinds)
    for kind in wanted:
        if kind not in KINDS:
            raise InvalidValue("kinds", "not_one_of", kind, allowed=KINDS, suggestion=vocab.closest(kind, KINDS))
    out: list[Suggestion] = []
    if "roles" in wanted:
        out += suggest_roles(pm)
    if "decision_maker" in wanted:
        out += suggest_decision_maker(pm, config)
    if "stance" in wanted:
        out += stance_hints(pm, config)
    return out
