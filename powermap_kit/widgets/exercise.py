"""No-code exercises: a form made of parts, a Check button, the course's feedback, nothing lost.

Every learner exercise of the course is answered here, never by editing Python: the form
parts turn clicks and typing into an answer, the exercise's check function (from
:mod:`powermap_kit.course`) turns the answer into a :class:`~powermap_kit.course.Result`,
and the widget shows it, records it in the learner's answer log and puts the learner's
last answer back when the notebook is opened again.

>>> from powermap_kit.course import Result
>>> def check(stage):
...     return Result("right" if stage == "evaluating" else "wrong", float(stage == "evaluating"))
>>> ex = Exercise("demo.stage", check, choose("stage"), path=False)
>>> ex.form.set("evaluating"); ex.check().status
'right'

Form parts (each returns the answer shape its check expects):

- :func:`choose` — one value;
- :func:`choose_each` — one value per item (``{item: value}``);
- :func:`pick` — several values (a list);
- :func:`order` — items in the learner's order (a list);
- :func:`text_fields` — texts (``{field: text}``).

Options and items are a vocabulary kind (``"stage"``, ``"role"``, …), a list of codes, a
list of ``(label, value)`` pairs, or a mapping value → label, where a label is a string or
``{"en": …, "zh": …}`` shown in the current language (the parts live in :mod:`.forms`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from .. import vocab
from ..course import Result
from ..course.html import render
from ..errors import PowerMapError, WrongType
from ..workspace import learner_name, work_path
from ._answering import Recording, note
from ._common import ClosesParts, Listeners, StaticHtml
from .forms import Part, _t, choose, choose_each, order, people, pick, text_fields

__all__ = ["Exercise", "Part", "choose", "choose_each", "order", "people", "pick", "text_fields"]


class Exercise(ClosesParts, StaticHtml, widgets.VBox, Recording):
    """A form, a Check button and the check's feedback; answers recorded and restored.

    Parameters
    ----------
    exercise : str
        The exercise's id ("03.case_stage"), written with every answer in the log.
    check : callable
        ``check(answer) -> Result`` (a function of :mod:`powermap_kit.course`).
    form : Part
        What the learner fills in (:func:`choose`, :func:`pick`, …).
    path : path-like or False, optional
        The answer log; by default ``{learner}_answers.jsonl`` in the work folder, ``False``
        for none.
    learner : str, optional
        The name written with answers (the workspace's learner by default).
    """

    def __init__(self, exercise: str, check: Callable[[Any], Result], form: Part,
                 path: str | os.PathLike | bool | None = None, learner: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._listeners = Listeners()
        if not callable(check):
            raise WrongType("check", "wrong_type", check, allowed=("function",))
        if not isinstance(form, Part):
            raise WrongType("form", "wrong_type", form, allowed=("choose", "choose_each", "pick", "order",
                                                                  "text_fields"))
        self.exercise, self._check, self.form = exercise, check, form
        learner = learner or learner_name()
        log_path = None if path is False else (path or work_path("{learner}_answers.jsonl"))
        self._open_log(log_path, learner)
        self.result: Result | None = None
        self._button = widgets.Button(description=_t("check"), button_style="primary", icon="check")
        self._button.on_click(lambda _: self.check())
        self._feedback = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.children = [form.box, widgets.HBox([self._button, self._status]), self._feedback]
        self.add_class("pmk-exercise")
        self._listeners.language(self._relabel)
        self._restore()

    def _extra(self) -> dict[str, Any]:
        return {"form_answer": self.form.value}

    def check(self) -> Result | None:
        """Check the form's answer now (what the button does): show, record and return the result."""
        try:
            result = self._check(self.form.value)
        except PowerMapError as exc:
            self.result = None
            self._feedback.value = note(_t("failed", detail=str(exc)))
            return None
        if not isinstance(result, Result):
            self._feedback.value = note(_t("not_a_result", exercise=self.exercise, value=type(result).__name__))
            return None
        self.result = result
        self._feedback.value = result._repr_html_()
        self._record(result)
        return result

    def _restore(self) -> None:
        log = getattr(self, "_log", None)
        if log is None:
            return
        last = next((r for r in reversed(log.records) if r.get("exercise") == self.exercise
                     and "form_answer" in r), None)
        if last is None:
            return
        self.form.set(last["form_answer"])
        try:
            result = self._check(self.form.value)
        except PowerMapError:
            result = None
        if isinstance(result, Result):
            self.result = result
            self._feedback.value = result._repr_html_()
        self._status.value = note(_t("restored", time=str(last.get("time", ""))[:16].replace("T", " ")))

    def _relabel(self, lang: str) -> None:
        self._button.description = _t("check")
        self.form.relabel(lang)
        if self.result is not None:
            self._feedback.value = self.result._repr_html_()
        self._show_status()

    def to_html(self) -> str:
        """The static fallback: the question's choices as text, and the last feedback."""
        lang = vocab.get_language()
        parts = [note(_t("fallback", exercise=self.exercise)), render("inline_text", self.form.text(lang))]
        if self.result is not None:
            parts.append(self.result._repr_html_())
        return "".join(parts)
