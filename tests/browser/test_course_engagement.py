"""Notebook 08 (Chinese) runs in real JupyterLab; its first exercise is answered by clicking only."""

import json

from labtools import REPO, cell_errors, open_notebook, run_all, screenshot, settled

NOTEBOOK = "notebooks/zh/08_analysing_a_map.ipynb"


def _scroll_to(page, marker: str) -> None:
    """Scroll the (windowed) notebook to the first cell whose source contains ``marker``."""
    cells = json.loads((REPO / NOTEBOOK).read_text(encoding="utf-8"))["cells"]
    index = next(i for i, c in enumerate(cells) if marker in "".join(c["source"]))
    page.evaluate("(i) => window.jupyterapp.shell.currentWidget.content.scrollToItem(i, 'start')", index)


def test_notebook_08_in_chinese_answers_an_exercise_by_clicking(page, lab):
    open_notebook(page, lab, NOTEBOOK)
    run_all(page)
    assert cell_errors(page) == []
    _scroll_to(page, "ex_matrix = Exercise")
    # Exercise 1: one dropdown per person and a Check button; answer the first person only.
    exercise = page.locator(".jp-OutputArea-output .widget-vbox").filter(has_text="邵立群").first
    exercise.wait_for(timeout=30_000)
    exercise.locator("select").first.select_option(label="优先接触")
    exercise.get_by_role("button", name="检查").click()
    exercise.locator("text=还没有作答").first.wait_for(timeout=15_000)
    text = exercise.inner_text()
    assert "正确" in text and "保持沟通" not in text.split("还没有作答")[-1]
    settled(exercise)
    exercise.scroll_into_view_if_needed()
    shot = screenshot(page, "course-08-zh-exercise")
    assert shot.stat().st_size > 10_000
    _scroll_to(page, "eg.matrix_picture(pm)")
    page.locator("svg.pmk-matrix-picture").first.wait_for(timeout=15_000)
    screenshot(page, "course-08-zh-matrix")


def test_notebook_09_in_english_shows_steps_that_follow_the_relationship(page, lab):
    open_notebook(page, lab, "notebooks/en/09_strategy_and_actions.ipynb")
    run_all(page)
    assert cell_errors(page) == []
    cells = json.loads((REPO / "notebooks/en/09_strategy_and_actions.ipynb").read_text(encoding="utf-8"))["cells"]
    index = next(i for i, c in enumerate(cells) if "course.action_summary(plan)" in "".join(c["source"]))
    page.evaluate("(i) => window.jupyterapp.shell.currentWidget.content.scrollToItem(i, 'start')", index)
    plan = page.locator(".jp-OutputArea-output table").filter(has_text="Relationship now").first
    plan.wait_for(timeout=30_000)
    text = plan.inner_text()
    assert "Re-assess their support" in text or "re-assess their support" in text   # the weekly champion
    assert text.count("Seek to work together") < 9
    settled(plan)
    plan.scroll_into_view_if_needed()
    screenshot(page, "course-09-en-action-plan")


def test_notebook_09_in_chinese_channel_exercise_reads_as_situations(page, lab):
    open_notebook(page, lab, "notebooks/zh/09_strategy_and_actions.ipynb")
    run_all(page)
    assert cell_errors(page) == []
    cells = json.loads((REPO / "notebooks/zh/09_strategy_and_actions.ipynb").read_text(encoding="utf-8"))["cells"]
    index = next(i for i, c in enumerate(cells) if "ex_channels = Exercise" in "".join(c["source"]))
    page.evaluate("(i) => window.jupyterapp.shell.currentWidget.content.scrollToItem(i, 'start')", index)
    exercise = page.locator(".jp-OutputArea-output .widget-vbox").filter(has_text="情境1").first
    exercise.wait_for(timeout=30_000)
    exercise.locator("select").nth(2).select_option(label="电话")
    exercise.get_by_role("button", name="检查").click()
    exercise.locator("text=情境3：正确").first.wait_for(timeout=15_000)
    settled(exercise)
    exercise.scroll_into_view_if_needed()
    screenshot(page, "course-09-zh-channels")
