"""What the command line prints and writes, made safe for terminals and honest about failures.

- :func:`printable` shows a terminal control character (ESC, CSI, OSC, any other C0 or C1
  control, bidirectional overrides) or an unpaired surrogate from user text as a visible
  ``\\uXXXX`` escape instead of sending it raw, so a stakeholder named
  ``"\\x1b]0;pwned\\x07"`` cannot retitle, recolour or rewrite the coach's terminal. The
  ``\\uXXXX`` spelling keeps JSON output valid and lossless. Tab and newline are kept.
- :class:`SafeStream` applies it to everything written to standard output and error while
  a command runs (:func:`powermap_kit.cli.main` installs it).
- :func:`writing` turns any failure to write an output into one
  :class:`~powermap_kit.errors.OutputError` that names the output the user gave, never a
  hidden temporary file.

>>> printable("Wang\\x1b[31mWei\\x9b")
'Wang\\\\u001b[31mWei\\\\u009b'
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from ..errors import OutputError

__all__ = ["SafeStream", "os_error_line", "printable", "writing"]

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates, surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


# The same characters as UTF-8, found without decoding: a C0 control or DEL is one byte,
# a C1 control starts with 0xc2 and a surrogate with 0xed (both rare: looked at closely
# when present), the bidi controls are three bytes from 0xe2.
_UNSAFE_BYTES = bytes(b for b in range(256) if b not in b"\t\n" and (b < 0x20 or b in b"\x7f\xc2\xed"))
_KEEP_BYTES = bytes(b for b in range(256) if b not in _UNSAFE_BYTES)
_BIDI_BYTES = re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def printable(text: str) -> str:
    """``text`` with every terminal control character shown as a ``\\uXXXX`` escape."""
    return _UNSAFE.sub(_escape, text)


class SafeStream:
    """A text stream that passes everything through :func:`printable`.

    On a terminal a carriage return that starts a write is kept: progress bars redraw
    their line that way. Anything else is delegated to the wrapped stream.
    """

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        keep_cr = text.startswith("\r") and self._isatty()
        safe = "\r" + printable(text[1:]) if keep_cr else printable(text)
        encoding = getattr(self._stream, "encoding", None) or "utf-8"
        try:
            # UTF-8 encodes every text printable() leaves (it escapes the surrogates): no trial
            # encoding of what may be megabytes of JSON.
            if codecs.lookup(encoding).name != "utf-8":
                safe.encode(encoding)
        except LookupError:
            pass
        except UnicodeEncodeError:
            # A console that cannot show some characters (e.g. a legacy code page) shows escapes instead.
            safe = safe.encode(encoding, "backslashreplace").decode(encoding, "replace")
        return self._stream.write(safe)

    def write_utf8(self, data: bytes) -> None:
        """Write UTF-8 bytes (a command's JSON output): straight to the byte stream when
        no byte of them can start a character :func:`printable` escapes, else as text."""
        buffer = getattr(self._stream, "buffer", None)
        encoding = getattr(self._stream, "encoding", None) or "utf-8"
        try:
            utf8 = codecs.lookup(encoding).name == "utf-8"
        except LookupError:
            utf8 = False
        if (buffer is None or not utf8 or data.translate(None, _KEEP_BYTES)
                or _BIDI_BYTES.search(data) is not None):
            self.write(data.decode("utf-8", "surrogatepass"))
            return
        self._stream.flush()
        buffer.write(data)
        buffer.flush()

    def _isatty(self) -> bool:
        try:
            return bool(self._stream.isatty())
        except (AttributeError, ValueError, OSError):
            return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def writing(path: str | os.PathLike) -> Iterator[None]:
    """Report a failure inside the block as one :class:`OutputError` about ``path``.

    An :class:`OSError` (no permission, a folder, a missing folder, a full disk) or a
    :class:`ValueError` (the writers' refusal of a file type they cannot write).
    """
    try:
        yield
    except OutputError:
        raise
    except (OSError, ValueError) as exc:
        raise OutputError(os.fspath(path), exc) from None


def _concerns(failed: str, output: str) -> bool:
    """Whether a failure on path ``failed`` was about writing ``output``: the file itself, its
    temporary file beside it, a folder on its way, or (for a folder output) a file inside it."""
    f, o = Path(os.path.abspath(failed)), Path(os.path.abspath(output))
    return (f == o or o.is_relative_to(f) or f.is_relative_to(o)
            or (f.parent == o.parent and f.name.startswith(f".{o.name}.")))


def os_error_line(exc: OSError, outputs: list[str]) -> str:
    """One line for an :class:`OSError` that reached the top of a command.

    When it concerns one of the command's ``outputs`` (``--out``, ``--actions``), the line
    names that output, never the hidden temporary file the error may carry; otherwise the
    file the error names (an input that could not be read).
    """
    failed = [os.fspath(f) for f in (exc.filename, exc.filename2) if f]
    for output in outputs:
        if any(_concerns(f, output) for f in failed):
            return str(OutputError(output, exc))
    name = failed[0] if failed else ""
    return f"{name}: {exc.strerror or exc}" if name else str(exc.strerror or exc)
