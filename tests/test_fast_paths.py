"""The fast paths of loading and grading give exactly what the careful paths give.

``read_json_clean`` reads as ``read_json`` does and may only call data clean when the
walk for bad characters and numbers would find nothing; the CLI loads only the subcommand it runs; the
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
