"""Hostile input to the core (issue 12, classes 2-5 and 8): every one fails on the old code.

Text that cannot be written (broken surrogates, control characters, invisible names),
numbers out of every bound, duplicate JSON keys, files that are not regular files or are
too big, and saving that keeps a file's mode, follows symlinks and leaves no temp files
even when the saving process is killed.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time

import pytest

import powermap_kit as pk
from powermap_kit import vocab
from powermap_kit.errors import MapFormatError
from powermap_kit.grading import load_key
from powermap_kit.io import DEFAULT_MAX_MB, max_bytes
from powermap_kit.validation import validate_data


def _map(**person) -> dict:
    return {"format": "powermap/1", "stakeholders": [{"id": "a", "name": "王伟", **person}]}


def _codes(data) -> list[tuple[str, str]]:
    return [(p.place, p.code) for p in validate_data(data)]


def _both_languages(problems) -> None:
    for problem in problems:
        for lang in ("en", "zh"):
            text = problem.render(lang)
            text.encode("utf-8")  # printable: no broken surrogate reaches a message
            assert not any(ord(ch) < 32 for ch in text), text


# ---- class 2: text that cannot be written -------------------------------------------------

@pytest.mark.parametrize("bad, code", [("\ud800", "surrogate"), ("Wang\x00Wei", "control_char"),
                                       ("x\x1b[2J", "control_char"), ("a\x9bb", "control_char"),
                                       ("a\x7f", "control_char")])
@pytest.mark.parametrize("where", ["name", "notes", "title", "x_extension"])
def test_unwritable_text_is_rejected_with_place_and_value(bad, code, where):
    problems = validate_data(_map(**{where: bad}))
    assert [(p.place, p.code) for p in problems] == [(f"stakeholders[0].{where}", code)]
    text = problems[0].render("en")
    assert "stakeholders[0]." + where in text and "U+" in text
    _both_languages(problems)


def test_bad_text_is_found_in_every_part_of_a_map_and_in_keys():
    data = {"format": "powermap/1", "account": {"name": "A\x00"}, "opportunity": {"competitors": ["\udc00"]},
            "stakeholders": [{"id": "a", "name": "A", "evidence": {"stance": "ok\x07"}},
                             {"id": "b", "name": "B"}],
            "relationships": [{"source": "a", "target": "b", "type": "ally", "note": "\x00"}],
            "coverage": [{"stakeholder": "a", "owner": "me\x01"}],
            "meta": {"author": "\x1b]0;pwned\x07", "deep": [{"x": ["\ud83d"]}]},
            "grading": {"notes": "\x00"}, "x_ext\x00": 1}
    places = [place for place, _ in _codes(data)]
    assert set(places) == {"account.name", "opportunity.competitors[0]", "stakeholders[0].evidence.stance",
                           "relationships[0].note", "coverage[0].owner", "meta.author", "meta.deep[0].x[0]",
                           "grading.notes", "x_ext\\u0000"}


def test_tab_and_line_breaks_are_allowed_in_free_text_only():
    assert validate_data(_map(notes="line 1\nline 2\r\n\tindented", needs=["a\nb"])) == []
    assert _codes(_map(title="CIO\nCFO")) == [("stakeholders[0].title", "control_char")]
    assert _codes(_map(notes="overwritten\rline")) == [("stakeholders[0].notes", "control_char")]
    assert _codes({**_map(), "meta": {"author": "a\tb"}}) == [("meta.author", "control_char")]


@pytest.mark.parametrize("name", ["\u200b", "\ufeff", "\u200b \u200d\u2060", "\u3164", "\u00ad", " \u200e "])
def test_names_of_only_invisible_characters_are_rejected_like_empty_names(name):
    problems = validate_data(_map(name=name))
    assert [(p.place, p.code) for p in problems] == [("stakeholders[0].name", "invisible")]
    assert "U+" in problems[0].render("en")  # the invisible characters are named
    _both_languages(problems)
    assert validate_data(_map(name="王\u200b伟")) == []  # inside a visible name they are fine


def test_edits_with_unwritable_text_are_refused_and_save_map_never_writes_them(tmp_path):
    pm = pk.load_map(_map())
    with pytest.raises(MapFormatError):
        pm.add_stakeholder(name="Li\x00Na")
    with pytest.raises(MapFormatError):
        pm.update_stakeholder("a", notes="\ud800")
    pm.meta["author"] = "\udfff"  # behind the editing API
    with pytest.raises(MapFormatError) as err:
        pk.save_map(pm, tmp_path / "m.json")
    assert err.value.problems[0].place == "meta.author"
    assert not (tmp_path / "m.json").exists()
    str(err.value).encode("utf-8")


def test_a_file_with_escaped_bad_text_is_refused_on_load(tmp_path):
    path = tmp_path / "m.json"
    path.write_text('{"format": "powermap/1", "stakeholders": [{"id": "a", "name": "\\ud800\\u0000"}]}', "utf-8")
    with pytest.raises(MapFormatError) as err:
        pk.load_map(path)
    assert [(p.place, p.code) for p in err.value.problems] == [("stakeholders[0].name", "surrogate")]


# ---- class 3: numbers ---------------------------------------------------------------------

def test_huge_values_are_clean_problems_with_place(tmp_path):
    path = tmp_path / "m.json"
    path.write_text('{"format": "powermap/1", "opportunity": {"value": %s}, "stakeholders": '
                    '[{"id": "a", "name": "A", "power": %s, "support": {"trust": 1e308}}], "x": -%s}'
                    % ("9" * 400, "1" * 5000, "7" * 30), "utf-8")
    problems = pk.validate_file(path)
    assert [(p.place, p.code) for p in problems] == [
        ("opportunity.value", "number_too_long"), ("stakeholders[0].power", "number_too_long"),
        ("stakeholders[0].support.trust", "out_of_range"), ("x", "too_large")]
    text = "\n".join(p.render(lang) for p in problems for lang in ("en", "zh"))
    assert "400 digits" in text and "5000 digits" in text and "set_int_max_str_digits" not in text
    json.dumps([p.to_dict() for p in problems])  # the CLI's --format json can print them
    path.write_text('{"format": "powermap/1", "opportunity": {"value": %s}, "stakeholders": []}' % ("9" * 400),
                    "utf-8")
    problems = pk.validate_file(path)
    assert [(p.place, p.code) for p in problems] == [("opportunity.value", "number_too_long")]  # alone too
    assert "400 digits" in problems[0].render("en") and "400" in problems[0].render("zh")


@pytest.mark.parametrize("value, ok", [(10**15, True), (10**15 + 1, False), (1e300, False), (10**400, False),
                                       (0.5, True), (-1, False)])
def test_opportunity_value_is_bounded(value, ok):
    problems = validate_data({"format": "powermap/1", "stakeholders": [], "opportunity": {"value": value}})
    assert (problems == []) is ok
    for problem in problems:
        assert problem.place == "opportunity.value"
        assert len(problem.render("en")) < 200


def test_numbers_in_extension_keys_are_bounded_and_finite():
    data = {**_map(x_pos={"x": 2**53 + 1, "y": float("inf")}), "x_ok": [2**53, -1.5e15]}
    assert _codes(data) == [("stakeholders[0].x_pos.x", "too_large"), ("stakeholders[0].x_pos.y", "not_finite")]


def test_huge_key_weights_are_rejected_instead_of_zeroing_every_score():
    key = {"format": "powermap/1", "stakeholders": [{"id": "a", "name": "A", "roles": ["user"]}],
           "grading": {"weights": {"roles": 1e308, "people": 1e308}}}
    with pytest.raises(MapFormatError) as err:
        load_key(key)
    assert {(p.place, p.code) for p in err.value.problems} == {("grading.weights.roles", "too_large"),
                                                               ("grading.weights.people", "too_large")}
    ok = load_key({**key, "grading": {"weights": {"roles": 1000}}})
    assert pk.grade(ok.map, ok).total == 100


# ---- class 4: duplicate keys ---------------------------------------------------------------

def test_duplicate_keys_at_any_depth_are_rejected_with_place(tmp_path):
    path = tmp_path / "m.json"
    path.write_text('{"format": "powermap/1", "stakeholders": [{"id": "a", "name": "A", "support": '
                    '{"trust": 1, "trust": 5}}], "meta": {"x": [{"k": 1, "k": 2}]}, "stakeholders": []}', "utf-8")
    problems = pk.validate_file(path)
    assert [(p.place, p.code, p.value) for p in problems] == [
        ("stakeholders", "duplicate_key", "stakeholders"),
        ("stakeholders[0].support.trust", "duplicate_key", "trust"),  # inside the list that lost
        ("meta.x[0].k", "duplicate_key", "k")]
    with pytest.raises(MapFormatError):
        pk.loads(path.read_text("utf-8"))
    _both_languages(problems)


# ---- class 5: non-regular and huge files ---------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_at_once_in_a_real_cli_process(tmp_path):
    fifo = tmp_path / "map.json"
    os.mkfifo(fifo)
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "powermap_kit", "validate", str(fifo)], capture_output=True,
                          text=True, timeout=60)
    assert time.monotonic() - start < 30
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "not a regular file" in done.stdout
    with pytest.raises(MapFormatError):
        pk.load_map(fifo)


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/urandom"])
def test_devices_and_folders_are_refused(path, tmp_path):
    if not os.path.exists(path):
        pytest.skip(f"no {path}")
    for source in (path, tmp_path):
        problems = pk.validate_file(source)
        assert [p.code for p in problems] == ["not_regular_file"]
        _both_languages(problems)


def test_files_over_the_size_limit_are_refused_and_the_limit_can_be_changed(tmp_path, monkeypatch):
    path = tmp_path / "big.json"
    data = {"format": "powermap/1", "stakeholders": [], "meta": {"notes": "x" * 3_000_000}}
    path.write_text(json.dumps(data), "utf-8")
    assert max_bytes() == DEFAULT_MAX_MB * 1_000_000
    assert pk.validate_file(path) == []
    monkeypatch.setenv("POWERMAP_MAX_MB", "2")
    problems = pk.validate_file(path)
    assert [p.code for p in problems] == ["file_too_big"]
    assert "POWERMAP_MAX_MB" in problems[0].render("en") and "POWERMAP_MAX_MB" in problems[0].render("zh")
    assert pk.validate_file(path, limit=4_000_000) == []
    assert pk.load_map(path, limit=4_000_000).meta["notes"]
    monkeypatch.setenv("POWERMAP_MAX_MB", "lots")
    assert [p.code for p in pk.validate_file(path)] == ["bad_size_limit"]


# ---- class 8: saving ----------------------------------------------------------------------

def test_save_keeps_a_private_files_mode(tmp_path):
    path = tmp_path / "m.json"
    pk.save_map(pk.load_map(_map()), path)
    os.chmod(path, 0o600)
    pk.save_map(pk.load_map(_map(power=3)), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert pk.load_map(path).stakeholder("a").power == 3


def test_save_writes_through_a_symlink(tmp_path):
    real = tmp_path / "shared" / "real.json"
    real.parent.mkdir()
    pk.save_map(pk.load_map(_map()), real)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    pk.save_map(pk.load_map(_map(stance="support")), link)
    assert link.is_symlink()
    assert pk.load_map(real).stakeholder("a").stance == "support"
    assert sorted(p.name for p in real.parent.iterdir()) == ["real.json"]


_SAVER = textwrap.dedent("""
    import sys, powermap_kit as pk
    from powermap_kit import atomic
    if sys.argv[2] == "named":
        atomic._write_unnamed = lambda *args: False   # the portable way: a named temporary file
    real = atomic._prepare
    def slow(fd, data, mode):                         # announce, then write slowly: killed mid-write
        print("writing", flush=True)
        import time; time.sleep(60)
        real(fd, data, mode)
    atomic._prepare = slow
    pm = pk.load_map({"format": "powermap/1", "stakeholders": [{"id": f"p{i}", "name": "x" * 100} for i in range(3000)]})
    pk.save_map(pm, sys.argv[1])
