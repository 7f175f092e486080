"""The fishbone (鱼骨图) as a static picture: SVG for reports, a matplotlib figure for
raster output, and an HTML box for notebooks and widgets.

The geometry is :func:`powermap_kit.fishbone.fishbone_layout` (cytoscape units, y grows
downward), so the picture matches the ``MapView`` fishbone arrangement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import localize, vocab
from ..fishbone import HEAD_WIDTH, badges, bone_label, fishbone_layout, fishbone_text, head_label
from .fonts import families, short, warn_raster, width
from .svg import Svg
from .templates import macro

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..model import PowerMap, Stakeholder

__all__ = ["fishbone_figure", "fishbone_html", "fishbone_svg"]

_PX_PER_INCH = 115.0
_PT = _PX_PER_INCH / 72  # a font size in points, in layout units at the picture's scale


def fishbone_figure(pm: PowerMap, lang: str | None = None, title: str | None = None) -> Figure:
    """The fishbone as a matplotlib figure (people's ticks and dots coloured by stance)."""
    # Lazy: matplotlib costs ~0.5 s to import; reports use fishbone_svg instead.
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch, Patch

    pm = localize.localized_map(pm, lang, copy=False)
    fb = fishbone_layout(pm)
    people = {p.id: p for p in pm.stakeholders}
    fam = families()
    xmin, ymin, xmax, ymax = fb.extent()
    xmin, xmax = xmin - 120, xmax + 30
    ymin, ymax = ymin - 60, ymax + 40
    width = max(7.0, (xmax - xmin) / _PX_PER_INCH)
    height = max(4.0, (ymax - ymin) / _PX_PER_INCH + 0.9)
    fig = Figure(figsize=(width, height))
    bottom = 0.75 / height
    ax = fig.add_axes((0.0, bottom, 1.0, 1.0 - bottom - 0.35 / height))
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymax, ymin)  # cytoscape's y grows downward; keep the same picture
    ax.set_aspect("equal")
    ax.set_axis_off()
    texts: list[str | None] = []
    ax.plot([fb.tail[0], fb.head[0]], [0, 0], color="#607d8b", linewidth=4, solid_capstyle="round", zorder=1)
    head = head_label(pm, lang)
    tall = 26 + 17 * head.count("\n")
    ax.add_patch(FancyBboxPatch((fb.head[0], -tall), HEAD_WIDTH, 2 * tall, boxstyle="round,pad=4,rounding_size=14",
                                facecolor="#eceff1", edgecolor="#455a64", linewidth=1.5, zorder=2))
    ax.text(fb.head[0] + HEAD_WIDTH / 2, 0, head, ha="center", va="center", fontsize=8.5, fontweight="bold",
            family=fam, zorder=3, linespacing=1.3)
    texts.append(head)
    names = {pid: short(p.name, 12) for pid, p in people.items()}
    for bone in fb.bones:
        empty = not bone.people and not bone.also
        ax.plot([bone.root[0], bone.tip[0]], [bone.root[1], bone.tip[1]], color="#cfd8dc" if empty else "#90a4ae",
                linewidth=2.2, linestyle="--" if empty else "-", zorder=1)
        head_line, _, rest = bone_label(bone, names, lang).partition("\n")
        up = bone.side < 0
        ax.text(bone.tip[0], bone.tip[1] + bone.side * 12, head_line + ("\n" if rest and not up else ""),
                ha="center", va="bottom" if up else "top", fontsize=9.5, fontweight="bold",
                color="#9e9e9e" if empty else "#37474f", family=fam, zorder=3)
        if rest:  # "also: ..." or "nobody recorded", in small type beyond the role name
            ax.text(bone.tip[0], bone.tip[1] + bone.side * (34 if up else 30), rest, ha="center",
                    va="bottom" if up else "top", fontsize=7.5, color="#757575", family=fam, zorder=3)
        texts += [head_line, rest]
        for i, pid in enumerate(bone.people):
            person = people[pid]
            colour = vocab.colour(person.stance)
            (ax_, ay), (px, py) = fb.anchors[pid], fb.positions[pid]
            unknown = person.stance_or_unknown == "unknown"
            ax.plot([ax_, px], [ay, py], color=colour, linewidth=2, linestyle=":" if unknown else "-", zorder=2)
            size = 30 + 14 * (person.power or 2)
            ax.scatter([px], [py], s=size, color="white" if unknown else colour, edgecolors="#424242" if unknown
                       else colour, linewidths=1.2, zorder=4)
            name = short(person.name, 18) + (" ★" if person.is_coach else "")
            marks = badges(person)
            left = i % 2 == 0
            ax.text(px + (-9 if left else 9), py - 2, name, ha="right" if left else "left", va="bottom", fontsize=8.5,
                    family=fam, zorder=5, fontweight="bold")
            if marks:
                ax.text(px + (-9 if left else 9), py + 2, marks, ha="right" if left else "left", va="top",
                        fontsize=7, color="#616161", family=fam, zorder=5)
            texts.append(name)
    if fb.outside:
        note = fishbone_text("outside", lang)
        ax.text(fb.outside_label[0], fb.outside_label[1], note, ha="left", va="center", fontsize=8.5,
                style="italic", color="#616161", family=fam)
        texts.append(note)
        for pid in fb.outside:
            person = people[pid]
            px, py = fb.positions[pid]
            unknown = person.stance_or_unknown == "unknown"
            colour = vocab.colour(person.stance)
            ax.scatter([px], [py], s=30 + 14 * (person.power or 2), color="white" if unknown else colour,
                       edgecolors="#424242" if unknown else colour, linewidths=1.2, zorder=4)
            name = short(person.name, 18) + (" ★" if person.is_coach else "")
            ax.text(px + 9, py - 2, name, ha="left", va="bottom", fontsize=8.5, family=fam, fontweight="bold")
            marks = badges(person)
            if marks:
                ax.text(px + 9, py + 2, marks, ha="left", va="top", fontsize=7, color="#616161", family=fam)
            texts.append(name)
    heading = title if title is not None else _default_title(pm, lang)
    if heading:
        fig.text(0.01, 1 - 0.12 / height, heading, ha="left", va="top", fontsize=11, fontweight="bold", family=fam)
    handles = [Patch(facecolor="white" if s == "unknown" else vocab.colour(s), edgecolor="#424242" if s == "unknown"
                     else vocab.colour(s), label=vocab.label(s, "stance", lang)) for s in vocab.STANCES]
    legend = fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.28 / height), ncol=5,
                        frameon=False, prop={"family": fam, "size": 8})
    legend.set_in_layout(False)
    key = fishbone_text("key", lang)
    fig.text(0.01, 0.08 / height, key, ha="left", va="bottom", fontsize=7.5, color="#555555", family=fam)
    texts += [heading, key]
    warn_raster(texts)
    return fig


