"""``MapBuilder``: build and edit a power map in a notebook, with nothing ever lost.

A thin editor over :class:`~powermap_kit.PowerMap`'s editing API: the drawing
(:class:`~powermap_kit.widgets.MapView`), a person form and a relationship form, undo and
redo, a live analysis panel, and autosave. Every edit is validated by the model; when it
is refused, the problems appear under the form in the current language and the form
keeps what was typed. The map is saved atomically to ``path`` shortly after each edit
(and at once with :meth:`MapBuilder.save`), and ``MapBuilder(path=p)`` picks the work up
again after a kernel restart or a closed tab. A file that cannot be read is never
overwritten: its problems are shown and autosave stays off until you save elsewhere. A
file someone else changed meanwhile is never overwritten either: this builder's map goes
to a conflict copy beside it, the status says how to compare the two, and a Merge button
merges both versions (:mod:`~powermap_kit.widgets.autosave`, :mod:`powermap_kit.merge`).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from traitlets import Float, Unicode

from ..errors import MapFormatError
from ..model import PowerMap
from ._common import Listeners, problem_lines, t
from .autosave import SavingMixin
from .mapforms import PersonForm, RelationshipForm
from .mapview import MapView

__all__ = ["MapBuilder"]

_UNDO_LIMIT = 200


def _analyse() -> Callable[[PowerMap], Any] | None:
    try:
        from ..analysis import analyse
    except ImportError:
        return None
    return analyse


class MapBuilder(SavingMixin, widgets.VBox):
    """Add, edit and delete people and relationships of a power map, with autosave.

    Parameters
    ----------
    map : PowerMap, optional
        The map to start from (edited in place). Ignored when ``path`` holds a valid map:
        the saved work wins, so re-running the cell after a restart continues it.
    path : str or Path, optional
        The file to autosave to and to reload from.
    lens, arrangement, height
        Passed to the :class:`MapView`.
    autosave_delay : float
        Seconds of quiet after an edit before the autosave.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import powermap_kit as pk
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "my_map.json"
    >>> builder = MapBuilder(path=path)
    >>> builder.person_form.name.value = "Li Na"
    >>> builder.person_form.stance.value = "support"
    >>> builder.add_person()          # what the "Add as new person" button does
    True
    >>> builder.save() == path
    True
    >>> pk.load_map(path).stakeholder("li_na").stance
    'support'
    >>> builder.close()
    >>> MapBuilder(path=path).map.stakeholder("li_na").name      # reopened: nothing lost
    'Li Na'
    """

    path = Unicode(None, allow_none=True, help="File the map is autosaved to and reloaded from.").tag(sync=False)
    autosave_delay = Float(0.5, help="Seconds after the last edit before the map is saved.").tag(sync=False)

    def __init__(self, map: PowerMap | None = None, path: str | Path | None = None, lens: str | None = None,
                 arrangement: str = "org", height: str = "520px", autosave_delay: float = 0.5, **kwargs: Any):
        self._init_saving()
        self._undo: list[dict[str, Any]] = []
        self._redo: list[dict[str, Any]] = []
        self._listeners = Listeners()
        pm = self._open(map, path)

        self.view = MapView(pm, lens=lens, arrangement=arrangement, height=height, legend=None)
        self.person_form = PersonForm()
        self.line_form = RelationshipForm()
        self.tabs = widgets.Tab([self.person_form, self.line_form],
                                layout=widgets.Layout(flex="1 1 440px", max_width="620px"))
        self.panel = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.undo_button = widgets.Button(icon="undo", disabled=True, layout=widgets.Layout(width="auto"))
        self.redo_button = widgets.Button(icon="repeat", disabled=True, layout=widgets.Layout(width="auto"))
        self.save_button = widgets.Button(icon="save", layout=widgets.Layout(width="auto"))
        self.status = widgets.HTML(layout=widgets.Layout(margin="0 0 0 8px"))
        self.load_problems = widgets.HTML()
        toolbar = widgets.HBox([self.undo_button, self.redo_button, self.save_button, self.merge_button, self.status],
                               layout=widgets.Layout(align_items="center", flex_flow="row wrap"))
        # The drawing gets the full width (readable zoom); the forms sit under it beside the panel.
        side = widgets.VBox([self.panel, self.view.legend], layout=widgets.Layout(flex="1 1 280px", min_width="260px"))
        lower = widgets.HBox([side, self.tabs], layout=widgets.Layout(width="100%", flex_flow="row wrap"))
        main = widgets.VBox([self.view, lower], layout=widgets.Layout(width="100%"))
        super().__init__([toolbar, self.merge_choices, self.load_problems, main], **kwargs)
        self.path = str(path) if path is not None else None
        self.autosave_delay = autosave_delay

        self.undo_button.on_click(lambda _b: self.undo())
        self.redo_button.on_click(lambda _b: self.redo())
        self.save_button.on_click(lambda _b: self.save())
        self.person_form.add_button.on_click(lambda _b: self.add_person())
        self.person_form.apply_button.on_click(lambda _b: self.apply_person())
        self.person_form.delete_button.on_click(lambda _b: self.delete_person())
        self.person_form.new_button.on_click(lambda _b: self.select(None))
        self.line_form.add_button.on_click(lambda _b: self.add_relationship())
        self.line_form.apply_button.on_click(lambda _b: self.apply_relationship())
        self.line_form.delete_button.on_click(lambda _b: self.delete_relationship())
        self.line_form.existing.observe(self._line_picked, "value")
        self.view.on_select(self._on_select)
        self.view.on_select_relationship(self._on_line_select)
        self.view.on_move(lambda _ids: self._schedule_save())
        self._listeners.map(pm, self._on_map_change)
        self._listeners.language(self._on_language)
        self._relabel()
        self.line_form.refresh(pm)
        if self._load_problems:
            self._set_status("status_blocked", file=self.path)
        elif self.path is not None and not Path(self.path).exists():
            self.save()  # the first save also keeps the positions just laid out

    # ---- public API -------------------------------------------------------------------
    @property
    def map(self) -> PowerMap:
        """The current map (undo and redo change it in place)."""
        return self.view.map

    def select(self, stakeholder_id: str | None) -> None:
        """Select a person for editing (``None``: an empty form for a new person)."""
        self.view.select(stakeholder_id)

    def add_person(self) -> bool:
        """Add the person in the form as a new stakeholder; ``False`` (problems shown) if refused."""
        form = self.person_form
        data, bad = form.values()
        if data["id"] is not None and data["id"] == form.editing:
            data["id"] = None  # "add" from a loaded person makes a copy with a fresh id
        if bad:
            form.show_problems(lambda: form.values()[1])
            return False
        person = self._edit(form, lambda: self.map.add_stakeholder(**data))
        if person is None:
            return False
        self.select(person.id)
        return True

    def apply_person(self) -> bool:
        """Save the form's changes to the selected person; ``False`` (problems shown) if refused."""
        form = self.person_form
        if form.editing is None or form.editing not in self.map:
            return self.add_person()
        changes, bad = form.changes()
        if bad:
            form.show_problems(lambda: form.values()[1])
            return False
        if not changes:
            form.show_problems([])
            return True
        person = self._edit(form, lambda: self.map.update_stakeholder(form.editing, **changes))
        if person is None:
            return False
        self.select(person.id)
        return True

    def delete_person(self) -> bool:
        """Delete the selected person and every line naming them."""
        sid = self.person_form.editing
        if sid is None or sid not in self.map:
            return False
        self._edit(self.person_form, lambda: self.map.remove_stakeholder(sid))
        self.select(None)
        return True

    def add_relationship(self) -> bool:
        """Add the relationship in the form; ``False`` (problems shown) if refused."""
        form = self.line_form
        data = form.values()
        rel = self._edit(form, lambda: self.map.add_relationship(**data))
        if rel is None:
            return False
        self._load_line(len(self.map.relationships) - 1)
        return True

    def apply_relationship(self) -> bool:
        """Save the form's changes to the relationship being edited."""
        form = self.line_form
        if form.editing is None:
            return self.add_relationship()
        index, data = form.editing, form.values()
        if self._edit(form, lambda: self.map.update_relationship(index, **data)) is None:
            return False
        self._load_line(index)
        return True

    def delete_relationship(self) -> bool:
        """Delete the relationship being edited."""
        index = self.line_form.editing
        if index is None:
            return False
        self._edit(self.line_form, lambda: self.map.remove_relationship(index))
        self._load_line(None)
        return True

    def undo(self) -> bool:
        """Undo the last edit; ``False`` when there is nothing to undo."""
        return self._step(self._undo, self._redo)

    def redo(self) -> bool:
        """Redo the last undone edit; ``False`` when there is nothing to redo."""
        return self._step(self._redo, self._undo)

    def close(self) -> None:
        """Save pending edits, stop listening, and close the widgets."""
        if self._timer is not None:
            self.save()
        self._listeners.clear()
        self.view.close()
        for w in (self.person_form, self.line_form, self.tabs, self.panel, self.status, self.load_problems):
            w.close()
        super().close()

    # ---- editing --------------------------------------------------------------------
    def _edit(self, form: PersonForm | RelationshipForm, action: Callable[[], Any]) -> Any:
        """Run one edit with an undo snapshot; on refusal show the problems, keep the form."""
        with self._lock:
            before = self.map.to_dict()
            try:
                result = action()
            except MapFormatError as exc:
                problems = exc.problems
                form.show_problems(lambda: problem_lines(problems))
                return None
            self._undo.append(before)
            del self._undo[:-_UNDO_LIMIT]
            self._redo.clear()
        form.show_problems([])
        self._buttons()
        return result

    def _step(self, source: list[dict[str, Any]], target: list[dict[str, Any]]) -> bool:
        with self._lock:
            if not source:
                return False
            target.append(self.map.to_dict())
            self.map.replace_with(PowerMap.from_dict(source.pop(), validate=False))
        self._buttons()
        selected = self.view.selected
        self.person_form.load(self.map.get(selected) if selected else None)
        self._load_line(None)
        return True

    def _buttons(self) -> None:
        self.undo_button.disabled = not self._undo
        self.redo_button.disabled = not self._redo

    # ---- events -----------------------------------------------------------------------
    def _on_map_change(self, event: str, details: dict[str, Any]) -> None:
        self._refresh_panel()
        if event != "stakeholder_updated" or {"id", "name"} & set(details.get("changes", ())):
            self.line_form.refresh(self.map)
        self._schedule_save()

    def _on_select(self, stakeholder_id: str | None) -> None:
        self.person_form.load(self.map.get(stakeholder_id) if stakeholder_id else None)
        if stakeholder_id is not None:
            self.tabs.selected_index = 0
            if self.line_form.editing is None:
                self.line_form.load(None, None, source=stakeholder_id)

    def _on_line_select(self, index: int) -> None:
        self._load_line(index)
        self.tabs.selected_index = 1

    def _line_picked(self, change: dict[str, Any]) -> None:
        if not self.line_form._loading and change["new"] is not None:
            self._load_line(change["new"])

    def _load_line(self, index: int | None) -> None:
        self.line_form.refresh(self.map)
        rel = self.map.relationships[index] if index is not None and index < len(self.map.relationships) else None
        self.line_form.load(rel, index if rel else None, source=self.view.selected)

    def _on_language(self, lang: str) -> None:
        self._relabel()
        self.person_form.relabel()
        self.line_form.relabel(self.map)

    # ---- labels and panel -------------------------------------------------------------
    def _relabel(self) -> None:
        self.undo_button.description, self.redo_button.description = t("undo"), t("redo")
        self.save_button.description = t("save")
        self.tabs.titles = (t("tab_person"), t("tab_lines"))
        self.load_problems.value = self._load_problems_html()
        self._set_status(self._status_key[0], **self._status_key[1])
        self._refresh_panel()

    def _refresh_panel(self) -> None:
        self.panel.value = panel_html(self.map)


