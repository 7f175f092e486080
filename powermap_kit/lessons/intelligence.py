"""Module 06, intelligence and the coach: what to hold and verifying a coach (seed 003 unit 1).

Checking a map against the intelligence checklist and the channels are :mod:`powermap_kit.intel`'s;
this module adds the course's tables and self-checks around them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .. import vocab
from ..cases import Case
from ..model import PowerMap
from .display import _case, _name, _people_index, _table
from .feedback import (
    _INFO, _NO, _OK, _OPEN, Feedback, _choice, _join, _lang, _not_allowed, _pending, _result, _t, _unanswered,
)

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["COACH_TIPS", "VERDICTS", "check_coach_choice", "check_coach_tips", "check_intelligence_gaps", "coach_guide",
           "coach_tips", "intelligence_checklist"]

#: How a coach's tip stands once checked against other sources.
VERDICTS: tuple[str, ...] = ("confirmed", "contradicted", "unverified")
#: A coach's tips per case (text in course.json) → the verdict the other documents support.
COACH_TIPS: dict[str, dict[str, str]] = {
    "it-solution": {"t1": "confirmed", "t2": "confirmed", "t3": "confirmed", "t4": "contradicted",
                    "t5": "confirmed", "t6": "confirmed", "t8": "unverified"},
}


def intelligence_checklist(lang: str | None = None) -> Styler:
    """What an intelligence system holds (seed 003 unit 1) and where each kind lives in a map.

    The kinds and their names are those of :mod:`powermap_kit.intel`, which checks a map
    against them (:func:`powermap_kit.intel.intelligence_gaps`).
    """
    from ..intel import SECTIONS

    lang = _lang(lang)
    return _table([{"#": n, _t("col.item", lang): vocab.text(f"intel.section.{code}", lang=lang),
                    _t("col.code", lang): code, _t("col.what", lang): _t(f"intel.{code}.description", lang),
                    _t("col.in_map", lang): _t(f"intel.{code}.field", lang)}
                   for n, code in enumerate(SECTIONS, start=1)])


def check_intelligence_gaps(pm: PowerMap | Case | str, gaps: Iterable[str] | None,
                            lang: str | None = None) -> Feedback:
    """Check which kinds of intelligence (:data:`powermap_kit.intel.SECTIONS`) a map does not fully hold.

    A kind is a gap when :func:`powermap_kit.intel.intelligence_gaps` finds it less than
    100 % filled; the feedback names what is missing in it.
    """
    from ..intel import SECTIONS, intelligence_gaps

    lang = _lang(lang)
    title, hint = _t("gaps.title", lang), _t("gaps.where", lang)
    if gaps is None:
        return _pending(title, _t("gaps.what", lang, items=", ".join(SECTIONS)), hint, lang)
    gaps = [gaps] if isinstance(gaps, str) else list(gaps)
    chosen = [_choice(g, SECTIONS) for g in gaps]
    if None in chosen:
        return Feedback(title, False, 0.0, _t("item.bad_code", lang),
                        (_not_allowed(_t("col.item", lang), gaps[chosen.index(None)], SECTIONS, lang),), hint, lang)
    report = intelligence_gaps(pm if isinstance(pm, PowerMap) else _case(pm).key)
    lines, right = [], 0
    for code in SECTIONS:
        share = report.sections[code]
        missing = [g.label(lang) for g in report.gaps if g.section == code]
        label = vocab.text(f"intel.section.{code}", lang=lang)
        if share is None:
            detail = _t("gaps.not_applicable", lang)
        else:
            detail = _t("gaps.detail", lang, percent=f"{share:.0f}", missing=_join(dict.fromkeys(missing), lang))
        gap, said = share is not None and share < 100, code in chosen
        if gap == said:
            right += 1
            lines.append((_OK, _t("gaps.right", lang, item=label, detail=detail)))
        else:
            lines.append((_NO, _t("gaps.wrong_gap" if said else "gaps.wrong_held", lang, item=label, detail=detail)))
    return _result(title, lines, right, len(SECTIONS), hint, lang)


def coach_guide(lang: str | None = None) -> Styler:
    """The coach (教练, seed 003 unit 1): role, how to choose, build and verify one."""
    lang = _lang(lang)
    return _table([{_t("col.aspect", lang): _t(f"coach.{part}.label", lang),
                    _t("col.what", lang): _t(f"coach.{part}.text", lang)}
                   for part in ("role", "select", "build", "verify", "compliance")])


def coach_tips(case: Case | str = "it-solution", lang: str | None = None) -> Styler:
    """A case coach's tips, to verify against the other documents (answer with :func:`check_coach_tips`)."""
    lang = _lang(lang)
    slug = _case(case).slug
    return _table([{_t("col.id", lang): tid, _t("col.tip", lang): _t(f"tip.{slug}.{tid}", lang)}
                   for tid in COACH_TIPS[slug]])


