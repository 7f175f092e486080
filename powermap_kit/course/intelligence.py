"""Intelligence and the coach: what to hold, where it comes from, verifying a coach (seeds 001,
002, 003 unit 1).

Checking a map against the intelligence checklist and the channels is
:mod:`powermap_kit.intel`'s; this module adds the course's tables and self-checks around it.

Examples
--------
>>> from powermap_kit import load_map
>>> pm = load_map({"format": "powermap/1", "stakeholders": [
...     {"id": "a", "name": "Li Na", "title": "Buyer", "department": "Purchasing", "roles": ["purchaser"],
...      "power": 2, "stance": "neutral", "evidence": {"stance": "call 3 May"},
...      "support": {"trust": 3, "cooperation": 3}}]})
>>> r = check_gaps_answer(pm, "a", ["needs", "stance"], lang="en")
>>> r.status, r["found"], r["missed"], r["extra"]
('partly', ['needs'], ['motives'], ['stance'])
>>> r.message
'You found 1 of the 2 gaps for Li Na.'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .. import localize, vocab
from ..cases import Case
from ..model import PowerMap
from ._base import (
    case_of, choice, choice_check, classify, data, display_name, join, key_of, lang_of, not_allowed, pending,
    people_index, picked, t, table, tally, unanswered,
)
from .result import Result, following, status_of

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["COACH_TIPS", "VERDICTS", "check_coach_choice", "check_coach_tips", "check_gaps_answer",
           "check_intelligence_gaps", "check_sources", "coach_guide", "coach_tips", "information_sources",
           "intelligence_checklist", "source_items"]

#: How a coach's tip stands once checked against other sources.
VERDICTS: tuple[str, ...] = tuple(data()["verdicts"])
#: A coach's tips per case (text in the course catalog) → the verdict the other documents support.
COACH_TIPS: dict[str, dict[str, str]] = data()["coach_tips"]


def intelligence_checklist(lang: str | None = None) -> Styler:
    """What an intelligence system holds (seed 003 unit 1) and where each kind lives in a map.

    The kinds and their names are those of :mod:`powermap_kit.intel`, which checks a map
    against them (:func:`powermap_kit.intel.intelligence_gaps`).
    """
    from ..intel import SECTIONS

    lang = lang_of(lang)
    return table([{"#": n, t("col.item", lang): vocab.text(f"intel.section.{code}", lang=lang),
                   t("col.code", lang): code, t("col.what", lang): t(f"intel.{code}.description", lang),
                   t("col.in_map", lang): t(f"intel.{code}.field", lang)}
                  for n, code in enumerate(SECTIONS, start=1)])


def check_intelligence_gaps(pm: PowerMap | Case | str, gaps: Iterable[str] | None, lang: str | None = None) -> Result:
    """Check which kinds of intelligence (:data:`powermap_kit.intel.SECTIONS`) a map does not fully hold.

    A kind is a gap when :func:`powermap_kit.intel.intelligence_gaps` finds it less than
    100 % filled; the feedback names what is missing in it. An empty list is an answer
    ("no gaps"); ``None`` is not.
    """
    from ..intel import SECTIONS, intelligence_gaps

    def build(lg: str) -> Result:
        title, hint = t("gaps.title", lg), t("gaps.where", lg)
        if gaps is None:
            return pending(title, t("gaps.what", lg, items=", ".join(SECTIONS)), hint, lg)
        said = [gaps] if isinstance(gaps, str) or not isinstance(gaps, Iterable) or isinstance(gaps, Mapping) \
            else list(gaps)
        chosen = [choice(g, SECTIONS) for g in said]
        if None in chosen:
            return Result("wrong", 0.0, title, t("item.bad_code", lg),
                          (not_allowed(t("col.item", lg), said[chosen.index(None)], SECTIONS, lg),), hint, lg)
        report = intelligence_gaps(key_of(pm))
        lines, right = [], 0
        for code in SECTIONS:
            share = report.sections[code]
            missing = [g.label(lg) for g in report.gaps if g.section == code]
            label = vocab.text(f"intel.section.{code}", lang=lg)
            if share is None:
                detail = t("gaps.not_applicable", lg)
            else:
                detail = t("gaps.detail", lg, percent=f"{share:.0f}", missing=join(dict.fromkeys(missing), lg))
            gap, named = share is not None and share < 100, code in chosen
            if gap == named:
                right += 1
                lines.append(("right", t("gaps.right", lg, item=label, detail=detail)))
            else:
                lines.append(("wrong", t("gaps.wrong_gap" if named else "gaps.wrong_held", lg, item=label,
                                         detail=detail)))
        return tally(title, lines, right, len(SECTIONS), hint, lg)

    return following(build, lang)


def _gap_code(word: str) -> str | None:
    from ..intel._data import checks
    from ..intel.titles import normalise

    folded = normalise(word.strip())
    for code in checks():
        names = {code, *(normalise(vocab.text(f"intel.check.{code}", lang=lg)) for lg in vocab.LANGUAGES)}
        if folded in names or folded.replace(" ", "_") == code:
            return code
    return None


def check_gaps_answer(pm: PowerMap, person: str, answer: Iterable[str] | str | None, lang: str | None = None) -> Result:
    """Compare the checklist items a learner says are missing for ``person`` with the map's gaps.

    Items may be codes (``"needs"``) or labels in either language (``"Needs"``, ``"需求"``).
    Each miss is explained with why it matters and the best channel to fill it. The
    record carries ``found``, ``missed``, ``extra`` and ``unknown`` (item codes or words).
    """
    from ..intel import intelligence_gaps
    from ..intel._data import checks

    who = pm.stakeholder(person)
    gaps = intelligence_gaps(pm).for_person(who.id)
    actual = [g.check for g in gaps]
    best = {g.check: g.best for g in gaps}

    def build(lg: str) -> Result:
        title = t("gaps_answer.title", lg, name=localize.person_name(who, lg))
        if unanswered(answer):
            return pending(title, t("gaps_answer.what", lg), t("gaps_answer.where", lg), lg)
        said: list[str] = []
        unknown: list[str] = []
        for word in picked(answer):
            code = _gap_code(str(word))
            if code is None:
                unknown.append(str(word))
            elif code not in said:
                said.append(code)
        found = [c for c in actual if c in said]
        missed = [c for c in actual if c not in said]
        extra = [c for c in said if c not in actual]

        def item(c: str) -> str:
            return vocab.text(f"intel.check.{c}", lang=lg)

        lines = [("wrong", t("gaps_answer.missed", lg, item=item(c), why=vocab.text(f"intel.check.{c}.why", lang=lg),
                             channel=vocab.text(f"intel.channel.{best[c]}", lang=lg))) for c in missed]
        lines += [("wrong", t("gaps_answer.extra", lg, item=item(c))) for c in extra]
        if unknown:
            items = join((item(c) for c in checks() if checks()[c]["scope"] == "person"), lg)
            lines += [("wrong", t("gaps_answer.unknown", lg, value=w, items=items)) for w in unknown]
        wrong = len(extra) + len(unknown)
        score = len(found) / (len(actual) + wrong) if actual else (0.0 if wrong else 1.0)
        right = not (missed or extra or unknown)
        message = (t("gaps_answer.all_found", lg, count=len(actual), name=who.name) if right else
                   t("gaps_answer.found_some", lg, found=len(found), count=len(actual), name=who.name))
        record = {"question": person, "kind": "intel_gaps", "answer": said, "expected": actual, "found": found,
                  "missed": missed, "extra": extra, "unknown": unknown}
        return Result("right" if right else status_of(score), round(score, 2), title, message, tuple(lines),
                      t("gaps_answer.where", lg), lg, record)

    return following(build, lang)


def information_sources(lang: str | None = None) -> Styler:
    """Where map information comes from: seed 002's three channels and seed 001's methods."""
    from ._base import columns_table

    rows = [{"code": s["code"], "source": t(f"source.{s['code']}.name", lang),
             "chinese": t(f"source.{s['code']}.name", "zh"), "examples": t(f"source.{s['code']}.examples", lang)} for s in data()["sources"]]
    return columns_table(rows, ["code", "source", "chinese", "examples"], lang)


def source_items(lang: str | None = None) -> Styler:
    """The pieces of information of the sources exercise (:func:`check_sources`)."""
    from ._base import columns_table

    rows = [{"code": i["id"], "entry": t(f"source_item.{i['id']}", lang)} for i in data()["source_items"]]
    return columns_table(rows, ["code", "entry"], lang)


def check_sources(answers: Mapping[str, str] | None, lang: str | None = None) -> Result:
    """Check which information source each piece of information came from (seeds 001, 002).

    ``answers`` maps item ids (``s1`` …, see :func:`source_items`) to source codes.
    """
    def build(lg: str) -> Result:
        codes = tuple(s["code"] for s in data()["sources"])
        names = {c: [t(f"source.{c}.name", other) for other in vocab.LANGUAGES] for c in codes}
        label = {c: t(f"source.{c}.name", lg) for c in codes}
        also = {("s4", "direct"): t("sources.also", lg)}
        return classify(answers, data()["source_items"], "source_item", codes, names, label, t("sources.title", lg),
                        "sources.unanswered", t("sources.hint", lg), lg, also)

    return following(build, lang)


def coach_guide(lang: str | None = None) -> Styler:
    """The coach (教练, seed 003 unit 1): role, how to choose, build and verify one."""
    lang = lang_of(lang)
    return table([{t("col.aspect", lang): t(f"coach.{part}.label", lang), t("col.what", lang): t(f"coach.{part}.text",
                                                                                                  lang)}
                  for part in ("role", "select", "build", "verify", "compliance")])


def coach_tips(case: Case | str = "it-solution", lang: str | None = None) -> Styler:
    """A case coach's tips, to verify against the other documents (answer with :func:`check_coach_tips`)."""
    lang = lang_of(lang)
    slug = case_of(case).slug
    return table([{t("col.id", lang): tid, t("col.tip", lang): t(f"tip.{slug}.{tid}", lang)} for tid in COACH_TIPS[slug]])


