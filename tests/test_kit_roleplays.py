"""Role-plays: each exists in English and Chinese with the same cards and checklist, and every
document it cites is in its case's intelligence pack."""

import re
from pathlib import Path

import pytest

from powermap_kit.cases import load_case
from powermap_kit.kit.handouts import roleplay_files

FOLDER = Path(__file__).resolve().parents[1] / "trainer" / "roleplays"
CASE_OF = {"IT solution": "it-solution", "medical device": "medical-device"}
NAMES = [p.name for p in roleplay_files("en")]


def _cards(text):
    return [c for c in re.split(r"^---[ \t]*$", text, flags=re.MULTILINE) if c.strip()]


def _rows(card):
    return [line for line in card.splitlines() if re.match(r"^\| *\d+ *\|", line)]


def test_three_roleplays_in_both_languages():
    assert len(NAMES) >= 3
    assert NAMES == [p.name for p in roleplay_files("zh")]


@pytest.mark.parametrize("name", NAMES)
def test_the_two_languages_have_the_same_cards_and_checklist(name):
    en = (FOLDER / "en" / name).read_text("utf-8")
    zh = (FOLDER / "zh" / name).read_text("utf-8")
    assert len(_cards(en)) == len(_cards(zh)) == 4  # situation, two players, observer
    assert len(_rows(_cards(en)[-1])) == len(_rows(_cards(zh)[-1])) >= 6
    assert len(re.findall(r"[\u4e00-\u9fff]", zh)) > 800
    assert not re.search(r"[\u4e00-\u9fff]:", zh)  # full-width colons after Chinese text
    assert "：**" not in zh  # a bold label closes before its colon, or Markdown leaves the stars


@pytest.mark.parametrize("name", NAMES)
def test_cited_documents_exist_in_the_case(name):
    en = (FOLDER / "en" / name).read_text("utf-8")
    case = next(slug for label, slug in CASE_OF.items() if f"**Case:** {label}" in en)
    documents = len(load_case(case).documents)
    cited = re.search(r"\*\*Builds on:\*\*(.*)", en).group(1)
    numbers = [int(n) for n in re.findall(r"\b(\d\d)\b", cited)]
    assert numbers and all(1 <= n <= documents for n in numbers)
