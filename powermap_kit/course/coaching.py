"""Developing and verifying a coach (教练, seed 003 unit 1): the Qinghe Water exercises of module 06.

Seed 003 names four things to master about the coach: the role, how to choose one, how to
build one (如何打造教练) and how to verify one (教练的“验证”). The course practises the last
three on a scenario of its own that starts with **no coach**: Qinghe Water Group (清河水务),
early in a smart-metering project.

- :func:`check_coach_candidates` — which people are worth developing as a coach;
- :func:`check_coach_development` — which moves develop a coach, which burn one;
- :func:`check_tip_verdicts` — a coach's tips checked against the documents;
- :func:`check_coach_plan` — a learner's own development plan for one candidate (texts).

Feedback is hint-only: a wrong item names the person, document or idea to look at again,
never the expected answer. Empty and nonsense answers get guidance, not a score. Texts are
in ``data/text/course_coaching.json`` (both languages); the answers below are codes only.

Examples
--------
>>> check_coach_candidates(None, lang="en").status
'unanswered'
>>> r = check_coach_candidates(["tang", "liu"], lang="en")
>>> r.status, "Liu Jia" in str(r), "Zhong" in str(r)
('partly', True, False)
>>> check_tip_verdicts({"t1": "contradicted", "t2": "confirmed", "t3": "unverified", "t4": "confirmed",
...                     "t5": "contradicted"}, lang="en").status
'right'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ._base import choice, given, join, lang_of, not_allowed, pending, picked, t, tally, unanswered
from .intelligence import VERDICTS
from .result import Result, following, status_of

__all__ = ["CANDIDATES", "DEVELOP_OPTIONS", "PLAN_FIELDS", "check_coach_candidates", "check_coach_development",
           "channel_options", "check_coach_plan", "check_second_source", "check_tip_verdicts", "coach_candidates", "develop_options", "development_actions",
           "hinted_choices", "labels", "plan_fields", "tip_items", "verdict_options"]

#: The Qinghe people one might develop as a coach → whether they meet the selection criteria.
CANDIDATES: dict[str, bool] = {"gao": False, "tang": True, "liu": False, "zhong": True, "fang": False, "peng": False}
#: Moves with a would-be coach → ``do`` (develops the coach) or ``avoid`` (burns or endangers them).
DEVELOPMENT: dict[str, str] = {"a1": "do", "a2": "avoid", "a3": "do", "a4": "avoid", "a5": "avoid", "a6": "do",
                               "a7": "avoid"}
#: The answer options of the development exercise.
DEVELOP_OPTIONS: tuple[str, ...] = ("do", "avoid")
#: Tang Min's tips → the verdict the three Qinghe documents support.
TIPS: dict[str, str] = {"t1": "contradicted", "t2": "confirmed", "t3": "unverified", "t4": "confirmed",
                        "t5": "contradicted"}
#: The fields of a coach development plan (:func:`check_coach_plan`).
PLAN_FIELDS: tuple[str, ...] = ("give", "ask", "verify")

_LANGS = ("en", "zh")
_WORD = re.compile(r"[A-Za-z]{2,}|[\u3400-\u9fff]")


def _k(key: str, lang: str, **params: Any) -> str:
    return t(f"coaching.{key}", lang, **params)


def labels(prefix: str, ids: Sequence[str]) -> dict[str, dict[str, str]]:
    """``{id: {"en": …, "zh": …}}`` for the catalog texts ``coaching.{prefix}.{id}``: a widget's options."""
    return {i: {lg: _k(f"{prefix}.{i}", lg) for lg in _LANGS} for i in ids}


def coach_candidates() -> dict[str, dict[str, str]]:
    """The Qinghe people, id → label in both languages (the options of the candidates exercise)."""
    return labels("person", list(CANDIDATES))


def development_actions() -> dict[str, dict[str, str]]:
    """The development moves, id → text in both languages (the items of the development exercise)."""
    return labels("action", list(DEVELOPMENT))


def tip_items() -> dict[str, dict[str, str]]:
    """Tang Min's tips, id → text in both languages (the items of the verification exercise)."""
    return labels("tip", list(TIPS))


def develop_options() -> dict[str, dict[str, str]]:
    """The answers of the development exercise (do, avoid), code → label in both languages."""
    return labels("option", list(DEVELOP_OPTIONS))


def verdict_options() -> dict[str, dict[str, str]]:
    """The verdicts on a tip (confirmed, contradicted, unverified), code → label in both languages."""
    return {v: {lg: t(f"verdict.{v}", lg) for lg in _LANGS} for v in VERDICTS}


def plan_fields() -> dict[str, dict[str, str]]:
    """The fields of a development plan, code → label in both languages."""
    return labels("plan.field", list(PLAN_FIELDS))


