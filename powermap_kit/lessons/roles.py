"""Module 02, role types and frameworks: the eight roles and every framework as a lens onto them
(seeds 000, 001, 002, 003; Miller Heiman our addition).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .. import exercises, vocab
from ..cases import Case
from ..model import PowerMap
from .display import _case, _name, _table
from .feedback import (
    _HALF, _NO, _OK, _OPEN, Feedback, _choice, _join, _lang, _not_allowed, _pending, _result, _t, _unanswered,
)

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["check_framework_terms", "check_role_answers", "evidence_table", "framework_table", "role_table",
           "roles_through"]

_FRAMEWORK_VIEWS = ("four_role", "five_role_org", "crm_power_map", "decision_chain", "miller_heiman")


def role_table(lang: str | None = None) -> Styler:
    """The eight canonical roles: code, English and Chinese label, what the person does, seeds."""
    lang = _lang(lang)
    return _table([{_t("col.code", lang): e["code"], _t("col.english", lang): e["label"]["en"],
                    _t("col.chinese", lang): e["label"]["zh"], _t("col.what", lang): e["description"][lang],
                    _t("col.seeds", lang): e.get("source", "")} for e in vocab.entries("role")])


def _term_label(term: Mapping[str, Any], lang: str) -> str:
    return term["label"][lang] if "label" in term else vocab.label(term["term"], "role", lang)


def _terms(fw: Mapping[str, Any], test: Any, lang: str) -> str:
    # An empty cell, not "none": most roles have no term in most frameworks.
    found = [_term_label(t, lang) for t in fw["roles"] if test(t)]
    return _join(found, lang) if found else ""


def framework_table(frameworks: Sequence[str] = _FRAMEWORK_VIEWS, lang: str | None = None) -> Styler:
    """Each framework as a view onto the canonical roles: which of its terms covers each role.

    Two rows follow the roles: a framework term that is a stance (seed 002's blocker) and
    one that is the coach flag (Miller Heiman's coach; seed 003's 教练).
    """
    lang = _lang(lang)
    rows: list[dict[str, Any]] = [{_t("col.role", lang): vocab.label(r, "role", lang)} for r in vocab.ROLES]
    stance_row = {_t("col.role", lang): _t("framework.stance_row", lang)}
    coach_row = {_t("col.role", lang): _t("framework.coach_row", lang)}
    for code in frameworks:
        fw = vocab.entry(code, "framework")
        column = f"{fw['label'][lang]} ({fw['source']})"
        for row, role in zip(rows, vocab.ROLES):
            row[column] = _terms(fw, lambda t, role=role: role in t["roles"], lang)
        stance_row[column] = _terms(fw, lambda t: bool(t.get("stance")), lang)
        coach_row[column] = _terms(fw, lambda t: bool(t.get("coach")), lang)
    return _table([*rows, stance_row, coach_row])


def roles_through(pm: PowerMap | Case | str, framework: str, lang: str | None = None) -> Styler:
    """Each person's roles, and what a framework (a lens) calls them: the same map, another vocabulary."""
    lang = _lang(lang)
    if not isinstance(pm, PowerMap):
        pm = _case(pm).key
    fw = vocab.entry(framework, "framework")
    rows = []
    for p in pm.stakeholders:
        terms = [_term_label(t, lang) for t in fw["roles"]
                 if set(t["roles"]) & set(p.roles) or (t.get("stance") and t["stance"] == p.stance)
                 or (t.get("coach") and p.is_coach)]
        rows.append({_t("col.person", lang): _name(pm, p.id, lang), _t("col.title", lang): p.title or "",
                     _t("col.roles", lang): _join((vocab.label(r, "role", lang) for r in p.roles), lang),
                     fw["label"][lang]: _join(terms, lang)})
    return _table(rows)


def evidence_table(case: Case | str, people: Iterable[str], field: str = "roles",
                   lang: str | None = None) -> Styler:
    """Chosen people of a case's key with their title, roles and the key's evidence for ``field``."""
    lang = _lang(lang)
    key = _case(case).key
    rows = []
    for pid in people:
        p = key.stakeholder(pid)
        rows.append({_t("col.person", lang): _name(key, pid, lang), _t("col.title", lang): p.title or "",
                     _t("col.roles", lang): _join((vocab.label(r, "role", lang) for r in p.roles), lang),
                     _t("col.evidence", lang): p.evidence.get(field, "")})
    return _table(rows)


def check_role_answers(case: Case | str, answers: Mapping[str, Iterable[str] | None] | None,
                       lang: str | None = None) -> Feedback:
    """Check roles given to a case's people (person id → role codes) against the key, person by person."""
    lang = _lang(lang)
    c = _case(case)
    title, hint = _t("roles.title", lang, case=c.title(lang)), _t("roles.where", lang)
    if _unanswered(answers):
        return _pending(title, _t("roles.what", lang), hint, lang)
    lines, right, open_count = [], 0.0, 0
    for pid, roles in answers.items():  # type: ignore[union-attr]
        if _unanswered(roles):
            open_count += 1
            lines.append((_OPEN, _t("item.open", lang, item=_name(c.key, pid, lang) if pid in c.key else pid)))
            continue
        roles = [roles] if isinstance(roles, str) else list(roles)  # type: ignore[arg-type]
        bad = [r for r in roles if _choice(r, vocab.ROLES, "role") is None]
        if pid not in c.key:
            lines.append(_not_allowed(pid, pid, c.key.ids, lang))
            continue
        if bad:
            lines.append(_not_allowed(_name(c.key, pid, lang), bad[0], vocab.ROLES, lang))
            continue
        fb = exercises.check_role(c.key, pid, roles, lang=lang)
        right += fb.score
        mark = _OK if fb.correct else (_HALF if fb.score else _NO)
        lines.append((mark, fb.message if fb.correct else f"{fb.message} {fb.explanation}"))
    return _result(title, lines, right, len(answers), hint, lang, open_count)  # type: ignore[arg-type]


def check_framework_terms(framework: str, answers: Mapping[str, Iterable[str] | None] | None,
                          lang: str | None = None) -> Feedback:
    """Check which canonical roles each term of a framework covers (term code → role codes).

    A term that is a stance (blocker) or the coach flag covers no role: the right answer is
    an empty list, and the feedback says what it is instead.
    """
    lang = _lang(lang)
    fw = vocab.entry(framework, "framework")
    title, hint = _t("terms.title", lang, framework=fw["label"][lang]), _t("terms.where", lang)
    if answers is None or (isinstance(answers, Mapping) and all(v is None for v in answers.values())):
        return _pending(title, _t("terms.what", lang, terms=", ".join(t["term"] for t in fw["roles"])), hint, lang)
    terms = {t["term"]: t for t in fw["roles"]}
    lines, right, open_count = [], 0, 0
    for code, term in terms.items():
        raw = answers.get(code)
        label = _term_label(term, lang)
        expected = [r for r in vocab.ROLES if r in term["roles"]]
        if raw is None:
            open_count += 1
            lines.append((_OPEN, _t("item.open", lang, item=f"{label} ({code})")))
            continue
        raw = [raw] if isinstance(raw, str) else list(raw)
        chosen = [_choice(r, vocab.ROLES, "role") for r in raw]
        if None in chosen:
            lines.append(_not_allowed(label, raw[chosen.index(None)], vocab.ROLES, lang))
            continue
        what = ""
        if term.get("stance"):
            what = " " + _t("terms.stance", lang, stance=vocab.label(term["stance"], "stance", lang))
        elif term.get("coach"):
            what = " " + _t("terms.coach", lang)
        roles = _join((vocab.label(r, "role", lang) for r in expected), lang)
        if set(chosen) == set(expected):
            right += 1
            lines.append((_OK, _t("terms.right", lang, term=label, roles=roles) + what))
        else:
            lines.append((_NO, _t("terms.wrong", lang, term=label, roles=roles,
                                  chosen=_join((vocab.label(r, "role", lang) for r in chosen if r is not None),
                                               lang)) + what))
    return _result(title, lines, right, len(terms), hint, lang, open_count)
