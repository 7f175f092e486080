"""``analyse(map)``: every judgement of the course on one map, in one result.

:class:`Analysis` holds the findings as data (language-neutral) and renders them on
demand in English or Chinese: pandas tables (``people``, ``chain``, ``contributions``,
``actions`` and the ``*_frame()`` methods), :meth:`~Analysis.to_dict` / ``to_json`` for
programs, :meth:`~Analysis.summary_text` for a terminal and :meth:`~Analysis.to_html` for a
self-contained report.

>>> from powermap_kit import load_map
>>> pm = load_map({"format": "powermap/1",
...     "opportunity": {"stage": "evaluating", "decision_mode": "top_down"},
...     "stakeholders": [
...         {"id": "gm", "name": "Zhou Min", "roles": ["approver"], "power": 5, "stance": "support"},
...         {"id": "it", "name": "Wang Wei", "roles": ["decision_maker"], "power": 4, "stance": "neutral"}],
...     "coverage": [{"stakeholder": "gm", "owner": "our VP"}]})
>>> a = analyse(pm, today="2026-11-20")
>>> a.support_index, a.status
(77.8, 'green')
>>> [r["code"] for r in a.to_dict("en")["risks"]][:3]
['single_threaded', 'no_coach', 'key_role_not_covered']
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import vocab
from ..errors import PowerMapError, WrongType
from .actions import action_frame, action_plan
from .chain import IndexResult, decision_chain, deal_status, support_index
from .conflicts import Conflict, interest_conflicts
from .context import Context, build_context
from .findings import SEVERITIES, Labels, Msg, Risk
from .hidden import hidden_power
from .matrix import power_matrix, support_matrix
from .paths import Route, introduction_routes
from .risks import risks as find_risks
from .support import support_explanation, support_level

if TYPE_CHECKING:
    import pandas as pd

    from ..model import PowerMap

__all__ = ["Analysis", "analyse", "register_view"]

_VIEWS: dict[str, Callable[..., str]] = {}


def register_view(name: str, function: Callable[..., str]) -> None:
    """Install how an :class:`Analysis` is shown as ``name``: ``"text"``
    (:meth:`Analysis.summary_text`), ``"html"`` (:meth:`Analysis.to_html`) or
    ``"summary_html"`` (the notebook display).

    The render layer (:mod:`powermap_kit.render`) registers its reports when it is imported,
    which asking for a view does the first time (by name, at run time); analysis never
    imports render at load time, so layers point downward and the package has no import cycle.
    """
    _VIEWS[name] = function


def _view(name: str) -> Callable[..., str]:
    if name not in _VIEWS:  # the package loads its parts on first use: load the render layer now
        importlib.import_module("powermap_kit.render")
    if name not in _VIEWS:
        raise PowerMapError(f"no {name!r} view of an analysis is registered (allowed: {', '.join(sorted(_VIEWS))}); "
                            "import powermap_kit.render")
    return _VIEWS[name]


@dataclass
class Analysis:
    """The result of :func:`analyse`. Findings are data; text is rendered per language."""

    map: PowerMap
    today: date
    context: Context = field(repr=False)
    index: IndexResult = field(repr=False)
    status: str = "red"
    status_reason: Msg = field(default_factory=lambda: Msg("analysis.status.red_none"), repr=False)
    chain_rows: list[dict[str, Any]] = field(default_factory=list, repr=False)
    matrix_rows: list[dict[str, Any]] = field(default_factory=list, repr=False)
    support_rows: list[dict[str, Any]] = field(default_factory=list, repr=False)
    risks: list[Risk] = field(default_factory=list, repr=False)
    paths: list[Route] = field(default_factory=list, repr=False)
    conflicts: list[Conflict] = field(default_factory=list, repr=False)
    hidden_rows: list[dict[str, Any]] = field(default_factory=list, repr=False)
    action_rows: list[dict[str, Any]] = field(default_factory=list, repr=False)

    # ---- headline numbers ---------------------------------------------------------------
    @property
    def support_index(self) -> float | None:
        """0–100, or ``None`` when no key person's power and stance are both known."""
        return self.index.value

    @property
    def hidden_power(self) -> list[dict[str, Any]]:
        """The flagged rows of the hidden-power ranking (people with more network power than the map gives)."""
        return [r for r in self.hidden_rows if r["flagged"]]

    def key_persons(self) -> dict[str, tuple[str, ...]]:
        """Key person id → why (their key roles, and ``"power"`` when power ≥ ``key_power``)."""
        return dict(self.context.key)

    def __repr__(self) -> str:
        counts = {s: sum(1 for r in self.risks if r.severity == s) for s in SEVERITIES}
        return (f"<Analysis {len(self.map)} people, support index {self.support_index}, status {self.status}, "
                f"risks high={counts['high']} medium={counts['medium']} low={counts['low']}>")

    # ---- tables -------------------------------------------------------------------------
    def people_rows(self, lang: str | None = None) -> list[dict[str, Any]]:
        """One dict per person: support, quadrant, key person, coverage, network power, contribution."""
        ctx = self.context
        quad = {r["id"]: r for r in self.matrix_rows}
        support_quad = {r["id"]: r["quadrant"] for r in self.support_rows}
        contrib = {r["id"]: r for r in self.index.rows}
        net = {r["id"]: r for r in self.hidden_rows}
        rows = []
        for pid, p in ctx.people.items():
            c = contrib.get(pid, {})
            h = net.get(pid, {})
            rows.append({
                "id": pid, "name": p.name, "title": p.title, "department": p.department, "roles": list(p.roles),
                "power": p.power, "stance": p.stance_or_unknown, "coach": p.coach,
                "support": ctx.scores[pid], "support_level": _level(ctx, pid),
                "support_explanation": support_explanation(p, ctx.cfg).render(lang),
                "stance_used": ctx.stance[pid] or "unknown", "stance_basis": ctx.basis[pid],
                "influence": quad[pid]["influence"], "influence_basis": quad[pid]["influence_basis"],
                "quadrant": quad[pid]["quadrant"], "support_quadrant": support_quad.get(pid, "unplaced"),
                "key_person": pid in ctx.key, "key_reasons": list(ctx.key.get(pid, ())),
                "covered": ctx.covered(pid),
                "coverage_owners": sorted({c2.owner for c2 in ctx.coverage.get(pid, []) if c2.owner}),
                "last_verified": p.last_verified,
                "index_weight": c.get("weight"), "contribution": c.get("points"),
                "pagerank": h.get("pagerank"), "network_power": h.get("network_power"),
                "hidden_power": bool(h.get("flagged")),
            })
        return rows

    @property
    def people(self) -> pd.DataFrame:
        """One row per person (codes, not labels): support score and level, quadrant, key, coverage …"""
        import pandas as pd

        frame = pd.DataFrame(self.people_rows())
        if frame.empty:
            return frame
        frame["roles"] = frame["roles"].map(", ".join)
        for col in ("key_reasons", "coverage_owners"):
            frame[col] = frame[col].map(", ".join)
        for col in ("power", "influence"):
            frame[col] = frame[col].astype("Int64")
        for col in ("support", "index_weight", "contribution", "pagerank", "network_power"):
            frame[col] = frame[col].astype("Float64")  # unknown stays <NA>, never 0
        return frame.set_index("id")

    @property
    def chain(self) -> pd.DataFrame:
        """One row per key role of the decision mode: holders, stances, coverage, status."""
        import pandas as pd

        rows = [{"role": r["role"], "holders": ", ".join(r["names"]), "stances": ", ".join(r["stances"]),
                 "supportive": len(r["supportive"]), "opposed": len(r["opposed"]),
                 "covered": ", ".join(self.context.names(r["covered"])), "owners": ", ".join(r["owners"]),
                 "best_strength": r["best_strength"], "status": r["status"]} for r in self.chain_rows]
        frame = pd.DataFrame(rows, columns=["role", "holders", "stances", "supportive", "opposed", "covered",
                                            "owners", "best_strength", "status"])
        frame["best_strength"] = frame["best_strength"].astype("Int64")
        return frame

    @property
    def contributions(self) -> pd.DataFrame:
        """Each key person's part in the support index (weight, sign, points); uncounted rows say why."""
        import pandas as pd

        frame = pd.DataFrame(self.index.rows, columns=["id", "name", "roles", "power", "stance", "basis",
                                                       "role_weight", "weight", "sign", "points", "counted"])
        frame["roles"] = frame["roles"].map(", ".join)
        frame["power"] = frame["power"].astype("Int64")
        return frame

    @property
    def actions(self) -> pd.DataFrame:
        """The action plan in the current language (write it with :meth:`export_actions`: no cell becomes a formula)."""
        return self.action_frame()

    def action_frame(self, lang: str | None = None, labels: bool = True) -> pd.DataFrame:
        """The action plan in a language; ``labels=False`` keeps codes and machine headings."""
        return action_frame(self.action_rows, lang=lang, labels=labels)

    def risk_frame(self, lang: str | None = None) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([r.to_dict(lang) for r in self.risks],
                            columns=["code", "severity", "title", "stakeholders", "message", "action", "teaching"])

    def path_frame(self, lang: str | None = None) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([r.to_dict(lang) for r in self.paths],
                            columns=["target", "target_name", "rank", "source", "path", "names", "steps", "cost",
                                     "explanation"])

    def conflict_frame(self, lang: str | None = None) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([c.to_dict(lang) for c in self.conflicts],
                            columns=["kind", "stakeholders", "message", "advice"])

    def hidden_frame(self, lang: str | None = None) -> pd.DataFrame:
        """The whole network ranking (every person), flagged rows explained."""
        import pandas as pd

        rows = [{**r, "explanation": r["explanation"].render(lang) if r["explanation"] else None}
                for r in self.hidden_rows]
        return pd.DataFrame(rows, columns=["id", "name", "rank", "pagerank", "network_power", "power", "influence",
                                           "given", "gap", "flagged", "explanation"])

    def export_actions(self, path: str | Path, lang: str | None = None) -> Path:
        """Write the action plan to ``.csv`` (UTF-8 with BOM, opens in Excel) or ``.xlsx``."""
        from ..sheets import write_table

        frame = self.action_frame(lang)
        return write_table({vocab.text("analysis.heading.actions", lang=lang): frame}, path)

    # ---- whole result -------------------------------------------------------------------
    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """Plain data for JSON: headline, people, chain, risks, paths, conflicts, hidden power, actions."""
        pm = self.map
        return {
            "account": pm.account.name,
            "opportunity": pm.opportunity.name,
            "stage": pm.opportunity.stage,
            "decision_mode": pm.opportunity.decision_mode,
            "today": self.today.isoformat(),
            "support_index": self.support_index,
            "support_index_explanation": self.index.explanation().render(lang),
            "status": self.status,
            "status_reason": self.status_reason.render(lang),
            "key_roles": list(self.context.key_roles),
            "people": self.people_rows(lang),
            "contributions": [dict(r) for r in self.index.rows],
            "chain": [dict(r) for r in self.chain_rows],
            "risks": [r.to_dict(lang) for r in self.risks],
            "paths": [r.to_dict(lang) for r in self.paths],
            "conflicts": [c.to_dict(lang) for c in self.conflicts],
            "hidden_power": [{**{k: v for k, v in r.items() if k != "explanation"},
                              "explanation": r["explanation"].render(lang)} for r in self.hidden_power],
            "actions": self.action_frame(lang, labels=False).to_dict(orient="records"),
        }

    def to_json(self, lang: str | None = None, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text (Chinese kept readable)."""
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=indent, default=_json_default)

    def summary_text(self, lang: str | None = None, top: int = 10) -> str:
        """A plain-text report for a terminal: status, index, chain, risks, routes, actions."""
        return _view("text")(self, lang=lang, top=top)

    def to_html(self, lang: str | None = None) -> str:
        """One self-contained HTML page (inline SVG pictures, no external assets, all user text escaped)."""
        return _view("html")(self, lang=lang)

    def _repr_html_(self) -> str:
        return _view("summary_html")(self)

    # helper for the renderers
    def roles_text(self, roles: list[str], lang: str | None = None) -> str:
        return Labels(tuple(roles), "role").render(lang) if roles else vocab.text("analysis.word.no_role", lang=lang)


def _level(ctx: Context, pid: str) -> str | None:
    return support_level(ctx.scores[pid], ctx.cfg)


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy / pandas scalars
        return value.item()
    if value is not None and type(value).__name__ in ("NAType", "NaTType"):
        return None
    raise WrongType("value", "not_json_value", type(value).__name__)


def analyse(pm: PowerMap, today: date | datetime | str | None = None,
            config: Mapping[str, Any] | None = None) -> Analysis:
    """Analyse a power map: support, power matrix, decision chain and support index,
    risks, introduction routes, interest conflicts, hidden power and an action plan.

    Parameters
    ----------
    pm : PowerMap
        The map (see ``load_map``).
    today : date or "YYYY-MM-DD", optional
        The date stale information is measured against (default: today).
    config : dict, optional
        Overrides of ``data/analysis.json`` (thresholds and weights), merged key by key.

    Returns
    -------
    Analysis
    """
    ctx = build_context(pm, today=today, config=config)
    index = support_index(pm, ctx=ctx)
    status, reason = deal_status(pm, ctx=ctx, index=index)
    routes = introduction_routes(pm, ctx=ctx)
    hidden = hidden_power(pm, ctx=ctx)
    return Analysis(
        map=pm, today=ctx.today, context=ctx, index=index, status=status, status_reason=reason,
        chain_rows=decision_chain(pm, ctx=ctx), matrix_rows=power_matrix(pm, ctx=ctx),
        support_rows=support_matrix(pm, ctx=ctx),
        risks=find_risks(pm, ctx=ctx), paths=routes, conflicts=interest_conflicts(pm, ctx=ctx),
        hidden_rows=hidden, action_rows=action_plan(pm, ctx=ctx, routes=routes, hidden=hidden),
    )
