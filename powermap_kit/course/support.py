"""Support quantification: four levels, five dimensions, ratings turned into a level and
checked against a key (seed 003 unit 3).

Examples
--------
>>> a = assess_support({"solution_fit": 4, "trust": 4, "cooperation": 3}, lang="en")
>>> a.status, a.level, a["support_score"], a.message
('info', 'support', 68.75, 'Supports us (support score 68.8 of 100)')
>>> assess_support({"trust": 4}, lang="en").level
'unknown'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import localize, vocab
from ..cases import Case
from ..model import PowerMap
from ._base import (
    case_of, choice, data, display_name, each_choice, join, lang_of, not_allowed, pending, t, table, tally,
    unanswered,
)
from .questions import resolve_key, sentence
from .result import Result, following

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["SUPPORT_PROFILES", "assess_support", "check_support", "check_support_levels", "support_dimensions_table",
           "support_levels_table", "support_profiles"]

#: Rating profiles for the "ratings → level" exercise (dimension → 1–5), from ``data/course.json``.
SUPPORT_PROFILES: dict[str, dict[str, int]] = data()["support_profiles"]


def _other(lang: str) -> str:
    # Beside each label, the other language's: what a bilingual room will hear.
    return "zh" if lang == "en" else "en"


def support_levels_table(lang: str | None = None) -> Styler:
    """The four levels of support (seed 003) plus unknown, with their support-score bands."""
    from ..analysis.settings import config

    lang = lang_of(lang)
    cfg = config()["support"]
    cuts = cfg["levels"]
    bands = {"unknown": t("band.unknown", lang, n=cfg["min_dimensions"]),
             "oppose": t("band.below", lang, high=cuts["neutral"]),
             "neutral": t("band.range", lang, low=cuts["neutral"], high=cuts["support"]),
             "support": t("band.range", lang, low=cuts["support"], high=cuts["champion"]),
             "champion": t("band.from", lang, low=cuts["champion"])}
    return table([{t("col.level", lang): e["label"][lang], t("col.other", lang): e["label"][_other(lang)],
                   t("col.code", lang): e["code"], t("col.what", lang): e["description"][lang],
                   t("col.band", lang): bands[e["code"]]} for e in vocab.entries("stance")])


def support_dimensions_table(lang: str | None = None) -> Styler:
    """The five dimensions of support (seed 003) and their weight in the support score."""
    from ..analysis.settings import config

    lang = lang_of(lang)
    weights = config()["support"]["weights"]
    return table([{t("col.dimension", lang): e["label"][lang], t("col.other", lang): e["label"][_other(lang)],
                   t("col.code", lang): e["code"], t("col.what", lang): e["description"][lang],
                   t("col.weight", lang): weights.get(e["code"], 0)} for e in vocab.entries("support_dimension")])


def support_profiles(lang: str | None = None) -> Styler:
    """The rating profiles of the "ratings → level" exercise (answer with :func:`check_support_levels`)."""
    lang = lang_of(lang)
    rows = []
    for pid, ratings in SUPPORT_PROFILES.items():
        row: dict[str, Any] = {t("col.id", lang): pid}
        for dim in vocab.SUPPORT_DIMENSIONS:
            row[vocab.label(dim, "support_dimension", lang)] = ratings.get(dim, "")
        rows.append(row)
    return table(rows)


# ---- ratings → level --------------------------------------------------------------------------
def _clean(ratings: Mapping[str, Any]) -> tuple[dict[str, int | None], list[str]]:
    clean: dict[str, int | None] = {}
    bad = []
    for dim, value in ratings.items():
        code = choice(dim, vocab.SUPPORT_DIMENSIONS, "support_dimension")
        if code is None:
            bad.append(dim)
        elif value in (None, 0, ""):
            clean[code] = None
        elif isinstance(value, bool) or not isinstance(value, (int, float, str)) or not str(value).strip().isdigit() \
                or not 1 <= int(value) <= 5:
            bad.append(f"{dim}={value!r}")
        else:
            clean[code] = int(value)
    return clean, bad


def _assess(ratings: Mapping[str, Any], key: PowerMap | None, person: str | None, lang: str,
            audience: str | None = None) -> Result:
    from ..analysis.support import effective_stance, support_explanation, support_level, support_score
    from ..model import Stakeholder
    from .learner import docs_text, hints_of, learner_mode, locked

    title = t("assess.title", lang, name=display_name(key, person, lang)) if key and person else t("assess.title_any",
                                                                                                     lang)
    if not isinstance(ratings, Mapping):
        return pending(title, t("support.what", lang, dimensions=", ".join(vocab.SUPPORT_DIMENSIONS)),
                       t("support.where", lang), lang)
    clean, bad = _clean(ratings)
    if bad:
        return Result("wrong", 0.0, title, t("item.bad_code", lang),
                      (not_allowed(t("col.dimension", lang), bad[0], vocab.SUPPORT_DIMENSIONS, lang),), "", lang)
    rated = {d: v for d, v in clean.items() if v is not None}
    probe = Stakeholder(id="probe", name="probe", support=rated)
    score = support_score(probe)
    level = support_level(score) or "unknown"
    parts = [support_explanation(probe).render(lang)]
    if score is None:
        message = t("assess.none", lang)
    else:
        message = t("assess.level", lang, level=vocab.label(level, "stance", lang), score=f"{score:.1f}")
        weighed = {d: v for d, v in rated.items() if d != "influence"}
        low = min(weighed, key=lambda d: (weighed[d], vocab.SUPPORT_DIMENSIONS.index(d)))
        high = max(weighed, key=lambda d: (weighed[d], -vocab.SUPPORT_DIMENSIONS.index(d)))
        if weighed[high] > weighed[low]:
            parts.append(t("assess.strongest", lang, dimension=vocab.label(high, "support_dimension", lang),
                           value=weighed[high]))
        # Name the weakest dimension where there is one, or where all are low: it is where to work.
        if weighed[high] > weighed[low] or weighed[low] <= 2:
            parts.append(t("assess.weakest", lang, dimension=vocab.label(low, "support_dimension", lang),
                           value=weighed[low], description=vocab.describe(low, "support_dimension", lang)))
    if "influence" in rated:
        parts.append(t("assess.influence", lang))
    missing = [d for d in vocab.SUPPORT_DIMENSIONS if d not in rated]
    if missing and score is not None:
        parts.append(t("assess.missing", lang,
                       dimensions=join((vocab.label(d, "support_dimension", lang) for d in missing), lang)))
    lines = [("info", sentence(p, lang)) for p in parts if p]
    record: dict[str, Any] = {"kind": "support", "answer": clean, "support_score": score, "level": level}
    if key is None or person is None:
        status = "unanswered" if not rated else "info"
        return Result(status, 0.0, title, message, tuple(lines), "", lang, record)
    target = key.stakeholder(person)
    expected = effective_stance(target)[0] or "unknown"
    record.update(question=person)
    right = level == expected
    if learner_mode(audience, key):
        lines = lines[:1]
        h = hints_of(key)
        name = display_name(key, person, lang)
        lines.append(("right", t("hints.level_right", lang)) if right else
                     ("wrong", t("hints.level_wrong", lang, level=vocab.label(level, "stance", lang), name=name,
                                 docs=docs_text(h.docs(person, "stance", "support"), lang))))
        return Result("right" if right else "wrong", float(right), title, message, tuple(lines),
                      locked(t("support.where", lang), lang), lang, record)
    record.update(expected=expected)
    verdict = (t("right", lang, answer=vocab.label(expected, "stance", lang)) if right else
               t("wrong", lang, chosen=vocab.label(level, "stance", lang), expected=vocab.label(expected, "stance",
                                                                                              lang)))
    lines.append(("right" if right else "wrong", verdict))
    lines.append(("info", t("assess.expected", lang, name=localize.person_name(target, lang),
                            level=vocab.label(expected, "stance", lang))))
    for reason in (localize.text(target, "evidence.stance", lang), localize.text(target, "evidence.support", lang)):
        if reason:
            lines.append(("info", t("evidence", lang, evidence=reason)))
    lines.append(("info", vocab.describe(expected, "stance", lang)))
    return Result("right" if right else "wrong", float(right), title, message, tuple(lines), "", lang, record)


def assess_support(ratings: Mapping[str, int | None], key: PowerMap | str | os.PathLike | None = None,
                   person: str | None = None, lang: str | None = None, audience: str | None = None) -> Result:
    """Turn ratings of the five support dimensions (1–5; ``None`` = not rated) into a level.

    The formula is the analysis engine's (:mod:`powermap_kit.analysis.support`): a weighted
    mean of the rated dimensions rescaled to 0–100, then the four levels of seed 003. The
    result's ``level`` is a stance code and ``result["support_score"]`` the 0–100 score
    (``None`` with too few dimensions rated). Without a key the status is ``"info"`` (no
    right answer); with ``key`` and ``person`` the level is checked against the key's
    stance for that person (``"right"`` or ``"wrong"``); a learner checking against a case key
    reads whether the level fits and which documents to reread, not the key's stance.
    """
    pm = resolve_key(key) if key is not None else None
    return following(lambda lg: _assess(ratings, pm, person, lg, audience), lang)


def check_support_levels(answers: Mapping[str, str | None] | None, lang: str | None = None) -> Result:
    """Check the level (a stance code) read from each profile of :data:`SUPPORT_PROFILES`."""
    def build(lg: str) -> Result:
        title, hint = t("levels.title", lg), t("levels.where", lg)
        if unanswered(answers) or not isinstance(answers, Mapping):
            return pending(title, t("levels.what", lg), hint, lg)
        levels = {pid: _assess(ratings, None, None, lg) for pid, ratings in SUPPORT_PROFILES.items()}
        lines, right, open_count = each_choice(
            answers, {pid: r.level for pid, r in levels.items()}, vocab.STANCES, lg,  # type: ignore[arg-type]
            lambda pid, _: t("item.text", lg, item=pid, text=levels[pid].message),
            lambda pid, got, _: t("levels.wrong", lg, item=pid, chosen=vocab.label(got, "stance", lg),
                                  result=levels[pid].message.rstrip(".。"), explanation=levels[pid].explanation),
            "stance")
        return tally(title, lines, right, len(SUPPORT_PROFILES), hint, lg, open_count)

    return following(build, lang)


def _support_hints(h: Any, person: str, name: str, clean: Mapping[str, int | None], title: str, lang: str) -> Result:
    from .learner import docs_text, locked

    lines, right, scored = [], 0, 0
    docs = docs_text(h.docs(person, "support"), lang)
    for dim in vocab.SUPPORT_DIMENSIONS:
        label = vocab.label(dim, "support_dimension", lang)
        if not h.people[person]["check"].get(f"support.{dim}"):
            lines.append(("info", t("hints.support_unrated", lang, dimension=label)))
            continue
        scored += 1
        mine = clean.get(dim)
        if mine is None:
            lines.append(("unanswered", t("hints.support_open", lang, dimension=label, docs=docs)))
        elif h.ok(person, f"support.{dim}", mine):
            right += 1
            lines.append(("right", t("hints.support_close", lang, dimension=label)))
        else:
            lines.append(("wrong", t("hints.support_far", lang, dimension=label, docs=docs)))
    return tally(title, lines, right, scored, locked(t("support.where", lang), lang), lang,
                 record={"question": person, "kind": "support", "answer": dict(clean)})


def _check_support(case: Any, person: str, ratings: Mapping[str, int | None] | None, tolerance: int,
                   lang: str, audience: str | None = None) -> Result:
    from .learner import hints_of, learner_mode

    learner = learner_mode(audience)
    h = hints_of(case) if learner else None
    key = None if learner else case.key
    name = h.name(person, lang) if h is not None else display_name(case.key, person, lang)
    dims = vocab.SUPPORT_DIMENSIONS
    title, hint = t("support.title", lang, name=name), t("support.where", lang)
    if unanswered(ratings) or not isinstance(ratings, Mapping):
        return pending(title, t("support.what", lang, dimensions=", ".join(dims)), hint, lang)
    clean, bad = _clean(ratings)
    if bad:
        return Result("wrong", 0.0, title, t("item.bad_code", lang),
                      (not_allowed(t("col.dimension", lang), bad[0], dims, lang),), hint, lang)
    if h is not None:
        return _support_hints(h, person, name, clean, title, lang)
    assert key is not None
    target = key.stakeholder(person)
    lines, right, scored = [], 0, 0
    for dim in dims:
        label = vocab.label(dim, "support_dimension", lang)
        mine, theirs = clean.get(dim), target.support.get(dim)
        if theirs is None:
            if mine is not None:
                lines.append(("partly", t("support.key_unrated", lang, dimension=label, value=mine)))
            continue
        scored += 1
        if mine is None:
            lines.append(("unanswered", t("support.missing", lang, dimension=label, expected=theirs)))
        elif abs(int(mine) - int(theirs)) <= tolerance:
            right += 1
            key_text = "support.same" if int(mine) == int(theirs) else "support.close"
            lines.append(("right", t(key_text, lang, dimension=label, value=mine, expected=theirs)))
        else:
            lines.append(("wrong", t("support.far", lang, dimension=label, value=mine, expected=theirs)))
    mine_level = _assess(clean, None, None, lang)
    key_level = _assess(target.support, None, None, lang)
    result = mine_level.message.rstrip(".。")
    stance = vocab.label(target.stance_or_unknown, "stance", lang)
    if key_level.level == "unknown":
        # The key's stance comes from behaviour, not from its ratings: show it, do not score it.
        lines.append(("info", t("support.level_info", lang, result=result, stance=stance)))
    else:
        scored += 1
        right += mine_level.level == key_level.level
        lines.append(("right" if mine_level.level == key_level.level else "wrong",
                      t("support.level", lang, result=result, expected=key_level.message.rstrip(".。"))))
        if target.stance_or_unknown != key_level.level:
            lines.append(("info", t("support.stance_differs", lang, name=name, stance=stance)))
    evidence = localize.text(target, "evidence.support", lang, "")
    if evidence and right < scored:
        lines.append(("info", t("evidence", lang, evidence=evidence)))
    return tally(title, lines, right, scored, hint, lang,
                 record={"question": person, "kind": "support", "answer": clean, "level": mine_level.level})


def check_support(case: Case | str, person: str, ratings: Mapping[str, int | None] | None,
                  tolerance: int = 1, lang: str | None = None, audience: str | None = None) -> Result:
    """Check a learner's five-dimension ratings of one person against the key, dimension by dimension.

    A rating within ``tolerance`` of the key counts; a dimension the key leaves unrated is
    an information gap, so a rating there is flagged rather than scored. The level the
    ratings give is compared with the level the key's own ratings give; when the key's
    recorded stance differs (it may rest on behaviour), that is shown too. A learner (the
    default audience) reads close or far per dimension and the documents to reread, never
    the key's ratings or stance (the hints use a tolerance of 1).
    """
    c = case_of(case)
    return following(lambda lg: _check_support(c, person, ratings, tolerance, lg, audience), lang)
