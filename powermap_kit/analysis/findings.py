"""Findings as data, rendered in either language only when shown.

A :class:`Msg` is a text key (``data/text/analysis.json``) with parameters. Parameters
may be plain values, :class:`Label` (a vocabulary code shown as its label), :class:`Labels`
or :class:`Names` (a list joined the way the language joins lists), so one finding reads
naturally in English and Chinese and names the people concerned.

>>> m = Msg("analysis.level.explain", {"mean": 2.5, "score": 37.5, "level": Label("neutral", "stance")})
>>> m.render("en")
'weighted mean 2.50 on the 1–5 scale = 37.5 of 100 → Neutral'
>>> Names(("王伟", "Li Na")).render("zh")
'王伟、Li Na'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .. import vocab

__all__ = ["SEVERITIES", "Label", "Labels", "Localised", "Msg", "Names", "Parts", "Risk", "join"]

SEVERITIES: tuple[str, ...] = ("high", "medium", "low")


def join(items: Iterable[str], lang: str | None = None) -> str:
    """Join words the way the language lists them (", " / "、")."""
    return vocab.text("analysis.list_sep", lang=lang).join(items)


@dataclass(frozen=True)
class Label:
    """A vocabulary code, shown as its label."""

    code: str
    kind: str

    def render(self, lang: str | None = None) -> str:
        return vocab.label(self.code, self.kind, lang)


@dataclass(frozen=True)
class Labels:
    """Several codes of one kind, shown as a list of labels."""

    codes: tuple[str, ...]
    kind: str

    def render(self, lang: str | None = None) -> str:
        return join((vocab.label(c, self.kind, lang) for c in self.codes), lang)


@dataclass(frozen=True)
class Names:
    """People's names (user text), shown as a list."""

    names: tuple[str, ...]

    def render(self, lang: str | None = None) -> str:
        return join(self.names, lang)


@dataclass(frozen=True)
class Parts:
    """Several sentences or phrases, joined with the language's list separator."""

    parts: tuple[Any, ...]

    def render(self, lang: str | None = None) -> str:
        return join((_show(p, lang) for p in self.parts), lang)


@dataclass(frozen=True)
class Localised:
    """Text that already exists in both languages (e.g. a vocabulary field): ``{"en": ..., "zh": ...}``."""

    values: dict[str, str]

    def render(self, lang: str | None = None) -> str:
        return self.values[lang or vocab.get_language()]


@dataclass(frozen=True)
class Msg:
    """A text key and its parameters; :meth:`render` gives the sentence in a language."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        return vocab.text(self.key, lang=lang, **{k: _show(v, lang) for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.render()


def _show(value: Any, lang: str | None) -> Any:
    if isinstance(value, (Label, Labels, Localised, Names, Msg, Parts)):
        return value.render(lang)
    return value


@dataclass(frozen=True)
class Risk:
    """One risk: a stable ``code``, a ``severity`` (high, medium, low), the people it
    concerns, a specific message and a suggested action.

    The rule's teaching text (why it matters, which seed) is ``analysis.risk.<code>.teaching``.
    """

    code: str
    severity: str
    stakeholders: tuple[str, ...]
    message: Msg
    action: Msg

    def title(self, lang: str | None = None) -> str:
        return vocab.text(f"analysis.risk.{self.code}.title", lang=lang)

    def teaching(self, lang: str | None = None) -> str:
        return vocab.text(f"analysis.risk.{self.code}.teaching", lang=lang)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "title": self.title(lang),
            "stakeholders": list(self.stakeholders),
            "message": self.message.render(lang),
            "action": self.action.render(lang),
            "teaching": self.teaching(lang),
        }
