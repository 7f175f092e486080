"""Deductions: what a submission lost, why, and which notebook teaches it.

A :class:`Deduction` holds its facts as data (codes, names, numbers) and renders a
sentence in either language on demand, so a result graded in English can be shown in
Chinese without grading again. Sentences live in ``data/text/grading.json``
(``grading.fb.*``); the notebook to revisit is named by ``grading.notebook.*``.

>>> item = Deduction("roles", "roles", 5.0, {"name": "Qian Hao", "given": Coded("roles", ["decision_maker"]),
...                 "expected": Coded("roles", ["evaluator"])}, notebook="04")
>>> print(item.text("en"))
You marked Qian Hao as “Decision maker”; the key has “Evaluator” — revisit notebook 04, decision chain
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from .. import localize, vocab
from ..diff import line_text, value_text

if TYPE_CHECKING:
    from .key import AnswerKey, Insight

__all__ = ["Coded", "Deduction", "KeyName", "KeyTitle", "Line", "Summary"]


class Coded(NamedTuple):
    """A field value shown as its label (roles, stance, stage, decision mode) or number.

    Like :class:`Line`, a named tuple: sentences are cached by their parameters, and a
    tuple is hashed and compared without a call into Python (a cohort makes thousands).
    """

    field: str
    value: Any

    def render(self, lang: str | None) -> str:
        value = tuple(self.value) if isinstance(self.value, list) else self.value
        return _value_text(self.field, value, lang or vocab.get_language())


@dataclass(frozen=True)
class KeyName:
    """A key person's name, with the Latin alias first in English."""

    key: AnswerKey
    id: str

    def __hash__(self) -> int:  # the key by identity: an AnswerKey is not hashable
        return hash((id(self.key), self.id))

    def render(self, lang: str | None) -> str:
        return self.key.rendered(("name", self.id, lang or vocab.get_language()),
                                 lambda: self.key.display_name(self.id, lang))


@dataclass(frozen=True)
class KeyTitle:
    """A key person's title in the reader's language (the key's ``i18n`` text when it has one)."""

    key: AnswerKey
    id: str

    def __hash__(self) -> int:  # the key by identity: an AnswerKey is not hashable
        return hash((id(self.key), self.id))

    def render(self, lang: str | None) -> str:
        return str(localize.text(self.key.map.stakeholder(self.id), "title", lang or vocab.get_language(), ""))


class Line(NamedTuple):
    """A relationship between two named people."""

    source: Any
    target: Any
    type: str

    def render(self, lang: str | None) -> str:
        return line_text(_render(self.source, lang), _render(self.target, lang), self.type, lang)


@dataclass(frozen=True)
class Summary:
    """What the key says about a person: roles, power, stance, coach."""

    key: AnswerKey
    id: str

    def __hash__(self) -> int:  # the key by identity: an AnswerKey is not hashable
        return hash((id(self.key), self.id))

    def render(self, lang: str | None) -> str:
        return self.key.rendered(("summary", self.id, lang or vocab.get_language()), lambda: self._render(lang))

    def _render(self, lang: str | None) -> str:
        person = self.key.map.stakeholder(self.id)
        parts = []
        if person.roles:
            parts.append(value_text("roles", person.roles, lang))
        if person.power is not None:
            parts.append(vocab.text("grading.summary.power", lang=lang, power=person.power))
        if person.stance is not None:
            parts.append(vocab.text("grading.summary.stance", lang=lang,
                                    stance=value_text("stance", person.stance, lang)))
        if person.coach:
            parts.append(vocab.text("grading.summary.coach", lang=lang))
        return vocab.text("grading.sep", lang=lang).join(parts) or vocab.text("diff.unknown", lang=lang)


def _render(value: Any, lang: str | None) -> str:
    return value.render(lang) if hasattr(value, "render") else str(value)


@lru_cache(maxsize=4096)
def _value_text(field_name: str, value: Any, lang: str) -> str:
    return value_text(field_name, value, lang)


def _rendered(code: str, notebook: str | None, lang: str, params: tuple[tuple[str, Any], ...]) -> str:
    return _sentence(code, notebook, lang, tuple((k, _render(v, lang)) for k, v in params))


@lru_cache(maxsize=8192)
def _text(code: str, notebook: str | None, lang: str, names: tuple[str, ...], values: tuple[Any, ...]) -> str:
    """:func:`_rendered`, remembered; the parameters as two flat tuples (quicker to build and hash)."""
    return _rendered(code, notebook, lang, tuple(zip(names, values)))


@lru_cache(maxsize=8192)
def _sentence(code: str, notebook: str | None, lang: str, params: tuple[tuple[str, str], ...]) -> str:
    sentence = vocab.text(f"grading.fb.{code}", lang=lang, **dict(params))
    if notebook:
        sentence = vocab.text("grading.revisit", lang=lang, text=sentence,
                              notebook=vocab.text(f"grading.notebook.{notebook}", lang=lang))
    return sentence


@dataclass(slots=True)
class Deduction:
    """One thing a submission lost points on (or a note that costs nothing).

    ``lost`` is in the key's own units (criterion weights and insight points);
    ``points`` is the same on the 0–100 scale of the result, set when grading.
    """

    criterion: str
    code: str
    lost: float
    params: dict[str, Any] = field(default_factory=dict)
    notebook: str | None = None
    stakeholder: str | None = None
    missing: bool = False
    insight: Insight | None = None
    points: float = 0.0

    def text(self, lang: str | None = None) -> str:
        """The sentence, in the current (or given) language, with the notebook to revisit."""
        if self.insight is not None:
            return self.insight.feedback_text(lang)
        lang = lang or vocab.get_language()
        # A cohort repeats the same sentences (the same person missed, the same rating):
        # each is written once per language, found again by its parameters.
        params = self.params
        try:
            return _text(self.code, self.notebook, lang, tuple(params), tuple(params.values()))
        except TypeError:  # a parameter that cannot be hashed (a list): rendered each time
            return _rendered(self.code, self.notebook, lang, tuple(params.items()))

    def to_dict(self, lang: str | None = None, text: str | None = None) -> dict[str, Any]:
        """The item as data; ``text`` saves rendering the sentence again when known."""
        return {
            "criterion": self.criterion,
            "code": self.code,
            "points_lost": self.points,
            "stakeholder": self.stakeholder,
            "insight": self.insight.id if self.insight is not None else None,
            "notebook": self.notebook,
            "text": text if text is not None else self.text(lang),
        }
