"""Printable handouts: every PDF is built by headless Chromium, has the pages it should, is not
blank, carries extractable text in its language and embeds its fonts."""

import os
import re
import unicodedata
from pathlib import Path

import pytest

from powermap_kit.cases import list_cases, load_case
from powermap_kit.kit import handouts

pytestmark = pytest.mark.browser
pypdf = pytest.importorskip("pypdf")
pdfium = pytest.importorskip("pypdfium2")
CHROMIUM = os.environ.get("POWERMAP_CHROMIUM", "/usr/bin/chromium")
ONE_PAGE = ["cheatsheet", "canvas", "schedule-one_day", "schedule-two_day"]
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if not Path(CHROMIUM).is_file():
        if os.environ.get("CI"):
            pytest.fail(f"no Chromium at {CHROMIUM}")
        pytest.skip(f"no Chromium at {CHROMIUM}")
    pytest.importorskip("playwright")
    out = tmp_path_factory.mktemp("handouts")
    paths = handouts.build_handouts(out)
    return out, {(p.parent.name, p.stem): p for p in paths}


def _text(path):
    text = "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)
    return unicodedata.normalize("NFKC", text)  # Chromium sets ligatures (ﬁ, ﬂ)


def _ink(page):
    """The share of pixels that are not white on a rendered page."""
    image = page.render(scale=0.5).to_pil().convert("L")
    histogram = image.histogram()
    return sum(histogram[:230]) / sum(histogram)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_handout_exists_for_each_language(built, lang):
    _, pdfs = built
    names = {stem for (lg, stem) in pdfs if lg == lang}
    assert set(ONE_PAGE) <= names
    assert {f"case-{c.slug}" for c in list_cases()} <= names
    assert any(n.startswith("feedback-") for n in names)
    assert {f"roleplay-{p.stem}" for p in handouts.roleplay_files(lang)} <= names
    assert len(handouts.roleplay_files(lang)) >= 3


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("stem", ONE_PAGE)
def test_one_page_handouts_fit_on_one_page(built, lang, stem):
    _, pdfs = built
    assert len(pypdf.PdfReader(pdfs[(lang, stem)]).pages) == 1


def test_no_page_is_blank(built):
    _, pdfs = built
    for path in pdfs.values():
        document = pdfium.PdfDocument(str(path))
        for number in range(len(document)):
            assert _ink(document[number]) > 0.001, (path.name, number)


def test_case_packs_have_a_page_per_document_and_no_key(built):
    _, pdfs = built
    for case in list_cases():
        for lang in ("en", "zh"):
            path = pdfs[(lang, f"case-{case.slug}")]
            assert len(pypdf.PdfReader(path).pages) >= 1 + len(case.documents)
            text = _text(path)
            assert "key.json" not in text
            first_question = re.search(r"^1\. (.{12})", str(case.debrief(lang)), re.MULTILINE)
            if first_question:
                assert first_question.group(1) not in text  # the debrief's questions are not printed


@pytest.mark.parametrize("stem", ONE_PAGE + ["case-it-solution", "feedback-it-solution"])
def test_text_is_extractable_in_both_languages(built, stem):
    _, pdfs = built
    english, chinese = _text(pdfs[("en", stem)]), _text(pdfs[("zh", stem)])
    assert len(re.findall(r"[A-Za-z]{3,}", english)) > 30
    assert len(HAN.findall(chinese)) > 40, stem
    if stem == "cheatsheet":
        assert "Decision approver" in english and "决策审批者" in chinese
        assert "influence" in english.lower() and "影响力" in chinese
    if stem.startswith("schedule"):
        assert "09:00" in english and "第1天" in chinese


def test_fonts_are_embedded(built):
    """Every font's glyphs are inside the PDF: a font file, or (Chromium's way with the CFF-based
    Noto Sans CJK) Type 3 glyph procedures; each maps back to Unicode so the text extracts."""
    _, pdfs = built
    for (lang, stem), path in pdfs.items():
        for page in pypdf.PdfReader(path).pages:
            for font in page["/Resources"].get("/Font", {}).values():
                font = font.get_object()
                if font.get("/Subtype") == "/Type3":
                    assert "/CharProcs" in font and "/ToUnicode" in font, stem
                    continue
                descendant = font.get("/DescendantFonts")
                descriptor = (descendant[0].get_object() if descendant else font)["/FontDescriptor"]
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), \
                    (stem, font.get("/BaseFont"))


def test_the_command_prints_one_language_when_asked(built, tmp_path, capsys):
    from powermap_kit.cli import main

    assert main(["--lang", "zh", "handouts", "--out", str(tmp_path), "--only", "canvas"]) == 0
    assert [p.name for p in tmp_path.rglob("*.pdf")] == ["canvas.pdf"]
    assert "已写入" in capsys.readouterr().out
    assert main(["handouts", "--out", str(tmp_path), "--submission", str(tmp_path / "none.json")]) == 1


def test_a_feedback_report_per_learner_from_a_folder(built, tmp_path):
    from powermap_kit.cli import main

    case = load_case("it-solution")
    room = tmp_path / "room"
    room.mkdir()
    for quality in ("strong", "weak"):
        (room / f"li ming {quality}.json").write_bytes(case.submission_paths[quality].read_bytes())
    assert main(["--lang", "en", "handouts", "--out", str(tmp_path / "out"), "--only", "feedback",
                 "--case", "it-solution", "--submission", str(room)]) == 0
    pdfs = sorted(p.name for p in (tmp_path / "out" / "en").glob("*.pdf"))
    assert pdfs == ["feedback-li_ming_strong.pdf", "feedback-li_ming_weak.pdf"]
    strong, weak = (_text(tmp_path / "out" / "en" / name) for name in pdfs)
    assert strong != weak and "Feedback" in weak
