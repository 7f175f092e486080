"""A small SVG writer for the report pictures: shapes and text as markup, no matplotlib.

Report pictures are drawn here directly (geometry computed by the picture modules), which
is about a hundred times faster than going through a matplotlib figure and keeps the
core's import light. Every attribute value and text is escaped; text stays text, drawn by
the reader's browser with :data:`~powermap_kit.render.fonts.CJK_FONT_STACK`.

>>> s = Svg(100, 40)
>>> s.text(5, 20, "王伟 <x>", size=12, weight="bold")
>>> out = s.markup()
>>> out.startswith("<svg") and "王伟 &lt;x&gt;" in out
True
"""

from __future__ import annotations

import re
from itertools import count
from typing import Any

from markupsafe import escape

from .fonts import CJK_FONT_STACK

__all__ = ["Svg"]

_ids = count(1)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def _attrs(attrs: dict[str, Any]) -> str:
    # A large map's picture has tens of thousands of attributes: names are spelled once,
    # numbers need no escaping and most texts (colours, classes) hold nothing to escape.
    parts = []
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        attr = _ATTR_NAMES.get(name)
        if attr is None:
            attr = _ATTR_NAMES[name] = name.rstrip("_").replace("_", "-")
        if isinstance(value, (int, float)):
            parts.append(f' {attr}="{_num(value)}"')
        else:
            parts.append(f' {attr}="{_escaped(value)}"')
    return "".join(parts)


_ATTR_NAMES: dict[str, str] = {}
_SPECIAL = re.compile("[&<>'\"]").search


def _escaped(value: Any) -> str:
    """``str(escape(value))``, without the call for plain text that holds nothing to escape."""
    if type(value) is str and _SPECIAL(value) is None:
        return value
    return str(escape(value))


class Svg:
    """An SVG picture of ``width`` × ``height`` user units, built shape by shape."""

    def __init__(self, width: float, height: float, x0: float = 0.0, y0: float = 0.0, css_class: str = "",
                 scale: float = 1.0) -> None:
        self.width, self.height, self.x0, self.y0, self.scale = width, height, x0, y0, scale
        self.css_class = css_class
        self.uid = f"pmk{next(_ids)}"
        self._parts: list[str] = []
        self._markers: dict[str, str] = {}

    def add(self, tag: str, text: str | None = None, **attrs: Any) -> None:
        """Any element; ``text`` (escaped) becomes its content."""
        body = "" if text is None else _escaped(text)
        self._parts.append(f"<{tag}{_attrs(attrs)}>{body}</{tag}>" if text is not None else f"<{tag}{_attrs(attrs)}/>")

    def rect(self, x: float, y: float, w: float, h: float, **attrs: Any) -> None:
        self.add("rect", x=x, y=y, width=w, height=h, **attrs)

    def line(self, x1: float, y1: float, x2: float, y2: float, **attrs: Any) -> None:
        self.add("line", x1=x1, y1=y1, x2=x2, y2=y2, **attrs)

    def circle(self, cx: float, cy: float, r: float, **attrs: Any) -> None:
        self.add("circle", cx=cx, cy=cy, r=r, **attrs)

    def path(self, d: str, **attrs: Any) -> None:
        self.add("path", d=d, **attrs)

    def arrow(self, colour: str) -> str:
        """``url(#…)`` of an arrow-head marker in ``colour`` (defined once per picture)."""
        if colour not in self._markers:
            mid = f"{self.uid}a{len(self._markers)}"
            self._markers[colour] = (f'<marker id="{mid}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" '
                                     f'markerHeight="11" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
                                     f'fill="{escape(colour)}"/></marker>')
        return f"url(#{self.uid}a{list(self._markers).index(colour)})"

    def text(self, x: float, y: float, text: str | None, size: float = 12, anchor: str = "start",
             weight: str | None = None, colour: str = "#222222", baseline: str = "middle", **attrs: Any) -> None:
        """One line of text (or several, split at newlines, ``size × 1.25`` apart)."""
        if not text:
            return
        lines = str(text).split("\n")
        extra = {"font_weight": weight, "text_anchor": anchor, "dominant_baseline": baseline, **attrs}
        if len(lines) == 1:
            self.add("text", lines[0], x=x, y=y, font_size=size, fill=colour, **extra)
            return
        spans = "".join(f'<tspan x="{_num(float(x))}" dy="{0 if i == 0 else _num(size * 1.25)}">{escape(line)}</tspan>'
                        for i, line in enumerate(lines))
        self._parts.append(f"<text{_attrs(dict(x=x, y=y, font_size=size, fill=colour, **extra))}>{spans}</text>")

    def markup(self) -> str:
        """The finished ``<svg>`` element."""
        defs = f"<defs>{''.join(self._markers.values())}</defs>" if self._markers else ""
        cls = f' class="{escape(self.css_class)}"' if self.css_class else ""
        return (f'<svg xmlns="http://www.w3.org/2000/svg"{cls} width="{_num(self.width * self.scale)}pt" '
                f'height="{_num(self.height * self.scale)}pt" viewBox="{_num(float(self.x0))} {_num(float(self.y0))} '
                f'{_num(float(self.width))} {_num(float(self.height))}" '
                f'style="font-family: {escape(CJK_FONT_STACK)}">{defs}{"".join(self._parts)}</svg>')
