"""Writers for the demo files; every output is byte-for-byte reproducible."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from labortrace.demo._companies import DemoCompany

#: Timestamp stamped into the XLSX (document properties and zip entries) instead of "now".
_FIXED_TIME = datetime(2020, 1, 1, 0, 0, 0)


def write_ftm(path: Path, companies: Iterable[DemoCompany]) -> None:
    """FtM JSON lines, sorted by id."""
    lines = [json.dumps(c.to_ftm(), ensure_ascii=False) for c in sorted(companies, key=lambda c: c.id)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def table_cells(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[list[str]]:
    """The sheet as Excel would export it: a title row padded to the header width, then the header, then data."""
    width = len(headers)
    return [[title] + [""] * (width - 1), list(headers)] + [list(r) for r in rows]


def write_csv(path: Path, cells: Sequence[Sequence[str]]) -> None:
    """UTF-8 with a byte-order mark and CRLF line ends, as Excel saves 'CSV UTF-8'."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(cells)


def write_xlsx(path: Path, cells: Sequence[Sequence[str]], *, sheet: str = "Suppliers") -> None:
    """One sheet of text cells (empty cells left blank), with fixed timestamps."""
    workbook = Workbook()
    worksheet = workbook.active
    assert worksheet is not None  # a new Workbook always has one sheet
    worksheet.title = sheet
    for row in cells:
        worksheet.append([value if value != "" else None for value in row])
    workbook.properties.creator = "labortrace demo (FICTIONAL data)"
    workbook.properties.created = _FIXED_TIME
    workbook.properties.modified = _FIXED_TIME
    buffer = io.BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook() would stamp the current time.
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    path.write_bytes(_restamp_zip(buffer.getvalue()))


def _restamp_zip(data: bytes) -> bytes:
    """The same archive with every entry dated _FIXED_TIME, so two runs give the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def write_json(path: Path, document: Any) -> None:
    """Pretty JSON, UTF-8, keys in the order given."""
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
