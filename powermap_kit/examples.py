"""Small teaching examples: invented customers the early modules teach with, and their checks.

Modules 00–04 must not show a case's answer key before the learner has mapped that case,
so they teach with maps of their own: a few people each, in both languages (the ``i18n``
addition to the format; plain fields in Chinese), shipped in ``data/examples/``. Each
example is a complete map — roles, power, stance, evidence, the deal's stage and decision
mode — so its checks can explain the answer in full after the learner has answered. None
has a ``grading`` section: they are teaching material, not answer keys.

>>> sorted(n for n in example_names() if not n[:1].isdigit())   # modules 05-09 add their own, numbered
['hengtai', 'lanjiang', 'qingshan', 'yunfan']
>>> pm = load_example("qingshan", lang="zh")
>>> len(pm), pm.stakeholder("shao_wenhua").title
(7, '总经理')
>>> check_deal("yunfan", "stage", "evaluating", lang="en").correct
False
>>> check_reach("yunfan", ["ke_lin"], contact="xie_xiaodong", lang="en").status
'partly'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from . import vocab
from .course import Result
from .course._base import choice, join, lang_of, not_allowed, pending, roles_text, t, tally, unanswered
from .course.questions import sentence
from .course.result import following
from .errors import UnknownName
from .model import PowerMap

__all__ = ["check_deal", "check_framework_filing", "check_reach", "example_names", "filing_options", "load_example",
           "pitfall_options", "situation_items", "step_items"]

_PARTS = ("account", "opportunity", "stakeholders", "relationships", "coverage")


def _x(key: str, lang: str, **params: Any) -> str:
    return vocab.text(f"examples.{key}", lang=lang, **params)


@lru_cache(maxsize=None)
def _files() -> dict[str, str]:
    folder = resources.files("powermap_kit").joinpath("data/examples")
    return {f.name[:-5]: f.read_text("utf-8") for f in folder.iterdir() if f.name.endswith(".json")}


def example_names() -> list[str]:
    """The names of the teaching examples shipped with the package."""
    return sorted(_files())


def _strip_i18n(data: dict[str, Any]) -> None:
    for part in _PARTS:
        value = data.get(part)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                item.pop("i18n", None)


def load_example(name: str, lang: str | None = None) -> PowerMap:
    """A teaching example as a map to show in ``lang`` (default: the current language).

    Titles, departments, needs, evidence and names are in that language (English readers
    get "Shao Wenhua (邵文华)"); ids and codes are the same in both, so answers given in one
    language check in the other. The map is a fresh copy: change it freely.

    Raises
    ------
    UnknownName
        ``name`` is not one of :func:`example_names` (the message names them).
    """
    files = _files()
    if name not in files:
        raise UnknownName("example", "not_one_of", name, allowed=tuple(sorted(files)),
                          suggestion=vocab.closest(name, sorted(files)))
    data = json.loads(files[name])
    try:
        from .localize import localized_map
    except ImportError:  # pragma: no cover - before bilingual map data landed: the plain (Chinese) text
        pass
    else:
        data = localized_map(data, lang_of(lang))
    _strip_i18n(data)  # already in the reader's language: nothing left to swap a second time
    return PowerMap.from_dict(data, copy=False)


def _name(pm: PowerMap) -> str:
    return pm.account.name if pm.account and pm.account.name else ""


def check_reach(name: str, picks: Iterable[str] | None, contact: str | None = None, count: int = 3,
                lang: str | None = None) -> Result:
    """Check ``count`` people picked (ids) as those the example's decision turns on, beyond ``contact``.

    A person counts when their power reaches the analysis setting ``key_power`` (4). Every
    pick is explained with the person's roles, power and the evidence behind the power.
    """
    from .analysis.settings import config

    def build(lg: str) -> Result:
        pm = load_example(name, lg)
        title, hint = t("reach.title", lg), _x("reach.where", lg)
        chosen = [p for p in ([picks] if isinstance(picks, str) else list(picks or ())) if not unanswered(p)]
        if not chosen:
            return pending(title, _x("reach.what", lg, count=count), hint, lg)
        threshold = int(config()["key_power"])
        lines: list[tuple[str, str]] = []
        right = 0
        for pid in dict.fromkeys(chosen):
            person = pm.get(str(pid))
            if person is None:
                lines.append(not_allowed(_name(pm), pid, pm.ids, lg))
            elif pid == contact:
                lines.append(("wrong", t("reach.contact", lg, name=person.name)))
            elif (person.power or 0) >= threshold:
                right += 1
                lines.append(("right", t("reach.key", lg, name=person.name, roles=roles_text(person.roles, lg),
                                         power=person.power, evidence=sentence(why, lg) if (why := person.evidence.get("power")) else "")))
            else:
                lines.append(("partly", t("reach.minor", lg, name=person.name, roles=roles_text(person.roles, lg),
                                          power=person.power, threshold=threshold)))
        if len(chosen) > count:
            lines.append(("wrong", _x("reach.too_many", lg, given=len(chosen), count=count)))
        missed = [p.name for p in pm.stakeholders if (p.power or 0) >= threshold and p.id not in chosen]
        if missed and right < count:
            lines.append(("info", t("reach.missed", lg, names=join(missed, lg))))
        return tally(title, lines, min(right, count) - max(0, len(chosen) - count), count, hint, lg,
                     record={"example": name, "answer": chosen})

    return following(build, lang)


def check_deal(name: str, field: str, answer: str | None, lang: str | None = None) -> Result:
    """Check the buying stage (``field="stage"``) or decision mode (``"decision_mode"``) of an example's deal.

    Right or wrong, the result explains the answer with the example's evidence and what
    the chosen value would have looked like.
    """
    from .course.stages import choice_result

    if field not in ("stage", "decision_mode"):
        raise UnknownName("field", "not_one_of", field, allowed=("stage", "decision_mode"))

    def build(lg: str) -> Result:
        pm = load_example(name, lg)
        allowed = vocab.codes(field)
        title, hint = _x(f"deal.{field}.title", lg, name=_name(pm)), _x(f"deal.{field}.where", lg)
        if unanswered(answer):
            return pending(title, _x("deal.what", lg), hint, lg)
        opp = pm.opportunity
        expected = getattr(opp, field)
        evidence = (opp.extra.get("evidence") or {}).get(field, "")
        r = choice_result(field, field, answer, expected, [_x("deal.evidence", lg, evidence=evidence)] if evidence else [],
                          lg, allowed)
        return Result(r.status, r.score, title, r.message, r.lines, hint, lg, dict(r.record, example=name))

    return following(build, lang)


def filing_options(framework: str) -> dict[str, dict[str, str]]:
    """The answers of :func:`check_framework_filing` as exercise options: term → label in both languages.

    >>> list(filing_options("miller_heiman"))
    ['economic_buyer', 'technical_buyer', 'user_buyer', 'coach', 'none']
    """
    fw = vocab.entry(framework, "framework")
    out = {term["term"]: {lg: term["label"][lg] if "label" in term else vocab.label(term["term"], "role", lg)
                          for lg in vocab.LANGUAGES} for term in fw["roles"]}
    out["none"] = {lg: _x("filing.none", lg) for lg in vocab.LANGUAGES}
    return out


def situation_items() -> dict[str, dict[str, str]]:
    """The situations of the pitfall exercise (:func:`~powermap_kit.course.check_pitfalls`) as exercise items."""
    from .course import PITFALL_SITUATIONS

    return {sid: {lg: t(f"situation.{sid}", lg) for lg in vocab.LANGUAGES} for sid in PITFALL_SITUATIONS}


def step_items(seed: int = 1) -> dict[str, dict[str, str]]:
    """The seven building steps (:func:`~powermap_kit.course.check_building_order`) mixed up, for an order exercise.

    The same ``seed`` gives the same order; it is never already the right one.

    >>> from powermap_kit.course import PROCESS_STEPS
    >>> list(step_items()) != list(PROCESS_STEPS) and sorted(step_items()) == sorted(PROCESS_STEPS)
    True
    """
    import random

    from .course import PROCESS_STEPS

    codes = list(PROCESS_STEPS)
    rng = random.Random(seed)
    while codes == list(PROCESS_STEPS):
        rng.shuffle(codes)
    return {code: {lg: t(f"step.{code}.name", lg) for lg in vocab.LANGUAGES} for code in codes}


def pitfall_options() -> dict[str, dict[str, str]]:
    """The three pitfalls as exercise options: code → label in both languages."""
    from .course import PITFALLS

    return {code: {lg: t(f"pitfall.{code}.label", lg) for lg in vocab.LANGUAGES} for code in PITFALLS}


def check_framework_filing(framework: str, answer: Mapping[str, str | None] | None,
                           lang: str | None = None) -> Result:
    """Check each canonical role filed under one term of another framework (role → term code, or ``"none"``).

    The direction a seller needs in practice: "our roles, in the CRM's words". A role no
    term of the framework covers is filed under ``"none"``. Terms that are not roles (a
    stance such as the blocker, the coach flag) are explained at the end.
    """
    fw = vocab.entry(framework, "framework")
    terms = {term["term"]: term for term in fw["roles"]}
    allowed = [*terms, "none"]

    def label(code: str, lg: str) -> str:
        term = terms.get(code)
        if term is None:
            return _x("filing.none", lg)
        return term["label"][lg] if "label" in term else vocab.label(code, "role", lg)

    def build(lg: str) -> Result:
        title, hint = _x("filing.title", lg, framework=fw["label"][lg]), _x("filing.where", lg)
        if unanswered(answer) or not isinstance(answer, Mapping):
            return pending(title, _x("filing.what", lg), hint, lg)
        lines: list[tuple[str, str]] = []
        right = open_count = 0
        for role in vocab.ROLES:
            role_label = vocab.label(role, "role", lg)
            home = [code for code, term in terms.items() if role in term["roles"]] or ["none"]
            raw = answer.get(role)
            if unanswered(raw):
                open_count += 1
                lines.append(("unanswered", t("item.open", lg, item=role_label)))
                continue
            got = choice(raw, allowed)
            if got is None:
                lines.append(not_allowed(role_label, raw, allowed, lg))
            elif got in home:
                right += 1
                lines.append(("right", _x("filing.right", lg, role=role_label, term=label(got, lg))))
            else:
                lines.append(("wrong", _x("filing.wrong", lg, role=role_label, chosen=label(got, lg),
                                          term=join((label(h, lg) for h in home), lg))))
        for code, term in terms.items():
            if term.get("stance"):
                lines.append(("info", _x("filing.stance", lg, term=label(code, lg),
                                         stance=vocab.label(term["stance"], "stance", lg))))
            elif term.get("coach"):
                lines.append(("info", _x("filing.coach", lg, term=label(code, lg))))
        return tally(title, lines, right, len(vocab.ROLES), hint, lg, open_count,
                     record={"framework": framework, "answer": dict(answer)})

    return following(build, lang)
