"""Printable handouts, in English and Chinese: HTML pages from ``data/templates/kit/`` printed
to PDF by headless Chromium (:mod:`.pdf`).

- ``cheatsheet.pdf`` (1 page): roles, stages, decision modes, support levels, power matrix
  (power × influence after seed 000, and power × support);
- ``canvas.pdf`` (1 page): a blank power-map canvas to draw on;
- ``schedule-one_day.pdf``, ``schedule-two_day.pdf`` (1 page each): the agendas of :mod:`.agendas`;
- ``case-<slug>.pdf``: each case's learner pack (brief and documents; no key, no debrief);
- ``feedback-<slug>.pdf``: the feedback report of the case's sample submission, or
  ``feedback-<file name>.pdf`` for each learner's submission given;
- ``roleplay-<name>.pdf``: each role-play in ``trainer/roleplays/<lang>/``.

Every piece of text from a file goes through Markdown with HTML escaped, so a document
cannot inject markup or scripts (and the page's Content-Security-Policy forbids them anyway).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .. import vocab
from ..cases import Case, list_cases, load_case
from ..render.templates import render
from . import agendas
from .pdf import print_pdfs

__all__ = ["HANDOUTS", "build_handouts", "case_pack_html", "cheatsheet_html", "canvas_html", "feedback_html",
           "markdown_html", "roleplay_files", "schedule_html"]

#: The handout kinds :func:`build_handouts` knows.
HANDOUTS = ("cheatsheet", "canvas", "schedule", "cases", "feedback", "roleplays")
_REPO = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def _markdown() -> Any:
    import mistune

    return mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])


def markdown_html(text: str) -> Markup:
    """Markdown as HTML, with any HTML in the text escaped.

    >>> str(markdown_html("# Hi <script>x</script>"))
    '<h1>Hi &lt;script&gt;x&lt;/script&gt;</h1>\\n'
    """
    return Markup(_markdown()(text))


def _items(kind: str, lang: str) -> list[dict[str, Any]]:
    return list(vocab.entries(kind))


def cheatsheet_html(lang: str) -> str:
    """The one-page cheat sheet."""
    roles = [{"badge": e.get("badge", ""), "label": e["label"][lang], "description": e["description"][lang]}
             for e in _items("role", lang)]
    stages = [{"label": e["label"][lang], "focus": e["focus"][lang], "task": e["seller_task"][lang]}
              for e in _items("stage", lang)]
    sep = vocab.text("course.list_sep", lang=lang)
    modes = [{"label": e["label"][lang], "key_roles": sep.join(vocab.label(r, "role", lang=lang) for r in e["key_roles"])}
             for e in _items("decision_mode", lang)]
    stances = [{"label": e["label"][lang], "colour": e["colour"], "description": e["description"][lang]}
               for e in sorted(_items("stance", lang), key=lambda e: -1 if e["level"] is None else -e["level"])]
    dimensions = sep.join(vocab.label(c, "support_dimension", lang=lang) for c in vocab.codes("support_dimension"))
    high, low = vocab.text("kit.axis.high", lang=lang), vocab.text("kit.axis.low", lang=lang)

    def cells(view: str, x_axis: str, names: dict[str, str] | None) -> list[dict[str, str]]:
        tones = {"hh": "hot", "hl": "warm", "lh": "good", "ll": "calm"}
        if view == "sup":
            tones = {"hh": "good", "hl": "hot", "lh": "warm", "ll": "calm"}
        out = []
        for quad in ("hl", "hh", "ll", "lh"):  # rows: high power, low power; columns: low x, high x
            power, x = (high if quad[0] == "h" else low), (high if quad[1] == "h" else low)
            name = names[quad] if names else ""
            text = vocab.text(f"kit.quad.{view}.{quad}", lang=lang)
            name = name or vocab.text("kit.quad.name", lang=lang, power_axis=vocab.text("kit.axis.power", lang=lang),
                                      power=power, x_axis=x_axis, x=x)
            out.append({"tone": tones[quad], "name": name, "text": text})
        return out

    influence = vocab.text("kit.axis.influence", lang=lang)
    support = vocab.text("kit.axis.support", lang=lang)
    quadrant = {"hh": "key_ally", "hl": "key_target", "lh": "supporter_base", "ll": "monitor"}
    names = {q: vocab.text(f"analysis.quadrant.{n}.name", lang=lang) for q, n in quadrant.items()}
    views = [{"title": vocab.text("kit.cheat.view_influence", lang=lang), "x_axis": influence,
              "cells": cells("inf", influence, None)},
             {"title": vocab.text("kit.cheat.view_support", lang=lang), "x_axis": support,
              "cells": cells("sup", support, names)}]
    return render("kit/cheatsheet.html.j2", lang=lang, title=vocab.text("kit.cheat.title", lang=lang),
                  paper="A4 landscape", margin="8mm", roles=roles, stages=stages, modes=modes, stances=stances,
                  dimensions=dimensions, views=views)


def canvas_html(lang: str) -> str:
    """A blank canvas to draw a power map on by hand."""
    fields = [vocab.text(f"kit.canvas.{f}", lang=lang) for f in ("account", "opportunity", "stage", "mode", "date",
                                                                   "author")]
    roles = [{"badge": e.get("badge", ""), "label": e["label"][lang]} for e in _items("role", lang)]
    stances = [{"label": e["label"][lang], "colour": e["colour"]} for e in _items("stance", lang)]
    return render("kit/canvas.html.j2", lang=lang, title=vocab.text("kit.canvas.title", lang=lang),
                  paper="A4 landscape", margin="8mm", fields=fields, roles=roles, stances=stances)


def schedule_html(track: str, lang: str, case: str = "10", start: str = "09:00") -> str:
    """One track's schedule on one page, with how its case times were measured."""
    rows = agendas.schedule(track, case, start, lang)
    days = [(d, [r for r in rows if r.day == d]) for d in sorted({r.day for r in rows})]
    basis = []
    for number in dict.fromkeys(r.code for r in rows if r.kind == "case"):
        timing = agendas.case_timing(number)
        speed = agendas.agenda_data()["reading"]
        basis.append(vocab.text("kit.schedule.basis", lang=lang, case=load_case(timing.slug).title(lang),
                                en_words=f"{timing.length['en']:,}", en_speed=speed["en_words_per_minute"],
                                zh_chars=f"{timing.length['zh']:,}", zh_speed=speed["zh_chars_per_minute"],
                                people=timing.people, links=timing.relationships, questions=timing.questions))
    if any(r.part == "teach" for r in rows):
        basis.append(vocab.text("kit.schedule.homework", lang=lang))
    title = vocab.text("kit.schedule.title", lang=lang, track=vocab.text(f"kit.schedule.{track}", lang=lang))
    return render("kit/schedule.html.j2", lang=lang, title=title, paper="A4", margin="10mm", days=days, basis=basis)


