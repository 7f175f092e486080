"""A Chinese learner takes an exercise in real JupyterLab without seeing or typing code, and
gets the answer back after running the notebook again (Chromium, Playwright).

Uses the generated Chinese pre-course check (``notebooks/zh/00b_pre_check.ipynb``): every
code cell's input is collapsed, the answers are chosen in dropdowns and checked with the
检查 button; the score shows, the answers never do; running the notebook again restores
the choices. Screenshots: ``exercise-zh-*.png`` in test-artifacts/.
"""

from __future__ import annotations

import json

from labtools import cell_errors, open_notebook, run_all, screenshot

NOTEBOOK = "notebooks/zh/00b_pre_check.ipynb"


def _wait_text(locator, text: str, timeout: float = 20_000) -> None:
    locator.scroll_into_view_if_needed()
    locator.page.wait_for_function("([el, t]) => el.textContent.includes(t)",
                                   arg=[locator.element_handle(), text], timeout=timeout)


def test_a_chinese_exercise_without_code_keeps_the_answer(page, lab):
    open_notebook(page, lab, NOTEBOOK)
    run_all(page)
    assert cell_errors(page) == []
    code_cells = len([c for c in json.loads((lab.root / NOTEBOOK).read_text("utf-8"))["cells"]
                      if c["cell_type"] == "code"])
    assert page.locator(".jp-CodeCell .jp-InputPlaceholder").count() == code_cells  # no code to read

    exercise = page.locator(".pmk-exercise").first
    exercise.scroll_into_view_if_needed()
    selects = exercise.locator("select")
    assert selects.count() == 3
    first_options = [o.replace("\xa0", " ") for o in selects.nth(0).locator("option").all_inner_texts()]
    assert "决策审批者" in first_options and "— 请选择 —" in first_options
    exercise.locator("button", has_text="检查").click()
    _wait_text(exercise, "还有 3 题")            # nothing chosen: asked to answer every item
    for n in range(3):
        selects.nth(n).select_option(label="决策审批者")
    exercise.locator("button", has_text="检查").click()
    _wait_text(exercise, "已记录")
    text = exercise.text_content()
    assert "看门人" not in text.split("检查")[-1]   # the feedback never names an answer
    screenshot(page, "exercise-zh-checked")

    run_all(page)                                 # the notebook again: the same widget, answer restored
    exercise = page.locator(".pmk-exercise").first
    _wait_text(exercise, "已恢复你上次的答案")
    values = [exercise.locator("select").nth(n).evaluate("s => s.options[s.selectedIndex].text") for n in range(3)]
    assert values == ["决策审批者"] * 3
    screenshot(page, "exercise-zh-restored")
