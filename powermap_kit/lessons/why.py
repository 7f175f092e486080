"""Module 01, why power maps: single-threading, the building process, the pitfalls (seeds 000, 002, 003, 004)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from .. import vocab
from ..cases import Case
from ..model import PowerMap
from .display import _case, _name, _people_index, _table
from .feedback import (
    _HALF, _INFO, _NO, _OK, _OPEN, Feedback, _choice, _join, _lang, _not_allowed, _pending, _result, _t,
    _unanswered,
)

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["PITFALLS", "PITFALL_SITUATIONS", "PROCESS_STEPS", "building_process", "check_building_order",
           "check_pitfalls", "check_who_to_reach", "coverage_table", "pitfall_situations", "pitfalls_table"]


def _tools_data() -> dict[str, Any]:
    # The building steps and general information sources are defined once, with the
    # notebook-07 tools (data/course_tools.json); this module reuses them.
    return json.loads(resources.files("powermap_kit").joinpath("data/course_tools.json").read_text("utf-8"))


#: The seven steps of building a map, in order, with the seeds that name them (shared with notebook 07).
PROCESS_STEPS: dict[str, str] = {s["code"]: s["seeds"] for s in _tools_data()["build_steps"]}
#: The three known pitfalls of seed 000 §6.
PITFALLS: tuple[str, ...] = ("information_asymmetry", "dynamic_change", "over_reliance")
#: Short situations (text in course.json) and the pitfall each shows.
PITFALL_SITUATIONS: dict[str, str] = {
    "s1": "information_asymmetry", "s2": "dynamic_change", "s3": "over_reliance", "s4": "dynamic_change",
}


def building_process(lang: str | None = None) -> Styler:
    """The seven steps of building a map (seeds 000 §3, 001, 002, 004 §3) as a numbered table."""
    lang = _lang(lang)
    return _table([{"#": n, _t("col.step", lang): _step(code, lang),
                    _t("col.what", lang): vocab.text(f"course_tools.step.{code}.what", lang=lang),
                    _t("col.code", lang): code,
                    _t("col.seeds", lang): source}
                   for n, (code, source) in enumerate(PROCESS_STEPS.items(), start=1)])


def _step(code: str, lang: str) -> str:
    return vocab.text(f"course_tools.step.{code}.name", lang=lang)


def pitfalls_table(lang: str | None = None) -> Styler:
    """The three pitfalls of seed 000 §6: what each looks like and what to do."""
    lang = _lang(lang)
    return _table([{_t("col.pitfall", lang): _t(f"pitfall.{code}.label", lang), _t("col.code", lang): code,
                    _t("col.looks_like", lang): _t(f"pitfall.{code}.description", lang),
                    _t("col.remedy", lang): _t(f"pitfall.{code}.remedy", lang)} for code in PITFALLS])


def pitfall_situations(lang: str | None = None) -> Styler:
    """The situations of the pitfall exercise (answer with :func:`check_pitfalls`)."""
    lang = _lang(lang)
    return _table([{_t("col.id", lang): sid, _t("col.situation", lang): _t(f"situation.{sid}", lang)}
                   for sid in PITFALL_SITUATIONS])


def coverage_table(pm: PowerMap | Case | str, lang: str | None = None) -> Styler:
    """Who we reach: each person's roles and power beside our contact lines (single-threading shows)."""
    lang = _lang(lang)
    if not isinstance(pm, PowerMap):
        pm = _case(pm).key
    rows = []
    for p in sorted(pm.stakeholders, key=lambda s: -(s.power or 0)):
        lines = pm.coverage_of(p.id)
        best = max((c.strength or 0 for c in lines), default=0)
        rows.append({_t("col.person", lang): _name(pm, p.id, lang),
                     _t("col.roles", lang): _join((vocab.label(r, "role", lang) for r in p.roles), lang),
                     vocab.kind_label("power_level", lang): p.power if p.power is not None else "?",
                     _t("col.lines", lang): len(lines),
                     _t("col.strongest", lang): vocab.label(str(best), "relationship_strength", lang) if best
                     else _t("none", lang)})
    return _table(rows)


