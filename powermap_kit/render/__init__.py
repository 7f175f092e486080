"""Everything drawn for people to read: pictures, the fishbone figure, HTML and text reports.

This layer sits above the core: it imports :mod:`powermap_kit.analysis` and
:mod:`powermap_kit.grading`, never the reverse. It registers its analysis reports with
:func:`powermap_kit.analysis.result.register_view` when imported (the first view asked for
does), so ``result.to_html()`` and ``result.summary_text()`` work without the core
importing this package.

Modules:

* :mod:`.templates` — the one jinja2 environment (reports and widget macros);
* :mod:`.svg`, :mod:`.fonts` — the SVG writer, CJK fonts and label widths;
* :mod:`.picture`, :mod:`.matrix`, :mod:`.fishbone` — the map as an org chart, the power
  matrix and the fishbone, as SVG (drawn directly) or matplotlib figures;
* :mod:`.analysis_html`, :mod:`.text` — the analysis as a page or terminal text;
* :mod:`.grading_html` — submission and cohort reports, and the report folder writer.
"""

from __future__ import annotations

from ..analysis.result import register_view
from .analysis_html import analysis_html, analysis_summary_html
from .fishbone import fishbone_figure, fishbone_html, fishbone_svg
from .fonts import CJK_FONT_STACK, CJKFontWarning, cjk_font, figure_svg
from .grading_html import (cohort_report, cohort_view, submission_report, submission_view, write_report,
                           write_reports, write_submission_report)
from .matrix import plot_power_matrix, power_matrix_svg
from .picture import map_figure, map_svg, org_chart_layout
from .templates import environment, macro, render, trusted_svg
from .text import summary_text

__all__ = [
    "CJKFontWarning",
    "CJK_FONT_STACK",
    "analysis_html",
    "analysis_summary_html",
    "cjk_font",
    "cohort_report",
    "cohort_view",
    "environment",
    "figure_svg",
    "fishbone_figure",
    "fishbone_html",
    "fishbone_svg",
    "macro",
    "map_figure",
    "map_svg",
    "org_chart_layout",
    "plot_power_matrix",
    "power_matrix_svg",
    "render",
    "submission_report",
    "submission_view",
    "summary_text",
    "trusted_svg",
    "write_report",
    "write_reports",
    "write_submission_report",
]

register_view("text", summary_text)
register_view("html", analysis_html)
register_view("summary_html", analysis_summary_html)
