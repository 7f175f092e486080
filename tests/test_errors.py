"""The exception tree: every error a user meets names place, value and allowed set, in both languages."""

import ast
from pathlib import Path

import pandas as pd
import pytest

import powermap_kit as pk
from powermap_kit import errors, vocab
from powermap_kit.analysis import analyse, config
from powermap_kit.cases import load_case
from powermap_kit import course
from powermap_kit.fishbone import GROUPS, fishbone_layout
from powermap_kit.intel import questions_for, suggestions
from powermap_kit.sheets import write_table
from powermap_kit.widgets.mapview import MapView
from powermap_kit.widgets.positions import ARRANGEMENTS, layout_positions
from powermap_kit.widgets.review import ReviewView

PACKAGE = Path(pk.__file__).parent
BUILTINS = {"ValueError", "KeyError", "TypeError", "IndexError", "RuntimeError", "LookupError", "FileNotFoundError",
            "OSError", "Exception"}
# Every module of the package raises through the tree.
CONVERTED = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py"))


def bare_raises(path: Path, root: Path = PACKAGE) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and isinstance(node.exc.func, ast.Name):
            if node.exc.func.id in BUILTINS:
                found.append(f"{path.relative_to(root)}:{node.lineno} {node.exc.func.id}")
    return found


@pytest.mark.parametrize("module", CONVERTED)
def test_no_bare_builtin_raises(module):
    assert bare_raises(PACKAGE / module) == []


def test_the_converted_list_is_not_empty_and_a_bare_raise_is_caught(tmp_path):
    assert len(CONVERTED) >= 30 and all((PACKAGE / m).exists() for m in CONVERTED)
    assert "course/questions.py" in CONVERTED and "widgets/mapview.py" in CONVERTED
    sample = tmp_path / "sample.py"
    sample.write_text('def f(x):\n    if x:\n        raise KeyError(f"{x!r} is not one of a, b")\n', "utf-8")
    assert bare_raises(sample, tmp_path) == ["sample.py:3 KeyError"]


def test_the_tree_is_drawn_and_every_error_derives_from_the_base():
    doc = errors.__doc__
    for name in errors.__all__:
        item = getattr(errors, name)
        if isinstance(item, type) and issubclass(item, Exception):
            assert issubclass(item, errors.PowerMapError), name
            assert name in doc, f"{name} is missing from the tree drawn in errors.py"


CASES = [
    (lambda: pk.set_language("fr"), errors.InvalidValue, ValueError, "lang", "fr", ("en", "zh")),
    (lambda: vocab.label("decider", "role"), errors.UnknownName, KeyError, "role", "decider", vocab.ROLES),
    (lambda: vocab.codes("roles"), errors.UnknownName, KeyError, "kind", "roles", vocab.KINDS),
    (lambda: vocab.text("no.such.text"), errors.UnknownName, KeyError, "text", "no.such.text", ()),
    (lambda: load_case("it-solutions"), errors.UnknownName, KeyError, "case", "it-solutions", None),
    (lambda: config({"risks": {"stale": 3}}), errors.InvalidValue, ValueError, "config.risks.stale", "stale", None),
    (lambda: analyse(pk.PowerMap(), today="20 May"), errors.InvalidValue, ValueError, "today", "20 May", ()),
    (lambda: questions_for(pk.PowerMap(), None, methods=["survey"]), errors.InvalidValue, ValueError, "methods",
     "survey", None),
    (lambda: suggestions(pk.PowerMap(), kinds=["role"]), errors.InvalidValue, ValueError, "kinds", "role", None),
    (lambda: fishbone_layout(pk.PowerMap()).bone("coach"), errors.UnknownName, KeyError, "group", "coach", GROUPS),
    (lambda: layout_positions(pk.PowerMap(), "grid"), errors.InvalidValue, ValueError, "arrangement", "grid",
     ARRANGEMENTS),
    (lambda: course.check_stage("nope", "difficulty"), errors.UnknownName, KeyError, "question", "nope", None),
    (lambda: course.agenda("three_day"), errors.InvalidValue, ValueError, "track", "three_day", None),
    (lambda: course.role_questions("no-such-case"), errors.CasesNotFound, FileNotFoundError, "key", "no-such-case",
     ()),
    (lambda: course.role_questions(pk.PowerMap()), errors.InvalidValue, ValueError, "key", None, ()),
    (lambda: course.Result("maybe", 0.0), errors.InvalidValue, ValueError, "status", "maybe", course.STATUSES),
    (lambda: write_table(pd.DataFrame(), "scores.pdf"), errors.InvalidValue, ValueError, "scores.pdf", ".pdf",
     (".csv", ".xlsx")),
    (lambda: MapView({}), errors.WrongType, TypeError, "map", "dict", ("PowerMap",)),
    (lambda: MapView(pk.PowerMap(), extra_classes="warn"), errors.WrongType, TypeError, "extra_classes", "str", ()),
    (lambda: ReviewView(pk.PowerMap(), pk.PowerMap()), errors.InvalidValue, ValueError, "path", None, ()),
]


@pytest.mark.parametrize("call, kind, builtin, place, value, allowed", CASES)
def test_errors_carry_place_value_allowed_in_both_languages(call, kind, builtin, place, value, allowed):
    with pytest.raises(kind) as caught:
        call()
    error = caught.value
    assert isinstance(error, builtin) and isinstance(error, errors.PowerMapError)
    assert (error.place, error.value) == (place, value)
    if allowed is not None:
        assert error.allowed == tuple(allowed)
    else:
        assert error.allowed
    english, chinese = error.problem.render("en"), error.problem.render("zh")
    assert english != chinese and place in english and place in chinese
    assert str(error) == english  # the current language
    pk.set_language("zh")
    assert str(error) == chinese


def test_a_missing_cases_folder_is_a_tree_error(monkeypatch, tmp_path):
    from powermap_kit import cases

    monkeypatch.setenv("POWERMAP_CASES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cases, "_PACKAGED", tmp_path / "nothing", raising=False)
    monkeypatch.setattr(cases, "_CHECKOUT", tmp_path / "nothing", raising=False)
    with pytest.raises(FileNotFoundError) as caught:
        cases.case_folder()
    assert isinstance(caught.value, errors.CasesNotFound)
    assert "POWERMAP_CASES" in str(caught.value) and str(tmp_path) in str(caught.value)


def test_a_broken_catalog_is_named_even_though_it_cannot_word_the_error():
    error = errors.CatalogError("data/text/x.json", "no_such_code", "key.twice")
    assert str(error) == 'data/text/x.json: no_such_code "key.twice"'
    assert isinstance(error, RuntimeError)
