"""The course's launch settings outside the browser: the toolkit's default language from
``POWERMAP_LANG`` (set by ``make lab LANG=zh`` and ``make app LANG=zh``)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.parametrize(("value", "expected"), [("zh_CN.UTF-8", "zh"), ("", "en"), ("fr", "en")])
def test_powermap_lang_chooses_the_toolkit_default_language(value, expected):
    code = "import powermap_kit as pk; print(pk.get_language(), pk.vocab.label('approver'))"
    out = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, POWERMAP_LANG=value),
                         capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == expected
    assert (out[1] == "决策审批者") == (expected == "zh")