def _document(title: str, parts: Iterable[str], lang: str, subtitle: str = "", checklist: bool = False) -> str:
    return render("kit/document.html.j2", lang=lang, title=title, paper="A4", subtitle=subtitle,
                  parts=[markdown_html(p) for p in parts], checklist=checklist)


def case_pack_html(case: Case, lang: str) -> str:
    """A case's learner pack: the brief, then each document on a new page (no key, no debrief)."""
    parts = [str(case.brief(lang))] + [str(d.text(lang)) for d in case.documents]
    return _document(vocab.text("kit.case.title", lang=lang, title=case.title(lang)), parts, lang,
                     vocab.text("kit.case.learner", lang=lang))


def feedback_html(submission: Any, key: Any, lang: str) -> str:
    """The per-learner feedback report (:func:`powermap_kit.render.grading_html.submission_report`)."""
    from ..grading import grade
    from ..render.grading_html import submission_report

    html = submission_report(grade(submission, key, lang=lang), lang=lang)
    return html.replace("</head>", "<style>@page { size: A4; margin: 12mm; }</style>\n</head>", 1)


def roleplay_files(lang: str, folder: str | os.PathLike | None = None) -> list[Path]:
    """The role-plays' Markdown files for a language (``trainer/roleplays/<lang>/*.md``)."""
    base = Path(folder) if folder else _REPO / "trainer" / "roleplays"
    return sorted((base / lang).glob("*.md"))


