"""Saving for :class:`~powermap_kit.widgets.MapBuilder`: autosave, status, conflicts, failures.

The builder's file is a :class:`~powermap_kit.mapfile.MapFile`: when another writer (a
second tab or kernel, the trainer) changed it since this builder last read or saved it,
their version is kept, this builder's map goes to a conflict copy beside it, later saves
follow the copy, and the status says so with the ``pk.compare(...)`` line that shows the
differences, and a *Merge* button appears (:meth:`SavingMixin.merge`: a three-way merge of
the version this builder last read or saved, its map and the other writer's file). A save that fails for any reason says so in the status (in the current
language) instead of a silent error in the autosave thread; the status never says
"Saved" for a save that did not happen.
"""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from .. import vocab
from ..errors import MapFormatError, Problem
from ..mapfile import Conflict, MapFile
from ..merge import MergeResult, merge_maps
from ..model import PowerMap
from ..values import visible
from ._common import close_tree, t

__all__ = ["SavingMixin"]

_RED, _AMBER, _GREY = "#b71c1c", "#e65100", "#555"
_STATUS_COLOURS = {"status_blocked": _RED, "status_save_failed": _RED, "status_conflict": _AMBER,
                   "merge.builder_conflicts": _AMBER}


class SavingMixin:
    """The saving half of the builder (it needs ``map``, ``path``, ``status``, ``load_problems``)."""

    path: str | None
    autosave_delay: float
    status: widgets.HTML
    load_problems: widgets.HTML
    map: PowerMap
    _undo: list[dict[str, Any]]
    _redo: list[dict[str, Any]]
    _buttons: Callable[[], None]

    def _init_saving(self) -> None:
        self._lock = threading.RLock()
        self._timer: threading.Timer | None = None
        self._save_callbacks = widgets.CallbackDispatcher()
        self._load_problems: list[Problem] = []
        self._blocked = False  # the file at `path` is unreadable: never overwrite it
        self._file: MapFile | None = None
        self._status_key: tuple[str, dict[str, Any]] = ("status_new", {})
        self._merged: MergeResult | None = None
        self.merge_button = widgets.Button(icon="code-fork", layout=widgets.Layout(width="auto", display="none"))
        self.merge_button.on_click(lambda _b: self.merge())
        #: After a merge with conflicts: one row per conflict (keep mine / take theirs) and "apply".
        self.merge_choices = widgets.VBox(layout=widgets.Layout(margin="0 0 4px 8px"))
        self._picks: dict[str, widgets.ToggleButtons] = {}

    def _open(self, pm: PowerMap | None, path: str | Path | None) -> PowerMap:
        if path is not None:
            self._file = MapFile(path)
            if Path(path).exists():
                try:
                    loaded = self._file.load()
                except MapFormatError as exc:
                    self._load_problems = exc.problems
                    self._blocked = True
                else:
                    self._status_key = ("status_loaded", {"file": str(path), "count": len(loaded)})
                    return loaded
        return pm if pm is not None else PowerMap()

    @property
    def conflict(self) -> Conflict | None:
        """The last conflict met: the other writer's file, this builder's copy and the common base."""
        return self._file.conflict if self._file is not None else None

    def on_save(self, callback: Callable[[Path], Any], remove: bool = False) -> None:
        """Call ``callback(path)`` after each successful save (autosave included)."""
        self._save_callbacks.register_callback(callback, remove=remove)

    def save(self, path: str | Path | None = None) -> Path | None:
        """Save now (atomically); with ``path``, save there from now on.

        Returns the path written -- a conflict copy when someone else changed the file
        since this builder last read or saved it (see :attr:`conflict`) -- or ``None``
        when nothing was saved (no path, an unreadable file kept untouched, or the save
        failed); the status says which.
        """
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if path is not None:
                self.path, self._blocked, self._file = str(path), False, MapFile(path)
                self.merge_button.layout.display = "none"  # a new file: no conflict to merge
                self._load_problems = []
                self.load_problems.value = ""
            if self.path is None or self._file is None:
                self._set_status("status_no_file")
                return None
            if self._blocked:
                self._set_status("status_blocked", file=self.path)
                return None
            try:
                outcome = self._file.save(self.map)
            except Exception as exc:  # any failure is shown; an autosave thread must never die silently
                self._set_status("status_save_failed", file=self.path, detail=_detail(exc))
                return None
            now = time.strftime("%H:%M:%S")
            if self._file.conflict is not None:
                conflict = self._file.conflict
                self.path = str(self._file.path)
                self.merge_button.layout.display = None
                self._set_status("status_conflict", file=str(conflict.path), copy=str(conflict.copy), time=now,
                                 compare=conflict.compare_code())
            else:
                self._set_status("status_saved", file=self.path, time=now)
            written = outcome.copy if isinstance(outcome, Conflict) else outcome
        self._save_callbacks(written)
        return written

    def merge(self, decisions: dict[str, Any] | None = None) -> MergeResult | None:
        """Merge the other writer's version of the file into this builder's map (the *Merge* button).

        A three-way merge (:func:`~powermap_kit.merge.merge_maps`) of the version this
        builder last read or saved before the conflict, its map, and the file as the other
        writer left it. Without conflicts (or once ``decisions`` -- place to ``"mine"``,
        ``"theirs"`` or a value -- decide them all) the merged map replaces this builder's
        (undo brings it back) and is saved to the shared file again. Otherwise the map is
        left unchanged and :attr:`merge_choices` shows each conflict with *keep mine* /
        *take theirs* and a button that merges again with those choices. Returns the
        merge, ``None`` when there was no conflict to merge.
        """
        conflict = self.conflict
        if conflict is None:
            self._set_status("merge.builder_nothing")
            return None
        shared = MapFile(conflict.path)
        try:
            result = merge_maps(conflict.base, self.map, shared.load())
            for place, take in (decisions or {}).items():
                side = take if take in ("mine", "theirs") else "value"
                result = result.resolve(place, side, None if side != "value" else take)
        except Exception as exc:  # a broken file or a refused decision: shown, the map untouched
            self._set_status("status_save_failed", file=str(conflict.path), detail=_detail(exc))
            return None
        self._merged = result
        if not result.resolved:
            self._set_status("merge.builder_conflicts", file=str(conflict.path), copy=str(conflict.copy),
                             count=len(result.conflicts))
            return result
        with self._lock:
            self._undo.append(self.map.to_dict())  # the merge is one undo step
            self._redo.clear()
            self._file, self.path = shared, str(conflict.path)
            self.map.replace_with(result.map)
        self._buttons()
        self.save()
        if self._file.conflict is None:
            self.merge_button.layout.display = "none"
            self._set_status("merge.builder_merged", file=str(conflict.path))
        return result

    def _schedule_save(self) -> None:
        if self.path is None or self._blocked:
            return
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.autosave_delay, self._autosave)
            self._timer.daemon = True
            self._timer.start()

    def _autosave(self) -> None:
        with self._lock:
            self._timer = None
        try:
            self.save()
        except Exception as exc:  # e.g. a save callback failed: still never silent
            self._set_status("status_save_failed", file=self.path or "", detail=_detail(exc))

    def _set_status(self, key: str, **params: Any) -> None:
        self._status_key = (key, params)
        colour = _STATUS_COLOURS.get(key, _GREY)
        self.merge_button.description = vocab.text("merge.builder_button")
        message = vocab.text(key, **params) if key.startswith("merge.") else t(key, **params)
        self._show_choices(key == "merge.builder_conflicts")
        self.status.value = (f'<span class="powermap-status powermap-{key.replace("_", "-").replace(".", "-")}" '
                             f'style="color:{colour}">{html.escape(visible(message))}</span>')

    def _show_choices(self, shown: bool) -> None:
        """The conflicts of the last merge, each with keep mine / take theirs, in the current language."""
        if not shown and not self.merge_choices.children:
            return
        before = {place: pick.value for place, pick in self._picks.items()}
        for child in self.merge_choices.children:
            close_tree(child)
            child.close()
        self._picks, rows = {}, []
        for conflict in self._merged.conflicts if shown and self._merged is not None else ():
            pick = widgets.ToggleButtons(options=[(vocab.text("merge.builder_keep_mine"), "mine"),
                                                  (vocab.text("merge.builder_take_theirs"), "theirs")],
                                         value=before.get(conflict.place, "mine"), style={"button_width": "auto"})
            self._picks[conflict.place] = pick
            text = widgets.HTML(f'<span class="powermap-merge-conflict" data-place="{html.escape(conflict.place)}">'
                                f'{html.escape(visible(conflict.text()))}</span>')
            rows.append(widgets.HBox([pick, text], layout=widgets.Layout(align_items="center")))
        if rows:
            apply = widgets.Button(description=vocab.text("merge.builder_apply"), icon="check", button_style="warning",
                                   layout=widgets.Layout(width="auto", align_self="flex-start"))
            apply.on_click(lambda _b: self.merge({p: pick.value for p, pick in self._picks.items()}))
            rows.append(apply)
        self.merge_choices.children = rows

    def _load_problems_html(self) -> str:
        if not self._load_problems:
            return ""
        items = "".join(f"<li>{html.escape(p.render())}</li>" for p in self._load_problems)
        return (f'<div style="color:#b71c1c;background:#ffebee;border-left:4px solid #c62828;padding:4px 8px">'
                f'<b>{html.escape(t("load_failed", file=self.path or ""))}</b><ul>{items}</ul></div>')


def _detail(exc: BaseException) -> str:
    """A failure in a line or three: the first problems of an invalid map, else the error."""
    if isinstance(exc, MapFormatError):
        shown = "; ".join(f"{p.place}: {p.message()}" if p.place else p.message() for p in exc.problems[:3])
        return shown + (" …" if len(exc.problems) > 3 else "")
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}"
