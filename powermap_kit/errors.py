"""The exceptions of powermap-kit, one tree::

    PowerMapError (Exception)
    ├── MapFormatError (also ValueError)   a file or dict breaks the format; .problems lists all
    │   └── KeyFormatError                 an answer key's grading section is wrong
    ├── StakeholderNotFound (also KeyError) no stakeholder has that id
    ├── RelationshipNotFound (also IndexError)
    └── HubError (also OSError)            a JupyterHub cannot be reached or refuses the token

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
    "HubError",
    "KeyFormatError",
    "MapFormatError",
    "PowerMapError",
    "Problem",
    "RelationshipNotFound",
    "StakeholderNotFound",
]


def show(value: Any) -> str:
    """A bad value as the user wrote it: JSON spelling, shortened when long."""
    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        shown = repr(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."


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
            "value": self.value,
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


class HubError(PowerMapError, OSError):
    """A JupyterHub cannot be reached, or refuses the request (``powermap collect``).

    ``url`` is the address asked, ``code`` one of ``no_token``, ``unreachable``, ``refused``,
    ``http`` (text ``error.hub.<code>``), ``detail`` the status or the network error.
    """

    def __init__(self, url: str, code: str, detail: str = ""):
        self.url, self.code, self.detail = url, code, detail
        super().__init__(url, code, detail)

    def __str__(self) -> str:
        return vocab.text(f"error.hub.{self.code}", url=self.url, detail=self.detail)
