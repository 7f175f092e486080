"""Text of a map in the reader's language: the ``i18n`` addition to the file format.

Any object in a map (account, opportunity, stakeholder, relationship, coverage entry, key
insight) may carry ``"i18n": {"en": {field: text}, "zh": {field: text}}``. The plain field
keeps one language (the case's main text); ``i18n`` holds the field in other languages. For
``evidence`` the entry is nested by evidence key::

    {"id": "shen", "name": "沈国栋", "title": "集团总经理",
     "evidence": {"stance": "文档01：……"},
     "i18n": {"en": {"name": "Shen Guodong", "title": "President",
                     "evidence": {"stance": "doc 01: ..."}}}}

Files without ``i18n`` work unchanged: every function falls back to the plain field. The
functions read model objects (:class:`~powermap_kit.model.Stakeholder` and the others keep
``i18n`` in ``extra``) and plain ``dict`` data alike.

>>> shen = {"name": "沈国栋", "title": "集团总经理", "i18n": {"en": {"name": "Shen Guodong", "title": "President"}}}
>>> text(shen, "title", "en"), text(shen, "title", "zh")
('President', '集团总经理')
>>> person_name(shen, "en"), person_name(shen, "zh")
('Shen Guodong (沈国栋)', '沈国栋')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from . import vocab

__all__ = ["i18n_of", "text", "texts", "person_name", "names", "localized_map", "has_cjk"]

# text fields of each part of a map that ``localized_map`` swaps for the reader's language
_FIELDS: dict[str, tuple[str, ...]] = {
    "account": ("name", "industry"),
    "opportunity": ("name", "competitors"),
    "stakeholders": ("title", "department", "needs", "motives", "preferred_vendor", "notes"),
    "relationships": ("note",),
    "coverage": ("owner",),
}


def has_cjk(value: str) -> bool:
    """Whether a text holds Chinese, Japanese or Korean characters.

    >>> has_cjk("沈国栋"), has_cjk("Shen Guodong"), has_cjk("Ｓｈｅｎ")
    (True, False, False)
    """
    return _CJK(value) is not None


_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]").search


def i18n_of(obj: Any) -> Mapping[str, Any]:
    """The ``i18n`` entry of a model object or a dict (empty when there is none or it is malformed).

    >>> i18n_of({"i18n": {"en": {"title": "CIO"}}})
    {'en': {'title': 'CIO'}}
    >>> i18n_of({"i18n": "oops"}), i18n_of(None)
    ({}, {})
    """
    if obj is None:
        return {}
    if _mapping(obj):
        found = obj.get("i18n")
    else:
        found = (getattr(obj, "extra", None) or {}).get("i18n")
    return found if _mapping(found) else {}


def _mapping(value: Any) -> bool:
    # A dict is by far the commonest case, then a map's records: both much quicker to
    # recognise than a Mapping (whose check is worked out once per type).
    kind = type(value)
    if kind is dict:
        return True
    known = _MAPPING_TYPES.get(kind)
    if known is None:
        known = _MAPPING_TYPES[kind] = isinstance(value, Mapping)
    return known


_MAPPING_TYPES: dict[type, bool] = {type(None): False, str: False, list: False}


def _plain(obj: Any, field: str) -> Any:
    if _mapping(obj):
        return obj.get(field)
    return getattr(obj, field, None)


def _dig(value: Any, path: list[str]) -> Any:
    for part in path:
        if not _mapping(value):
            return None
        value = value.get(part)
    return value


def text(obj: Any, field: str, lang: str | None = None, default: Any = None) -> Any:
    """The value of ``field`` in language ``lang`` (default: the current language).

    ``field`` may be dotted to reach into a nested field, e.g. ``"evidence.stance"``. The
    translation in ``i18n[lang]`` wins when present and non-empty; otherwise the plain field
    is returned (``default`` when that is missing too). Lists (``needs``) are returned as
    lists.

    >>> p = {"needs": ["稳定上线"], "evidence": {"stance": "文档01"},
    ...      "i18n": {"en": {"needs": ["a stable go-live"], "evidence": {"stance": "doc 01"}}}}
    >>> text(p, "needs", "en"), text(p, "evidence.stance", "en"), text(p, "evidence.stance", "zh")
    (['a stable go-live'], 'doc 01', '文档01')
    >>> text(p, "notes", "en", default="")
    ''
    """
    lang = lang or vocab.get_language()
    path = field.split(".")
    translated = _dig(i18n_of(obj).get(lang), path)
    if translated not in (None, "", [], {}):
        return translated
    value = _dig(_plain(obj, path[0]), path[1:]) if len(path) > 1 else _plain(obj, field)
    return default if value is None else value


def person_name(person: Any, lang: str | None = None, aliases: Iterable[str] = ()) -> str:
    """A person's name for readers of ``lang``.

    Chinese readers get the Chinese name alone ("沈国栋"); English readers get the Latin
    name with the Chinese in brackets ("Shen Guodong (沈国栋)"). The Latin name comes from
    ``i18n.en.name``, else from the first ASCII entry of ``aliases`` (an answer key's
    ``grading.aliases`` for the person); a name that is already Latin is shown as it is.

    >>> person_name({"name": "韩静"}, "en", aliases=["Director Han", "韩总"])
    'Director Han (韩静)'
    >>> person_name({"name": "Anna Li", "i18n": {"zh": {"name": "李安娜"}}}, "zh")
    '李安娜'
    >>> person_name({"name": "Anna Li"}, "en")
    'Anna Li'
    """
    lang = lang or vocab.get_language()
    name = str(_plain(person, "name") or "")
    i18n = i18n_of(person)
    if lang == "en":
        if not has_cjk(name):
            return name
        latin = _dig(i18n.get("en"), ["name"])
        if not isinstance(latin, str) or not latin.strip() or has_cjk(latin):
            latin = next((a for a in aliases if isinstance(a, str) and a.isascii() and a.strip()), None)
        return f"{latin.strip()} ({name})" if latin else name
    own = _dig(i18n.get(lang), ["name"])
    return own.strip() if isinstance(own, str) and own.strip() else name


def texts(obj: Any, field: str) -> dict[str, str]:
    """:func:`text` in every language (lists joined as the language lists them), for messages rendered later.

    >>> texts({"needs": ["稳定", "省钱"], "i18n": {"en": {"needs": ["stability", "cost"]}}}, "needs")
    {'en': 'stability; cost', 'zh': '稳定；省钱'}
    """
    out = {}
    for lang in vocab.LANGUAGES:
        value = text(obj, field, lang, "")
        out[lang] = ("；" if lang == "zh" else "; ").join(value) if isinstance(value, list) else str(value)
    return out


def names(person: Any, aliases: Iterable[str] = ()) -> dict[str, str]:
    """:func:`person_name` in every language, for messages rendered later in either.

    >>> names({"name": "沈国栋", "i18n": {"en": {"name": "Shen Guodong"}}})
    {'en': 'Shen Guodong (沈国栋)', 'zh': '沈国栋'}
    """
    return {lang: person_name(person, lang, aliases) for lang in vocab.LANGUAGES}


def _swap(data: dict[str, Any], fields: tuple[str, ...], lang: str) -> None:
    for field in fields:
        value = text(data, field, lang)
        if value is not None:
            data[field] = value
    evidence = data.get("evidence")
    if isinstance(evidence, dict):
        data["evidence"] = {k: text(data, f"evidence.{k}", lang, default=v) for k, v in evidence.items()}


def localized_map(pm: Any, lang: str | None = None, names: bool = True, copy: bool = True) -> Any:
    """A copy of a map whose text fields are in ``lang``, for display.

    Titles, departments, needs, notes, evidence, coverage owners, relationship notes and the
    account's and opportunity's names take their ``i18n`` text; with ``names`` each person's
    name becomes :func:`person_name` (using the key's aliases when the map has a grading
    section). Ids, codes and numbers stay as they are, so the copy is for showing only: match
    and grade on the original. With ``copy=False`` a map that reads the same in ``lang`` (no
    ``i18n`` anywhere, no Latin alias for a Chinese name) is returned itself: for drawing,
    which only reads, and for which copying a large map costs more than the drawing.

    >>> from powermap_kit import PowerMap
    >>> pm = PowerMap.from_dict({"format": "powermap/1", "stakeholders": [
    ...     {"id": "s", "name": "沈国栋", "title": "集团总经理", "i18n": {"en": {"name": "Shen Guodong", "title": "President"}}}]})
    >>> en = localized_map(pm, "en").stakeholders[0]
    >>> en.name, en.title, pm.stakeholders[0].title
    ('Shen Guodong (沈国栋)', 'President', '集团总经理')
    """
    from .model import PowerMap

    lang = lang or vocab.get_language()
    if not copy and isinstance(pm, PowerMap) and _reads_the_same(pm, lang, names):
        return pm
    data = pm.to_dict() if isinstance(pm, PowerMap) else dict(pm)
    aliases = ((data.get("grading") or {}).get("aliases") or {}) if isinstance(data.get("grading"), dict) else {}
    for part, fields in _FIELDS.items():
        value = data.get(part)
        items = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
        for item in items:
            if isinstance(item, dict):
                _swap(item, fields, lang)
                if names and part == "stakeholders":
                    item["name"] = person_name(item, lang, aliases.get(item.get("id"), ()))
    return PowerMap.from_dict(data, validate=False) if isinstance(pm, PowerMap) else data


def _reads_the_same(pm: Any, lang: str, names: bool) -> bool:
    """Whether :func:`localized_map` would change no text of ``pm`` (a PowerMap)."""
    if any(i18n_of(obj) for part in (pm.stakeholders, pm.relationships, pm.coverage) for obj in part):
        return False
    if i18n_of(pm.account) or i18n_of(pm.opportunity):
        return False
    if names and lang == "en":
        grading = pm.grading if isinstance(pm.grading, dict) else {}
        found = grading.get("aliases")
        aliases: dict[str, Any] = found if isinstance(found, dict) else {}
        for person in pm.stakeholders:
            if aliases.get(person.id) and has_cjk(person.name) and person_name(person, lang, aliases[person.id]) != person.name:
                return False
    return True
