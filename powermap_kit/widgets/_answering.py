"""What the exercise widgets share: recording answers to the learner's answer log, a status line."""

from __future__ import annotations

import os
from typing import Any

import ipywidgets as widgets

from .. import vocab
from ..course import AnswerLog, Result
from ..course.html import render

__all__ = ["Recording", "note"]


def note(text: str) -> str:
    """A short line of grey text, escaped."""
    return render("note", text)


class Recording:
    """Shared answer recording: an :class:`AnswerLog` when ``path`` is given, a status line."""

    path: str | None
    learner: str | None
    exercise = "exercise"

    def _open_log(self, path: str | os.PathLike | None, learner: str | None) -> None:
        self._log = AnswerLog(path, learner) if path else None
        self._status = widgets.HTML(layout=widgets.Layout(margin="0 0 0 12px"))
        self._status_state: tuple[str, dict[str, Any]] | None = None

    def _extra(self) -> dict[str, Any]:
        return {}

    def _record(self, result: Result) -> None:
        if self._log is None:
            return
        try:
            self._log.record(self.exercise, result, **self._extra())
            self._status_state = ("widgets_review.quiz.recorded", {"file": self._log.path.name})
        except OSError as exc:
            self._status_state = ("widgets_review.quiz.record_failed",
                                  {"file": str(self._log.path), "detail": exc.strerror or str(exc)})
        self._show_status()

    def _show_status(self) -> None:
        if self._status_state is not None:
            key, params = self._status_state
            self._status.value = note(vocab.text(key, **params))
