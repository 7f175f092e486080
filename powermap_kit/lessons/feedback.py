"""Self-check feedback for the course: :class:`Feedback` and the helpers every check shares.

A check never raises on a learner's answer: an unanswered exercise gets guidance, a code
that is not allowed is named with the allowed ones. Wording comes from
``data/text/course.json``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .. import vocab

__all__ = ["Feedback"]

_OK, _NO, _HALF, _OPEN, _INFO = "✔", "✘", "◐", "○", "→"


def _t(key: str, lang: str | None, **params: Any) -> str:
    return vocab.text(f"course.{key}", lang=lang, **params)


def _lang(lang: str | None) -> str:
    return vocab._lang(lang)


def _join(items: Iterable[str], lang: str) -> str:
    items = list(items)
    return _t("list_sep", lang).join(items) if items else _t("none", lang)


@dataclass(frozen=True)
class Feedback:
    """The result of a self-check: right or not (``None``: not answered), what is wrong, where to look.

    ``lines`` hold one ``(mark, text)`` per item checked; the mark is ✔ right, ✘ wrong,
    ◐ partly right, ○ not answered or → a pointer (evidence, what was missed). It renders
    as Markdown in a notebook and as plain text with ``print``.

    Examples
    --------
    >>> fb = Feedback("Stage", False, 0.0, "Not quite.", (("✘", "stage-11: evaluating"),), "notebook 03", "en")
    >>> print(fb)
    ✘ Stage: Not quite.
      ✘ stage-11: evaluating
    Where to look: notebook 03
    """

    title: str
    correct: bool | None
    score: float
    message: str
    lines: tuple[tuple[str, str], ...] = ()
    hint: str = ""
    lang: str = "en"

    def __str__(self) -> str:
        out = [f"{self._mark()} {_t('heading', self.lang, title=self.title, message=self.message)}"]
        out += [f"  {mark} {text}" for mark, text in self.lines]
        if self.hint:
            out.append(_t("look", self.lang, where=self.hint))
        return "\n".join(out)

    def _mark(self) -> str:
        return {True: _OK, False: _NO, None: _OPEN}[self.correct] if self.score in (0.0, 1.0) else _HALF

    def _repr_markdown_(self) -> str:
        heading = _t("heading", self.lang, title=self.title, message=self.message)
        out = [f"**{self._mark()} {_md(heading)}**", ""]
        out += [f"- {mark} {_md(text)}" for mark, text in self.lines]
        if self.hint:
            out += ["", f"*{_md(_t('look', self.lang, where=self.hint))}*"]
        return "\n".join(out)


def _md(text: str) -> str:
    # Answers and case text may hold HTML; show it as typed. Code spans in our own text stay.
    return html.escape(text, quote=False)


def _unanswered(value: Any) -> bool:
    if value is None or value is Ellipsis:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, Mapping):
        return all(_unanswered(v) for v in value.values()) if value else True
    if isinstance(value, Iterable):
        return not any(not _unanswered(v) for v in value)
    return False


def _pending(title: str, what: str, hint: str, lang: str) -> Feedback:
    return Feedback(title, None, 0.0, _t("unanswered", lang), ((_OPEN, what),), hint, lang)


def _result(title: str, lines: list[tuple[str, str]], right: float, total: int, hint: str, lang: str,
            open_count: int = 0) -> Feedback:
    score = round(right / total, 2) if total else 0.0
    if open_count:
        message = _t("some_open", lang, right=_fmt(right), total=total, open=open_count)
    elif right == total:
        message = _t("all_right", lang, total=total)
    else:
        message = _t("some_right", lang, right=_fmt(right), total=total)
    correct = None if open_count == total else (right == total and not open_count)
    return Feedback(title, correct, score, message, tuple(lines), "" if correct else hint, lang)


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:.1f}"


def _choice(value: Any, allowed: Sequence[str], kind: str | None = None) -> str | None:
    if isinstance(value, str) and value in allowed:
        return value
    return vocab.closest(value, allowed, kind)


def _not_allowed(item: str, value: Any, allowed: Iterable[str], lang: str) -> tuple[str, str]:
    return _NO, _t("item.not_allowed", lang, item=item, value=repr(value), allowed=", ".join(allowed))
