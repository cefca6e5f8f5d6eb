"""Read FollowTheMoney JSON lines (OpenSanctions' entities.ftm.json) as entity proxies, streaming.

How invalid values are dropped, and counted: followthemoney 4.11.2's
``model.get_proxy(data, cleaned=False)`` skips property names the schema does not have, quietly
ignores stub (reverse) properties, turns each raw value into strings with
``string_list(values, sanitize=True)`` (empty strings vanish there) and passes every string to
``prop.type.clean_text``; a value cleaned to ``None`` (a date that is not a date, a country code it
does not know such as ``XX`` (``China`` is looked up and becomes ``cn``), an email without ``@``, a USCC or LEI with a wrong check
digit, a topic outside its list) is dropped, and so is a value that would push the entity past its
type's ``total_size``. We build the proxy the same way, one value at a time through
``EntityProxy.unsafe_add`` (which returns ``None`` exactly when it drops), so each dropped value is
counted under (schema, property) without cleaning anything twice. Values that clean to an
equal value (``' Foo '`` and ``'Foo'``, ``'CN'`` and ``'cn'``) are merged, not dropped.
"""

from __future__ import annotations

import gzip
import io
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.value import string_list

from labortrace.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"


@dataclass
class FtmStats:
    """What read_ftm saw: lines, entities, and values FtM dropped or did not know."""

    lines: int = 0
    entities: int = 0
    #: (schema, property) -> values FtM dropped as invalid (bad date, USCC with wrong check digit…)
    dropped: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: (schema, property) -> values under a property name the schema does not have
    unknown_properties: Counter[tuple[str, str]] = field(default_factory=Counter)


def _lines(path: Path, max_line_bytes: int) -> Iterator[tuple[int, bytes]]:
    """Numbered raw lines, refusing one longer than max_line_bytes without reading it whole."""
    with open(path, "rb") as raw:
        compressed = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        handle: io.BufferedIOBase = gzip.GzipFile(fileobj=raw, mode="rb") if compressed else raw
        number = 0
        try:
            while line := handle.readline(max_line_bytes + 1):
                number += 1
                if len(line) > max_line_bytes and not line.endswith(b"\n"):
                    raise InputError(
                        f"line is longer than {max_line_bytes:,} bytes; is this JSON lines?",
                        file=path,
                        row=number,
                    )
                yield number, line
        except (OSError, EOFError) as exc:  # gzip.BadGzipFile is an OSError
            raise InputError(f"cannot read compressed data: {exc}", file=path, row=number + 1) from exc


def _parse(path: Path, number: int, line: bytes) -> dict[str, Any]:
    try:
        data = json.loads(line)
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"line is not valid JSON: {exc}", file=path, row=number) from exc
    if not isinstance(data, dict):
        raise InputError(
            f"line is a JSON {type(data).__name__}, expected an object", file=path, row=number
        )
    for key in ("id", "schema"):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"entity has no {key}", file=path, row=number, column=key)
    if model.get(data["schema"]) is None:
        raise InputError(
            f"unknown FollowTheMoney schema {data['schema']!r}", file=path, row=number, column="schema"
        )
    if not isinstance(data.get("properties", {}), dict):
        raise InputError("properties is not an object", file=path, row=number, column="properties")
    return data


def make_proxy(data: dict[str, Any], stats: FtmStats) -> EntityProxy:
    """Build an entity as get_proxy(cleaned=False) would, counting each dropped value."""
    data = dict(data)
    properties: dict[str, Any] = data.pop("properties", None) or {}
    proxy = model.get_proxy(data, cleaned=False)
    schema = proxy.schema
    for name, values in properties.items():
        prop = schema.properties.get(name)
        if prop is None:
            stats.unknown_properties[(schema.name, name)] += len(string_list(values))
            continue
        for value in string_list(values, sanitize=True):
            if prop.stub or proxy.unsafe_add(prop, value) is None:
                stats.dropped[(schema.name, name)] += 1
    return proxy


def read_ftm(
    path: Path, stats: FtmStats | None = None, *, max_line_bytes: int = 10_000_000
) -> Iterator[EntityProxy]:
    """Yield one entity per non-blank line of an FtM JSON lines file (plain or gzip)."""
    stats = stats if stats is not None else FtmStats()
    for number, line in _lines(path, max_line_bytes):
        stats.lines = number
        if not line.strip():
            continue
        data = _parse(path, number, line)
        stats.entities += 1
        yield make_proxy(data, stats)
    if stats.entities == 0:
        raise InputError("file holds no entities (empty FtM JSON lines file)", file=path)
