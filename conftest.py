import atexit
import os
import shutil
import tempfile

# Keep pytest's doctest collection away from the module that runs the CLI on import.
collect_ignore = ["powermap_kit/__main__.py", "build", ".venv"]
# Browser-test notebooks are run by the browser tests in JupyterLab, not by nbval.
collect_ignore_glob = ["tests/browser/notebooks/*"]

# Tests and the notebooks they run (nbval kernels and the browser tests' JupyterLab inherit
# this) save work in a scratch folder, never in the user's ~/powermap-work or a workshop's
# $POWERMAP_WORK. Each pytest-xdist worker gets a folder of its own below the run's folder,
# so parallel tests never see each other's saved maps, answers or logs.
if "POWERMAP_TEST_RUN" not in os.environ:  # the first process of the run (xdist workers inherit this)
    os.environ["POWERMAP_TEST_RUN"] = tempfile.mkdtemp(prefix="powermap-work-")
    atexit.register(shutil.rmtree, os.environ["POWERMAP_TEST_RUN"], ignore_errors=True)
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
os.environ["POWERMAP_WORK"] = os.path.join(os.environ["POWERMAP_TEST_RUN"], WORKER)
os.makedirs(os.environ["POWERMAP_WORK"], exist_ok=True)
os.environ.setdefault("POWERMAP_LEARNER", "test-learner")


def pytest_sessionfinish(session, exitstatus):
    """Close widgets the tests left open while the interpreter is whole, not in __del__ at exit."""
    import sys

    widgets = sys.modules.get("ipywidgets")
    if widgets is not None:
        widgets.Widget.close_all()


def pytest_runtest_makereport(item, call):
    """A notebook cell that writes to stderr (a warning, a logged error) fails under nbval too.

    nbval's lax mode checks that cells run without errors; the course also promises that
    no warnings are printed, so stderr output counts as a failure here.
    """
    outputs = getattr(item, "test_outputs", None)
    if call.when != "call" or call.excinfo is not None or not outputs:
        return None
    stderr = [o.get("text", "") for o in outputs if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    if any(text.strip() for text in stderr):
        import pytest

        report = pytest.TestReport.from_item_and_call(item, call)
        report.outcome = "failed"
        report.longrepr = "the cell wrote to stderr:\n" + "".join(stderr)
        return report
    return None
