"""The builder's Merge action (issue 15, item 4): two writers on one file, then a three-way merge.

Two builders (and, in one test, two processes) edit one map file. The second to save gets a
conflict copy and a Merge button; merging keeps both writers' changes in the shared file
when nothing conflicts, and lists the conflicts (in the current language) otherwise,
leaving the map as it was until they are decided.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

import powermap_kit as pk

pytest.importorskip("ipywidgets")
from powermap_kit.widgets.builder import MapBuilder  # noqa: E402

BASE = {"format": "powermap/1", "stakeholders": [{"id": "cio", "name": "王伟", "stance": "neutral"},
                                                 {"id": "cfo", "name": "周敏", "power": 3}]}


@pytest.fixture
def shared(tmp_path):
    path = tmp_path / "account.json"
    pk.save_map(pk.load_map(BASE), path)
    yield path
    pk.set_language("en")


def two_builders(path):
    return MapBuilder(path=path, autosave_delay=60), MapBuilder(path=path, autosave_delay=60)


def test_merge_without_conflicts_keeps_both_writers_changes_in_the_shared_file(shared):
    a, b = two_builders(shared)
    assert a.merge_button.layout.display == "none"
    a.map.update_stakeholder("cio", stance="support")
    a.map.add_stakeholder(id="ceo", name="李明")
    assert a.save() == shared
    b.map.update_stakeholder("cfo", power=5)
    copy = b.save()
    assert copy != shared and b.conflict is not None
    assert b.merge_button.layout.display is None and b.merge_button.description == "Merge"
    result = b.merge()
    assert result is not None and result.resolved
    on_disk = pk.load_map(shared)
    for pm in (on_disk, b.map):
        assert pm.ids == ["cio", "cfo", "ceo"]
        assert (pm.stakeholder("cio").stance, pm.stakeholder("cfo").power) == ("support", 5)
    assert b.path == str(shared) and b.conflict is None and b.merge_button.layout.display == "none"
    assert "Merged" in b.status.value
    # B keeps saving to the shared file; A, whose base is now old, gets a conflict copy in turn.
    b.map.update_stakeholder("ceo", power=4)
    assert b.save() == shared and pk.load_map(shared).stakeholder("ceo").power == 4
    assert b.undo() and "ceo" not in b.map and b.redo() and "ceo" in b.map  # the merge is one undo step
    a.map.update_stakeholder("cio", title="CIO")
    assert a.save() != shared and a.merge().resolved and a.map.stakeholder("ceo").power == 4
    a.close(), b.close()


def test_merge_with_conflicts_lists_them_in_both_languages_and_changes_nothing(shared):
    a, b = two_builders(shared)
    a.map.update_stakeholder("cio", stance="oppose")
    a.map.remove_stakeholder("cfo")
    a.save()
    b.map.update_stakeholder("cio", stance="champion")
    b.map.update_stakeholder("cfo", power=4)
    copy = b.save()
    before = b.map.to_dict()
    result = b.merge()
    assert result is not None and {c.place for c in result.conflicts} == {"stakeholders[cio].stance",
                                                                          "stakeholders[cfo]"}
    assert b.map.to_dict() == before and b.path == str(copy)
    assert pk.load_map(shared).stakeholder("cio").stance == "oppose"  # their file untouched
    assert "2 conflict(s)" in b.status.value
    rows = b.merge_choices.children
    assert len(rows) == 3  # one row per conflict, then "merge with these choices"
    assert 'data-place="stakeholders[cio].stance"' in rows[0].children[1].value
    assert "Stance" in rows[0].children[1].value and "Champion" in rows[0].children[1].value
    assert [label for label, _ in rows[0].children[0].options] == ["Keep mine", "Take theirs"]
    rows[1].children[0].value = "theirs"  # the person they removed: take their removal
    pk.set_language("zh")
    assert "2 处冲突" in b.status.value and b.merge_button.description == "合并"
    rows = b.merge_choices.children
    assert "态度" in rows[0].children[1].value and "对方删除了" in rows[1].children[1].value
    assert rows[1].children[0].value == "theirs" and rows[1].children[0].options[0][0] == "保留我的"
    rows[2].click()  # merge with these choices: mine for the stance, theirs for the removal
    assert b.conflict is None and b.merge_choices.children == ()
    on_disk = pk.load_map(shared)
    assert on_disk.ids == ["cio"] and on_disk.stakeholder("cio").stance == "champion" and b.map.ids == ["cio"]
    assert b.merge() is None and "没有可合并" in b.status.value
    a.close(), b.close()


def test_a_decision_can_be_given_in_python_too(shared):
    a, b = two_builders(shared)
    a.map.update_stakeholder("cfo", power=1)
    a.save()
    b.map.update_stakeholder("cfo", power=4)
    b.save()
    assert not b.merge().resolved
    assert b.merge({"stakeholders[cfo].power": 2}).resolved  # a value of one's own
    assert pk.load_map(shared).stakeholder("cfo").power == 2
    a.map.update_stakeholder("cio", power=2)
    assert a.save() != shared and a.merge_button.layout.display is None
    assert a.save(shared.with_name("elsewhere.json")) and a.merge_button.layout.display == "none"
    a.close(), b.close()


_WRITER = textwrap.dedent("""
    import sys, powermap_kit as pk
    from powermap_kit.widgets.builder import MapBuilder
    path, name = sys.argv[1], sys.argv[2]
    builder = MapBuilder(path=path, autosave_delay=60)
    print("ready", flush=True)
    sys.stdin.readline()
    builder.map.add_stakeholder(id=name, name=name)
    builder.save()
    if builder.conflict is not None:
        result = builder.merge()
        print("merged" if result.resolved else "conflicts", builder.path, flush=True)
    else:
        print("saved", builder.path, flush=True)
""")


@pytest.mark.timeout(300)
def test_two_processes_each_adding_a_person_end_with_both_in_the_shared_file(shared):
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(shared), name], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) for name in ("ma_lin", "zhao_jun")]
    try:
        for p in procs:
            assert p.stdout.readline().strip() == "ready"
        outcomes = []
        for p in procs:  # one after the other: the second meets the first's save
            p.stdin.write("go\n")
            p.stdin.flush()
            outcomes.append(p.stdout.readline().split())
            assert p.wait(timeout=120) == 0
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    assert outcomes == [["saved", str(shared)], ["merged", str(shared)]]
    assert pk.load_map(shared).ids == ["cio", "cfo", "zhao_jun", "ma_lin"]  # mine first, then theirs
