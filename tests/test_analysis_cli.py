"""``powermap analyse MAP [--format text|json|html] [--out F] [--today D] [--lang]``."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from powermap_kit.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
IT = str(FIXTURES / "analysis_it.json")


def test_text_is_the_default(capsys):
    assert main(["analyse", IT, "--today", "2026-11-20"]) == 0
    out = capsys.readouterr().out
    assert "Support index: 51.9 / 100" in out and "Action plan" in out


def test_json_output_and_chinese(capsys):
    assert main(["analyse", IT, "--format", "json", "--today", "2026-11-20", "--lang", "zh"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["support_index"] == 51.9 and data["status"] == "amber"
    assert any("赵国强" in r["message"] for r in data["risks"]) and "关键人" in data["status_reason"]


def test_html_to_a_file_and_actions_to_excel(tmp_path, capsys):
    out, plan = tmp_path / "report.html", tmp_path / "plan.xlsx"
    assert main(["analyse", IT, "--format", "html", "--out", str(out), "--actions", str(plan),
                 "--today", "2026-11-20"]) == 0
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>") and plan.stat().st_size > 0
    assert str(out) in capsys.readouterr().err


def test_an_invalid_map_prints_every_problem_and_exits_1(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "powermap/1", "stakeholders": [
        {"id": "a", "name": "A", "power": 9, "stance": "supporter"}]}), "utf-8")
    assert main(["analyse", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "stakeholders[0].power" in err and "stakeholders[0].stance" in err and "did you mean" in err


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["analyse", IT, "--today", "yesterday"])
    assert exc.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err


def test_installed_command_runs_as_a_process(tmp_path):
    result = subprocess.run([sys.executable, "-m", "powermap_kit", "analyse", IT, "--format", "json",
                             "--today", "2026-11-20"], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["paths"]
