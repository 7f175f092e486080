"""Exercise widgets: place statements in buying stages, give a case's people their roles,
name the decision mode, and rate support on five dimensions.

Thin views over :mod:`powermap_kit.course`, which holds the questions, the checking and
the explanations; every answer is a :class:`~powermap_kit.course.Result`, shown by its own
renderer. When ``path`` is given each answer is appended to that JSON-lines answer log
(:class:`~powermap_kit.course.AnswerLog`) for the trainer to collect; reopening a quiz on
the same file restores the answers already given, and two quizzes on one file keep both.

Tests and notebooks can answer without a browser: ``quiz.answer("evaluating")``,
``quiz.next()``, ``role_quiz.answer(["approver"])``, ``assessor.set_ratings({...})``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import ipywidgets as widgets
from traitlets import Int, Unicode

from .. import course, vocab
from ..course import Question, Result
from ..course.html import render
from ..model import PowerMap
from ._answering import Recording
from ._common import ClosesParts, Listeners, StaticHtml

__all__ = ["DecisionModeQuiz", "RoleQuiz", "StageQuiz", "SupportAssessor"]


class _Quiz(ClosesParts, StaticHtml, widgets.VBox, Recording):
    """One question at a time, immediate feedback, previous/next; subclasses say what to ask."""

    index = Int(0, help="Position (0-based) of the question shown.")
    learner = Unicode(None, allow_none=True, help="Learner name written with every recorded answer.")
    path = Unicode(None, allow_none=True, help="JSON-lines file answers are recorded to (None: not recorded).")

    _title_key = ""

    def __init__(self, path: str | os.PathLike | None = None, learner: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.path = str(path) if path is not None else None
        self.learner = learner
        self._open_log(path, learner)
        self._answers: dict[str, Any] = {}
        self._answer_callbacks = widgets.CallbackDispatcher()
        self._questions = self._questions_for(vocab.get_language())
        self._title = widgets.HTML()
        self._progress = widgets.Label()
        self._prompt = widgets.HTML(layout=widgets.Layout(width="100%"))
        self._choices = widgets.Box(layout=widgets.Layout(flex_flow="row wrap", width="100%"))
        self._feedback = widgets.HTML(layout=widgets.Layout(width="100%"))
        self._prev = widgets.Button(icon="arrow-left", layout=widgets.Layout(width="auto"))
        self._next = widgets.Button(icon="arrow-right", layout=widgets.Layout(width="auto"))
        self._prev.on_click(lambda _: self.previous())
        self._next.on_click(lambda _: self.next())
        self._buttons = self._make_choices()
        self.children = [self._title, self._progress, self._prompt, self._choices, self._feedback,
                         widgets.HBox([self._prev, self._next, self._status])]
        self.add_class("pmk-quiz")
        self._restore()
        self.observe(lambda _: self._show(), "index")
        self._listeners = Listeners()
        self._listeners.language(self._on_language)
        self._relabel()

    # ---- what subclasses provide ---------------------------------------------------------
    def _questions_for(self, lang: str) -> list[Question]:
        raise NotImplementedError

    def _check(self, question_id: str, answer: Any, lang: str | None = None) -> Result:
        raise NotImplementedError

    def _make_choices(self) -> dict[str, widgets.Widget]:
        buttons = {}
        for code in self._questions[0].choices:
            button = widgets.Button(layout=widgets.Layout(width="auto", margin="2px"))
            button.on_click(lambda _, code=code: self.answer(code))
            buttons[code] = button
        self._choices.children = list(buttons.values())
        return buttons

    # ---- state ---------------------------------------------------------------------------
    @property
    def questions(self) -> list[Question]:
        """The questions in the current language, in the order asked."""
        return list(self._questions)

    @property
    def question(self) -> Question:
        """The question shown now."""
        return self._questions[self.index]

    @property
    def results(self) -> dict[str, Result]:
        """Result (in the current language) for every question answered so far, by question id."""
        return {q.id: self._check(q.id, self._answers[q.id]) for q in self._questions if q.id in self._answers}

    @property
    def feedback(self) -> Result | None:
        """Result for the question shown, or ``None`` while it is unanswered."""
        q = self.question
        return self._check(q.id, self._answers[q.id]) if q.id in self._answers else None

    @property
    def correct_count(self) -> int:
        return sum(fb.correct for fb in self.results.values())

    def _restore(self) -> None:
        if self._log is None:
            return
        ids = {q.id for q in self._questions}
        for item in self._log.records:  # read afresh: another quiz may have written since
            if item.get("exercise") == self.exercise and item.get("question") in ids and self._matches(item):
                answer = item.get("answer")
                self._answers.setdefault(item["question"], tuple(answer) if isinstance(answer, list) else answer)
        unanswered = [i for i, q in enumerate(self._questions) if q.id not in self._answers]
        self.index = unanswered[0] if unanswered else 0

    def _matches(self, record: Mapping[str, Any]) -> bool:
        return True

    # ---- events and actions (also what the buttons call) ---------------------------------
    def on_answer(self, callback: Callable[[Result], Any], remove: bool = False) -> None:
        """Register ``callback(feedback)`` run after each answer (``remove=True`` unregisters)."""
        self._answer_callbacks.register_callback(callback, remove=remove)

    def answer(self, choice: Any) -> Result:
        """Answer the question shown, as a click on a choice would; return the feedback.

        The first answer to a question counts and is recorded; later calls return it again.
        """
        q = self.question
        if q.id in self._answers:
            return self._check(q.id, self._answers[q.id])
        result = self._check(q.id, choice)
        self._answers[q.id] = result.answer
        self._record(result)
        self._show()
        self._answer_callbacks(result)
        return result

    def next(self) -> None:
        """Show the next question (as the Next button does)."""
        if self.index < len(self._questions) - 1:
            self.index += 1

    def previous(self) -> None:
        """Show the previous question (as the Previous button does)."""
        if self.index > 0:
            self.index -= 1

    def to_html(self) -> str:
        """The exercise as a printable sheet (questions and choices, no answers), for
        places where widgets do not render (a static HTML export, a handout)."""
        q = self._questions[0]
        return render("sheet", vocab.text(self._title_key), [vocab.label(c, q.kind) for c in q.choices],
                      [x.prompt for x in self._questions])

    def _on_language(self, lang: str) -> None:
        self._relabel()

    # ---- drawing -------------------------------------------------------------------------
    def _relabel(self) -> None:
        lang = vocab.get_language()
        self._questions = self._questions_for(lang)
        self._title.value = render("title", vocab.text(self._title_key))
        self._prev.description = vocab.text("widgets_review.quiz.previous")
        self._next.description = vocab.text("widgets_review.quiz.next")
        for code, button in self._buttons.items():
            self._label_choice(code, button)
        self._show_status()
        self._show()

    def _label_choice(self, code: str, button: widgets.Widget) -> None:
        button.description = vocab.label(code, self.question.kind)
        button.tooltip = vocab.describe(code, self.question.kind)

    def _show(self) -> None:
        q = self.question
        self._progress.value = vocab.text("widgets_review.quiz.progress", number=self.index + 1,
                                          total=len(self._questions), answered=len(self._answers),
                                          correct=self.correct_count)
        self._prompt.value = render("prompt", q.prompt)
        fb = self.feedback
        self._style_choices(fb)
        self._feedback.value = fb._repr_html_() if fb else ""
        self._prev.disabled = self.index == 0
        self._next.disabled = self.index >= len(self._questions) - 1

    def _style_choices(self, fb: Result | None) -> None:
        for code, button in self._buttons.items():
            button.disabled = fb is not None
            if fb is None:
                button.button_style = ""
            elif code == fb.expected:
                button.button_style = "success"
            else:
                button.button_style = "danger" if code == fb.answer else ""


class StageQuiz(_Quiz):
    """Customer statements → buying stage (seed 003's five stages), with explanations.

    Parameters
    ----------
    path : path, optional
        JSON-lines file answers are recorded to (one per learner works well).
    learner : str, optional
        Name written with every answer.
    count : int, optional
        Ask only the first ``count`` questions of the mixed order.
    seed : int
        Order of the questions (the same seed gives the same order).
    statement_set : str
        ``"practice"`` (default): fresh customer statements, never the stage guide's signal
        texts; ``"assessment_pre"`` / ``"assessment_post"``: the held-back sets for the
        pre/post assessment.
    """

    exercise = "stage_quiz"
    _title_key = "widgets_review.quiz.stage_title"

    def __init__(self, path: str | os.PathLike | None = None, learner: str | None = None,
                 count: int | None = None, seed: int = 0, statement_set: str = "practice", **kwargs: Any) -> None:
        self._count, self._seed, self._set = count, seed, statement_set
        super().__init__(path, learner, **kwargs)

    def _questions_for(self, lang: str) -> list[Question]:
        return course.stage_questions(lang, seed=self._seed, statement_set=self._set)[: self._count]

    def _check(self, question_id: str, answer: Any, lang: str | None = None) -> Result:
        return course.check_stage(question_id, answer, lang)


class DecisionModeQuiz(_Quiz):
    """Scenario → decision mode (committee scoring, recommend then approve, top-down)."""

    exercise = "decision_mode_quiz"
    _title_key = "widgets_review.quiz.mode_title"

    def __init__(self, path: str | os.PathLike | None = None, learner: str | None = None,
                 count: int | None = None, seed: int = 0, **kwargs: Any) -> None:
        self._count, self._seed = count, seed
        super().__init__(path, learner, **kwargs)

    def _questions_for(self, lang: str) -> list[Question]:
        return course.decision_mode_questions(lang, seed=self._seed)[: self._count]

    def _check(self, question_id: str, answer: Any, lang: str | None = None) -> Result:
        return course.check_decision_mode(question_id, answer, lang)


class RoleQuiz(_Quiz):
    """The people of a case → their buying roles (several may apply), checked against the key.

    Parameters
    ----------
    key : PowerMap, path or case slug
        The answer key, e.g. ``"it-solution"`` or ``load_map("key.json")``.
    path, learner : optional
        Where answers are recorded and who gave them.
    """

    exercise = "role_quiz"
    _title_key = "widgets_review.quiz.role_title"

    def __init__(self, key: PowerMap | str | os.PathLike, path: str | os.PathLike | None = None,
                 learner: str | None = None, **kwargs: Any) -> None:
        self.key = course.resolve_key(key)
        self._case = self.key.meta.get("case") or (key if isinstance(key, str) and not key.endswith(".json") else None)
        super().__init__(path, learner, **kwargs)

    def _questions_for(self, lang: str) -> list[Question]:
        return course.role_questions(self.key, lang)

    def _check(self, question_id: str, answer: Any, lang: str | None = None) -> Result:
        return course.check_role(self.key, question_id, answer, lang)

    def _extra(self) -> dict[str, Any]:
        return {"case": self._case} if self._case else {}

    def _matches(self, record: Mapping[str, Any]) -> bool:
        return record.get("case") == self._case

    def _make_choices(self) -> dict[str, widgets.Widget]:
        toggles = {code: widgets.ToggleButton(layout=widgets.Layout(width="auto", margin="2px"))
                   for code in vocab.ROLES}
        self._check_button = widgets.Button(button_style="primary",
                                            layout=widgets.Layout(width="auto", margin="2px 2px 2px 12px"))
        self._check_button.on_click(lambda _: self.check())
        self._choices.children = [*toggles.values(), self._check_button]
        return toggles

    @property
    def selected(self) -> tuple[str, ...]:
        """The role codes currently toggled on."""
        return tuple(code for code, t in self._buttons.items() if t.value)

    def select_roles(self, roles: Iterable[str]) -> None:
        """Toggle exactly these roles on (as clicking them would)."""
        wanted = set(roles)
        for code, toggle in self._buttons.items():
            toggle.value = code in wanted

    def check(self) -> Result | None:
        """Check the toggled roles (the Check button); ``None`` when nothing is chosen."""
        if not self.selected and self.question.id not in self._answers:
            self._feedback.value = render("note", vocab.text("widgets_review.quiz.choose_first"), "font-style:italic")
            return None
        return super().answer(self.selected)

    def answer(self, choice: Any) -> Result:
        """Toggle these roles and check them in one step."""
        if self.question.id not in self._answers:
            self.select_roles([choice] if isinstance(choice, str) else choice)
        result = self.check()
        assert result is not None
        return result

    def _relabel(self) -> None:
        self._check_button.description = vocab.text("widgets_review.quiz.check")
        super()._relabel()

    def _label_choice(self, code: str, button: widgets.Widget) -> None:
        button.description = vocab.label(code, "role")
        button.tooltip = vocab.describe(code, "role")

    def _style_choices(self, fb: Result | None) -> None:
        for code, toggle in self._buttons.items():
            toggle.disabled = fb is not None
            if fb is None:
                toggle.button_style = ""
            else:
                toggle.value = code in fb.answer
                if code in fb.expected:
                    toggle.button_style = "success"
                else:
                    toggle.button_style = "danger" if code in fb.answer else ""
        self._check_button.disabled = fb is not None
        if fb is None and self.question.id not in self._answers:
            self.select_roles(())


from .assessor import SupportAssessor  # noqa: E402  (kept importable from here)
