"""The MapBuilder's save status in real JupyterLab on Chromium: conflict and failed save.

``tests/browser/notebooks/builder_status.ipynb`` shows a builder autosaving to
``builder_status_work.json``. The test saves another version of that file from "another
writer", then saves in the builder: the status must say the file was kept, where this
builder's copy went and how to compare them (``pk.compare``), in English and Chinese.
Then a save fails (a broken character behind the editing API): the status must say so,
never "Saved". Screenshots: ``test-artifacts/builder-*.png``.
"""

from __future__ import annotations

import re

from labtools import cell_errors, open_notebook, run_all, run_in_kernel, screenshot

NOTEBOOK = "tests/browser/notebooks/builder_status.ipynb"
OTHER = ('pk.save_map(pk.load_map({"format": "powermap/1", "stakeholders": [{"id": "cfo", "name": "Zhou Min"}]}), '
         '"builder_status_work.json")')


STATUS = re.compile("Saved to|Not saved over|Could not save|已于|没有覆盖|无法保存")


def status(page):
    """The builder's status line (the toolbar's HTML widget)."""
    return page.locator(".widget-html-content", has_text=STATUS).first


def wait_status(page, text: str) -> None:
    page.wait_for_function("(t) => [...document.querySelectorAll('.widget-html-content')]"
                           ".some(e => e.textContent.includes(t))", arg=text)


def test_conflict_and_failed_save_are_shown_in_the_status(page, lab):
    work = lab.root / "tests/browser/notebooks/builder_status_work.json"
    open_notebook(page, lab, NOTEBOOK)
    run_all(page)
    assert cell_errors(page) == []
    wait_status(page, "Saved to builder_status_work.json")

    # Another writer saves the same file; then the builder saves an edit.
    run_in_kernel(page, OTHER)
    run_in_kernel(page, 'builder.map.update_stakeholder("cio", stance="support"); builder.save()')
    wait_status(page, "Not saved over")
    text = status(page).inner_text()
    assert "builder_status_work.json" in text and ".conflict-" in text and "pk.compare(" in text
    assert [p.name for p in work.parent.glob("builder_status_work.conflict-*.json")]
    assert '"cfo"' in work.read_text("utf-8")  # the other writer's version is kept
    status(page).scroll_into_view_if_needed()
    screenshot(page, "builder-conflict-en")

    run_in_kernel(page, 'pk.set_language("zh")')
    wait_status(page, "没有覆盖")
    assert "pk.compare(" in status(page).inner_text()
    screenshot(page, "builder-conflict-zh")

    # A save that fails is shown as failed, in the current language, never as saved.
    run_in_kernel(page, 'builder.map.meta["author"] = "\\ud800"; builder.save()')
    wait_status(page, "无法保存")
    text = status(page).inner_text()
    assert "无法保存" in text and "meta.author" in text and "已于" not in text
    screenshot(page, "builder-save-failed-zh")
    run_in_kernel(page, 'pk.set_language("en")')
    wait_status(page, "Could not save")
    screenshot(page, "builder-save-failed-en")
