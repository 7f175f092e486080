"""Checks that hold for every value of a map, known field or extension key alike.

Every string must be writable and printable: no unpaired UTF-16 surrogate (it cannot be
encoded as UTF-8), no NUL or other control character (C0, DEL, C1); tab and line breaks
are allowed in free text (notes, evidence, extension keys...) but not in names, ids and
codes. Every number must be finite and at most :data:`MAX_NUMBER` in size, and every
value must be JSON (objects, arrays, strings, numbers, booleans, null).

:func:`walk` reports each bad value with its place; the field checks of
:mod:`~powermap_kit.validation` run first and a place they already reported is skipped.

>>> bad_char("Wang\\x00Wei", single_line=True)
('control_char', 4)
>>> bad_char("line one\\nline two", single_line=False) is None
True
>>> is_invisible("\\u200b\\ufeff "), is_invisible("王伟")
(True, False)
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

__all__ = ["FREE_TEXT_BAD", "LINE_BAD", "MAX_NUMBER", "SINGLE_LINE", "VISIBLE_CHAR", "LongNumber", "bad_char",
           "char_name", "is_invisible", "join_place", "looks_clean", "visible", "walk"]

#: The largest magnitude of any number in a map (2**53: every such integer is exact in
#: JSON readers that use doubles, such as browsers). Fields have tighter bounds.
MAX_NUMBER = 2**53

# Regular expressions, written to mean the same in Python and in JSON Schema (ECMA 262),
# that find a character a text may not hold: in free text (tab, LF and CR LF are allowed)
# and in one-line text (names, ids, codes, keys).
FREE_TEXT_BAD = r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)"
LINE_BAD = r"[\ud800-\udfff\x00-\x1f\x7f-\x9f]"
# Characters that draw nothing: controls, spaces, format characters (zero-width space and
# joiners, BOM, bidi controls, soft hyphen), fillers, blanks and variation selectors.
_NOTHING = (r"\x00-\x20\x7f-\xa0\xad\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5\u180b-\u180f\u2000-\u200f"
            r"\u2028-\u202f\u205f-\u206f\u2800\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0")
#: Finds a character that draws something (a name must have one).
VISIBLE_CHAR = f"[^{_NOTHING}]"
_ALWAYS_BAD = re.compile(FREE_TEXT_BAD)
_LINE_BAD = re.compile(LINE_BAD)


def _members(char_class: str) -> str:
    """Every character of a regular-expression class body written as in :data:`_NOTHING`."""
    chars = char_class.encode("ascii").decode("unicode_escape")
    out: list[str] = []
    i = 0
    while i < len(chars):
        if i + 2 < len(chars) and chars[i + 1] == "-":
            out += map(chr, range(ord(chars[i]), ord(chars[i + 2]) + 1))
            i += 3
        else:
            out.append(chars[i])
            i += 1
    return "".join(out)


# is_invisible strips these rather than searching with VISIBLE_CHAR: the same test, and
# compiling that class costs more start-up than a command checking a cohort spends on it.
_NOTHING_CHARS = _members(_NOTHING)


@lru_cache(maxsize=None)
def _hidden() -> re.Pattern[str]:
    """What visible() escapes: surrogates, controls and the format characters of Unicode 15
    (zero-width, BOM, bidi controls...), listed here so that importing stays fast; compiled
    when first needed (for an error message), as compiling it takes a while."""
    return re.compile("[\ud800-\udfff\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891"
                      "\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
                      "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
                      "\U000e0001\U000e0020-\U000e007f]")


# Text as json.dumps(ensure_ascii=False, allow_nan=False) writes it, where any of these may
# hide: escaped controls, raw DEL/C1/surrogates; long integers and exponents (a digit then
# 15 more, or an exponent). Two searches, each starting only at rare characters (digits are
# rarer than the letters an exponent pattern would start at): a third of the time of one.
_SUSPECT = re.compile(r"[\ud800-\udfff\x7f-\x9f]|\\[bfnrt]|\\u00")
_SUSPECT_NUMBER = re.compile(r"[0-9](?:[eE]|[0-9]{15})")

#: Places (with ``[]`` for any list index) whose text is one line: names, ids, codes.
SINGLE_LINE = frozenset({
    "format", "account.name", "account.industry", "opportunity.name", "opportunity.currency",
    "opportunity.stage", "opportunity.decision_mode", "opportunity.competitors[]", "meta.author",
    *(f"stakeholders[].{k}" for k in ("id", "name", "title", "department", "preferred_vendor", "roles[]", "stance",
                                      "relationship_step", "last_verified")),
    "relationships[].source", "relationships[].target", "relationships[].type",
    "coverage[].stakeholder", "coverage[].owner", "coverage[].channel", "coverage[].last_contact",
})


class LongNumber:
    """A number written with too many digits to be a number of a map (kept only to report it)."""

    __slots__ = ("digits", "head")

    def __init__(self, text: str):
        self.digits = sum(ch.isdigit() for ch in text)
        self.head = text[:12]

    def __repr__(self) -> str:
        return f"{self.head}… ({self.digits} digits)"


def char_name(ch: str) -> str:
    """``U+0000`` style code point of a character."""
    return f"U+{ord(ch):04X}"


def visible(text: str) -> str:
    """``text`` with every surrogate, control and format character shown as a ``\\uXXXX`` escape."""
    return _hidden().sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def bad_char(text: str, single_line: bool) -> tuple[str, int] | None:
    """``(code, index)`` of the first character ``text`` may not hold, or ``None``."""
    match = (_LINE_BAD if single_line else _ALWAYS_BAD).search(text)
    if match is None:
        return None
    code = "surrogate" if "\ud800" <= match.group()[0] <= "\udfff" else "control_char"
    return code, match.start()


def is_invisible(text: str) -> bool:
    """True when ``text`` draws nothing: only spaces, zero-width and format characters, fillers."""
    return not text.strip(_NOTHING_CHARS)


def join_place(parent: str, key: Any) -> str:
    """The place of ``key`` inside ``parent``: ``a.b``, ``a[3]`` (odd characters escaped)."""
    if isinstance(key, int) and not isinstance(key, bool):
        return f"{parent}[{key}]"
    key = visible(key) if isinstance(key, str) else repr(key)
    return f"{parent}.{key}" if parent else key


def _shape(parent: str, key: Any) -> str:
    if isinstance(key, int) and not isinstance(key, bool):
        return f"{parent}[]"
    return f"{parent}.{key}" if parent else str(key)


def looks_clean(data: Any) -> bool:
    """A fast, conservative test: True only when :func:`walk` would certainly find nothing."""
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return False
    return _SUSPECT.search(text) is None and _SUSPECT_NUMBER.search(text) is None


Report = Callable[..., None]


def walk(data: Any, report: Report, place: str = "", shape: str = "", skip: Callable[[str], bool] = lambda _: False
         ) -> None:
    """Report every bad string, number, key or value under ``data`` as ``report(place, code, value, **kw)``.

    ``place`` and ``shape`` locate ``data`` (``stakeholders[3]`` and ``stakeholders[]``);
    ``skip(place)`` is true for places already reported.
    """
    stack = [(data, place, shape)]
    seen: set[int] = set()
    while stack:
        value, at, kind = stack.pop()
        if isinstance(value, (dict, list, tuple)):
            if id(value) in seen:
                continue
            seen.add(id(value))
            items = list(value.items()) if isinstance(value, dict) else list(enumerate(value))
            for key, item in reversed(items):
                child = join_place(at, key)
                if isinstance(value, dict):
                    _check_key(key, child, report, skip)
                stack.append((item, child, _shape(kind, key)))
        elif not skip(at):
            _check_leaf(value, at, kind, report)


def _check_key(key: Any, place: str, report: Report, skip: Callable[[str], bool]) -> None:
    if skip(place):
        return
    if not isinstance(key, str):
        if not isinstance(key, (int, float, bool)) and key is not None:
            report(place, "not_json_value", type(key).__name__)
        return
    found = bad_char(key, single_line=True)
    if found:
        report(place, found[0], key, params={"char": char_name(key[found[1]]), "pos": found[1] + 1})


def _check_leaf(value: Any, place: str, kind: str, report: Report) -> None:
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, str):
        found = bad_char(value, single_line=kind in SINGLE_LINE)
        if found:
            report(place, found[0], value, params={"char": char_name(value[found[1]]), "pos": found[1] + 1})
    elif isinstance(value, LongNumber):
        report(place, "number_too_long", value, params={"digits": value.digits})
    elif isinstance(value, float) and not math.isfinite(value):
        report(place, "not_finite", value)
    elif isinstance(value, (int, float)):
        if abs(value) > MAX_NUMBER:
            report(place, "too_large", value, params={"high": f"{MAX_NUMBER:,}"})
    else:
        report(place, "not_json_value", type(value).__name__)
