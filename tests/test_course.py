"""The course helpers (powermap_kit.course) and the shape of notebooks 01–06 and their workbooks.

Checks are driven with right, wrong, unreadable and missing answers in both languages;
the right answers come from the data the checks read (vocabulary, question banks, case
keys), never from copies in this file.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from powermap_kit import course, intel, vocab
from powermap_kit.cases import list_cases, load_case

REPO = Path(__file__).resolve().parents[1]
LANGS = ("en", "zh")
CJK = re.compile(r"[\u4e00-\u9fff]")
MODULES = ["01_why_power_maps", "02_roles_and_frameworks", "03_buying_stages", "04_decision_chain", "05_support",
           "06_intelligence_and_coach"]


@pytest.fixture(autouse=True)
def english_by_default():
    vocab.set_language("en")
    yield
    vocab.set_language("en")


def _right_terms(code):
    return {t["term"]: list(t["roles"]) for t in vocab.entry(code, "framework")["roles"]}


def _unanswered_checks():
    return {
        "building_order": lambda a, lang: course.check_building_order(a, lang=lang),
        "pitfalls": lambda a, lang: course.check_pitfalls(a, lang=lang),
        "who_to_reach": lambda a, lang: course.check_who_to_reach("it-solution", a, contact="xu_kai", lang=lang),
        "roles": lambda a, lang: course.check_role_answers("it-solution", a, lang=lang),
        "terms": lambda a, lang: course.check_framework_terms("crm_power_map", a, lang=lang),
        "stages": lambda a, lang: course.check_stage_answers(a, lang=lang),
        "case_stage": lambda a, lang: course.check_case_stage("it-solution", a, lang=lang),
        "modes": lambda a, lang: course.check_decision_mode_answers(a, lang=lang),
        "case_mode": lambda a, lang: course.check_case_decision_mode("medical-device", a, lang=lang),
        "levels": lambda a, lang: course.check_support_levels(a, lang=lang),
        "support": lambda a, lang: course.check_support("it-solution", "ma_lixin", a, lang=lang),
        "gaps": lambda a, lang: course.check_intelligence_gaps("it-solution", a, lang=lang),
        "tips": lambda a, lang: course.check_coach_tips(a, lang=lang),
        "coach": lambda a, lang: course.check_coach_choice("medical-device", a, lang=lang),
    }


# ---- unanswered, right, wrong, unreadable ------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(_unanswered_checks()))
def test_an_unanswered_check_gives_guidance_and_never_raises(name, lang):
    fb = _unanswered_checks()[name](None, lang)
    assert fb.status == "unanswered" and fb.correct is None and fb.score == 0.0
    assert fb.lines and fb.hint, "guidance says what to fill in and where to look"
    assert ("notebook 0" in fb.hint) if lang == "en" else ("第0" in fb.hint and CJK.search(fb.message))
    page = fb._repr_html_()
    assert "○" in page and str(course.inline(fb.hint)) in page


@pytest.mark.parametrize("blank", [{"s1": None, "s2": None}, {"s1": ""}, {}])
def test_a_dict_of_blanks_counts_as_unanswered(blank):
    assert course.check_pitfalls(blank).correct is None


def test_right_answers_from_the_data_pass_every_check():
    key = load_case("it-solution").key
    checks = [
        course.check_building_order(list(course.PROCESS_STEPS)),
        course.check_pitfalls(dict(course.PITFALL_SITUATIONS)),
        course.check_role_answers("it-solution", {p.id: p.roles for p in key.stakeholders if p.roles}),
        course.check_stage_answers({q.id: q.expected for q in course.stage_questions(shuffle=False)}),
        course.check_decision_mode_answers({q.id: q.expected for q in course.decision_mode_questions()}),
        course.check_support_levels({p: course.assess_support(r).level for p, r in course.SUPPORT_PROFILES.items()}),
        course.check_coach_tips(dict(course.COACH_TIPS["it-solution"])),
    ]
    checks += [course.check_framework_terms(fw, _right_terms(fw)) for fw in vocab.codes("framework")]
    for case in list_cases():
        checks.append(course.check_case_stage(case, case.key.opportunity.stage))
        checks.append(course.check_case_decision_mode(case, case.key.opportunity.decision_mode))
        shares = intel.intelligence_gaps(case.key).sections
        checks.append(course.check_intelligence_gaps(case, [c for c, v in shares.items() if v is not None and v < 100]))
        for coach in (p for p in case.key.stakeholders if p.is_coach):
            checks.append(course.check_coach_choice(case, coach.id))
        for person in (p for p in case.key.stakeholders if len(p.support) >= 2):
            checks.append(course.check_support(case, person.id, dict(person.support)))
    for fb in checks:
        assert fb.correct is True and fb.score == 1.0, str(fb)
        assert not fb.hint, "a right answer needs no pointer"


def test_who_to_reach_accepts_names_and_aliases_and_names_the_missed():
    fb = course.check_who_to_reach("it-solution", ["韩静", "Director Lu", "shen_guodong"], contact="xu_kai")
    assert fb.correct is True
    fb = course.check_who_to_reach("it-solution", ["Xu Kai", "Tang Lei", "nobody"], contact="xu_kai")
    assert fb.correct is False and fb.score == 0.0
    text = str(fb)
    assert "contact we already have" in text and "'nobody'" in text and "Han Jing" in text  # the missed are named


def test_wrong_answers_explain_and_point_to_the_notebook():
    fb = course.check_case_stage("it-solution", "decision")
    assert fb.correct is False and "Evaluating products" in fb.message
    assert any("doc 03" in text for _, text in fb.lines), "the key's evidence is quoted"
    assert "notebook 03" in fb.hint
    fb = course.check_building_order(list(reversed(list(course.PROCESS_STEPS))))
    assert fb.correct is False and 0 < fb.score < 1 and "notebook 01" in fb.hint
    fb = course.check_coach_tips({"t4": "confirmed"})
    assert fb.correct is False and "not answered yet" in fb.message
    assert any("doc 02" in text for mark, text in fb.lines if mark == "wrong")


def test_partly_right_roles_score_in_between():
    fb = course.check_role_answers("it-solution", {"lu_mingyuan": ["evaluator"], "xu_kai": ["decision_maker"]})
    assert fb.correct is False and 0 < fb.score < 1
    assert [mark for mark, _ in fb.lines] == ["partly", "wrong"]


@pytest.mark.parametrize("call", [
    lambda: course.check_pitfalls({"s1": "bogus"}),
    lambda: course.check_case_stage("it-solution", "nonsense"),
    lambda: course.check_role_answers("it-solution", {"xu_kai": ["boss"]}),
    lambda: course.check_framework_terms("four_role", {"user": ["client"]}),
    lambda: course.check_support("it-solution", "ma_lixin", {"charm": 3}),
    lambda: course.check_intelligence_gaps("it-solution", ["gossip"]),
    lambda: course.check_coach_tips({"t1": "maybe"}),
])
def test_an_unreadable_code_is_named_with_the_allowed_ones(call):
    fb = call()
    assert fb.correct is False
    assert any("is not one of" in text for _, text in fb.lines), str(fb)


def test_labels_in_either_language_are_read_as_codes():
    assert course.check_case_stage("it-solution", "评估产品").correct is True
    assert course.check_case_decision_mode("medical-device", "Committee scoring, highest score wins").correct is True


def test_support_flags_a_rating_where_the_key_has_no_information():
    fb = course.check_support("it-solution", "shen_guodong", {"influence": 5, "trust": 4, "contact_frequency": 1})
    assert any(mark == "partly" and "unknown is better than a guess" in text for mark, text in fb.lines)


def test_feedback_shows_html_in_answers_as_text():
    fb = course.check_case_stage("it-solution", "<script>alert(1)</script>")
    assert "<script>" not in fb._repr_html_() and "&lt;script&gt;" in fb._repr_html_()
    assert "<script>" in str(fb)  # plain text shows it as typed


def test_feedback_follows_the_language():
    vocab.set_language("zh")
    fb = course.check_case_stage("it-solution", "decision")
    assert "评估产品" in fb.message and "：" in str(fb)


# ---- tables, pictures, fallbacks -------------------------------------------------------------
TABLES = ["building_process", "pitfalls_table", "pitfall_situations", "role_table", "framework_table",
          "show_stage_guide", "sales_cycle_table", "decision_modes_table", "mode_weights_table", "support_levels_table",
          "support_dimensions_table", "support_profiles", "intelligence_checklist", "coach_guide", "coach_tips"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", TABLES)
def test_every_table_renders_in_both_languages(name, lang):
    styler = getattr(course, name)(lang=lang)
    html = styler.to_html()
    assert "<table" in html and len(styler.data) >= 3
    assert styler.data.columns.is_unique
    if lang == "zh":
        assert CJK.search("".join(map(str, styler.data.columns)))


def test_the_stage_guide_carries_every_stage_with_focus_task_and_signals():
    frame = course.show_stage_guide(lang="en").data
    assert len(frame) == len(vocab.STAGES)
    for entry, (_, row) in zip(vocab.entries("stage"), frame.iterrows()):
        assert entry["seller_task"]["en"] in row.values and entry["signals"]["en"][0] in " ".join(map(str, row.values))


def test_the_framework_table_shows_blocker_and_coach_as_no_roles():
    frame = course.framework_table(lang="en").data
    assert list(frame.iloc[:8, 0]) == [vocab.label(r, "role", "en") for r in vocab.ROLES]
    crm = next(c for c in frame.columns if c.startswith(vocab.label("crm_power_map", "framework", "en")))
    mh = next(c for c in frame.columns if c.startswith("Miller Heiman"))
    assert frame[crm].iloc[8] == "Blocker" and frame[mh].iloc[9] == "Coach"


def test_case_tables_name_people_in_both_scripts():
    frame = course.coverage_table("it-solution").data
    assert frame.iloc[0, 0] == "Shen Guodong (沈国栋)"  # sorted by power
    lens = course.roles_through("it-solution", "decision_chain").data
    assert lens.iloc[1, -1] == "Decision approver, Decision maker"  # Shen Guodong, in seed 003's words
    assert "Xu Kai" in course.evidence_table("it-solution", ["xu_kai"]).data.iloc[0, 0]


def test_intelligence_gaps_name_what_is_missing_from_the_checklist():
    weak = load_case("it-solution").submission("weak")
    fb = course.check_intelligence_gaps(weak, ["needs"])
    assert fb.correct is False and 0 < fb.score < 1
    text = str(fb)
    assert "Needs and motives: 0% of its checks filled; missing: Needs, Personal motives" in text
    assert "a gap you missed" in text
    assert list(course.intelligence_checklist().data["Code"]) == list(intel.SECTIONS)


def test_documents_are_quoted_without_breaking_the_outline():
    md = course.show_document("it-solution", 7)
    assert md.startswith("**Document 07 ·") and "\n> **Internal memo" in md
    assert not re.search(r"^#", md, re.M)


def test_statements_and_worksheets_list_questions_without_answers():
    sheet = course.worksheet(course.stage_questions(shuffle=False)[:3]).data
    assert list(sheet.iloc[:, -1]) == ["", "", ""]
    with pytest.raises(KeyError, match="stage-99"):
        course.statements("stage", ["stage-99"])


def test_an_unknown_id_among_many_answers_is_a_wrong_line_in_both_languages():
    result = course.check_stage_answers({"stage-01": "difficulty", "nope": "decision"}, lang="en")
    assert result.lines[0][0] == "right" and result.lines[1][0] == "wrong"
    assert result.lines[1][1].startswith('"nope" is not a question of this exercise (one of stage-01, ')
    assert result.in_language("zh").lines[1][1].startswith('"nope" 不是本练习的题目（应为以下之一：')


class FakeWidget:
    def _repr_mimebundle_(self, **kwargs):
        return {"text/plain": "FakeWidget()", "application/vnd.jupyter.widget-view+json": {"model_id": "abc"}}


def test_a_widget_keeps_its_view_and_gains_a_text_fallback():
    bundle = course.with_fallback(FakeWidget(), course.support_dimensions_table())._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == "abc"
    assert "<table" in bundle["text/html"] and "Trust" in bundle["text/plain"]


def test_pictures_fit_the_cell_and_keep_text_as_text():
    html = course.map_picture("it-solution", highlight=["xu_kai"])._repr_html_()
    assert 'width="100%"' in html and "min-width" in html and "许凯" in html
    assert "<svg" in course.matrix_picture("it-solution")._repr_html_()


def test_the_course_module_imports_no_jupyter_or_plotting():
    code = ("import sys, powermap_kit.course;"
            "print(','.join(m for m in ('ipywidgets', 'ipycytoscape', 'matplotlib', 'IPython') if m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == ""


def test_every_course_text_is_used():
    keys = [k for k in vocab._texts() if k.startswith("course.")]
    source = "".join(p.read_text("utf-8") for p in (REPO / "powermap_kit" / "course").glob("*.py"))
    literal = set(re.findall(r"[\"']([a-z_]+(?:\.[a-z_0-9-]+)*)[\"']", source))
    prefixes = set(re.findall(r"f[\"']([a-z_.]+)\{", source))
    unused = [k for k in keys if k.removeprefix("course.") not in literal and k not in literal
              and not any(k.removeprefix("course.").startswith(p) or k.startswith(p) for p in prefixes)]
    assert not unused


# ---- the notebooks and workbooks ---------------------------------------------------------------
def _nb(path):
    return json.loads(path.read_text("utf-8"))


def _agenda_files():
    data = json.loads(resources.files("powermap_kit").joinpath("data/course.json").read_text("utf-8"))
    return {m["file"] for m in data["modules"]}


COURSE_MODULES = [m["file"].removesuffix(".ipynb") for m in json.loads(
    resources.files("powermap_kit").joinpath("data/course.json").read_text("utf-8"))["modules"]]
TEACHING = [m for m in COURSE_MODULES if m[:2] <= "13" and not m.startswith("00b")]
TIME = {"en": "**Time:**", "zh": ("**时间：**", "**时长：**")}
KEY_POINTS = {"en": "## Key points", "zh": "## 要点"}
LINKS = {"en": ("Previous", "Next"), "zh": ("上一", "下一")}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("module", TEACHING)
def test_notebook_shape(module, lang):
    """Title with the module number, time, key points, prev/next links; short prose; short code."""
    nb = _nb(REPO / "notebooks" / lang / f"{module}.ipynb")
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    cells = nb["cells"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in cells if c["cell_type"] == "code")
    first = "".join(cells[0]["source"])
    number = module.split("_")[0]
    assert first.startswith(f"# {number} · "), first[:40]
    assert any(mark in first for mark in ((TIME[lang],) if isinstance(TIME[lang], str) else TIME[lang]))
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert KEY_POINTS[lang] in text
    last = "".join(cells[-1]["source"])
    assert any(word in last for word in LINKS[lang])
    for cell in cells:
        if cell["cell_type"] == "code":
            body = [line for line in "".join(cell["source"]).splitlines() if line.strip() and not line.startswith("#")]
            assert len(body) <= 12, f"{module}: code cells stay short: logic lives in the package"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("module", COURSE_MODULES)
def test_every_module_of_the_agenda_has_its_notebook(module, lang):
    assert (REPO / "notebooks" / lang / f"{module}.ipynb").is_file()


def test_every_workbook_has_a_trainer_solution_with_what_the_learner_lacks():
    sources = sorted((REPO / "course_src" / "workbooks").glob("*.py"))
    assert len(sources) >= 12
    for src in sources:
        text = src.read_text("utf-8")
        assert 'tags=["solution"]' in text, src.name
        for lang in LANGS:
            learner = _nb(REPO / "exercises" / lang / f"{src.stem}.ipynb")
            solution = _nb(REPO / "trainer" / "solutions" / lang / f"{src.stem}_solution.ipynb")
            mine = {"".join(c["source"]) for c in solution["cells"]} - {"".join(c["source"]) for c in learner["cells"]}
            assert mine, f"{src.stem} ({lang}): the solution adds nothing"


ALLOWED_IMPORT = re.compile(r"^(import powermap_kit as pk|from powermap_kit import [\w, ]+|"
                            r"from powermap_kit\.(course|widgets) import [\w, ]+)$")


@pytest.mark.parametrize("path", sorted([*REPO.glob("notebooks/*/*.ipynb"), *REPO.glob("exercises/*/*.ipynb"),
                                         *REPO.glob("trainer/solutions/*/*.ipynb")]),
                         ids=lambda p: p.name)
def test_notebooks_use_the_public_api(path):
    """Notebooks import ``pk``, ``powermap_kit.course`` and ``powermap_kit.widgets``, never deep module paths."""
    for cell in _nb(path)["cells"]:
        if cell["cell_type"] != "code":
            continue
        for line in "".join(cell["source"]).splitlines():
            if "powermap_kit" in line and re.match(r"\s*(from|import)\s", line):
                assert ALLOWED_IMPORT.match(line.strip()), f"{path.name}: {line.strip()}"