def check_coach_tips(verdicts: Mapping[str, str | None] | None, case: Case | str = "it-solution",
                     lang: str | None = None) -> Result:
    """Check verdicts (:data:`VERDICTS`) on a coach's tips: what the other documents confirm or contradict."""
    slug = case_of(case).slug
    tips = COACH_TIPS[slug]

    return following(lambda lg: choice_check("tips", verdicts, tips, VERDICTS, lambda code: t(f"verdict.{code}", lg),
                                             lambda tid: t(f"tip.{slug}.{tid}.why", lg), lg,
                                             verdicts=", ".join(VERDICTS)), lang)


def _coach_hint(case: Case | str, person: Any, lang: str) -> Result:
    """The learner's version of :func:`check_coach_choice`: right, or whose tips to test again, by documents."""
    from .learner import docs_text, hints_of, locked

    h = hints_of(case)
    title, hint = t("coach_choice.title", lang), t("coach_choice.where", lang)
    if unanswered(person) or not isinstance(person, str):
        return pending(title, t("coach_choice.what", lang), hint, lang)
    pid = h.find(person)
    if pid is None:
        return Result("wrong", 0.0, title, t("item.bad_code", lang),
                      (("wrong", t("hints.pick_unknown", lang, value=repr(person))),), hint, lang)
    record = {"question": "coach", "answer": pid}
    if h.ok(pid, "coach", True):
        return Result("right", 1.0, title, t("hints.right_value", lang, answer=h.name(pid, lang)), (), "", lang,
                      record)
    docs = sorted({d for p in h.people for d in h.docs(p, "coach")})
    return Result("wrong", 0.0, title, t("hints.coach_choice", lang, name=h.name(pid, lang),
                                         docs=docs_text(docs, lang)), (), locked(hint, lang), lang, record)


