"""The benchmarks (run by ``make bench``, not by the tests) still import, and every file or
folder of the repository they name at module level exists: a moved notebook or case would
otherwise only show when someone next runs them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCHES = sorted((REPO / "benchmarks").glob("bench_*.py"))


@pytest.mark.parametrize("path", BENCHES, ids=[p.stem for p in BENCHES])
def test_benchmark_imports_and_names_files_that_exist(path, monkeypatch):
    monkeypatch.syspath_prepend(str(path.parent))
    spec = importlib.util.spec_from_file_location(f"_bench_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # guarded by `if __name__ == "__main__"`: nothing runs
    assert callable(getattr(module, "main", None)), f"{path.name} has no main()"
    named = [value for value in vars(module).values()
             if isinstance(value, Path) and value.resolve().is_relative_to(REPO) and value.resolve() != REPO]
    missing = [str(p.relative_to(REPO)) for p in named if not p.exists()]
    assert not missing, f"{path.name} names files that are not in the repository: {missing}"

