"""The one result of every answer check: :class:`Result`.

Every ``check_*`` function, quiz widget and workbook cell of the course returns a
:class:`Result`: a status from :data:`STATUSES`, a score from 0 to 1, a headline, one line
per item checked (each with its own status mark), a pointer to where to look, and a
record for the answer log. A result made without an explicit ``lang`` follows the current
language when it is shown (it is rebuilt in that language the first time it is needed),
so a learner who switches to Chinese sees the same feedback in Chinese.

It shows as HTML in a notebook (a jinja2 macro of :mod:`.html`, user text escaped by
its autoescaping and :func:`~.html.inline`) and as plain text with ``print``.

Examples
--------
>>> r = Result("wrong", 0.0, "Stage", "Not quite", (("wrong", "stage-11: evaluating"),), "notebook 03", "en")
>>> print(r)
✘ Stage: Not quite
  ✘ stage-11: evaluating
Where to look: notebook 03
>>> r.correct, r.ok
(False, False)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import vocab
from ..errors import InvalidValue
from .html import inline, render

__all__ = ["MARKS", "STATUSES", "Result", "inline"]

#: The statuses of a result: right, partly right, wrong, not answered, or an assessment with no right answer.
STATUSES: tuple[str, ...] = ("right", "partly", "wrong", "unanswered", "info")
#: The mark shown for each status (also for each line of a result).
MARKS: dict[str, str] = {"right": "✔", "partly": "◐", "wrong": "✘", "unanswered": "○", "info": "→"}
# The colour of each status, borrowed from the stance colours so the course reads as one.
_COLOURS = {"right": "champion", "partly": "neutral", "wrong": "oppose", "unanswered": "unknown", "info": "unknown"}

@dataclass(frozen=True)
class Result:
    """The outcome of checking one answer (see the module docstring).

    Parameters
    ----------
    status : str
        One of :data:`STATUSES`.
    score : float
        0–1 (0 when unanswered).
    title : str
        What was checked ("Buying stage", "The seven steps of building a map").
    message : str
        The headline: "Correct: Evaluating products.", "2 of 7 right."; by default the status in words.
    lines : tuple of (status, text)
        One line per item checked or explained; each line's status gives its mark.
    hint : str
        Where to look (shown unless the answer is right).
    lang : str
        The language the texts are in.
    record : mapping
        What the answer log keeps besides the texts: ``question``, ``kind``, ``answer``,
        ``expected`` and anything a check adds (``level``, ``found``, ``missed`` …).
    detail : object, optional
        The underlying object (a grade result, an analysis), for further use.
    """

    status: str
    score: float
    title: str = ""
    message: str = ""
    lines: tuple[tuple[str, str], ...] = ()
    hint: str = ""
    lang: str = "en"
    record: Mapping[str, Any] = field(default_factory=dict)
    detail: Any = field(default=None, repr=False, compare=False)
    rebuild: Callable[[str], Result] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise InvalidValue.not_one_of("status", self.status, STATUSES)
        if not self.message:
            object.__setattr__(self, "message", vocab.text(f"course.status.{self.status}", lang=self.lang))
        if self.status == "right":
            object.__setattr__(self, "hint", "")  # a right answer needs no pointer

    # ---- what callers read ---------------------------------------------------------------
    @property
    def correct(self) -> bool | None:
        """True when right, None when not answered (or nothing to be right about), else False."""
        return None if self.status in ("unanswered", "info") else self.status == "right"

    @property
    def ok(self) -> bool:
        """True when the answer is right."""
        return self.status == "right"

    @property
    def result(self) -> Any:
        """The underlying object (same as :attr:`detail`)."""
        return self.detail

    @property
    def explanation(self) -> str:
        """The lines as one paragraph."""
        return _t("sentence_sep", self.lang).join(text for _, text in self.lines)

    @property
    def question(self) -> Any:
        """The id of what was asked (a question, a person, an exercise item), if any."""
        return self.record.get("question")

    @property
    def kind(self) -> Any:
        """The kind of answer (``stage``, ``role``, ``support`` …), if any."""
        return self.record.get("kind")

    @property
    def answer(self) -> Any:
        """The learner's answer as read (codes, not labels), if recorded."""
        return self.record.get("answer")

    @property
    def expected(self) -> Any:
        """The key's answer, if there is one."""
        return self.record.get("expected")

    @property
    def level(self) -> Any:
        """The support level of a support assessment."""
        return self.record.get("level")

    def __getitem__(self, key: str) -> Any:
        """A value of :attr:`record`, e.g. ``result["support_score"]``."""
        return self.record[key]

    def in_language(self, lang: str | None = None) -> Result:
        """This result in ``lang`` (default: the current language), rebuilt when it can be."""
        lang = vocab._lang(lang)
        if lang == self.lang or self.rebuild is None:
            return self
        cache: dict[str, Result] = self.__dict__.setdefault("_by_lang", {})
        if lang not in cache:
            cache[lang] = self.rebuild(lang)
        return cache[lang]

    def _shown(self) -> Result:
        # Made without a language: show it in the language chosen now.
        return self.in_language(None) if self.__dict__.get("_follows") else self

    def to_record(self) -> dict[str, Any]:
        """The answer as a JSON-ready dict (what :class:`~powermap_kit.course.AnswerLog` writes)."""
        data: dict[str, Any] = {"status": self.status, "correct": self.correct, "score": self.score,
                                "message": self.message, "explanation": self.explanation, "lang": self.lang}
        data.update({k: _plain(v) for k, v in self.record.items()})
        return data

    # ---- display -------------------------------------------------------------------------
    def heading(self) -> str:
        """The headline: "title: message", or the message alone."""
        return _t("heading", self.lang, title=self.title, message=self.message) if self.title else self.message

    def _look(self) -> str:
        return _t("look", self.lang, where=self.hint) if self.hint and self.status != "right" else ""

    def __str__(self) -> str:
        r = self._shown()
        out = [f"{MARKS[r.status]} {r.heading()}"]
        out += [f"  {MARKS[mark]} {text}" for mark, text in r.lines]
        if r._look():
            out.append(r._look())
        return "\n".join(out)

    def _repr_html_(self) -> str:
        r = self._shown()
        return render("result", r.status, vocab.colour(_COLOURS[r.status]), MARKS[r.status], r.heading(),
                      [(MARKS[m], text) for m, text in r.lines], r._look())

    def __repr__(self) -> str:
        return f"<Result {self.status} {self.score:g}: {self.heading()}>"


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _t(key: str, lang: str | None, **params: Any) -> str:
    return vocab.text(f"course.{key}", lang=lang, **params)


def status_of(score: float, answered: bool = True) -> str:
    """The status for a score: right (≥ 0.999), partly (> 0) or wrong; unanswered when nothing was answered."""
    if not answered:
        return "unanswered"
    return "right" if score >= 0.999 else "partly" if score > 0 else "wrong"


def following(build: Callable[[str], Result], lang: str | None) -> Result:
    """Build a result in ``lang``; without one, in the current language and following it later."""
    result = build(vocab._lang(lang))
    object.__setattr__(result, "rebuild", build)
    result.__dict__["_follows"] = lang is None
    return result


def lines_of(items: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Lines as a tuple, checking every mark is a status."""
    out = tuple(items)
    for mark, _ in out:
        if mark not in MARKS:
            raise InvalidValue.not_one_of("mark", mark, MARKS)
    return out
