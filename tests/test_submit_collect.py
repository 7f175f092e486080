"""Submit a case map, and collect a room's work from a folder or a (stand-in) hub's REST API."""

from __future__ import annotations

import csv
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import powermap_kit as pk
from powermap_kit.cli import main
from powermap_kit.collect import collect_folder, collect_hub
from powermap_kit.errors import HubError, MapFormatError
from powermap_kit.submit import submit_map, submitted_path, work_status


def _map(*names: str) -> pk.PowerMap:
    pm = pk.PowerMap()
    for n in names:
        pm.add_stakeholder(name=n, stance="neutral")
    return pm


def test_submit_freezes_a_copy_and_later_edits_stay_in_the_draft(tmp_path):
    draft = tmp_path / "it-solution" / "li_na.json"
    pk.save_map(_map("Wang Wei"), draft)
    frozen = submit_map(draft, now="2026-05-20T10:00:00+00:00")
    assert frozen == submitted_path(draft) == tmp_path / "it-solution" / "submitted" / "li_na.json"
    assert pk.load_map(frozen).meta["submitted"] == "2026-05-20T10:00:00+00:00"
    pk.save_map(_map("Wang Wei", "Zhao Lei"), draft)          # the learner keeps editing
    assert len(pk.load_map(frozen).stakeholders) == 1
    st = work_status(draft)
    assert (st.status, st.submitted, st.people) == ("submitted", "2026-05-20T10:00:00+00:00", 2)
    assert st.label("zh") == "已提交"


def test_submit_a_map_in_memory_stamps_it_so_autosave_keeps_the_stamp(tmp_path):
    pm = _map("Wang Wei")
    with pytest.raises(pk.InvalidValue, match="path"):
        submit_map(pm)
    submit_map(pm, tmp_path / "a.json", now="2026-05-20T11:00:00+00:00")
    assert pm.meta["submitted"] == "2026-05-20T11:00:00+00:00"
    assert pk.load_map(tmp_path / "a.json").meta["submitted"] == pm.meta["submitted"]


def test_an_invalid_map_is_not_submitted(tmp_path):
    draft = tmp_path / "bad.json"
    draft.write_text('{"format": "powermap/1", "stakeholders": [{"id": "a", "name": "A", "power": 9}]}')
    with pytest.raises(MapFormatError):
        submit_map(draft)
    assert not submitted_path(draft).exists()


def test_status_of_missing_empty_and_started_drafts(tmp_path):
    assert work_status(tmp_path / "x.json").status == "not_started"
    pk.save_map(pk.PowerMap(), tmp_path / "x.json")
    assert work_status(tmp_path / "x.json").status == "not_started"
    pk.save_map(_map("A"), tmp_path / "x.json")
    assert work_status(tmp_path / "x.json").status == "drafting"


def _room(folder: Path) -> None:
    pk.save_map(_map("A", "B"), folder / "ann.json")
    submit_map(folder / "ann.json", now="2026-05-20T10:00:00+00:00")
    pk.save_map(_map("A", "B", "C"), folder / "ann.json")          # drafting after submitting
    pk.save_map(_map("A"), folder / "bob.json")
    pk.save_map(pk.PowerMap(), folder / "=cmd.json")               # a hostile name stays text


def _rows(out: Path) -> dict[str, dict[str, str]]:
    with open(out / "collection.csv", encoding="utf-8") as fh:
        return {r["learner"]: r for r in csv.DictReader(fh)}


def test_collect_folder_lists_everyone_with_status_and_reason(tmp_path):
    _room(tmp_path / "room" / "it-solution")
    out = tmp_path / "out"
    result = collect_folder(tmp_path / "room", "it-solution", out, users=["cai"])
    rows = {r.learner: r for r in result.rows}
    assert rows["ann"].status == "submitted" and rows["ann"].submitted == "2026-05-20T10:00:00+00:00"
    assert len(pk.load_map(out / "ann.json").stakeholders) == 2     # the submitted copy, not the newer draft
    assert rows["bob"].status == "drafting" and rows["bob"].collected
    assert rows["=cmd"].status == "not_started"
    assert not rows["cai"].collected and rows["cai"].reason == "no_file"
    assert [r.learner for r in result.not_collected] == ["cai"]
    assert result.counts() == {"submitted": 1, "drafting": 1, "not_started": 2}
    table = _rows(out)
    assert "'=cmd" in table and table["cai"]["not_collected"] == "no_file"
    assert sorted(p.name for p in out.glob("*.json")) == ["_cmd.json", "ann.json", "bob.json"]
    assert "cai" in result.text() and "no file yet" in result.text()
    assert list(result.frame(lang="zh").columns)[0] == "学员"


