"""``powermap merge BASE MINE THEIRS --out F``: exit 0 and written when clean, 1 with conflicts."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from budget import examples

import powermap_kit as pk
from powermap_kit.cli import main

BASE = {"format": "powermap/1", "stakeholders": [{"id": "cio", "name": "王伟", "stance": "neutral", "power": 3},
                                                 {"id": "cfo", "name": "周敏"}]}


def versions(tmp_path, mine_edit, theirs_edit):
    base = pk.load_map(BASE)
    mine, theirs = base.copy(), base.copy()
    mine_edit(mine)
    theirs_edit(theirs)
    paths = []
    for name, pm in (("base", base), ("mine", mine), ("theirs", theirs)):
        paths.append(str(pk.save_map(pm, tmp_path / f"{name}.json")))
    return paths


def test_clean_merge_writes_both_sides_changes(tmp_path, capsys):
    paths = versions(tmp_path, lambda m: m.update_stakeholder("cio", stance="support"),
                     lambda t: t.add_stakeholder(id="ceo", name="李明"))
    out = tmp_path / "merged.json"
    assert main(["merge", *paths, "--out", str(out)]) == 0
    assert f"3 people, written to {out}" in capsys.readouterr().out
    merged = pk.load_map(out)
    assert merged.ids == ["cio", "cfo", "ceo"] and merged.stakeholder("cio").stance == "support"


def test_conflicts_are_printed_and_nothing_is_written_unless_a_side_is_preferred(tmp_path, capsys):
    paths = versions(tmp_path, lambda m: m.update_stakeholder("cio", power=5),
                     lambda t: (t.update_stakeholder("cio", power=1), t.remove_stakeholder("cfo")))
    out = tmp_path / "merged.json"
    assert main(["--lang", "zh", "merge", *paths, "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert "有 1 处冲突" in captured.out
    assert "stakeholders[cio].power: 王伟的权力大小：原为 3，你改成 5，对方改成 1" in captured.out
    assert "--prefer" in captured.err and not out.exists()
    assert main(["merge", *paths, "--out", str(out), "--prefer", "theirs"]) == 0
    assert "theirs kept at 1 conflict" in capsys.readouterr().out
    merged = pk.load_map(out)
    assert merged.ids == ["cio"] and merged.stakeholder("cio").power == 1


def test_json_output_and_bad_input_as_a_process(tmp_path):
    paths = versions(tmp_path, lambda m: m.update_stakeholder("cfo", title="CFO"),
                     lambda t: t.update_stakeholder("cfo", title="财务总监"))
    run = subprocess.run([sys.executable, "-m", "powermap_kit", "merge", *paths, "--out", str(tmp_path / "m.json"),
                          "--format", "json"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    [conflict] = json.loads(run.stdout)
    assert conflict["place"] == "stakeholders[cfo].title" and conflict["theirs"] == "财务总监"
    assert set(conflict["text"]) == {"en", "zh"}
    (tmp_path / "broken.json").write_text("{", "utf-8")
    assert main(["merge", paths[0], paths[1], str(tmp_path / "broken.json"), "--out", str(tmp_path / "x.json")]) == 1
    assert not (tmp_path / "x.json").exists()


def test_a_conflict_is_one_line_whatever_the_notes_hold_and_a_folder_as_out_is_one_line(tmp_path, capsys):
    paths = versions(tmp_path, lambda m: m.update_stakeholder("cio", notes="line one\nline two"),
                     lambda t: t.update_stakeholder("cio", notes="stakeholders[cfo].power: fake\r\n总监"))
    assert main(["merge", *paths, "--out", str(tmp_path / "m.json")]) == 1
    printed = "".join(capsys.readouterr())
    [line] = [x for x in printed.splitlines() if x.startswith("stakeholders[")]
    assert line.startswith("stakeholders[cio].notes: ") and "line one ⏎ line two" in line and "fake ⏎ 总监" in line
    assert main(["merge", *paths, "--out", str(tmp_path), "--prefer", "mine"]) in (1, 2)
    err = capsys.readouterr().err
    assert str(tmp_path) in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=120), st.builds(
    lambda doc: json.dumps(doc).encode(), st.recursive(st.none() | st.integers() | st.text(max_size=6),
                                                       lambda inner: st.lists(inner, max_size=3)
                                                       | st.dictionaries(st.sampled_from(
                                                           ["format", "stakeholders", "id", "name", "source"]),
                                                           inner, max_size=3), max_leaves=8))))
def test_any_file_as_theirs_is_merged_or_refused_in_lines_never_a_traceback(tmp_path, data):
    paths = versions(tmp_path, lambda m: None, lambda t: None)
    (tmp_path / "theirs.json").write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["merge", *paths, "--out", str(tmp_path / "m.json")])
    printed = out.getvalue() + err.getvalue()
    assert code in (0, 1) and "Traceback" not in printed and "internal error" not in printed, printed
