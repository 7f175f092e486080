"""Answer keys: a map with a ``grading`` section (``design/format.md`` "Answer key").

:func:`load_key` turns a key file (or data, or map) into an :class:`AnswerKey` ready to
grade with, after :func:`key_problems` has found nothing wrong; otherwise it raises
:class:`~powermap_kit.errors.KeyFormatError` listing every problem with its place.

The grading section, every part optional:

``aliases``
    ``{key id: [other names]}`` — Latin renderings, titles of address ("Director Wang",
    "王主任"); no spelling may name two people.
``weights``
    ``{criterion: points}`` for the criteria of :data:`CRITERIA`; a criterion left out
    keeps its default (:data:`DEFAULT_WEIGHTS`), ``0`` switches it off.
``tolerance``
    ``{"power": n}`` — a power rating within ``n`` of the key earns full credit (default 1).
``insights``
    ``[{"id", "points", "expect", "feedback"}]`` — the judgements a case is about; ``expect``
    uses the keys of :data:`EXPECT_KEYS` (``case_studies/CONTRACT.md``).
``extra_people``
    Points taken from the people criterion for each submitted person the key does not
    have (default 0: extra people are not penalised).
``notes``
    Free text for the trainer; ignored.

Examples
--------
>>> from powermap_kit import load_map
>>> key = load_map({"format": "powermap/1", "stakeholders": [{"id": "dean", "name": "李明"}],
...                 "grading": {"aliases": {"deen": ["Li Ming"]}, "weights": {"roles": "high"}}})
>>> for p in key_problems(key):
...     print(p.render("en"))
grading.aliases.deen: "deen" is not the id of any stakeholder in the key (did you mean "dean"?)
grading.weights.roles: "high" should be a number of points, 0 or more
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from .. import localize, vocab
from ..diff import PeopleIndex, edges
from ..errors import KeyFormatError, MapFormatError
from ..io import load_map
from ..model import PowerMap, Relationship
from .insights import normalise_expect
from .key_checks import EXPECT_KEYS, GRADING_KEYS, KeyProblem, key_problems
from .rules import CRITERIA, DEFAULT_TOLERANCE, DEFAULT_WEIGHTS

__all__ = [
    "AnswerKey",
    "CRITERIA",
    "DEFAULT_TOLERANCE",
    "DEFAULT_WEIGHTS",
    "EXPECT_KEYS",
    "GRADING_KEYS",
    "Insight",
    "KeyProblem",
    "key_problems",
    "load_key",
    "share_key",
]


@dataclass(frozen=True)
class Insight:
    """One judgement the key rewards: all of ``expect`` must hold in the submission."""

    id: str
    points: float
    expect: Mapping[str, Any]
    feedback: Mapping[str, str] = field(default_factory=dict)

    def feedback_text(self, lang: str | None = None) -> str:
        """The key's feedback in the language (falling back to the other one, then the id)."""
        lang = lang or vocab.get_language()
        for code in (lang, *vocab.LANGUAGES):
            if self.feedback.get(code):
                return self.feedback[code]
        return vocab.text("grading.fb.insight_default", lang=lang, id=self.id)


@dataclass
class AnswerKey:
    """A checked answer key, ready to grade with (build it with :func:`load_key`)."""

    map: PowerMap
    weights: dict[str, float]
    tolerance: int = DEFAULT_TOLERANCE
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    insights: tuple[Insight, ...] = ()
    extra_people: float = 0.0
    file: str | None = None
    index: PeopleIndex = field(init=False, repr=False, compare=False)
    lines: dict[tuple[str, str, str], Relationship] = field(init=False, repr=False, compare=False)
    _rendered: dict[tuple[str, ...], str] = field(init=False, repr=False, compare=False, default_factory=dict)
    _prepared: dict[str, Any] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        # The key's spellings and lines are prepared once and reused for every submission.
        self.index = PeopleIndex(self.map, self.aliases)
        self.lines = edges(self.map)

    def __reduce_ex__(self, protocol: Any) -> Any:
        # Results graded in a forked worker refer to the key the parent shared: they travel
        # back as a reference to it, not as a copy of the whole key (see share_key).
        if _SHARED.get(id(self)) is self:
            return _shared_key, (id(self),)
        return object.__reduce_ex__(self, protocol)

    def rendered(self, what: tuple[str, ...], make: Callable[[], str]) -> str:
        """A text about the key (a name, a summary, in one language) made once and reused
        for every submission graded with it."""
        text = self._rendered.get(what)
        if text is None:
            text = self._rendered[what] = make()
        return text

    def prepared(self, what: str, make: Callable[[AnswerKey], Any]) -> Any:
        """What grading derives from the key alone (``make(key)``), made once and reused
        for every submission graded with it."""
        found = self._prepared.get(what)
        if found is None:
            found = self._prepared[what] = make(self)
        return found

    def display_name(self, stakeholder_id: str, lang: str | None = None) -> str:
        """A key person's name for feedback: in English the Latin alias first when the name is Chinese."""
        return localize.person_name(self.map.stakeholder(stakeholder_id), lang or vocab.get_language(),
                                    self.aliases.get(stakeholder_id, ()))


def load_key(source: Any, file: str | None = None) -> AnswerKey:
    """Load and check an answer key from a path, JSON data, a :class:`PowerMap` or an AnswerKey.

    Raises
    ------
    KeyFormatError
        The key is not a valid map, or its grading section has problems; ``problems``
        lists them all.
    """
    if isinstance(source, AnswerKey):
        return source
    if isinstance(source, (str, os.PathLike)):
        file = file or str(source)
    try:
        pm = load_map(source)
    except KeyFormatError:
        raise
    except MapFormatError as exc:
        raise KeyFormatError(exc.problems, exc.path or file) from None
    problems = key_problems(pm, file=file)
    if pm.grading is None and not pm.stakeholders:
        problems = [KeyProblem("grading", "nothing_to_grade", file=file)]
    if problems:
        raise KeyFormatError(problems, file)
    grading = pm.grading or {}
    weights = dict(DEFAULT_WEIGHTS)
    weights.update({k: float(v) for k, v in (grading.get("weights") or {}).items()})
    tolerance = (grading.get("tolerance") or {}).get("power", DEFAULT_TOLERANCE)
    aliases = {k: tuple(v) for k, v in (grading.get("aliases") or {}).items()}
    insights = tuple(
        Insight(i["id"], float(i["points"]), normalise_expect(i["expect"]), _feedback(i.get("feedback")))
        for i in grading.get("insights") or ()
    )
    return AnswerKey(pm, weights, int(tolerance), aliases, insights, float(grading.get("extra_people", 0)), file)


def _feedback(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        return {lang: value for lang in vocab.LANGUAGES}
    return dict(value or {})


_SHARED: dict[int, AnswerKey] = {}


def _shared_key(token: int) -> AnswerKey:
    return _SHARED[token]


@contextmanager
def share_key(key: AnswerKey, shared: bool = True) -> Iterator[AnswerKey]:
    """While open, ``key`` pickles as a reference to itself (for forked workers, which
    hold the same key): results sent back carry no copy of it. ``shared=False`` does nothing."""
    if shared:
        _SHARED[id(key)] = key
    try:
        yield key
    finally:
        if shared:
            _SHARED.pop(id(key), None)
