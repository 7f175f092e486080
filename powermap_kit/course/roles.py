"""The eight buying roles and the role frameworks as lenses onto them: tables and checks
(seeds 000, 001, 002, 003; Miller Heiman our addition).

Examples
--------
>>> from powermap_kit import PowerMap
>>> key = PowerMap()
>>> _ = key.add_stakeholder(id="vp", name="Liu", roles=["approver", "decision_maker"])
>>> r = check_role(key, "vp", ["approver", "user"], lang="en")
>>> r.status, r.score, r.message
('partly', 0.33, 'Partly right: in the key Liu is Decision approver, Decision maker.')
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .. import localize, vocab
from ..cases import Case, Markdown
from ..hints import Hints
from ..model import PowerMap
from ._base import (
    case_of, choice, data, display_name, field_label, join, key_of, lang_of, not_allowed, pending, roles_text, t,
    table, tally, unanswered,
)
from .questions import resolve_key, sentence, unknown_question
from .result import Result, following, status_of

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["check_framework_terms", "check_role", "check_role_answers", "evidence_table", "framework_table",
           "role_table", "roles_through"]


def role_table(lang: str | None = None) -> Styler:
    """The eight canonical roles: code, English and Chinese label, what the person does."""
    lang = lang_of(lang)
    return table([{t("col.code", lang): e["code"], t("col.english", lang): e["label"]["en"],
                   t("col.chinese", lang): e["label"]["zh"], t("col.what", lang): e["description"][lang]} for e in vocab.entries("role")])


def _term_label(term: Mapping[str, Any], lang: str) -> str:
    return term["label"][lang] if "label" in term else vocab.label(term["term"], "role", lang)


def _terms(fw: Mapping[str, Any], test: Any, lang: str) -> str:
    # An empty cell, not "none": most roles have no term in most frameworks.
    found = [_term_label(t, lang) for t in fw["roles"] if test(t)]
    return join(found, lang) if found else ""


def framework_table(frameworks: Sequence[str] | None = None, lang: str | None = None) -> Styler:
    """Each framework as a view onto the canonical roles: which of its terms covers each role.

    Two rows follow the roles: a framework term that is a stance (seed 002's blocker) and
    one that is the coach flag (Miller Heiman's coach; seed 003's 教练).
    """
    lang = lang_of(lang)
    rows: list[dict[str, Any]] = [{t("col.role", lang): vocab.label(r, "role", lang)} for r in vocab.ROLES]
    stance_row = {t("col.role", lang): t("framework.stance_row", lang)}
    coach_row = {t("col.role", lang): t("framework.coach_row", lang)}
    for code in frameworks or data()["framework_views"]:
        fw = vocab.entry(code, "framework")
        column = f"{fw['label'][lang]} ({fw['source']})"
        for row, role in zip(rows, vocab.ROLES):
            row[column] = _terms(fw, lambda term, role=role: role in term["roles"], lang)
        stance_row[column] = _terms(fw, lambda term: bool(term.get("stance")), lang)
        coach_row[column] = _terms(fw, lambda term: bool(term.get("coach")), lang)
    return table([*rows, stance_row, coach_row])


def roles_through(pm: PowerMap | Case | str, framework: str, lang: str | None = None) -> Styler | Markdown:
    """Each person's roles, and what a framework (a lens) calls them: the same map, another vocabulary.

    A case's key is shown to a learner only after submitting that case (before: a lock notice).
    """
    from .learner import key_locked

    lang = lang_of(lang)
    lock = key_locked(pm, lang)
    if lock is not None:
        return lock
    pm = key_of(pm)
    fw = vocab.entry(framework, "framework")
    rows = []
    for p in pm.stakeholders:
        terms = [_term_label(term, lang) for term in fw["roles"]
                 if set(term["roles"]) & set(p.roles) or (term.get("stance") and term["stance"] == p.stance)
                 or (term.get("coach") and p.is_coach)]
        rows.append({t("col.person", lang): display_name(pm, p.id, lang), t("col.title", lang): localize.text(p, "title", lang, ""),
                     field_label("roles", lang): roles_text(p.roles, lang), fw["label"][lang]: join(terms, lang)})
    return table(rows)


def evidence_table(case: Case | str, people: Iterable[str], field: str = "roles",
                   lang: str | None = None) -> Styler | Markdown:
    """Chosen people of a case's key with their title, roles and the key's evidence for ``field``
    (to a learner only after submitting the case; before, a lock notice)."""
    from .learner import key_locked

    lang = lang_of(lang)
    lock = key_locked(case, lang)
    if lock is not None:
        return lock
    key = case_of(case).key
    rows = []
    for pid in people:
        p = key.stakeholder(pid)
        rows.append({t("col.person", lang): display_name(key, pid, lang), t("col.title", lang): localize.text(p, "title", lang, ""),
                     field_label("roles", lang): roles_text(p.roles, lang),
                     t("col.evidence", lang): localize.text(p, f"evidence.{field}", lang, "")})
    return table(rows)


# ---- one person's roles -----------------------------------------------------------------------
def _role_result(key: PowerMap | Hints, person_id: str, roles: Any, lang: str, audience: str | None = None) -> Result:
    from .learner import docs_text, hints_of, learner_mode, locked

    h = key if isinstance(key, Hints) else hints_of(key) if learner_mode(audience, key) else None
    expected: tuple[str, ...]
    if isinstance(key, Hints):
        if person_id not in key.people:
            raise unknown_question(list(key.people), person_id)
        name, expected = key.name(person_id, lang), ()
    else:
        person = key.get(person_id)
        if person is None or not person.roles:
            raise unknown_question([p.id for p in key.stakeholders if p.roles], person_id)
        name = display_name(key, person_id, lang)
        expected = tuple(r for r in vocab.ROLES if r in person.roles)
    record: dict[str, Any] = {"question": person_id, "kind": "role", "answer": roles, "expected": expected}
    if unanswered(roles):
        return pending("", t("roles.what", lang), "", lang)
    if not isinstance(roles, (str, Iterable)) or isinstance(roles, Mapping):
        return Result("wrong", 0.0, "", t("item.bad_code", lang), (not_allowed(name, roles, vocab.ROLES, lang),),
                      "", lang, record)
    raw = [roles] if isinstance(roles, str) else list(roles)
    codes = [choice(r, vocab.ROLES, "role") for r in raw]
    if None in codes:
        bad = raw[codes.index(None)]
        return Result("wrong", 0.0, "", t("item.bad_code", lang), (not_allowed(name, bad, vocab.ROLES, lang),),
                      "", lang, record)
    chosen = tuple(r for r in vocab.ROLES if r in codes)
    record["answer"] = chosen
    if h is not None:
        record.pop("expected")
        fit, unfit, lacking = h.roles_right(person_id, chosen)
        share = round(fit / (fit + unfit + lacking), 2) if fit + unfit + lacking else 1.0
        if not unfit and not lacking:
            return Result("right", 1.0, "", t("hints.roles_right", lang, name=name), (), "", lang, record)
        message = t("hints.roles_some", lang, name=name, right=fit, chosen=len(chosen),
                    missing=t("hints.roles_missing", lang) if lacking else "",
                    docs=docs_text(h.docs(person_id, "roles"), lang))
        return Result(status_of(share), share, "", message, (), locked(t("roles.where", lang), lang), lang, record)
    assert isinstance(key, PowerMap)
    person = key.stakeholder(person_id)
    missing = [r for r in expected if r not in chosen]
    extra = [r for r in chosen if r not in expected]
    overlap = len(expected) - len(missing)
    score = round(overlap / len(set(chosen) | set(expected)), 2)
    labels = roles_text(expected, lang)
    status = "right" if not missing and not extra else status_of(score)
    message = t({"right": "quiz.role.correct", "partly": "quiz.role.partial", "wrong": "quiz.role.wrong"}[status],
                lang, name=name, roles=labels)
    parts = []
    if missing:
        parts.append(t("quiz.role.missing", lang, roles=roles_text(missing, lang)))
    if extra:
        parts.append(t("quiz.role.extra", lang, roles=roles_text(extra, lang)))
    if person.evidence.get("roles"):
        parts.append(t("evidence", lang, evidence=localize.text(person, "evidence.roles", lang)))
    for role in [*missing, *extra] or expected:
        parts.append(t("quiz.role.define", lang, role=vocab.label(role, "role", lang),
                       description=vocab.describe(role, "role", lang)))
    return Result(status, score, "", message, tuple(("info", sentence(p, lang)) for p in parts), "", lang, record)


def check_role(key: PowerMap | str | os.PathLike, person_id: str, roles: Iterable[str] | None,
               lang: str | None = None, audience: str | None = None) -> Result:
    """Check the roles chosen for a person against the key; partly right scores the overlap.

    Against a case key (a map with ``grading``) a learner reads how many chosen roles fit and
    which documents to reread, not the key's roles; a trainer (``audience="trainer"``) and
    any teaching example without ``grading`` get the full explanation.
    """
    key = resolve_key(key)
    return following(lambda lg: _role_result(key, person_id, roles, lg, audience), lang)


def check_role_answers(case: Case | str, answers: Mapping[str, Iterable[str] | None] | None,
                       lang: str | None = None, audience: str | None = None) -> Result:
    """Check roles given to a case's people (person id → role codes) against the key, person by person
    (learners: hints only, see :func:`check_role`)."""
    from .learner import hints_of, learner_mode

    c = case_of(case)
    src: PowerMap | Hints = hints_of(c) if learner_mode(audience) else c.key
    ids = list(src.people) if isinstance(src, Hints) else src.ids

    def who(pid: str, lg: str) -> str:
        return src.name(pid, lg) if isinstance(src, Hints) else display_name(src, pid, lg)

    def build(lg: str) -> Result:
        title, hint = t("roles.title", lg, case=c.title(lg)), t("roles.where", lg)
        if unanswered(answers) or not isinstance(answers, Mapping):
            return pending(title, t("roles.what", lg), hint, lg)
        lines, right, open_count = [], 0.0, 0
        for pid, roles in answers.items():  # type: ignore[union-attr]
            if pid not in ids:
                lines.append(not_allowed(str(pid), pid, ids, lg))
            elif unanswered(roles):
                open_count += 1
                lines.append(("unanswered", t("item.open", lg, item=who(pid, lg))))
            else:
                r = _role_result(src, pid, roles, lg, audience)
                right += r.score
                if r.lines and r.lines[0][0] == "wrong":
                    lines.append(r.lines[0])  # a code that is not allowed, named with the allowed ones
                else:
                    lines.append((r.status, r.message if r.correct else f"{r.message} {r.explanation}"))
        return tally(title, lines, right, len(answers), hint, lg, open_count)  # type: ignore[arg-type]

    return following(build, lang)


def check_framework_terms(framework: str, answers: Mapping[str, Iterable[str] | None] | None,
                          lang: str | None = None) -> Result:
    """Check which canonical roles each term of a framework covers (term code → role codes).

    A term that is a stance (blocker) or the coach flag covers no role: the right answer is
    an empty list, and the feedback says what it is instead.
    """
    fw = vocab.entry(framework, "framework")
    terms = {term["term"]: term for term in fw["roles"]}

    def build(lg: str) -> Result:
        title, hint = t("terms.title", lg, framework=fw["label"][lg]), t("terms.where", lg)
        # An empty list is an answer here (a stance or coach term covers no role): only None is open.
        if not isinstance(answers, Mapping) or all(v is None for v in answers.values()):
            return pending(title, t("terms.what", lg, terms=", ".join(terms)), hint, lg)
        lines, right, open_count = [], 0, 0
        for code, term in terms.items():
            raw = answers.get(code)
            label = _term_label(term, lg)
            expected = [r for r in vocab.ROLES if r in term["roles"]]
            if raw is None:
                open_count += 1
                lines.append(("unanswered", t("item.open", lg, item=f"{label} ({code})")))
                continue
            raw = [raw] if isinstance(raw, str) else list(raw)
            chosen = [choice(r, vocab.ROLES, "role") for r in raw]
            if None in chosen:
                lines.append(not_allowed(label, raw[chosen.index(None)], vocab.ROLES, lg))
                continue
            what = ""
            if term.get("stance"):
                what = " " + t("terms.stance", lg, stance=vocab.label(term["stance"], "stance", lg))
            elif term.get("coach"):
                what = " " + t("terms.coach", lg)
            roles = roles_text(expected, lg)
            if set(chosen) == set(expected):
                right += 1
                lines.append(("right", t("terms.right", lg, term=label, roles=roles) + what))
            else:
                lines.append(("wrong", t("terms.wrong", lg, term=label, roles=roles,
                                         chosen=roles_text((r for r in chosen if r is not None), lg)) + what))
        return tally(title, lines, right, len(terms), hint, lg, open_count)

    return following(build, lang)
