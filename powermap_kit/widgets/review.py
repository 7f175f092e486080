"""``ReviewView``: a coach reviews one trainee's map against the answer key.

The trainee's map and the key are drawn side by side, or the trainee's map is laid over
the key's people: people the trainee missed are faded ("ghosted"), people whose roles,
power, stance or coach flag differ from the key are outlined in red, people the key does
not have get a dashed outline. The coach pins comments to people, relationships or the
map as a whole; they are saved (atomically) in a file beside the submission —
``typical.json`` → ``typical.review.json`` — and read back when the review is reopened.
The submission itself is never written.

Who is missing, extra or wrong comes from :func:`powermap_kit.grading.compare_to_key`, the
score from :func:`~powermap_kit.grading.grade`, the comments file from
:mod:`powermap_kit.review`, the marks on the drawings from ``review_marks.py`` and the HTML
from ``data/templates/review_widget.html.j2``; this module only assembles and collects.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from markupsafe import Markup
from traitlets import CaselessStrEnum, Unicode, observe

from .. import vocab
from ..diff import value_text
from ..errors import InvalidValue, UnknownName
from ..grading import AnswerKey, GradeResult, KeyComparison, compare_to_key, grade, load_key
from ..io import load_map
from ..model import PowerMap
from ..render.templates import environment
from ..review import REVIEW_FORMAT, ReviewNotes, describe_target, review_path
from ._common import Listeners, StaticHtml, close_tree
from .review_marks import REVIEW_STYLE, Overlay, ReviewMap, ReviewMarks
from .scorecard import ScoreCard

__all__ = ["REVIEW_FORMAT", "REVIEW_STYLE", "ReviewNotes", "ReviewView", "review_path"]

MODES = ("side_by_side", "overlay")


def _t(key: str, **params: Any) -> str:
    return vocab.text(f"widgets_review.review.{key}", **params)


def _html(macro: str, *args: Any) -> str:
    """One of the HTML pieces of ``data/templates/review_widget.html.j2`` (autoescaped)."""
    return str(getattr(environment().get_template("review_widget.html.j2").module, macro)(*args))


class ReviewView(StaticHtml, widgets.VBox):
    """Review a trainee's map against the key, with comments saved beside the submission.

    Parameters
    ----------
    submission : path or PowerMap
        The trainee's map file (never modified; an invalid one raises
        :class:`~powermap_kit.errors.MapFormatError` naming every problem). A map needs ``path``.
    key : AnswerKey, PowerMap or path
        The answer key.
    path : path, optional
        The comments file; default ``<submission stem>.review.json`` beside the submission.
    reviewer : str, optional
        The coach's name, stored with each comment.
    mode : {"side_by_side", "overlay"}
        How the maps are shown first.
    arrangement : {"org", "network", "fishbone"}, optional
        Arrangement of the trainee's and the key's drawings (default ``"org"``).
    """

    mode = CaselessStrEnum(list(MODES), default_value="side_by_side",
                           help="'side_by_side' (trainee map and key) or 'overlay' (trainee map on the key's people).")
    target = Unicode("map", help="What the next comment is pinned to, e.g. 'person:cio', 'rel:2' or 'map'.")
    reviewer = Unicode(None, allow_none=True, help="Coach name stored with each comment.")

    def __init__(self, submission: PowerMap | str | os.PathLike, key: AnswerKey | PowerMap | str | os.PathLike,
                 path: str | os.PathLike | None = None, reviewer: str | None = None, mode: str = "side_by_side",
                 arrangement: str | None = None, **kwargs: Any) -> None:
        if isinstance(submission, PowerMap):
            self.submission_file: Path | None = None
            self.map = submission.copy()
        else:
            self.submission_file = Path(submission)
            self.map = load_map(self.submission_file)
        if path is None:
            if self.submission_file is None:
                raise InvalidValue("path", "path_needed")
            path = review_path(self.submission_file)
        self.key: AnswerKey = load_key(key)
        self.result: GradeResult = grade(self.map, self.key)
        self.notes = ReviewNotes(path, self.submission_file, reviewer)
        self._comment_callbacks = widgets.CallbackDispatcher()
        self._status_state: tuple[str, dict[str, Any]] | None = None
        self.comparison: KeyComparison = compare_to_key(self.map, self.key)
        self._overlay = Overlay(self.comparison)
        self._marks = ReviewMarks(self.comparison, self._overlay)

        self._title = widgets.HTML()
        self._mode_picker = widgets.ToggleButtons(style={"button_width": "auto"})
        self._legend = widgets.HTML(layout=widgets.Layout(margin="0 0 0 12px", flex="1 1 300px"))
        pair = arrangement or "org"
        self.trainee_view = ReviewMap(self.map.copy(), lambda: self._marks.trainee(self._commented()),
                                      arrangement=pair)
        self.key_view = ReviewMap(self.key.map.copy(), lambda: self._marks.key(self._commented()), arrangement=pair)
        self.overlay_view = ReviewMap(self._overlay.map, lambda: self._marks.overlaid(self._commented()),
                                      height="520px")
        self._trainee_label, self._key_label = widgets.HTML(), widgets.HTML()
        # Side by side where the cell is wide enough, one above the other where it is not.
        self._side = widgets.HBox([widgets.VBox([self._trainee_label, self.trainee_view], layout=_half()),
                                   widgets.VBox([self._key_label, self.key_view], layout=_half())],
                                  layout=widgets.Layout(width="100%", flex_flow="row wrap"))
        self._maps = widgets.VBox([self._side, self.overlay_view], layout=widgets.Layout(width="100%"))

        self._target_picker = widgets.Dropdown(layout=widgets.Layout(width="100%"), style={"description_width": "auto"})
        self._target_picker.add_class("pmk-comment-target")
        self._text = widgets.Textarea(layout=widgets.Layout(width="100%", height="70px"))
        self._add = widgets.Button(icon="comment", button_style="primary", layout=widgets.Layout(width="auto"))
        self._status = widgets.HTML(layout=widgets.Layout(margin="0 0 0 10px"))
        self._stale = widgets.HTML()
        self._list_title = widgets.HTML()
        self._list = widgets.VBox(layout=widgets.Layout(width="100%"))
        self._differences = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.scorecard = ScoreCard(self.map.copy(), self.key, live=False, audience="trainer")
        form = widgets.VBox([self._stale, self._target_picker, self._text,
                             widgets.HBox([self._add, self._status], layout=widgets.Layout(align_items="center")),
                             self._list_title, self._list], layout=widgets.Layout(flex="1 1 380px", min_width="320px"))
        side = widgets.VBox([self._differences, self.scorecard],
                            layout=widgets.Layout(flex="1 1 380px", min_width="320px"))
        notes = widgets.HBox([form, side], layout=widgets.Layout(width="100%", flex_flow="row wrap"))
        self._maps.add_class("pmk-review-maps")
        notes.add_class("pmk-review-notes")
        super().__init__([self._title,
                          widgets.HBox([self._mode_picker, self._legend], layout=widgets.Layout(align_items="center")),
                          self._maps, notes], **kwargs)
        self.add_class("pmk-review")
        self.reviewer = reviewer
        self.mode = mode
        self._relabelling = False
        self._relabel()
        self._show_mode()
        self._mode_picker.observe(self._mode_picked, "value")
        self._target_picker.observe(self._target_picked, "value")
        self._add.on_click(lambda _: self.add_comment())
        self.trainee_view.on_select(lambda sid: self._pick(f"person:{sid}" if sid else None))
        self.key_view.on_select(lambda kid: self._pick(self._marks.key_person_target(kid) if kid else None))
        self.overlay_view.on_select(lambda oid: self._pick(self._overlay.nodes.get(oid) if oid else None))
        self.trainee_view.on_select_relationship(lambda i: self._pick(f"rel:{i}"))
        self.key_view.on_select_relationship(lambda i: self._pick(self._marks.key_line_target(i)))
        self.overlay_view.on_select_relationship(lambda i: self._pick(self._overlay.lines.get(i)))
        self._listeners = Listeners()
        self._listeners.language(self._on_language)

    # ---- comparison (the core's: compare_to_key) ------------------------------------------
    @property
    def sub_of(self) -> dict[str, str]:
        """Key id → submission id of the matched people."""
        return self.comparison.sub_of

    @property
    def key_of(self) -> dict[str, str]:
        """Submission id → key id of the matched people."""
        return self.comparison.key_of

    @property
    def missing(self) -> list[str]:
        """Key ids the trainee left out."""
        return self.comparison.missing

    @property
    def extra(self) -> list[str]:
        """Submission ids the key does not have."""
        return self.comparison.extra

    @property
    def wrong(self) -> dict[str, dict[str, tuple[Any, Any]]]:
        """Key id → graded fields that differ from the key, as ``field -> (key value, trainee's)``."""
        return self.comparison.wrong

    @property
    def missing_lines(self) -> list[int]:
        """Indexes of the key's relationships the trainee did not draw."""
        return self.comparison.missing_lines

    def _commented(self) -> set[str]:
        return {self._marks.target_key(c["target"]) for c in self.notes.comments}

    def _redecorate(self) -> None:
        for view in (self.trainee_view, self.key_view, self.overlay_view):
            view.decorate()

    # ---- targets ------------------------------------------------------------------------
    def _names(self) -> tuple[dict[str, str], dict[str, str]]:
        return ({q.id: q.name for q in self.map.stakeholders},
                {p.id: self.key.display_name(p.id) for p in self.key.map.stakeholders})

    def _comment_label(self, target: Mapping[str, Any]) -> str:
        """A saved comment's target in words, even when the submission no longer has it."""
        return describe_target(target, *self._names())

    def _target_options(self) -> list[tuple[str, str]]:
        keys = ["map", *(f"person:{q.id}" for q in self.map.stakeholders),
                *(f"key_person:{k}" for k in self.missing),
                *(f"rel:{i}" for i in range(len(self.map.relationships))),
                *(f"key_rel:{i}" for i in self.missing_lines)]
        names = self._names()
        return [(describe_target(self._marks.target_data(k), *names), k) for k in keys]

    # ---- public API ---------------------------------------------------------------------
    @property
    def path(self) -> Path:
        """The comments file."""
        return self.notes.path

    @property
    def comments(self) -> list[dict[str, Any]]:
        """The comments so far (a copy), oldest first."""
        return [dict(c) for c in self.notes.comments]

    def on_comment(self, callback: Callable[[str, dict[str, Any]], Any], remove: bool = False) -> None:
        """Register ``callback(event, comment)``; ``event`` is ``"added"`` or ``"deleted"``."""
        self._comment_callbacks.register_callback(callback, remove=remove)

    def select(self, target: str) -> None:
        """Pin the next comment to ``target``: ``"map"``, ``"person:<id>"``, ``"key_person:<key id>"``,
        ``"rel:<index>"`` or ``"key_rel:<key index>"`` (as clicking a person or line does)."""
        allowed = [k for _, k in self._target_picker.options]
        if target not in allowed:
            raise UnknownName.not_one_of("target", target, allowed)
        self.target = target

    def add_comment(self, text: str | None = None, target: str | None = None) -> dict[str, Any] | None:
        """Add a comment (the Add button): ``text`` (default: what is typed) pinned to ``target``
        (default: the current target). Saved at once; returns the comment, or ``None`` if empty."""
        if target is not None:
            self.select(target)
        if text is not None:
            self._text.value = text
        body = self._text.value.strip()
        if not body:
            self._set_status("empty_comment")
            return None
        try:
            comment = self.notes.add(self._marks.target_data(self.target), body)
        except OSError as exc:  # the notes keep nothing that was not saved
            self._set_status("save_failed", file=str(self.path), detail=exc.strerror or str(exc))
            return None
        self._text.value = ""
        self._set_status("saved", file=self.path.name)
        self._draw_comments()
        self._redecorate()
        self._comment_callbacks("added", comment)
        return comment

    def delete_comment(self, index: int) -> dict[str, Any]:
        """Delete the comment at ``index`` (its Delete button) and save."""
        comment = self.notes.remove(index)
        self._set_status("saved", file=self.path.name)
        self._draw_comments()
        self._redecorate()
        self._comment_callbacks("deleted", comment)
        return comment

    def show(self, mode: str) -> None:
        """Show the maps ``"side_by_side"`` or as an ``"overlay"`` (the view buttons)."""
        self.mode = mode

    def to_html(self) -> str:
        """The review without drawings — differences, comments, score — as static HTML."""
        comments = [(self._comment_label(c.get("target") or {}), str(c.get("text", ""))) for c in self.notes.comments]
        return _html("static", Markup(self._title.value), Markup(self._differences.value),
                     _t("comments", count=len(comments)), comments, Markup(self.scorecard.to_html()))

    def close(self) -> None:
        """Close the review, its drawings and parts, and stop following the language."""
        listeners = getattr(self, "_listeners", None)  # absent when __init__ raised
        if listeners is not None:
            listeners.clear()
        if hasattr(self, "_maps"):
            for view in (self.trainee_view, self.key_view, self.overlay_view, self.scorecard):
                view.close()
            close_tree(self)
        super().close()

    # ---- events -------------------------------------------------------------------------
    def _pick(self, target: str | None) -> None:
        if target is not None and target in {k for _, k in self._target_picker.options}:
            self.target = target

    @observe("reviewer")
    def _reviewer_changed(self, change: dict[str, Any]) -> None:
        if hasattr(self, "notes"):
            self.notes.reviewer = change["new"]

    @observe("target")
    def _target_changed(self, change: dict[str, Any]) -> None:
        if self._target_picker.options and self._target_picker.value != change["new"]:
            self._target_picker.value = change["new"]

    def _target_picked(self, change: dict[str, Any]) -> None:
        if change["new"] is not None and not self._relabelling:
            self.target = change["new"]

    @observe("mode")
    def _mode_changed(self, change: dict[str, Any]) -> None:
        if hasattr(self, "_maps"):
            self._show_mode()

    def _mode_picked(self, change: dict[str, Any]) -> None:
        if change["new"] is not None and not self._relabelling:
            self.mode = change["new"]

    def _show_mode(self) -> None:
        if self._mode_picker.options and self._mode_picker.value != self.mode:
            self._mode_picker.value = self.mode
        side = self.mode == "side_by_side"
        # Every drawing stays on the page; hidden ones have no height. A drawing added or
        # shown later would keep the size it had while hidden, but ipycytoscape resizes
        # and fits the canvas whenever its layout's height changes, which this does.
        self._side.layout.display = "" if side else "none"
        self.overlay_view.layout.display = "none" if side else ""
        for view, shown in ((self.trainee_view, side), (self.key_view, side), (self.overlay_view, not side)):
            view.graph.layout.height = view.drawing_height if shown else "0px"

    def _on_language(self, lang: str) -> None:
        self._relabel()

    # ---- drawing ------------------------------------------------------------------------
    def _set_status(self, key: str, **params: Any) -> None:
        self._status_state = (key, params)
        self._status.value = _html("muted", _t(key, **params), "#666")

    def _relabel(self) -> None:
        self._relabelling = True
        try:
            self._mode_picker.options = [(_t(m), m) for m in MODES]
            self._mode_picker.value = self.mode
            self._target_picker.options = self._target_options()
            self._target_picker.value = self.target
        finally:
            self._relabelling = False
        self._title.value = _html("title", _t("title", author=self.result.submission))
        self._legend.value = _html("muted", _t("legend"))
        self._trainee_label.value = _html("bold", _t("trainee"))
        self._key_label.value = _html("bold", _t("key"))
        self._target_picker.description = _t("target")
        self._text.placeholder = _t("comment_placeholder")
        self._add.description = _t("add")
        self._stale.value = (_html("stale", _t("stale", file=self.path.name), vocab.colour("oppose"))
                             if self.notes.stale else "")
        if self._status_state is not None:
            self._set_status(self._status_state[0], **self._status_state[1])
        self._differences.value = self._differences_html()
        self._draw_comments()

    def _differences_html(self) -> str:
        rows = []
        for kid in self.missing:
            rows.append(_t("missing_row", name=self.key.display_name(kid)))
        for kid, diff in self.wrong.items():
            name = self.map.stakeholder(self.sub_of[kid]).name
            for fname, (expected, got) in diff.items():
                rows.append(_t("diff_row", name=name, field=vocab.text(f"field.{fname}"),
                               got=_value(fname, got), expected=_value(fname, expected)))
        for sid in self.extra:
            rows.append(_t("extra_row", name=self.map.stakeholder(sid).name))
        return _html("differences", _t("differences"), rows, _t("no_differences"))

    def _draw_comments(self) -> None:
        comments = self.notes.comments
        self._list_title.value = _html("bold", _t("comments", count=len(comments)))
        rows: list[widgets.Widget] = []
        for index, comment in enumerate(comments):
            label = self._comment_label(comment.get("target") or {})
            text = _html("comment", label, str(comment.get("text", "")))
            button = widgets.Button(description=_t("delete"), icon="trash",
                                    layout=widgets.Layout(width="auto", flex="0 0 auto"))
            button.on_click(lambda _b, i=index: self.delete_comment(i))
            rows.append(widgets.HBox([widgets.HTML(text, layout=widgets.Layout(flex="1 1 auto")), button],
                                     layout=widgets.Layout(width="100%", align_items="center")))
        if not rows:
            rows.append(widgets.HTML(_html("no_comments", _t("no_comments"))))
        for old in self._list.children:
            old.close()
        self._list.children = rows


def _value(field: str, value: Any) -> str:
    if field == "coach":
        return vocab.text("grading.report.yes") if value else vocab.text("grading.report.no")
    return value_text(field, value)


def _half() -> widgets.Layout:
    # Under 560 px a 15-person org chart shrinks past reading: then the two stack.
    return widgets.Layout(flex="1 1 560px", min_width="320px", padding="0 4px")
