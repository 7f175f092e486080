"""MapBuilder and MapView in real JupyterLab on Chromium.

The notebook ``notebooks/map_widgets.ipynb`` shows a builder (autosaving to
``map_builder_work.json`` beside it) and a read-only view through the decision-chain
lens. Each test starts from a fresh run of it, so one failure does not hide the others:
adding a person through the form; clicking a node with the mouse at its screen position
(read from the page's cytoscape instance), editing and dragging it; deleting a person and
invalid input; the view's network and fishbone (鱼骨图: bones drawn, reporting lines hidden,
a role edit moves the bones, nothing written into the map, switching back restores the
drawing); the language switch; a kernel restart that loses nothing.
Screenshots go to ``test-artifacts/map-*.png``.
"""

from __future__ import annotations

import ast
import json
import re

import pytest
from labtools import (CY_BINDING, cell_errors, click_node, cy, open_notebook, run_all, run_in_kernel, screenshot,
                      settled_cy, until, wait_cy)

NOTEBOOK = "tests/browser/notebooks/map_widgets.ipynb"
WORK = "tests/browser/notebooks/map_builder_work.json"


def kernel_value(page, expression: str):
    """The value of a Python expression in the notebook's kernel (it must be JSON)."""
    reply = page.evaluate("""async (expr) => {
        const k = window.jupyterapp.shell.currentWidget.context.sessionContext.session.kernel;
        const done = await k.requestExecute({code: '', silent: true,
                                             user_expressions: {v: `__import__('json').dumps(${expr})`}}).done;
        return done.content.user_expressions.v; }""", expression)
    assert reply["status"] == "ok", reply
    return json.loads(ast.literal_eval(reply["data"]["text/plain"]))  # the repr of a JSON str


def positions(page, index: int) -> dict:
    return cy(page, index, "Object.fromEntries(cy.nodes().filter(n => !n.id().startsWith('fishbone:'))"
                           ".map(n => [n.id(), [Math.round(n.position('x')), Math.round(n.position('y'))]]))")


FISH = "cy.getElementById('fishbone:head')"
STORED = "{p.id: p.extra.get('position') for p in view.map}"


def field(page, kind: str, label: str):
    """The input of an ipywidgets Text/Dropdown/... whose description is ``label``."""
    box = page.locator(f".widget-{kind}", has=page.locator("label.widget-label", has_text=re.compile(f"^{label}$")))
    return box.locator("input, select, textarea").first


def output_of(page, cell: int):
    return page.locator(".jp-Notebook .jp-Cell").nth(cell).locator(".jp-OutputArea")


def show_graph(page, index: int) -> None:
    """Scroll so graph ``index`` (with its toolbar) fills the top of the notebook panel."""
    page.evaluate(f"([i]) => {{ {CY_BINDING} el.scrollIntoView({{block: 'start'}}); "
                  "el.closest('.jp-WindowedPanel-outer, .jp-Notebook').scrollBy(0, -90); }", [index])
    settled_cy(page, index)


def saved_people(work) -> dict:
    """The people of the builder's autosaved file, by id."""
    return {p["id"]: p for p in json.loads(work.read_text("utf-8"))["stakeholders"]}


@pytest.fixture
def work(page, lab):
    """The notebook freshly run (its autosave file removed first); returns the autosave path."""
    path = lab.root / WORK
    path.unlink(missing_ok=True)
    open_notebook(page, lab, NOTEBOOK)
    run_all(page)
    assert cell_errors(page) == []
    wait_cy(page, 0, "cy.nodes().length === 8")
    wait_cy(page, 1, "cy.nodes().length === 8")
    until(path.exists, message="the builder's first autosave")
    return path


def test_builder_adds_a_person_through_the_form_and_autosaves(page, work):
    # Fitted at a readable zoom, capped for small maps.
    zoom = cy(page, 0, "cy.zoom()")
    assert 0.6 <= zoom <= 1.6, zoom
    show_graph(page, 0)
    screenshot(page, "map-builder-loaded")

    field(page, "text", "Name").fill("孙丽")
    field(page, "text", "Title").fill("Head of quality")
    page.get_by_role("button", name="I · Influencer").click()
    field(page, "dropdown", "Power").select_option(label="3 · moderate")
    field(page, "dropdown", "Stance").select_option(label="Supports us")
    page.get_by_role("button", name="Add as new person").click()
    page.get_by_text("Editing: 孙丽").wait_for(timeout=10_000)
    new = "cy.nodes().filter(n => n.hasClass('stance-support') && n.hasClass('role-influencer'))"
    wait_cy(page, 0, f"cy.nodes().length === 9 && {new}.length === 1")
    until(lambda: any(p["name"] == "孙丽" and p["stance"] == "support" and "position" in p
                      for p in saved_people(work).values()), message="孙丽 autosaved with a position")


