"""A shared server where the trainer withholds the keys: every case folder without ``key.json``,
``twist/key.json``, the debriefs and the sample submissions, and the hint files ``powermap hints``
made from the keys in ``$POWERMAP_HINTS``. Every learner notebook and workbook runs top to bottom
in a kernel (nbclient) without an error and shows no key value; the case map's ScoreCard, its
check and the debrief say after submission that the trainer holds the comparison.

Modules 13 and 14 are the trainer's (they review with the keys) and are left out of a learner
copy, as deploy/jupyterhub/README.md says; they are not run here.
"""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

import powermap_kit as pk
from powermap_kit import course, vocab
from powermap_kit.cases import load_case
from powermap_kit.cli import main
from powermap_kit.hints import set_audience
from powermap_kit.submit import submit_map

ROOT = Path(__file__).parents[1]
LANGS = ("en", "zh")
TRAINER_MODULES = ("13", "14")
#: What a trainer keeps off a shared server, per case folder (the README's list).
WITHHELD = ("key.json", "twist/key.json", "debrief.en.md", "debrief.zh.md", "submissions")
ZH_RUN = ("10", "11", "12", "16")


def _learner_notebooks() -> list[Path]:
    found = []
    for lang in LANGS:
        for path in sorted((ROOT / "notebooks" / lang).glob("*.ipynb")) + sorted((ROOT / "exercises" / lang).glob("*.ipynb")):
            if path.name[:2] in TRAINER_MODULES or (lang == "zh" and path.name[:2] not in ZH_RUN):
                continue
            found.append(path)
    return found


NOTEBOOKS = _learner_notebooks()


def _withhold_all(place: Path) -> tuple[Path, Path]:
    """A cases folder as a trainer ships it to learners, and the hint folder made from the keys."""
    cases, hints = place / "cases", place / "hints"
    shutil.copytree(ROOT / "case_studies", cases)
    for folder in sorted(p.parent for p in cases.glob("*/case.json")):
        assert main(["hints", str(folder / "key.json"), "-o", str(hints / f"{folder.name}.json")]) == 0
        for name in WITHHELD:
            target = folder / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    return cases, hints


@pytest.fixture(scope="module")
def secrets():
    """The key values and texts to look for, read from the checkout before the keys are withheld."""
    return _markers(), _labels()


@pytest.fixture(scope="module")
def withheld(tmp_path_factory):
    return _withhold_all(tmp_path_factory.mktemp("server"))


@pytest.fixture
def server(withheld, tmp_path, monkeypatch):
    cases, hints = withheld
    for name, value in (("POWERMAP_CASES", cases), ("POWERMAP_HINTS", hints), ("POWERMAP_WORK", tmp_path / "work"),
                        ("POWERMAP_LEARNER", "li_na"), ("POWERMAP_AUDIENCE", "learner")):
        monkeypatch.setenv(name, str(value))
    set_audience("learner")
    yield tmp_path / "work"
    set_audience("trainer")


# ---- what a learner must not read --------------------------------------------------------------
def _keys() -> list[pk.PowerMap]:
    out = []
    for case in pk.list_cases():
        out.append(case.key)
        if case.twist_key is not None:
            out.append(case.twist_key)
    return out


def _markers() -> list[str]:
    """Texts only a key or a debrief holds: each person's evidence, the insights' feedback, the
    debriefs' longer lines (their first 40 characters)."""
    texts: list[str] = []
    for key in _keys():
        for p in key.stakeholders:
            texts += [v for v in (p.evidence or {}).values() if isinstance(v, str)]
            for lang in LANGS:
                texts += [v for v in (((p.extra.get("i18n") or {}).get(lang) or {}).get("evidence") or {}).values()
                          if isinstance(v, str)]
        for insight in (key.grading or {}).get("insights") or []:
            texts += [v for v in (insight.get("feedback") or {}).values() if isinstance(v, str)]
    for case in pk.list_cases():
        for lang in LANGS:
            texts += [line.strip("-*> ") for line in case.debrief(lang).splitlines()
                      if not line.startswith("#") and len(line) > 60]
    return sorted({t[:40] for t in texts if len(t) >= 25})


