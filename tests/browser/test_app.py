"""``make app``: the course as a web app in Voilà, driven like a learner does (issue 14 item 5).

The app is started with the learner's own command line by ``makerun``; the page opened is
the one Jupyter sent the learner's browser to: the landing page listing the modules. The
test opens module 03 from it and answers a stage question in the StageQuiz, then opens
module 07 and builds a two-person map in the MapBuilder by clicking and typing only, and
finds both saved in the learner's work folder (``POWERMAP_WORK``, file named after
``POWERMAP_LEARNER``), exactly where JupyterLab saves them. Screenshots:
``test-artifacts/app-*.png``.
"""

from __future__ import annotations

import json
import time
from urllib.parse import urlsplit

import pytest
from labtools import screenshot
from makerun import follow, start

# Voilà's page posts a kernel shutdown without an _xsrf token when it is left (voila#1458);
# the server refuses it, and kernels of closed pages are culled instead (jupyter/app_config.json).
SHUTDOWN_403 = r"status of 403 \(Forbidden\)"


@pytest.fixture
def app(tmp_path):
    served = start(tmp_path, "app")
    yield served
    served.stop()


@pytest.fixture
def app_zh(tmp_path):
    served = start(tmp_path, "app", "LANG=zh")
    yield served
    served.stop()


def wait_for_file(path, condition, timeout: float = 30) -> None:
    """Poll until ``path`` exists and ``condition(text)`` holds."""
    deadline = time.time() + timeout
    while not (path.exists() and condition(path.read_text("utf-8"))):
        assert time.time() < deadline, f"{path} was not saved as expected"
        time.sleep(0.2)


def open_module(page, title: str):
    """Click a module on the landing page; it opens as an app page in a new tab. Return that page."""
    with page.context.expect_page() as opened:
        page.locator(".pk-landing a", has_text=title).click()
    module = opened.value
    module.wait_for_selector(".widget-button", timeout=120_000)
    return module


def field(page, label: str):
    """The input of the ipywidgets text field whose description is ``label``."""
    return page.locator(".widget-text", has=page.locator("label.widget-label", has_text=label)).locator("input")


def test_app_landing_module_stage_quiz_and_map_builder_save_the_learners_work(app, page):
    page.allow_console(SHUTDOWN_403)
    hosts: set[str] = set()
    page.context.on("request", lambda request: hosts.add(urlsplit(request.url).hostname or ""))
    assert "/voila/render/app/course.ipynb" in follow(page, app)
    page.wait_for_selector(".pk-landing a", timeout=120_000)
    titles = page.locator(".pk-landing a").all_inner_texts()
    assert len(titles) == 19 and "Why power maps" in titles and "Building a map" in titles
    assert page.locator(".jp-InputArea, .jp-CodeMirrorEditor").count() == 0  # no code shown
    screenshot(page, "app-landing", full_page=True)

    # Module 03: answer a stage question by clicking a stage.
    quiz_page = open_module(page, "The five buying stages")
    assert quiz_page.url.split("?")[0].endswith("/voila/render/notebooks/en/03_buying_stages.ipynb")
    quiz_page.get_by_role("button", name="Exploring the problem").first.click()
    quiz_page.wait_for_selector(".pmk-feedback", timeout=30_000)
    answers = app.work / "learner-1_answers.jsonl"
    wait_for_file(answers, lambda text: '"stage_quiz"' in text)
    record = json.loads(answers.read_text("utf-8").splitlines()[-1])
    assert record["exercise"] == "stage_quiz" and "exploring" in json.dumps(record)
    quiz = quiz_page.locator(".widget-vbox", has=quiz_page.locator(".pmk-feedback")).last
    quiz.scroll_into_view_if_needed()
    screenshot(quiz_page, "app-stage-quiz")

    # Module 07: build a two-person map in the MapBuilder.
    builder_page = open_module(page, "Building a map")
    for name, title in (("王伟", "CIO"), ("李娜", "IT manager")):
        field(builder_page, "Name").fill(name)
        field(builder_page, "Title").fill(title)
        builder_page.get_by_role("button", name="Add as new person").click()
        builder_page.wait_for_function("n => document.body.innerText.includes(n)", arg=name, timeout=30_000)
    saved = app.work / "example-lanting" / "learner-1.json"
    wait_for_file(saved, lambda text: len(json.loads(text)["stakeholders"]) == 2)
    people = json.loads(saved.read_text("utf-8"))["stakeholders"]
    assert [(p["name"], p["title"]) for p in people] == [("王伟", "CIO"), ("李娜", "IT manager")]
    builder_page.locator(".custom-widget").first.scroll_into_view_if_needed()
    screenshot(builder_page, "app-map-builder")
    # Nothing was fetched from outside the machine (Voilà's CDN stylesheets and MathJax are off).
    assert hosts <= {"localhost", "127.0.0.1", ""}, hosts


def test_make_app_lang_zh_lists_the_modules_in_chinese(app_zh, page):
    page.allow_console(SHUTDOWN_403)
    follow(page, app_zh)
    page.wait_for_selector(".pk-landing a", timeout=120_000)
    assert page.locator(".pk-landing h1").inner_text() == "客户权力架构图：课程"
    titles = page.locator(".pk-landing a").all_inner_texts()
    assert "为什么要画权力地图" in titles and "绘制权力地图" in titles
    screenshot(page, "app-landing-zh", full_page=True)
