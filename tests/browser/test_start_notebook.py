"""The start notebook opens in real JupyterLab and runs top to bottom, in both languages."""

import pytest
from labtools import cell_errors, open_notebook, run_all, screenshot


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_start_notebook_runs_in_jupyterlab(page, lab, lang):
    open_notebook(page, lab, f"notebooks/{lang}/00_start_here.ipynb")
    run_all(page)
    assert cell_errors(page) == []
    page.locator(".pmk-picture svg").first.wait_for(timeout=30_000)   # the example map
    page.locator(".pmk-exercise").first.wait_for(timeout=30_000)      # a no-code exercise
    label = {"en": "Check", "zh": "检查"}[lang]
    assert page.locator(".pmk-exercise button", has_text=label).count() >= 1
    shot = screenshot(page, f"start-notebook-{lang}")
    assert shot.stat().st_size > 10_000
