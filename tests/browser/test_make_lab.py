"""``make lab`` as a learner runs it: the repository is the root, the start notebook opens
first, and links from the course into a workbook and into a case file open in tabs (issue 17).

The server is started with the learner's own command line (``make lab``) by ``makerun``;
the page opened is the one Jupyter sent the learner's browser to.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from labtools import screenshot
from makerun import follow, kernel_output, start

TAB = "#jp-main-dock-panel li.lm-TabBar-tab"


@pytest.fixture(scope="module")
def make_lab(tmp_path_factory):
    served = start(tmp_path_factory.mktemp("make-lab"), "lab")
    yield served
    served.stop()


def wait_for_tab(page, path: str, timeout: float = 30_000) -> None:
    """Wait until a main-area tab's tooltip names ``path`` ("Path: …", "路径: …") and is the current tab."""
    page.wait_for_function(
        """([sel, path]) => [...document.querySelectorAll(sel)].some(
               t => (t.title || '').includes(': ' + path) && t.classList.contains('lm-mod-current'))""",
        arg=[TAB, path], timeout=timeout)


def open_link(page, href_end: str, path: str, tries: int = 6) -> None:
    """Click the first rendered Markdown link (in the current tab) whose target ends in ``href_end``
    until the tab for ``path`` is current.

    A notebook that has only just opened may still be laying out its cells or wiring JupyterLab's
    link handler when the link first shows, and a click then is lost; so the click is repeated
    (each time after polling up to 10 s for the tab) rather than trusted once.
    """
    link = page.locator(f"#jp-main-dock-panel .lm-DockPanel-widget:not(.lm-mod-hidden) "
                        f".jp-RenderedMarkdown a[href*='{href_end}']").first
    link.wait_for(timeout=30_000)
    for attempt in range(1, tries + 1):
        if link.count():  # the new tab may already be current and have hidden the link
            link.scroll_into_view_if_needed()
            link.click()
        try:
            wait_for_tab(page, path, timeout=10_000)
            return
        except PlaywrightTimeout:
            if attempt == tries:
                raise


def test_make_lab_opens_the_start_notebook_with_every_course_folder(make_lab, page):
    url = follow(page, make_lab)
    assert "/lab/tree/notebooks/en/00_start_here.ipynb" in url
    wait_for_tab(page, "notebooks/en/00_start_here.ipynb", timeout=60_000)
    page.wait_for_selector("#jp-main-dock-panel .jp-Notebook .jp-Cell")
    # The file browser shows the repository's root: the course folders side by side.
    page.wait_for_function(
        """names => { const shown = [...document.querySelectorAll('.jp-FileBrowser .jp-DirListing-itemText')]
                                    .map(e => e.textContent);
                      return names.every(n => shown.includes(n)); }""",
        arg=["notebooks", "exercises", "case_studies"], timeout=30_000)
    # LANG=C.UTF-8 in the environment: JupyterLab stays in English.
    assert "File" in page.locator("#jp-menu-panel .lm-MenuBar-itemLabel").all_inner_texts()
    # Server log: the root is the repository, not notebooks/.
    assert f"Serving notebooks from local directory: {make_lab.root}\n" in make_lab.log.read_text()
    screenshot(page, "make-lab-start")


def test_links_open_a_module_its_workbook_and_a_case_file(make_lab, page):
    follow(page, make_lab)
    wait_for_tab(page, "notebooks/en/00_start_here.ipynb", timeout=60_000)
    open_link(page, "10_case_it_solution.ipynb", "notebooks/en/10_case_it_solution.ipynb")
    open_link(page, "exercises/en/10_case_it_solution_exercises.ipynb",
              "exercises/en/10_case_it_solution_exercises.ipynb")
    page.wait_for_selector("#jp-main-dock-panel .lm-DockPanel-widget:not(.lm-mod-hidden) .jp-Notebook .jp-Cell")
    screenshot(page, "make-lab-workbook")

    page.locator(TAB, has_text="10_case_it_solution.ipynb").first.click()
    wait_for_tab(page, "notebooks/en/10_case_it_solution.ipynb")
    open_link(page, "case_studies/it-solution/brief.en.md", "case_studies/it-solution/brief.en.md")
    page.wait_for_function(
        """() => [...document.querySelectorAll('#jp-main-dock-panel .lm-DockPanel-widget:not(.lm-mod-hidden)')]
                 .some(w => w.innerText.includes('Jiangyue Precision'))""", timeout=30_000)
    screenshot(page, "make-lab-case-brief")


@pytest.fixture
def make_lab_zh(tmp_path):
    served = start(tmp_path, "lab", "LANG=zh")
    yield served
    served.stop()


def test_make_lab_lang_zh_shows_chinese_menus_and_a_chinese_toolkit(make_lab_zh, page):
    follow(page, make_lab_zh)
    wait_for_tab(page, "notebooks/zh/00_start_here.ipynb", timeout=60_000)
    menus = page.locator("#jp-menu-panel .lm-MenuBar-itemLabel")
    page.wait_for_function("() => [...document.querySelectorAll('#jp-menu-panel .lm-MenuBar-itemLabel')]"
                           ".some(e => e.textContent === '文件')", timeout=30_000)
    labels = menus.all_inner_texts()
    assert {"文件", "编辑", "内核", "帮助"} <= set(labels), labels
    assert "File" not in labels
    page.wait_for_selector("#jp-main-dock-panel .jp-Notebook .jp-Cell")
    # The notebook's kernel starts with the toolkit in Chinese (before any cell chooses).
    said = kernel_output(make_lab_zh, "import powermap_kit as pk; print(pk.get_language(), pk.vocab.label('approver'))")
    assert said.split() == ["zh", "决策审批者"], said
    screenshot(page, "make-lab-zh-start")
