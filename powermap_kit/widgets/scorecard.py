"""``ScoreCard``: one submission's score against an answer key — total, a bar per
criterion, and the feedback sentences, most costly first.

A thin view over :func:`powermap_kit.grading.grade`. Given a :class:`~powermap_kit.PowerMap`
that is being edited (``MapBuilder(...).map``) the card scores again after every edit;
given a file it scores again when :meth:`ScoreCard.refresh` (the button) is pressed.

For a learner (``audience="learner"``, the default set by :func:`powermap_kit.hints.set_audience`)
the card shows hints until the map is submitted (``meta.submitted``, or a frozen copy of the
draft, see :mod:`powermap_kit.submit`): the area and the person or documents to revisit, never
the key's values, and an empty map lists no key people. After submission — and always for a
trainer (``ReviewView`` passes ``audience="trainer"``) — it shows the full comparison. ``key``
may also be a learner-safe hint file (``powermap hints``): then only hints can be shown.

``key`` may be the case itself (a :class:`~powermap_kit.cases.Case`, as the case notebooks pass
it): the card then reads the case's ``key.json`` when it is there, else the case's hint file
(:func:`powermap_kit.hints.hints_for`, e.g. ``$POWERMAP_HINTS`` on a shared server where the
trainer withholds the keys). A learner sees the same hints either way before submitting; after
submitting without the key, the hints stay and the card says that the trainer will show the
full comparison in the debrief.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from traitlets import Bool, Float, Int, Unicode, observe

from .. import vocab
from ..cases import Case
from ..errors import CasesNotFound
from ..grading import GradeResult, grade, load_key
from ..grading.key import AnswerKey
from ..hints import Hints, hints_for, is_learner, load_hints, make_hints
from ..model import PowerMap
from ..render.templates import macro
from ._common import ClosesParts, Listeners, StaticHtml

__all__ = ["ScoreCard", "score_colour"]


def _t(key: str, **params: Any) -> str:
    return vocab.text(f"widgets_review.{key}", **params)


def score_colour(share: float | None) -> str:
    """A colour for a 0–100 share: the stance colours, from oppose (low) to champion (high)."""
    if share is None:
        return vocab.colour("unknown")
    for floor, stance in ((80, "champion"), (55, "support"), (30, "neutral")):
        if share >= floor:
            return vocab.colour(stance)
    return vocab.colour("oppose")


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def criteria_html(result: GradeResult, lang: str | None = None) -> str:
    """The criterion bars of a result as HTML (label, bar, points of maximum)."""
    rows = []
    for name, points in result.criteria.items():
        maximum = result.maxima.get(name) or 0.0
        share = 100.0 * points / maximum if maximum else 0.0
        rows.append({"code": name, "label": vocab.text(f"grading.criterion.{name}", lang=lang), "share": share,
                     "colour": score_colour(share),
                     "of": vocab.text("widgets_review.score.of", lang=lang, points=_num(points), maximum=_num(maximum))})
    return str(macro("criteria", lang=lang)(rows))


def _hints_file(key: Any) -> Hints | None:
    """The hints when ``key`` is a Hints object or a hint file, else None (it is a key)."""
    if isinstance(key, Hints):
        return key
    if isinstance(key, (str, os.PathLike)) and str(key).endswith(".json"):
        import json

        try:
            with open(key, encoding="utf-8") as f:
                head = json.load(f)
        except (OSError, ValueError):
            return None
        if isinstance(head, dict) and head.get("format") == "powermap-hints/1":
            return load_hints(head)
    return None


class ScoreCard(ClosesParts, StaticHtml, widgets.VBox):
    """A submission's score against an answer key: total, criterion bars, feedback.

    Parameters
    ----------
    submission : PowerMap or path
        The trainee's map. A map being edited is scored again after each edit.
    key : AnswerKey, PowerMap, path, Hints or Case
        The answer key, a hint file, or a case (its key, else its hint file).
    live : bool
        Follow edits of a ``PowerMap`` submission (default True).

    Examples
    --------
    >>> card = ScoreCard("case_studies/it-solution/submissions/typical.json",
    ...                  "case_studies/it-solution/key.json")          # doctest: +SKIP
    >>> card.total, card.result.feedback[:2]                             # doctest: +SKIP
    """

    total = Float(None, allow_none=True, help="Total score 0–100; None when the submission could not be scored.")
    author = Unicode("", help="Who handed the submission in (meta.author, else the file name).")
    live = Bool(True, help="Score again after every edit of a PowerMap submission.")
    max_feedback = Int(8, help="Feedback lines shown before 'Show all' (the most costly come first).")
    show_all = Bool(False, help="Show every feedback line, not only the first max_feedback.")

    def __init__(self, submission: PowerMap | str | os.PathLike,
                 key: AnswerKey | PowerMap | str | os.PathLike | Hints | Case,
                 live: bool = True, max_feedback: int = 8, audience: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_feedback = max_feedback
        self.submission = submission
        self.audience = audience
        self.case: Case | None = key if isinstance(key, Case) else None
        #: Why there are no hints to show (a case with neither key nor hint file), else None.
        self.missing: CasesNotFound | None = None
        if self.case is not None:
            key = self._case_source(self.case)
        self.hints: Hints | None = _hints_file(key)
        self.key: AnswerKey | None = None if self.hints is not None or key is None else load_key(key)
        self.hint_result: Any = None
        self.live = live
        self.result: GradeResult | None = None
        self._score_callbacks = widgets.CallbackDispatcher()
        self._header = widgets.HTML(layout=widgets.Layout(width="100%"))
        self._criteria = widgets.HTML(layout=widgets.Layout(width="100%"))
        self._feedback = widgets.HTML(layout=widgets.Layout(width="100%"))
        self._more = widgets.ToggleButton(layout=widgets.Layout(width="auto"))
        self._more.observe(lambda change: setattr(self, "show_all", change["new"]), "value")
        self._button = widgets.Button(icon="refresh", layout=widgets.Layout(width="auto"))
        self._button.on_click(lambda _: self.refresh())
        self.children = [self._header, self._criteria, self._feedback, widgets.HBox([self._more, self._button])]
        self.add_class("pmk-scorecard")
        self.layout.border = "1px solid rgba(127,127,127,0.35)"
        self.layout.padding = "6px 12px"
        self._listeners = Listeners()
        self._listeners.language(self._on_language)
        if isinstance(submission, PowerMap):
            self._listeners.map(submission, self._on_map_change)
        self.refresh()

    def _case_source(self, case: Case) -> Any:
        """A case's key file when it is there, else its hints (``None`` when it has neither)."""
        if (case.folder / "key.json").is_file():
            return case.folder / "key.json"
        try:
            return hints_for(case)
        except CasesNotFound as exc:
            self.missing = exc
            return None

    @property
    def withheld(self) -> bool:
        """True when the card has no answer key (a hint file, or a case whose key is withheld)."""
        return self.key is None

    def _slug(self) -> str:
        sub = self.submission
        meta = sub.meta if isinstance(sub, PowerMap) else {}
        known = self.case.slug if self.case is not None else (self.key.map.meta.get("case") if self.key is not None
                                                                else self.hints.case if self.hints is not None else "")
        return str(meta.get("case") or known or "")

    def on_score(self, callback: Callable[[GradeResult], Any], remove: bool = False) -> None:
        """Register ``callback(result)`` run after every (re)scoring."""
        self._score_callbacks.register_callback(callback, remove=remove)

    @property
    def locked(self) -> bool:
        """True while the card shows hints only: a learner who has not submitted, or no key (a hint file)."""
        return self.key is None or (is_learner(self.audience) and not self.submitted)

    @property
    def submitted(self) -> bool:
        """Whether the submission has been submitted (its meta, or a frozen copy of the draft)."""
        from ..course.practice import unlocked
        from ..submit import work_status

        sub = self.submission
        if isinstance(sub, PowerMap):
            slug = self._slug()
            return bool(sub.meta.get("submitted")) if not slug else unlocked(sub, slug)
        return work_status(sub).status == "submitted"

    def refresh(self) -> GradeResult | None:
        """Score the submission again (re-reading its file) and redraw; what the button does."""
        if self.locked:
            return self._hint_refresh()
        self.hint_result = None
        self.result = grade(self.submission, self.key, lang=vocab.get_language())
        self.total = self.result.total
        self.author = self.result.submission
        self._draw()
        self._score_callbacks(self.result)
        return self.result

    @observe("show_all", "max_feedback")
    def _shown_changed(self, change: dict[str, Any]) -> None:
        if hasattr(self, "_more"):
            self._more.value = self.show_all
            self._draw()

    def to_html(self) -> str:
        """The whole card (every feedback line) as static HTML, where widgets do not render."""
        shown, self.show_all = self.show_all, True
        try:
            return f"{self._header.value}{self._criteria.value}{self._feedback.value}"
        finally:
            self.show_all = shown

    def _hint_refresh(self) -> None:
        from ..course.learner import map_result
        from ..io import load_map

        from ..course._base import pending
        from ..course.learner import withheld_result
        from ..course.result import following

        self.result = None
        self.total = None
        if self.hints is None and self.key is not None:
            self.hints = make_hints(self.key.map, salt="")
        if self.hints is None:  # a case with neither key nor hints: say so, do not fail
            case = self.case
            self.hint_result = following(lambda lg: pending(
                vocab.text("widgets_review.score.feedback", lang=lg),
                vocab.text("course.hints.no_hints", lang=lg, case=case.title(lg) if case else ""), "", lg), None)
            self._draw()
            return None
        sub = self.submission
        try:
            pm = sub if isinstance(sub, PowerMap) else load_map(sub)
        except Exception:  # a broken file reads as an empty map: the hints say where to start
            pm = None
        hints, top = self.hints, self.max_feedback
        # Without the key, a submitted map (or a trainer) is told the trainer holds the comparison.
        told = self.withheld and (not is_learner(self.audience) or self.submitted)

        def build(lg: str) -> Any:
            result = map_result(pm, hints, vocab.text("widgets_review.score.feedback", lang=lg), lg, top=top)
            return withheld_result(result, lg, self.audience) if told else result

        self.hint_result = following(build, None)
        self._draw()
        return None

    def _on_map_change(self, event: str, details: dict[str, Any]) -> None:
        if self.live:
            self.refresh()

    def _on_language(self, lang: str) -> None:
        self._draw()

    def _draw(self) -> None:
        if self.hint_result is not None:
            self._button.description = _t("score.refresh")
            self._more.layout.display = "none"
            self._header.value = ""
            self._criteria.value = ""
            self._feedback.value = self.hint_result.in_language(vocab.get_language())._repr_html_()
            return
        result = self.result
        if result is None:
            return
        lang = vocab.get_language()
        self._button.description = _t("score.refresh")
        who = _t("score.author", author=result.submission)
        if result.error is not None:
            self._more.layout.display = "none"
            # The result's error is in the language it was scored in: redo it in this one.
            detail = "; ".join(p.render(lang) for p in result.problems) or result.error
            self._header.value = str(macro("block")(who))
            self._criteria.value = ""
            self._feedback.value = str(macro("score_error")(_t("score.error", detail=detail), vocab.colour("oppose")))
            return
        self._header.value = str(macro("score_header")(_t("score.total"), _num(result.total),
                                                       score_colour(result.total), who))
        self._criteria.value = criteria_html(result, lang)
        lines = result.lines(lang)
        hidden = 0 if self.show_all else max(0, len(lines) - self.max_feedback)
        self._more.layout.display = "" if len(lines) > self.max_feedback else "none"
        self._more.description = (_t("score.fewer") if self.show_all
                                  else _t("score.more", count=len(lines)))
        self._feedback.value = str(macro("score_feedback")(_t("score.feedback"), lines[:len(lines) - hidden],
                                                           _t("score.no_feedback")))
