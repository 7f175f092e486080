"""Module 01 in Chinese, in real JupyterLab: a learner answers by clicking, never by typing code."""

import json
import os
from pathlib import Path

from labtools import cell_errors, open_notebook, run_all, screenshot, settled, until


def test_chinese_module_01_is_answered_with_clicks_and_kept(page, lab):
    open_notebook(page, lab, "notebooks/zh/01_why_power_maps.ipynb")
    run_all(page)
    assert cell_errors(page) == []
    exercise = page.locator(".jp-OutputArea-output").filter(has=page.get_by_role("button", name="魏建平")).first
    for name in ("魏建平", "柯琳", "汤志诚"):
        exercise.get_by_role("button", name=name, exact=True).click()
    exercise.get_by_role("button", name="检查").click()
    feedback = exercise.get_by_text("全部 3 项正确", exact=False)
    feedback.wait_for(timeout=15_000)
    settled(exercise)
    screenshot(page, "module-01-zh-exercise")
    log = Path(os.environ["POWERMAP_WORK"]) / f"{os.environ['POWERMAP_LEARNER']}_answers.jsonl"
    records = until(lambda: [json.loads(line) for line in log.read_text("utf-8").splitlines()
                             if '"01.reach"' in line], message=f"the answer in {log}")
    assert sorted(records[-1]["form_answer"]) == ["ke_lin", "tang_zhicheng", "wei_jianping"]
