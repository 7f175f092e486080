import subprocess
import sys

import powermap_kit


def test_core_import_pulls_in_no_jupyter_or_plotting():
    code = ("import sys, powermap_kit, powermap_kit.tabular, powermap_kit.cli;"
            "bad = [m for m in ('ipywidgets', 'ipycytoscape', 'matplotlib', 'IPython', 'ipykernel')"
            " if m in sys.modules]; print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_public_names_are_exported_sorted_and_exist():
    names = powermap_kit.__all__
    assert names == sorted(names, key=lambda n: (n[0].islower(), n)) or names == sorted(names)
    for name in names:
        assert getattr(powermap_kit, name) is not None
    for required in ("load_map", "save_map", "PowerMap", "Stakeholder", "Relationship", "Coverage", "set_language",
                     "get_language", "label", "describe"):
        assert required in names


def test_console_script_is_declared():
    from pathlib import Path

    import pytest

    tomllib = pytest.importorskip("tomllib")  # Python 3.11+

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert project["project"]["scripts"]["powermap"] == "powermap_kit.cli:command"


def test_the_command_exits_with_main_s_code_after_flushing_and_exit_handlers(tmp_path):
    import subprocess
    import sys

    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "powermap/1", "stakeholders": [{"id": "a", "name": "A", "power": 9}]}', "utf-8")
    script = ("import atexit, sys\n"
              "atexit.register(lambda: print('handler ran', file=sys.stderr))\n"
              "from powermap_kit.cli import command\n"
              f"sys.argv = ['powermap', 'validate', {str(bad)!r}]\n"
              "command()\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "stakeholders[0].power" in done.stdout + done.stderr
    assert "handler ran" in done.stderr
    ok = subprocess.run([sys.executable, "-m", "powermap_kit", "--version"], capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and "powermap-kit" in ok.stdout