def _submissions(submission: Any, case: Case) -> list[tuple[str, Any]]:
    """(file stem, map or path) for each submission: one, a list (of maps, paths or (path, map)
    pairs), or a folder of ``*.json``."""
    if submission is None:
        return [(case.slug, case.submission("typical"))]
    if isinstance(submission, (str, os.PathLike)) and Path(submission).is_dir():
        submission = sorted(Path(submission).glob("*.json"))
    items = submission if isinstance(submission, (list, tuple)) else [submission]
    named = []
    for n, item in enumerate(items, 1):
        where, item = item if isinstance(item, tuple) else (item, item)  # (its file, the loaded map)
        stem = Path(where).stem if isinstance(where, (str, os.PathLike)) else f"submission-{n}"
        named.append((re.sub(r"[^\w.-]+", "_", stem).strip("._") or f"submission-{n}", item))
    return named


def _pages(kinds: Iterable[str], lang: str, submission: Any = None, case: str | None = None,
           roleplays: str | os.PathLike | None = None) -> dict[str, str]:
    """Each handout's file stem → its HTML."""
    pages: dict[str, str] = {}
    kinds = set(kinds)
    if "cheatsheet" in kinds:
        pages["cheatsheet"] = cheatsheet_html(lang)
    if "canvas" in kinds:
        pages["canvas"] = canvas_html(lang)
    if "schedule" in kinds:
        for track in agendas.tracks():
            pages[f"schedule-{track}"] = schedule_html(track, lang)
    if "cases" in kinds:
        for c in list_cases():
            pages[f"case-{c.slug}"] = case_pack_html(c, lang)
    if "feedback" in kinds:
        chosen = load_case(case or "it-solution")
        for name, answer in _submissions(submission, chosen):
            pages[f"feedback-{name}"] = feedback_html(answer, chosen.key, lang)
    if "roleplays" in kinds:
        for path in roleplay_files(lang, roleplays):
            text = path.read_text("utf-8")
            heading = re.search(r"^# (.+)$", text, flags=re.MULTILINE)
            title = heading.group(1).strip() if heading else path.stem
            text = text.replace(heading.group(0), "", 1) if heading else text  # the page header shows it
            # Cards are split at "---": each card prints on its own page after the shared situation,
            # so the trainer hands each player only their card.
            shared, *cards = [c for c in re.split(r"^---[ \t]*$", text, flags=re.MULTILINE) if c.strip()]
            pages[f"roleplay-{path.stem}"] = _document(
                title, [("" if n == 0 else f"# {title}\n\n") + shared + "\n\n" + c for n, c in enumerate(cards)]
                or [shared], lang, checklist=True)
    return pages


def build_handouts(out: str | os.PathLike, langs: Iterable[str] = vocab.LANGUAGES,
                   kinds: Iterable[str] = HANDOUTS, submission: Any = None, case: str | None = None,
                   roleplays: str | os.PathLike | None = None) -> list[Path]:
    """Write the handouts as ``<out>/<lang>/<name>.pdf`` (their HTML in ``<out>/<lang>/html/``).

    Parameters
    ----------
    out : path
        The folder to write into.
    langs : languages, default both
    kinds : names from :data:`HANDOUTS`, default all
    submission : map, path, list of them, or a folder of ``*.json`` maps, optional
        The learners' submissions whose feedback reports to print, one PDF each (default: the
        case's typical sample).
    case : str, optional
        The case that submission answers (default ``it-solution``).
    roleplays : path, optional
        The role-plays folder (default: the checkout's ``trainer/roleplays``).
    """
    from ..errors import InvalidValue
    from ..io import write_text_atomic

    kinds = list(kinds)
    for kind in kinds:
        if kind not in HANDOUTS:
            raise InvalidValue.not_one_of("handout", kind, HANDOUTS)
    jobs = []
    for lang in langs:
        lang = vocab.checked_language(lang)
        for stem, html in _pages(kinds, lang, submission, case, roleplays).items():
            page = write_text_atomic(Path(out) / lang / "html" / f"{stem}.html", html)
            jobs.append((page, Path(out) / lang / f"{stem}.pdf"))
    return print_pdfs(jobs)
