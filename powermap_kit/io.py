"""Reading and writing power-map files (``design/format.md``).

Loading parses JSON only (nothing is executed), never guesses and never half-loads: a
file with problems raises :class:`~powermap_kit.errors.MapFormatError` listing every
problem with its place. Only regular files are read (a folder, pipe or device is refused
at once) and only up to a size limit (:func:`max_bytes`: 20 MB unless
``$POWERMAP_MAX_MB`` says otherwise). Duplicate keys in one JSON object and numbers
written with hundreds of digits are problems with their place, not silent choices.

Saving validates first and is atomic (:mod:`~powermap_kit.atomic`): a failed or killed
save never damages the previous file, keeps its permissions, writes through symlinks and
leaves no temporary file behind.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from .atomic import write_bytes_atomic
from .errors import InvalidValue, MapFormatError, Problem, WrongType
from .fastjson import loads_plain
from .model import PowerMap
from .validation import validate_data
from .values import MAX_NUMBER, LongNumber, join_place

__all__ = ["DEFAULT_MAX_MB", "dumps", "load_map", "loads", "max_bytes", "parse_json", "parse_json_clean", "read_bytes",
           "read_json", "read_json_clean", "save_map", "validate_file", "write_bytes_atomic", "write_text_atomic"]

PathLike = str | os.PathLike

#: The default size limit of a file to load, in megabytes (``$POWERMAP_MAX_MB`` changes it).
DEFAULT_MAX_MB = 20
#: Integers written with more digits than this are reported, never converted.
_MAX_DIGITS = 100


def _reject_constant(name: str) -> Any:
    raise InvalidValue("", "not_json_value", name)


def max_bytes(limit: int | None = None) -> int:
    """The size limit in bytes: ``limit`` when given, else ``$POWERMAP_MAX_MB`` megabytes, else 20 MB.

    Raises :class:`InvalidValue` (a ``ValueError``; ``.value`` is the setting) when
    ``$POWERMAP_MAX_MB`` is not a positive number.
    """
    if limit is not None:
        return int(limit)
    setting = os.environ.get("POWERMAP_MAX_MB", "").strip()
    if not setting:
        return DEFAULT_MAX_MB * 1_000_000
    try:
        megabytes = float(setting)
    except ValueError:
        megabytes = -1.0
    if not 0 < megabytes < 1e9:
        raise InvalidValue("POWERMAP_MAX_MB", "bad_size_limit", setting, setting=setting)
    return int(megabytes * 1_000_000)


def read_bytes(source: PathLike, limit: int | None = None) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file of at most :func:`max_bytes` bytes; else ``(None, problems)``."""
    file = str(source)

    def problem(code: str, **params: Any) -> tuple[None, list[Problem]]:
        return None, [Problem("", code, params=params, file=file)]

    try:
        limit = max_bytes(limit)
    except InvalidValue as exc:
        return problem("bad_size_limit", setting=exc.value)
    try:
        # stat first: opening some devices has effects; O_NONBLOCK: a FIFO swapped in never blocks.
        if not stat.S_ISREG(os.stat(source).st_mode):
            return problem("not_regular_file")
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
                     | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError) as exc:
        return problem("unreadable", detail=getattr(exc, "strerror", None) or str(exc))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return problem("not_regular_file")
        if info.st_size > limit:
            return problem("file_too_big", size=_mb(info.st_size), limit=_mb(limit))
        # Read what fstat promises (plus one byte to see growth), not ``limit + 1``: asking
        # for 20 MB allocates 20 MB for every small file of a cohort.
        raw = _read_up_to(fd, info.st_size + 1)
        if len(raw) > info.st_size:  # it is growing: read on up to the limit
            raw += _read_up_to(fd, limit + 1 - len(raw))
    except OSError as exc:
        return problem("unreadable", detail=exc.strerror or str(exc))
    finally:
        os.close(fd)
    if len(raw) > limit:  # it grew while being read
        return problem("file_too_big", size=_mb(len(raw)), limit=_mb(limit))
    return raw, []


def _read_up_to(fd: int, count: int) -> bytes:
    """Up to ``count`` bytes from ``fd``, fewer only at its end (no file object: one per cohort file adds up)."""
    parts = []
    while count > 0:
        data = os.read(fd, count)
        if not data:
            break
        parts.append(data)
        count -= len(data)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.3g}"


def read_json(source: PathLike, limit: int | None = None) -> tuple[Any, list[Problem]]:
    """Parse a file as UTF-8 JSON (a leading BOM is allowed); return (data, problems).

    ``limit`` is the size limit in bytes (default: :func:`max_bytes`).
    """
    raw, problems = read_bytes(source, limit)
    if raw is None:
        return None, problems
    return parse_json(raw, str(source))


