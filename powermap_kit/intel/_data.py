"""The intelligence data files, read once: ``data/questions.json`` and ``data/title_rules.json``.

Both are data a trainer may edit; the code only knows their shape. Every code here
(sections, channels, methods, who to ask) has its label in ``data/text/intel.json``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import vocab
from ..errors import InvalidValue

__all__ = ["ASKS", "CHANNELS", "METHODS", "SECTIONS", "checks", "questions_data", "rules_data", "t"]

SECTIONS: tuple[str, ...] = ("basics", "chain", "personal", "needs", "support", "competitors", "coach")
"""Seed 003 unit 1's kinds of intelligence, in its order (情报包含的内容) plus the coach (教练)."""

CHANNELS: tuple[str, ...] = ("internal_coach", "internal_sources", "cv", "former_customer_staff",
                             "former_competitor_staff", "allied_customers", "public_sources")
"""Where intelligence comes from: seed 003's six channels (获取情报的渠道) and seed 002's public sources."""

METHODS: tuple[str, ...] = ("interview", "questionnaire", "observation", "data_analysis")
"""Seed 001's four methods (访谈法, 问卷调查, 观察法, 数据分析)."""

ASKS: tuple[str, ...] = ("self", "insider", "team", "observe")
"""Whom a question is for: the person, an insider such as the coach, our own team and records, or a thing to watch."""


def _read(name: str) -> dict[str, Any]:
    return json.loads(resources.files("powermap_kit").joinpath(f"data/{name}").read_text("utf-8"))


@lru_cache(maxsize=1)
def questions_data() -> dict[str, Any]:
    """``data/questions.json`` as parsed (checks and questions), checked for unknown codes."""
    data = _read("questions.json")
    ids = set()
    for check in data["checks"]:
        _expect(check["section"], SECTIONS, f"questions.json checks[{check['id']}].section")
        for channel in check["channels"]:
            _expect(channel, CHANNELS, f"questions.json checks[{check['id']}].channels")
        ids.add(check["id"])
    for q in data["questions"]:
        place = f"questions.json questions[{q['id']}]"
        _expect(q["check"], ids, f"{place}.check")
        _expect(q["method"], METHODS, f"{place}.method")
        _expect(q["ask"], ASKS, f"{place}.ask")
        for role in q["roles"]:
            _expect(role, ("any", *vocab.ROLES), f"{place}.roles")
    return data


@lru_cache(maxsize=1)
def rules_data() -> dict[str, Any]:
    """``data/title_rules.json`` as parsed, checked for unknown role and stance codes."""
    data = _read("title_rules.json")
    for rule in data["titles"]:
        for role in rule["roles"]:
            _expect(role, vocab.ROLES, f"title_rules.json titles[{rule['id']}].roles")
    for stance in data["stance"]["words"]:
        _expect(stance, vocab.STANCES, "title_rules.json stance.words")
    return data


def checks() -> dict[str, dict[str, Any]]:
    """Every checklist item by id, in the file's order."""
    return {c["id"]: c for c in questions_data()["checks"]}


def _expect(value: str, allowed: Any, place: str) -> None:
    allowed = list(allowed)
    if value not in allowed:
        raise InvalidValue(place, "not_one_of", value, allowed=tuple(allowed), suggestion=vocab.closest(value, allowed))


def t(key: str, lang: str | None = None, **params: Any) -> str:
    """An ``intel.*`` text in the current (or given) language."""
    return vocab.text(f"intel.{key}", lang=lang, **params)
