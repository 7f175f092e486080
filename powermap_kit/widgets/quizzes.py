"""Exercise widgets: place statements in buying stages, give a case's people their roles,
name the decision mode, and rate support on five dimensions.

Thin views over :mod:`powermap_kit.exercises`, which holds the questions, the checking and
the explanations. Each answer gets immediate feedback and, when ``path`` is given, is
recorded to that JSON-lines file (atomically) for the trainer to collect; reopening a
quiz on the same file restores the answers already given.

Tests and notebooks can answer without a browser: ``quiz.answer("evaluating")``,
``quiz.next()``, ``role_quiz.answer(["approver"])``, ``assessor.set_ratings({...})``.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import ipywidgets as widgets
from traitlets import Int, Unicode

from .. import exercises, vocab
from ..exercises import AnswerLog, Feedback, Question, SupportAssessment
from ..model import PowerMap
from ._common import Listeners, StaticHtml, close_tree

__all__ = ["DecisionModeQuiz", "RoleQuiz", "StageQuiz", "SupportAssessor"]


def _feedback_html(result: Feedback) -> str:
    if result.correct:
        colour, mark = vocab.colour("champion"), "✔"
    elif result.score:
        colour, mark = vocab.colour("neutral"), "◐"
    else:
        colour, mark = vocab.colour("oppose"), "✘"
    return (f'<div class="pmk-feedback" style="border-left:4px solid {colour};padding:4px 10px;margin:6px 0">'
            f'<div style="color:{colour};font-weight:bold">{mark} {html.escape(result.message)}</div>'
            f'<div style="margin-top:4px;line-height:1.5">{html.escape(result.explanation)}</div></div>')


class _Recording:
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

    def _record(self, result: Feedback | SupportAssessment) -> None:
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
            self._status.value = f'<span style="color:#666">{html.escape(vocab.text(key, **params))}</span>'


class _Quiz(StaticHtml, widgets.VBox, _Recording):
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

    def _check(self, question_id: str, answer: Any, lang: str | None = None) -> Feedback:
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
    def results(self) -> dict[str, Feedback]:
        """Feedback (in the current language) for every question answered so far, by question id."""
        return {q.id: self._check(q.id, self._answers[q.id]) for q in self._questions if q.id in self._answers}

    @property
    def feedback(self) -> Feedback | None:
        """Feedback for the question shown, or ``None`` while it is unanswered."""
        q = self.question
        return self._check(q.id, self._answers[q.id]) if q.id in self._answers else None

    @property
    def correct_count(self) -> int:
        return sum(fb.correct for fb in self.results.values())

    def _restore(self) -> None:
        if self._log is None:
            return
        ids = {q.id for q in self._questions}
        for item in self._log.records:
            if item.get("exercise") == self.exercise and item.get("question") in ids and self._matches(item):
                answer = item.get("answer")
                self._answers.setdefault(item["question"], tuple(answer) if isinstance(answer, list) else answer)
        unanswered = [i for i, q in enumerate(self._questions) if q.id not in self._answers]
        self.index = unanswered[0] if unanswered else 0

    def _matches(self, record: Mapping[str, Any]) -> bool:
        return True

    # ---- events and actions (also what the buttons call) ---------------------------------
    def on_answer(self, callback: Callable[[Feedback], Any], remove: bool = False) -> None:
        """Register ``callback(feedback)`` run after each answer (``remove=True`` unregisters)."""
        self._answer_callbacks.register_callback(callback, remove=remove)

    def answer(self, choice: Any) -> Feedback:
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

    def close(self) -> None:
        """Close the widget and its parts, and stop following the language."""
        self._listeners.clear()
        close_tree(self)
        super().close()

    def to_html(self) -> str:
        """The exercise as a printable sheet (questions and choices, no answers), for
        places where widgets do not render (a static HTML export, a handout)."""
        q = self._questions[0]
        choices = " · ".join(html.escape(vocab.label(c, q.kind)) for c in q.choices)
        items = "".join(f"<li>{html.escape(x.prompt)}</li>" for x in self._questions)
        return (f"<div><b>{html.escape(vocab.text(self._title_key))}</b><br><i>{choices}</i>"
                f"<ol>{items}</ol></div>")

    def _on_language(self, lang: str) -> None:
        self._relabel()

    # ---- drawing -------------------------------------------------------------------------
    def _relabel(self) -> None:
        lang = vocab.get_language()
        self._questions = self._questions_for(lang)
        self._title.value = f"<b>{html.escape(vocab.text(self._title_key))}</b>"
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
        self._prompt.value = (f'<div class="pmk-prompt" style="font-size:1.15em;padding:8px 12px;margin:4px 0;'
                              f'background:rgba(127,127,127,0.1);border-radius:4px">{html.escape(q.prompt)}</div>')
        fb = self.feedback
        self._style_choices(fb)
        self._feedback.value = _feedback_html(fb) if fb else ""
        self._prev.disabled = self.index == 0
        self._next.disabled = self.index >= len(self._questions) - 1

    def _style_choices(self, fb: Feedback | None) -> None:
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
    """

    exercise = "stage_quiz"
    _title_key = "widgets_review.quiz.stage_title"

    def __init__(self, path: str | os.PathLike | None = None, learner: str | None = None,
                 count: int | None = None, seed: int = 0, **kwargs: Any) -> None:
        self._count, self._seed = count, seed
        super().__init__(path, learner, **kwargs)

    def _questions_for(self, lang: str) -> list[Question]:
        return exercises.stage_questions(lang, seed=self._seed)[: self._count]

    def _check(self, question_id: str, answer: Any, lang: str | None = None) -> Feedback:
        return exercises.check_stage(question_id, answer, lang)


