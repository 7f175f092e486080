"""What the notebooks show besides checks: SVG pictures, widgets with a text fallback, case documents.

Pure: matplotlib is imported only when a picture is drawn.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .. import vocab
from ..cases import Case, Markdown
from ..model import PowerMap
from ._base import case_of, columns_table, key_of, lang_of, t

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["Picture", "WithFallback", "debrief", "debrief_questions", "documents_table", "map_picture", "matrix_picture",
           "show_document", "with_fallback"]


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


def show_document(case: Case | str, number: int, lang: str | None = None) -> Markdown:
    """One document of a case's pack as a quoted exhibit with its number, title and date.

    Headings inside the document become bold lines, so the exhibit does not break the
    notebook's own outline.
    """
    lang = lang_of(lang)
    doc = case_of(case).document(number)
    quoted = []
    for line in doc.text(lang).splitlines():
        heading = re.match(r"^#{1,6}\s+(.*)$", line)
        quoted.append("> " + (f"**{heading.group(1)}**" if heading else line) if line.strip() else ">")
    caption = t("document.caption", lang, number=f"{number:02d}", title=doc.title[lang], date=doc.date or "")
    return Markdown(f"{caption}\n\n" + "\n".join(quoted))


def documents_table(case: Case | str, lang: str | None = None) -> Styler:
    """A case's intelligence pack as a table: number, title, kind, date."""
    lang = lang_of(lang)
    rows = [{"document": f"{n:02d}", "doc_title": d.title[lang],
             "kind": t(f"doc_kind.{d.kind}", lang) if f"course.doc_kind.{d.kind}" in vocab._texts() else d.kind,
             "date": d.date} for n, d in enumerate(case_of(case).documents, 1)]
    return columns_table(rows, ["document", "doc_title", "kind", "date"], lang)


def debrief(case: Case | str, lang: str | None = None, learner: str | None = None,
            audience: str | None = None) -> Markdown:
    """A case's debrief (expert map explained, strategy, discussion questions) — for a learner only
    after they submitted a map for the case; before, a notice of what is locked and how to unlock it.

    A trainer (``audience="trainer"``) always reads it. Where the trainer keeps the debrief off a
    shared server (no ``debrief.<lang>.md`` in the case folder), it says that the trainer leads it.
    """
    from ..hints import is_learner, submitted_for

    c = case_of(case)
    if is_learner(audience) and not submitted_for(c, learner):
        return Markdown("> 🔒 " + t("hints.debrief_locked", lang, case=c.title(lang)))
    if not (c.folder / f"debrief.{lang_of(lang)}.md").is_file():
        return Markdown("> 🔒 " + t("hints.debrief_withheld", lang, case=c.title(lang)))
    text = str(c.debrief(lang))
    return Markdown(without_sources(text) if is_learner(audience) else text)


_SOURCE = re.compile(r"\b[Ss]eeds?\b|种子")


def without_sources(text: str) -> str:
    r"""A debrief as learners read it: the sections and notes that cite the course's source
    texts (for trainers) left out.

    >>> without_sources("# Case\n*seeds 000, 002*\nText\n## Seed lessons\n- 000\n## Questions\n1. Why?")
    '# Case\nText\n## Questions\n1. Why?'
    """
    out: list[str] = []
    skipping = False
    for line in text.splitlines():
        if line.startswith("#"):
            skipping = bool(_SOURCE.search(line))
        if skipping or (line.startswith("*") and not line.startswith("**") and _SOURCE.search(line)):
            continue
        out.append(line)
    return "\n".join(out)


def debrief_questions(case: Case | str, lang: str | None = None) -> Markdown:
    """The discussion questions of a case's debrief (not the expert map around them)."""
    from ..cases import debrief_questions_text

    return Markdown(debrief_questions_text(case_of(case), lang) or t("debrief.none", lang))


def map_picture(pm: PowerMap | Case | str, highlight: Iterable[str] = (), title: str | None = None,
                lang: str | None = None) -> Picture | Markdown:
    """The map as an org-chart picture (a case slug or :class:`Case` shows its answer key — to a
    learner only after submitting that case; before, a lock notice)."""
    from ..render import map_svg
    from .learner import key_locked

    lock = key_locked(pm, lang)
    if lock is not None:
        return lock
    return Picture(map_svg(key_of(pm), lang=lang, highlight=list(highlight), title=title), title or "")


def matrix_picture(pm: PowerMap | Case | str, lang: str | None = None) -> Picture | Markdown:
    """The power matrix (power × stance) of a map, or of a case's answer key (locked for a learner
    until the case is submitted, as :func:`map_picture`)."""
    from ..render import power_matrix_svg
    from .learner import key_locked

    lock = key_locked(pm, lang)
    if lock is not None:
        return lock
    return Picture(power_matrix_svg(key_of(pm), lang=lang), vocab.text("analysis.matrix.title", lang=lang))
