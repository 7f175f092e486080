"""The MapBuilder's Merge action in real JupyterLab on Chromium (issue 15, item 4).

``tests/browser/notebooks/builder_merge.ipynb`` shows a builder autosaving to
``builder_merge_work.json``. Another seller saves their version of that file; the builder
then saves an edit (a conflict copy). The Merge button appears; clicking it lists the one
conflict with keep mine / take theirs (in English, then in Chinese); taking theirs and
merging saves both sellers' changes to the shared file. Screenshots:
``test-artifacts/builder-merge-*.png``.
"""

from __future__ import annotations

import json

from labtools import cell_errors, open_notebook, run_all, run_in_kernel, screenshot

NOTEBOOK = "tests/browser/notebooks/builder_merge.ipynb"
# The other seller: a new person, and another stance for the CIO.
OTHER = ('other = pk.load_map("builder_merge_work.json"); '
         'other.add_stakeholder(id="cfo", name="周敏", roles=["approver"], power=5); '
         'other.update_stakeholder("cio", stance="oppose"); pk.save_map(other, "builder_merge_work.json")')


def wait_text(page, text: str) -> None:
    page.wait_for_function("(t) => document.body.innerText.includes(t)", arg=text)


def opened(page, lab):
    """The notebook opened and run without errors, the builder's first save shown; the work file."""
    open_notebook(page, lab, NOTEBOOK)
    run_all(page)
    assert cell_errors(page) == [] and not wait_text(page, "Saved to builder_merge_work.json")
    return lab.root / "tests/browser/notebooks/builder_merge_work.json"


def test_merge_button_decides_conflicts_and_saves_both_sellers_work(page, lab):
    work = opened(page, lab)
    merge = page.locator("button", has_text="Merge").first
    assert not merge.is_visible()

    run_in_kernel(page, OTHER)
    run_in_kernel(page, 'builder.map.update_stakeholder("cio", stance="support", power=4); builder.save()')
    wait_text(page, "Not saved over")
    merge.wait_for(state="visible")
    merge.click()
    wait_text(page, "found 1 conflict(s)")
    row = page.locator(".widget-hbox", has=page.locator(".powermap-merge-conflict")).first
    assert "Stance" in row.inner_text() and "Opposes" in row.inner_text()
    row.scroll_into_view_if_needed()
    screenshot(page, "builder-merge-conflicts-en")

    row.locator("button", has_text="Take theirs").click()
    run_in_kernel(page, 'pk.set_language("zh")')
    wait_text(page, "1 处冲突")
    row = page.locator(".widget-hbox", has=page.locator(".powermap-merge-conflict")).first
    assert "态度" in row.inner_text()
    screenshot(page, "builder-merge-conflicts-zh")

    page.locator("button", has_text="按以上选择合并").click()
    wait_text(page, "已把")
    saved = json.loads(work.read_text("utf-8"))
    people = {p["id"]: p for p in saved["stakeholders"]}
    assert set(people) == {"cio", "it_mgr", "cfo"}
    assert (people["cio"]["stance"], people["cio"]["power"]) == ("oppose", 4)  # theirs chosen, mine kept
    assert not page.locator(".powermap-merge-conflict").count()
    screenshot(page, "builder-merged-zh")
    run_in_kernel(page, 'pk.set_language("en")')