def _labels() -> list[re.Pattern[str]]:
    """Each flagship key's values as a learner check would write them (stage, mode, stance, power)."""
    out: list[re.Pattern[str]] = []
    for slug in ("it-solution", "medical-device"):
        case = load_case(slug)
        for key in (case.key, case.twist_key):
            for lang in LANGS:
                for field in ("stage", "decision_mode"):
                    value = getattr(key.opportunity, field)
                    if value:
                        out.append(re.compile(re.escape(vocab.label(value, field, lang))))
                for p in key.stakeholders:
                    if p.power is not None:
                        out.append(re.compile(rf"(?:power|Power|权力为?) ?{p.power}\b"))
    return out


def _texts(nb) -> list[tuple[str, str]]:
    """(cell source, everything it showed) per code cell, and the widgets' state (feedback panes)."""
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        shown = []
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                pytest.fail(f"{output.get('ename')}: {output.get('evalue')}\n{cell.source[:300]}")
            if "text" in output:
                shown.append(output["text"])
            for mime, value in (output.get("data") or {}).items():
                if mime.startswith("text/"):
                    shown.append(value if isinstance(value, str) else "".join(value))
        out.append((cell.source, "\n".join(shown)))
    state = (nb.metadata.get("widgets") or {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    values = [str(w.get("state", {}).get("value", "")) for w in state.values()]
    out.append(("# widget state", "\n".join(v for v in values if v)))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[str(p.relative_to(ROOT)) for p in NOTEBOOKS])
def test_learner_notebook_runs_with_every_key_withheld(path, secrets, server):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True, store_widget_state=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    texts = _texts(nb)
    markers, labels = secrets
    for source, shown in texts:
        leaked = [m for m in markers if m in shown]
        assert not leaked, f"{path.name}: a key's or debrief's text is shown: {leaked[:3]}\n{source[:200]}"
        # The feedback of a check run in the cell (an exercise's form lists every option: not feedback).
        if re.search(r"check_case|check_twist|ScoreCard|debrief\(|map_picture\(case", source) and "Exercise(" not in source:
            found = [p.pattern for p in labels if p.search(shown)]
            assert not found, f"{path.name}: a key value in a learner check: {found[:3]}\n{shown[:500]}"


def test_learner_cells_do_not_read_a_key():
    """No learner-run cell of a learner notebook or workbook reads a key, a debrief or the samples
    (cells tagged ``solution`` go to the trainer's copies only)."""
    reads = re.compile(r"\.key\b|twist_key|key\.json|submission_paths|\.submission\(|(?<!course)\.debrief\(")
    for path in sorted((ROOT / "notebooks").glob("*/*.ipynb")) + sorted((ROOT / "exercises").glob("*/*.ipynb")):
        if path.name[:2] in TRAINER_MODULES:
            continue
        for cell in json.loads(path.read_text("utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                source = "".join(cell["source"])
                assert not reads.search(source), f"{path.relative_to(ROOT)} reads a key:\n{source[:300]}"


# ---- after submission, without the key --------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", ["it-solution", "medical-device"])
def test_after_submission_without_the_key_the_trainer_holds_the_comparison(slug, lang, server, comms):
    from powermap_kit.widgets import ScoreCard

    case = load_case(slug)
    assert not (case.folder / "key.json").exists()
    pm = case.blank_map()
    pm.add_stakeholder(id="x1", name="asdf")
    before = ScoreCard(pm, case)
    before._on_language(lang)
    pk.set_language(lang)
    try:
        locked_html = unescape(before.to_html())
        assert vocab.text("course.hints.key_withheld", lang=lang) not in locked_html
        path = server / slug / "li_na.json"
        pk.save_map(pm, path)
        submit_map(path)
        card = ScoreCard(pm, case)
        card._on_language(lang)
        html = unescape(card.to_html())
        assert card.withheld and card.hint_result is not None
        assert vocab.text("course.hints.key_withheld", lang=lang) in html
        result = course.check_case_map(pm, case).in_language(lang)
        assert result.hint == vocab.text("course.hints.key_withheld", lang=lang)
        debrief = str(course.debrief(case, lang=lang))
        assert vocab.text("course.hints.debrief_withheld", lang=lang, case=case.title(lang)) in debrief
        shown = course.map_picture(case, lang=lang)
        assert vocab.text("course.hints.key_shown_withheld", lang=lang, case=case.title(lang)) in str(shown)
        trainer = ScoreCard(pm, case, audience="trainer")
        trainer._on_language(lang)
        assert vocab.text("course.hints.key_withheld_trainer", lang=lang) in unescape(trainer.to_html())
    finally:
        pk.set_language("en")


def test_the_learner_scorecard_is_the_same_with_the_key_or_the_hint_file(withheld, tmp_path, monkeypatch, comms):
    """Before submission a learner's ScoreCard reads the same with the key (checkout) as with the
    hint file (withheld)."""
    from powermap_kit.widgets import ScoreCard

    monkeypatch.setenv("POWERMAP_WORK", str(tmp_path))
    monkeypatch.setenv("POWERMAP_LEARNER", "li_na")
    set_audience("learner")
    try:
        with_key = load_case("it-solution")
        pm = with_key.key.copy()
        pm.grading = None
        pm.remove_stakeholder(pm.stakeholders[0].id)
        pm.stakeholders[0].power = 1 if (pm.stakeholders[0].power or 3) > 2 else 5
        shown = ScoreCard(pm, with_key).to_html()
        monkeypatch.setenv("POWERMAP_CASES", str(withheld[0]))
        monkeypatch.setenv("POWERMAP_HINTS", str(withheld[1]))
        card = ScoreCard(pm, load_case("it-solution"))
        assert card.withheld and card.to_html() == shown
    finally:
        set_audience("trainer")


def test_a_case_with_neither_key_nor_hints_says_so(withheld, tmp_path, monkeypatch, comms):
    from powermap_kit.widgets import ScoreCard

    cases = tmp_path / "cases"
    shutil.copytree(withheld[0] / "it-solution", cases / "it-solution")
    monkeypatch.setenv("POWERMAP_CASES", str(cases))
    monkeypatch.delenv("POWERMAP_HINTS", raising=False)
    card = ScoreCard(pk.PowerMap(), load_case("it-solution"))
    assert card.missing is not None
    assert vocab.text("course.hints.no_hints", lang="en", case=load_case("it-solution").title("en")) in unescape(card.to_html())


# ---- the twist's missing person is named by kind --------------------------------------------------
@pytest.mark.parametrize("slug", ["it-solution", "medical-device", "education-software", "equipment-group"])
def test_a_missing_twist_person_is_named_by_the_kind_of_role(slug, tmp_path, monkeypatch):
    from powermap_kit.course.learner import hints_of, role_kind

    monkeypatch.setenv("POWERMAP_WORK", str(tmp_path))
    monkeypatch.setenv("POWERMAP_LEARNER", "li_na")
    set_audience("learner")
    try:
        case = load_case(slug)
        twist = hints_of(case).twist
        pid = next(c["person"] for c in twist.twist_changes() if c.get("person") and role_kind(twist, c["person"]))
        person = case.twist_key.stakeholder(pid)
        updated = case.twist_key.copy()
        updated.grading = None
        updated.remove_stakeholder(pid)
        before = case.key.copy()
        before.grading = None
        result = course.check_twist_update(before, updated, case)
        for lang in LANGS:
            shown = result.in_language(lang)
            wanted = vocab.text(f"course.hints.twist_person_{role_kind(twist, pid)}", lang=lang)
            assert wanted in [text for _, text in shown.lines]
            lines = "\n".join(text for _, text in shown.lines)
            assert person.name not in lines and vocab.text("course.hints.twist_person", lang=lang) not in lines
    finally:
        set_audience("trainer")