def _default_title(pm: PowerMap, lang: str | None) -> str:
    return fishbone_text("title", lang, name=short(pm.opportunity.name or pm.account.name or "", 70))


def fishbone_html(pm: PowerMap, lang: str | None = None, max_height: str | None = None) -> str:
    """The fishbone for a notebook or a widget: title, a hint, and the SVG at its natural size
    (smaller text would not be readable) in a box that scrolls and opens at the fish's head.

    >>> from powermap_kit import load_map
    >>> html = fishbone_html(load_map({"format": "powermap/1", "stakeholders": []}), lang="en")
    >>> "direction:rtl" in html and "<svg" in html
    True
    """
    box = macro("fishbone_box", lang=lang)
    return str(box(_default_title(pm, lang), fishbone_text("scroll_hint", lang), fishbone_svg(pm, lang, title=""),
                   max_height))


def _person(svg: Svg, person: Stakeholder, x: float, y: float, left: bool) -> None:
    """A person's dot, name (coach star) and role badges beside it."""
    unknown = person.stance_or_unknown == "unknown"
    colour = vocab.colour(person.stance)
    svg.circle(x, y, 3.2 + 1.1 * (person.power or 2), fill="white" if unknown else colour,
               stroke="#424242" if unknown else colour, stroke_width=1.6)
    name = short(person.name, 18) + (" ★" if person.is_coach else "")
    tx, anchor = (x - 11, "end") if left else (x + 11, "start")
    svg.text(tx, y - 4, name, size=8.5 * _PT, anchor=anchor, weight="bold", baseline="auto")
    svg.text(tx, y + 4, badges(person), size=7 * _PT, anchor=anchor, colour="#616161",
             baseline="hanging")