def test_cli_collect_from_a_folder(tmp_path, capsys):
    _room(tmp_path / "it-solution")
    assert main(["collect", "--folder", str(tmp_path), "--case", "it-solution", "--out", str(tmp_path / "o")]) == 0
    assert main(["collect", "--folder", str(tmp_path), "--case", "it-solution", "--out", str(tmp_path / "o"),
                 "--users", "dan"]) == 1
    out = capsys.readouterr().out
    assert "dan" in out and "not collected: no file yet" in out
    assert main(["collect", "--case", "x", "--out", str(tmp_path / "o")]) == 2


class _FakeHub(BaseHTTPRequestHandler):
    """Answers like JupyterHub 5/6 and its single-user servers would, for three learners."""

    token = "trainer-token"
    files = {("ann", "powermap-work/it-solution/submitted/ann.json"): _map("A").to_dict(),
             ("bob", "powermap-work/it-solution/bob.json"): _map("A", "B").to_dict()}

    def log_message(self, *args):
        pass

    def _json(self, code, data=None):
        body = json.dumps(data).encode() if data is not None else b""
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.headers.get("Authorization") != f"token {self.token}":
            return self._json(403, {"message": "forbidden"})
        path = self.path.split("?")[0]
        ready = {"": {"ready": True, "url": None}}
        if path == "/hub/api/user":
            return self._json(200, {"name": "trainer"})
        if path == "/hub/api/users":      # paged, two users a page
            users = [{"name": n, "servers": {"": {"ready": True, "url": f"/user/{n}/"}}} for n in ("ann", "bob", "cai")]
            users += [{"name": "dan", "servers": {}}, {"name": "trainer", "servers": ready}]
            offset = int(self.path.split("offset=")[1].split("&")[0]) if "offset=" in self.path else 0
            return self._json(200, users[offset:offset + 2])
        parts = path.split("/", 5)          # '', 'user', name, 'api', 'contents', file
        if len(parts) == 6 and parts[1] == "user" and parts[3:5] == ["api", "contents"]:
            name, file = parts[2], parts[5]
            if name == "cai" and "submitted" not in file:
                self.send_response(302)
                self.send_header("Location", "/hub/user/cai/")
                self.end_headers()
                return None
            data = self.files.get((name, file))
            if data is None:
                return self._json(404, {"message": "not found"})
            return self._json(200, {"type": "file", "format": "text", "content": json.dumps(data)})
        return self._json(404)


@pytest.fixture()
def fake_hub():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeHub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_collect_hub_reads_running_servers_and_says_why_others_were_not_collected(fake_hub, tmp_path):
    result = collect_hub(fake_hub, "trainer-token", "it-solution", tmp_path)
    rows = {r.learner: r for r in result.rows}
    assert sorted(rows) == ["ann", "bob", "cai", "dan"]          # the token's owner is not a learner
    assert rows["ann"].status == "submitted" and (tmp_path / "ann.json").is_file()
    assert rows["bob"].status == "drafting" and rows["bob"].people == 2
    assert (rows["cai"].reason, rows["cai"].detail) == ("server_stopped", "302")
    assert rows["dan"].reason == "server_stopped" and not rows["dan"].collected
    assert "not collected: server not running" in result.text()


def test_collect_hub_refuses_a_bad_token_and_an_unreachable_hub(fake_hub, tmp_path):
    with pytest.raises(HubError) as err:
        collect_hub(fake_hub, "learner-token", "it-solution", tmp_path)
    assert err.value.code == "refused" and "403" in str(err.value)
    with pytest.raises(HubError, match="no API token"):
        collect_hub(fake_hub, "", "it-solution", tmp_path)
    with pytest.raises(HubError) as err:
        collect_hub("http://127.0.0.1:9", "t", "it-solution", tmp_path)
    assert err.value.code == "unreachable"


def test_collect_answers_files_from_a_folder(tmp_path):
    (tmp_path / "room").mkdir()
    (tmp_path / "room" / "ann_answers.jsonl").write_text('{"question": "q1"}\n{"question": "q2"}\n')
    result = collect_folder(tmp_path / "room", "quiz", tmp_path / "out", users=["ann", "bob"],
                            path="{learner}_answers.jsonl")
    rows = {r.learner: r for r in result.rows}
    assert rows["ann"].status == "drafting" and (tmp_path / "out" / "ann.jsonl").read_text().count("question") == 2
    assert rows["bob"].reason == "no_file"