def check_coach_tips(verdicts: Mapping[str, str | None] | None, case: Case | str = "it-solution",
                     lang: str | None = None) -> Feedback:
    """Check verdicts (:data:`VERDICTS`) on a coach's tips: what the other documents confirm or contradict."""
    lang = _lang(lang)
    slug = _case(case).slug
    tips = COACH_TIPS[slug]
    title, hint = _t("tips.title", lang), _t("tips.where", lang)
    if _unanswered(verdicts):
        return _pending(title, _t("tips.what", lang, verdicts=", ".join(VERDICTS)), hint, lang)
    lines, right, open_count = [], 0, 0
    for tid, expected in tips.items():
        raw = verdicts.get(tid)  # type: ignore[union-attr]
        if _unanswered(raw):
            open_count += 1
            lines.append((_OPEN, _t("item.open", lang, item=tid)))
            continue
        given = _choice(raw, VERDICTS)
        why = _t(f"tip.{slug}.{tid}.why", lang)
        if given is None:
            lines.append(_not_allowed(tid, raw, VERDICTS, lang))
        elif given == expected:
            right += 1
            lines.append((_OK, _t("item.right", lang, item=tid, answer=_t(f"verdict.{expected}", lang), why=why)))
        else:
            lines.append((_NO, _t("item.wrong", lang, item=tid, chosen=_t(f"verdict.{given}", lang),
                                  expected=_t(f"verdict.{expected}", lang), why=why)))
    return _result(title, lines, right, len(tips), hint, lang, open_count)


def check_coach_choice(case: Case | str, person: str | None, lang: str | None = None) -> Feedback:
    """Check who (id, name or alias) is the case's verified coach; the key's coach evidence explains."""
    lang = _lang(lang)
    key = _case(case).key
    title, hint = _t("coach_choice.title", lang), _t("coach_choice.where", lang)
    if _unanswered(person):
        return _pending(title, _t("coach_choice.what", lang), hint, lang)
    pid = _people_index(key).get(str(person).strip().lower())
    coaches = [p.id for p in key.stakeholders if p.is_coach]
    if pid is None:
        example = _name(key, key.stakeholders[0].id, lang)
        return Feedback(title, False, 0.0, _t("item.bad_code", lang),
                        ((_NO, _t("reach.unknown", lang, value=repr(person), example=example)),), hint, lang)
    lines = [(_INFO, _t("coach_choice.why", lang, name=_name(key, pid, lang),
                        evidence=key.stakeholder(pid).evidence.get("coach", "")))]
    if pid in coaches:
        return Feedback(title, True, 1.0, _t("right", lang, answer=_name(key, pid, lang)), tuple(lines), "", lang)
    for other in coaches:
        lines.append((_INFO, _t("coach_choice.why", lang, name=_name(key, other, lang),
                                evidence=key.stakeholder(other).evidence.get("coach", ""))))
    expected = _join((_name(key, c, lang) for c in coaches), lang)
    return Feedback(title, False, 0.0, _t("wrong", lang, chosen=_name(key, pid, lang), expected=expected),
                    tuple(lines), hint, lang)
