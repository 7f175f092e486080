"""Print local HTML files to PDF with headless Chromium (Playwright's ``page.pdf()``).

The browser is the system's Chromium (``/usr/bin/chromium``, or ``$POWERMAP_CHROMIUM``);
Playwright never downloads one. Pages are opened from ``file://`` and every request that
is not ``file:`` or ``data:`` is aborted, so printing fetches nothing from outside the
machine. Chromium embeds the fonts a page uses (Noto Sans CJK for Chinese), so the PDFs
read the same on a machine without them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = ["chromium_path", "print_pdfs", "browser"]

DEFAULT_CHROMIUM = "/usr/bin/chromium"


def chromium_path() -> str:
    """The Chromium executable to print with: ``$POWERMAP_CHROMIUM`` or ``/usr/bin/chromium``."""
    path = os.environ.get("POWERMAP_CHROMIUM", DEFAULT_CHROMIUM)
    if not Path(path).is_file():
        raise InputError("kit.error.no_chromium", path=path)
    return path


def _local_only(route: Any) -> None:
    url = route.request.url
    if url.startswith(("file:", "data:", "about:")):
        route.continue_()
    else:
        route.abort()


@contextmanager
def browser() -> Iterator[Any]:
    """A headless Chromium from Playwright, closed on exit."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise InputError("kit.error.no_playwright") from None
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=chromium_path(), headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


def print_pdfs(jobs: Iterable[tuple[Path, Path]]) -> list[Path]:
    """Print each ``(html_file, pdf_file)`` pair; return the PDFs written.

    The page's own CSS ``@page`` rule sets paper size and orientation.
    """
    jobs = list(jobs)
    written: list[Path] = []
    if not jobs:
        return written
    with browser() as chromium:
        context = chromium.new_context()
        context.route("**/*", _local_only)
        page = context.new_page()
        for html, pdf in jobs:
            page.goto(Path(html).resolve().as_uri(), wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            Path(pdf).parent.mkdir(parents=True, exist_ok=True)
            page.pdf(path=str(pdf), print_background=True, prefer_css_page_size=True,
                     margin={"top": "12mm", "bottom": "12mm", "left": "12mm", "right": "12mm"})
            written.append(Path(pdf))
        context.close()
    return written
