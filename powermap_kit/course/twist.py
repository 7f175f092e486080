"""Dynamic change (notebook 12): a map updated after a case's twist, checked against what the
twist changed in the key.

Who is who and which lines the learner drew come from grading's one key comparison
(:func:`powermap_kit.grading.compare_to_key`); a power rating counts by grading's tolerance
rule (:func:`powermap_kit.grading.power_within`, the key's ``grading.tolerance.power``).
"""

from __future__ import annotations

from typing import Any

from ..cases import Case
from ..grading import DEFAULT_TOLERANCE, compare_to_key, load_key, power_within
from ..model import PowerMap
from ._base import case_of, checked, pending, t
from .result import Result, following

__all__ = ["check_twist_update", "same_value"]


def same_value(field: str, have: Any, want: Any, tolerance: int = DEFAULT_TOLERANCE) -> bool:
    """Whether a learner's value of ``field`` shows a twist's change: the roles include the
    key's new ones (other roles may stay), power within grading's tolerance.

    >>> same_value("roles", ["approver", "user"], ["approver"]), same_value("power", 3, 5, 1)
    (True, False)
    """
    if field == "roles":
        return set(want or ()) <= set(have or ())
    if field == "power":
        return power_within(want, have, tolerance)
    if field == "coach":
        return bool(have) == bool(want)
    return (have or "unknown") == (want or "unknown")


def _twist(before: PowerMap | None, after: PowerMap | None, case: Case, lang: str, learner: bool = False) -> Result:
    from ..diff import compare, edge, value_text
    from ..errors import InvalidValue
    from ..grading import grade
    from .learner import area_label, locked

    doc = case.twist_document
    title = t("twist.title", lang, title=doc.title[lang] if doc else case.title(lang))
    hint = locked(t("twist.hint", lang), lang) if learner else t("twist.hint", lang)
    if not isinstance(after, PowerMap) or len(after) == 0:
        return pending(title, t("grade.empty", lang), hint, lang)
    before = before if isinstance(before, PowerMap) else None
    mine = compare(before, after) if before is not None else None
    if mine is not None and not mine:
        return pending(title, t("twist.unchanged", lang), hint, lang)
    twist_key = case.twist_key
    if twist_key is None:
        raise InvalidValue("case", "no_twist", case.slug)
    expected = compare(case.key, twist_key)
    answer = load_key(twist_key)
    now = compare_to_key(after, answer)
    found = now.sub_of
    after_lines = now.lines
    before_found = {}
    if before is not None:
        before_found = compare_to_key(before, answer).sub_of
    tolerance = answer.tolerance
    sentences = expected.lines(lang)
    lines: list[tuple[str, str]] = []
    done = total = 0
    for change, sentence in zip(expected.changes, sentences):
        kind = change["change"]
        if kind in ("roles", "power", "stance", "coach"):
            total += 1
            key_id = change["stakeholder"]
            if key_id not in found:
                lines.append(("wrong", t("hints.twist_person", lang) if learner else
                              t("twist.missing_person", lang, change=sentence, name=twist_key.stakeholder(key_id).name)))
                continue
            mine_person = after.stakeholder(found[key_id])
            have = getattr(mine_person, kind)
            area = area_label(kind, lang)
            if same_value(kind, have, change["new"], tolerance):
                done += 1
                was = getattr(before.stakeholder(before_found[key_id]), kind) \
                    if before is not None and key_id in before_found else None
                already = was is not None and same_value(kind, was, change["new"], tolerance)
                lines.append(("right", t("hints.twist_done", lang, name=mine_person.name, area=area) if learner else
                              t("twist.already" if already else "twist.done", lang, change=sentence)))
            else:
                lines.append(("wrong", t("hints.twist_missed", lang, name=mine_person.name, area=area) if learner else
                              t("twist.missed", lang, change=sentence, given=value_text(kind, have, lang))))
        elif kind == "relationship_added":
            total += 1
            if edge(change["source"], change["target"], change["type"]) in after_lines:
                done += 1
                lines.append(("right", t("hints.twist_line_done", lang) if learner else
                              t("twist.done", lang, change=sentence)))
            else:
                lines.append(("wrong", t("hints.twist_line", lang) if learner else
                              t("twist.line_missed", lang, change=sentence)))
        elif kind in ("stage", "decision_mode"):
            total += 1
            have = getattr(after.opportunity, kind)
            area = area_label(kind, lang)
            if same_value(kind, have, change["new"]):
                done += 1
                lines.append(("right", t("hints.twist_deal_done", lang, area=area) if learner else
                              t("twist.done", lang, change=sentence)))
            else:
                lines.append(("wrong", t("hints.twist_deal", lang, area=area) if learner else
                              t("twist.missed", lang, change=sentence, given=value_text(kind, have, lang))))
    result = grade(after, twist_key, lang=lang)
    if result.ok:
        lines.insert(0, ("info", t("twist.score", lang, total=f"{result.total:g}")))
    if mine is not None:
        lines.insert(1 if result.ok else 0, ("info", t("twist.yours", lang, count=len(mine))))
    return checked(title, lines, done / total if total else 1.0, hint, lang, result)


def check_twist_update(before: PowerMap | None, after: PowerMap | None, case: Case | str,
                       lang: str | None = None, audience: str | None = None) -> Result:
    """Check a map updated after a case's twist against what the twist changed in the key.

    For each change between ``case.key`` and ``case.twist_key`` (a person's roles, power,
    stance or coach flag; a new relationship; the stage or decision mode) the learner's
    updated map is looked at: done, already so before, or not yet. A learner (the default
    audience) reads which person and area changed, never the old or new value.
    """
    from .learner import learner_mode

    c = case_of(case)
    learner = learner_mode(audience)
    return following(lambda lg: _twist(before, after, c, lg, learner), lang)