def fishbone_svg(pm: PowerMap, lang: str | None = None, title: str | None = None) -> str:
    """The fishbone as an ``<svg>`` string with text kept as text, drawn without matplotlib.

    >>> from powermap_kit import load_map
    >>> svg = fishbone_svg(load_map({"format": "powermap/1", "stakeholders": [
    ...     {"id": "a", "name": "王伟 <x>", "roles": ["purchaser"], "stance": "oppose"}]}), lang="zh")
    >>> svg.startswith("<svg") and "王伟 &lt;x&gt;" in svg and "采购执行者" in svg
    True
    """
    pm = localize.localized_map(pm, lang, copy=False)  # names in the reader's language
    fb = fishbone_layout(pm)
    people = {p.id: p for p in pm.stakeholders}
    xmin, ymin, xmax, ymax = fb.extent()
    xmin, xmax = xmin - 120, xmax + 30
    ymin, ymax = ymin - 60, ymax + 40
    heading = title if title is not None else _default_title(pm, lang)
    top = 40.0 if heading else 0.0
    svg = Svg(xmax - xmin, ymax - ymin + top + 90, x0=xmin, y0=ymin - top, css_class="pmk-fishbone-svg",
              scale=72 / _PX_PER_INCH)
    if heading:
        svg.text(xmin + 10, ymin - top + 20, heading, size=11 * _PT, weight="bold")
    svg.line(fb.tail[0], 0, fb.head[0], 0, stroke="#607d8b", stroke_width=6, stroke_linecap="round")
    head = head_label(pm, lang)
    tall = 26 + 17 * head.count("\n")
    svg.rect(fb.head[0] - 4, -tall - 4, HEAD_WIDTH + 8, 2 * tall + 8, rx=14, fill="#eceff1", stroke="#455a64",
             stroke_width=2)
    svg.text(fb.head[0] + HEAD_WIDTH / 2, -(head.count("\n") * 8.5 * _PT * 1.25) / 2, head, size=8.5 * _PT,
             anchor="middle", weight="bold")
    names = {pid: short(p.name, 12) for pid, p in people.items()}
    for bone in fb.bones:
        empty = not bone.people and not bone.also
        svg.line(*bone.root, *bone.tip, stroke="#cfd8dc" if empty else "#90a4ae", stroke_width=3.2,
                 stroke_dasharray="10,6" if empty else None)
        head_line, _, rest = bone_label(bone, names, lang).partition("\n")
        up = bone.side < 0
        svg.text(bone.tip[0], bone.tip[1] + bone.side * 12, head_line, size=9.5 * _PT, anchor="middle",
                 weight="bold", colour="#9e9e9e" if empty else "#37474f", baseline="auto" if up else "hanging")
        if rest:  # "also: ..." or "nobody recorded", in small type beyond the role name
            svg.text(bone.tip[0], bone.tip[1] + bone.side * (34 if up else 36), rest, size=7.5 * _PT,
                     anchor="middle", colour="#757575", baseline="auto" if up else "hanging")
        for i, pid in enumerate(bone.people):
            person = people[pid]
            (ax, ay), (px, py) = fb.anchors[pid], fb.positions[pid]
            svg.line(ax, ay, px, py, stroke=vocab.colour(person.stance), stroke_width=3,
                     stroke_dasharray="2,4" if person.stance_or_unknown == "unknown" else None)
            _person(svg, person, px, py, left=i % 2 == 0)
    if fb.outside:
        svg.text(fb.outside_label[0], fb.outside_label[1], fishbone_text("outside", lang), size=8.5 * _PT,
                 font_style="italic", colour="#616161")
        for pid in fb.outside:
            _person(svg, people[pid], *fb.positions[pid], left=False)
    y = ymax + 30
    x = xmin + 10
    for s in vocab.STANCES:
        unknown = s == "unknown"
        svg.rect(x, y - 8, 26, 16, fill="white" if unknown else vocab.colour(s),
                 stroke="#424242" if unknown else vocab.colour(s))
        label = vocab.label(s, "stance", lang)
        svg.text(x + 34, y, label, size=8 * _PT)
        x += 60 + 8 * _PT * 0.62 * width(label)
    svg.text(xmin + 10, y + 34, fishbone_text("key", lang), size=7.5 * _PT, colour="#555555")
    return svg.markup()
