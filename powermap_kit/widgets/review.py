"""``ReviewView``: a coach reviews one trainee's map against the answer key.

The trainee's map and the key are drawn side by side, or the trainee's map is laid over
the key's people: people the trainee missed are faded ("ghosted"), people whose roles,
power, stance or coach flag differ from the key are outlined in red, people the key does
not have get a dashed outline. The coach pins comments to people, relationships or the
map as a whole; they are saved (atomically) in a file beside the submission —
``typical.json`` → ``typical.review.json`` — and read back when the review is reopened.
The submission itself is never written.

Matching and scoring come from :func:`powermap_kit.grading.grade`, the drawing from
:class:`~powermap_kit.widgets.mapview.MapView`; this module only decorates and collects.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from traitlets import CaselessStrEnum, Unicode, observe

from .. import vocab
from ..diff import edge, edges, person_diff, value_text
from ..grading import GradeResult, grade, load_key
from ..grading.key import AnswerKey
from ..io import load_map, read_json, write_text_atomic
from ..model import PowerMap
from ..validation import FORMAT
from . import cyto
from ._common import Listeners, StaticHtml, close_tree
from .mapview import MapView
from .scorecard import ScoreCard

__all__ = ["REVIEW_FORMAT", "REVIEW_STYLE", "ReviewNotes", "ReviewView", "review_path"]

REVIEW_FORMAT = "powermap-review/1"
MODES = ("side_by_side", "overlay")
COMPARED = ("roles", "power", "stance", "coach")
WRONG, GHOST, EXTRA, COMMENTED = "pmk-wrong", "pmk-ghost", "pmk-extra", "pmk-commented"

REVIEW_STYLE: list[dict[str, Any]] = [
    {"selector": f"node.{GHOST}", "style": {"opacity": 0.35, "border-style": "dashed"}},
    {"selector": f"edge.{GHOST}", "style": {"opacity": 0.3}},
    {"selector": f"node.{WRONG}", "style": {"border-color": "#d62728", "border-width": 6, "border-style": "solid"}},
    {"selector": f"node.{EXTRA}", "style": {"border-color": "#ef6c00", "border-width": 4, "border-style": "dashed"}},
    {"selector": f".{COMMENTED}", "style": {"underlay-color": "#ffb300", "underlay-opacity": 0.45,
                                          "underlay-padding": 9}},
]
"""Cytoscape styles the review adds to the map style (after it, so they win)."""


def _t(key: str, **params: Any) -> str:
    return vocab.text(f"widgets_review.review.{key}", **params)


def review_path(submission: str | os.PathLike) -> Path:
    """Where the comments on a submission file are kept: ``x.json`` → ``x.review.json``."""
    path = Path(submission)
    stem = path.stem if path.suffix == ".json" else path.name
    return path.with_name(stem + ".review.json")


def _sha256(path: Path | None) -> str | None:
    if path is None or not path.exists():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


class ReviewNotes:
    """A coach's comments on one submission, in a JSON file of their own.

    Each comment is ``{"target": {...}, "text": ..., "time": ..., "reviewer": ...}`` where
    the target is ``{"kind": "map"}``, ``{"kind": "person", "id", "name"}`` (a person of the
    submission), ``{"kind": "key_person", "id", "name"}`` (someone the trainee missed),
    ``{"kind": "relationship", "source", "target", "type"}`` (submission ids) or
    ``{"kind": "key_relationship", ...}`` (key ids, a line the trainee did not draw).
    """

    def __init__(self, path: str | os.PathLike, submission: str | os.PathLike | None = None,
                 reviewer: str | None = None) -> None:
        self.path = Path(path)
        self.submission = Path(submission) if submission is not None else None
        self.reviewer = reviewer
        self.comments: list[dict[str, Any]] = []
        self.data: dict[str, Any] = {}
        if self.path.exists():
            data, problems = read_json(self.path)
            if problems or not isinstance(data, dict) or not isinstance(data.get("comments", []), list):
                # Never start afresh over a coach's unreadable file: saving would erase it.
                detail = problems[0].render() if problems else vocab.text("widgets_review.review.bad_file")
                raise ValueError(f"{self.path}: {detail}")
            self.data = data
            self.comments = list(data.get("comments") or [])

    @property
    def stale(self) -> bool:
        """True when the submission file changed after the comments were last saved."""
        recorded = self.data.get("submission_sha256")
        return bool(recorded) and recorded != _sha256(self.submission)

    def add(self, target: Mapping[str, Any], text: str) -> dict[str, Any]:
        """Add a comment and save; return it."""
        comment = {"target": dict(target), "text": text,
                   "time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "reviewer": self.reviewer}
        self.comments.append(comment)
        self.save()
        return comment

    def remove(self, index: int) -> dict[str, Any]:
        """Delete the comment at ``index`` and save; return it."""
        comment = self.comments.pop(index)
        self.save()
        return comment

    def save(self) -> Path:
        """Write the comments atomically (the submission is only read, to note its checksum)."""
        self.data = {**self.data, "format": REVIEW_FORMAT,
                     "submission": self.submission.name if self.submission else None,
                     "submission_sha256": _sha256(self.submission),
                     "updated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                     "comments": self.comments}
        return write_text_atomic(self.path, json.dumps(self.data, ensure_ascii=False, indent=2) + "\n")


Decorations = Callable[[], tuple[dict[str, list[str]], dict[str, list[str]]]]


class _ReviewMap(MapView):
    """A MapView whose elements carry review classes (ghost, wrong, extra, commented), through
    MapView's public ``extra_classes`` hook."""

    def __init__(self, map: PowerMap, decorations: Decorations, **kwargs: Any) -> None:
        self.drawing_height = kwargs.setdefault("height", "460px")

        def classes() -> dict[str, list[str]]:
            nodes, lines = decorations()
            return {**nodes, **lines}  # person ids and line ids never collide (cyto.edge_id)

        super().__init__(map, legend=None, store_positions=False, extra_classes=classes, extra_style=REVIEW_STYLE,
                         **kwargs)

    def decorate(self) -> None:
        """Put the review classes on the elements (and take stale ones off)."""
        self.refresh_classes()


