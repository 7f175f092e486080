import os
import tempfile

# Keep pytest's doctest collection away from the module that runs the CLI on import.
collect_ignore = ["powermap_kit/__main__.py", "build", ".venv"]
# Browser-test notebooks are run by the browser tests in JupyterLab, not by nbval.
collect_ignore_glob = ["tests/browser/notebooks/*"]

# Tests and the notebooks they run (nbval kernels inherit this) save work in a scratch
# folder, never in the user's ~/powermap-work.
os.environ.setdefault("POWERMAP_WORK", tempfile.mkdtemp(prefix="powermap-work-"))
os.environ.setdefault("POWERMAP_LEARNER", "test-learner")


def pytest_sessionfinish(session, exitstatus):
    """Close widgets the tests left open while the interpreter is whole, not in __del__ at exit."""
    import sys

    widgets = sys.modules.get("ipywidgets")
    if widgets is not None:
        widgets.Widget.close_all()
