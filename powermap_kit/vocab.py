"""Vocabulary: every code, label, description and message, in English and Chinese.

All of it is data, in ``data/vocabulary.json`` (the domain codes of the course) and
``data/text/*.json`` (interface and message text, one file per part of the package).
Code never spells a label: it asks this module.

The language is chosen once with :func:`set_language`; every label, message, report and
widget follows it. Callers may also pass ``lang=`` explicitly. Until then it is English, or
Chinese when the environment variable ``POWERMAP_LANG`` starts with ``zh`` (``make lab LANG=zh``
sets it for the course's kernels).

Examples
--------
>>> from powermap_kit import vocab
>>> vocab.label("approver", lang="zh")
'决策审批者'
>>> vocab.codes("stance")
('unknown', 'oppose', 'neutral', 'support', 'champion')
>>> vocab.text("problem.required", lang="en")
'is required'
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "CHANNELS",
    "DECISION_MODES",
    "FRAMEWORKS",
    "KINDS",
    "LANGUAGES",
    "MOTIVES",
    "NEEDS",
    "ORG_TRUST",
    "POWER_LEVELS",
    "RELATIONSHIP_STEPS",
    "RELATIONSHIP_TYPES",
    "ROLES",
    "STAGES",
    "STANCES",
    "SUPPORT_DIMENSIONS",
    "TRUST_DIMENSIONS",
    "closest",
    "codes",
    "colour",
    "describe",
    "entry",
    "entries",
    "get_language",
    "kind_label",
    "label",
    "on_language_change",
    "set_language",
    "text",
]

LANGUAGES: tuple[str, ...] = ("en", "zh")
_state: dict[str, Any] = {"lang": "zh" if os.environ.get("POWERMAP_LANG", "").lower().startswith("zh") else "en",
                          "listeners": []}


@lru_cache(maxsize=None)
def _vocabulary() -> dict[str, Any]:
    raw = resources.files("powermap_kit").joinpath("data/vocabulary.json").read_text("utf-8")
    kinds = json.loads(raw)["kinds"]
    return {name: {"label": k["label"], "items": {i["code"]: i for i in k["items"]}} for name, k in kinds.items()}


@lru_cache(maxsize=None)
def _texts() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    folder = resources.files("powermap_kit").joinpath("data/text")
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".json"):
            for key, value in json.loads(item.read_text("utf-8")).items():
                if key in merged:
                    raise RuntimeError(f"text key {key!r} is defined twice ({item.name})")
                merged[key] = value
    return merged


def _lang(lang: str | None) -> str:
    lang = lang or _state["lang"]
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
    return lang


def set_language(lang: str) -> None:
    """Choose the language (``"en"`` or ``"zh"``) of every label, message and report.

    Open widgets registered with :func:`on_language_change` are told, so they relabel.
    """
    _state["lang"] = _lang(lang)
    for callback in list(_state["listeners"]):
        callback(_state["lang"])


def get_language() -> str:
    """Return the current language code, ``"en"`` or ``"zh"``."""
    return _state["lang"]


def on_language_change(callback: Callable[[str], None], remove: bool = False) -> None:
    """Register (or with ``remove=True`` unregister) a callback run after :func:`set_language`."""
    listeners: list = _state["listeners"]
    if remove:
        if callback in listeners:
            listeners.remove(callback)
    elif callback not in listeners:
        listeners.append(callback)


def entries(kind: str) -> tuple[dict[str, Any], ...]:
    """All entries of one vocabulary kind, in their defined order (raw data, both languages)."""
    return tuple(_kind(kind)["items"].values())


def _kind(kind: str) -> dict[str, Any]:
    vocab = _vocabulary()
    if kind not in vocab:
        raise KeyError(f"vocabulary kind {kind!r} is not one of {', '.join(vocab)}")
    return vocab[kind]


def codes(kind: str) -> tuple[str, ...]:
    """The codes of one vocabulary kind, in order: ``codes("role")``."""
    return tuple(_kind(kind)["items"])


def entry(code: str, kind: str | None = None) -> dict[str, Any]:
    """The raw entry of a code. Without ``kind`` the kinds are searched in their defined order."""
    if kind is not None:
        items = _kind(kind)["items"]
        if code not in items:
            raise KeyError(f"{code!r} is not a {kind} code (one of {', '.join(items)})")
        return items[code]
    for k in _vocabulary().values():
        if code in k["items"]:
            return k["items"][code]
    raise KeyError(f"{code!r} is not a code of any vocabulary")


def label(code: str | int, kind: str | None = None, lang: str | None = None) -> str:
    """The label of a code in the current (or given) language.

    >>> label("support", "stance", lang="en")
    'Supports us'
    """
    return entry(str(code), kind)["label"][_lang(lang)]


def describe(code: str | int, kind: str | None = None, lang: str | None = None) -> str:
    """The one-line description of a code in the current (or given) language."""
    return entry(str(code), kind)["description"][_lang(lang)]


def kind_label(kind: str, lang: str | None = None) -> str:
    """The label of a vocabulary kind itself, e.g. ``"Buying role"`` / ``"角色"``."""
    return _kind(kind)["label"][_lang(lang)]


def colour(stance: str | None) -> str:
    """The colour of a stance (``None`` counts as unknown)."""
    return entry(stance or "unknown", "stance")["colour"]


def text(key: str, lang: str | None = None, **params: Any) -> str:
    """An interface or message text by key, formatted with ``params``.

    >>> text("problem.out_of_range", lang="en", value=7, low=1, high=5)
    '7 is not a whole number from 1 to 5'
    """
    try:
        template = _texts()[key][_lang(lang)]
    except KeyError:
        raise KeyError(f"no text {key!r}") from None
    return template.format(**params) if params else template


def closest(value: object, allowed: Iterable[str], kind: str | None = None) -> str | None:
    """The allowed code closest to ``value``, or ``None``: for "did you mean" hints.

    A label in either language also finds its code: ``closest("决策者", codes("role"), "role")``
    gives ``"decision_maker"``.
    """
    allowed = list(allowed)
    if not isinstance(value, str):
        return None
    folded = value.strip().lower().replace(" ", "_").replace("-", "_")
    if folded in allowed:
        return folded
    if kind is not None:
        for item in entries(kind):
            if any(value.strip().lower() == lab.lower() for lab in item["label"].values()):
                return item["code"]
    found = difflib.get_close_matches(folded, allowed, n=1, cutoff=0.6)
    return found[0] if found else None


ROLES = codes("role")
STANCES = codes("stance")
SUPPORT_DIMENSIONS = codes("support_dimension")
POWER_LEVELS = tuple(int(c) for c in codes("power_level"))
STAGES = codes("stage")
DECISION_MODES = codes("decision_mode")
RELATIONSHIP_TYPES = codes("relationship_type")
CHANNELS = codes("channel")
TRUST_DIMENSIONS = codes("trust_dimension")
ORG_TRUST = codes("org_trust")
RELATIONSHIP_STEPS = codes("relationship_step")
NEEDS = codes("need")
MOTIVES = codes("motive")
FRAMEWORKS = codes("framework")
KINDS = tuple(_vocabulary())
