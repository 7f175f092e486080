"""The render layer: report folders with progress, widget macros that escape, the analysis
views it registers, and reports drawn without the heavy libraries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from markupsafe import Markup

import powermap_kit as pk
from powermap_kit.analysis import result as analysis_result
from powermap_kit.errors import PowerMapError
from powermap_kit.grading import grade, grade_cohort
from powermap_kit.render import macro, write_reports, write_submission_report

CASE = Path(__file__).resolve().parents[1] / "case_studies" / "it-solution"
KEY = CASE / "key.json"


@pytest.fixture
def cohort():
    return grade_cohort(sorted((CASE / "submissions").glob("*.json")), KEY, lang="en")


def test_report_folder_reports_progress_and_writes_one_page_per_submission(tmp_path, cohort):
    seen = []
    paths = write_reports(tmp_path / "out", cohort, key=KEY, lang="en",
                          progress=lambda done, total: seen.append((done, total)))
    graded = 3  # the case's three sample submissions all load
    assert [p.name for p in paths][0] == "index.html" and len(paths) == graded + 1
    assert seen == [(i, graded) for i in range(1, graded + 1)]
    for page in paths[1:]:
        html = page.read_text("utf-8")
        assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "<script" not in html


def test_one_submission_page_gets_a_safe_unique_name(tmp_path):
    result = grade(CASE / "submissions" / "typical.json", KEY, lang="zh")
    taken: set[str] = set()
    first = write_submission_report(tmp_path, result, taken=taken)
    second = write_submission_report(tmp_path, result, taken=taken)
    assert first.name == "trainee-11.html" and second.name == "trainee-11_2.html"
    assert "总分" in first.read_text("utf-8") or "得分" in first.read_text("utf-8")


def test_widget_macros_escape_text_and_keep_markup():
    html = str(macro("feedback", lang="en")("#c62828", "✘", "<b>x</b>", "a & b"))
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "a &amp; b" in html and "<b>" not in html
    table = str(macro("table")([("<h>", "left")], [[(Markup("<i>ok</i>"), "right"), ("<s>", "left", 2)]]))
    assert "&lt;h&gt;" in table and "<i>ok</i>" in table and "&lt;s&gt;" in table and 'colspan="2"' in table


def test_analysis_views_come_from_the_render_layer(monkeypatch):
    a = pk.analyse(pk.load_map(KEY), today="2026-11-20")
    assert a.to_html().startswith("<!DOCTYPE html>") and "<svg" in a.to_html()
    monkeypatch.setattr(analysis_result, "_VIEWS", {})
    with pytest.raises(PowerMapError, match="no 'html' view"):
        a.to_html()


def test_a_small_maps_html_report_imports_no_heavy_library(tmp_path):
    """What keeps `powermap analyse --format html` of a small map fast: no matplotlib, pandas,
    networkx or numpy in the process."""
    out = tmp_path / "r.html"
    code = ("import sys; from powermap_kit.cli import main; "
            f"main(['analyse', {str(CASE / 'submissions' / 'typical.json')!r}, '--format', 'html', '--out', {str(out)!r}]);"
            "print(','.join(m for m in ('matplotlib', 'pandas', 'networkx', 'numpy') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stdout.strip().splitlines()[-1:] in ([], [""]), run.stdout
    assert out.read_text("utf-8").count("<svg") >= 3


def test_svg_attributes_and_texts_are_escaped_and_numbers_written_short():
    from markupsafe import Markup

    from powermap_kit.render.svg import Svg

    s = Svg(10, 10)
    s.rect(1.0, 2.25, 3, 4, fill="#fff", class_="a&b", data_note='say "hi" <now>', stroke_width=0.5)
    s.add("text", "王伟 <x> & 'y'", font_family=Markup("A&amp;B"))
    out = s.markup()
    assert ' x="1" y="2.2" width="3" height="4" fill="#fff" class="a&amp;b"' in out
    assert 'data-note="say &#34;hi&#34; &lt;now&gt;" stroke-width="0.5"' in out
    assert ">王伟 &lt;x&gt; &amp; &#39;y&#39;</text>" in out and 'font-family="A&amp;B"' in out