def test_a_clicked_node_is_edited_in_place_and_dragged(page, work):
    click_node(page, 0, "cio")
    page.get_by_text("Editing: 王伟").wait_for(timeout=10_000)
    assert field(page, "text", "Name").input_value() == "王伟"
    assert field(page, "text", "Department").input_value() == "IT"
    wait_cy(page, 0, "cy.getElementById('cio').hasClass('selected')")
    shot = screenshot(page, "map-builder-node-clicked")
    assert shot.stat().st_size > 20_000

    # the stance edit recolours the node in place, nobody moves
    before = cy(page, 0, "cy.nodes().map(n => [n.id(), Math.round(n.position('x')), Math.round(n.position('y'))])")
    field(page, "dropdown", "Stance").select_option(label="Champions us")
    page.get_by_role("button", name="Save changes").first.click()
    wait_cy(page, 0, "cy.getElementById('cio').hasClass('stance-champion')")
    after = cy(page, 0, "cy.nodes().map(n => [n.id(), Math.round(n.position('x')), Math.round(n.position('y'))])")
    assert after == before
    # the tooltip (raw HTML) shows escaped user text
    click_node(page, 0, "cio")
    page.locator(".tippy-content").first.wait_for(timeout=5_000)
    assert "stable migration <no downtime>" in page.locator(".tippy-content").first.inner_text()
    screenshot(page, "map-builder-edited-tooltip")

    # a dragged node's new position is kept in the model (and saved with the map)
    start = until(lambda: saved_people(work)["ops"].get("position"), message="ops saved with a position")
    click_node(page, 0, "ops")  # scrolls it into view; the click itself selects
    point = page.evaluate(f"""([i, id]) => {{ {CY_BINDING}
        const p = cy.getElementById(id).renderedPosition(); const r = el.getBoundingClientRect();
        return {{x: r.left + p.x, y: r.top + p.y}}; }}""", [0, "ops"])
    page.mouse.move(point["x"], point["y"])
    page.mouse.down()
    page.mouse.move(point["x"] + 70, point["y"] + 30, steps=10)
    page.mouse.up()
    moved = until(lambda: (saved_people(work)["ops"]["position"] != start) and saved_people(work)["ops"]["position"],
                  message="the dragged position saved")
    assert moved["x"] > start["x"] + 20 and moved["y"] > start["y"] + 5, (start, moved)


def test_deleting_a_person_and_invalid_input(page, work):
    click_node(page, 0, "asst")
    page.get_by_text("Editing: 陈晓").wait_for(timeout=10_000)
    page.get_by_role("button", name="Delete person").click()
    wait_cy(page, 0, "cy.nodes(':visible').length === 7 && !cy.getElementById('asst').visible()"
                     " && cy.edges(':visible').length === 9")
    until(lambda: "asst" not in saved_people(work), message="the deletion autosaved")

    # invalid input is shown inline and kept
    page.get_by_role("button", name="New (empty form)").click()
    field(page, "text", "Last verified").fill("31/12/2026")
    page.get_by_role("button", name="Add as new person").click()
    page.get_by_text("must not be empty").wait_for(timeout=5_000)
    assert field(page, "text", "Last verified").input_value() == "31/12/2026"
    page.locator(".powermap-problems").first.scroll_into_view_if_needed()
    screenshot(page, "map-builder-invalid")


def in_view(page, index: int, selector: str = "") -> bool:
    bb = cy(page, index, f"[cy.elements({selector!r}).renderedBoundingBox(), cy.width(), cy.height()]")
    return bb[0]["x1"] >= 0 and bb[0]["x2"] <= bb[1] + 1 and bb[0]["y2"] <= bb[2] + 1


