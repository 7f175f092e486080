"""Vocabulary: every code, label, description and message, in English and Chinese.

All of it is data, in ``data/vocabulary.json`` (the domain codes of the course) and
``data/text/*.json`` (interface and message text, one file per part of the package).
Code never spells a label: it asks this module.

The language is one setting, :data:`settings` ``.language``, chosen with
:func:`set_language`; every label, message and report follows it, and open widgets observe
it (:meth:`Settings.observe`) to relabel themselves. Callers may also pass ``lang=``. It
starts as English, or as Chinese when the environment variable ``POWERMAP_LANG`` starts with
``zh`` (``make lab LANG=zh`` sets it for the course's kernels).

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

import json
import os
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import CatalogError, InvalidValue, UnknownName, use_texts

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
    "Settings",
    "TRUST_DIMENSIONS",
    "checked_language",
    "closest",
    "codes",
    "colour",
    "describe",
    "entries",
    "entry",
    "get_language",
    "kind_label",
    "label",
    "on_language_change",
    "set_language",
    "settings",
    "text",
]

LANGUAGES: tuple[str, ...] = ("en", "zh")


class Settings:
    """The toolkit's settings, one object for the whole process (:data:`settings`).

    ``language`` is the language of every label, message, report and widget. Setting it
    tells every observer (open widgets subscribe through
    ``powermap_kit.widgets._common.Listeners``), so they relabel at once.

    >>> seen = []
    >>> settings.observe(seen.append)
    >>> settings.language = "zh"; settings.language = "en"
    >>> settings.observe(seen.append, remove=True)
    >>> seen
    ['zh', 'en']
    """

    def __init__(self, language: str = "en") -> None:
        self._language = _checked_language(language)
        self._observers: list[Callable[[str], None]] = []

    @property
    def language(self) -> str:
        """``"en"`` or ``"zh"``."""
        return self._language

    @language.setter
    def language(self, lang: str) -> None:
        self._language = _checked_language(lang)
        for callback in list(self._observers):
            callback(self._language)

    def observe(self, callback: Callable[[str], None], remove: bool = False) -> None:
        """Call ``callback(language)`` after every change of language (``remove=True`` stops it)."""
        if remove:
            if callback in self._observers:
                self._observers.remove(callback)
        elif callback not in self._observers:
            self._observers.append(callback)


def _checked_language(lang: Any) -> str:
    if lang not in LANGUAGES:
        raise InvalidValue("lang", "not_one_of", lang, allowed=LANGUAGES, suggestion=closest(lang, LANGUAGES))
    return lang


def _data() -> Any:
    """The package's data folder: read as plain files when it is one (importlib.resources
    and the zip support it imports take longer to import than a command needs to start)."""
    folder = Path(__file__).with_name("data")
    if folder.is_dir():
        return folder
    from importlib import resources

    return resources.files("powermap_kit").joinpath("data")


@lru_cache(maxsize=None)
def _vocabulary() -> dict[str, Any]:
    raw = _data().joinpath("vocabulary.json").read_text("utf-8")
    kinds = json.loads(raw)["kinds"]
    return {name: {"label": k["label"], "items": {i["code"]: i for i in k["items"]}} for name, k in kinds.items()}


@lru_cache(maxsize=None)
def _texts() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    twice: list[tuple[str, str]] = []
    folder = _data().joinpath("text")
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".json"):
            for key, value in json.loads(item.read_text("utf-8")).items():
                if key in merged:
                    twice.append((item.name, key))
                merged[key] = value
    if twice:
        raise CatalogError(f"data/text/{twice[0][0]}", "text_twice", twice[0][1])
    return merged


def _lang(lang: str | None) -> str:
    return settings.language if lang is None else _checked_language(lang)


def set_language(lang: str) -> None:
    """Choose the language (``"en"`` or ``"zh"``) of every label, message and report.

    The same as ``settings.language = lang``: open widgets observing :data:`settings` relabel.
    """
    settings.language = lang


def checked_language(lang: str | None = None) -> str:
    """``lang`` when it is a language of the toolkit, else :class:`InvalidValue`; the current
    language when ``lang`` is ``None``.

    >>> checked_language("zh"), checked_language(None) in LANGUAGES
    ('zh', True)
    """
    return _lang(lang)


def get_language() -> str:
    """Return the current language code, ``"en"`` or ``"zh"``."""
    return settings.language


def on_language_change(callback: Callable[[str], None], remove: bool = False) -> None:
    """Register (or with ``remove=True`` unregister) a callback run after :func:`set_language`.

    The same as ``settings.observe(callback, remove)``.
    """
    settings.observe(callback, remove)


def entries(kind: str) -> tuple[dict[str, Any], ...]:
    """All entries of one vocabulary kind, in their defined order (raw data, both languages)."""
    return tuple(_kind(kind)["items"].values())


def _kind(kind: str) -> dict[str, Any]:
    vocab = _vocabulary()
    if kind not in vocab:
        raise UnknownName("kind", "not_one_of", kind, allowed=tuple(vocab), suggestion=closest(kind, vocab))
    return vocab[kind]


def codes(kind: str) -> tuple[str, ...]:
    """The codes of one vocabulary kind, in order: ``codes("role")``."""
    return tuple(_kind(kind)["items"])


def entry(code: str, kind: str | None = None) -> dict[str, Any]:
    """The raw entry of a code. Without ``kind`` the kinds are searched in their defined order."""
    if kind is not None:
        items = _kind(kind)["items"]
        if code not in items:
            raise UnknownName(kind, "not_one_of", code, allowed=tuple(items), suggestion=closest(code, items))
        return items[code]
    for k in _vocabulary().values():
        if code in k["items"]:
            return k["items"][code]
    raise UnknownName("code", "unknown_code", code)


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
    texts = _texts()
    if key not in texts:
        raise UnknownName("text", "unknown_text", key)
    template = texts[key][_lang(lang)]
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
    import difflib  # here: only a bad value needs it

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

use_texts(text, closest)
settings = Settings("zh" if os.environ.get("POWERMAP_LANG", "").lower().startswith("zh") else "en")
"""The one :class:`Settings` object of the process."""
