"""The analysis as plain text for a terminal (``powermap analyse MAP``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import localize, vocab
from ..analysis.actions import action_sentence
from ..analysis.findings import SEVERITIES

if TYPE_CHECKING:
    from ..analysis.result import Analysis

__all__ = ["summary_text"]


def _t(key: str, lang: str | None, **params: object) -> str:
    return vocab.text(f"analysis.{key}", lang=lang, **params)


def _points(value: float | None) -> str:
    return "–" if value is None else f"{value:+.1f}"


def _name(a: Analysis, pid: str, lang: str | None) -> str:
    return localize.person_name(a.context.people[pid], lang or vocab.get_language())


def summary_text(a: Analysis, lang: str | None = None, top: int = 10) -> str:
    """Status, support index with contributions, decision chain, risks, routes, conflicts,
    hidden power and the first ``top`` actions, one block each."""
    pm = a.map
    unknown = _t("word.unknown", lang)
    lines = [_t("heading.title", lang, account=localize.text(pm.account, "name", lang) or unknown,
                opportunity=localize.text(pm.opportunity, "name", lang) or unknown),
             _t("heading.as_of", lang, today=a.today.isoformat(),
                stage=vocab.label(pm.opportunity.stage, "stage", lang) if pm.opportunity.stage else unknown,
                mode=vocab.label(pm.opportunity.decision_mode, "decision_mode", lang)
                if pm.opportunity.decision_mode else unknown),
             ""]
    lines.append(f"{_t('heading.status', lang)}: {_t('status_name.' + a.status, lang)} — {a.status_reason.render(lang)}")
    index = "–" if a.support_index is None else f"{a.support_index:.1f} / 100"
    lines.append(f"{_t('heading.index', lang)}: {index} — {a.index.explanation().render(lang)}")
    for row in a.index.rows:
        stance = vocab.label(row["stance"] or "unknown", "stance", lang)
        lines.append(f"  {_points(row['points']):>6}  {_name(a, row['id'], lang)} ({a.roles_text(row['roles'], lang)}; "
                     f"{stance})")
    lines += ["", _t("heading.chain", lang)]
    for row in a.chain_rows:
        holders = ", ".join(f"{_name(a, h, lang)} ({vocab.label(s, 'stance', lang)})"
                            for h, s in zip(row["holders"], row["stances"]))
        lines.append(f"  {vocab.label(row['role'], 'role', lang)}: {holders or _t('word.nobody', lang)} — "
                     f"{_t('chain_status.' + row['status'], lang)}")
    lines += ["", _t("heading.risks", lang) + f" ({len(a.risks)})"]
    for risk in a.risks:
        lines.append(f"  [{_t('severity.' + risk.severity, lang)}] {risk.title(lang)}: {risk.message.render(lang)}")
        lines.append(f"      → {risk.action.render(lang)}")
    if not a.risks:
        lines.append("  " + _t("word.none_found", lang))
    lines += ["", _t("heading.paths", lang)]
    for route in a.paths:
        lines.append(f"  {_name(a, route.path[-1], lang)}: {route.explanation.render(lang)}")
    if not a.paths:
        lines.append("  " + _t("paths.all_covered", lang))
    lines += ["", _t("heading.conflicts", lang)]
    lines += [f"  {c.message.render(lang)} → {c.advice.render(lang)}" for c in a.conflicts] or \
        ["  " + _t("word.none_found", lang)]
    lines += ["", _t("heading.hidden", lang)]
    lines += [f"  {r['explanation'].render(lang)}" for r in a.hidden_power] or ["  " + _t("word.none_found", lang)]
    lines += ["", _t("heading.actions", lang)]
    for i, row in enumerate(a.action_rows[:top], start=1):
        sentence = action_sentence(row, lang)
        lines.append(f"  {i}. [P{row['priority']}] {_name(a, row['id'], lang)}: {sentence}")
    if len(a.action_rows) > top:
        lines.append("  " + _t("word.more", lang, count=len(a.action_rows) - top))
    counts = ", ".join(f"{_t('severity.' + s, lang)} {sum(1 for r in a.risks if r.severity == s)}" for s in SEVERITIES)
    lines += ["", _t("heading.footer", lang, counts=counts)]
    return "\n".join(lines) + "\n"