def test_the_view_switches_to_network_and_fishbone_and_back(page, work):
    show_graph(page, 1)
    view_cell = page.locator(".jp-Notebook .jp-Cell").nth(3)
    view_cell.get_by_role("button", name="Network").click()
    wait_cy(page, 1, "Math.abs(cy.getElementById('ceo').position('y') - cy.getElementById('cio').position('y')) > 1"
                     " && cy.elements().renderedBoundingBox().x1 > 0")
    settled_cy(page, 1)
    assert in_view(page, 1)
    screenshot(page, "map-view-network-en")

    # the fishbone (鱼骨图): bones around the same people, reporting lines hidden
    network, stored = positions(page, 1), kernel_value(page, STORED)
    view_cell.get_by_role("button", name="Fishbone").click()
    wait_cy(page, 1, f"{FISH}.length === 1 && {FISH}.visible() && cy.elements().renderedBoundingBox().x1 > 0")
    # the elements' classes and labels arrive in their own messages: wait for all of them
    wait_cy(page, 1, "cy.nodes('.fishbone-tip').filter(n => n.visible()).length === 6"
                     " && cy.edges('.rel-reports_to').filter(e => e.visible()).length === 0"
                     " && cy.edges('.rel-conflict').filter(e => e.visible()).length === 1"
                     " && (cy.getElementById('fishbone:tip:decision_maker').data('label') || '')"
                     ".startsWith('Decision maker · 1')")
    fish = positions(page, 1)
    assert fish["ceo"][1] < 0 < fish["cio"][1] and fish["ceo"][0] > fish["ops"][0]  # approver above, nearest the head
    assert fish == {pid: [round(p["x"]), round(p["y"])] for pid, p in
                    kernel_value(page, "{k: n.position for k, n in view._nodes.items() if ':' not in k}").items()}
    settled_cy(page, 1)
    assert in_view(page, 1, ":visible")
    show_graph(page, 1)
    screenshot(page, "map-view-fishbone-en")
    assert kernel_value(page, STORED) == stored  # fishbone places are never written into the map
    # roles decide the bones: an edit in the kernel moves the (unlocked) bone in the browser
    run_in_kernel(page, "view.map.update_stakeholder('ops', roles=['influencer', 'user'])")
    tip = kernel_value(page, "view._nodes['fishbone:tip:influencer'].position")
    wait_cy(page, 1, "Math.abs(cy.getElementById('fishbone:tip:influencer').position('y') - arg.y) < 0.5"
                     " && cy.getElementById('fishbone:tip:influencer').data('label').startsWith('Influencer · 1')",
            arg=tip)
    run_in_kernel(page, "view.map.update_stakeholder('ops', roles=['user'])")
    wait_cy(page, 1, "cy.getElementById('fishbone:tip:influencer').data('label').startsWith('Influencer · 0')")
    # back to the network: the same drawing as before, bones hidden (not removed), lines back
    view_cell.get_by_role("button", name="Network").click()
    wait_cy(page, 1, f"!{FISH}.visible() && cy.edges('.rel-reports_to').filter(e => e.visible()).length === 7")
    until(lambda: positions(page, 1) == network, message=f"the network drawing back as it was: {network}")
    wait_cy(page, 1, "cy.nodes('.fishbone').length === 0")  # helpers carry only 'hidden' now (classes arrive after)
    assert kernel_value(page, STORED) == stored


def test_switching_the_language_relabels_open_widgets(page, work):
    builder = output_of(page, 2)
    page.get_by_role("button", name="New (empty form)").click()
    page.get_by_role("button", name="Add as new person").click()
    page.get_by_text("must not be empty").wait_for(timeout=5_000)

    run_in_kernel(page, "pk.set_language('zh')")
    page.get_by_text("组织架构").first.wait_for(timeout=10_000)
    wait_cy(page, 0, "cy.getElementById('cio').data('label').includes('决策者')")
    wait_cy(page, 1, "cy.getElementById('it_mgr').data('label').includes('决策支持评估者')")
    builder.get_by_text("不能为空").first.wait_for(timeout=10_000)  # the form's problems too
    page.locator(".powermap-problems").first.scroll_into_view_if_needed()
    screenshot(page, "map-builder-form-zh")
    show_graph(page, 0)
    screenshot(page, "map-builder-zh")
    page.locator(".jp-Notebook .jp-Cell").nth(3).get_by_role("button", name="组织架构").click()
    show_graph(page, 1)
    screenshot(page, "map-view-decision-chain-zh")
    page.locator(".jp-Notebook .jp-Cell").nth(3).get_by_role("button", name="鱼骨图").click()
    wait_cy(page, 1, f"{FISH}.visible() && {FISH}.data('label').startsWith('决策')"
                     " && cy.getElementById('fishbone:tip:decision_maker').data('label').startsWith('决策者 · 1')")
    show_graph(page, 1)
    screenshot(page, "map-view-fishbone-zh")


def test_a_kernel_restart_loses_nothing(page, work):
    run_in_kernel(page, "builder.map.add_stakeholder(id='sun', name='孙丽', roles=['influencer'], stance='support');"
                        "builder.map.update_stakeholder('cio', stance='champion')")
    until(lambda: "sun" in saved_people(work) and saved_people(work)["cio"]["stance"] == "champion",
          message="both edits autosaved")
    # Not awaited: the command waits for the confirmation dialog clicked below.
    page.evaluate("""() => { const k = window.jupyterapp.shell.currentWidget.context.sessionContext.session.kernel;
                             window.__pmkRestarted = false;
                             k.statusChanged.connect((_, s) => { if (s === 'restarting') window.__pmkRestarted = true; });
                             window.jupyterapp.commands.execute('notebook:restart-run-all'); }""")
    page.locator(".jp-Dialog button.jp-mod-accept").click()
    page.wait_for_function("() => window.__pmkRestarted === true", timeout=30_000)
    run_all(page)  # waits for the re-run to finish (and runs again, harmlessly)
    wait_cy(page, 0, "cy.nodes().length === 9 && cy.getElementById('sun').length === 1"
                     " && cy.getElementById('cio').hasClass('stance-champion')", timeout=30_000)
    assert cell_errors(page) == []
    show_graph(page, 0)
    screenshot(page, "map-builder-after-restart")
