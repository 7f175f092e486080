"""Reading and writing power-map files (``design/format.md``).

Loading parses JSON only (nothing is executed), never guesses and never half-loads: a
file with problems raises :class:`~powermap_kit.errors.MapFormatError` listing every
problem with its place. Saving validates first and is atomic: the new text goes to a
temporary file beside the target, which then replaces it, so a failed save never
damages the previous file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .errors import MapFormatError, Problem
from .model import PowerMap
from .validation import validate_data

__all__ = ["dumps", "load_map", "loads", "read_json", "save_map", "validate_file"]

PathLike = str | os.PathLike


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


def read_json(source: PathLike) -> tuple[Any, list[Problem]]:
    """Parse a file as UTF-8 JSON (a leading BOM is allowed); return (data, problems)."""
    file = str(source)
    try:
        raw = Path(source).read_bytes()
    except OSError as exc:
        return None, [Problem("", "unreadable", params={"detail": exc.strerror or str(exc)}, file=file)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        detail = f"byte 0x{raw[exc.start]:02x} at offset {exc.start}"
        return None, [Problem("", "not_utf8", params={"detail": detail}, file=file)]
    return _parse(text, file)


def _parse(text: str, file: str | None) -> tuple[Any, list[Problem]]:
    try:
        return json.loads(text, parse_constant=_reject_constant), []
    except json.JSONDecodeError as exc:
        detail = f"line {exc.lineno} column {exc.colno}: {exc.msg}"
    except (ValueError, RecursionError) as exc:
        detail = str(exc) or type(exc).__name__
    return None, [Problem("", "not_json", params={"detail": detail}, file=file)]


def validate_file(source: PathLike) -> list[Problem]:
    """Every problem of one file (unreadable, not JSON, or not the format); empty when valid."""
    data, problems = read_json(source)
    return problems or validate_data(data, str(source))


def load_map(source: PathLike | dict[str, Any] | PowerMap) -> PowerMap:
    """Load a power map from a file path or from already-parsed JSON data.

    Raises :class:`MapFormatError` with every problem found (file, place, bad value).
    """
    if isinstance(source, PowerMap):
        return source.copy()
    if isinstance(source, dict):
        return PowerMap.from_dict(source)
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(f"load_map takes a path or a dict, not {type(source).__name__}")
    data, problems = read_json(source)
    if problems:
        raise MapFormatError(problems, str(source))
    return PowerMap.from_dict(data, file=str(source), copy=False)


def loads(text: str) -> PowerMap:
    """Load a power map from JSON text."""
    data, problems = _parse(text, None)
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
    """Write text to ``path`` (UTF-8, ``\\n`` line ends) through a temporary file and a rename."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: PathLike, data: bytes) -> Path:
    """Write bytes to ``path`` through a temporary file and a rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode an ordinary write would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target
