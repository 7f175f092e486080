"""HTML reports: one jinja2 environment with autoescape, shared by every report writer.

Templates live in ``data/templates/``; a report extends ``base.html.j2`` (inline CSS, a
strict Content-Security-Policy, no scripts and no external assets, so the file opens
offline and nothing leaves the machine). All user text is escaped by autoescape;
pictures made by :mod:`powermap_kit.picture` go in through the ``trusted_svg`` filter
(matplotlib escapes the text inside them).

In templates: ``t("key", **params)`` is :func:`powermap_kit.vocab.text` in the report's
language, ``label(code, kind)`` a vocabulary label, ``lang`` the language code.

>>> html = render("base.html.j2", title="<b>Deal</b>", lang="en")
>>> "&lt;b&gt;Deal&lt;/b&gt;" in html and "<b>Deal" not in html
True
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any

from . import vocab

__all__ = ["CJK_FONT_STACK", "environment", "render", "trusted_svg"]

# Browsers pick the first installed font per glyph; the list covers Linux, macOS and Windows.
CJK_FONT_STACK = ("'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', "
                  "'WenQuanYi Micro Hei', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif")


def trusted_svg(svg: str) -> Any:
    """Mark SVG produced by :mod:`powermap_kit.picture` as safe to embed (its text is escaped)."""
    from markupsafe import Markup

    start = svg.find("<svg")
    return Markup(svg[start:] if start >= 0 else svg)


@lru_cache(maxsize=1)
def environment() -> Any:
    """The shared jinja2 environment (autoescape on, undefined names are errors)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("powermap_kit", "data/templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    @jinja2.pass_context
    def t(context: Any, key: str, **params: Any) -> str:
        return vocab.text(key, lang=context.get("lang"), **params)

    @jinja2.pass_context
    def label(context: Any, code: Any, kind: str | None = None) -> str:
        if code is None:
            code = "unknown" if kind == "stance" else ""
        return vocab.label(code, kind, lang=context.get("lang"))

    from markupsafe import Markup

    # A constant of ours, used inside <style>, where HTML escapes would not be decoded.
    env.globals.update(t=t, label=label, font_stack=Markup(CJK_FONT_STACK))
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