# ---- one answer per item, feedback that points, never tells ------------------------------------
def hinted_choices(topic: str, answers: Mapping[str, Any] | None, expected: Mapping[str, str],
                   allowed: Sequence[str], item_text: Callable[[str], str], look: Callable[[str], str],
                   option: Callable[[str], str], lang: str, kind: str | None = None) -> Result:
    """Check items each answered with one code of ``allowed``; a wrong item gets ``look(item)``.

    The texts ``{topic}.title``, ``{topic}.what`` and ``{topic}.where`` are read with :func:`~._base.t`.
    A right item shows the learner's own answer; a wrong one shows where to look again, and
    the expected answer is never written (it goes to the answer log's record only).
    """
    title, hint = t(f"{topic}.title", lang), t(f"{topic}.where", lang)
    if unanswered(answers):
        return pending(title, t(f"{topic}.what", lang), hint, lang)
    answers = given(answers)
    lines: list[tuple[str, str]] = []
    right = open_count = 0
    chosen: dict[str, str | None] = {}
    for item, want in expected.items():
        raw = answers.get(item)
        if unanswered(raw):
            open_count += 1
            lines.append(("unanswered", t("item.open", lang, item=item_text(item))))
            continue
        got = raw if raw in allowed else choice(raw, allowed, kind)
        chosen[item] = got
        if got is None:
            lines.append(not_allowed(item_text(item), raw, allowed, lang))
        elif got == want:
            right += 1
            lines.append(("right", t("coaching.item_right", lang, item=item_text(item), answer=option(got))))
        else:
            lines.append(("wrong", t("coaching.item_look", lang, item=item_text(item), look=look(item))))
    stray = [k for k in answers if k not in expected]
    if stray:
        lines.append(("wrong", t("unknown_item", lang, value=join(map(repr, stray), lang),
                                 allowed=join(expected, lang))))
    record = {"question": topic, "kind": topic, "answer": chosen, "expected": dict(expected)}
    return tally(title, lines, right, len(expected), hint, lang, open_count, record)


def check_coach_development(answers: Mapping[str, str | None] | None, lang: str | None = None) -> Result:
    """Check which moves develop a coach (``do``) and which burn one (``avoid``): ``{action: code}``."""
    def build(lg: str) -> Result:
        return hinted_choices("coaching.develop", answers, DEVELOPMENT, DEVELOP_OPTIONS,
                              lambda a: _k(f"action.{a}.short", lg), lambda a: _k(f"action.{a}.look", lg),
                              lambda code: _k(f"option.{code}", lg), lg)

    return following(build, lang)


def check_tip_verdicts(answers: Mapping[str, str | None] | None, lang: str | None = None) -> Result:
    """Check verdicts (``confirmed``, ``contradicted``, ``unverified``) on Tang Min's tips: ``{tip: verdict}``."""
    def build(lg: str) -> Result:
        return hinted_choices("coaching.verify", answers, TIPS, VERDICTS, lambda i: _k(f"tip.{i}.short", lg),
                              lambda i: _k(f"tip.{i}.look", lg), lambda code: t(f"verdict.{code}", lg), lg)

    return following(build, lang)


def stray_picks(stray: Sequence[Any], allowed: Any, title: str, hint: str, lg: str) -> Result:
    """The result for picks that are not among the people offered: what was picked, what is allowed."""
    return Result("wrong", 0.0, title, t("item.bad_code", lg),
                  (("wrong", _k("candidates.unknown", lg, value=join(map(repr, stray), lg),
                                allowed=join(allowed, lg))),), hint, lg)


def check_coach_candidates(picks: Sequence[str] | str | None, lang: str | None = None) -> Result:
    """Check the people picked as worth developing into a coach (ids of :data:`CANDIDATES`).

    Each wrong pick names the person and the criterion to look at again; a missed candidate
    is pointed at through the scenario's paragraph, not by name.
    """
    def build(lg: str) -> Result:
        title, hint = _k("candidates.title", lg), _k("candidates.where", lg)
        chosen = picked(picks)
        if not chosen:
            return pending(title, _k("candidates.what", lg), hint, lg)
        stray = [p for p in chosen if p not in CANDIDATES]
        if stray:
            return stray_picks(stray, CANDIDATES, title, hint, lg)
        good = [p for p in CANDIDATES if CANDIDATES[p]]
        if len(set(chosen)) >= len(CANDIDATES) - 1:
            return Result("wrong", 0.0, title, "", (("wrong", _k("candidates.everyone", lg)),), hint, lg,
                          {"question": "coach_candidates", "answer": list(chosen)})
        lines: list[tuple[str, str]] = []
        for p in dict.fromkeys(chosen):
            name = _k(f"person.{p}.name", lg)
            if CANDIDATES[p]:
                lines.append(("right", _k("candidates.good", lg, name=name)))
            else:
                lines.append(("wrong", t("coaching.item_look", lg, item=name, look=_k(f"person.{p}.look", lg))))
        for p in good:
            if p not in chosen:
                lines.append(("unanswered", _k(f"person.{p}.missed", lg)))
        hits = sum(1 for p in set(chosen) if CANDIDATES[p])
        misses = len(set(chosen)) - hits
        score = max(0.0, (hits - misses) / len(good))
        status = status_of(score)
        if status == "wrong" and hits:
            status = "partly"
        message = _k("candidates.tally", lg, hits=hits, total=len(good), misses=misses)
        return Result(status, round(score, 2), title, message, tuple(lines), hint, lg,
                      {"question": "coach_candidates", "kind": "coach_candidates", "answer": list(chosen),
                       "expected": good})

    return following(build, lang)