_STATUS_COLOURS = {"red": "#c62828", "amber": "#f9a825", "green": "#2e7d32"}
_SEVERITY_COLOURS = {"high": "#c62828", "medium": "#f9a825", "low": "#90a4ae"}


def _dot(colour: str) -> str:
    return f"<span style='display:inline-block;width:10px;height:10px;border-radius:5px;background:{colour};" \
           f"margin-right:4px'></span>"


def panel_html(pm: PowerMap, top: int = 3) -> str:
    """The live panel: support index, status and the top risks, or a note when unavailable."""
    head = f"<div style='font-weight:600;margin-bottom:2px'>{html.escape(t('panel_heading'))}</div>"
    box = "<div class='powermap-panel' style='border:1px solid #cfd8dc;border-radius:4px;padding:6px 8px;" \
          "margin-bottom:6px;font-size:13px;line-height:1.45'>{}</div>"
    analyse = _analyse()
    if analyse is None:
        return box.format(head + html.escape(t("panel_unavailable")))
    try:
        body = _panel_body(analyse(pm), top)
    except Exception as exc:  # the panel must never break editing
        body = html.escape(t("panel_failed", detail=f"{type(exc).__name__}: {exc}"))
    return box.format(head + body)


def _panel_body(result: Any, top: int) -> str:
    index = getattr(result, "support_index", None)
    shown = "—" if index is None else (f"{index:.0f}" if isinstance(index, (int, float)) else str(index))
    rows = [f"{html.escape(t('support_index'))}: <b>{html.escape(shown)}</b>"]
    status = getattr(result, "status", None)
    if status is not None:
        reason = getattr(result, "status_reason", None)
        text = _render(reason) if reason is not None else str(status)
        rows.append(f"{_dot(_STATUS_COLOURS.get(str(status), '#90a4ae'))}{html.escape(text)}")
    risks = list(getattr(result, "risks", None) or [])[:top]
    if risks:
        items = "".join(
            f"<li style='list-style:none'>{_dot(_SEVERITY_COLOURS.get(getattr(r, 'severity', ''), '#90a4ae'))}"
            f"{html.escape(_render(getattr(r, 'message', r)))}</li>" for r in risks)
        rows.append(f"{html.escape(t('top_risks'))}:<ul style='margin:2px 0;padding-left:4px'>{items}</ul>")
    else:
        rows.append(html.escape(t("no_risks")))
    return "<br>".join(rows)


def _render(message: Any) -> str:
    render = getattr(message, "render", None)
    return str(render()) if callable(render) else str(message)
