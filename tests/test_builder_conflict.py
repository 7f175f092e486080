"""Two MapBuilders on one file never overwrite each other, and a failed save is never "Saved".

Issue 12, class 7 (two writers: two real processes, each with its own builder) and the
builder half of class 2 (a save that fails in the autosave thread shows the failure, in
both languages). Both fail on the old builder: the last writer won silently and the
autosave thread died with the status still saying "Saved".
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading

import pytest

import powermap_kit as pk
from powermap_kit.mapfile import Conflict, MapFile

pytest.importorskip("ipywidgets")
from powermap_kit.widgets.builder import MapBuilder  # noqa: E402

BASE = {"format": "powermap/1", "stakeholders": [{"id": "boss", "name": "沈总"}]}

# One process = one kernel with its own builder on the shared path. It adds `count` people,
# saving after each one, and reports where its work ended up.
_WRITER = textwrap.dedent("""
    import json, sys, powermap_kit as pk
    from powermap_kit.widgets.builder import MapBuilder
    path, tag, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    builder = MapBuilder(path=path, autosave_delay=60)
    print("ready", flush=True)
    sys.stdin.readline()                      # both builders have read the file: go
    for i in range(count):
        builder.map.add_stakeholder(id=f"{tag}{i}", name=f"{tag} {i}")
        assert builder.save() is not None, builder.status.value
    print(json.dumps({"path": builder.path, "ids": builder.map.ids, "status": builder.status.value,
                      "conflict": builder.conflict is not None}), flush=True)
""")


def _writers(path, count):
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(path), tag, str(count), "go"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for tag in ("a", "b")]
    try:
        for p in procs:
            assert p.stdout.readline().strip() == "ready"
        for p in procs:
            p.stdin.write("go\n")
            p.stdin.flush()
        results = [json.loads(p.stdout.readline()) for p in procs]
        for p in procs:
            assert p.wait(timeout=120) == 0
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    return results


@pytest.mark.timeout(300)
def test_two_processes_with_builders_on_one_path_never_lose_a_map(tmp_path):
    path = tmp_path / "map.json"
    pk.save_map(pk.load_map(BASE), path)
    results = _writers(path, 60)
    # Each builder's final map is intact in the file it says it saves to.
    for result in results:
        assert pk.load_map(result["path"]).ids == result["ids"]
        assert result["ids"][0] == "boss" and len(result["ids"]) == 61
    # The shared file holds one whole version: one writer's work, never a mix or a loss.
    shared = pk.load_map(path).ids
    assert any(set(shared) <= set(r["ids"]) for r in results)
    # At least one writer met the other's save, kept it, and said so with how to compare.
    conflicted = [r for r in results if r["conflict"]]
    assert conflicted
    for result in conflicted:
        assert result["path"] != str(path) and ".conflict-" in result["path"]
        assert "pk.compare(" in result["status"] and "map.json" in result["status"]
    copies = sorted(p.name for p in tmp_path.iterdir() if ".conflict-" in p.name)
    assert copies and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files


def test_a_second_builder_keeps_the_first_ones_file_and_saves_a_conflict_copy(tmp_path):
    path = tmp_path / "map.json"
    pk.save_map(pk.load_map(BASE), path)
    learner, trainer = MapBuilder(path=path, autosave_delay=60), MapBuilder(path=path, autosave_delay=60)
    learner.map.add_stakeholder(id="cio", name="王伟")
    assert learner.save() == path
    trainer.map.update_stakeholder("boss", stance="support")
    copy = trainer.save()
    assert copy != path and copy.parent == path.parent and copy.suffix == ".json"
    assert pk.load_map(path).ids == ["boss", "cio"]          # the learner's work is kept
    assert pk.load_map(copy).stakeholder("boss").stance == "support"
    conflict = trainer.conflict
    assert isinstance(conflict, Conflict) and conflict.path == path and conflict.copy == copy
    assert conflict.base is not None and [p["id"] for p in conflict.base["stakeholders"]] == ["boss"]
    status = trainer.status.value
    assert "map.json" in status and copy.name in status and "pk.compare(" in status
    # The compare line works as printed.
    import html as _html
    compare = _html.unescape(status).split("Compare the two with ")[1].split("</span>")[0]
    assert "王伟" in eval(compare, {"pk": pk}).text("en")
    pk.set_language("zh")
    try:
        assert "没有覆盖" in trainer.status.value and "pk.compare(" in trainer.status.value
    finally:
        pk.set_language("en")
    # Later saves follow the copy; the learner's file is never touched again.
    trainer.map.add_stakeholder(id="cfo", name="Zhou")
    assert trainer.save() == copy and pk.load_map(copy).ids == ["boss", "cfo"]
    assert pk.load_map(path).ids == ["boss", "cio"]
    learner.close()
    trainer.close()


def test_map_file_without_a_base_never_overwrites_a_file_created_meanwhile(tmp_path):
    path = tmp_path / "map.json"
    mine = MapFile(path)
    pk.save_map(pk.load_map(BASE), path)  # someone else created it after we looked
    outcome = mine.save(pk.load_map({"format": "powermap/1", "stakeholders": []}))
    assert isinstance(outcome, Conflict)
    assert pk.load_map(path).ids == ["boss"]


@pytest.fixture
def thread_errors():
    errors = []
    old = threading.excepthook
    threading.excepthook = lambda args: errors.append(args.exc_value)
    yield errors
    threading.excepthook = old


def _status_shows(builder, text) -> threading.Event:
    """An event set once the builder's status shows ``text`` (set up before the edit)."""
    seen = threading.Event()
    builder.status.observe(lambda change: text in change["new"] and seen.set(), "value")
    return seen


@pytest.mark.parametrize("lang, failed", [("en", "Could not save"), ("zh", "无法保存")])
def test_an_autosave_of_unwritable_text_shows_the_failure_not_saved(tmp_path, thread_errors, lang, failed):
    path = tmp_path / "map.json"
    pk.set_language(lang)
    try:
        builder = MapBuilder(pk.load_map(BASE), path=path, autosave_delay=0.01)
        before = path.read_bytes()
        shown = _status_shows(builder, failed)
        builder.map.meta["author"] = "\ud800"           # behind the editing API
        builder.map.add_stakeholder(id="x", name="X")     # an edit: autosave in its thread
        assert shown.wait(5)
        assert "meta.author" in builder.status.value and "\\ud800" in builder.status.value
        assert "Saved" not in builder.status.value and "已于" not in builder.status.value
        assert path.read_bytes() == before and thread_errors == []
        json.dumps(builder.status.value).encode("utf-8")  # the status can reach the browser
    finally:
        pk.set_language("en")


def test_any_failure_in_the_autosave_thread_is_shown(tmp_path, thread_errors, monkeypatch):
    import powermap_kit.mapfile as mapfile

    path = tmp_path / "map.json"
    builder = MapBuilder(pk.load_map(BASE), path=path, autosave_delay=0.01)

    def broken(*_args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(mapfile, "write_bytes_atomic", broken)
    shown = _status_shows(builder, "disk on fire")
    builder.map.add_stakeholder(id="x", name="X")
    assert shown.wait(5)
    assert "Could not save" in builder.status.value and thread_errors == []
    monkeypatch.undo()
    assert builder.save() == path and "Saved to" in builder.status.value