class DecisionModeQuiz(_Quiz):
    """Scenario → decision mode (committee scoring, recommend then approve, top-down)."""

    exercise = "decision_mode_quiz"
    _title_key = "widgets_review.quiz.mode_title"

    def __init__(self, path: str | os.PathLike | None = None, learner: str | None = None,
                 count: int | None = None, seed: int = 0, **kwargs: Any) -> None:
        self._count, self._seed = count, seed
        super().__init__(path, learner, **kwargs)

    def _questions_for(self, lang: str) -> list[Question]:
        return exercises.decision_mode_questions(lang, seed=self._seed)[: self._count]

    def _check(self, question_id: str, answer: Any, lang: str | None = None) -> Feedback:
        return exercises.check_decision_mode(question_id, answer, lang)


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
        self.key = exercises.resolve_key(key)
        self._case = self.key.meta.get("case") or (key if isinstance(key, str) and not key.endswith(".json") else None)
        super().__init__(path, learner, **kwargs)

    def _questions_for(self, lang: str) -> list[Question]:
        return exercises.role_questions(self.key, lang)

    def _check(self, question_id: str, answer: Any, lang: str | None = None) -> Feedback:
        return exercises.check_role(self.key, question_id, answer, lang)

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

    def check(self) -> Feedback | None:
        """Check the toggled roles (the Check button); ``None`` when nothing is chosen."""
        if not self.selected and self.question.id not in self._answers:
            self._feedback.value = f"<i>{html.escape(vocab.text('widgets_review.quiz.choose_first'))}</i>"
            return None
        return super().answer(self.selected)

    def answer(self, choice: Any) -> Feedback:
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

    def _style_choices(self, fb: Feedback | None) -> None:
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


