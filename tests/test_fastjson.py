"""The orjson fast path (powermap_kit.fastjson) gives exactly what the checked reader gives,
or steps aside: a file it accepts parses to the same data with no problem and is clean."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from budget import examples

from powermap_kit import fastjson
from powermap_kit.io import _decoded, _parse_full, read_json_clean

pytestmark = pytest.mark.skipif(not fastjson.available(), reason="orjson is not installed")


def exact(raw: bytes):
    """The checked reader's answer: (data, problems, clean)."""
    raw, text, problems = _decoded(raw, None)
    if text is None:
        return None, problems, False
    data, problems, marked, big = _parse_full(text, None)
    return data, problems or marked, not problems and not marked and not big


def agrees(raw: bytes) -> bool:
    """Whether the fast path took the file; assert it agrees with the exact one when it did."""
    data = fastjson.loads_plain(raw)
    if data is None:
        return False
    want, problems, _ = exact(raw)
    assert not problems, raw
    assert data == want and json.dumps(data, sort_keys=True) == json.dumps(want, sort_keys=True), raw
    return True


TAKEN = [
    b'{"a": [1, 2.5, -3, "x:y", ":lead", null, true, false], "b": {"c": {}}}',
    b'\xef\xbb\xbf{"name": "\xe7\x8e\x8b\xe4\xbc\x9f"}',  # BOM
    b'{"a" : 1, "b"\n:\t2, "c  d": "e :f"}',  # whitespace before colons
    b'{":": ":", "::": [":"]}',
    b'[]', b'{}', b'"text"', b'12345678901234',  # 14 digits: within range
]
REFUSED = [
    b'{"a": 1, "a": 2}',  # repeated keys, in every layout
    b'{"a": 1, "a" : 2}',
    b'{"a" :1,"a":2}',
    b'{"a":{"b":1,"b":{"c":2}}}',
    b'{"x": {"k": 1, "k": 1}, "y": ":"}',
    b'{"a \\u0041": 1}',  # escapes, exact path
    b'{"a": "\x7f"}', b'{"a": "\xc2\x85"}',  # DEL, C1
    b'{"n": 123456789012345}', b'{"n": 1e400}', b'{"n": 1E2}', b'{"n": 2.5e-3}',
    b'{"n": NaN}', b'{"n": Infinity}', b'[' * 2000 + b']' * 2000,
    b'{"a": 1,}', b'', b'\xff', b'null',
]


@pytest.mark.parametrize("raw", TAKEN)
def test_plain_files_take_the_fast_path_and_agree(raw):
    assert agrees(raw)


@pytest.mark.parametrize("raw", REFUSED)
def test_other_files_take_the_exact_path(raw):
    assert fastjson.loads_plain(raw) is None


def test_a_repeated_key_is_still_reported_with_its_place(tmp_path):
    path = tmp_path / "dup.json"
    path.write_bytes(b'{"format": "powermap/1", "stakeholders": [{"id": "a", "name": "X", "name" : "Y"}]}')
    data, problems, clean = read_json_clean(path)
    assert data is None and problems and "stakeholders[0]" in str(problems[0].place) + str(problems[0])


keys = st.text(alphabet=st.sampled_from(list('ab :"\\\t\u00e9王\x7f')), min_size=0, max_size=4)
leaves = (st.none() | st.booleans() | st.integers(-10**16, 10**16)
          | st.floats(allow_nan=False, allow_infinity=False, width=64) | keys)
values = st.recursive(leaves, lambda inner: st.lists(inner, max_size=4)
                      | st.lists(st.tuples(keys, inner), max_size=4), max_leaves=20)
spaces = st.sampled_from(["", " ", "\n  ", "\t", "\r\n"])


@st.composite
def documents(draw):
    """JSON text with random layout; objects are lists of pairs, so keys may repeat."""
    def write(value) -> str:
        gap = draw(spaces)
        if isinstance(value, list) and value and isinstance(value[0], tuple):
            return "{" + ",".join(f"{gap}{json.dumps(k, ensure_ascii=draw(st.booleans()))}{draw(spaces)}:"
                                  f"{draw(spaces)}{write(v)}" for k, v in value) + gap + "}"
        if isinstance(value, list):
            return "[" + ",".join(gap + write(v) for v in value) + "]"
        if isinstance(value, str):
            return json.dumps(value, ensure_ascii=draw(st.booleans()))
        return json.dumps(value)

    return write(draw(values)).encode("utf-8")


@settings(max_examples=examples(400), deadline=None)
@given(documents())
def test_the_fast_path_never_disagrees(raw):
    agrees(raw)


def test_without_orjson_every_file_takes_the_exact_path(monkeypatch, tmp_path):
    monkeypatch.setattr(fastjson, "orjson", None)
    assert fastjson.loads_plain(b'{"a": 1}') is None
    assert fastjson.dumps_text({"名": [1, 2.5]}) == '{"名":[1,2.5]}'
    path = tmp_path / "m.json"
    path.write_text('{"format": "powermap/1", "stakeholders": []}', "utf-8")
    assert read_json_clean(path) == ({"format": "powermap/1", "stakeholders": []}, [], True)


def test_values_orjson_cannot_write_are_written_alike():
    assert fastjson.dumps_text({"big": 2**70}) == '{"big":%d}' % 2**70
    assert fastjson.dumps_text({1: "a"}) == '{"1":"a"}'
