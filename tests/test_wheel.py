"""A real wheel (not an editable install) ships the case studies: ``load_case`` works from any folder.

Builds the wheel with ``pip wheel --no-deps``, installs it with its dependencies into a
fresh venv (no system site-packages, no access to this checkout) and loads a case from an
unrelated folder. Slow (about a minute: build plus dependency install from the local
package index), so it is marked ``slow``: ``make test`` runs it, ``make test-fast`` does not.
"""

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow

PROBE = """
import json, pathlib, powermap_kit as pk
from powermap_kit.cases import case_folder, list_cases, load_case
case = load_case("it-solution")
print(json.dumps({"module": pk.__file__, "folder": str(case_folder()), "slugs": [c.slug for c in list_cases()],
                  "key": len(case.key), "brief": case.brief("zh")[:40], "typical": len(case.submission("typical"))}))
"""


def _run(args, **kwargs):
    done = subprocess.run(args, capture_output=True, text=True, timeout=600, **kwargs)
    assert done.returncode == 0, f"{args[:4]} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def test_an_installed_wheel_loads_cases_from_any_folder(tmp_path):
    # Built from a clean copy of the sources: the checkout's own build/ folder (which may hold
    # modules deleted since) neither leaks into this wheel nor is written by the test.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for folder in ("powermap_kit", "case_studies"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(source)])
    (wheel,) = wheels.glob("powermap_kit-*.whl")

    env_dir = tmp_path / "fresh"
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run([str(python), "-m", "pip", "install", "--quiet", str(wheel)])

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    clean = {k: v for k, v in os.environ.items() if k not in ("POWERMAP_CASES", "PYTHONPATH")}
    found = json.loads(_run([str(python), "-c", PROBE], cwd=elsewhere, env=clean))

    installed = Path(found["module"]).parent
    assert env_dir in installed.parents  # the wheel's copy, not this checkout
    assert Path(found["folder"]) == installed / "case_studies"
    assert found["slugs"][:2] == ["it-solution", "medical-device"] and len(found["slugs"]) >= 4
    assert found["key"] >= 12 and found["typical"] > 0 and found["brief"].strip()
