"""``SupportAssessor``: five dimension sliders → support level and explanation (seed 003 unit 3).

A thin view over :func:`powermap_kit.course.assess_support`; the result (a
:class:`~powermap_kit.course.Result`) renders itself. With a key and a person, a recorded
assessment is compared with the key's stance for that person.

Tests and notebooks can act without a browser: ``assessor.set_ratings({...})``, ``assessor.record()``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as widgets
from traitlets import Unicode

from .. import course, vocab
from ..course import Result
from ..course.html import render
from ..errors import StakeholderNotFound, UnknownName
from ..model import PowerMap
from ._answering import Recording
from ._common import ClosesParts, Listeners, StaticHtml

__all__ = ["SupportAssessor"]


class SupportAssessor(ClosesParts, StaticHtml, widgets.VBox, Recording):
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
        self.key = course.resolve_key(key) if key is not None else None
        self.person = person
        if person is not None and (self.key is None or person not in self.key):
            raise StakeholderNotFound(person)
        self.path = str(path) if path is not None else None
        self.learner = learner
        self._open_log(path, learner)
        self._record_callbacks = widgets.CallbackDispatcher()
        self._recorded: Result | None = None
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
    def assessment(self) -> Result:
        """The level and explanation for the current ratings (compared with the key if a person is set)."""
        return course.assess_support(self.ratings, key=self.key, person=self.person)

    def set_ratings(self, ratings: Mapping[str, int | None]) -> None:
        """Move sliders (as a learner would); dimensions not named keep their value."""
        for dim, value in ratings.items():
            if dim not in self._sliders:
                raise UnknownName.not_one_of("ratings", dim, self._sliders)
            self._sliders[dim].value = int(value or 0)

    def on_record(self, callback: Callable[[Result], Any], remove: bool = False) -> None:
        """Register ``callback(assessment)`` run when an assessment is recorded."""
        self._record_callbacks.register_callback(callback, remove=remove)

    def record(self) -> Result:
        """Record the current assessment (the Record button) and show the comparison with the key."""
        result = self.assessment
        self._recorded = result
        self._record(result)
        self._show()
        self._record_callbacks(result)
        return result

    def to_html(self) -> str:
        """The dimensions and the current level as static HTML (where widgets do not render)."""
        rows = [(vocab.label(d, "support_dimension"), v, vocab.describe(d, "support_dimension"))
                for d, v in self.ratings.items()]
        return render("ratings", self._title_text(), rows, self._shown()._repr_html_())

    def _extra(self) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if self.person:
            extra["question"] = self.person
        if self.key is not None and self.key.meta.get("case"):
            extra["case"] = self.key.meta["case"]
        return extra

    def _on_language(self, lang: str) -> None:
        self._relabel()

    def _title_text(self) -> str:
        if self.person and self.key is not None:
            name = course.display_name(self.key, self.person, vocab.get_language())
            return vocab.text("widgets_review.support.title_person", name=name)
        return vocab.text("widgets_review.support.title")

    def _relabel(self) -> None:
        self._title.value = render("title", self._title_text())
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
        self._result.value = render("level", self._shown()._repr_html_())

    def _shown(self) -> Result:
        # The comparison with the key shows once an assessment is recorded, until the sliders move.
        now = course.assess_support(self.ratings)
        recorded = self._recorded
        return recorded if recorded is not None and recorded.answer == now.answer else now
