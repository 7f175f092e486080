"""The start notebook opens in real JupyterLab and runs top to bottom."""

from labtools import cell_errors, open_notebook, run_all, screenshot


def test_start_notebook_runs_in_jupyterlab(page, lab):
    open_notebook(page, lab, "notebooks/en/00_start_here.ipynb")
    run_all(page)
    assert cell_errors(page) == []
    outputs = " ".join(page.locator(".jp-OutputArea-output").all_inner_texts())
    assert "决策审批者" in outputs and "Decision approver" in outputs
    shot = screenshot(page, "start-notebook")
    assert shot.stat().st_size > 10_000