def check_building_order(steps: Sequence[str] | None, lang: str | None = None) -> Feedback:
    """Check the seven building steps put in order (codes of :data:`PROCESS_STEPS`)."""
    lang = _lang(lang)
    title, hint = _t("order.title", lang), _t("order.where", lang)
    if _unanswered(steps):
        return _pending(title, _t("order.what", lang), hint, lang)
    expected = list(PROCESS_STEPS)
    lines, right = [], 0
    typed = list(steps)  # type: ignore[arg-type]
    chosen = [_choice(s, expected) for s in typed]
    for n, code in enumerate(expected, start=1):
        raw, given = (typed[n - 1], chosen[n - 1]) if n <= len(typed) else (None, None)
        label = _step(code, lang)
        if given == code:
            right += 1
            lines.append((_OK, _t("order.right_place", lang, n=n, step=label)))
        elif raw is not None and given is None:
            lines.append(_not_allowed(str(n), raw, expected, lang))
        else:
            shown = _step(given, lang) if given else _t("none", lang)
            lines.append((_NO, _t("order.wrong_place", lang, n=n, chosen=shown, step=label)))
    if len(chosen) > len(expected):
        lines.append((_NO, _t("order.too_many", lang, count=len(chosen), total=len(expected))))
    return _result(title, lines, right, len(expected), hint, lang)


def check_pitfalls(answers: Mapping[str, str | None] | None, lang: str | None = None) -> Feedback:
    """Check which pitfall (:data:`PITFALLS`) each situation of :func:`pitfall_situations` shows."""
    lang = _lang(lang)
    title, hint = _t("pitfalls.title", lang), _t("pitfalls.where", lang)
    if _unanswered(answers):
        return _pending(title, _t("pitfalls.what", lang), hint, lang)
    lines, right, open_count = [], 0, 0
    for sid, expected in PITFALL_SITUATIONS.items():
        raw = answers.get(sid)  # type: ignore[union-attr]
        label = _t(f"pitfall.{expected}.label", lang)
        if _unanswered(raw):
            open_count += 1
            lines.append((_OPEN, _t("item.open", lang, item=sid)))
            continue
        given = _choice(raw, PITFALLS)
        if given is None:
            lines.append(_not_allowed(sid, raw, PITFALLS, lang))
        elif given == expected:
            right += 1
            lines.append((_OK, _t("item.right", lang, item=sid, answer=label, why=_t(f"situation.{sid}.why", lang))))
        else:
            lines.append((_NO, _t("item.wrong", lang, item=sid, chosen=_t(f"pitfall.{given}.label", lang),
                                  expected=label, why=_t(f"situation.{sid}.why", lang))))
    return _result(title, lines, right, len(PITFALL_SITUATIONS), hint, lang, open_count)


def check_who_to_reach(case: Case | str, people: Sequence[str] | None, contact: str | None = None,
                       count: int = 3, lang: str | None = None) -> Feedback:
    """Check ``count`` people named (id, name or alias) to reach beyond our one friendly ``contact``.

    A person counts when the decision turns on them: power at or above the analysis
    setting ``key_power`` (default 4). Missed ones are named with the key's evidence.

    Examples
    --------
    >>> fb = check_who_to_reach("it-solution", ["Han Jing", "陆主任", "Tang Lei"], contact="xu_kai", lang="en")
    >>> fb.score, fb.lines[-1][1]
    (0.67, 'People the decision turns on that you did not name: Shen Guodong (沈国栋), Ma Lixin (马立新).')
    """
    from ..analysis.settings import config

    lang = _lang(lang)
    key = _case(case).key
    title, hint = _t("reach.title", lang), _t("reach.where", lang)
    if _unanswered(people):
        return _pending(title, _t("reach.what", lang, count=count), hint, lang)
    threshold = int(config()["key_power"])
    index = _people_index(key)
    lines, right, named = [], 0, []
    for raw in people:  # type: ignore[union-attr]
        pid = index.get(str(raw).strip().lower())
        if pid is None:
            example = _name(key, key.stakeholders[0].id, lang)
            lines.append((_NO, _t("reach.unknown", lang, value=repr(raw), example=example)))
            continue
        if pid in named:
            continue
        named.append(pid)
        p = key.stakeholder(pid)
        roles = _join((vocab.label(r, "role", lang) for r in p.roles), lang)
        evidence = p.evidence.get("power") or p.evidence.get("roles") or ""
        if pid == contact:
            lines.append((_NO, _t("reach.contact", lang, name=_name(key, pid, lang))))
        elif (p.power or 0) >= threshold:
            right += 1
            lines.append((_OK, _t("reach.key", lang, name=_name(key, pid, lang), roles=roles, power=p.power,
                                  evidence=evidence)))
        else:
            lines.append((_HALF, _t("reach.minor", lang, name=_name(key, pid, lang), roles=roles,
                                    power=p.power if p.power is not None else "?", threshold=threshold)))
    missed = [p for p in key.stakeholders if (p.power or 0) >= threshold and p.id not in named]
    if right < count and missed:
        lines.append((_INFO, _t("reach.missed", lang, names=_join((_name(key, p.id, lang) for p in missed), lang))))
    return _result(title, lines, min(right, count), count, hint, lang)
