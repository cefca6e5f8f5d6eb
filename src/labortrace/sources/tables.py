"""Supplier tables (CSV, TSV, XLSX, JSON) as rows of text with a field -> column mapping.

Decisions: a fully blank row is skipped but still counted, so row numbers stay those of the file;
a row whose name is empty is yielded (reported downstream, never dropped); a header-only file is an
error ("no data rows"); a row with more non-empty cells than the header is an error (in CSV it
means an unquoted delimiter shifted the columns), while extra empty cells (trailing delimiters)
are ignored; short rows are padded with ''.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Generator, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from labortrace.errors import ConfigError, InputError
from labortrace.sources.encodings import detect_encoding
from labortrace.sources.headers import (
    FIELDS,
    exact_matches,
    guess_mapping,
    header_names,
    parse_map_options,
    resolve_mapping,
)
from labortrace.sources.sheets import json_rows, xlsx_rows
from labortrace.sources.textfile import (
    RawRow,
    RowError,
    csv_rows,
    decoded_lines,
    sniff_delimiter,
    swallowed_cell,
)

__all__ = ["FIELDS", "Table", "TableRow", "guess_mapping", "open_table", "parse_map_options"]

SUFFIX_FORMATS = {
    ".csv": "csv", ".txt": "csv", ".tsv": "tsv", ".tab": "tsv",
    ".xlsx": "xlsx", ".xlsm": "xlsx", ".json": "json", ".jsonl": "json", ".ndjson": "json",
}
#: The header may follow up to this many title or blank rows.
HEADER_SEARCH_ROWS = 11
SNIFF_LINES = 50


@dataclass(frozen=True)
class TableRow:
    """One data row: its numbers in the file and every cell as text."""

    row: int  #: 1-based data row (header excluded)
    line: int | None  #: physical line where the row starts; None for XLSX and JSON lists
    values: dict[str, str]  #: original column -> cell text, all columns in order
    mapping: dict[str, str] = dataclasses.field(default_factory=dict, repr=False, compare=False)

    def field(self, name: str) -> str:
        """The value of a mapped field, or '' when the field is not mapped."""
        column = self.mapping.get(name)
        return self.values.get(column, "") if column else ""


@dataclass
class Table:
    """An opened table: columns, mapping, and rows on iteration (re-read from disk each time)."""

    path: Path
    format: str
    encoding: str | None
    columns: list[str]
    mapping: dict[str, str]  #: field -> column
    delimiter: str | None = None
    sheet: str | None = None
    header_index: int = 0  #: raw rows before the header row

    def raw_rows(self) -> Generator[RawRow, None, None]:
        """Every record of the file, header and title rows included."""
        if self.format == "xlsx":
            return xlsx_rows(self.path, self.sheet)
        if self.format == "json":
            return json_rows(self.path, self.encoding or "utf-8")
        return csv_rows(self.path, self.encoding or "utf-8", self.delimiter or ",")

    def __iter__(self) -> Generator[TableRow, None, None]:
        with closing(self.raw_rows()) as source:
            raws = islice(source, self.header_index + 1, None)
            number = 0
            while True:
                try:
                    raw = next(raws)
                except StopIteration:
                    return
                except RowError as exc:
                    raise self._row_error(exc, number + 1) from exc
                number += 1
                values = self._values(raw, number)
                if any(values.values()):
                    yield TableRow(number, raw.start, values, self.mapping)

    def _values(self, raw: RawRow, number: int) -> dict[str, str]:
        if raw.names is not None:
            return dict(zip(raw.names, raw.cells))
        cells = [c.strip() for c in raw.cells]
        if self.delimiter and (index := swallowed_cell(raw, len(self.columns), self.delimiter)) is not None:
            message = (
                f"unbalanced quote: the cell opened on line {raw.start} runs to line {raw.end} and "
                'swallowed the rows between; fix the quote (a literal quote is written "")'
            )
            raise self._row_error(RowError(message, raw.start or 0, index), number)
        extra = [c for c in cells[len(self.columns) :] if c]
        if extra:
            raise self._extra_cells(raw, len(cells), extra[0], number)
        cells += [""] * (len(self.columns) - len(cells))
        return dict(zip(self.columns, cells))

    def _extra_cells(self, raw: RawRow, count: int, first: str, number: int) -> InputError:
        where = f"line {raw.start}" if raw.start else "the row"
        hint = (
            "an unquoted delimiter inside a value shifts the columns: quote that value, or "
            if self.delimiter
            else ""
        ) + "add a header for the extra column"
        return InputError(
            f"{where} has {count} cells but the header has {len(self.columns)} columns "
            f"(first extra: {first!r}); {hint}",
            file=self.path,
            row=number,
        )

    def _row_error(self, exc: RowError, number: int) -> InputError:
        index = exc.column
        column = self.columns[index] if index is not None and index < len(self.columns) else None
        return InputError(exc.message, file=self.path, row=number, column=column)


def _format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputError("the old Excel .xls format is not supported; save it as .xlsx or .csv", file=path)
    return SUFFIX_FORMATS.get(suffix, "csv")


def _check_size(path: Path, max_bytes: int) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", file=path) from exc
    if size == 0:
        raise InputError("the file is empty", file=path)
    if size > max_bytes:
        raise InputError(f"the file is {size:,} bytes, over the limit of {max_bytes:,} bytes", file=path)


def _pick_header(
    table: Table, user: dict[str, str] | None, required: Sequence[str]
) -> tuple[int, list[str], dict[str, str]]:
    """Among the leading rows that map every required field, the one that maps the most.

    A title row such as 'Supplier list 2024' maps a name too, so the first match is not enough:
    more mapped fields, then more exact header spellings, then more cells win; ties go to the
    earlier row.
    """
    candidates: list[tuple[int, list[str]]] = []
    best: tuple[tuple[int, int, int], int, list[str], dict[str, str]] | None = None
    for index, raw in enumerate(_leading_rows(table)):
        cells = [c.strip() for c in raw.cells]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        columns = header_names(cells)
        candidates.append((index, columns))
        mapping = _mapping_for(columns, user)
        if mapping is not None and all(f in mapping for f in required):
            score = (len(mapping), exact_matches(mapping), len(cells))
            if best is None or score > best[0]:
                best = (score, index, columns, mapping)
        if table.format == "json":
            break  # a JSON table's header is its keys, nowhere else
    if best is not None:
        return best[1], best[2], best[3]
    if not candidates:
        raise InputError("the file has no rows, only blank lines", file=table.path)
    found = ", ".join(repr(c) for c in candidates[0][1])
    if user:
        resolve_mapping(user, candidates[0][1])  # raises ConfigError naming the columns
    fields = [f for f in required if f != "name"]
    what = "a supplier name" if "name" in required else "the field(s) " + ", ".join(fields)
    hint = "name" if "name" in required else fields[0]
    raise InputError(
        f"no column holds {what}; columns found: {found}; say which one with --map {hint}=COLUMN",
        file=table.path,
    )


def _leading_rows(table: Table) -> Iterator[RawRow]:
    """The first rows, stopping quietly at a malformed one: iteration reports it with its row."""
    with closing(table.raw_rows()) as raws:
        try:
            yield from islice(raws, HEADER_SEARCH_ROWS)
        except RowError:
            return


def _mapping_for(columns: list[str], user: dict[str, str] | None) -> dict[str, str] | None:
    guessed = guess_mapping(columns)
    if not user:
        return guessed
    try:
        chosen = resolve_mapping(user, columns)
    except ConfigError:
        return None
    taken = set(chosen.values())
    return {**{f: c for f, c in guessed.items() if c not in taken}, **chosen}


def open_table(
    path: Path,
    mapping: dict[str, str] | None = None,
    *,
    required: Sequence[str] = ("name",),
    max_bytes: int = 2_000_000_000,
    sheet: str | None = None,
) -> Table:
    """Open a supplier table, find its header and mapping; errors before any row is yielded."""
    path = Path(path)
    _check_size(path, max_bytes)
    fmt = _format(path)
    encoding = None if fmt == "xlsx" else detect_encoding(path)
    delimiter = None
    if fmt in ("csv", "tsv"):
        delimiter = "\t" if fmt == "tsv" else _sniff(path, encoding or "utf-8")
    table = Table(path, fmt, encoding, [], {}, delimiter, sheet)
    table.header_index, table.columns, table.mapping = _pick_header(table, mapping, required)
    with closing(iter(table)) as rows:
        if next(rows, None) is None:
            raise InputError("no data rows: the file has a header but no rows below it", file=path)
    return table


def _sniff(path: Path, encoding: str) -> str:
    with closing(decoded_lines(path, encoding)) as lines:
        return sniff_delimiter(list(islice(lines, SNIFF_LINES)))
