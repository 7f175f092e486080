"""``CohortDashboard``: a workshop's submissions at a glance — score table, distribution
chart, mean per criterion and the most common mistakes — with a Refresh button that
picks up maps trainees save while the session runs.

A thin view over :func:`powermap_kit.grading.grade_cohort` and the cohort report's view
data (:func:`powermap_kit.render.grading_html.cohort_view`), so the dashboard and the HTML
report show the same numbers.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
from markupsafe import Markup
from traitlets import Int, Unicode

from .. import vocab
from ..grading import grade_cohort, load_key, submission_files
from ..grading.key import AnswerKey
from ..render.grading_html import cohort_view
from ..model import PowerMap
from ..render.templates import macro
from ._common import ClosesParts, Listeners, StaticHtml
from .scorecard import score_colour

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CohortDashboard", "REVIEW_SUFFIX"]

REVIEW_SUFFIX = ".review.json"
"""Coach comment files (:class:`~powermap_kit.widgets.review.ReviewView`) sit beside the
submissions; they are not submissions."""


def _t(key: str, **params: Any) -> str:
    return vocab.text(f"widgets_review.{key}", **params)


def _g(key: str, **params: Any) -> str:
    return vocab.text(f"grading.report.{key}", **params)


def _num(value: Any) -> str:
    return "–" if value is None or value != value else f"{float(value):.1f}"


def chart_svg(chart: dict[str, Any]) -> str:
    """The score distribution as inline SVG (text kept as text, so any font draws it)."""
    colours = [score_colour(b["low"] + 5) for b in chart["bars"]]
    return str(macro("distribution")(chart, colours, _t("dashboard.axis_total")))


_TOP = 6  # rows per common-mistakes list: the room reads the top of each
_INSIGHT_CHARS = 150


class CohortDashboard(ClosesParts, StaticHtml, widgets.VBox):
    """The cohort's results for a trainer or coach, refreshed on demand.

    Parameters
    ----------
    folder : path
        Where trainees' ``*.json`` submissions are collected (coach comment files
        ``*.review.json`` are skipped).
    key : AnswerKey, PowerMap or path
        The answer key.
    collect : callable, optional
        Run first at every refresh, e.g. ``lambda: collect_hub(url, token, case, folder)``
        (:mod:`powermap_kit.collect`); its result's ``summary()`` (who submitted, who is
        drafting, who is not collected) is shown above the scores.
    hide_names : bool
        Projector view: submissions are shown as numbers, not learners' names.
    refresh_every : float, optional
        Refresh by itself every this many seconds while the workshop runs (a background
        thread, stopped by :meth:`close`); a failed refresh is shown and the next one tried.
    """

    folder = Unicode(help="Folder of submissions (*.json).")
    count = Int(0, help="Number of submissions found at the last refresh.")

    def __init__(self, folder: str | os.PathLike, key: AnswerKey | PowerMap | str | os.PathLike, **kwargs: Any) -> None:
        self._collect: Callable[[], Any] | None = kwargs.pop("collect", None)
        self.hide_names: bool = kwargs.pop("hide_names", False)
        self.refresh_every: float | None = kwargs.pop("refresh_every", None)
        self._stop = threading.Event()
        self._failed = ""
        self.collection: Any = None
        super().__init__(**kwargs)
        self.folder = str(folder)
        self.key = load_key(key)
        self.frame: pd.DataFrame | None = None
        self._updated: datetime | None = None
        self._refresh_callbacks = widgets.CallbackDispatcher()
        self._title = widgets.HTML()
        self._button = widgets.Button(icon="refresh", button_style="primary", layout=widgets.Layout(width="auto"))
        self._button.on_click(lambda _: self.refresh())
        self._stamp = widgets.HTML(layout=widgets.Layout(margin="0 0 0 10px"))
        self._summary = widgets.HTML(layout=widgets.Layout(width="100%"))
        self._chart = widgets.HTML(layout=widgets.Layout(width="100%"))
        self._criteria = widgets.HTML(layout=widgets.Layout(width="100%"))
        self._mistakes = widgets.HTML(layout=widgets.Layout(width="100%"))
        self._table = widgets.HTML(layout=widgets.Layout(width="100%"))
        top = widgets.HBox([self._title, self._button, self._stamp],
                           layout=widgets.Layout(align_items="center", flex_flow="row wrap"))
        charts = widgets.HBox([self._chart, self._criteria], layout=widgets.Layout(flex_flow="row wrap", width="100%"))
        self._chart.layout.flex = "1 1 360px"
        self._criteria.layout.flex = "1 1 320px"
        self.children = [top, self._summary, charts, self._mistakes, self._table]
        self.add_class("pmk-dashboard")
        self._listeners = Listeners()
        self._listeners.language(self._on_language)
        self.refresh()
        if self.refresh_every:
            threading.Thread(target=self._keep_refreshing, name="pmk-dashboard", daemon=True).start()

    @property
    def files(self) -> list[Path]:
        """The submission files in the folder now (name order)."""
        found = submission_files(self.folder, self.key.file) if Path(self.folder).is_dir() else []
        return [Path(f) for f in found if not str(f).endswith(REVIEW_SUFFIX)]

    def on_refresh(self, callback: Callable[[pd.DataFrame], Any], remove: bool = False) -> None:
        """Register ``callback(frame)`` run after every refresh with the new cohort table."""
        self._refresh_callbacks.register_callback(callback, remove=remove)

    def refresh(self) -> pd.DataFrame | None:
        """Look for submissions again, score them all and redraw (the Refresh button)."""
        self.collection = self._collect() if self._collect is not None else None
        files = self.files
        self.frame = grade_cohort(files, self.key, lang=vocab.get_language()) if files else None
        self.count = len(files)
        self._updated = datetime.now()
        self._draw()
        self._refresh_callbacks(self.frame)
        return self.frame

    def _keep_refreshing(self) -> None:
        while not self._stop.wait(self.refresh_every):
            try:
                self.refresh()
                self._failed = ""
            except Exception as exc:  # a hub that is down must not end the refreshing
                self._failed = _t("dashboard.refresh_failed", time=datetime.now().strftime("%H:%M:%S"),
                                  error=str(exc) or type(exc).__name__)
                self._draw()

    def close(self) -> None:
        """Stop refreshing, then close the dashboard and its parts."""
        self._stop.set()
        super().close()

    def to_html(self) -> str:
        """The dashboard as static HTML (where widgets do not render)."""
        parts = (self._title, self._summary, self._chart, self._criteria, self._mistakes, self._table)
        return "".join(str(macro("block")(Markup(part.value))) for part in parts)

    def _on_language(self, lang: str) -> None:
        self._draw()

    # ---- drawing ------------------------------------------------------------------------
    def _draw(self) -> None:
        name = Path(self.folder).name or self.folder
        self._title.value = str(macro("title")(_t("dashboard.title", count=self.count, folder=name)))
        self._button.description = _t("dashboard.refresh")
        if self._updated is not None:
            time = self._updated.strftime("%H:%M:%S")
            stamp = (self._failed or _t("dashboard.every", time=time, seconds=f"{self.refresh_every:g}")
                     if self.refresh_every else _t("dashboard.updated", time=time))
            self._stamp.value = str(macro("status")(stamp))
        if self.frame is None:
            self._summary.value = str(macro("paragraph")(_t("dashboard.empty")))
            if self.collection is not None:
                self._summary.value += str(macro("paragraph")(self.collection.summary()))
            for part in (self._chart, self._criteria, self._mistakes, self._table):
                part.value = ""
            return
        view = cohort_view(self.frame, self.key, vocab.get_language())
        self._summary.value = self._summary_html(view)
        self._chart.value = str(macro("title")(_t("dashboard.chart")) + Markup("<br>") + Markup(chart_svg(view["chart"])))
        self._criteria.value = self._criteria_html(view)
        self._mistakes.value = self._mistakes_html(view)
        self._table.value = self._table_html(view)

    def _summary_html(self, view: dict[str, Any]) -> str:
        text = _g("cohort_counts", count=view["count"], graded=view["graded"], errors=view["errors"])
        total = next((s for s in view["stats"] if s["name"] == vocab.text("grading.criterion.total")), None)
        if total is not None and view["graded"]:
            text += " " + _t("dashboard.mean", mean=_num(total["mean"]), median=_num(total["median"]),
                             low=_num(total["min"]), high=_num(total["high"]))
        errors = macro("coloured")(_t("dashboard.errors", count=view["errors"]), vocab.colour("oppose")) \
            if view["errors"] else ""
        collected = str(macro("paragraph")(self.collection.summary())) if self.collection is not None else ""
        return collected + str(macro("paragraph")(text, errors))

    def _criteria_html(self, view: dict[str, Any]) -> str:
        head = [(_g("criterion"), "left"), (_g("stat.mean"), "right"), (_g("stat.max"), "right"), ("", "left")]
        rows = [[(s["name"], "left"), (_num(s["mean"]), "right"), (_num(s["max"]), "right"),
                 (macro("bar")(s["share"], score_colour(s["share"]), width="120px", height=10), "left")]
                for s in view["stats"]]
        return str(macro("title")(_g("criteria")) + macro("table")(head, rows))

    def _mistakes_html(self, view: dict[str, Any]) -> str:
        graded = view["graded"]

        def row(text: str, count: int, tip: str = "") -> dict[str, str]:
            return {"text": _t("dashboard.mistake_row", text=text, count=count, total=graded), "tip": tip}

        def insight(item: dict[str, Any]) -> dict[str, str]:
            # A key's insight text is a paragraph: the row shows its start, the tooltip all of it.
            text = item["text"] or item["id"]
            short = text if len(text) <= _INSIGHT_CHARS else text[:_INSIGHT_CHARS].rstrip() + "…"
            return row(short, item["missed"], tip=text)

        blocks = [{"title": _g("missed_people"), "width": "260px",
                   "rows": [row(p["name"], p["missed"]) for p in view["missed_people"][:_TOP]]},
                  {"title": _g("missed_roles"), "width": "260px",
                   "rows": [row(f"{r['name']} — {r['role']}", r["missed"]) for r in view["missed_roles"][:_TOP]]}]
        if view["missed_insights"]:
            blocks.append({"title": _g("missed_insights"), "width": "100%",
                           "rows": [insight(i) for i in view["missed_insights"][:_TOP]]})
        return str(macro("mistakes")(_t("dashboard.mistakes"), blocks, _g("none_missed")))

    def _table_html(self, view: dict[str, Any]) -> str:
        head = [(_g("column.submission"), "left"), *((c, "right") for c in view["columns"]),
                (vocab.text("grading.criterion.total"), "right")]
        width = len(view["columns"]) + 1
        rows = []
        for n, r in enumerate(view["rows"], 1):
            name = f"#{n}" if self.hide_names else r["submission"]
            if r["error"]:
                detail = "" if self.hide_names else r["error"]
                error = macro("coloured")(f'{_g("column.error")}: {detail}', vocab.colour("oppose"))
                rows.append([(name, "left"), (error, "left", width)])
                continue
            total = macro("coloured")(_num(r["total"]), score_colour(r["total"]), bold=True)
            rows.append([(name, "left"), *((_num(p), "right") for p in r["points"]), (total, "right")])
        table = macro("table")(head, rows, css_class="pmk-cohort-table")
        return str(macro("title")(_t("dashboard.table")) + macro("scroll")(table))
