"""The analysis as a self-contained HTML page (templates ``analysis*.html.j2``).

Everything shown is rendered to plain strings here and escaped by the template engine;
only the three pictures drawn by :mod:`powermap_kit.render` are embedded as SVG.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import localize, vocab
from ..analysis.actions import action_sentence
from ..analysis.findings import SEVERITIES
from ..analysis.matrix import QUADRANTS, SUPPORT_QUADRANTS, quadrant_approach, quadrant_name
from .fishbone import fishbone_svg
from .matrix import power_matrix_svg
from .picture import map_svg
from .templates import render

if TYPE_CHECKING:
    from ..analysis.result import Analysis

__all__ = ["analysis_html", "analysis_summary_html", "view"]


def _lang(lang: str | None) -> str:
    return lang or vocab.get_language()


def _person(a: Analysis, pid: str, lang: str) -> dict[str, Any]:
    stance = a.context.stance[pid] or "unknown"
    return {"name": _name(a, pid, lang), "stance": vocab.label(stance, "stance", lang), "colour": vocab.colour(stance)}


def _name(a: Analysis, pid: str, lang: str) -> str:
    return a.context.name(pid, lang)


def view(a: Analysis, lang: str | None = None, pictures: bool = True) -> dict[str, Any]:
    """Everything the templates show, as plain strings and numbers in one language."""
    lang = _lang(lang)
    pm = a.map
    unknown = vocab.text("analysis.word.unknown", lang=lang)
    ctx = a.context
    contributions = []
    for r in a.index.rows:
        if r["counted"]:
            note = ""
        elif r["power"] is None and r["stance"] is None:
            note = vocab.text("analysis.index.not_counted_both", lang=lang)
        elif r["power"] is None:
            note = vocab.text("analysis.index.not_counted_power", lang=lang)
        else:
            note = vocab.text("analysis.index.not_counted_stance", lang=lang)
        contributions.append({**_person(a, r["id"], lang), "roles": a.roles_text(r["roles"], lang),
                              "power": r["power"], "weight": r["weight"], "points": r["points"], "note": note,
                              "basis": vocab.text(f"analysis.basis.{r['basis']}", lang=lang) if r["basis"] else ""})
    chain = [{"role": vocab.label(r["role"], "role", lang),
              "holders": [_person(a, h, lang) for h in r["holders"]],
              "covered": ", ".join(_name(a, h, lang) for h in r["covered"]), "owners": ", ".join(r["owners"]),
              "status": r["status"], "status_label": vocab.text(f"analysis.chain_status.{r['status']}", lang=lang)}
             for r in a.chain_rows]
    quadrants, support_quadrants = ([{"code": q, "name": quadrant_name(q, lang), "approach": quadrant_approach(q, lang),
                                      "people": [_person(a, r["id"], lang) for r in rows if r["quadrant"] == q]}
                                     for q in codes]
                                    for rows, codes in ((a.matrix_rows, QUADRANTS), (a.support_rows, SUPPORT_QUADRANTS)))
    risks = [{"severity": r.severity, "severity_label": vocab.text(f"analysis.severity.{r.severity}", lang=lang),
              "title": r.title(lang), "message": r.message.render(lang), "action": r.action.render(lang),
              "teaching": r.teaching(lang), "code": r.code} for r in a.risks]
    paths = [{"target": _name(a, r.path[-1], lang), "rank": r.rank,
              "route": " → ".join(_name(a, p, lang) for p in r.path) if r.source else "",
              "cost": r.cost, "explanation": r.explanation.render(lang)} for r in a.paths]
    conflicts = [{"kind": vocab.text(f"analysis.conflict_kind.{c.kind}", lang=lang), "message": c.message.render(lang),
                  "advice": c.advice.render(lang)} for c in a.conflicts]
    hidden = [{"name": _name(a, r["id"], lang), "explanation": r["explanation"].render(lang)} for r in a.hidden_power]
    ranking = [{"rank": r["rank"], "name": _name(a, r["id"], lang), "pagerank": r["pagerank"], "network_power": r["network_power"],
                "given": r["given"], "flagged": r["flagged"]} for r in a.hidden_rows[:12]]
    action_rows = [{"priority": raw["priority"], "name": _name(a, raw["id"], lang),
                    "title": localize.text(a.context.people[raw["id"]], "title", lang, ""),
                    "roles": a.roles_text(raw["roles"], lang),
                    "stance": vocab.label(raw["stance"] or "unknown", "stance", lang),
                    "colour": vocab.colour(raw["stance"]), "quadrant": quadrant_name(raw["quadrant"], lang),
                    "action": action_sentence(raw, lang)} for raw in a.action_rows]
    support = [{"name": p["name"], "recorded": vocab.label(p["stance"], "stance", lang),
                "score": p["support"], "level": vocab.label(p["support_level"], "stance", lang)
                if p["support_level"] else unknown, "explanation": p["support_explanation"],
                "stance": vocab.label(p["stance_used"], "stance", lang), "colour": vocab.colour(p["stance_used"])}
               for p in a.people_rows(lang)]
    counts = {s: sum(1 for r in a.risks if r.severity == s) for s in SEVERITIES}
    stage = vocab.label(pm.opportunity.stage, "stage", lang) if pm.opportunity.stage else unknown
    mode = vocab.label(pm.opportunity.decision_mode, "decision_mode", lang) if pm.opportunity.decision_mode else unknown
    title = vocab.text("analysis.heading.title", lang=lang, account=localize.text(pm.account, "name", lang) or unknown,
                       opportunity=localize.text(pm.opportunity, "name", lang) or unknown)
    highlight = [r["id"] for r in a.hidden_power]
    return {
        "lang": lang, "title": title,
        "sub": vocab.text("analysis.heading.as_of", lang=lang, today=a.today.isoformat(), stage=stage, mode=mode),
        "status": a.status, "status_name": vocab.text(f"analysis.status_name.{a.status}", lang=lang),
        "status_reason": a.status_reason.render(lang),
        "status_rule": vocab.text("analysis.status.rule", lang=lang, threshold=ctx.cfg["status"]["green_min_index"]),
        "index": a.support_index, "index_explanation": a.index.explanation().render(lang),
        "index_rule": vocab.text("analysis.index.rule", lang=lang),
        "contributions": contributions, "chain": chain, "quadrants": quadrants, "support_quadrants": support_quadrants, "risks": risks,
        "risk_counts": [{"severity": s, "label": vocab.text(f"analysis.severity.{s}", lang=lang), "count": counts[s]}
                        for s in SEVERITIES],
        "paths": paths, "conflicts": conflicts, "hidden": hidden, "ranking": ranking, "actions": action_rows,
        "support": support, "people_count": len(pm),
        "key_roles": vocab.text("analysis.list_sep", lang=lang).join(vocab.label(r, "role", lang) for r in ctx.key_roles),
        "key_power": ctx.cfg["key_power"],
        "map_svg": map_svg(pm, lang=lang, highlight=highlight) if pictures and len(pm) else "",
        "matrix_svg": power_matrix_svg(a, lang=lang) if pictures and len(pm) else "",
        "support_matrix_svg": power_matrix_svg(a, lang=lang, view="support") if pictures and len(pm) else "",
        "fishbone_svg": fishbone_svg(pm, lang=lang) if pictures and len(pm) else "",
        "highlight_note": vocab.text("analysis.picture.highlight", lang=lang) if highlight else "",
    }


def analysis_html(a: Analysis, lang: str | None = None) -> str:
    """The full report: map picture, status and index, chain, matrix, risks, routes,
    conflicts, hidden power, action plan, support scores and how each number is computed."""
    return render("analysis.html.j2", **view(a, lang))


def analysis_summary_html(a: Analysis, lang: str | None = None) -> str:
    """A compact fragment for notebooks: status, index and the top risks (no pictures)."""
    data = view(a, lang, pictures=False)
    data["risks"] = data["risks"][:5]
    return render("analysis_summary.html.j2", **data)
