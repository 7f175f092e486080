"""The practice case (notebooks 07–09) and whole-map checks: a map graded against a key.

The Donghai Vocational College scenario is seed 002's education case in small; its key,
a colleague's flawed map and the scenario date are course data (``data/course.json``).

>>> check_practice_map(practice_key(), lang="en").status
'right'
"""

from __future__ import annotations

import os
from typing import Any

from ..cases import Case, Markdown
from ..io import load_map
from ..model import PowerMap
from ._base import case_of, data, pending, t
from .result import Result, following

__all__ = ["PRACTICE_TODAY", "check_case_map", "check_practice_map", "colleague_map", "practice_blank",
           "practice_key", "practice_scenario", "saved_map"]

PRACTICE_TODAY: str = data()["practice"]["today"]
"""The date of the Donghai practice scenario, for ``analyse(..., today=PRACTICE_TODAY)``."""

#: Score (0–1) from which a graded map counts as right, and from which as partly right.
GRADE_RIGHT, GRADE_PARTLY = 0.85, 0.4


def practice_scenario(lang: str | None = None) -> Markdown:
    """The Donghai Vocational College scenario: seed 002's education case in small."""
    return Markdown(t("practice.scenario", lang))


def practice_key() -> PowerMap:
    """The trainer's key for the Donghai practice map."""
    return load_map(data()["practice"]["key"])


def practice_blank() -> PowerMap:
    """An empty Donghai map to build in (account and opportunity name filled in)."""
    key = data()["practice"]["key"]
    return load_map({"format": "powermap/1", "account": key["account"],
                     "opportunity": {"name": key["opportunity"]["name"]}, "stakeholders": [],
                     "meta": {"case": key["meta"]["case"]}})


def colleague_map() -> PowerMap:
    """A colleague's Donghai map, with the classic errors, to analyse in notebook 08."""
    return load_map(data()["practice"]["colleague"])


def saved_map(path: str | os.PathLike, fallback: PowerMap) -> PowerMap:
    """The map saved at ``path`` when it holds anyone, else ``fallback`` (a copy).

    For exercises that build on earlier work: notebook 12 starts from the case map a
    learner saved in notebook 10 or 11, or from a sample map when there is none yet.
    """
    from ..errors import MapFormatError

    try:
        pm = load_map(path)
    except (OSError, MapFormatError):
        return fallback.copy()
    return pm if len(pm) else fallback.copy()


def _grade_check(pm: PowerMap | None, key: PowerMap, title: str, lang: str, top: int, start: str | None) -> Result:
    from ..grading import grade

    hint = t("grade.hint", lang)
    if not isinstance(pm, PowerMap) or len(pm) == 0:
        what = t("grade.empty", lang) + (" " + t("grade.start_with", lang, start=start) if start else "")
        return pending(title, what, hint, lang)
    result = grade(pm, key, lang=lang)
    if not result.ok:
        return Result("wrong", 0.0, title, "", (("wrong", t("grade.error", lang, error=result.error)),), hint, lang,
                      detail=result)
    found = len(key) - len(result.missing)
    lines = [("info", t("grade.score", lang, total=f"{result.total:g}", people=found, count=len(key)))]
    feedback = [line for line, item in zip(result.feedback, result.items) if item.points > 0]
    lines += [("wrong", line) for line in feedback[:top]]
    if len(feedback) > top:
        lines.append(("info", t("grade.more", lang, count=len(feedback) - top)))
    if not feedback:
        lines.append(("right", t("grade.perfect", lang)))
    score = (result.total or 0.0) / 100
    status = "right" if score >= GRADE_RIGHT else "partly" if score >= GRADE_PARTLY else "wrong"
    return Result(status, round(score, 2), title, "", tuple(lines), hint, lang, {"total": result.total}, result)


def check_practice_map(pm: PowerMap | None, lang: str | None = None, top: int = 6) -> Result:
    """Grade a Donghai practice map against its key and explain the biggest gaps."""
    key = practice_key()
    return following(lambda lg: _grade_check(pm, key, t("practice.check_title", lg), lg, top, None), lang)


def unlocked(pm: Any, case: Case | str) -> bool:
    """Whether the full comparison with a case's key may be shown: the map (or the learner's draft
    of this case) has been submitted (:mod:`powermap_kit.submit`)."""
    from ..hints import submitted_for

    meta = getattr(pm, "meta", None) or {}
    return bool(meta.get("submitted")) or submitted_for(case)


def check_case_map(pm: PowerMap | None, case: Case | str, twist: bool = False, lang: str | None = None,
                   top: int = 6, audience: str | None = None) -> Result:
    """Grade a case map against the case's key (``twist=True``: the updated key after the twist).

    An empty map gets guidance on where to start reading, not a score of zero. A learner (the
    default audience) who has not submitted this case gets hints only — the area and the
    person or documents to revisit — and is told that submitting unlocks the full comparison.
    """
    from ..errors import InvalidValue
    from .learner import hints_of, key_withheld, learner_mode, map_result, withheld_result

    c = case_of(case)
    if not isinstance(pm, PowerMap):
        pm = None
    withheld = key_withheld(c)
    if withheld or (learner_mode(audience) and not unlocked(pm, c)):
        from .twist import twist_hints

        h = twist_hints(c) if twist else hints_of(c)
        shown = withheld and (not learner_mode(audience) or unlocked(pm, c))

        def hinted(lg: str) -> Result:
            result = map_result(pm, h, t("hints.title", lg, case=c.title(lg)), lg, top)
            return withheld_result(result, lg, audience) if shown else result

        return following(hinted, lang)
    key = c.twist_key if twist else c.key
    if key is None:
        raise InvalidValue("case", "no_twist", c.slug)

    def build(lg: str) -> Result:
        first = c.documents[0].title[lg] if c.documents else None
        return _grade_check(pm, key, t("grade.title", lg, case=c.title(lg)), lg, top, first)

    return following(build, lang)
