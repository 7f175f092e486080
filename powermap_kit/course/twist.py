"""Dynamic change (notebook 12): a map updated after a case's twist, checked against what the
twist changed in the key.

A trainer's check compares with both keys; a learner's reads only the twist section of the
case's learner-safe hints (:mod:`powermap_kit.hints`): the same lines whether they were made
from the keys on the spot or come from a trainer's hint file on a server without the keys.

In a trainer's check, who is who and which lines the learner drew come from grading's one key comparison
(:func:`powermap_kit.grading.compare_to_key`); a power rating counts by grading's tolerance
rule (:func:`powermap_kit.grading.power_within`, the key's ``grading.tolerance.power``).
"""

from __future__ import annotations

from typing import Any

from ..cases import Case
from ..grading import DEFAULT_TOLERANCE, compare_to_key, load_key, power_within
from ..hints import DEAL, TWIST_AREAS, Hints
from ..model import PowerMap
from ._base import case_of, checked, pending, t
from .result import Result, following

__all__ = ["check_twist_update", "same_value", "twist_hints"]


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


def _twist(before: PowerMap | None, after: PowerMap | None, case: Case, lang: str,
           hints: Hints | None = None) -> Result:
    from ..diff import compare
    from .learner import locked

    doc = case.twist_document
    title = t("twist.title", lang, title=doc.title[lang] if doc else case.title(lang))
    hint = locked(t("twist.hint", lang), lang) if hints is not None else t("twist.hint", lang)
    if not isinstance(after, PowerMap) or len(after) == 0:
        return pending(title, t("grade.empty", lang), hint, lang)
    before = before if isinstance(before, PowerMap) else None
    mine = compare(before, after) if before is not None else None
    if mine is not None and not mine:
        return pending(title, t("twist.unchanged", lang), hint, lang)
    if hints is not None:
        lines, done, total = _hint_lines(after, hints, lang)
        if mine is not None:
            lines.insert(0, ("info", t("twist.yours", lang, count=len(mine))))
        return checked(title, lines, done / total if total else 1.0, hint, lang)
    return _key_check(before, after, case, lang, title, hint, mine)


def _hint_lines(after: PowerMap, h: Hints, lang: str) -> tuple[list[tuple[str, str]], int, int]:
    """A learner's lines from the twist's hints: which person and area, never a value."""
    from ..diff import edges
    from .learner import area_label, twist_missing_line

    found = h.match(after)
    after_lines = set(edges(after, {mine: pid for pid, mine in found.items()}))
    lines: list[tuple[str, str]] = []
    done = total = 0
    for change in h.twist_changes():
        area = change["area"]
        total += 1
        if area in TWIST_AREAS:
            pid = change.get("person")
            if pid not in found or pid not in h.people:
                lines.append(("wrong", twist_missing_line(h, pid, lang)))
                continue
            mine_person = after.stakeholder(found[pid])
            ok = h.shows_change(pid, area, getattr(mine_person, area))
            lines.append(("right" if ok else "wrong", t("hints.twist_done" if ok else "hints.twist_missed", lang,
                                                         name=mine_person.name, area=area_label(area, lang))))
        elif area == "line":
            ok = h.line_ok(change, after_lines)
            lines.append(("right", t("hints.twist_line_done", lang)) if ok else ("wrong", t("hints.twist_line", lang)))
        else:
            ok = h.deal_ok(area, getattr(after.opportunity, area, None))
            lines.append(("right" if ok else "wrong", t("hints.twist_deal_done" if ok else "hints.twist_deal", lang,
                                                         area=area_label(area, lang))))
        done += ok
    return lines, done, total


def _key_check(before: PowerMap | None, after: PowerMap, case: Case, lang: str, title: str, hint: str,
               mine: Any) -> Result:
    """A trainer's lines from the keys: each change with its values, and the score against the updated key."""
    from ..diff import compare, edge, value_text
    from ..errors import InvalidValue
    from ..grading import grade

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
        if kind in TWIST_AREAS:
            total += 1
            key_id = change["stakeholder"]
            if key_id not in found:
                lines.append(("wrong", t("twist.missing_person", lang, change=sentence,
                                         name=twist_key.stakeholder(key_id).name)))
                continue
            have = getattr(after.stakeholder(found[key_id]), kind)
            if same_value(kind, have, change["new"], tolerance):
                done += 1
                was = getattr(before.stakeholder(before_found[key_id]), kind) \
                    if before is not None and key_id in before_found else None
                already = was is not None and same_value(kind, was, change["new"], tolerance)
                lines.append(("right", t("twist.already" if already else "twist.done", lang, change=sentence)))
            else:
                lines.append(("wrong", t("twist.missed", lang, change=sentence, given=value_text(kind, have, lang))))
        elif kind == "relationship_added":
            total += 1
            if edge(change["source"], change["target"], change["type"]) in after_lines:
                done += 1
                lines.append(("right", t("twist.done", lang, change=sentence)))
            else:
                lines.append(("wrong", t("twist.line_missed", lang, change=sentence)))
        elif kind in DEAL:
            total += 1
            have = getattr(after.opportunity, kind)
            if same_value(kind, have, change["new"]):
                done += 1
                lines.append(("right", t("twist.done", lang, change=sentence)))
            else:
                lines.append(("wrong", t("twist.missed", lang, change=sentence, given=value_text(kind, have, lang))))
    result = grade(after, twist_key, lang=lang)
    if result.ok:
        lines.insert(0, ("info", t("twist.score", lang, total=f"{result.total:g}")))
    if mine is not None:
        lines.insert(1 if result.ok else 0, ("info", t("twist.yours", lang, count=len(mine))))
    return checked(title, lines, done / total if total else 1.0, hint, lang, result)


def twist_hints(case: Case) -> Hints:
    """The hints a learner's update after ``case``'s twist is judged on: the twist section of the
    case's hints (from its keys, or a trainer's hint file when the keys are withheld)."""
    from ..errors import InvalidValue
    from .learner import hints_of

    if not case.meta.get("twist"):
        raise InvalidValue("case", "no_twist", case.slug)
    found = hints_of(case).twist
    if found is None:
        raise InvalidValue("case", "no_twist_hints", case.slug)
    return found


def check_twist_update(before: PowerMap | None, after: PowerMap | None, case: Case | str,
                       lang: str | None = None, audience: str | None = None) -> Result:
    """Check a map updated after a case's twist against what the twist changed in the key.

    For each change between ``case.key`` and ``case.twist_key`` (a person's roles, power,
    stance or coach flag; a new relationship; the stage or decision mode) the learner's
    updated map is looked at: done, already so before, or not yet. A learner (the default
    audience) reads which person and area changed, never the old or new value, nor a score
    against the key; a learner's check reads the twist section of the case's hints
    (:func:`twist_hints`), so it runs where the trainer withholds both keys and gives the
    same lines as with them.
    """
    from .learner import learner_mode

    c = case_of(case)
    hints = twist_hints(c) if learner_mode(audience) else None
    return following(lambda lg: _twist(before, after, c, lg, hints), lang)
