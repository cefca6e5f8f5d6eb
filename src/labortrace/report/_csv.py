"""results.csv: one line per input row for spreadsheets, safe to open in Excel."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from labortrace.report._document import canonical, cell_text, write_atomic

#: Our columns after the input ones; `row` comes first.
RESULT_COLUMNS = (
    "risk_level",
    "risk_reasons",
    "top_match_caption",
    "top_match_score",
    "top_match_datasets",
    "top_match_entity_id",
    "match_count",
)
OUR_COLUMNS = frozenset(("row", *RESULT_COLUMNS))
JOINER = " | "
#: A spreadsheet reads a cell starting with one of these as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would otherwise run as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def input_columns(results: Iterable[Mapping[str, Any]]) -> list[str]:
    """List every input column once, in the order first seen."""
    seen: dict[str, None] = {}
    for result in results:
        seen.update(dict.fromkeys(result["input"]))
    return list(seen)


def _header_names(columns: Sequence[str]) -> list[str]:
    """Name input columns in the header, prefixing 'input:' only where one clashes with ours."""
    taken = set(OUR_COLUMNS)
    names = []
    for column in columns:
        name = column
        while name in taken:
            name = "input:" + name
        taken.add(name)
        names.append(name)
    return names


def _result_cells(result: Mapping[str, Any]) -> list[Any]:
    risk, matches = result["risk"], result["matches"]
    top = matches[0] if matches else None
    return [
        risk["level"],
        JOINER.join(risk.get("reasons", [])),
        top["caption"] if top else "",
        round(float(top["score"]), 4) if top else "",
        JOINER.join(top.get("datasets", [])) if top else "",
        top["entity_id"] if top else "",
        len(matches),
    ]


def _csv_row(result: Mapping[str, Any], columns: Sequence[str]) -> list[Any]:
    values = [cell_text(result["input"].get(column)) for column in columns]
    cells = [result["row"], *values, *_result_cells(result)]
    return [defuse(cell) if isinstance(cell, str) else cell for cell in cells]


def dumps_csv(doc: Mapping[str, Any]) -> str:
    """Format the results document as CSV text, one record per input row, in input order."""
    results = canonical(doc)["results"]
    columns = input_columns(results)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["row", *(defuse(name) for name in _header_names(columns)), *RESULT_COLUMNS])
    writer.writerows(_csv_row(result, columns) for result in results)
    return buffer.getvalue()


def write_csv(doc: Mapping[str, Any], path: Path) -> None:
    """Write results.csv: UTF-8 with a BOM so Excel shows Han text, formulas defused."""
    write_atomic(Path(path), dumps_csv(doc).encode("utf-8-sig"))
