"""Small helpers shared by the map widgets: texts, weak listeners, option lists.

Open widgets observe the one language setting (``vocab.settings``, changed by
``pk.set_language``) and their map's edits through :class:`Listeners`, which holds the
widget weakly, so a widget dropped without :meth:`close` neither leaks nor keeps reacting.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from .. import vocab
from ..errors import MapFormatError, Problem
from ..model import PowerMap

__all__ = ["ClosesParts", "Listeners", "StaticHtml", "UNKNOWN", "choice_options", "close_tree", "problem_lines", "relabel_options", "t"]

UNKNOWN = 0
"""The value a dropdown uses for "not recorded" (``None`` in the model)."""


def t(key: str, lang: str | None = None, **params: Any) -> str:
    """A ``widgets_map.*`` text in the current (or given) language."""
    return vocab.text(f"widgets_map.{key}", lang=lang, **params)


def choice_options(kind: str, unknown: bool = False) -> list[tuple[str, Any]]:
    """(label, code) pairs for a dropdown over a vocabulary kind, optionally led by "—"."""
    options: list[tuple[str, Any]] = [(t("not_recorded"), UNKNOWN)] if unknown else []
    for item in vocab.entries(kind):
        code = item["code"]
        value = int(code) if kind in ("power_level", "relationship_strength") else code
        options.append((vocab.label(code, kind), value))
    return options


def problem_lines(error: MapFormatError | list[Problem], lang: str | None = None) -> list[str]:
    """One line per problem, led by the field's label rather than the JSON place."""
    problems = error.problems if isinstance(error, MapFormatError) else error
    lines = []
    for problem in problems:
        field = _field_of(problem.place)
        try:
            head = vocab.text(f"field.{field}", lang=lang) if field else ""
        except KeyError:
            head = field
        lines.append(f"{head}: {problem.message(lang)}" if head else problem.render(lang))
    return lines


def _field_of(place: str) -> str:
    """``stakeholders[3].support.trust`` → ``support``; ``relationships[0].target`` → ``target``."""
    parts = place.split(".")
    if len(parts) < 2:
        return ""
    return parts[1].split("[")[0]


class Listeners:
    """Weak registrations with the vocabulary and a map, undone together by :meth:`clear`."""

    def __init__(self) -> None:
        self._undo: list[Callable[[], None]] = []

    def language(self, method: Callable[[str], None]) -> None:
        """Call ``method(lang)`` whenever the language setting changes."""
        ref = weakref.WeakMethod(method)  # type: ignore[arg-type]
        settings = vocab.settings

        def callback(lang: str) -> None:
            target = ref()
            if target is None:
                settings.observe(callback, remove=True)
            else:
                target(lang)

        settings.observe(callback)
        self._undo.append(lambda: settings.observe(callback, remove=True))

    def map(self, pm: PowerMap, method: Callable[[str, dict[str, Any]], None]) -> None:
        ref = weakref.WeakMethod(method)  # type: ignore[arg-type]

        def callback(event: str, details: dict[str, Any]) -> None:
            target = ref()
            if target is None:
                pm.on_change(callback, remove=True)
            else:
                target(event, details)

        pm.on_change(callback)
        self._undo.append(lambda: pm.on_change(callback, remove=True))

    def clear(self) -> None:
        for undo in self._undo:
            undo()
        self._undo.clear()


def relabel_options(widget: Any, options: list[tuple[str, Any]]) -> None:
    """Give a selection widget new option labels (another language) and keep its value."""
    value = widget.value
    if tuple(widget.options) == tuple(options):
        return
    widget.options = options
    if isinstance(value, tuple):  # multiple selection
        widget.value = tuple(v for v in value if v in {o[1] for o in options})
    elif value in [o[1] for o in options]:
        widget.value = value


class StaticHtml:
    """Mixin: add the widget's static ``to_html()`` to its display data.

    Front ends that cannot show widgets (a static HTML export, a printed handout, GitHub)
    then show this text fallback instead of a bare "Widget" placeholder.
    """

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any] | None:
        data = super()._repr_mimebundle_(**kwargs)  # type: ignore[misc]
        if data is not None:
            data["text/html"] = self.to_html()  # type: ignore[attr-defined]
        return data


def close_tree(widget: widgets.Widget) -> None:
    """Close the widgets inside a box, depth first (a box's own ``close`` leaves them open)."""
    for child in getattr(widget, "children", ()):
        if isinstance(child, widgets.Widget):
            close_tree(child)
            child.close()
    # Layout and style are widgets of their own, with comms of their own.
    for part in (getattr(widget, "layout", None), getattr(widget, "style", None)):
        if isinstance(part, widgets.Widget):
            part.close()


class ClosesParts:
    """``close()`` for a composite widget: stop following the language and the map (its
    :class:`Listeners`), close every widget inside it, then the widget itself."""

    _listeners: Listeners

    def close(self) -> None:
        """Close the widget and its parts, and stop following the language and the map."""
        self._listeners.clear()
        close_tree(self)  # type: ignore[arg-type]
        super().close()  # type: ignore[misc]
