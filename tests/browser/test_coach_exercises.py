"""Module 06 in Chinese runs in real JupyterLab; its coach exercises answer clicks with hint-only feedback."""

from labtools import cell_errors, open_notebook, run_all, screenshot, settled


def test_chinese_module_06_coach_exercises_in_jupyterlab(page, lab):
    open_notebook(page, lab, "notebooks/zh/06_intelligence_and_coach.ipynb")
    run_all(page)
    assert cell_errors(page) == []
    exercise = page.locator(".widget-vbox:has(button:has-text('检查'))").first
    exercise.scroll_into_view_if_needed()
    exercise.locator("button:has-text('刘佳')").click()
    exercise.locator("button:has-text('检查')").click()
    feedback = exercise.locator("text=再想一想")
    feedback.wait_for(timeout=15_000)
    text = exercise.inner_text()
    assert "刘佳" in text and "汤敏" not in text.split("检查")[-1]  # the miss is pointed at, not named
    settled(exercise)
    shot = screenshot(page, "module-06-zh-coach-exercise")
    assert shot.stat().st_size > 10_000