def _edge_ids(pm: PowerMap) -> list[str | None]:
    """The drawing id of each relationship (as :func:`cyto.to_cytoscape` numbers them)."""
    ids, seen, people = [], {}, set(pm.ids)
    for rel in pm.relationships:
        if rel.source not in people or rel.target not in people:
            ids.append(None)
            continue
        base = cyto.edge_id(rel)
        n = seen.get(base, 0)
        seen[base] = n + 1
        ids.append(cyto.edge_id(rel, n))
    return ids


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
                raise ValueError(vocab.text("widgets_review.review.path_needed"))
            path = review_path(self.submission_file)
        self.key: AnswerKey = load_key(key)
        self.result: GradeResult = grade(self.map, self.key)
        self.notes = ReviewNotes(path, self.submission_file, reviewer)
        self._comment_callbacks = widgets.CallbackDispatcher()
        self._status_state: tuple[str, dict[str, Any]] | None = None
        self._compare_with_key()
        self._overlay_map, self._overlay_targets = self._build_overlay()

        self._title = widgets.HTML()
        self._mode_picker = widgets.ToggleButtons(style={"button_width": "auto"})
        self._legend = widgets.HTML(layout=widgets.Layout(margin="0 0 0 12px", flex="1 1 300px"))
        pair = arrangement or "org"
        self.trainee_view = _ReviewMap(self.map.copy(), self._trainee_decorations, arrangement=pair)
        self.key_view = _ReviewMap(self.key.map.copy(), self._key_decorations, arrangement=pair)
        self.overlay_view = _ReviewMap(self._overlay_map, self._overlay_decorations, height="520px")
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
        self.scorecard = ScoreCard(self.map.copy(), self.key, live=False)
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
        self.key_view.on_select(lambda kid: self._pick(self._key_person_target(kid) if kid else None))
        self.overlay_view.on_select(lambda oid: self._pick(self._overlay_targets["nodes"].get(oid) if oid else None))
        self.trainee_view.on_select_relationship(lambda i: self._pick(f"rel:{i}"))
        self.key_view.on_select_relationship(lambda i: self._pick(self._key_line_target(i)))
        self.overlay_view.on_select_relationship(lambda i: self._pick(self._overlay_targets["lines"].get(i)))
        self._listeners = Listeners()
        self._listeners.language(self._on_language)

    # ---- comparison (data for decorations and the differences list) ---------------------
    def _compare_with_key(self) -> None:
        self.sub_of = {m.a: m.b for m in self.result.matches}      # key id -> submission id
        self.key_of = {m.b: m.a for m in self.result.matches}      # submission id -> key id
        self.missing = [p.id for p in self.key.map.stakeholders if p.id not in self.sub_of]
        self.extra = [q.id for q in self.map.stakeholders if q.id not in self.key_of]
        self.wrong: dict[str, dict[str, tuple[Any, Any]]] = {}
        for kid, sid in self.sub_of.items():
            diff = person_diff(self.key.map.stakeholder(kid), self.map.stakeholder(sid), COMPARED)
            power = diff.get("power")
            # Within the key's tolerance a power rating earns full credit: not an error.
            if power and None not in power and abs(power[0] - power[1]) <= self.key.tolerance:
                del diff["power"]
            if diff:
                self.wrong[kid] = diff
        sub_lines = edges(self.map, self.key_of)
        self.missing_lines = [i for i, rel in enumerate(self.key.map.relationships)
                              if edge(rel.source, rel.target, rel.type) not in sub_lines]

    def _build_overlay(self) -> tuple[PowerMap, dict[str, dict[Any, str]]]:
        """The trainee's people at the key's places; missed key people and lines as ghosts."""
        people, nodes, lines = [], {}, {}
        for kp in self.key.map.stakeholders:
            sid = self.sub_of.get(kp.id)
            data = (self.map.stakeholder(sid) if sid else kp).to_dict()
            data["id"] = kp.id
            data.pop("position", None)
            people.append(data)
            nodes[kp.id] = f"person:{sid}" if sid else f"key_person:{kp.id}"
        ids = {p["id"] for p in people}
        rename = dict(self.key_of)
        for sid in self.extra:
            new, n = sid, 2
            while new in ids:
                new, n = f"{sid}_{n}", n + 1
            ids.add(new)
            rename[sid] = new
            data = self.map.stakeholder(sid).to_dict()
            data["id"] = new
            data.pop("position", None)
            people.append(data)
            nodes[new] = f"person:{sid}"
        rels = []
        for i, rel in enumerate(self.map.relationships):
            lines[len(rels)] = f"rel:{i}"
            rels.append({**rel.to_dict(), "source": rename[rel.source], "target": rename[rel.target]})
        self._ghost_lines = set()
        for i in self.missing_lines:
            lines[len(rels)] = f"key_rel:{i}"
            self._ghost_lines.add(len(rels))
            rels.append(self.key.map.relationships[i].to_dict())
        overlay = PowerMap.from_dict({"format": FORMAT, "stakeholders": people, "relationships": rels},
                                     validate=False)
        return overlay, {"nodes": nodes, "lines": lines}

    # ---- decorations --------------------------------------------------------------------
    def _commented(self) -> set[str]:
        return {self._target_key(c["target"]) for c in self.notes.comments}

    def _trainee_decorations(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        pinned = self._commented()
        wrong = {self.sub_of[k] for k in self.wrong}
        nodes = {q.id: [c for c, on in ((WRONG, q.id in wrong), (EXTRA, q.id in self.extra),
                                         (COMMENTED, f"person:{q.id}" in pinned)) if on]
                 for q in self.map.stakeholders}
        ids = _edge_ids(self.map)
        lines = {ids[i]: [COMMENTED] for i in range(len(ids)) if ids[i] and f"rel:{i}" in pinned}
        return nodes, lines

    def _key_decorations(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        pinned = self._commented()
        nodes = {p.id: [c for c, on in ((GHOST, p.id in self.missing), (WRONG, p.id in self.wrong),
                                        (COMMENTED, self._key_person_target(p.id) in pinned)) if on]
                 for p in self.key.map.stakeholders}
        ids = _edge_ids(self.key.map)
        lines = {}
        for i, eid in enumerate(ids):
            if eid:
                lines[eid] = [c for c, on in ((GHOST, i in self.missing_lines),
                                              (COMMENTED, f"key_rel:{i}" in pinned)) if on]
        return nodes, lines

    def _overlay_decorations(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        pinned = self._commented()
        extra = {f"person:{s}" for s in self.extra}
        nodes = {}
        for oid, target in self._overlay_targets["nodes"].items():
            nodes[oid] = [c for c, on in ((GHOST, target.startswith("key_person:")), (WRONG, oid in self.wrong),
                                          (EXTRA, target in extra), (COMMENTED, target in pinned)) if on]
        ids = _edge_ids(self._overlay_map)
        lines = {}
        for i, eid in enumerate(ids):
            if eid:
                lines[eid] = [c for c, on in ((GHOST, i in self._ghost_lines),
                                              (COMMENTED, self._overlay_targets["lines"].get(i) in pinned)) if on]
        return nodes, lines

    def _redecorate(self) -> None:
        for view in (self.trainee_view, self.key_view, self.overlay_view):
            view.decorate()

    # ---- targets ------------------------------------------------------------------------
    def _key_person_target(self, kid: str) -> str:
        return f"person:{self.sub_of[kid]}" if kid in self.sub_of else f"key_person:{kid}"

    def _key_line_target(self, index: int) -> str:
        if index in self.missing_lines:
            return f"key_rel:{index}"
        rel = self.key.map.relationships[index]
        wanted = edge(rel.source, rel.target, rel.type)
        for i, sub in enumerate(self.map.relationships):
            ends = (self.key_of.get(sub.source), self.key_of.get(sub.target))
            if None not in ends and edge(ends[0], ends[1], sub.type) == wanted:
                return f"rel:{i}"
        return f"key_rel:{index}"

    def _target_key(self, target: Mapping[str, Any]) -> str:
        kind = target.get("kind")
        if kind in ("person", "key_person"):
            return f"{kind}:{target.get('id')}"
        if kind in ("relationship", "key_relationship"):
            pm = self.map if kind == "relationship" else self.key.map
            prefix = "rel" if kind == "relationship" else "key_rel"
            for i, rel in enumerate(pm.relationships):
                wanted = (target.get("source"), target.get("target"), target.get("type"))
                if (rel.source, rel.target, rel.type) == wanted:
                    return f"{prefix}:{i}"
            return f"{prefix}:?"
        return "map"

    def _target_data(self, key: str) -> dict[str, Any]:
        kind, _, rest = key.partition(":")
        if kind == "person":
            return {"kind": "person", "id": rest, "name": self.map.stakeholder(rest).name}
        if kind == "key_person":
            return {"kind": "key_person", "id": rest, "name": self.key.map.stakeholder(rest).name}
        if kind in ("rel", "key_rel"):
            rel = (self.map if kind == "rel" else self.key.map).relationships[int(rest)]
            return {"kind": "relationship" if kind == "rel" else "key_relationship",
                    "source": rel.source, "target": rel.target, "type": rel.type}
        return {"kind": "map"}

    def _target_label(self, key: str) -> str:
        kind, _, rest = key.partition(":")
        if kind == "person":
            return self.map.stakeholder(rest).name
        if kind == "key_person":
            return _t("missing_person", name=self.key.display_name(rest))
        if kind in ("rel", "key_rel") and rest.isdigit():
            pm = self.map if kind == "rel" else self.key.map
            rel = pm.relationships[int(rest)]
            names = {p.id: p.name for p in pm.stakeholders}
            text = _t("relationship", source=names.get(rel.source, rel.source),
                      target=names.get(rel.target, rel.target), type=vocab.label(rel.type, "relationship_type"))
            return text if kind == "rel" else _t("missing_person", name=text)
        return _t("general")

    def _comment_label(self, target: Mapping[str, Any]) -> str:
        """A saved comment's target in words, even when the submission no longer has it."""
        key = self._target_key(target)
        kind, _, rest = key.partition(":")
        if (kind == "person" and rest in self.map) or (kind == "key_person" and rest in self.key.map) \
                or (kind in ("rel", "key_rel") and rest.isdigit()) or kind == "map":
            return self._target_label(key)
        if kind in ("rel", "key_rel"):
            return _t("relationship", source=target.get("source"), target=target.get("target"),
                      type=vocab.label(str(target.get("type")), "relationship_type")
                      if target.get("type") in vocab.RELATIONSHIP_TYPES else target.get("type"))
        return str(target.get("name") or target.get("id") or "?")

    def _target_options(self) -> list[tuple[str, str]]:
        keys = ["map", *(f"person:{q.id}" for q in self.map.stakeholders),
                *(f"key_person:{k}" for k in self.missing),
                *(f"rel:{i}" for i in range(len(self.map.relationships))),
                *(f"key_rel:{i}" for i in self.missing_lines)]
        return [(self._target_label(k), k) for k in keys]

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
            raise KeyError(vocab.text("problem.not_one_of", value=repr(target), allowed=", ".join(allowed)))
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
            comment = self.notes.add(self._target_data(self.target), body)
        except OSError as exc:
            self.notes.comments.pop()
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
        comments = "".join(
            f"<li><b>{html.escape(self._comment_label(c.get('target') or {}))}</b>: "
            f"{html.escape(str(c.get('text', '')))}</li>" for c in self.notes.comments)
        return (f"{self._title.value}{self._differences.value}{self._list_title.value}<ul>{comments}</ul>"
                f"{self.scorecard.to_html()}")

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
        self._status.value = f'<span style="color:#666">{html.escape(_t(key, **params))}</span>'

    def _relabel(self) -> None:
        self._relabelling = True
        try:
            self._mode_picker.options = [(_t(m), m) for m in MODES]
            self._mode_picker.value = self.mode
            self._target_picker.options = self._target_options()
            self._target_picker.value = self.target
        finally:
            self._relabelling = False
        self._title.value = f"<h3 style='margin:4px 0'>{html.escape(_t('title', author=self.result.submission))}</h3>"
        self._legend.value = f'<span style="color:#555">{html.escape(_t("legend"))}</span>'
        self._trainee_label.value = f"<b>{html.escape(_t('trainee'))}</b>"
        self._key_label.value = f"<b>{html.escape(_t('key'))}</b>"
        self._target_picker.description = _t("target")
        self._text.placeholder = _t("comment_placeholder")
        self._add.description = _t("add")
        self._stale.value = (f'<div style="color:{vocab.colour("oppose")}">'
                             f'{html.escape(_t("stale", file=self.path.name))}</div>' if self.notes.stale else "")
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
        body = ("<ul style='margin:2px 0;padding-left:20px;line-height:1.45'>"
                + "".join(f"<li>{html.escape(r)}</li>" for r in rows) + "</ul>") if rows else \
            f"<div>{html.escape(_t('no_differences'))}</div>"
        return f'<div class="pmk-differences"><b>{html.escape(_t("differences"))}</b>{body}</div>'

    def _draw_comments(self) -> None:
        comments = self.notes.comments
        self._list_title.value = f"<b>{html.escape(_t('comments', count=len(comments)))}</b>"
        rows: list[widgets.Widget] = []
        for index, comment in enumerate(comments):
            label = self._comment_label(comment.get("target") or {})
            text = (f'<div class="pmk-comment" style="line-height:1.4"><b>{html.escape(label)}</b>: '
                    f'{html.escape(str(comment.get("text", "")))}</div>')
            button = widgets.Button(description=_t("delete"), icon="trash",
                                    layout=widgets.Layout(width="auto", flex="0 0 auto"))
            button.on_click(lambda _b, i=index: self.delete_comment(i))
            rows.append(widgets.HBox([widgets.HTML(text, layout=widgets.Layout(flex="1 1 auto")), button],
                                     layout=widgets.Layout(width="100%", align_items="center")))
        if not rows:
            rows.append(widgets.HTML(f'<div style="color:#777">{html.escape(_t("no_comments"))}</div>'))
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