#: Channels that can verify tip 3 (a promise to a competitor) independently of the coach who gave it.
SECOND_SOURCES: tuple[str, ...] = ("internal_sources", "former_customer_staff", "former_competitor_staff",
                                   "allied_customers", "public_sources")


def channel_options() -> dict[str, dict[str, str]]:
    """The intelligence channels, code → label in both languages."""
    from ..intel._data import CHANNELS

    return {c: {lg: t_any(f"intel.channel.{c}", lg) for lg in _LANGS} for c in CHANNELS}


def t_any(key: str, lang: str) -> str:
    """Any catalog text (not only ``course.*``) in ``lang``."""
    from .. import vocab

    return vocab.text(key, lang=lang)


def check_second_source(channel: str | None, lang: str | None = None) -> Result:
    """Check the channel chosen to verify Tang Min's tip 3 (a promise to Huitong) independently of her."""
    from ..intel._data import CHANNELS

    def build(lg: str) -> Result:
        title, hint = _k("second.title", lg), _k("second.where", lg)
        if unanswered(channel):
            return pending(title, _k("second.what", lg), hint, lg)
        code = channel if channel in CHANNELS else choice(channel, CHANNELS)
        record = {"question": "second_source", "kind": "channel", "answer": code}
        if code is None:
            return Result("wrong", 0.0, title, t("item.bad_code", lg),
                          (not_allowed(_k("second.title", lg), channel, CHANNELS, lg),), hint, lg, record)
        label = t_any(f"intel.channel.{code}", lg)
        if code in SECOND_SOURCES:
            return Result("right", 1.0, title, t("coaching.item_right", lg, item=label, answer=_k("second.ok", lg)),
                          (("right", _k(f"second.why.{code}", lg)),), "", lg, record)
        return Result("wrong", 0.0, title, "", (("wrong", _k(f"second.not.{code}", lg)),), hint, lg, record)

    return following(build, lang)


# ---- a development plan in the learner's own words ---------------------------------------------
def _words(key: str) -> list[str]:
    return [w.strip().lower() for lg in _LANGS for w in _k(key, lg).split("|") if w.strip()]


def _substance(text: str) -> int:
    """How many words (Latin) or characters (Chinese) of substance a text has (repeats count once)."""
    return len(set(w.lower() for w in _WORD.findall(text)))


def check_coach_plan(plan: Mapping[str, str | None] | None, lang: str | None = None) -> Result:
    """Check a plan to develop Zhong Lan as a coach: ``{"give": …, "ask": …, "verify": …}``.

    ``give`` must offer value tied to her need (her budget review), ``ask`` must ask for a
    view, never for confidential papers, and ``verify`` must name a second source. Blank,
    too short or repeated-letter answers are sent back with what to write.
    """
    def build(lg: str) -> Result:
        title, hint = _k("plan.title", lg), _k("plan.where", lg)
        if unanswered(plan):
            return pending(title, _k("plan.what", lg), hint, lg)
        texts = {f: str((plan or {}).get(f) or "").strip() for f in PLAN_FIELDS}
        lines: list[tuple[str, str]] = []
        good = 0
        for f in PLAN_FIELDS:
            label, text = _k(f"plan.field.{f}", lg), texts[f].lower()
            if not text:
                lines.append(("unanswered", t("item.open", lg, item=label)))
            elif _substance(text) < 4:
                lines.append(("wrong", _k("plan.thin", lg, field=label)))
            elif f == "ask" and any(w in text for w in _words("plan.words.forbidden")):
                lines.append(("wrong", _k("plan.forbidden", lg)))
            elif not any(w in text for w in _words(f"plan.words.{f}")):
                lines.append(("wrong", _k(f"plan.weak.{f}", lg)))
            else:
                good += 1
                lines.append(("right", _k(f"plan.good.{f}", lg)))
        open_count = sum(1 for f in PLAN_FIELDS if not texts[f])
        return tally(title, lines, good, len(PLAN_FIELDS), hint, lg, open_count,
                     {"question": "coach_plan", "kind": "coach_plan", "answer": texts})

    return following(build, lang_of(lang) if lang else None)
