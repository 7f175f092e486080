"""Reading job titles and free text with the rules of ``data/title_rules.json``.

A rule lists words to look for (``match``) and words that veto it (``unless``), in English
and Chinese. Text and patterns are compared after NFKC normalisation and case folding, so
full-width letters and capitals match too. A pattern made of ASCII characters matches only
where it is not part of a longer word ("vp" does not match "mvp"); any other pattern (e.g.
Chinese) matches anywhere in the text.

>>> [(m.rule, m.roles, m.words) for m in title_matches("Director, Group Procurement Center 集团采购中心总监")]
[('procurement', ('purchaser',), ('procurement', '采购'))]
>>> [m.rule for m in title_matches("Assistant to the President 总经理助理")]
['gatekeeper_office']
>>> title_matches(None)
[]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..analysis.findings import Localised
from ._data import rules_data

__all__ = ["TitleMatch", "find_words", "normalise", "title_matches"]


@dataclass(frozen=True)
class TitleMatch:
    """A title rule that fired: its id, the roles it suggests, the words found, its reason."""

    rule: str
    roles: tuple[str, ...]
    words: tuple[str, ...]
    dm_points: int
    reason: Localised


def normalise(text: str) -> str:
    """NFKC and case folding: the form both text and patterns are compared in."""
    return unicodedata.normalize("NFKC", text).casefold()


@lru_cache(maxsize=512)
def _regex(pattern: str) -> re.Pattern[str]:
    norm = normalise(pattern)
    if norm.isascii():
        return re.compile(r"(?<![0-9a-z])" + re.escape(norm) + r"(?![0-9a-z])")
    return re.compile(re.escape(norm))


def find_words(text: str, patterns: list[str] | tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Every ``(start, end, pattern)`` where a pattern occurs in the text, in text order.

    >>> find_words("VP of Sales, not an MVP", ["vp"])
    [(0, 2, 'vp')]
    """
    norm = normalise(text)
    found = [(m.start(), m.end(), p) for p in patterns for m in _regex(p).finditer(norm)]
    return sorted(found)


def title_matches(title: str | None) -> list[TitleMatch]:
    """The title rules a job title fires, in the rules' order (vetoed rules left out)."""
    if not title:
        return []
    out = []
    for rule in rules_data()["titles"]:
        if find_words(title, rule["unless"]):
            continue
        hits = find_words(title, rule["match"])
        if not hits:
            continue
        words = tuple(dict.fromkeys(p for _, _, p in hits))
        out.append(TitleMatch(rule["id"], tuple(rule["roles"]), words, int(rule.get("dm_points", 0)),
                              Localised(dict(rule["reason"]))))
    return out
