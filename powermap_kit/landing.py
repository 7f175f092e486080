"""The course's landing page for app mode (Voilà): every module as a link, in the current language.

Core code: no Jupyter import. ``app/course.ipynb`` shows the page; under ``make app`` each
link opens the module as an app page (``/voila/render/notebooks/…``), and in JupyterLab as
a notebook.

>>> page = course_landing(lang="en")
>>> 'href="../notebooks/en/01_why_power_maps.ipynb"' in page.html
True
>>> "为什么要画权力地图" in course_landing(lang="zh").html
True
"""

from __future__ import annotations

from dataclasses import dataclass

from . import vocab
from .course import module_times
from .render.templates import render
from .workspace import work_folder

__all__ = ["Landing", "course_landing"]


@dataclass(frozen=True)
class Landing:
    """An HTML page fragment; Jupyter and Voilà show it through ``_repr_html_``."""

    html: str

    def _repr_html_(self) -> str:
        return self.html


def course_landing(lang: str | None = None, folder: str | None = None) -> Landing:
    """The list of modules (number, title, minutes), each linked to its notebook in ``folder``.

    Parameters
    ----------
    lang : str, optional
        ``"en"`` or ``"zh"``; the current language by default (``$POWERMAP_LANG`` at start).
    folder : str, optional
        The notebooks' folder, relative to the page showing the list; by default the
        language's own (``../notebooks/en`` or ``../notebooks/zh``).
    """
    lang = lang or vocab.get_language()
    folder = folder or f"../notebooks/{lang}"
    # Styler.data (the DataFrame) is pandas API that pandas-stubs lack; columns: module,
    # notebook, teach, exercise, total.
    table = getattr(module_times(lang), "data")
    modules = [{"number": row[0], "href": f"{folder}/{row[1]}", "minutes": row[4],
                "title": vocab.text(f"course.module.{row[0]}", lang=lang)}
               for row in table.itertuples(index=False)]
    return Landing(render("landing.html.j2", lang=lang, modules=modules, folder=str(work_folder())))
