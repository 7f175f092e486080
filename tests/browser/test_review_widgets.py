"""Exercise widgets, the score card, the coach review and the cohort dashboard in real
JupyterLab (Chromium, Playwright).

A learner clicks quiz answers and sees the feedback; a score card shows its total,
criteria and feedback; a coach clicks a person on the trainee's map, writes a comment
and sees it saved beside the submission; switching the language from the kernel
relabels every open widget. Screenshots in English and Chinese go to test-artifacts/
(``review-*.png``) for a person to look at.
"""

from __future__ import annotations

import hashlib
import json

from labtools import ARTIFACTS, cell_errors, click_node, open_notebook, run_all, run_in_kernel, settled, wait_cy

QUIZZES = "tests/browser/notebooks/review_quizzes.ipynb"
COACH = "tests/browser/notebooks/review_coach.ipynb"


def shot(locator, name: str):
    """A screenshot of one widget (scrolled into view) under test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    locator.scroll_into_view_if_needed()
    locator.screenshot(path=str(path))
    return path


def see(locator, *texts: str, timeout: float = 15_000) -> None:
    """Scroll a widget into view and wait until its text contains every one of ``texts``.

    JupyterLab skips rendering cells off screen, so text is read after scrolling.
    """
    locator.scroll_into_view_if_needed()
    handle = locator.element_handle()
    locator.page.wait_for_function(
        "([el, texts]) => { const t = el.textContent.replace(/\\u00a0/g, ' ');"
        " return texts.every(x => t.includes(x)); }", arg=[handle, list(texts)], timeout=timeout)


def test_quiz_feedback_scorecard_and_language_switch(page, lab):
    open_notebook(page, lab, QUIZZES)
    run_all(page)
    assert cell_errors(page) == []

    quiz = page.locator(".pmk-quiz").first
    quiz.locator("button", has_text="Evaluating products").click()
    feedback = quiz.locator(".pmk-feedback")
    feedback.wait_for(timeout=15_000)
    see(feedback, "Your core work now")
    assert ("Correct" in feedback.text_content()) or ("Not quite" in feedback.text_content())
    see(quiz, "Question 1 of 5 · answered 1")
    answers = lab.root / "tests/browser/notebooks/answers/browser.jsonl"
    assert json.loads(answers.read_text("utf-8").splitlines()[0])["exercise"] == "stage_quiz"

    roles = page.locator(".pmk-quiz").nth(1)
    roles.locator("button", has_text="Decision maker").first.click()
    roles.locator("button", has_text="Check").click()
    roles.locator(".pmk-feedback").wait_for(timeout=15_000)
    assessor = page.locator(".pmk-support-assessor")
    see(assessor, "Supports us")
    card = page.locator(".pmk-scorecard")
    see(card, "Score", "People found", "Show all")
    assert card.locator(".pmk-criterion").count() >= 5
    assert shot(quiz, "review-quiz-en").stat().st_size > 5_000
    shot(roles, "review-role-quiz-en")
    shot(assessor, "review-support-en")
    shot(card, "review-scorecard-en")

    run_in_kernel(page, 'import powermap_kit as pk; pk.set_language("zh")')
    page.wait_for_function("() => [...document.querySelectorAll('.pmk-quiz button')]"
                           ".some(b => b.textContent.includes('评估产品'))", timeout=15_000)
    see(quiz, "第 1 / 5 题")
    assert ("正确" in feedback.text_content()) or ("不对" in feedback.text_content())
    see(card, "人员识别", "得分", "反馈")
    see(assessor, "支持度层级")
    assert shot(quiz, "review-quiz-zh").stat().st_size > 5_000
    shot(roles, "review-role-quiz-zh")
    shot(assessor, "review-support-zh")
    shot(card, "review-scorecard-zh")


def test_coach_comments_on_a_clicked_person_and_the_dashboard(page, lab):
    page.set_viewport_size({"width": 1500, "height": 1500})  # room for the review in the screenshots
    open_notebook(page, lab, COACH)
    run_all(page)
    assert cell_errors(page) == []
    work = lab.root / "tests/browser/notebooks/coach_work"
    before = hashlib.sha256((work / "typical.json").read_bytes()).hexdigest()
    review = page.locator(".pmk-review")
    wait_cy(page, 0, "cy.nodes().length === 12")   # the trainee's map
    wait_cy(page, 1, "cy.nodes().length === 16")   # the key
    wait_cy(page, 1, "cy.nodes('.pmk-ghost').length === 4")

    click_node(page, 0, "p02")                    # Director Lu on the trainee's map
    picker = review.locator(".pmk-comment-target select")
    # ipywidgets writes option labels with no-break spaces
    page.wait_for_function("(s) => document.querySelector(s).selectedOptions[0].textContent"
                           ".replace(/\\u00a0/g, ' ') === 'Director Lu'",
                           arg=".pmk-comment-target select", timeout=10_000)
    review.locator("textarea").fill("Lu signs off, but is he the only decider? Read doc 03 again.")
    review.get_by_role("button", name="Add comment").click()
    review.get_by_text("Saved to typical.review.json").wait_for(timeout=10_000)
    wait_cy(page, 0, "cy.getElementById('p02').hasClass('pmk-commented')")
    saved = json.loads((work / "typical.review.json").read_text("utf-8"))
    assert saved["comments"][0]["target"] == {"kind": "person", "id": "p02", "name": "Director Lu"}
    assert picker.is_visible()
    assert shot(review.locator(".pmk-review-maps"), "review-coach-maps-en").stat().st_size > 20_000
    shot(review.locator(".pmk-review-notes"), "review-coach-notes-en")

    review.get_by_role("button", name="Overlay on the key").click()
    # the overlay is the third drawing (the side-by-side ones are hidden, not removed)
    wait_cy(page, 2, "cy.nodes().length === 16 && cy.nodes('.pmk-ghost').length === 4"
                     " && cy.nodes('.pmk-wrong').length > 0 && cy.nodes('.pmk-commented').length === 1")
    shot(review.locator(".pmk-review-maps"), "review-coach-overlay-en")
    board = page.locator(".pmk-dashboard")
    see(board, "People most often left out", "trainee-11")
    shot(board, "review-dashboard-en")

    run_in_kernel(page, 'import powermap_kit as pk; pk.set_language("zh")')
    see(review, "与答案的差异", "点评（1 条）", "叠加到答案上")
    see(board, "最常被漏掉的人员")
    shot(review.locator(".pmk-review-maps"), "review-coach-overlay-zh")
    review.get_by_role("button", name="并排对比").click()
    wait_cy(page, 1, "cy.nodes().length === 16 && cy.nodes('.pmk-ghost').length === 4")
    settled(review.locator(".pmk-review-maps"))
    shot(review.locator(".pmk-review-maps"), "review-coach-maps-zh")
    shot(review.locator(".pmk-review-notes"), "review-coach-notes-zh")
    shot(board, "review-dashboard-zh")
    assert hashlib.sha256((work / "typical.json").read_bytes()).hexdigest() == before
