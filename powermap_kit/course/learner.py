"""Hint-only feedback for learners: the area and the person or documents to revisit, never a key value.

Every check that compares with a case key calls these when the audience is ``"learner"``
(:func:`powermap_kit.hints.is_learner`); they read a :class:`~powermap_kit.hints.Hints`
(built from the key, or a trainer's learner-safe hint file) and never the key itself, so
nothing they write can carry a key's role, power, stance, coach flag, stage, mode or
insight. Names in lines are the learner's own (from their answer or map) or, for people
the learner picked, the display names of the hint file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .. import vocab
from ..hints import Hints, hints_for, is_learner, make_hints
from ..model import PowerMap
from ._base import field_label, picked, t
from .result import Result, status_of

__all__ = ["area_label", "docs_text", "hints_of", "key_withheld", "learner_mode", "map_lines", "missing_line",
           "pick_lines", "role_kind", "twist_missing_line", "withheld_result"]


def learner_mode(audience: str | None, key: Any = None) -> bool:
    """True when feedback is for a learner and ``key`` (when given) is an answer key (a map with ``grading``)."""
    if not is_learner(audience):
        return False
    if isinstance(key, PowerMap):
        return bool(key.grading)
    return True


def hints_of(source: Any, today: str | None = None) -> Hints:
    """The hints of a case (slug or Case), a key map, or a Hints object as is."""
    if isinstance(source, Hints):
        return source
    if isinstance(source, PowerMap):
        return make_hints(source, today=today, salt="")
    return hints_for(source, today=today)


def key_locked(source: Any, lang: str | None = None, audience: str | None = None) -> Any:
    """A lock notice (Markdown) when ``source`` is a case (a slug or Case, whose key would be
    shown) and a learner has not submitted a map for it, or has but the key is withheld (the
    trainer will show it); ``None`` when the key may be shown."""
    from ..cases import Case, Markdown
    from ..hints import submitted_for

    if isinstance(source, PowerMap) or not is_learner(audience):
        return None
    case = source if isinstance(source, Case) else None
    slug = case.slug if case is not None else str(source)
    if case is None:
        from ..cases import load_case

        case = load_case(slug)
    lang = vocab._lang(lang)
    if not submitted_for(slug):
        return Markdown("> 🔒 " + t("hints.key_locked", lang, case=case.title(lang)))
    if key_withheld(case):  # submitted, but the trainer keeps the key off this server
        return Markdown("> 🔒 " + t("hints.key_shown_withheld", lang, case=case.title(lang)))
    return None


def key_withheld(case: Any) -> bool:
    """True when a case's answer key is not on this machine: the trainer keeps ``key.json`` off a
    shared server and learners' checks read a hint file (:func:`powermap_kit.hints.hints_for`)."""
    from ..cases import Case, load_case

    c = case if isinstance(case, Case) else load_case(str(case))
    return not (c.folder / "key.json").is_file()


def withheld_result(result: Result, lang: str, audience: str | None = None) -> Result:
    """``result`` (hints) with its "where to look" saying that the full comparison needs the key,
    which the trainer keeps: for a learner, that the trainer will show it in the debrief."""
    from dataclasses import replace

    note = t("hints.key_withheld" if is_learner(audience) else "hints.key_withheld_trainer", lang)
    return replace(result, hint=note)


def docs_text(docs: Sequence[str], lang: str) -> str:
    """"docs 03 and 07" / "资料03、07"; the case documents when there are none."""
    docs = list(docs)
    if not docs:
        return t("hints.all_docs", lang)
    joined = docs[0] if len(docs) == 1 else (t("hints.docs_sep", lang).join(docs[:-1]) + t("hints.docs_last", lang)
                                             + docs[-1])
    return t("hints.doc" if len(docs) == 1 else "hints.docs", lang, docs=joined)


def locked(where: str, lang: str) -> str:
    """A check's "where to look" with the notice that submitting unlocks the full comparison."""
    return t("hints.with_lock", lang, where=where)


