"""The fast paths of loading and grading give exactly what the careful paths give.

``read_json_clean`` reads as ``read_json`` does and may only call data clean when the
walk for bad characters and numbers would find nothing; a file is graded on a view of its data
as its map would be; the CLI loads only the subcommand it runs (and ``score`` only what it uses); the
package's public names load on first use.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import powermap_kit
from powermap_kit import io
from powermap_kit.validation import validate_data

TRICKY = [
    '{"a": 1, "a": 2}',                       # a repeated key
    '{"a": 1, "a" : 2}',                      # ... written with a space before the colon
    '{"b": {"x": 1, "x": {"y": 1}}, "c": "he said \\"x\\": y"}',
    '{"n": ' + "1" * 101 + "}",               # an overlong number
    '{"n": -' + "1" * 101 + "}",
    '{"n": NaN}', '{"n": -Infinity}', '{"n": 1e400}', '{"n": 1.5}', '{"n": 123456789012345}',
    '{"s": "Infinity and NaN are words"}',
    '{"a": [1, 2, {"k": "v"}], "b": null, "c": true}',
    '{"a": 1,}', "[1, 2", "", "\ufeff{}",
]


@pytest.mark.parametrize("text", TRICKY)
def test_read_json_clean_reads_as_read_json_does(tmp_path, text):
    f = tmp_path / "m.json"
    f.write_text(text, "utf-8")
    data, problems, clean = io.read_json_clean(f)
    want, want_problems = io.read_json(f)
    assert json.dumps(data, default=repr) == json.dumps(want, default=repr)
    assert [p.to_dict() for p in problems] == [p.to_dict() for p in want_problems]
    if clean:
        assert not problems and validate_data(data, clean=True) == validate_data(data)


def test_repeated_keys_are_still_found(tmp_path):
    f = tmp_path / "dup.json"
    f.write_text('{"format": "powermap/1", "stakeholders": [{"id": "a", "name" : "x", "name": "y"}]}')
    assert [p.code for p in io.validate_file(f)] == ["duplicate_key"]
    data, problems, clean = io.read_json_clean(f)
    assert data is None and [p.code for p in problems] == ["duplicate_key"] and not clean


@pytest.mark.parametrize("value, clean", [
    ("Li Ming", True), ("王伟", True), ("a\\nb", False), ("\\u0007", False), ("\\u738b", False),
    ("\u0085", False), ("\\\\ back", True),
])
def test_clean_only_when_the_walk_would_find_nothing(tmp_path, value, clean):
    f = tmp_path / "m.json"
    f.write_text('{"format": "powermap/1", "stakeholders": [{"id": "a", "name": "x", "notes": "%s"}]}' % value,
                 "utf-8")
    data, problems, found = io.read_json_clean(f)
    assert not problems and found is clean
    assert validate_data(data, clean=found) == validate_data(data)


@pytest.mark.parametrize("number", ["9007199254740993", "-9007199254740993", "1e16", "9.1e15"])
def test_numbers_beyond_the_limit_are_never_called_clean(tmp_path, number):
    f = tmp_path / "m.json"
    f.write_text('{"format": "powermap/1", "stakeholders": [], "x-n": %s}' % number)
    data, problems, clean = io.read_json_clean(f)
    assert not problems and not clean
    assert [p.code for p in validate_data(data)] == ["too_large"]


def test_score_loads_only_its_own_subcommand():
    code = ("import sys; from powermap_kit.cli import _parser; _parser(['score', '--key', 'k', 's']);"
            "print(sorted(m for m in sys.modules if m.startswith('powermap_kit.cli.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "powermap_kit.cli.score" in out and "powermap_kit.cli.collect" not in out
    help_text = subprocess.run([sys.executable, "-m", "powermap_kit", "--help"], capture_output=True,
                               text=True).stdout
    for name in ("validate", "analyse", "score", "review", "import", "export", "collect"):
        assert name in help_text


def test_package_names_load_on_first_use():
    code = ("import sys, powermap_kit as pk; before = 'powermap_kit.analysis' in sys.modules;"
            "pk.analyse; print(before, 'powermap_kit.analysis' in sys.modules, pk.grading.__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True", "powermap_kit.grading"]
    assert set(powermap_kit.__all__) == set(powermap_kit._ORIGIN)
    assert set(powermap_kit.__all__) <= set(dir(powermap_kit))
    with pytest.raises(AttributeError):
        powermap_kit.no_such_name  # noqa: B018


def test_score_imports_no_cohort_export_or_zip_support(tmp_path):
    key = tmp_path / "key.json"
    key.write_text(json.dumps({"format": "powermap/1", "stakeholders": [{"id": "a", "name": "Li Ming"}]}))
    sub = tmp_path / "sub.json"
    sub.write_text(json.dumps({"format": "powermap/1", "stakeholders": [{"id": "x", "name": "li ming"}]}))
    code = ("import sys, io, contextlib; from powermap_kit.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main(['score', '--key', {str(key)!r}, {str(sub)!r}, '--format', 'json'])\n"
            "print(' '.join(sorted(sys.modules)))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert "powermap_kit.grading.batch" in loaded
    for name in ("powermap_kit.grading.cohort", "powermap_kit.sheets", "importlib.resources", "zipfile", "difflib",
                 "secrets"):  # (datetime comes with orjson, the fast JSON reader)
        assert name not in loaded


def test_grading_names_load_on_first_use():
    import powermap_kit.grading as grading

    assert set(grading.__all__) == set(grading._ORIGIN) | {"GradeResult", "grade"}
    assert callable(grading.grade) and grading.cohort_summary.__module__ == "powermap_kit.grading.cohort"
    with pytest.raises(AttributeError):
        grading.no_such_name  # noqa: B018


def test_a_graded_file_is_graded_as_its_map_is(tmp_path):
    """A file is graded on a read-only view of its data; the result equals grading the map,
    and the map is built when asked for."""
    from powermap_kit.grading import grade, load_key
    from powermap_kit.grading.view import MapView
    from powermap_kit.model import PowerMap

    key = load_key({"format": "powermap/1", "opportunity": {"stage": "evaluating"},
                    "stakeholders": [{"id": "dean", "name": "李明", "title": "Dean", "roles": ["decision_maker"],
                                      "power": 5, "stance": "support", "coach": True},
                                     {"id": "it", "name": "Zhao Jun", "roles": ["evaluator", "user"], "power": 2},
                                     {"id": "cfo", "name": "Han Jing", "title": "CFO", "stance": "oppose"}],
                    "relationships": [{"source": "it", "target": "dean", "type": "reports_to"},
                                      {"source": "cfo", "target": "dean", "type": "conflict"}],
                    "grading": {"aliases": {"dean": ["Li Ming"]}}})
    data = {"format": "powermap/1", "opportunity": {"stage": "decision"}, "meta": {"author": "t1"},
            "stakeholders": [{"id": "p1", "name": "LI MING", "roles": ["approver"], "power": 3, "stance": "champion"},
                             {"id": "p2", "name": "zhao jun", "roles": ["user"], "coach": True},
                             {"id": "p3", "name": "Sun Li", "title": "CFO", "stance": "neutral"}],
            "relationships": [{"source": "p1", "target": "p2", "type": "reports_to"},
                              {"source": "p3", "target": "p1", "type": "ally"}]}
    path = tmp_path / "sub.json"
    path.write_text(json.dumps(data), "utf-8")
    from_file = grade(path, key, lang="en")
    from_map = grade(PowerMap.from_dict(data), key, lang="en")
    assert isinstance(from_file.__dict__["_map"], MapView)  # not built yet
    assert from_file.people == from_map.people
    assert {**from_file.to_dict(), "file": None} == from_map.to_dict()
    assert from_file.lines("zh") == from_map.lines("zh")
    assert isinstance(from_file.map, PowerMap) and from_file.map.to_dict() == PowerMap.from_dict(data).to_dict()


def test_is_invisible_is_the_visible_char_pattern():
    import re

    from powermap_kit import values

    pattern = re.compile(values.VISIBLE_CHAR)
    chars = [chr(c) for c in range(0x3200)] + [chr(c) for c in range(0x3200, 0x110000, 97)]
    chars += [c for c in values._NOTHING_CHARS] + ["\ufeff", "\uffa0", "\uffa1", "\U000e0001"]
    for ch in chars:
        assert values.is_invisible(ch) == (pattern.search(ch) is None), repr(ch)
    for text in ["", " \u200b\u3000", "\u3164x", "王伟", "\u2800 \ufe0f"]:
        assert values.is_invisible(text) == (pattern.search(text) is None), repr(text)
