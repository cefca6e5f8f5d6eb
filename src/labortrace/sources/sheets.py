"""XLSX sheets (openpyxl, read-only) and JSON tables (a list of objects, or JSON lines) as raw rows."""

from __future__ import annotations

import json
import warnings
import zipfile
from collections.abc import Generator, Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

from labortrace.errors import InputError
from labortrace.sources.textfile import RawRow, decoded_lines

ZIP_MAGIC = b"PK\x03\x04"
#: JSON rows read to collect the column names of a JSON table.
KEY_SAMPLE_ROWS = 1000


def cell_text(value: Any) -> str:
    """A cell as text: integral numbers without '.0', dates in ISO form, None as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value).strip()


def _sheet_cell(cell: Any) -> str:
    text = cell_text(cell.value)
    fmt = getattr(cell, "number_format", "General") or "General"
    if isinstance(cell.value, (int, float)) and text.isdigit() and set(fmt) == {"0"}:
        return text.zfill(len(fmt))  # a code shown with leading zeros ("000123") keeps them
    return text


def xlsx_rows(path: Path, sheet: str | None) -> Generator[RawRow, None, None]:
    """Rows of one sheet (the named one, else the first), cells as text."""
    with open(path, "rb") as handle:
        if handle.read(4) != ZIP_MAGIC:
            raise InputError("this is not an XLSX file (no zip signature); save it as .xlsx or .csv", file=path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it ignores
            book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError(f"cannot open the workbook: {exc}", file=path) from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise InputError(f"no sheet {sheet!r}; sheets: {', '.join(book.sheetnames)}", file=path)
        worksheet = book[sheet] if sheet is not None else book.worksheets[0]
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()  # files from some exporters claim a size of A1:A1
        for cells in worksheet.iter_rows():
            yield RawRow([_sheet_cell(c) for c in cells])
    finally:
        book.close()


def _records(path: Path, encoding: str) -> Iterator[tuple[int | None, Any]]:
    """JSON values with their line (JSON lines), or the items of a top-level list (line None)."""
    lines = decoded_lines(path, encoding)
    first = ""
    for first in lines:
        if first.strip():
            break
    if first.lstrip().startswith("["):
        # a JSON list is parsed whole: the json module cannot stream it
        text = first + "".join(lines)
        try:
            items = json.loads(text)
        except ValueError as exc:
            raise InputError(f"not valid JSON: {exc}", file=path) from exc
        for item in items if isinstance(items, list) else [items]:
            yield None, item
        return
    lines.close()
    yield from _json_lines(path, encoding)


def _json_lines(path: Path, encoding: str) -> Iterator[tuple[int | None, Any]]:
    for number, line in enumerate(decoded_lines(path, encoding), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except ValueError as exc:
            raise InputError(
                f"line {number} is not valid JSON ({exc}); expected a JSON list of objects or "
                "one object per line",
                file=path,
            ) from exc


def json_rows(path: Path, encoding: str) -> Generator[RawRow, None, None]:
    """A header row (keys of the first objects, in order) then one row per object."""
    records = _records(path, encoding)
    head: list[tuple[int | None, dict[str, Any]]] = []
    columns: dict[str, None] = {}
    for line, item in records:
        if not isinstance(item, dict):
            where = f"line {line}" if line else f"item {len(head) + 1}"
            raise InputError(f"{where} is a JSON {type(item).__name__}, expected an object", file=path)
        head.append((line, item))
        columns.update(dict.fromkeys(str(k) for k in item))
        if len(head) >= KEY_SAMPLE_ROWS:
            break
    yield RawRow(list(columns))
    for line, item in head:
        yield _json_row(line, item, columns)
    for line, item in records:
        if not isinstance(item, dict):
            raise InputError(f"line {line} is a JSON {type(item).__name__}, expected an object", file=path)
        yield _json_row(line, item, columns)


def _json_row(line: int | None, item: dict[str, Any], columns: dict[str, None]) -> RawRow:
    """Cells in header order; keys the header lacks come after, named, so nothing is lost."""
    values = {str(k): cell_text(v) for k, v in item.items()}
    names = list(columns) + [k for k in values if k not in columns]
    return RawRow([values.get(c, "") for c in names], line, line, names)
