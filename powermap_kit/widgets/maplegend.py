"""The map legend as HTML: stance colours, power sizes, role shapes (per lens), line styles.

Pure string building from the vocabulary and :mod:`.cyto`'s encodings, so the legend
always matches the drawing and follows the language.

>>> html = legend_html(lang="zh")
>>> "决策者" in html and "未知" in html
True
>>> "Key decision maker" in legend_html("four_role", lang="en")
True
"""

from __future__ import annotations

import html as _html
import math

from .. import vocab
from . import cyto
from ._common import t

__all__ = ["legend_html", "shape_svg"]

_POLYGONS = {
    "diamond": [(0.5, 0), (1, 0.5), (0.5, 1), (0, 0.5)],
    "hexagon": [(0, 0.5), (0.25, 0), (0.75, 0), (1, 0.5), (0.75, 1), (0.25, 1)],
    "triangle": [(0.5, 0), (1, 1), (0, 1)],
    "vee": [(0, 0), (0.5, 0.33), (1, 0), (0.5, 1)],
    "octagon": [(0.3, 0), (0.7, 0), (1, 0.3), (1, 0.7), (0.7, 1), (0.3, 1), (0, 0.7), (0, 0.3)],
    "star": [(0.5 + 0.5 * math.cos(math.radians(-90 + 36 * i)) * (1 if i % 2 == 0 else 0.45),
              0.5 + 0.5 * math.sin(math.radians(-90 + 36 * i)) * (1 if i % 2 == 0 else 0.45)) for i in range(10)],
}


def shape_svg(shape: str, fill: str = "#cfd8dc", size: int = 18, stroke: str = "#424242",
              dash: str | None = None, stroke_width: float = 1.5) -> str:
    """A small inline SVG of a cytoscape node shape (for legends)."""
    s = size - 2 * stroke_width
    attrs = f'fill="{fill}" stroke="{stroke}" stroke-width="{stroke_width}"'
    if dash:
        attrs += f' stroke-dasharray="{dash}"'
    off = stroke_width
    if shape in _POLYGONS:
        pts = " ".join(f"{off + x * s:.1f},{off + y * s:.1f}" for x, y in _POLYGONS[shape])
        body = f'<polygon points="{pts}" {attrs}/>'
    elif shape in ("rectangle", "round-rectangle"):
        rx = 4 if shape == "round-rectangle" else 0
        body = f'<rect x="{off}" y="{off + s * 0.12:.1f}" width="{s:.1f}" height="{s * 0.76:.1f}" rx="{rx}" {attrs}/>'
    else:
        body = f'<circle cx="{size / 2}" cy="{size / 2}" r="{s / 2:.1f}" {attrs}/>'
    return (f'<svg width="{size}" height="{size}" viewBox="0 0 {size} {size}" '
            f'style="vertical-align:middle">{body}</svg>')


def _line_svg(colour: str, line: str, arrow: bool, width: float = 2) -> str:
    dash = {"dashed": ' stroke-dasharray="6,4"', "dotted": ' stroke-dasharray="2,3"'}.get(line, "")
    head = f'<polygon points="30,6 22,2 22,10" fill="{colour}"/>' if arrow else ""
    return (f'<svg width="32" height="12" style="vertical-align:middle"><line x1="1" y1="6" x2="{24 if arrow else 31}" '
            f'y2="6" stroke="{colour}" stroke-width="{width}"{dash}/>{head}</svg>')


def _item(icon: str, text: str) -> str:
    return (f'<span style="display:inline-flex;align-items:center;gap:4px;margin:2px 10px 2px 0;'
            f'white-space:nowrap">{icon}<span>{_html.escape(text)}</span></span>')


def _section(title: str, items: list[str]) -> str:
    return (f'<div style="margin-bottom:6px"><div style="font-weight:600;margin-bottom:2px">{_html.escape(title)}</div>'
            f'<div style="display:flex;flex-wrap:wrap">{"".join(items)}</div></div>')


def _role_items(lens: str | None, lang: str | None) -> list[str]:
    shapes = {r["code"]: r for r in vocab.entries("role")}
    if lens in (None, "", "canonical"):
        return [_item(shape_svg(r["shape"]), f"{r['badge']} · {vocab.label(r['code'], 'role', lang)}")
                for r in vocab.entries("role")]
    items = []
    for term in vocab.entry(lens, "framework")["roles"]:
        label = cyto.term_label(term, lang)
        icons = "".join(shape_svg(shapes[r]["shape"], size=16) for r in term["roles"])
        if term.get("stance"):
            icons += shape_svg("ellipse", fill=vocab.colour(term["stance"]), size=16)
        if term.get("coach"):
            icons += shape_svg("ellipse", fill="#ffffff", stroke=cyto.COACH_COLOUR, size=16, stroke_width=3)
        items.append(_item(icons, label))
    return items


def legend_html(lens: str | None = None, lang: str | None = None) -> str:
    """The legend of a map drawing, in the current (or given) language.

    ``lens`` names a role framework; its terms replace the role labels.
    """
    stances = []
    for s in vocab.entries("stance"):
        dashed = s["code"] == "unknown"
        icon = shape_svg("ellipse", fill=s["colour"], stroke="#424242", dash="3,2" if dashed else None,
                         stroke_width=2 if dashed else 1.5)
        stances.append(_item(icon, vocab.label(s["code"], "stance", lang)))
    powers = [_item(shape_svg("ellipse", size=max(10, int(size / 3.2))), str(level))
              for level, size in cyto.NODE_SIZE.items()]
    powers.append(_item(shape_svg("ellipse", size=int(cyto.UNKNOWN_POWER_SIZE / 3.2)), t("unknown", lang)))
    lines = [_item(_line_svg(cyto.EDGE_COLOURS.get(r["code"], cyto.DEFAULT_EDGE_COLOUR), r["line"], r["directed"]),
                   vocab.label(r["code"], "relationship_type", lang)) for r in vocab.entries("relationship_type")]
    roles = _role_items(lens, lang)
    roles.append(_item(shape_svg(cyto.NO_ROLE_SHAPE), t("no_role", lang)))
    coach = [_item(shape_svg("ellipse", fill="#ffffff", stroke=cyto.COACH_COLOUR, stroke_width=3),
                   t("coach_marker", lang))]
    return (
        '<div class="powermap-legend" style="font-size:12px;line-height:1.35">'
        + _section(vocab.kind_label("stance", lang), stances)
        + _section(vocab.kind_label("power_level", lang) + " " + t("legend_size", lang), powers)
        + _section(t("legend_roles", lang), roles + coach)
        + _section(vocab.kind_label("relationship_type", lang), lines)
        + "</div>"
    )
