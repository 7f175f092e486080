"""Module 05, support quantification: four levels, five dimensions, ratings checked against a key (seed 003 unit 3)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import exercises, vocab
from ..cases import Case
from .display import _case, _name, _table
from .feedback import (
    _HALF, _INFO, _NO, _OK, _OPEN, Feedback, _choice, _lang, _not_allowed, _pending, _result, _t, _unanswered,
)

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["SUPPORT_PROFILES", "check_support", "check_support_levels", "support_dimensions_table",
           "support_levels_table", "support_profiles"]

#: Rating profiles for the "ratings → level" exercise (dimension → 1–5).
SUPPORT_PROFILES: dict[str, dict[str, int]] = {
    "p1": {"solution_fit": 3, "trust": 3, "cooperation": 3, "contact_frequency": 3},
    "p2": {"influence": 5, "solution_fit": 4, "trust": 4, "cooperation": 4},
    "p3": {"influence": 1, "solution_fit": 5, "trust": 4, "cooperation": 5, "contact_frequency": 5},
    "p4": {"influence": 4, "solution_fit": 2, "trust": 1, "cooperation": 2},
    "p5": {"influence": 5, "contact_frequency": 1},
}


def _other(lang: str) -> str:
    # Beside each label, the other language's: what a bilingual room will hear.
    return "zh" if lang == "en" else "en"


def support_levels_table(lang: str | None = None) -> Styler:
    """The four levels of support (seed 003) plus unknown, with their support-score bands."""
    from ..analysis.settings import config

    lang = _lang(lang)
    cfg = config()["support"]
    cuts = cfg["levels"]
    bands = {"unknown": _t("band.unknown", lang, n=cfg["min_dimensions"]),
             "oppose": _t("band.below", lang, high=cuts["neutral"]),
             "neutral": _t("band.range", lang, low=cuts["neutral"], high=cuts["support"]),
             "support": _t("band.range", lang, low=cuts["support"], high=cuts["champion"]),
             "champion": _t("band.from", lang, low=cuts["champion"])}
    return _table([{_t("col.level", lang): e["label"][lang], _t("col.other", lang): e["label"][_other(lang)],
                    _t("col.code", lang): e["code"], _t("col.what", lang): e["description"][lang],
                    _t("col.band", lang): bands[e["code"]]} for e in vocab.entries("stance")])


def support_dimensions_table(lang: str | None = None) -> Styler:
    """The five dimensions of support (seed 003) and their weight in the support score."""
    from ..analysis.settings import config

    lang = _lang(lang)
    weights = config()["support"]["weights"]
    return _table([{_t("col.dimension", lang): e["label"][lang], _t("col.other", lang): e["label"][_other(lang)],
                    _t("col.code", lang): e["code"], _t("col.what", lang): e["description"][lang],
                    _t("col.weight", lang): weights.get(e["code"], 0)} for e in vocab.entries("support_dimension")])


def support_profiles(lang: str | None = None) -> Styler:
    """The rating profiles of the "ratings → level" exercise (answer with :func:`check_support_levels`)."""
    lang = _lang(lang)
    rows = []
    for pid, ratings in SUPPORT_PROFILES.items():
        row: dict[str, Any] = {_t("col.id", lang): pid}
        for dim in vocab.SUPPORT_DIMENSIONS:
            row[vocab.label(dim, "support_dimension", lang)] = ratings.get(dim, "")
        rows.append(row)
    return _table(rows)


def check_support_levels(answers: Mapping[str, str | None] | None, lang: str | None = None) -> Feedback:
    """Check the level (a stance code) read from each profile of :data:`SUPPORT_PROFILES`."""
    lang = _lang(lang)
    title, hint = _t("levels.title", lang), _t("levels.where", lang)
    if _unanswered(answers):
        return _pending(title, _t("levels.what", lang), hint, lang)
    lines, right, open_count = [], 0, 0
    for pid, ratings in SUPPORT_PROFILES.items():
        raw = answers.get(pid)  # type: ignore[union-attr]
        result = exercises.assess_support(ratings, lang=lang)
        if _unanswered(raw):
            open_count += 1
            lines.append((_OPEN, _t("item.open", lang, item=pid)))
            continue
        given = _choice(raw, vocab.STANCES, "stance")
        if given is None:
            lines.append(_not_allowed(pid, raw, vocab.STANCES, lang))
        elif given == result.level:
            right += 1
            lines.append((_OK, _t("item.text", lang, item=pid, text=result.message)))
        else:
            lines.append((_NO, _t("levels.wrong", lang, item=pid, chosen=vocab.label(given, "stance", lang),
                                  result=result.message.rstrip(".。"), explanation=result.explanation)))
    return _result(title, lines, right, len(SUPPORT_PROFILES), hint, lang, open_count)


def check_support(case: Case | str, person: str, ratings: Mapping[str, int | None] | None,
                  tolerance: int = 1, lang: str | None = None) -> Feedback:
    """Check a learner's five-dimension ratings of one person against the key, dimension by dimension.

    A rating within ``tolerance`` of the key counts; a dimension the key leaves unrated is
    an information gap, so a rating there is flagged rather than scored. The level the
    ratings give is compared with the level the key's own ratings give; when the key's
    recorded stance differs (it may rest on behaviour), that is shown too.
    """
    lang = _lang(lang)
    key = _case(case).key
    name = _name(key, person, lang)
    target = key.stakeholder(person)
    title, hint = _t("support.title", lang, name=name), _t("support.where", lang)
    if _unanswered(ratings):
        return _pending(title, _t("support.what", lang, dimensions=", ".join(vocab.SUPPORT_DIMENSIONS)), hint, lang)
    dims = vocab.SUPPORT_DIMENSIONS
    codes = {d: _choice(d, dims, "support_dimension") for d in ratings}  # type: ignore[union-attr]
    bad = [d for d, code in codes.items() if code is None]
    if bad:
        return Feedback(title, False, 0.0, _t("item.bad_code", lang),
                        (_not_allowed(_t("col.dimension", lang), bad[0], dims, lang),), hint, lang)
    clean = {c: v for d, v in ratings.items() if (c := codes[d]) is not None}  # type: ignore[union-attr]
    lines, right, scored = [], 0, 0
    evidence = target.evidence.get("support", "")
    for dim in vocab.SUPPORT_DIMENSIONS:
        label = vocab.label(dim, "support_dimension", lang)
        mine, theirs = clean.get(dim), target.support.get(dim)
        if theirs is None:
            if mine is not None:
                lines.append((_HALF, _t("support.key_unrated", lang, dimension=label, value=mine)))
            continue
        scored += 1
        if mine is None:
            lines.append((_OPEN, _t("support.missing", lang, dimension=label, expected=theirs)))
        elif abs(int(mine) - int(theirs)) <= tolerance:
            right += 1
            key_text = "support.same" if int(mine) == int(theirs) else "support.close"
            lines.append((_OK, _t(key_text, lang, dimension=label, value=mine, expected=theirs)))
        else:
            lines.append((_NO, _t("support.far", lang, dimension=label, value=mine, expected=theirs)))
    mine_level = exercises.assess_support(clean, lang=lang)
    key_level = exercises.assess_support(target.support, lang=lang)
    result = mine_level.message.rstrip(".。")
    stance = vocab.label(target.stance_or_unknown, "stance", lang)
    if key_level.level == "unknown":
        # The key's stance comes from behaviour, not from its ratings: show it, do not score it.
        lines.append((_INFO, _t("support.level_info", lang, result=result, stance=stance)))
    else:
        scored += 1
        right += mine_level.level == key_level.level
        lines.append((_OK if mine_level.level == key_level.level else _NO,
                      _t("support.level", lang, result=result, expected=key_level.message.rstrip(".。"))))
        if target.stance_or_unknown != key_level.level:
            lines.append((_INFO, _t("support.stance_differs", lang, name=name, stance=stance)))
    if evidence and right < scored:
        lines.append((_INFO, _t("evidence", lang, evidence=evidence)))
    return _result(title, lines, right, scored, hint, lang)
