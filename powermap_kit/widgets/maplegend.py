"""The map legend as HTML: stance colours, power sizes, role shapes (per lens), line styles.

Built from the vocabulary and :mod:`.cyto`'s encodings, so the legend always matches the
drawing and follows the language; the markup is the ``legend``, ``shape`` and
``line_sample`` macros of ``widgets.html.j2`` (:func:`powermap_kit.render.templates.macro`).

>>> html = legend_html(lang="zh")
>>> "决策者" in html and "未知" in html
True
>>> "Key decision maker" in legend_html("four_role", lang="en")
True
"""

from __future__ import annotations

import math
from markupsafe import Markup

from .. import vocab
from ..render.templates import macro
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
    off = stroke_width
    points = box = None
    if shape in _POLYGONS:
        points = " ".join(f"{off + x * s:.1f},{off + y * s:.1f}" for x, y in _POLYGONS[shape])
    elif shape in ("rectangle", "round-rectangle"):
        box = {"x": off, "y": round(off + s * 0.12, 1), "w": round(s, 1), "h": round(s * 0.76, 1),
               "rx": 4 if shape == "round-rectangle" else 0}
    return str(macro("shape")(shape, size, fill, stroke, stroke_width, dash, points, box))


def _line_svg(colour: str, line: str, arrow: bool) -> Markup:
    dash = {"dashed": "6,4", "dotted": "2,3"}.get(line)
    return Markup(macro("line_sample")(colour, dash, arrow))


def _role_items(lens: str | None, lang: str | None) -> list[tuple[Markup, str]]:
    shapes = {r["code"]: r for r in vocab.entries("role")}
    if lens in (None, "", "canonical"):
        return [(Markup(shape_svg(r["shape"])), f"{r['badge']} · {vocab.label(r['code'], 'role', lang)}")
                for r in vocab.entries("role")]
    items = []
    for term in vocab.entry(lens, "framework")["roles"]:
        label = cyto.term_label(term, lang)
        icons = "".join(shape_svg(shapes[r]["shape"], size=16) for r in term["roles"])
        if term.get("stance"):
            icons += shape_svg("ellipse", fill=vocab.colour(term["stance"]), size=16)
        if term.get("coach"):
            icons += shape_svg("ellipse", fill="#ffffff", stroke=cyto.COACH_COLOUR, size=16, stroke_width=3)
        items.append((Markup(icons), label))
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
        stances.append((Markup(icon), vocab.label(s["code"], "stance", lang)))
    powers = [(Markup(shape_svg("ellipse", size=max(10, int(size / 3.2)))), str(level))
              for level, size in cyto.NODE_SIZE.items()]
    powers.append((Markup(shape_svg("ellipse", size=int(cyto.UNKNOWN_POWER_SIZE / 3.2))), t("unknown", lang)))
    lines = [(_line_svg(cyto.EDGE_COLOURS.get(r["code"], cyto.DEFAULT_EDGE_COLOUR), r["line"], r["directed"]),
              vocab.label(r["code"], "relationship_type", lang)) for r in vocab.entries("relationship_type")]
    roles = _role_items(lens, lang)
    roles.append((Markup(shape_svg(cyto.NO_ROLE_SHAPE)), t("no_role", lang)))
    coach = [(Markup(shape_svg("ellipse", fill="#ffffff", stroke=cyto.COACH_COLOUR, stroke_width=3)),
              t("coach_marker", lang))]
    sections = [(vocab.kind_label("stance", lang), stances),
                (vocab.kind_label("power_level", lang) + " " + t("legend_size", lang), powers),
                (t("legend_roles", lang), roles + coach),
                (vocab.kind_label("relationship_type", lang), lines)]
    return str(macro("legend")(sections))
