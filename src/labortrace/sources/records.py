"""Rows and files as the records labortrace stores and matches: supplier rows as QueryRecords, reference and
registry tables as FtM entities, FtM JSON lines with their counts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

from labortrace.model import QueryRecord
from labortrace.names.uscc import find_usccs
from labortrace.registries.load import registry_entity
from labortrace.sources.ftm import FtmStats, read_ftm
from labortrace.sources.tables import Table, TableRow

ALIAS_SEPARATORS = (";", "|", "；", "、")


def looks_like_ftm(path: Path) -> bool:
    """True when the file's first non-empty line is a JSON object with a schema (FtM JSON lines)."""
    name = path.name.lower()
    if name.endswith((".ftm.json", ".ftm.json.gz", ".ijson")):
        return True
    if not name.endswith((".json", ".jsonl", ".ndjson")):
        return False
    with open(path, "rb") as fh:
        for raw in fh:
            line = raw.strip().lstrip(b"\xef\xbb\xbf")
            if not line:
                continue
            try:
                data = json.loads(line)
            except ValueError:
                return False
            return isinstance(data, dict) and "schema" in data
    return False


def counting_ftm(path: Path, stats: dict[str, Any]) -> Iterator[EntityProxy]:
    """Read FtM lines; once read, record lines, entities and values dropped as invalid per property."""
    counts = FtmStats()
    yield from read_ftm(path, counts)
    stats["lines"] = counts.lines
    stats["entities"] = counts.entities
    stats["dropped"] = {f"{schema}.{prop}": n for (schema, prop), n in sorted(counts.dropped.items())}
    stats["unknown_properties"] = {
        f"{schema}.{prop}": n for (schema, prop), n in sorted(counts.unknown_properties.items())
    }


def split_aliases(value: str) -> tuple[str, ...]:
    parts = [value]
    for sep in ALIAS_SEPARATORS:
        parts = [p for part in parts for p in part.split(sep)]
    return tuple(p.strip() for p in parts if p.strip())


def query_record(row: TableRow) -> QueryRecord:
    """A supplier row as the matcher sees it; identifiers include any USCC found in any cell."""
    identifiers = [row.field("identifier")] if row.field("identifier") else []
    identifiers += [c.code for c in find_usccs(" ".join(row.values.values())) if c.code not in identifiers]
    return QueryRecord(
        row=row.row,
        input=dict(row.values),
        name=row.field("name"),
        aliases=split_aliases(row.field("alias")),
        address=" ".join(p for p in (row.field("address"), row.field("city"), row.field("region")) if p),
        country=row.field("country"),
        identifiers=tuple(identifiers),
    )


def registry_entities(table: Table, dataset: str, stats: dict[str, Any]) -> Iterator[EntityProxy]:
    """Registration records as FtM Companies with dates, products and business scope; unreadable cells are listed, not fatal."""
    problems: list[str] = []
    for row in table:
        entity = registry_entity(row, dataset, problems)
        if entity is not None:
            yield entity
    stats["problems"] = problems[:1000]
    stats["problem_count"] = len(problems)


def table_entities(table: Table, dataset: str) -> Iterator[EntityProxy]:
    """Rows of a reference table as FtM Company entities; rows without a name are skipped."""
    for row in table:
        name = row.field("name")
        if not name:
            continue
        proxy = model.make_entity("Company")
        key = row.field("identifier") or f"{name}|{row.field('address')}"
        proxy.make_id(dataset, key)
        proxy.add("name", name)
        proxy.add("alias", list(split_aliases(row.field("alias"))))
        proxy.add("address", row.field("address") or None)
        proxy.add("country", row.field("country") or None, quiet=True, fuzzy=True)
        proxy.add("registrationNumber", row.field("identifier") or None)
        yield proxy


def read_suppliers(rows: Iterable[TableRow]) -> list[QueryRecord]:
    """A supplier list's rows as the matcher's records, in file order."""
    return [query_record(row) for row in rows]
