"""Fonts and text for pictures: the browser's CJK font list, an installed CJK font for
raster output, and short labels measured in columns (a Chinese character counts ~2).

SVG keeps text as text with :data:`CJK_FONT_STACK`, so the reader's browser draws Chinese
names with its own fonts and no font ships with us. For raster output (a notebook's PNG,
``savefig("x.png")``) :func:`cjk_font` looks up an installed CJK font (e.g. Noto Sans CJK
from Debian's ``fonts-noto-cjk``); when there is none and the text needs one,
:func:`warn_raster` says so instead of silently drawing empty boxes.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterable
from functools import lru_cache
from itertools import count
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["CJK_FONT_STACK", "CJKFontWarning", "cjk_font", "families", "figure_svg", "short", "warn_raster"]

# Browsers pick the first installed font per glyph; the list covers Linux, macOS and Windows.
CJK_FONT_STACK = ("'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', "
                  "'WenQuanYi Micro Hei', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif")
_PREFERRED_CJK = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei",
                  "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "SimHei", "Noto Serif CJK SC",
                  "AR PL UMing CN")
CJK_RE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_svg_ids = count(1)


class CJKFontWarning(UserWarning):
    """No installed font can draw Chinese characters in a raster (PNG) picture."""


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of an installed font that draws Chinese, or ``None``.

    Preference: Noto Sans CJK SC, Source Han Sans SC, WenQuanYi, Microsoft YaHei, PingFang,
    SimHei, then any family whose name contains "CJK".
    """
    # Lazy: matplotlib costs ~0.5 s to import and only raster pictures need it.
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    for name in _PREFERRED_CJK:
        if name in names:
            return name
    return next((n for n in sorted(names) if "CJK" in n), None)


def families() -> list[str]:
    """The font families matplotlib should try, CJK first when one is installed."""
    font = cjk_font()
    return [font, "DejaVu Sans"] if font else ["DejaVu Sans"]


def warn_raster(texts: Iterable[str | None]) -> None:
    """Warn (:class:`CJKFontWarning`) when Chinese text would be drawn without a CJK font."""
    if cjk_font() is None and any(t and CJK_RE.search(t) for t in texts):
        warnings.warn("No CJK font is installed, so Chinese text in this raster (PNG) picture will show as "
                      "empty boxes. Install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) or use the SVG "
                      "output (map_svg, power_matrix_svg), which the browser draws with its own fonts.",
                      CJKFontWarning, stacklevel=3)


def width(text: str) -> float:
    """Text width in columns: a CJK character counts 1.8, anything else 1."""
    return sum(1.8 if CJK_RE.match(ch) else 1.0 for ch in text)


def short(text: str | None, limit: int) -> str:
    """``text`` cut to about ``limit`` columns, with "…" when cut.

    >>> short("王伟伟伟伟", 6), short("Li Ming", 20), short(None, 5)
    ('王伟伟…', 'Li Ming', '')
    """
    if not text:
        return ""
    used = 0.0
    for i, ch in enumerate(text):
        used += 1.8 if CJK_RE.match(ch) else 1.0
        if used > limit:
            return text[:i] + "…"
    return text


def literal(fig: Any) -> Any:
    """Draw every text of ``fig`` as written: a name such as ``$\\alpha$`` is not matplotlib mathtext."""
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        text.set_parse_math(False)
    return fig


def figure_svg(fig: Figure) -> str:
    """A matplotlib figure as an ``<svg>`` element: text kept as text, CJK font list, ids unique."""
    import matplotlib  # lazy: see cjk_font

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": f"pmk{next(_svg_ids)}"}), \
            warnings.catch_warnings():
        # Missing glyphs only matter for raster output; in SVG the browser draws the text.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from")
        literal(fig).savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    svg = re.sub(r"font-family: [^;\"]*", "font-family: " + CJK_FONT_STACK.replace('"', "'"), svg)
    return svg[svg.find("<svg"):]
