import json
import subprocess
import sys

from powermap_kit.cli import main


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_validate_all_valid_exits_zero(tmp_path, small_data, capsys):
    a = write(tmp_path, "a.json", small_data)
    b = write(tmp_path, "b.json", {"format": "powermap/1", "stakeholders": []})
    assert main(["validate", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert f"{a}: valid (4 stakeholders)" in out and f"{b}: valid (0 stakeholders)" in out


def test_validate_prints_every_problem_one_a_line_with_the_file(tmp_path, small_data, capsys):
    good = write(tmp_path, "good.json", small_data)
    small_data["stakeholders"][0]["power"] = 8
    small_data["stakeholders"][1]["stance"] = "fan"
    bad = write(tmp_path, "bad.json", small_data)
    broken = tmp_path / "broken.json"
    broken.write_text("{", "utf-8")
    assert main(["validate", "-q", str(good), str(bad), str(broken)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines == [
        f"{bad}: stakeholders[0].power: 8 is not a whole number from 1 to 5",
        f'{bad}: stakeholders[1].stance: "fan" is not one of unknown, oppose, neutral, support, champion',
        f"{broken}: not valid JSON: line 1 column 2: Expecting property name enclosed in double quotes",
        "2 of 3 file(s) have problems",
    ]


def test_validate_in_chinese_and_as_json(tmp_path, small_data, capsys):
    small_data["stakeholders"][0]["stance"] = "supporter"
    bad = write(tmp_path, "bad.json", small_data)
    assert main(["validate", "--lang", "zh", str(bad)]) == 1
    assert "是否想写" in capsys.readouterr().out
    assert main(["validate", "--format", "json", str(bad)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report[0]["valid"] is False and report[0]["problems"][0]["suggestion"] == "support"


def test_console_script_usage_errors_exit_2():
    result = subprocess.run([sys.executable, "-m", "powermap_kit", "validate"], capture_output=True, text=True)
    assert result.returncode == 2 and "usage" in result.stderr
    result = subprocess.run([sys.executable, "-m", "powermap_kit", "frobnicate"], capture_output=True, text=True)
    assert result.returncode == 2


def test_lang_works_before_or_after_the_subcommand(tmp_path, small_data, capsys):
    small_data["stakeholders"][0]["stance"] = "supporter"
    bad = write(tmp_path, "bad.json", small_data)
    for argv in (["--lang", "zh", "validate", str(bad)], ["validate", "--lang", "zh", str(bad)]):
        assert main(argv) == 1
        assert "是否想写" in capsys.readouterr().out
