"""Slides per module: teaching cells only, split at ## headings, a local reveal.js that makes no
network request (the browser test opens a deck from file://)."""

import json
import os
from pathlib import Path

import pytest

from powermap_kit.errors import InputError
from powermap_kit.kit import slides

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("POWERMAP_CHROMIUM", "/usr/bin/chromium")


def _notebook(folder: Path, name: str, lang: str) -> Path:
    zh = lang == "zh"
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["# 03 · 采购阶段\n" if zh else "# 03 · Buying stages\n",
                                                             "\n", "**Time:** 25 minutes\n"]},
        {"cell_type": "code", "metadata": {"jupyter": {"source_hidden": True}}, "source": "import powermap_kit as pk\nSETUP_CODE = 1",
         "outputs": [], "execution_count": None},
        {"cell_type": "markdown", "metadata": {}, "source": "## 五个阶段\n客户的关注点在变化。\n\n## 如何判断\n看语言、行为和要求。" if zh
         else "## The journey\nThe customer's focus moves.\n\n## How to tell\nLanguage, behaviour, requests."},
        {"cell_type": "markdown", "metadata": {"tags": ["trainer"]}, "source": "**Facilitator notes** TRAINER ONLY"},
        {"cell_type": "code", "metadata": {}, "source": "Exercise('03.case_stage', check, choose('stage'))",
         "outputs": [], "execution_count": None},
        {"cell_type": "markdown", "metadata": {}, "source": "A table continues the slide:\n\n| a | b |\n|---|---|\n| 1 | <script>x</script> |"},
        {"cell_type": "markdown", "metadata": {}, "source": "## 要点\n- 一\n- 二" if zh else "## Key points\n- one\n- two"},
    ]
    path = folder / lang / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), "utf-8")
    return path


def test_slides_are_the_teaching_cells_split_at_headings(tmp_path):
    deck = slides.notebook_slides(_notebook(tmp_path, "03_buying_stages.ipynb", "en"))
    assert [(s.level, s.title) for s in deck] == [(1, "03 · Buying stages"), (2, "The journey"), (2, "How to tell"),
                                                  (2, "Key points")]
    text = "".join(s.body for s in deck)
    assert "TRAINER ONLY" not in text and "SETUP_CODE" not in text and "Exercise(" not in text
    assert "A table continues" in deck[2].body  # text before the next heading stays on the slide
    html = str(deck[2].html())
    assert "<table>" in html and "<script>" not in html and "&lt;script&gt;" in html


def test_an_unreadable_notebook_is_one_named_error(tmp_path):
    bad = tmp_path / "x.ipynb"
    bad.write_text("{not json", "utf-8")
    with pytest.raises(InputError, match="x.ipynb"):
        slides.notebook_slides(bad)


def test_missing_reveal_is_named(monkeypatch, tmp_path):
    monkeypatch.setenv("POWERMAP_REVEAL", str(tmp_path / "nowhere"))
    with pytest.raises(InputError, match="reveal.js"):
        slides.reveal_dist()


@pytest.mark.browser
def test_deck_opens_offline_and_reveal_initialises(tmp_path):
    if not Path(CHROMIUM).is_file() or not (REPO / "trainer" / "node_modules" / "reveal.js").is_dir():
        reason = "needs Chromium and reveal.js (make kit installs it)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    sources = [_notebook(tmp_path / "src", "03_buying_stages.ipynb", lang) for lang in ("en", "zh")]
    decks = slides.build_slides(sources, tmp_path / "out")
    assert [d.relative_to(tmp_path / "out").as_posix() for d in decks] == ["en/03_buying_stages.html",
                                                                           "zh/03_buying_stages.html"]
    assert (tmp_path / "out" / "reveal" / "reveal.js").is_file()
    artifacts = REPO / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            requests = []
            page.on("request", lambda r: requests.append(r.url))
            for deck, lang in zip(decks, ("en", "zh")):
                page.goto(deck.as_uri())
                page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=15000)
                assert page.evaluate("Reveal.getTotalSlides()") == 4
                page.evaluate("Reveal.slide(1)")
                page.wait_for_function("Reveal.getIndices().h === 1")
                heading = page.locator("section.present h2").inner_text()
                assert heading == ("五个阶段" if lang == "zh" else "The journey")
                assert page.locator("section.present").bounding_box()["height"] > 100
                page.screenshot(path=str(artifacts / f"kit-deck-{lang}.png"))
        finally:
            browser.close()
    assert requests and all(url.startswith("file:") for url in requests), requests
    assert any(url.endswith("/reveal/reveal.js") for url in requests)


def test_the_command_writes_a_deck_per_notebook(tmp_path, capsys):
    if not (REPO / "trainer" / "node_modules" / "reveal.js").is_dir() and not os.environ.get("POWERMAP_REVEAL"):
        if os.environ.get("CI"):
            pytest.fail("reveal.js is not installed (make test installs it)")
        pytest.skip("reveal.js is not installed (make kit installs it)")
    from powermap_kit.cli import main

    source = _notebook(tmp_path / "src", "03_buying_stages.ipynb", "zh")
    assert main(["--lang", "zh", "slides", "--out", str(tmp_path / "out"), str(source)]) == 0
    assert "已写入" in capsys.readouterr().out
    html = (tmp_path / "out" / "zh" / "03_buying_stages.html").read_text("utf-8")
    assert html.count("<section") == 4 and 'src="../reveal/reveal.js"' in html and "http" not in html
    assert main(["slides", "--out", str(tmp_path / "out"), str(tmp_path / "missing.ipynb")]) == 1


def test_a_long_section_becomes_several_slides_split_between_blocks(tmp_path):
    paragraphs = "\n\n".join(f"Paragraph {i}: " + "word " * 60 for i in range(8))
    code = "```\nline one\n\nline three\n```"
    source = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": f"## Long\n{paragraphs}\n\n{code}\n"}],
              "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "long.ipynb"
    path.write_text(json.dumps(source), "utf-8")
    deck = slides.notebook_slides(path)
    assert len(deck) >= 3 and deck[0].title == "Long" and deck[1].title == "Long (2)"
    assert sum(s.body.count("Paragraph") for s in deck) == 8
    assert any("line one\n\nline three" in s.body for s in deck)  # a code block is never cut
    assert all(sum(slides._height(b) for b in slides._blocks(s.body)) <= slides._LINES for s in deck
               if len(slides._blocks(s.body)) > 1)


@pytest.mark.parametrize("cells", [[1, "x", None], [{"cell_type": "markdown", "metadata": "tags", "source": ["## A\n", "b"]}],
                                   [{"cell_type": "markdown", "metadata": {"tags": "trainer"}, "source": 5}]])
def test_odd_cells_are_skipped_or_read_never_a_traceback(tmp_path, cells):
    path = tmp_path / "odd.ipynb"
    path.write_text(json.dumps({"cells": cells}), "utf-8")
    deck = slides.notebook_slides(path)
    assert all(isinstance(s.body, str) for s in deck)
