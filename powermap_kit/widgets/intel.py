"""``IntelPanel``: the intelligence checklist, the questions to ask and the suggestions, beside the map.

A thin view over :mod:`powermap_kit.intel` and :mod:`powermap_kit.fishbone`. On the left,
the map (``MapView``) and its fishbone; on the right, for the deal or the person picked
(or clicked on the map): the completeness and its rule, the gaps with their best
channels, the questions that fill them with a tick box for "learned", and the
suggestions, each with its reason and an *Accept* button. Ticks are saved at once to the
learner's intelligence log (:class:`powermap_kit.intel.IntelLog`); a suggestion changes the
map only when its button is pressed.

Tests and notebooks can act without a browser: ``panel.select("p07")``,
``panel.tick(question_id)``, ``panel.accept(0)``, ``panel.dismiss(0)``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from traitlets import Unicode

from .. import intel, localize, vocab
from ..course.html import inline as _esc
from ..render.fishbone import fishbone_html
from ..intel import IntelLog, IntelReport, Question, Suggestion
from ..errors import StakeholderNotFound, UnknownName, WrongType
from ..model import PowerMap
from ._common import Listeners, StaticHtml, close_tree

__all__ = ["IntelPanel"]


_KEEP = "0 0 auto"


def _t(key: str, lang: str | None = None, **params: Any) -> str:
    return vocab.text(f"intel.panel.{key}", lang=lang, **params)


class IntelPanel(StaticHtml, widgets.VBox):
    """The intelligence toolkit for one map (see the module docstring).

    Parameters
    ----------
    map : PowerMap
        The map; the panel follows its edits and edits it only when a suggestion is accepted.
    path : path-like, optional
        The intelligence log for ticks (default: ``intel-<learner>.jsonl`` in the work folder).
    key : str, optional
        The name the map's ticks are filed under (default: :func:`powermap_kit.intel.map_key`).
    view : bool
        Show the map (``MapView``) and the fishbone beside the panel.
    height : str
        CSS height of the map drawing.
    """

    selected = Unicode(None, allow_none=True, help="Id of the person shown, or None for the deal.").tag(sync=False)

    def __init__(self, map: PowerMap, path: str | os.PathLike | None = None, key: str | None = None,
                 view: bool = True, height: str = "520px", **kwargs: Any) -> None:
        if not isinstance(map, PowerMap):
            raise WrongType("map", "wrong_class", type(map).__name__, allowed=("PowerMap",))
        super().__init__(**kwargs)
        self._map = map
        self._log = IntelLog(path)
        self._key = key or intel.map_key(map)
        self._dismissed: set[tuple[str, str, str]] = set()
        self._shown_questions: list[Question] = []
        self._shown_suggestions: list[Suggestion] = []
        self._report: IntelReport | None = None
        self._fishbone_stale = True
        self._busy = False
        self._status_state: tuple[str, dict[str, Any]] | None = None
        self._accept_callbacks = widgets.CallbackDispatcher()

        self._summary = widgets.HTML(layout=widgets.Layout(width="100%"))
        self._picker = widgets.Dropdown(layout=widgets.Layout(width="100%"))
        # Inside a scrolling page nothing may shrink (a flex column squeezes rows to fit otherwise).
        self._gaps = widgets.HTML(layout=widgets.Layout(width="100%", flex=_KEEP))
        self._questions_head = widgets.HTML(layout=widgets.Layout(flex=_KEEP))
        self._questions = widgets.VBox(layout=widgets.Layout(width="100%", flex=_KEEP))
        self._questions.add_class("pmk-intel-questions")
        self._suggestions_head = widgets.HTML(layout=widgets.Layout(flex=_KEEP))
        self._suggestions = widgets.VBox(layout=widgets.Layout(width="100%", flex=_KEEP))
        self._suggestions.add_class("pmk-intel-suggestions")
        self._status = widgets.HTML()
        page = {"max_height": f"calc({height} - 60px)", "overflow": "auto", "padding": "0 4px 0 0"}
        self.sections = widgets.Tab([
            widgets.VBox([self._gaps], layout=widgets.Layout(**page)),
            widgets.VBox([self._questions_head, self._questions], layout=widgets.Layout(**page)),
            widgets.VBox([self._suggestions_head, self._suggestions], layout=widgets.Layout(**page))],
            layout=widgets.Layout(width="100%"))
        self.sections.add_class("pmk-intel-sections")
        side = widgets.VBox([self._summary, self._picker, self.sections, self._status],
                            layout=widgets.Layout(flex="1 1 380px", min_width="340px", padding="0 0 0 10px"))
        side.add_class("pmk-intel-side")

        self.view = None
        self.fishbone = widgets.HTML(layout=widgets.Layout(width="100%"))
        self._fishbone_height = f"calc({height} + 150px)"
        self.fishbone.add_class("pmk-fishbone")
        if view:
            from .mapview import MapView

            # Drawing positions are not written into the map: the panel changes it only on Accept.
            self.view = MapView(map, height=height, legend="below", store_positions=False)
            self.view.on_select(self._on_view_select)
            self.tabs = widgets.Tab([self.view, self.fishbone],
                                    layout=widgets.Layout(flex="1 1 560px", min_width="420px"))
            self.tabs.observe(self._on_tab, "selected_index")
            self.children = [widgets.HBox([self.tabs, side], layout=widgets.Layout(flex_flow="row wrap", width="100%"))]
        else:
            self.tabs = None
            self.children = [side]
        self.add_class("pmk-intel")
        self._picker.observe(self._on_pick, "value")
        self.observe(lambda _: self._show(), "selected")
        self._listeners = Listeners()
        self._listeners.map(map, self._on_map_change)
        self._listeners.language(self._on_language)
        self._refresh()

    # ---- public API -------------------------------------------------------------------
    @property
    def map(self) -> PowerMap:
        return self._map

    @property
    def log(self) -> IntelLog:
        """The intelligence log the ticks go to."""
        return self._log

    @property
    def report(self) -> IntelReport:
        """The checklist result for the map as it is now."""
        if self._report is None:
            self._report = intel.intelligence_gaps(self._map)
        return self._report

    @property
    def questions(self) -> list[Question]:
        """The questions shown for the deal or the selected person."""
        return list(self._shown_questions)

    @property
    def suggestions(self) -> list[Suggestion]:
        """The suggestions shown (not yet accepted or dismissed)."""
        return list(self._shown_suggestions)

    def select(self, stakeholder_id: str | None) -> None:
        """Show the deal (``None``) or one person, as picking them in the list does."""
        if stakeholder_id is not None and stakeholder_id not in self._map:
            raise StakeholderNotFound(stakeholder_id)
        self.selected = stakeholder_id

    def tick(self, question_id: str, learned: bool = True, note: str | None = None) -> None:
        """Tick a shown question as learned (or untick it), as its box does; saved at once."""
        shown = tuple(q.id for q in self._shown_questions)
        if question_id not in shown:
            raise UnknownName("question", "not_shown" if shown else "none_shown", question_id, allowed=shown,
                              suggestion=vocab.closest(question_id, shown))
        try:
            self._log.tick(self._key, self.selected, question_id, learned=learned, note=note)
            self._status_state = ("saved", {"file": self._log.path.name})
        except OSError as exc:
            self._status_state = ("save_failed", {"file": str(self._log.path), "detail": exc.strerror or str(exc)})
        self._show_questions()
        self._show_status()

    def on_accept(self, callback: Callable[[Suggestion], Any], remove: bool = False) -> None:
        """Call ``callback(suggestion)`` after a suggestion is accepted."""
        self._accept_callbacks.register_callback(callback, remove=remove)

    def accept(self, index: int) -> Suggestion:
        """Accept the ``index``-th suggestion shown, as its button does: the map changes now."""
        suggestion = self._shown_suggestions[index]
        suggestion.apply(self._map)
        self._status_state = ("accepted", {"action": suggestion})
        self._show_status()
        self._accept_callbacks(suggestion)
        return suggestion

    def dismiss(self, index: int) -> Suggestion:
        """Hide the ``index``-th suggestion shown without changing the map (for this session)."""
        suggestion = self._shown_suggestions[index]
        self._dismissed.add(_ident(suggestion))
        self._show_suggestions()
        self._title_sections()
        return suggestion

    def close(self) -> None:
        self._listeners.clear()
        if self.view is not None:
            self.view.close()
        super().close()

    def to_html(self) -> str:
        """A static version (summary and gaps table) for places without widgets."""
        return self.report._repr_html_()

    # ---- events -----------------------------------------------------------------------
    def _on_map_change(self, event: str, details: dict[str, Any]) -> None:
        if self.selected is not None and self.selected not in self._map:
            old = details.get("old_id")
            self.selected = details.get("id") if old == self.selected else None
        self._refresh()

    def _on_language(self, lang: str) -> None:
        self._fishbone_stale = True
        self._refresh()

    def _on_view_select(self, stakeholder_id: str | None) -> None:
        if stakeholder_id != self.selected:
            self.selected = stakeholder_id

    def _on_pick(self, change: dict[str, Any]) -> None:
        if self._busy:
            return
        value = change["new"] or None
        if value != self.selected:
            self.selected = value

    def _on_tab(self, change: dict[str, Any]) -> None:
        if change["new"] == 1:
            self._draw_fishbone()

    # ---- drawing ----------------------------------------------------------------------
    def _refresh(self) -> None:
        self._report = None
        self._fishbone_stale = True
        if self.tabs is not None:
            self.tabs.titles = (_t("tab_map"), _t("tab_fishbone"))
            if self.tabs.selected_index == 1:
                self._draw_fishbone()
        else:
            self._draw_fishbone()
        self._busy = True
        try:
            options = [(_t("deal"), "")]
            for p in self._map.stakeholders:
                done, total = self.report.filled(p.id)
                options.append((_t("person_option", name=localize.person_name(p), done=done, total=total), p.id))
            self._picker.options = options
            self._picker.value = self.selected or ""
            self._picker.description = _t("show")
        finally:
            self._busy = False
        self._show()

    def _draw_fishbone(self) -> None:
        if not self._fishbone_stale:
            return
        self.fishbone.value = fishbone_html(self._map, max_height=self._fishbone_height)
        self._fishbone_stale = False

    def _show(self) -> None:
        self._busy = True
        try:
            self._picker.value = self.selected or ""
        finally:
            self._busy = False
        if self.view is not None and self.view.selected != self.selected:
            self.view.select(self.selected)
        self._show_summary()
        self._show_gaps()
        self._show_questions()
        self._show_suggestions()
        self._show_status()
        self._title_sections()

    def _title_sections(self) -> None:
        self.sections.titles = (_t("tab_gaps", count=len(self._gaps_now())),
                                _t("tab_questions", count=len(self._shown_questions)),
                                _t("tab_suggestions", count=len(self._shown_suggestions)))

    def _show_summary(self) -> None:
        report = self.report
        percent = report.completeness
        colour = vocab.colour("champion") if percent >= 75 else vocab.colour("neutral") if percent >= 40 \
            else vocab.colour("oppose")
        chips = "".join(
            f'<span style="display:inline-block;margin:2px 4px 2px 0;padding:1px 6px;border-radius:8px;'
            f'background:#eceff1;font-size:90%">{_esc(_section_label(s))} {"–" if v is None else f"{v:.0f}%"}</span>'
            for s, v in report.sections.items())
        self._summary.value = (
            f'<div class="pmk-intel-summary"><b>{_esc(report.summary())}</b>'
            f'<div style="background:#eee;height:8px;border-radius:4px;margin:4px 0">'
            f'<div style="width:{percent:.0f}%;background:{colour};height:8px;border-radius:4px"></div></div>'
            f'<div>{chips}</div>'
            f'<div style="color:#666;font-size:85%;line-height:1.35">{_esc(report.rule())}</div></div>')

    def _gaps_now(self) -> list[intel.Gap]:
        report = self.report
        return report.for_person(self.selected) if self.selected else report.deal_gaps()

    def _show_gaps(self) -> None:
        gaps = self._gaps_now()
        if self.selected:
            person = self._map.stakeholder(self.selected)
            done, total = self.report.filled(person.id)
            head = _t("gaps_person", name=localize.person_name(person), done=done, total=total)
        else:
            done, total = self.report.filled(None)
            head = _t("gaps_deal", done=done, total=total)
        if not gaps:
            items = f"<li>{_esc(_t('no_gaps'))}</li>"
        else:
            items = "".join(
                f"<li><b>{_esc(g.label())}</b>"
                + (f" ({_esc(g.detail.render())})" if g.detail else "")
                + f' — {_esc(_t("best", channel=vocab.text("intel.channel." + g.best)))}'
                + f'<br><span style="color:#666">{_esc(g.why())}</span></li>' for g in gaps)
        self._gaps.value = (f'<div class="pmk-intel-gaps"><h4 style="margin:8px 0 4px">{_esc(head)}</h4>'
                            f'<ul>{items}</ul></div>')

    def _show_questions(self) -> None:
        person = self._map.get(self.selected) if self.selected else None
        shown = intel.questions_for(self._map, person.id if person else None, report=self.report)
        self._shown_questions = shown
        ticked = self._log.ticked(self._key, self.selected)
        name = person.name if person else None
        rows: list[widgets.Widget] = []
        last_check = None
        for q in shown:
            if q.check != last_check:
                rows.append(widgets.HTML(f'<div style="margin-top:6px;font-weight:bold">'
                                         f'{_esc(vocab.text("intel.check." + q.check))}</div>',
                                         layout=widgets.Layout(flex=_KEEP)))
                last_check = q.check
            box = widgets.Checkbox(value=q.id in ticked, indent=False, layout=widgets.Layout(width="28px"))
            box.observe(lambda change, qid=q.id: self._on_box(qid, change), "value")
            style = "color:#888;text-decoration:line-through" if q.id in ticked else ""
            text = widgets.HTML(
                f'<span style="{style}">{_esc(q.text(name=name))}</span> '
                f'<span style="color:#1565c0;font-size:85%">[{_esc(q.method_label())} · {_esc(q.ask_label())}]</span>',
                layout=widgets.Layout(width="calc(100% - 34px)"))
            row = widgets.HBox([box, text], layout=widgets.Layout(width="100%", align_items="flex-start", flex=_KEEP))
            row.add_class("pmk-intel-question")
            rows.append(row)
        _replace(self._questions, rows)
        count = len(ticked & {q.id for q in shown})
        self._questions_head.value = (f'<div style="color:#666;font-size:85%;margin:4px 0">'
                                      f'{_esc(_t("questions_help", ticked=count))}</div>')

    def _on_box(self, question_id: str, change: dict[str, Any]) -> None:
        if change["new"] != change["old"]:
            self.tick(question_id, learned=bool(change["new"]))

    def _show_suggestions(self) -> None:
        every = intel.suggestions(self._map)
        shown = [s for s in every if _ident(s) not in self._dismissed
                 and (self.selected is None or s.stakeholder == self.selected)]
        self._shown_suggestions = shown
        rows: list[widgets.Widget] = []
        for index, s in enumerate(shown):
            accept = widgets.Button(description=_t("accept"), button_style="success", icon="check",
                                    layout=widgets.Layout(width="auto"))
            dismiss = widgets.Button(description=_t("dismiss"), icon="times", layout=widgets.Layout(width="auto"))
            accept.on_click(lambda _b, i=index: self.accept(i))
            dismiss.on_click(lambda _b, i=index: self.dismiss(i))
            text = widgets.HTML(f'<div style="line-height:1.4"><b>{_esc(s.action())}</b><br>'
                                f'<span style="color:#555;font-size:90%">{_esc(s.why())}</span></div>',
                                layout=widgets.Layout(width="100%"))
            row = widgets.VBox([text, widgets.HBox([accept, dismiss])],
                               layout=widgets.Layout(border="1px solid #e0e0e0", padding="4px 6px", margin="3px 0",
                                                     flex=_KEEP))
            row.add_class("pmk-intel-suggestion")
            rows.append(row)
        _replace(self._suggestions, rows)
        help_text = _t("suggestions_help") if shown else _t("no_suggestions")
        self._suggestions_head.value = f'<div style="color:#666;font-size:85%;margin:4px 0">{_esc(help_text)}</div>'

    def _show_status(self) -> None:
        if self._status_state is None:
            self._status.value = ""
            return
        key, params = self._status_state
        shown = {k: v.action() if isinstance(v, Suggestion) else v for k, v in params.items()}
        self._status.value = f'<span style="color:#666">{_esc(_t(key, **shown))}</span>'


def _section_label(section: str) -> str:
    return vocab.text(f"intel.section.{section}")


def _ident(s: Suggestion) -> tuple[str, str, str]:
    return s.rule, s.stakeholder, repr(s.value)


def _replace(box: widgets.Box, rows: list[widgets.Widget]) -> None:
    """Show new rows and close the old ones (and their parts), so redraws do not leak widgets."""
    old = list(box.children)
    box.children = rows
    for widget in old:
        close_tree(widget)
        widget.close()