def parse_json(raw: bytes | str, file: str | None = None) -> tuple[Any, list[Problem]]:
    """Parse UTF-8 JSON bytes or text; return (data, problems) -- data is None when there are problems."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            detail = f"byte 0x{raw[exc.start]:02x} at offset {exc.start}"
            return None, [Problem("", "not_utf8", params={"detail": detail}, file=file)]
    return _parse(raw, file)


def _parse(text: str, file: str | None) -> tuple[Any, list[Problem]]:
    data, problems, marked = _parse_marked(text, file)
    if marked:
        return None, _marked_problems(data, marked[0], marked[1], file)
    return data, problems


# Where a bad character could hide in JSON text decoded from UTF-8 (raw control characters
# below U+0020 are not JSON): an escape other than \" \\ \/, or a raw DEL or C1 character.
# Most texts have no backslash at all, which the first, simpler search finds out quickly.
_BACKSLASH_OR_C1 = re.compile(r"[\\\x7f-\x9f]")
_ESCAPE_OR_C1 = re.compile(r"\\[bfnrtu]|[\x7f-\x9f]")
#: Integers with fewer digits (a minus sign counted) are within MAX_NUMBER.
_SAFE_DIGITS = len(str(MAX_NUMBER)) - 1


def _decoded(raw: bytes, file: str | None) -> tuple[bytes, str | None, list[Problem]]:
    """A file's bytes and UTF-8 text (a leading BOM dropped); text is None when there are problems."""
    try:
        return raw, raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return raw, None, parse_json(raw, file)[1]  # reports the bad byte


def read_json_clean(source: PathLike, limit: int | None = None) -> tuple[Any, list[Problem], bool]:
    """:func:`read_json`, and whether the data is known to hold no bad character or number
    (then ``validate_data(data, clean=True)`` need not look for them): ``(data, problems, clean)``."""
    raw, problems = read_bytes(source, limit)
    if raw is None:
        return None, problems, False
    return parse_json_clean(raw, str(source))


def parse_json_clean(raw: bytes, file: str | None = None) -> tuple[Any, list[Problem], bool]:
    """:func:`read_json_clean` of bytes already read."""
    data = loads_plain(raw)
    if data is not None:  # plain JSON (no escape, control, long number or repeated key): clean
        return data, [], True
    raw, text, problems = _decoded(raw, file)
    if text is None:
        return None, problems, False
    data, problems, marked, big = _parse_full(text, file)
    if marked:
        return None, _marked_problems(data, marked[0], marked[1], file), False
    return data, problems, not problems and _clean(text, big, raw)


def _clean(text: str, big: bool, raw: bytes | None = None) -> bool:
    """Whether parsed JSON text can hold no bad character and no out-of-range number (then
    validation need not look for them): no big number met while parsing, and no escape or
    C1 control in the text.

    ``raw``, the UTF-8 the text was decoded from, answers the C1 question faster: DEL is
    byte 0x7f and every C1 control starts with byte 0xc2, which text in Chinese or English
    rarely holds; a byte search is many times quicker than a character-class search.
    """
    if big:
        return False
    if raw is not None and b"\x7f" not in raw and b"\xc2" not in raw:  # no DEL or C1 control
        return "\\" not in text or _ESCAPE_OR_C1.search(text) is None
    return _BACKSLASH_OR_C1.search(text) is None or _ESCAPE_OR_C1.search(text) is None


def _parse_marked(text: str, file: str | None) -> tuple[Any, list[Problem], tuple | None]:
    """Parse JSON; return (data, problems, marks): marks are the repeated keys and overlong numbers found."""
    return _parse_full(text, file)[:3]


def _parse_full(text: str, file: str | None) -> tuple[Any, list[Problem], tuple | None, bool]:
    """:func:`_parse_marked`, and whether a number may be beyond MAX_NUMBER (or not finite)."""
    big = False
    repeated: dict[int, list[tuple[str, Any]]] = {}  # id(object) -> (key, a value it lost to a later one)
    long_numbers: list[LongNumber] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            lost = [(key, value) for key, value in pairs if obj[key] is not value]
            repeated[id(obj)] = lost or [(key, None) for key, _ in pairs]
        return obj

    def parse_int(digits: str) -> int | LongNumber:
        nonlocal big
        if len(digits) >= _SAFE_DIGITS:
            big = True
        if len(digits) > _MAX_DIGITS:
            number = LongNumber(digits)
            long_numbers.append(number)
            return number
        return int(digits)

    def parse_float(digits: str) -> float:
        nonlocal big
        value = float(digits)
        if not -MAX_NUMBER <= value <= MAX_NUMBER:
            big = True
        return value

    try:
        data = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=pairs_hook, parse_int=parse_int,
                          parse_float=parse_float)
    except json.JSONDecodeError as exc:
        detail = f"line {exc.lineno} column {exc.colno}: {exc.msg}"
    except (ValueError, RecursionError) as exc:
        detail = str(exc) or type(exc).__name__
    else:
        return data, [], ((repeated, long_numbers) if repeated or long_numbers else None), big
    return None, [Problem("", "not_json", params={"detail": detail}, file=file)], None, big


