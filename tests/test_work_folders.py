"""Tests save work in scratch folders: one per pytest-xdist worker, never the user's own."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROBE = '''
import os, pathlib, time
import pytest

@pytest.mark.parametrize("n", range(6))
def test_probe(n):
    out = pathlib.Path(os.environ["PROBE_OUT"]) / f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-{n}"
    out.write_text(os.environ["POWERMAP_WORK"])
    time.sleep(0.05)  # not a wait for a condition: it keeps both workers busy, so both take tests
'''


def test_this_run_works_in_a_scratch_folder_of_its_own():
    work = Path(os.environ["POWERMAP_WORK"])
    assert work.is_dir() and work.name == os.environ.get("PYTEST_XDIST_WORKER", "main")
    assert Path.home() / "powermap-work" not in (work, *work.parents)


@pytest.mark.slow  # starts a pytest run with two workers: seconds when the machine is quiet, a minute under load
def test_each_xdist_worker_gets_its_own_work_folder(tmp_path):
    pytest.importorskip("xdist")
    (tmp_path / "test_probe.py").write_text(PROBE)
    out = tmp_path / "out"
    out.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("POWERMAP_TEST_RUN", "PYTEST_XDIST_WORKER")}
    env.update(PROBE_OUT=str(out), POWERMAP_WORK=str(tmp_path / "users-own-folder"),
               PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "conftest", "-p", "xdist", "-n", "2",
                           "-p", "no:cacheprovider", "--rootdir", str(tmp_path), "-c", os.devnull,
                           str(tmp_path / "test_probe.py")], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    folders = {f.name.split("-")[0]: f.read_text() for f in out.iterdir()}
    assert set(folders) == {"gw0", "gw1"}, folders
    assert {Path(f).name for f in folders.values()} == {"gw0", "gw1"}
    assert len({Path(f).parent for f in folders.values()}) == 1  # one scratch folder for the run
    assert not (tmp_path / "users-own-folder").exists()


def test_the_learner_is_named_after_the_setting_then_the_hub_account(monkeypatch):
    from powermap_kit.workspace import learner_name

    monkeypatch.delenv("POWERMAP_LEARNER", raising=False)
    monkeypatch.setenv("JUPYTERHUB_USER", "ann lee")
    assert learner_name() == "ann_lee"              # a hub account, made file-safe
    monkeypatch.setenv("POWERMAP_LEARNER", "coach-1")
    assert learner_name() == "coach-1"              # the explicit setting wins
    monkeypatch.delenv("POWERMAP_LEARNER")
    monkeypatch.delenv("JUPYTERHUB_USER")
    assert learner_name()                           # the login name, or "learner"