class SupportAssessor(StaticHtml, widgets.VBox, _Recording):
    """Five dimension sliders → support level and explanation, by the analysis engine's formula.

    Parameters
    ----------
    key : PowerMap, path or case slug, optional
        With ``person``: rate one person of a case, then compare with the key's stance.
    person : str, optional
        Id of that person in the key.
    path, learner : optional
        Where recorded assessments go and who made them.
    ratings : mapping, optional
        Starting ratings, dimension code → 1–5.
    """

    exercise = "support_assessor"
    learner = Unicode(None, allow_none=True, help="Learner name written with every recorded assessment.")
    path = Unicode(None, allow_none=True, help="JSON-lines file assessments are recorded to (None: not recorded).")
    person = Unicode(None, allow_none=True, help="Id of the key's person being rated, if any.")

    def __init__(self, key: PowerMap | str | os.PathLike | None = None, person: str | None = None,
                 path: str | os.PathLike | None = None, learner: str | None = None,
                 ratings: Mapping[str, int] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.key = exercises.resolve_key(key) if key is not None else None
        self.person = person
        if person is not None and (self.key is None or person not in self.key):
            raise KeyError(vocab.text("error.not_found", value=repr(person)))
        self.path = str(path) if path is not None else None
        self.learner = learner
        self._open_log(path, learner)
        self._record_callbacks = widgets.CallbackDispatcher()
        self._recorded: SupportAssessment | None = None
        self._relabelling = False
        self._title = widgets.HTML()
        self._sliders = {dim: widgets.SelectionSlider(options=[("", 0)], style={"description_width": "180px"},
                                                      layout=widgets.Layout(width="460px"), continuous_update=False)
                         for dim in vocab.SUPPORT_DIMENSIONS}
        self._result = widgets.HTML(layout=widgets.Layout(width="100%"))
        self._button = widgets.Button(icon="save", button_style="primary", layout=widgets.Layout(width="auto"))
        self._button.on_click(lambda _: self.record())
        self.children = [self._title, *self._sliders.values(), self._result, widgets.HBox([self._button, self._status])]
        self.add_class("pmk-support-assessor")
        self._listeners = Listeners()
        self._listeners.language(self._on_language)
        self._relabel()
        if ratings:
            self.set_ratings(ratings)
        for slider in self._sliders.values():
            slider.observe(lambda _: self._relabelling or self._show(), "value")
        self._show()

    @property
    def ratings(self) -> dict[str, int | None]:
        """The slider values, dimension code → 1–5 or ``None`` when not rated."""
        return {dim: (s.value or None) for dim, s in self._sliders.items()}

    @property
    def assessment(self) -> SupportAssessment:
        """The level and explanation for the current ratings (compared with the key if a person is set)."""
        return exercises.assess_support(self.ratings, key=self.key, person=self.person)

    def set_ratings(self, ratings: Mapping[str, int | None]) -> None:
        """Move sliders (as a learner would); dimensions not named keep their value."""
        for dim, value in ratings.items():
            if dim not in self._sliders:
                raise KeyError(vocab.text("problem.not_one_of", value=repr(dim),
                                          allowed=", ".join(vocab.SUPPORT_DIMENSIONS)))
            self._sliders[dim].value = int(value or 0)

    def on_record(self, callback: Callable[[SupportAssessment], Any], remove: bool = False) -> None:
        """Register ``callback(assessment)`` run when an assessment is recorded."""
        self._record_callbacks.register_callback(callback, remove=remove)

    def record(self) -> SupportAssessment:
        """Record the current assessment (the Record button) and show the comparison with the key."""
        result = self.assessment
        self._recorded = result
        self._record(result)
        self._show()
        self._record_callbacks(result)
        return result

    def to_html(self) -> str:
        """The dimensions and the current level as static HTML (where widgets do not render)."""
        rows = "".join(f"<tr><td>{html.escape(vocab.label(d, 'support_dimension'))}</td>"
                       f"<td>{'' if v is None else v}</td>"
                       f"<td>{html.escape(vocab.describe(d, 'support_dimension'))}</td></tr>"
                       for d, v in self.ratings.items())
        return f"{self._title.value}<table>{rows}</table>{self._result.value}"

    def _extra(self) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if self.person:
            extra["question"] = self.person
        if self.key is not None and self.key.meta.get("case"):
            extra["case"] = self.key.meta["case"]
        return extra

    def close(self) -> None:
        """Close the widget and its parts, and stop following the language."""
        self._listeners.clear()
        close_tree(self)
        super().close()

    def _on_language(self, lang: str) -> None:
        self._relabel()

    def _relabel(self) -> None:
        if self.person and self.key is not None:
            name = exercises._display_name(self.key, self.person, vocab.get_language())
            title = vocab.text("widgets_review.support.title_person", name=name)
        else:
            title = vocab.text("widgets_review.support.title")
        self._title.value = f"<b>{html.escape(title)}</b>"
        options = [(vocab.text("widgets_review.support.unrated"), 0)] + [(str(n), n) for n in range(1, 6)]
        values = {dim: slider.value if slider.value in range(6) else 0 for dim, slider in self._sliders.items()}
        self._relabelling = True  # new option labels are not a learner's move
        try:
            for dim, slider in self._sliders.items():
                slider.options = options
                slider.value = values[dim]
        finally:
            self._relabelling = False
        for dim, slider in self._sliders.items():
            slider.description = vocab.label(dim, "support_dimension")
            slider.description_allow_html = False
            slider.tooltip = vocab.describe(dim, "support_dimension")
        self._button.description = vocab.text("widgets_review.support.record")
        self._show_status()
        self._show()

    def _show(self) -> None:
        if not hasattr(self, "_result"):
            return
        result = self.assessment
        colour = vocab.colour(result.level)
        heading = html.escape(vocab.text("widgets_review.support.level"))
        body = (f'<div class="pmk-support-level" style="border-left:6px solid {colour};padding:4px 10px;margin:6px 0">'
                f'<div><b>{heading}</b> <span style="color:{colour};font-weight:bold">{html.escape(result.message)}'
                f'</span></div><div style="margin-top:4px;line-height:1.5">{html.escape(result.explanation)}'
                '</div></div>')
        recorded = self._recorded
        # The comparison with the key shows once an assessment is recorded, until the sliders move.
        if recorded is not None and result.feedback is not None and recorded.ratings == result.ratings:
            body += _feedback_html(result.feedback)
        self._result.value = body
