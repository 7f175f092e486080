"""A self-check for the intelligence exercise: "which items are missing for this person?"

The learner names checklist items by code (``"needs"``) or by label in either language
(``"Needs"``, ``"需求"``); :func:`check_gaps_answer` compares them with the map's real gaps
and explains each miss with why it matters and where to look.

>>> from powermap_kit import load_map
>>> pm = load_map({"format": "powermap/1", "stakeholders": [
...     {"id": "a", "name": "Li Na", "title": "Buyer", "department": "Purchasing", "roles": ["purchaser"],
...      "power": 2, "stance": "neutral", "evidence": {"stance": "call 3 May"},
...      "support": {"trust": 3, "cooperation": 3}}]})
>>> result = check_gaps_answer(pm, "a", ["needs", "stance"])
>>> result.correct, result.found, result.missed, result.extra
(False, ('needs',), ('motives',), ('stance',))
>>> print(result.message("en"))
You found 1 of the 2 gaps for Li Na.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import vocab
from ._data import checks, t
from .checklist import intelligence_gaps
from .titles import normalise

if TYPE_CHECKING:
    from ..model import PowerMap

__all__ = ["GapFeedback", "check_gaps_answer"]


@dataclass(frozen=True)
class GapFeedback:
    """The result of :func:`check_gaps_answer`: what was right, missed, wrong or not understood."""

    name: str
    found: tuple[str, ...]
    missed: tuple[str, ...]
    extra: tuple[str, ...]
    unknown: tuple[str, ...]
    channels: tuple[tuple[str, str], ...] = ()

    @property
    def correct(self) -> bool:
        return not (self.missed or self.extra or self.unknown)

    def message(self, lang: str | None = None) -> str:
        total = len(self.found) + len(self.missed)
        if self.correct:
            return t("exercise.all_found", lang, count=total, name=self.name)
        return t("exercise.found_some", lang, found=len(self.found), count=total, name=self.name)

    def explanation(self, lang: str | None = None) -> list[str]:
        """One line per miss (why it matters, where to look), per wrong item, per word not understood."""
        best = dict(self.channels)
        lines = [t("exercise.missed", lang, item=t(f"check.{c}", lang), why=t(f"check.{c}.why", lang),
                   channel=t(f"channel.{best[c]}", lang)) for c in self.missed]
        lines += [t("exercise.extra", lang, item=t(f"check.{c}", lang)) for c in self.extra]
        if self.unknown:
            items = vocab.text("analysis.list_sep", lang=lang).join(t(f"check.{c}", lang) for c in checks()
                                                                  if checks()[c]["scope"] == "person")
            lines += [t("exercise.unknown", lang, value=w, items=items) for w in self.unknown]
        return lines

    def __str__(self) -> str:
        return "\n".join([self.message(), *("• " + line for line in self.explanation())])

    def _repr_html_(self) -> str:
        colour = vocab.colour("champion") if self.correct else vocab.colour("neutral")
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self.explanation())
        return (f'<div class="pmk-feedback" style="border-left:4px solid {colour};padding:4px 10px">'
                f"<b>{html.escape(self.message())}</b>" + (f"<ul>{items}</ul>" if items else "") + "</div>")


def _code_of(word: str) -> str | None:
    folded = normalise(word.strip())
    for code in checks():
        names = {code, *(normalise(t(f"check.{code}", lang)) for lang in vocab.LANGUAGES)}
        if folded in names or folded.replace(" ", "_") == code:
            return code
    return None


def check_gaps_answer(pm: PowerMap, person: str, answer: Iterable[str]) -> GapFeedback:
    """Compare the items a learner says are missing for ``person`` with the map's gaps."""
    who = pm.stakeholder(person)
    gaps = intelligence_gaps(pm).for_person(who.id)
    actual = [g.check for g in gaps]
    given: list[str] = []
    unknown: list[str] = []
    for word in ([answer] if isinstance(answer, str) else list(answer)):
        code = _code_of(str(word))
        if code is None:
            unknown.append(str(word))
        elif code not in given:
            given.append(code)
    return GapFeedback(
        name=who.name,
        found=tuple(c for c in actual if c in given),
        missed=tuple(c for c in actual if c not in given),
        extra=tuple(c for c in given if c not in actual),
        unknown=tuple(unknown),
        channels=tuple((g.check, g.best) for g in gaps),
    )
