"""HTML through jinja2: one environment with autoescape, shared by every report and widget.

Templates live in ``data/templates/``; a report extends ``base.html.j2`` (inline CSS, a
strict Content-Security-Policy, no scripts and no external assets, so the file opens
offline and nothing leaves the machine). Widgets draw their HTML with the macros of
``widgets.html.j2`` (:func:`macro`). All user text is escaped by autoescape; pictures made
by :mod:`powermap_kit.render` go in through the ``trusted_svg`` filter (their text is
escaped when they are drawn).

The environment is built once per process and compiled templates are cached in it, so a
thousand reports compile each template once.

In templates: ``t("key", **params)`` is :func:`powermap_kit.vocab.text` in the report's
language, ``label(code, kind)`` a vocabulary label, ``colour(code)`` a stance colour,
``lang`` the language code.

>>> html = render("base.html.j2", title="<b>Deal</b>", lang="en")
>>> "&lt;b&gt;Deal&lt;/b&gt;" in html and "<b>Deal" not in html
True
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from .. import vocab
from .fonts import CJK_FONT_STACK

__all__ = ["CJK_FONT_STACK", "environment", "macro", "render", "trusted_svg"]


def trusted_svg(svg: str) -> Markup:
    """Mark SVG produced by :mod:`powermap_kit.render` as safe to embed (its text is escaped)."""
    start = svg.find("<svg")
    return Markup(svg[start:] if start >= 0 else svg)


@jinja2.pass_context
def _t(context: Any, key: str, **params: Any) -> str:
    return vocab.text(key, lang=context.get("lang"), **params)


@jinja2.pass_context
def _label(context: Any, code: Any, kind: str | None = None) -> str:
    if code is None:
        code = "unknown" if kind == "stance" else ""
    return vocab.label(code, kind, lang=context.get("lang"))


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The shared jinja2 environment (autoescape on, undefined names are errors)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("powermap_kit", "data/templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # installed templates do not change while a process runs
        cache_size=100,
    )
    # A constant of ours, used inside <style>, where HTML escapes would not be decoded.
    env.globals.update(t=_t, label=_label, colour=vocab.colour, font_stack=Markup(CJK_FONT_STACK))
    env.filters["trusted_svg"] = trusted_svg
    return env


def render(template_name: str, **context: Any) -> str:
    """Render a template from ``data/templates`` with autoescape.

    ``lang`` defaults to the current language and ``generated`` to now, so every
    report shows when it was made.
    """
    context.setdefault("lang", vocab.get_language())
    context.setdefault("generated", datetime.now().strftime("%Y-%m-%d %H:%M"))
    context.setdefault("title", "powermap-kit")
    return environment().get_template(template_name).render(**context)


def macro(name: str, template: str = "widgets.html.j2", lang: str | None = None) -> Any:
    """A macro of a template (default: the widgets' macros), as a function returning markup.

    Macros that call ``t(...)`` read the language given here (default: the current one).

    >>> str(macro("item")(Markup("<i>x</i>"), "a < b"))
    '<span class="pmk-item" style="display:inline-flex;align-items:center;gap:4px;margin:2px 10px 2px 0;white-space:nowrap"><i>x</i><span>a &lt; b</span></span>'
    """
    return getattr(_module(template, lang or vocab.get_language()), name)


@lru_cache(maxsize=16)
def _module(template: str, lang: str) -> Any:
    return environment().get_template(template).make_module({"lang": lang})
