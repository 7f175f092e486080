"""What the notebooks display: styled tables, SVG pictures, widgets with a text fallback,
worksheets and case documents. Pure: pandas and matplotlib are imported when used.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .. import exercises, vocab
from ..cases import Case, Markdown, load_case
from ..model import PowerMap
from .feedback import _join, _lang, _t

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["Picture", "WithFallback", "map_picture", "matrix_picture", "show_document", "statements", "with_fallback",
           "worksheet"]


def _table(rows: list[dict[str, Any]], caption: str | None = None) -> Styler:
    import pandas as pd

    frame = pd.DataFrame(rows)
    styler = frame.style.hide(axis="index").format(escape="html", na_rep="")
    # subset given explicitly: mypy would otherwise match the **dict of CSS properties against it
    styler = styler.set_properties(None, **{"text-align": "left", "vertical-align": "top", "white-space": "normal"})
    styler = styler.set_table_styles([{"selector": "th", "props": [("text-align", "left")]},
                                      {"selector": "caption", "props": [("caption-side", "top"), ("text-align", "left"),
                                                                        ("font-weight", "bold")]}])
    return styler.set_caption(html.escape(caption)) if caption else styler


class Picture:
    """An SVG picture that scales to the cell width (``_repr_html_``) and prints as its title."""

    def __init__(self, svg: str, title: str = "") -> None:
        self.svg = svg
        self.title = title

    def _repr_html_(self) -> str:
        # Fit the cell, but not so small that box labels become unreadable (scroll instead).
        def fit(m: re.Match[str]) -> str:
            natural = float(m.group(2)) * 4 / 3
            return (f'<svg{m.group(1)} width="100%" style="max-width:{natural:.0f}px;'
                    f'min-width:{min(natural, 1000):.0f}px;height:auto"')

        svg = re.sub(r'<svg([^>]*?) width="([\d.]+)pt" height="([\d.]+)pt"', fit, self.svg, count=1)
        return f'<div class="pmk-picture" style="max-width:100%;overflow-x:auto">{svg}</div>'

    def __repr__(self) -> str:
        return f"<Picture: {self.title}>" if self.title else "<Picture>"


class WithFallback:
    """A widget shown live where widgets render, and as ``fallback`` (a table, text) where they do not.

    Static HTML exports and printed handouts use the fallback's HTML; JupyterLab prefers the
    live widget. The widget stays available as ``.widget``.
    """

    def __init__(self, widget: Any, fallback: Any) -> None:
        self.widget = widget
        self.fallback = fallback

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        data = dict(self.widget._repr_mimebundle_() or {})
        data["text/html"] = _html_of(self.fallback)
        data["text/plain"] = _plain_of(self.fallback)
        return data


def with_fallback(widget: Any, fallback: Any) -> WithFallback:
    """Show ``widget`` with a text fallback (see :class:`WithFallback`)."""
    return WithFallback(widget, fallback)


def _html_of(obj: Any) -> str:
    for attr in ("_repr_html_", "to_html"):
        if hasattr(obj, attr):
            return str(getattr(obj, attr)())
    return f"<pre>{html.escape(str(obj))}</pre>"


def _plain_of(obj: Any) -> str:
    data = getattr(obj, "data", None)  # a Styler's frame prints as text
    return data.to_string(index=False) if data is not None and hasattr(data, "to_string") else str(obj)


def worksheet(questions: Sequence[exercises.Question], lang: str | None = None) -> Styler:
    """The questions of a quiz as a printable table with an empty answer column (a widget's fallback)."""
    lang = _lang(lang)
    rows = []
    for n, q in enumerate(questions, start=1):
        choices = _join((vocab.label(c, q.kind, lang) for c in q.choices), lang)
        rows.append({"#": n, _t("col.question", lang): q.prompt, _t("col.choices", lang): choices,
                     _t("col.your_answer", lang): ""})
    return _table(rows)


def statements(kind: str, ids: Iterable[str], lang: str | None = None) -> Styler:
    """Chosen stage statements (``kind="stage"``) or decision-mode scenarios (``"decision_mode"``) by id."""
    lang = _lang(lang)
    bank = {"stage": exercises.stage_questions, "decision_mode": exercises.decision_mode_questions}[kind]
    by_id = {q.id: q for q in bank(lang, shuffle=False)}
    rows = []
    for qid in ids:
        if qid not in by_id:
            raise KeyError(vocab.text("exercises.unknown_question", lang=lang, value=repr(qid),
                                      allowed=", ".join(by_id)))
        rows.append({_t("col.id", lang): qid, _t("col.question", lang): by_id[qid].prompt})
    return _table(rows)


def show_document(case: Case | str, number: int, lang: str | None = None) -> Markdown:
    """One document of a case's pack as a quoted exhibit with its number, title and date.

    Headings inside the document become bold lines, so the exhibit does not break the
    notebook's own outline.
    """
    lang = _lang(lang)
    c = _case(case)
    doc = c.document(number)
    quoted = []
    for line in doc.text(lang).splitlines():
        heading = re.match(r"^#{1,6}\s+(.*)$", line)
        quoted.append("> " + (f"**{heading.group(1)}**" if heading else line) if line.strip() else ">")
    caption = _t("document.caption", lang, number=f"{number:02d}", title=doc.title[lang], date=doc.date or "")
    return Markdown(f"{caption}\n\n" + "\n".join(quoted))


def _case(case: Case | str) -> Case:
    return case if isinstance(case, Case) else load_case(case)


def _name(pm: PowerMap, pid: str, lang: str) -> str:
    return exercises._display_name(pm, pid, lang)


def _people_index(pm: PowerMap) -> dict[str, str]:
    index: dict[str, str] = {}
    aliases = (pm.grading or {}).get("aliases") or {}
    for p in pm.stakeholders:
        for name in (p.id, p.name, *aliases.get(p.id, [])):
            index.setdefault(name.strip().lower(), p.id)
    return index


def map_picture(pm: PowerMap | Case | str, highlight: Iterable[str] = (), title: str | None = None,
                lang: str | None = None) -> Picture:
    """The map as an org-chart picture (a case slug or :class:`Case` shows its answer key)."""
    from ..render import map_svg

    if not isinstance(pm, PowerMap):
        pm = _case(pm).key
    return Picture(map_svg(pm, lang=lang, highlight=list(highlight), title=title), title or "")


def matrix_picture(pm: PowerMap | Case | str, lang: str | None = None) -> Picture:
    """The power matrix (power × stance) of a map, or of a case's answer key."""
    from ..render import power_matrix_svg

    if not isinstance(pm, PowerMap):
        pm = _case(pm).key
    return Picture(power_matrix_svg(pm, lang=lang), vocab.text("analysis.matrix.title", lang=lang))
