"""The pure layer (everything but the Jupyter widgets) type-checks cleanly with mypy.

The settings live in ``[tool.mypy]`` of pyproject.toml, so this is the same check as
running ``mypy`` in the project folder. Marked ``slow`` (about 30 s): ``make test`` runs
it, ``make test-fast`` does not.
"""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def test_pure_layer_type_checks(monkeypatch, tmp_path):
    api = pytest.importorskip("mypy.api", reason="mypy is not installed (pip install -e '.[test]')")
    monkeypatch.chdir(ROOT)  # the config's files and exclude are relative to the project folder
    out, err, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(tmp_path / "cache"),
                                "--no-error-summary"])
    assert status == 0, f"mypy found problems:\n{out}{err}"