def _read_map(source: PathLike, limit: int | None) -> tuple[Any, list[Problem]]:
    """Read and check a map file: every problem, the format's included; data is None when there are any."""
    return _read_map_bytes(source, limit)[1:]


def _read_map_bytes(source: PathLike, limit: int | None = None) -> tuple[bytes | None, Any, list[Problem]]:
    """Like :func:`_read_map`, with the bytes read first: ``(raw, data, problems)``."""
    file = str(source)
    raw, problems = read_bytes(source, limit)
    if raw is None:
        return None, None, problems
    from .typed import data_of, decode_plain  # here: msgspec is loaded with the first map read

    typed = decode_plain(raw)
    if typed is not None:  # a plain file that validation passes without a word (see typed)
        return raw, data_of(typed[0]), []
    data = loads_plain(raw)
    if data is not None:
        problems = validate_data(data, file, True)
        return raw, (None if problems else data), problems
    raw, text, problems = _decoded(raw, file)
    if text is None:
        return raw, None, problems
    data, problems, marked, big = _parse_full(text, file)
    if problems:
        return raw, None, problems
    if marked:  # repeated keys (not in the data any more) and what the format says about the rest
        return raw, None, _marked_problems(data, marked[0], [], file) + validate_data(data, file)
    problems = validate_data(data, file, _clean(text, big, raw))
    return raw, (None if problems else data), problems


def _marked_problems(data: Any, repeated: dict[int, list[tuple[str, Any]]], long_numbers: list[LongNumber],
                     file: str | None) -> list[Problem]:
    """Problems for repeated keys and overlong numbers, each with its place, in document order.

    Values that lost to a later duplicate are searched too (they may hold more problems).
    """
    problems = []
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, place = stack.pop()
        if isinstance(value, LongNumber) and long_numbers:
            problems.append(Problem(place, "number_too_long", value, params={"digits": value.digits}, file=file))
        elif isinstance(value, dict):
            lost = repeated.get(id(value), [])
            for key in dict.fromkeys(key for key, _ in lost):
                problems.append(Problem(join_place(place, key), "duplicate_key", key, file=file))
            children = [(join_place(place, k), v) for k, v in lost]  # earlier in the text
            children += [(join_place(place, k), v) for k, v in value.items()]
            stack.extend((item, at) for at, item in reversed(children))
        elif isinstance(value, list):
            stack.extend((item, join_place(place, i)) for i, item in reversed(list(enumerate(value))))
    return problems


def validate_file(source: PathLike, limit: int | None = None) -> list[Problem]:
    """Every problem of one file (unreadable, not JSON, or not the format); empty when valid."""
    return _read_map(source, limit)[1]


def load_map(source: PathLike | dict[str, Any] | PowerMap, limit: int | None = None) -> PowerMap:
    """Load a power map from a file path or from already-parsed JSON data.

    ``limit`` is the size limit of a file in bytes (default: :func:`max_bytes`). Raises
    :class:`MapFormatError` with every problem found (file, place, bad value).
    """
    if isinstance(source, PowerMap):
        return source.copy()
    if isinstance(source, dict):
        return PowerMap.from_dict(source)
    if not isinstance(source, (str, os.PathLike)):
        raise WrongType("source", "wrong_class", type(source).__name__, allowed=("path", "dict", "PowerMap"))
    data, problems = _read_map(source, limit)
    if problems:
        raise MapFormatError(problems, str(source))
    return PowerMap.from_dict(data, file=str(source), copy=False, validate=False)


def loads(text: str) -> PowerMap:
    """Load a power map from JSON text."""
    data, problems, marked = _parse_marked(text, None)
    if marked:
        problems = _marked_problems(data, marked[0], [], None) + validate_data(data)
    if problems:
        raise MapFormatError(problems)
    return PowerMap.from_dict(data, copy=False)


def dumps(pm: PowerMap) -> str:
    """The map as JSON text: UTF-8 friendly (Chinese kept as is), two-space indented."""
    return json.dumps(pm.to_dict(), ensure_ascii=False, indent=2) + "\n"


def save_map(pm: PowerMap, path: PathLike) -> Path:
    """Validate and write a map atomically; return the path written.

    An invalid map raises :class:`MapFormatError` and writes nothing.
    """
    problems = pm.validate()
    if problems:
        raise MapFormatError(problems, str(path))
    return write_text_atomic(path, dumps(pm))


def write_text_atomic(path: PathLike, text: str) -> Path:
    """Write text to ``path`` (UTF-8, ``\\n`` line ends) atomically (see :func:`write_bytes_atomic`)."""
    return write_bytes_atomic(path, text.encode("utf-8"))
