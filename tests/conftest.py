import json
import sys
from pathlib import Path

import pytest
from hypothesis import settings

import powermap_kit as pk

sys.path.insert(0, str(Path(__file__).parent))  # for budget, under --import-mode=importlib
from budget import SHARE, examples  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"

if SHARE != 1:  # property tests that do not say how many examples: the same share of hypothesis's 100
    settings.register_profile("share", max_examples=examples(100))
    settings.load_profile("share")


@pytest.fixture(autouse=True)
def _english():
    """Every test starts in English and leaves the language as it found it."""
    pk.set_language("en")
    yield
    pk.set_language("en")


@pytest.fixture(autouse=True)
def _trainer_audience():
    """Tests of the full feedback run as a trainer; learner tests set the audience themselves."""
    from powermap_kit import hints

    hints.set_audience("trainer")
    yield
    hints.set_audience("trainer")


@pytest.fixture
def small_data():
    return json.loads((FIXTURES / "small.json").read_text("utf-8"))


@pytest.fixture
def small_map(small_data):
    return pk.load_map(small_data)


class RecordingComm:
    """A stand-in for a kernel comm that records what a widget sends (no browser needed)."""

    kernel = "Truthy"

    def __init__(self, **kwargs):
        import uuid

        self.comm_id = kwargs.get("comm_id") or uuid.uuid4().hex
        self.opened = kwargs
        self.messages: list = []

    def open(self, *args, **kwargs):
        pass

    def on_msg(self, *args, **kwargs):
        pass

    def send(self, data=None, metadata=None, buffers=None):
        self.messages.append(data)

    def close(self, *args, **kwargs):
        pass


class CommLog(list):
    """The comms the widgets opened during a test, in order."""

    def sent_text(self) -> str:
        """Everything the widgets sent to the front end, as one string (for text assertions)."""
        parts = [json.dumps(c.opened.get("data"), ensure_ascii=False) for c in self]
        parts += [json.dumps(m, ensure_ascii=False) for c in self for m in c.messages]
        return "\n".join(parts)


@pytest.fixture
def comms(monkeypatch):
    """Patch ``comm.create_comm`` so every widget talks to a :class:`RecordingComm`."""
    import comm

    created = CommLog()

    def create_comm(**kwargs):
        recorder = RecordingComm(**kwargs)
        created.append(recorder)
        return recorder

    monkeypatch.setattr(comm, "create_comm", create_comm)
    return created


@pytest.fixture(autouse=True)
def _close_widgets_after_each_test():
    """Widgets a test leaves open would still follow the language setting in the next test."""
    yield
    import sys

    if "ipywidgets" in sys.modules:
        import ipywidgets

        try:
            ipywidgets.Widget.close_all()
        except Exception:  # a test's patched comm manager: nothing left to tell
            ipywidgets.Widget.widgets.clear()