def area_label(area: str, lang: str) -> str:
    """The learner's word for an area: roles, power, stance, coach flag, buying stage, decision mode."""
    if area in ("stage", "decision_mode"):
        return t(f"hints.{area}", lang)
    if area == "coach":
        return t("hints.coach_area", lang)
    label = field_label(area, lang)
    return label.lower() if lang == "en" else label


def role_kind(h: Hints, pid: str) -> str | None:
    """The most important buying role a key person holds (by the analysis's role weights when the
    decision mode is unknown: approver and decision maker first), or ``None`` when they hold none.

    Only the kind of a person a learner has left off is ever said, in plain words and without
    the person's name (:func:`missing_line`).
    """
    from ..analysis.settings import config

    weights = config()["index"]["role_weights"]["unknown"]
    held = [r for r in vocab.ROLES if h.ok(pid, "roles", r)]
    return max(held, key=lambda r: (weights.get(r, 0), -vocab.ROLES.index(r))) if held else None


def missing_line(h: Hints, pid: str, lang: str) -> str:
    """The hint for a key person missing from a learner's map: the kind of person in plain words
    ("someone who signs off is missing …") and the documents to reread, never the name."""
    kind = role_kind(h, pid)
    docs = docs_text(h.docs(pid, "roles", "power"), lang)
    return t(f"hints.missing_{kind}" if kind else "hints.missing", lang, docs=docs)


def twist_missing_line(h: Hints, pid: str | None, lang: str) -> str:
    """The hint for a person a twist is about who is missing from a learner's updated map: the
    kind of person after the twist in plain words (as :func:`missing_line`), never the name."""
    kind = role_kind(h, pid) if pid in h.people else None
    return t(f"hints.twist_person_{kind}" if kind else "hints.twist_person", lang)


# ---- a whole map ---------------------------------------------------------------------------
def _person_lines(h: Hints, pid: str, q: Any, lang: str) -> tuple[list[tuple[str, str]], int, int]:
    lines: list[tuple[str, str]] = []
    right = total = 0
    name = q.name
    for area in ("roles", "power", "stance"):
        key_has = bool(h.people[pid]["check"].get(area)) or area == "stance"
        if not key_has:
            continue
        total += 1
        docs = docs_text(h.docs(pid, area), lang)
        value = getattr(q, area)
        if area == "roles":
            good, extra, missing = h.roles_right(pid, value)
            fits = not extra and not missing
        else:
            fits = h.ok(pid, area, value)
        if fits:
            right += 1
        elif value in (None, [], "unknown") and area != "stance":
            lines.append(("unanswered", t("hints.area_open", lang, area=area_label(area, lang), name=name, docs=docs)))
        elif not (q.evidence or {}).get(area):
            lines.append(("wrong", t("hints.no_evidence", lang, area=area_label(area, lang), name=name, docs=docs)))
        else:
            lines.append(("wrong", t("hints.area_wrong", lang, area=area_label(area, lang), name=name, docs=docs)))
    total += 1
    if h.ok(pid, "coach", q.coach):
        right += 1
    else:
        lines.append(("wrong", t("hints.coach", lang, name=name, docs=docs_text(h.docs(pid, "coach", "support"), lang))))
    return lines, right, total


