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
    assert project["project"]["scripts"]["powermap"] == "powermap_kit.cli:main"
