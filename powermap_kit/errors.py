"""The exceptions of powermap-kit, one tree::

    PowerMapError (Exception)
    ├── MapFormatError (also ValueError)   a file or dict breaks the format; .problems lists all
    │   └── KeyFormatError                 an answer key's grading section is wrong
    ├── StakeholderNotFound (also KeyError) no stakeholder has that id
    └── RelationshipNotFound (also IndexError)

A :class:`Problem` carries one finding as data: the file, the place
(``stakeholders[3].power``), a message code, the bad value and the allowed values,
and renders itself in the current language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, ClassVar

from . import vocab

__all__ = [
    "KeyFormatError",
    "MapFormatError",
    "PowerMapError",
    "Problem",
    "RelationshipNotFound",
    "StakeholderNotFound",
]


def show(value: Any) -> str:
    """A bad value as the user wrote it: JSON spelling, shortened when long.

    Control characters and broken surrogates appear as ``\\uXXXX`` escapes, and an
    integer too long to print in full by its first digits and its length.
    """
    from .values import visible

    if not isinstance(value, str):  # a string's escapes come from json.dumps and visible()
        value = safe_value(value)
    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        shown = repr(value)
    shown = visible(shown)
    return shown if len(shown) <= 80 else shown[:77] + "..."


def safe_value(value: Any) -> Any:
    """``value`` made safe to print and to write as JSON (strings escaped, huge integers shortened)."""
    from .values import LongNumber, visible

    if isinstance(value, str):
        return visible(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**60:
        # Never str() a huge integer (Python refuses beyond 4300 digits): its head and length.
        digits = value.bit_length() * 30103 // 100000
        digits += abs(value) >= 10**digits
        head = str(abs(value) // 10 ** max(digits - 12, 0))[:12]
        return f"{'-' if value < 0 else ''}{head}… ({digits} digits)"
    if isinstance(value, LongNumber):
        return repr(value)
    return value


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a map, as data.

    ``code`` names a message (``problem.<code>`` in the vocabulary texts); ``params``
    fill it. ``value`` is the bad value (``None`` when absent); ``allowed`` the allowed
    codes where there is a closed set; ``suggestion`` the closest allowed code.
    """

    place: str
    code: str
    value: Any = None
    allowed: tuple[str, ...] = ()
    suggestion: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    file: str | None = None

    #: Where the message texts live: ``<TEXTS>.<code>`` in the vocabulary texts.
    TEXTS: ClassVar[str] = "problem"

    def message(self, lang: str | None = None) -> str:
        params = {"value": show(self.value), **self.params}
        if self.allowed:
            params.setdefault("allowed", ", ".join(self.allowed))
        msg = vocab.text(f"{self.TEXTS}.{self.code}", lang=lang, **params)
        if self.suggestion is not None:
            msg += vocab.text("problem.did_you_mean", lang=lang, suggestion=show(self.suggestion))
        return msg

    def render(self, lang: str | None = None) -> str:
        parts = [p for p in (self.file, self.place) if p]
        return ": ".join(parts + [self.message(lang)])

    def __str__(self) -> str:
        return self.render()

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "file": self.file,
            "place": self.place,
            "code": self.code,
            "value": safe_value(self.value),
            "allowed": list(self.allowed),
            "suggestion": self.suggestion,
            "message": self.message(lang),
        }


class PowerMapError(Exception):
    """Base of every powermap-kit error."""


class MapFormatError(PowerMapError, ValueError):
    """A map breaks the format. ``problems`` holds every problem found, not just the first."""

    def __init__(self, problems: list[Problem], path: str | None = None):
        self.problems = list(problems)
        self.path = path
        super().__init__(self._text())

    def _text(self) -> str:
        head = vocab.text("error.invalid_map", count=len(self.problems))
        if self.path:
            head = f"{self.path}: {head}"
        return "\n".join([head] + ["  " + p.render() for p in self.problems])

    def __str__(self) -> str:
        return self._text()


class KeyFormatError(MapFormatError):
    """An answer key's ``grading`` section is wrong (e.g. an alias for an unknown person)."""


class StakeholderNotFound(PowerMapError, KeyError):
    """No stakeholder has the given id."""

    def __init__(self, stakeholder_id: str):
        self.stakeholder_id = stakeholder_id
        super().__init__(stakeholder_id)

    def __str__(self) -> str:
        return vocab.text("error.not_found", value=show(self.stakeholder_id))


class RelationshipNotFound(PowerMapError, IndexError):
    """No relationship at the given index or with the given ends and type."""

    def __init__(self, where: Any):
        self.where = where
        super().__init__(where)

    def __str__(self) -> str:
        return vocab.text("error.no_relationship", value=show(self.where))