def check_coach_choice(case: Case | str, person: str | None, lang: str | None = None,
                       audience: str | None = None) -> Result:
    """Check who (id, name or alias) is the case's verified coach; the key's coach evidence explains
    (a learner reads right, or which documents to test the tips against — not the key's coach)."""
    from .learner import learner_mode

    if learner_mode(audience):
        return following(lambda lg: _coach_hint(case, person, lg), lang)
    key = case_of(case).key

    def build(lg: str) -> Result:
        title, hint = t("coach_choice.title", lg), t("coach_choice.where", lg)
        if unanswered(person):
            return pending(title, t("coach_choice.what", lg), hint, lg)
        pid = people_index(key).get(str(person).strip().lower())
        coaches = [p.id for p in key.stakeholders if p.is_coach]
        if pid is None:
            example = display_name(key, key.stakeholders[0].id, lg)
            return Result("wrong", 0.0, title, t("item.bad_code", lg),
                          (("wrong", t("reach.unknown", lg, value=repr(person), example=example)),), hint, lg)

        def why(who: str) -> tuple[str, str]:
            return "info", t("coach_choice.why", lg, name=display_name(key, who, lg),
                             evidence=localize.text(key.stakeholder(who), "evidence.coach", lg, ""))

        record = {"question": "coach", "answer": pid, "expected": coaches}
        if pid in coaches:
            return Result("right", 1.0, title, t("right", lg, answer=display_name(key, pid, lg)), (why(pid),), "",
                          lg, record)
        expected = join((display_name(key, c, lg) for c in coaches), lg)
        return Result("wrong", 0.0, title, t("wrong", lg, chosen=display_name(key, pid, lg), expected=expected),
                      (why(pid), *(why(c) for c in coaches)), hint, lg, record)

    return following(build, lang)
