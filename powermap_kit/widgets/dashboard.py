"""``CohortDashboard``: a workshop's submissions at a glance — score table, distribution
chart, mean per criterion and the most common mistakes — with a Refresh button that
picks up maps trainees save while the session runs.

A thin view over :func:`powermap_kit.grading.grade_cohort` and the cohort report's view
data (:func:`powermap_kit.grading.report.cohort_view`), so the dashboard and the HTML
report show the same numbers.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
from traitlets import Int, Unicode

from .. import vocab
from ..grading import grade_cohort, load_key, submission_files
from ..grading.key import AnswerKey
from ..grading.report import cohort_view
from ..model import PowerMap
from ._common import Listeners, StaticHtml, close_tree
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
    parts = [f'<svg class="pmk-distribution" xmlns="http://www.w3.org/2000/svg" width="100%" '
             f'viewBox="0 0 {chart["width"]} {chart["height"] + 18}" style="max-width:{chart["width"]}px" '
             f'role="img" aria-label="{html.escape(chart["caption"])}">',
             f'<line x1="{chart["left"]}" y1="{chart["base"]}" x2="{chart["width"]}" y2="{chart["base"]}" '
             'stroke="#888" stroke-width="1"/>']
    for b in chart["bars"]:
        colour = score_colour(b["low"] + 5)
        parts.append(f'<rect x="{b["x"]}" y="{b["y"]}" width="{b["w"]}" height="{b["h"]}" fill="{colour}">'
                     f'<title>{html.escape(b["band"])}: {b["count"]}</title></rect>')
        if b["count"]:
            parts.append(f'<text x="{b["mid"]}" y="{b["y"] - 4}" text-anchor="middle" font-size="13" '
                         f'fill="currentColor">{b["count"]}</text>')
        parts.append(f'<text x="{b["mid"]}" y="{chart["base"] + 17}" text-anchor="middle" font-size="12" '
                     f'fill="currentColor">{html.escape(b["band"])}</text>')
    parts.append(f'<text x="{(chart["left"] + chart["width"]) / 2}" y="{chart["height"] + 14}" text-anchor="middle" '
                 f'font-size="12" fill="currentColor">{html.escape(_t("dashboard.axis_total"))}</text>')
    parts.append("</svg>")
    return "".join(parts)


_TOP = 6  # rows per common-mistakes list: the room reads the top of each
_INSIGHT_CHARS = 150
_TABLE = 'style="border-collapse:collapse;margin:4px 0;font-size:0.95em"'
_CELL = 'style="padding:3px 10px;border-bottom:1px solid rgba(127,127,127,0.3);text-align:{align}"'


def _row(cells: list[tuple[str, str]], head: bool = False) -> str:
    tag = "th" if head else "td"
    return "<tr>" + "".join(f'<{tag} {_CELL.format(align=align)}>{text}</{tag}>' for text, align in cells) + "</tr>"


class CohortDashboard(StaticHtml, widgets.VBox):
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
    """

    folder = Unicode(help="Folder of submissions (*.json).")
    count = Int(0, help="Number of submissions found at the last refresh.")

    def __init__(self, folder: str | os.PathLike, key: AnswerKey | PowerMap | str | os.PathLike, **kwargs: Any) -> None:
        self._collect: Callable[[], Any] | None = kwargs.pop("collect", None)
        self.hide_names: bool = kwargs.pop("hide_names", False)
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

    def to_html(self) -> str:
        """The dashboard as static HTML (where widgets do not render)."""
        parts = (self._title, self._summary, self._chart, self._criteria, self._mistakes, self._table)
        return "".join(f"<div>{part.value}</div>" for part in parts)

    def close(self) -> None:
        """Close the dashboard and its parts, and stop following the language."""
        self._listeners.clear()
        close_tree(self)
        super().close()

    def _on_language(self, lang: str) -> None:
        self._draw()

    # ---- drawing ------------------------------------------------------------------------
    def _draw(self) -> None:
        name = Path(self.folder).name or self.folder
        self._title.value = f"<b>{html.escape(_t('dashboard.title', count=self.count, folder=name))}</b>"
        self._button.description = _t("dashboard.refresh")
        if self._updated is not None:
            stamp = _t("dashboard.updated", time=self._updated.strftime("%H:%M:%S"))
            self._stamp.value = f'<span style="color:#777">{html.escape(stamp)}</span>'
        if self.frame is None:
            self._summary.value = f"<p>{html.escape(_t('dashboard.empty'))}</p>"
            if self.collection is not None:
                self._summary.value += f"<p>{html.escape(self.collection.summary())}</p>"
            for part in (self._chart, self._criteria, self._mistakes, self._table):
                part.value = ""
            return
        view = cohort_view(self.frame, self.key, vocab.get_language())
        self._summary.value = self._summary_html(view)
        self._chart.value = (f"<b>{html.escape(_t('dashboard.chart'))}</b><br>{chart_svg(view['chart'])}")
        self._criteria.value = self._criteria_html(view)
        self._mistakes.value = self._mistakes_html(view)
        self._table.value = self._table_html(view)

    def _summary_html(self, view: dict[str, Any]) -> str:
        text = html.escape(_g("cohort_counts", count=view["count"], graded=view["graded"], errors=view["errors"]))
        total = next((s for s in view["stats"] if s["name"] == vocab.text("grading.criterion.total")), None)
        if total is not None and view["graded"]:
            text += " " + html.escape(_t("dashboard.mean", mean=_num(total["mean"]), median=_num(total["median"]),
                                         low=_num(total["min"]), high=_num(total["high"])))
        if self.collection is not None:
            text = f"{html.escape(self.collection.summary())}<br>{text}"
        if view["errors"]:
            text += (f' <span style="color:{vocab.colour("oppose")}">'
                     f'{html.escape(_t("dashboard.errors", count=view["errors"]))}</span>')
        return f"<p>{text}</p>"

    def _criteria_html(self, view: dict[str, Any]) -> str:
        rows = [_row([(html.escape(_g("criterion")), "left"), (html.escape(_g("stat.mean")), "right"),
                      (html.escape(_g("stat.max")), "right"), ("", "left")], head=True)]
        for s in view["stats"]:
            bar = (f'<span style="display:inline-block;width:120px;height:10px;border-radius:5px;'
                   f'background:rgba(127,127,127,0.18);overflow:hidden"><span style="display:block;height:100%;'
                   f'width:{s["share"]:.0f}%;background:{score_colour(s["share"])}"></span></span>')
            rows.append(_row([(html.escape(s["name"]), "left"), (_num(s["mean"]), "right"), (_num(s["max"]), "right"),
                              (bar, "left")]))
        return f"<b>{html.escape(_g('criteria'))}</b><table {_TABLE}>{''.join(rows)}</table>"

    def _mistakes_html(self, view: dict[str, Any]) -> str:
        graded = view["graded"]
        blocks = []

        def block(title: str, items: list[str], width: str = "260px") -> None:
            body = ("<ul style='margin:2px 0;padding-left:20px;line-height:1.4'>"
                    + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
                    if items else f"<div style='color:#777'>{html.escape(_g('none_missed'))}</div>")
            blocks.append(f'<div style="flex:1 1 {width};min-width:240px"><i>{html.escape(title)}</i>{body}</div>')

        def row(text: str, count: int) -> str:
            return html.escape(_t("dashboard.mistake_row", text=text, count=count, total=graded))

        def insight(item: dict[str, Any]) -> str:
            # A key's insight text is a paragraph: the row shows its start, the tooltip all of it.
            text = item["text"] or item["id"]
            short = text if len(text) <= _INSIGHT_CHARS else text[:_INSIGHT_CHARS].rstrip() + "…"
            return f'<span title="{html.escape(text)}">{row(short, item["missed"])}</span>'

        block(_g("missed_people"), [row(p["name"], p["missed"]) for p in view["missed_people"][:_TOP]])
        block(_g("missed_roles"), [row(f"{r['name']} — {r['role']}", r["missed"])
                                   for r in view["missed_roles"][:_TOP]])
        if view["missed_insights"]:
            block(_g("missed_insights"), [insight(i) for i in view["missed_insights"][:_TOP]], width="100%")
        return (f"<b>{html.escape(_t('dashboard.mistakes'))}</b>"
                f'<div class="pmk-mistakes" style="display:flex;flex-wrap:wrap;gap:8px 24px">{"".join(blocks)}</div>')

    def _table_html(self, view: dict[str, Any]) -> str:
        head = [(html.escape(_g("column.submission")), "left")]
        head += [(html.escape(c), "right") for c in view["columns"]]
        head += [(html.escape(vocab.text("grading.criterion.total")), "right")]
        rows = [_row(head, head=True)]
        width = len(view["columns"]) + 1
        for n, r in enumerate(view["rows"], 1):
            cells = [(f"#{n}" if self.hide_names else html.escape(r["submission"]), "left")]
            if r["error"]:
                error = (f'<span style="color:{vocab.colour("oppose")}">'
                         f'{html.escape(_g("column.error"))}: '
                         f'{"" if self.hide_names else html.escape(r["error"])}</span>')
                rows.append("<tr>" + f'<td {_CELL.format(align="left")}>{cells[0][0]}</td>'
                            f'<td colspan="{width}" {_CELL.format(align="left")}>{error}</td></tr>')
                continue
            cells += [(_num(p), "right") for p in r["points"]]
            total = f'<b style="color:{score_colour(r["total"])}">{_num(r["total"])}</b>'
            cells.append((total, "right"))
            rows.append(_row(cells))
        return (f"<b>{html.escape(_t('dashboard.table'))}</b>"
                f'<div style="overflow-x:auto"><table class="pmk-cohort-table" {_TABLE}>{"".join(rows)}</table></div>')
