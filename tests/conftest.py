import json
from pathlib import Path

import pytest

import powermap_kit as pk

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _english():
    """Every test starts in English and leaves the language as it found it."""
    pk.set_language("en")
    yield
    pk.set_language("en")


@pytest.fixture
def small_data():
    return json.loads((FIXTURES / "small.json").read_text("utf-8"))


@pytest.fixture
def small_map(small_data):
    return pk.load_map(small_data)
