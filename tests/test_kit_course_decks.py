"""Every module of the course becomes a slide deck in both languages, from its teaching cells.

(The browser test in ``test_kit_slides.py`` opens a deck offline; this one builds them all.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from powermap_kit.kit.slides import build_slides, notebook_slides, reveal_dist

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*/*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_module_makes_slides_with_its_title_and_no_trainer_notes(path):
    slides = notebook_slides(path)
    assert len(slides) >= 2
    first = json.loads(path.read_text("utf-8"))["cells"][0]["source"].splitlines()[0].lstrip("# ").strip()
    assert slides[0].title == first
    text = " ".join(s.title + s.body for s in slides)
    assert "import powermap_kit" not in text
    if not path.name.startswith("14_"):  # the trainer guide talks about the notes; the others carry none
        assert "Facilitator notes" not in text and "讲师备注" not in text


def test_every_deck_is_written_offline(tmp_path):
    try:
        reveal_dist()
    except Exception as exc:  # reveal.js comes from npm (make test installs it)
        pytest.skip(f"reveal.js is not installed: {exc}")
    decks = build_slides(NOTEBOOKS, tmp_path)
    assert len(decks) == len(NOTEBOOKS) and {d.parent.name for d in decks} == {"en", "zh"}
    for deck in decks:
        html = deck.read_text("utf-8")
        assert "<section" in html and "https://" not in html.split("<body", 1)[0]
