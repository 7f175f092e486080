"""``SubmitButton``: a learner hands a case map in (``powermap_kit.submit``) with one click.

Shown under a :class:`~powermap_kit.widgets.MapBuilder` (``SubmitButton(builder)``) or for
any map file (``SubmitButton(path=...)``). The button saves the builder's map, stamps it
submitted and writes the frozen copy the trainer collects; the line beside it says whether
and when the map was submitted. Learners may keep editing and submit again.
"""

from __future__ import annotations

import html
import os
from datetime import datetime
from typing import Any

import ipywidgets as widgets
from traitlets import Unicode

from .. import vocab
from ..errors import InvalidValue, MapFormatError
from ..submit import submit_map, work_status
from ._common import ClosesParts, Listeners, problem_lines

__all__ = ["SubmitButton"]


def _t(key: str, **params: Any) -> str:
    return vocab.text(f"submit.{key}", **params)


def _local_time(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


class SubmitButton(ClosesParts, widgets.HBox):
    """A Submit button and the map's submission status.

    Parameters
    ----------
    builder : MapBuilder, optional
        The builder whose map is submitted (its ``path`` is the draft).
    path : path, optional
        The draft's file, when there is no builder.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import powermap_kit as pk
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "it-solution" / "li_na.json"
    >>> pm = pk.PowerMap(); _ = pm.add_stakeholder(name="Wang Wei")
    >>> _ = pk.save_map(pm, path)
    >>> button = SubmitButton(path=path)
    >>> button.status
    'drafting'
    >>> button.submit().name                   # what a click does
    'li_na.json'
    >>> button.status
    'submitted'
    >>> button.close()
    """

    status = Unicode("not_started", help="submitted, drafting or not_started").tag(sync=False)

    def __init__(self, builder: Any = None, path: str | os.PathLike | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if builder is None and path is None:
            raise InvalidValue("path", "path_needed")
        self.builder = builder
        self._path = None if path is None else str(path)
        self.button = widgets.Button(icon="paper-plane", button_style="success", layout=widgets.Layout(width="auto"))
        self.button.on_click(lambda _: self.submit())
        self.message = widgets.HTML(layout=widgets.Layout(margin="0 0 0 12px"))
        self.children = [self.button, self.message]
        self.layout.align_items = "center"
        self.add_class("pmk-submit")
        self._problem = ""
        self._listeners = Listeners()
        self._listeners.language(self._on_language)
        self._draw()

    @property
    def path(self) -> str | None:
        """The draft's file (the builder's path when there is a builder)."""
        return self.builder.path if self.builder is not None else self._path

    def submit(self) -> Any:
        """Save, stamp and freeze the map (the button's click); return the frozen copy's path."""
        self._problem = ""
        frozen = None
        try:
            if self.builder is not None:
                if not self.builder.map.stakeholders:
                    self._problem = _t("empty")
                elif self.builder.save() is not None and self.builder.conflict is None:
                    # The builder writes the stamped draft itself, so it never reads its own
                    # save as another writer's change.
                    frozen = submit_map(self.builder.map, self.builder.path, save_draft=False)
                    self.builder.save()
                else:
                    self._problem = _t("failed", problem=self.path or "—")
            else:
                frozen = submit_map(self.path) if self.path else None
        except (MapFormatError, OSError) as exc:
            lines = problem_lines(exc) if isinstance(exc, MapFormatError) else [str(exc)]
            self._problem = _t("failed", problem="; ".join(lines))
        self._draw()
        return frozen

    def _on_language(self, lang: str) -> None:
        self._draw()

    def _draw(self) -> None:
        st = work_status(self.path) if self.path else None
        self.status = st.status if st else "not_started"
        submitted = st is not None and st.status == "submitted"
        self.button.description = _t("button_again" if submitted else "button")
        self.button.tooltip = _t("tooltip")
        if self._problem:
            self.message.value = f'<span style="color:{vocab.colour("oppose")}">{html.escape(self._problem)}</span>'
        elif submitted and st is not None:
            text = _t("done", time=_local_time(st.submitted or ""))
            self.message.value = f'<span class="pmk-submitted">✔ {html.escape(text)}</span>'
        else:
            self.message.value = f'<span style="color:#777">{html.escape(_t("not_yet"))}</span>'