""")


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")
@pytest.mark.parametrize("way", ["unnamed", "named"])
def test_a_save_killed_mid_write_leaves_the_old_file_and_no_temp_file(tmp_path, way):
    path = tmp_path / "map.json"
    pk.save_map(pk.load_map(_map()), path)
    before = path.read_bytes()
    saver = subprocess.Popen([sys.executable, "-c", _SAVER, str(path), way], stdout=subprocess.PIPE, text=True)
    try:
        assert saver.stdout.readline().strip() == "writing"
        os.kill(saver.pid, signal.SIGKILL)
    finally:
        saver.wait(timeout=30)
    assert path.read_bytes() == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "map.json"]
    if way == "unnamed":
        assert leftovers == []  # the content was never given a name in the folder
    else:
        assert len(leftovers) == 1  # a named temporary file: removed by the next save
        old = time.time() - 3600
        os.utime(tmp_path / leftovers[0], (old, old))
    pk.save_map(pk.load_map(_map(power=2)), path)
    assert [p.name for p in tmp_path.iterdir()] == ["map.json"]


def test_a_temp_file_being_written_by_a_live_process_is_never_removed(tmp_path):
    from powermap_kit import atomic

    path = tmp_path / "map.json"
    busy = tmp_path / f".map.json.{atomic.TEMP_MARK}-abc"
    busy.write_text("half", "utf-8")
    fd = os.open(busy, os.O_RDONLY)
    try:
        import fcntl
        fcntl.flock(fd, fcntl.LOCK_EX)
        pk.save_map(pk.load_map(_map()), path)
        assert busy.exists()
    finally:
        os.close(fd)
    pk.save_map(pk.load_map(_map()), path)
    assert not busy.exists()


def test_texts_for_the_new_problems_exist_in_both_languages():
    for code in ("control_char", "surrogate", "invisible", "too_large", "number_too_long", "duplicate_key",
                 "not_regular_file", "file_too_big", "bad_size_limit", "not_json_value"):
        assert vocab.text(f"problem.{code}", lang="en") != vocab.text(f"problem.{code}", lang="zh")
