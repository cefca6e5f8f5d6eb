"""Indexed entities, and a columnar table of them that a cached index maps instead of unpickling a million objects."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from labortrace.matching.packed import PackedSequence, PackedStrings

_ITEM = "\x1e"
#: Escapes a separator (or itself) inside a value, so that a value holding "\x1e" is not split in two on reload.
_ESC = "\x1b"
_ESCAPED = {_ESC: _ESC + _ESC, _ITEM: _ESC + "i"}
_COLUMNS = ("id", "schema", "caption", "datasets", "addresses", "countries", "identifiers")


@dataclass
class IndexedEntity:
    """One entity (merged across the datasets that hold it) as the matcher needs it."""

    id: str
    schema: str
    caption: str
    datasets: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    identifiers: list[str] = field(default_factory=list)


def _join(items: list[str]) -> str:
    return "".join(_ITEM + _escape(v) for v in items)  # [] and [''] stay apart


def _escape(value: str) -> str:
    if _ESC in value or _ITEM in value:
        return "".join(_ESCAPED.get(ch, ch) for ch in value)
    return value


def _split(text: str) -> list[str]:
    items = text.split(_ITEM)[1:]  # an escaped value holds no bare separator
    return [_unescape(v) for v in items] if _ESC in text else items


def _unescape(value: str) -> str:
    out: list[str] = []
    chars = iter(value)
    for ch in chars:
        out.append(ch if ch != _ESC else (_ITEM if next(chars) == "i" else _ESC))
    return "".join(out)


class EntityTable(PackedSequence[IndexedEntity]):
    """Entities as packed string columns; an `IndexedEntity` is made when one is asked for."""

    def __init__(self, columns: dict[str, PackedStrings], names: PackedStrings, name_start: np.ndarray) -> None:
        self.columns = columns
        self.names = names
        self.name_start = name_start  #: entity i's names are names[name_start[i]:name_start[i + 1]]

    @classmethod
    def pack(cls, entities: Sequence[IndexedEntity], names: PackedStrings, name_entity: np.ndarray) -> EntityTable:
        columns = {}
        for col in _COLUMNS:
            values = (getattr(e, col) for e in entities)
            columns[col] = PackedStrings.pack(values if col in ("id", "schema", "caption") else map(_join, values))
        starts = np.searchsorted(name_entity, np.arange(len(entities) + 1)).astype(np.int64)
        return cls(columns, names, starts)

    def arrays(self) -> dict[str, np.ndarray]:
        """The table as named arrays, for `write_arrays`."""
        out = {"ent_name_start": self.name_start}
        for col, packed in self.columns.items():
            out[f"ent_{col}_buf"], out[f"ent_{col}_off"] = packed.buffer, packed.offsets
        return out

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], names: PackedStrings) -> EntityTable:
        columns = {col: PackedStrings(arrays[f"ent_{col}_buf"], arrays[f"ent_{col}_off"]) for col in _COLUMNS}
        return cls(columns, names, arrays["ent_name_start"])

    def __len__(self) -> int:
        return len(self.name_start) - 1

    def _item(self, i: int) -> IndexedEntity:
        c = self.columns
        lo, hi = self.name_start[i : i + 2].tolist()
        return IndexedEntity(c["id"][i], c["schema"][i], c["caption"][i], _split(c["datasets"][i]),
                             self.names[lo:hi], _split(c["addresses"][i]), _split(c["countries"][i]),
                             _split(c["identifiers"][i]))

    def summary(self, i: int) -> tuple[str, str, tuple[str, ...]]:
        """Entity i's id, caption and datasets: what a match shows, without unpacking the rest."""
        c = self.columns
        return c["id"][i], c["caption"][i], tuple(_split(c["datasets"][i]))
