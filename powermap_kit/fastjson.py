"""Plain JSON, read and written fast with orjson (when it is installed).

The checked reader of :mod:`~powermap_kit.io` parses with the standard library and hooks
that find repeated keys, overlong numbers and the constants JSON lacks, with their
places. That is exact, and three to four times slower than a bare parse. Most files of a
cohort are plain, and for them :func:`loads_plain` gives the same data at orjson's speed:

- no backslash (so every string is written as it reads and every ``"`` delimits one),
  no DEL and no byte ``0xc2`` (which starts every C1 control): the text is *clean* in the
  sense of :func:`~powermap_kit.io.read_json_clean`;
- no run of 15 or more digits and no exponent (a digit before ``e`` or ``E``): every
  number is within ``MAX_NUMBER``, and orjson reads it as ``json`` does;
- orjson parses it (it rejects what ``json`` rejects, and more: ``NaN``, deep nesting);
- no repeated key. orjson keeps the last of repeated keys, so they are counted: with
  whitespace dropped (inside strings too, alike on both sides), a key is the one kind of
  string whose closing quote meets a colon (``":``); a string that opens with a colon
  meets one at its opening quote, and is the same string in both texts. The file and
  orjson's own writing of the parsed data hold as many ``":`` exactly when no key was lost.
  When no whitespace stands before a colon (the usual layout) nothing needs dropping:
  the count is taken from the same translated copy as the number tests.

Anything else gives ``None``, and the caller takes the exact path (its errors, with their
places, are the ones users see). Digits or an exponent inside a string only send a file
the exact way; they never let a bad one through.

>>> loads_plain(b'{"a": [1, 2.5, "x:y"], "b": {"c": null}}')
{'a': [1, 2.5, 'x:y'], 'b': {'c': None}}
>>> loads_plain(b'{"a": 1, "a" : 2}') is None  # a repeated key: the exact reader reports it
True
>>> dumps_text({"name": "王伟", "points": 12.5})
'{"name":"王伟","points":12.5}'
>>> dumps_bytes({"id": "a", "bad": "\\ud800"})  # orjson refuses the surrogate; json writes it escaped
b'{"id":"a","bad":"\\\\ud800"}'
"""

from __future__ import annotations

import json
import re
from typing import Any

try:  # an optional speed-up: without it every file takes the exact path
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency; this keeps a bare checkout working
    orjson = None  # type: ignore[assignment]

from .values import MAX_NUMBER

__all__ = ["available", "dumps_bytes", "dumps_text", "key_count", "loads_plain", "plain_bytes"]

#: Integers of fewer digits than this (a minus sign counted) are within MAX_NUMBER.
_SAFE_DIGITS = len(str(MAX_NUMBER)) - 1
# Digits become "0", e and E "e", quotes and colons stay, whitespace becomes a space and
# all else "x"; then a long run, an exponent, whitespace before a colon and the keys are
# plain substring searches and counts (many times quicker than a regular expression).
_SHAPES = bytes(48 if 48 <= i <= 57 else 101 if i in b"eE" else i if i in b'":' else 32 if i in b" \t\r\n"
                else 120 for i in range(256))
_LONG_RUN = b"0" * _SAFE_DIGITS
_EXPONENT = re.compile(b"0e").search  # a literal: found faster than with ``in``
_WHITESPACE = b" \t\r\n"
_BOM = b"\xef\xbb\xbf"


def available() -> bool:
    """Whether orjson is installed (else :func:`loads_plain` always answers None)."""
    return orjson is not None


def loads_plain(raw: bytes) -> Any | None:
    """The data of plain JSON bytes (see the module docstring), or None: read it the exact way.

    None also stands for a document that is ``null``; the exact path reads that one too.
    """
    if orjson is None:
        return None
    plain = _plain(raw)
    if plain is None:
        return None
    raw, shapes = plain
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    keys = key_count(raw, shapes)
    if keys and orjson.dumps(data).count(b'":') != keys:
        # orjson writes no whitespace between tokens, and strings as they were (none holds
        # a quote or a backslash), so only whitespace inside strings needs dropping.
        if orjson.dumps(data).translate(None, _WHITESPACE).count(b'":') != keys:
            return None
    return data


def plain_bytes(raw: bytes) -> tuple[bytes, int] | None:
    """``raw`` without a BOM when it holds no backslash, DEL or C1 lead byte (so every string
    reads as written), with the number of its colons; else None. Numbers are not looked at:
    a typed decoder bounds them itself (:mod:`~powermap_kit.typed`).

    A decoder that writes its data back writes every string as it was (none holds an
    escape) and every key it kept, so the colons of the two texts are as many exactly when
    no key was dropped as a repeat (the surest and quickest count for a typed decoder,
    which also writes back every field it read).
    """
    if raw.startswith(_BOM):
        raw = raw[3:]
    if b"\\" in raw or b"\x7f" in raw or b"\xc2" in raw:
        return None
    return raw, raw.count(b":")


def _plain(raw: bytes) -> tuple[bytes, bytes] | None:
    if raw.startswith(_BOM):
        raw = raw[3:]
    if b"\\" in raw or b"\x7f" in raw or b"\xc2" in raw:
        return None
    shapes = raw.translate(_SHAPES)
    if _LONG_RUN in shapes or _EXPONENT(shapes):
        return None
    return raw, shapes


def key_count(raw: bytes, shapes: bytes) -> int:
    """How many ``":`` the text holds once whitespace is dropped: when every colon follows a
    quote (the usual layout), as many as it holds now."""
    keys = shapes.count(b'":')
    if keys != shapes.count(b":"):  # a colon not right after a quote: whitespace, or inside a string
        return raw.translate(None, _WHITESPACE).count(b'":')
    return keys


def dumps_text(value: Any) -> str:
    """Compact JSON text (UTF-8 characters as they are); orjson when it can write the value.

    A value orjson refuses (an integer beyond 64 bits, a key that is not a string) is
    written by the standard library in the same compact form.
    """
    if orjson is not None:
        try:
            return orjson.dumps(value).decode("utf-8")
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            pass
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def dumps_bytes(value: Any) -> bytes:
    """:func:`dumps_text` as UTF-8 bytes (orjson writes them directly).

    A lone surrogate, which UTF-8 cannot carry, is written as its JSON escape (``\\ud800``).
    """
    if orjson is not None:
        try:
            return orjson.dumps(value)
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            pass
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "backslashreplace")
