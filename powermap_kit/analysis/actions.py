"""Action plan: one next action per person (seeds 002 and 003).

Each row combines four answers, each explainable on its own:

1. **Strategy by stance** (002): champion/support → keep and use their backing (win
   supporters); neutral → convert; oppose → handle (understand concerns, data and cases,
   common interest, a senior manager or third-party expert — 002 FAQ 5); unknown → find
   out first.
2. **Stage task by role** (003 unit 2): the seller's core work at the opportunity's stage
   (vocabulary ``stage.seller_task``), aimed at what the person's role cares about.
3. **Trust to build** (003 unit 4): the weakest recorded support dimension, if 3 or
   below, picks it — trust → professional trust, solution fit → organisational trust in
   our solution, cooperation → stance trust, contact frequency → more occasions to meet.
   Without dimensions the role suggests one (approver → company strength, evaluator →
   expertise trust, …). All dimensions at 4 or more → keep the trust we have.
4. **Next relationship step** (003): the step after the person's current one (work together
   → get information → one-to-one meeting → understand needs → solve problems → re-assess
   support). The current step is the recorded ``relationship_step``; when none is recorded
   it is read from the actual relationship (:func:`current_step`), so a champion we meet
   every week is not sent back to "seek to work together".

Priority: 1 for key persons not yet with us (key targets, opponents, unknown stance) and
uncovered key persons; 2 for other key persons, people with hidden power, coaches and the
power matrix's high-influence people (contact first, win the influencer); 3 for everyone
else. Who acts: the coverage owner, else the first person of the best introduction route,
else "find an introduction".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import vocab
from .context import Context, build_context
from .findings import Label, Labels, Localised, Msg
from .hidden import hidden_power
from .matrix import power_matrix, quadrant_name
from .paths import introduction_routes

if TYPE_CHECKING:
    import pandas as pd

    from ..model import Coverage, PowerMap, Stakeholder
    from .paths import Route

__all__ = ["ACTION_COLUMNS", "action_frame", "action_plan", "action_sentence", "current_step", "next_step",
           "trust_focus"]

_DIMENSION_FOCUS = {
    "trust": ("professional", "trust_dimension"),
    "solution_fit": ("solution", "org_trust"),
    "cooperation": ("stance", "trust_dimension"),
    "contact_frequency": ("contact", None),
}
_ROLE_FOCUS = {
    "approver": ("company_strength", "org_trust"),
    "decision_maker": ("solution", "org_trust"),
    "evaluator": ("expertise", "trust_dimension"),
    "influencer": ("expertise", "trust_dimension"),
    "purchaser": ("product_service", "org_trust"),
    "user": ("product_service", "org_trust"),
    "gatekeeper": ("professional", "trust_dimension"),
    "observer": ("professional", "trust_dimension"),
}
ACTION_COLUMNS: tuple[str, ...] = ("priority", "id", "name", "title", "roles", "power", "stance", "quadrant",
                                   "strategy", "stage_task", "trust_focus", "current_step", "next_step", "through",
                                   "action")


def next_step(current: str | None) -> str:
    """The relationship step after ``current`` (003), ``"reassess"`` after the last one.

    >>> next_step(None), next_step("get_information"), next_step("solve_problems")
    ('work_together', 'private_meeting', 'reassess')
    """
    steps = vocab.RELATIONSHIP_STEPS
    if current not in steps:
        return steps[0]
    i = steps.index(current)
    return steps[i + 1] if i + 1 < len(steps) else "reassess"


def current_step(person: Stakeholder, coverage: list[Coverage] | None = None) -> tuple[str | None, str | None]:
    """``(step, basis)``: where the relationship with a person stands now.

    The recorded ``relationship_step`` (basis ``"recorded"``); else read from the
    relationship itself (basis ``"observed"``, our rule — each step needs the one before):

    1. *work together* — we are in contact: a coverage line, or contact frequency 2 or more;
    2. *get information* — they share information: a coach, or cooperation or contact frequency 3+;
    3. *one-to-one meeting* — we meet them in person often: contact frequency 4+ or a strong coverage line;
    4. *understand needs* — their needs or motives are on the map;
    5. *solve problems* — on our side (support or champion) with trust 4+.

    ``(None, None)`` when nothing shows a relationship yet.

    >>> from powermap_kit import Stakeholder
    >>> current_step(Stakeholder(id="a", name="A", stance="champion", needs=["department_goals"],
    ...     support={"contact_frequency": 5, "trust": 5, "cooperation": 5}))
    ('solve_problems', 'observed')
    >>> current_step(Stakeholder(id="b", name="B"))
    (None, None)
    """
    if person.relationship_step in vocab.RELATIONSHIP_STEPS:
        return person.relationship_step, "recorded"
    dims = person.support
    freq, coop, trust = (dims.get(d) or 0 for d in ("contact_frequency", "cooperation", "trust"))
    strength = max((c.strength or 0 for c in coverage or ()), default=0)
    reached = [bool(coverage) or freq >= 2,
               person.is_coach or coop >= 3 or freq >= 3,
               freq >= 4 or strength >= 3,
               bool(person.needs or person.motives),
               person.stance in ("support", "champion") and trust >= 4]
    step = None
    for code, ok in zip(vocab.RELATIONSHIP_STEPS, reached):
        if not ok:
            break
        step = code
    return (step, "observed") if step else (None, None)


def trust_focus(support: Mapping[str, int], roles: list[str]) -> tuple[str, str | None, str]:
    """``(code, kind, why)``: the trust to build and why (``why`` = a dimension, ``role`` or ``strong``).

    >>> trust_focus({"trust": 2, "solution_fit": 4}, [])
    ('professional', 'trust_dimension', 'trust')
    >>> trust_focus({}, ["evaluator"])
    ('expertise', 'trust_dimension', 'role')
    """
    dims = {d: v for d, v in support.items() if d in _DIMENSION_FOCUS and v is not None}
    if dims:
        weakest = min(dims, key=lambda d: (dims[d], list(_DIMENSION_FOCUS).index(d)))
        if dims[weakest] <= 3:
            code, kind = _DIMENSION_FOCUS[weakest]
            return code, kind, weakest
        return "keep", None, "strong"
    for role in roles:
        if role in _ROLE_FOCUS:
            code, kind = _ROLE_FOCUS[role]
            return code, kind, "role"
    return "professional", "trust_dimension", "role"


def _focus_msg(code: str, kind: str | None) -> Any:
    if kind is None:
        return Msg(f"analysis.action.focus.{code}")
    return Msg("analysis.action.focus.build", {"trust": Label(code, kind), "how": Localised(
        vocab.entry(code, kind)["description"])})


def action_plan(pm: PowerMap, config: Mapping[str, Any] | None = None, *, ctx: Context | None = None,
                routes: list[Route] | None = None, hidden: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """One action row per person, highest priority first (language-neutral; see :func:`action_frame`).

    >>> from powermap_kit import load_map
    >>> pm = load_map({"format": "powermap/1", "opportunity": {"stage": "evaluating"}, "stakeholders": [
    ...     {"id": "cio", "name": "Wang", "roles": ["evaluator"], "power": 4, "stance": "neutral"}]})
    >>> row = action_plan(pm)[0]
    >>> row["priority"], row["strategy"], row["next_step"], row["trust_focus"]
    (1, 'convert', 'work_together', 'expertise')
    """
    ctx = ctx or build_context(pm, config=config)
    if routes is None:
        routes = introduction_routes(pm, ctx=ctx)
    if hidden is None:
        hidden = hidden_power(pm, ctx=ctx)
    quadrants = {r["id"]: r["quadrant"] for r in power_matrix(pm, ctx=ctx)}
    first_route = {r.target: r for r in routes if r.rank == 1}
    flagged = {r["id"] for r in hidden if r["flagged"]}
    order = {r: i for i, r in enumerate(vocab.ROLES)}
    tasks: dict[str | None, Msg] = {}
    rows = []
    for pid, p in ctx.people.items():
        stance = ctx.stance[pid]
        strategy = {"champion": "keep", "support": "keep", "neutral": "convert", "oppose": "handle"}.get(
            stance or "", "find_out")
        key = pid in ctx.key
        if key and (not ctx.covered(pid) or stance in (None, "oppose", "neutral")):
            priority = 1
        elif key or pid in flagged or p.is_coach or quadrants[pid] in ("contact_first", "key_influencer"):
            priority = 2
        else:
            priority = 3
        focus, kind, why = trust_focus(p.support, p.roles)  # roles in recorded order: the first known one decides
        current, step_basis = current_step(p, ctx.coverage.get(pid))
        step = next_step(current)
        through = _through(ctx, pid, first_route.get(pid))
        role = min(p.roles, key=order.__getitem__) if p.roles else None
        if role not in tasks:
            tasks[role] = _stage_task(ctx.stage, role)
        stage_task = tasks[role]
        parts = [Msg(f"analysis.action.strategy.{strategy}", {"name": p.name}), stage_task, _focus_msg(focus, kind),
                 Msg("analysis.action.step", {"step": Label(step, "relationship_step") if step != "reassess"
                                              else Msg("analysis.action.reassess")}), through]
        if pid in flagged:
            parts.insert(1, Msg("analysis.action.hidden", {"name": p.name}))
        rows.append({"priority": priority, "id": pid, "name": p.name, "title": p.title, "roles": list(p.roles),
                     "power": p.power, "stance": stance, "quadrant": quadrants[pid], "key": key,
                     "strategy": strategy, "stage_task": stage_task, "trust_focus": focus, "trust_kind": kind,
                     "trust_why": why, "current_step": current,
                     "step_basis": step_basis, "next_step": step, "through": through, "parts": parts})
    rows.sort(key=lambda r: (r["priority"], -(r["power"] or 0)))
    return rows


def _stage_task(stage: str | None, role: str | None) -> Msg:
    focus = Msg(f"analysis.action.role_focus.{role}") if role else Msg("analysis.action.role_focus.none")
    if not stage:
        return Msg("analysis.action.stage_unknown", {"focus": focus})
    return Msg("analysis.action.stage_task", {"stage": Label(stage, "stage"),
                                              "task": Localised(vocab.entry(stage, "stage")["seller_task"]),
                                              "focus": focus})


def _through(ctx: Context, pid: str, route: Route | None) -> Msg:
    cover = ctx.best_coverage(pid)
    if cover is not None:
        channel = Label(cover.channel, "channel") if cover.channel else Msg("analysis.word.channel_unrecorded")
        return Msg("analysis.action.through_owner", {"owner": cover.owner or Msg("analysis.word.our_team"),
                                                     "channel": channel})
    if route is not None and route.source is not None:
        return Msg("analysis.action.through_route", {"start": ctx.name(route.source),
                                                     "via": " → ".join(route.names)})
    return Msg("analysis.action.through_none")


def action_sentence(row: dict[str, Any], lang: str | None = None) -> str:
    """One action-plan row as a sentence in a language."""
    return " ".join(part.render(lang) for part in row["parts"])


def action_frame(rows: list[dict[str, Any]], lang: str | None = None, labels: bool = True) -> pd.DataFrame:
    """The action plan as a DataFrame in a language, ready for ``to_csv`` / ``to_excel``.

    ``labels=True`` gives headings and labels in the language; ``labels=False`` keeps
    codes in the coded columns (for programs) with the sentences still rendered.
    """
    import pandas as pd

    out = []
    for r in rows:
        sentence = action_sentence(r, lang)
        if labels:
            roles = Labels(tuple(r["roles"]), "role").render(lang)
            stance = vocab.label(r["stance"] or "unknown", "stance", lang)
            quadrant = quadrant_name(r["quadrant"], lang)
            focus = (vocab.label(r["trust_focus"], r["trust_kind"], lang) if r["trust_kind"]
                     else vocab.text(f"analysis.action.focus_label.{r['trust_focus']}", lang=lang))
            step = (vocab.label(r["next_step"], "relationship_step", lang) if r["next_step"] != "reassess"
                    else vocab.text("analysis.action.reassess", lang=lang))
            strategy = vocab.text(f"analysis.action.strategy_label.{r['strategy']}", lang=lang)
            current = (vocab.label(r["current_step"], "relationship_step", lang) if r["current_step"]
                       else vocab.text("analysis.action.no_step", lang=lang))
        else:
            roles, stance, quadrant = ", ".join(r["roles"]), r["stance"] or "unknown", r["quadrant"]
            focus, step, strategy, current = r["trust_focus"], r["next_step"], r["strategy"], r["current_step"]
        out.append({"priority": r["priority"], "id": r["id"], "name": r["name"], "title": r["title"],
                    "roles": roles, "power": r["power"], "stance": stance, "quadrant": quadrant,
                    "strategy": strategy, "stage_task": r["stage_task"].render(lang), "trust_focus": focus,
                    "current_step": current, "next_step": step, "through": r["through"].render(lang), "action": sentence})
    frame = pd.DataFrame(out, columns=list(ACTION_COLUMNS))
    frame["power"] = frame["power"].astype("Int64")
    if labels:
        frame = frame.rename(columns={c: vocab.text(f"analysis.col.{c}", lang=lang) for c in ACTION_COLUMNS})
    return frame
