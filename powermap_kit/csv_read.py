"""Reading a CSV file's bytes into rows, saying what went wrong and where.

:func:`read_source` refuses anything that is not a regular file (a folder, a pipe,
``/dev/zero``) or is larger than the input limit (:func:`powermap_kit.io.max_bytes`, ``$POWERMAP_MAX_MB``); :func:`decode` finds the text encoding
(UTF-8 with or without a byte-order mark, UTF-16, GB18030/GBK, cp1252/Latin-1) with
charset-normalizer and names it; :func:`split_rows` reads the rows strictly, so a quote
that is never closed is reported with its row instead of swallowing the rows after it.
Row numbers are the file's line numbers (the header is row 1), as a text editor and, for
files without line breaks inside cells, Excel show them.

>>> text, encoding = decode("Name\\nMüller\\n".encode("latin-1"))
>>> encoding, text.splitlines()[1]
('cp1252', 'Müller')
>>> rows, problems = split_rows('Name,Title\\n"Wang Wei,CIO\\nLi Na,CFO\\n')
>>> [(r.line, r.cells) for r in rows], [(p.line, p.code) for p in problems]
([(1, ['Name', 'Title']), (3, ['Li Na', 'CFO'])], [(2, 'unclosed_quote')])
"""

from __future__ import annotations

import codecs
import csv
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, InvalidValue

__all__ = ["ENCODINGS", "Row", "RowProblem", "decode", "read_source", "split_rows", "stream_or_file",
           "unique_headers"]

#: The largest CSV file :func:`read_source` reads (a contact list is far smaller).
#: Encodings the detector chooses from (Python codec names), besides UTF-8 and byte-order marks.
ENCODINGS = ("utf_8", "utf_16", "utf_16_le", "utf_16_be", "gb18030", "cp1252", "latin_1")
_SHOWN = {"utf_8": "utf-8", "utf_16": "utf-16", "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be",
          "gb18030": "gb18030", "cp1252": "cp1252", "latin_1": "latin-1"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "utf-8 (BOM)"), (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16", "utf-16"))
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


@dataclass(frozen=True)
class Row:
    """One record of the file: the line it starts on and its cells."""

    line: int
    cells: list[str]


@dataclass(frozen=True)
class RowProblem:
    """A row that could not be read: its line, a code (``unclosed_quote``, ``unreadable_row``) and the text."""

    line: int
    code: str
    text: str


def read_source(path: str | os.PathLike, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (default: the limit every input
    has, :func:`powermap_kit.io.max_bytes`); an :class:`~powermap_kit.errors.InputError` (a ``ValueError``) says why not."""
    from .io import max_bytes

    file = os.fspath(path)
    try:
        limit = max_bytes(limit)
    except InvalidValue as exc:
        raise InputError("problem.bad_size_limit", setting=exc.value) from None
    info = os.stat(file)
    if not stat.S_ISREG(info.st_mode):
        raise InputError("import.not_a_file", file=file)
    if info.st_size > limit:
        raise InputError("import.too_big", file=file, size=info.st_size, limit=limit)
    with open(file, "rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise InputError("import.too_big", file=file, size=len(raw), limit=limit)
    return raw


def decode(raw: bytes, file: str = "") -> tuple[str, str]:
    """``raw`` as text and the name of the encoding used.

    A byte-order mark decides; else strict UTF-8; else charset-normalizer chooses among
    :data:`ENCODINGS`. An :class:`~powermap_kit.errors.InputError` when none fits (a binary file).
    """
    for bom, codec, shown in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), shown
            except UnicodeDecodeError:
                break
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=list(ENCODINGS)).best()
    if best is None:
        raise InputError("import.unknown_encoding", file=file or "?")
    return str(best), _SHOWN.get(best.encoding, best.encoding)


def _delimiter(text: str) -> str:
    """The delimiter (``,``, ``;`` as Excel writes in much of Europe, or tab); quoting is always Excel's."""
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter if text.strip() else ","
    except csv.Error:
        return ","


def split_rows(text: str) -> tuple[list[Row], list[RowProblem]]:
    """The file's records (blank ones left out) and the rows that could not be read.

    A row whose quotes do not pair up (``"Wang Wei,CIO`` with no closing quote, or text
    after a closing quote) is reported and left out; reading goes on at the next line, so
    the people after it are still read.
    """
    lines = _LINE.findall(text)
    delimiter = _delimiter(text)
    rows: list[Row] = []
    problems: list[RowProblem] = []
    start = 0
    while start < len(lines):
        reader = csv.reader(iter(lines[start:]), csv.excel, delimiter=delimiter, strict=True)
        done = 0  # lines of lines[start:] consumed by complete records
        try:
            for cells in reader:
                if any(cell.strip() for cell in cells):
                    rows.append(Row(start + done + 1, cells))
                done = reader.line_num
            break
        except csv.Error as exc:
            bad = start + done  # index of the line the broken record starts on
            code = "unclosed_quote" if "end of data" in str(exc) else "unreadable_row"
            problems.append(RowProblem(bad + 1, code, lines[bad].rstrip("\r\n")))
            start = bad + 1
    return rows, problems


def unique_headers(cells: list[str]) -> list[str]:
    """Header cells stripped, an empty one named by its position, a repeated one numbered."""
    seen: set[str] = set()
    out = []
    for n, cell in enumerate(cells, 1):
        head = cell.strip() or f"#{n}"
        base, k = head, 2
        while head in seen:
            head, k = f"{base} ({k})", k + 1
        seen.add(head)
        out.append(head)
    return out


def stream_or_file(source: object) -> tuple[str, str]:
    """Text and encoding of a text stream (``"text"``) or a file (decoded, see :func:`decode`)."""
    if hasattr(source, "read"):
        return source.read(), "text"  # type: ignore[attr-defined]
    path = Path(source)  # type: ignore[arg-type]
    return decode(read_source(path), str(path))