def map_lines(pm: PowerMap | None, h: Hints, lang: str) -> tuple[list[tuple[str, str]], float]:
    """Hint lines for a learner's map against the hints, and the share of checked things that fit (0–1)."""
    if pm is None or len(pm) == 0:
        first = sorted({d for pid in h.people for d in h.docs(pid)})[:1] or ["01"]
        return [("unanswered", t("hints.empty", lang, docs=docs_text(first, lang)))], 0.0
    found = h.match(pm)
    lines: list[tuple[str, str]] = []
    right = total = 0
    for pid in h.people:
        if pid not in found:
            total += 3
            lines.append(("unanswered", missing_line(h, pid, lang)))
            continue
        more, r, n = _person_lines(h, pid, pm.stakeholder(found[pid]), lang)
        lines += more
        right, total = right + r, total + n
    for area in ("stage", "decision_mode"):
        total += 1
        value = getattr(pm.opportunity, area, None)
        docs = docs_text(h.docs(None, area), lang)
        if h.deal_ok(area, value):
            right += 1
        elif not value:
            lines.append(("unanswered", t("hints.deal_open", lang, area=area_label(area, lang), docs=docs)))
        else:
            lines.append(("wrong", t("hints.deal_wrong", lang, area=area_label(area, lang), docs=docs)))
    share = right / total if total else 0.0
    head = [("info", t("hints.progress", lang, right=right, total=total))]
    if not lines:
        head.append(("right", t("hints.all_fit", lang)))
    later = [("info", t("hints.later", lang, count=len(h.data.get("insights") or [])))]
    return head + lines + later, share


def map_result(pm: PowerMap | None, h: Hints, title: str, lang: str, top: int = 8) -> Result:
    """A learner's map checked against hints: a Result with the most useful hints first and the lock notice."""
    lines, share = map_lines(pm, h, lang)
    body = [line for line in lines if line[0] in ("wrong", "unanswered")]
    info = [line for line in lines if line[0] not in ("wrong", "unanswered")]
    shown = body[:top] + ([("info", t("hints.more", lang, count=len(body) - top))] if len(body) > top else [])
    status = "unanswered" if pm is None or len(pm) == 0 else status_of(share)
    return Result(status, round(share, 2), title, "", tuple(info[:1] + shown + info[1:]),
                  locked(t("hints.where", lang), lang), lang, {"score": round(share, 2)})


# ---- picks of people ------------------------------------------------------------------------
def pick_lines(picks: Iterable[Any] | None, h: Hints, fits: Mapping[str, bool], areas: Sequence[str],
               lang: str, right_key: str = "hints.pick_right", extra_key: str = "hints.pick_extra",
               missed_key: str = "hints.pick_missed") -> tuple[list[tuple[str, str]], float, list[str]]:
    """Lines for people picked against who fits (key id → bool); the score; the ids read.

    Missed people are counted and pointed to by documents, never named.
    """
    ids: list[str] = []
    lines: list[tuple[str, str]] = []
    unknown = 0
    for pick in picked(picks):
        pid = h.find(pick)
        if pid is None:
            unknown += 1
            lines.append(("wrong", t("hints.pick_unknown", lang, value=repr(pick))))
        elif pid not in ids:
            ids.append(pid)
    expected = [pid for pid, ok in fits.items() if ok]
    for pid in ids:
        if fits.get(pid):
            lines.append(("right", t(right_key, lang, name=h.name(pid, lang))))
        else:
            lines.append(("wrong", t(extra_key, lang, name=h.name(pid, lang),
                                     docs=docs_text(h.docs(pid, *areas), lang))))
    missed = [pid for pid in expected if pid not in ids]
    if missed:
        docs = sorted({d for pid in missed for d in h.docs(pid, *areas)})
        lines.append(("unanswered", t(missed_key, lang, count=len(missed), docs=docs_text(docs, lang))))
    hits = sum(1 for pid in ids if fits.get(pid))
    wrong = len(ids) - hits + unknown
    score = hits / (len(expected) + wrong) if expected else (1.0 if not wrong else 0.0)
    return lines, score, ids


def choice_hint(h: Hints, field: str, chosen: str, lang: str) -> tuple[str, str]:
    """(status, message) for a deal field chosen (stage, decision mode) checked against hints."""
    label = vocab.label(chosen, field, lang)
    if h.deal_ok(field, chosen):
        return "right", t("hints.right_value", lang, answer=label)
    return "wrong", t("hints.wrong_choice", lang, chosen=label, docs=docs_text(h.docs(None, field), lang))
