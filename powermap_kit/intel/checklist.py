"""The intelligence checklist of a map and its completeness (seed 003, unit 1: 情报系统).

Seed 003 lists what an intelligence system holds: project basics (项目基本信息); the
decision chain, decision mode and power map (决策链、决策方式、权力地图); each decision
role's personal information (个人信息), needs (需求信息) and support for us (支持度信息);
competitor information (竞争对手信息); and the coach (教练) who gathers much of it. Each
becomes a *section* of checks, about the deal or about each person (``data/questions.json``):

=============  ==========================================================================
section        checks (deal · per person)
=============  ==========================================================================
basics         account (name, industry), opportunity name, budget (value), buying stage
chain          decision mode; every key role of the mode has a holder; someone's influence
               on a decider is recorded · title, department, roles, power, reporting line
needs          · needs, personal motives
support        · stance, support dimensions (enough for a support score), stance evidence
competitors    competitors named · the competitor an opposer prefers
coach          a coach; the coach verified (evidence); the coach reaches a key person
=============  ==========================================================================

(The per-person *personal* checks are their own section.) A check that cannot apply is
left out: stance evidence once a stance is recorded, the preferred competitor only for
someone who opposes us, the reporting line only in a map of two or more people, the
coach's verification and reach only when there is a coach, influence on a decider only
when a decider is recorded.

**Completeness** (our rule): within a section, the share of applicable checks that are
filled, where a deal check and a check about a *key person* (holder of a key role of the
decision mode, or power ≥ 4 — :mod:`powermap_kit.analysis.context`) count 2 and any other
person's check counts 1. The completeness is the mean of the sections' shares, so each of
seed 003's kinds of intelligence weighs the same however many people the map holds.

Each gap names the channels best suited to fill it, best first (seed 003: internal coach,
internal information sources, CVs, the customer's and competitors' former employees,
allied customers; seed 002: public sources). The internal coach counts as available only
when someone on the map is flagged coach, and never for a gap about the coach themself.

>>> from powermap_kit import load_map
>>> pm = load_map({"format": "powermap/1", "account": {"name": "ACME", "industry": "retail"},
...     "opportunity": {"name": "POS", "value": 900000, "stage": "exploring", "decision_mode": "top_down"},
...     "stakeholders": [{"id": "gm", "name": "Zhou", "title": "GM", "roles": ["approver"], "power": 5}]})
>>> report = intelligence_gaps(pm)
>>> report.sections["basics"], report.sections["needs"]
(100.0, 0.0)
>>> [g.check for g in report.for_person("gm")][:3]
['department', 'needs', 'motives']
>>> report.for_person("gm")[0].best
'internal_sources'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import vocab
from ..analysis.context import Context, build_context
from ..analysis.findings import Labels, Msg
from ..analysis.support import support_score
from ._data import CHANNELS, SECTIONS, checks, t

if TYPE_CHECKING:
    import pandas as pd

    from ..model import PowerMap, Stakeholder

__all__ = ["CheckResult", "Gap", "IntelReport", "channels_frame", "completeness", "intelligence_gaps"]

DECIDERS = ("decision_maker", "approver")
KEY_WEIGHT = 2
OTHER_WEIGHT = 1


@dataclass(frozen=True)
class CheckResult:
    """One checklist item for the deal (``stakeholder`` is ``None``) or for one person."""

    check: str
    section: str
    stakeholder: str | None
    weight: int
    filled: bool
    detail: Msg | None = None

    def label(self, lang: str | None = None) -> str:
        return t(f"check.{self.check}", lang)


@dataclass(frozen=True)
class Gap:
    """A missing item: what, about whom, how much it weighs, and where to look for it."""

    check: str
    section: str
    stakeholder: str | None
    name: str | None
    key: bool
    weight: int
    channels: tuple[str, ...]
    best: str
    detail: Msg | None = None

    def label(self, lang: str | None = None) -> str:
        """What is missing, e.g. "Needs" / "需求"."""
        return t(f"check.{self.check}", lang)

    def why(self, lang: str | None = None) -> str:
        """Why the item matters (one sentence naming the seed)."""
        return t(f"check.{self.check}.why", lang)

    def message(self, lang: str | None = None) -> str:
        """One line: who, what is missing, detail, best channel."""
        who = self.name if self.name is not None else t("scope.deal", lang)
        text = t("gap.line", lang, who=who, what=self.label(lang), channel=t(f"channel.{self.best}", lang))
        if self.detail is not None:
            text += " " + self.detail.render(lang)
        return text

    def channel_labels(self, lang: str | None = None) -> list[str]:
        return [t(f"channel.{c}", lang) for c in self.channels]


@dataclass
class IntelReport:
    """Every check of a map, its gaps, and the completeness by the rule in :mod:`.checklist`."""

    map: PowerMap = field(repr=False)
    results: list[CheckResult]
    gaps: list[Gap]
    sections: dict[str, float | None]
    completeness: float
    key: frozenset[str] = frozenset()

    def for_person(self, stakeholder: str) -> list[Gap]:
        """The gaps about one person, in checklist order."""
        return [g for g in self.gaps if g.stakeholder == stakeholder]

    def deal_gaps(self) -> list[Gap]:
        """The gaps about the deal as a whole."""
        return [g for g in self.gaps if g.stakeholder is None]

    def filled(self, stakeholder: str | None = None) -> tuple[int, int]:
        """(filled, applicable) checks for one person, or for the deal with ``None``."""
        rows = [r for r in self.results if r.stakeholder == stakeholder]
        return sum(r.filled for r in rows), len(rows)

    @staticmethod
    def rule(lang: str | None = None) -> str:
        """The completeness rule in words."""
        return t("rule", lang, key_weight=KEY_WEIGHT, other_weight=OTHER_WEIGHT)

    def summary(self, lang: str | None = None) -> str:
        """One line: the completeness, the number of gaps, the weakest section."""
        scored = {s: v for s, v in self.sections.items() if v is not None}
        weakest = min(scored, key=lambda s: (scored[s], SECTIONS.index(s))) if scored else None
        if weakest is not None and scored[weakest] < 100:
            return t("summary_weakest", lang, percent=_percent(self.completeness), gaps=len(self.gaps),
                     section=t(f"section.{weakest}", lang), section_percent=_percent(scored[weakest]))
        return t("summary", lang, percent=_percent(self.completeness), gaps=len(self.gaps))

    def sections_frame(self, lang: str | None = None) -> pd.DataFrame:
        """One row per section: its label, share filled (None when nothing applies), the gaps in it."""
        import pandas as pd

        rows = [{t("col.section", lang): t(f"section.{s}", lang),
                 t("col.percent", lang): None if (v := self.sections[s]) is None else round(v, 1),
                 t("col.gaps", lang): sum(g.section == s for g in self.gaps)} for s in SECTIONS]
        return pd.DataFrame(rows)

    def frame(self, stakeholder: str | None | Any = ..., lang: str | None = None) -> pd.DataFrame:
        """The gaps as a table in the language: who, section, what is missing, best channel, others.

        ``stakeholder`` limits it to one person (``None``: the deal's own gaps).
        """
        import pandas as pd

        gaps = self.gaps if stakeholder is ... else [g for g in self.gaps if g.stakeholder == stakeholder]
        rows = [{
            t("col.who", lang): g.name if g.name is not None else t("scope.deal", lang),
            t("col.key", lang): "★" if g.key else "",
            t("col.section", lang): t(f"section.{g.section}", lang),
            t("col.missing", lang): g.label(lang) + (f" ({g.detail.render(lang)})" if g.detail else ""),
            t("col.best", lang): t(f"channel.{g.best}", lang),
            t("col.also", lang): vocab.text("analysis.list_sep", lang=lang).join(
                t(f"channel.{c}", lang) for c in g.channels if c != g.best),
        } for g in gaps]
        columns = [t(f"col.{c}", lang) for c in ("who", "key", "section", "missing", "best", "also")]
        return pd.DataFrame(rows, columns=columns)

    def _repr_html_(self) -> str:
        import html

        head = f"<p><b>{html.escape(self.summary())}</b><br><small>{html.escape(self.rule())}</small></p>"
        return head + self.frame().to_html(index=False, escape=True, na_rep="")


# ---- the checks ------------------------------------------------------------------------
Found = tuple[bool, bool, Msg | None]  # applicable, filled, detail


def _deal_checks(pm: PowerMap, ctx: Context) -> dict[str, Callable[[], Found]]:
    opp = pm.opportunity
    coaches = [p for p in pm.stakeholders if p.is_coach]
    deciders = [p.id for p in pm.stakeholders if any(r in p.roles for r in DECIDERS)]

    def chain_roles() -> Found:
        missing = tuple(r for r in ctx.key_roles if not ctx.holders(r))
        return True, not missing, Msg("intel.detail.no_holder", {"roles": Labels(missing, "role")}) if missing else None

    def influence_lines() -> Found:
        swayed = any(r.type == "influences" and r.target in deciders for r in pm.relationships)
        return bool(deciders), swayed, None

    def coach_reach() -> Found:
        return bool(coaches), any(_reaches_key(c.id, pm, ctx) for c in coaches), None

    return {
        "account": lambda: (True, bool(pm.account.name and pm.account.industry), None),
        "opportunity": lambda: (True, bool(opp.name), None),
        "budget": lambda: (True, opp.value is not None, None),
        "stage": lambda: (True, bool(opp.stage), None),
        "decision_mode": lambda: (True, bool(opp.decision_mode), None),
        "chain_roles": chain_roles,
        "influence_lines": influence_lines,
        "competitors": lambda: (True, bool(opp.competitors), None),
        "coach": lambda: (True, bool(coaches), None),
        "coach_verified": lambda: (bool(coaches), any((c.evidence or {}).get("coach") for c in coaches), None),
        "coach_access": coach_reach,
    }


def _reaches_key(pid: str, pm: PowerMap, ctx: Context) -> bool:
    if pid in ctx.key:
        return True
    return any((r.source == pid and r.target in ctx.key) or (r.target == pid and r.source in ctx.key)
               for r in pm.relationships if r.type != "conflict")


def _person_checks(p: Stakeholder, pm: PowerMap, ctx: Context) -> dict[str, Callable[[], Found]]:
    recorded = bool(p.stance and p.stance != "unknown")
    return {
        "title": lambda: (True, bool(p.title), None),
        "department": lambda: (True, bool(p.department), None),
        "roles": lambda: (True, bool(p.roles), None),
        "power": lambda: (True, p.power is not None, None),
        "reporting": lambda: (len(pm) > 1, any(r.type == "reports_to" and p.id in (r.source, r.target)
                                               for r in pm.relationships), None),
        "needs": lambda: (True, bool(p.needs), None),
        "motives": lambda: (True, bool(p.motives), None),
        "stance": lambda: (True, recorded, None),
        "support_dimensions": lambda: (True, support_score(p, ctx.cfg) is not None, None),
        "stance_evidence": lambda: (recorded, bool((p.evidence or {}).get("stance")), None),
        "preferred_vendor": lambda: (ctx.stance.get(p.id) == "oppose", bool(p.preferred_vendor), None),
    }


def intelligence_gaps(pm: PowerMap, config: Mapping[str, Any] | None = None, *,
                      ctx: Context | None = None) -> IntelReport:
    """Run the checklist over a map: every check, the gaps with their channels, the completeness.

    ``config`` is the analysis configuration (key persons, support-score rule).
    """
    ctx = ctx or build_context(pm, config=config)
    spec = checks()
    coach_ids = {p.id for p in pm.stakeholders if p.is_coach}
    results: list[CheckResult] = []
    gaps: list[Gap] = []

    def record(check: str, found: Found, person: Stakeholder | None) -> None:
        applicable, filled, detail = found
        if not applicable:
            return
        section = spec[check]["section"]
        key = person is None or person.id in ctx.key
        weight = KEY_WEIGHT if key else OTHER_WEIGHT
        pid = person.id if person is not None else None
        results.append(CheckResult(check, section, pid, weight, filled, detail))
        if not filled:
            channels = tuple(spec[check]["channels"])
            # The coach is a channel only once there is one, and not for gaps about themself.
            usable = [c for c in channels if c != "internal_coach" or bool(coach_ids - {pid})]
            gaps.append(Gap(check, section, pid, person.name if person else None, person is not None and key,
                            weight, channels, (usable or list(channels))[0], detail))

    for check, run in _deal_checks(pm, ctx).items():
        record(check, run(), None)
    for person in pm.stakeholders:
        for check, run in _person_checks(person, pm, ctx).items():
            record(check, run(), person)
    order = {c: i for i, c in enumerate(spec)}
    people = {pid: i for i, pid in enumerate(pm.ids)}
    gaps.sort(key=lambda g: (g.stakeholder is not None, people.get(g.stakeholder or "", -1), order[g.check]))
    sections = _section_shares(results)
    scored = [v for v in sections.values() if v is not None]
    overall = round(sum(scored) / len(scored), 1) if scored else 0.0
    return IntelReport(pm, results, gaps, sections, overall, frozenset(ctx.key))


def _section_shares(results: Iterable[CheckResult]) -> dict[str, float | None]:
    totals = {s: [0, 0] for s in SECTIONS}
    for r in results:
        totals[r.section][1] += r.weight
        totals[r.section][0] += r.weight if r.filled else 0
    return {s: (round(100 * got / out, 1) if out else None) for s, (got, out) in totals.items()}


def completeness(pm: PowerMap, config: Mapping[str, Any] | None = None) -> float:
    """The map's intelligence completeness, 0–100 (see :func:`intelligence_gaps` for the rule).

    >>> from powermap_kit import PowerMap
    >>> completeness(PowerMap())
    0.0
    """
    return intelligence_gaps(pm, config).completeness


def _percent(value: float) -> str:
    return f"{value:.0f}"


def channels_frame(lang: str | None = None) -> pd.DataFrame:
    """The channels intelligence comes from (seeds 003 and 002) and what each gives, as a table."""
    import pandas as pd

    return pd.DataFrame([(t(f"channel.{c}", lang), t(f"channel.{c}.how", lang)) for c in CHANNELS],
                        columns=[t("col.channel", lang), t("col.gives", lang)])
