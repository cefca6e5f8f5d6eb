"""CSV and TSV rows with their physical line numbers, strict decoding and quote checks."""

from __future__ import annotations

import codecs
import csv
from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

from labortrace.errors import InputError

DELIMITERS = (",", "\t", ";", "|")
#: A cell spanning more physical lines than this swallowed rows (an unclosed quote).
MAX_CELL_LINES = 20
#: Encodings whose newline byte never occurs inside a character, so we can split bytes on b"\n".
_WIDE = ("utf-16", "utf-32")


@dataclass(frozen=True)
class RawRow:
    """Cells of one record and the physical lines it spans (None for sheets and JSON lists)."""

    cells: list[str]
    start: int | None = None
    end: int | None = None
    names: list[str] | None = None  #: JSON only: a name per cell, beyond the header's too


class RowError(Exception):
    """A record is malformed; the table reader adds the data row and column name."""

    def __init__(self, message: str, line: int, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def decoded_lines(path: Path, encoding: str) -> Generator[str, None, None]:
    """Physical lines decoded strictly; InputError names the byte offset and line that fail."""
    if encoding.startswith(_WIDE):
        yield from _wide_lines(path, encoding)
        return
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    offset = 0
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            if b"\x00" in line:
                raise InputError(
                    f"NUL byte at byte offset {offset + line.index(0)} (line {number}): this is not "
                    "a text table (UTF-16 without a byte-order mark? re-save it as UTF-8)",
                    file=path,
                )
            try:
                yield decoder.decode(line)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"bytes that are not {encoding} at byte offset {offset + exc.start} "
                    f"(line {number}); re-save the file as UTF-8",
                    file=path,
                ) from exc
            offset += len(line)


def _wide_lines(path: Path, encoding: str) -> Generator[str, None, None]:
    number = 0
    with open(path, encoding=encoding, errors="strict", newline="") as handle:
        try:
            for number, line in enumerate(handle, start=1):
                if "\x00" in line:
                    raise InputError(f"NUL character on line {number}", file=path)
                yield line
        except UnicodeDecodeError as exc:
            raise InputError(
                f"text that is not {encoding} after line {number}; re-save the file as UTF-8",
                file=path,
            ) from exc


def sniff_delimiter(sample_lines: list[str]) -> str:
    """The delimiter that splits the sample into the most rows of one consistent width (>1)."""
    text = "".join(sample_lines)
    scores = {}
    for delimiter in DELIMITERS:
        widths = Counter(len(r) for r in csv.reader(sample_lines, delimiter=delimiter) if any(r))
        width, count = widths.most_common(1)[0] if widths else (1, 0)
        scores[delimiter] = count * (width > 1) + width / 1000  # ties: the wider split
    try:
        sniffed = csv.Sniffer().sniff(text, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        sniffed = ","
    best = max(scores.values())
    if scores.get(sniffed) == best:
        return sniffed
    return max(DELIMITERS, key=lambda d: (scores[d], -DELIMITERS.index(d)))


class _Lines:
    """Feeds decoded lines to the csv module and keeps the first line of the current record."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.first: str | None = None

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        if self.first is None:
            self.first = line
        return line


def open_quote_column(line: str, delimiter: str) -> int | None:
    """Index of the cell whose quote is left open, or closed with text after it, in this line."""
    column, quoted, index = 0, False, 0
    while index < len(line):
        char = line[index]
        if quoted and char == '"':
            following = line[index + 1 : index + 2]
            if following == '"':
                index += 1  # an escaped quote
            elif following not in ("", delimiter, "\r", "\n"):
                return column  # text after the closing quote
            else:
                quoted = False
        elif char == '"' and (index == 0 or line[index - 1] == delimiter):
            quoted = True
        elif char == delimiter and not quoted:
            column += 1
        index += 1
    return column if quoted else None


def csv_rows(path: Path, encoding: str, delimiter: str) -> Generator[RawRow, None, None]:
    """Records with the physical lines they span; RowError for malformed or unclosed quotes."""
    lines = _Lines(decoded_lines(path, encoding))
    # strict: a quote left open at the end of the file is an error, not a silent giant cell
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    while True:
        start = reader.line_num + 1
        lines.first = None
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            column = open_quote_column(lines.first or "", delimiter)
            raise RowError(
                f"malformed or unbalanced quote in the record starting on line {start} ({exc}); "
                'fix the quote (inside a quoted cell, write a literal quote as "")',
                start,
                column,
            ) from exc
        yield RawRow(cells, start, reader.line_num)


def swallowed_cell(row: RawRow, width: int, delimiter: str) -> int | None:
    """Index of a cell that looks like it swallowed whole records after an unbalanced quote."""
    if row.start is None or row.end is None or row.end == row.start:
        return None
    needed = max(2, width - 1)
    for index, cell in enumerate(row.cells):
        lines = cell.split("\n")
        if len(lines) > MAX_CELL_LINES or any(line.count(delimiter) >= needed for line in lines[1:]):
            return index
    return None
