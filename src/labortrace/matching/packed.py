"""Compact storage for the index: many strings in one UTF-8 buffer, and a file of named numpy arrays.

A million reference names held as a million Python objects cost gigabytes and seconds to unpickle; held
as one byte buffer with offsets they cost their bytes, and a cache file is memory-mapped, not read.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from abc import abstractmethod
from typing import Any, TypeVar, overload

import numpy as np

from labortrace.names.normalize import NameAnalysis

_ALIGN = 64
_FIELD = "\x1f"
_ITEM = "\x1e"


T = TypeVar("T")


class PackedSequence(Sequence[T]):
    """A read-only sequence whose items are made on demand from packed arrays: `_item` makes one."""

    @abstractmethod
    def _item(self, i: int) -> T: ...

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> list[T]: ...
    def __getitem__(self, i: int | slice) -> T | list[T]:
        if isinstance(i, slice):
            return [self._item(j) for j in range(*i.indices(len(self)))]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(i)
        return self._item(i)

    def __iter__(self) -> Iterator[T]:
        return (self._item(i) for i in range(len(self)))


class PackedStrings(PackedSequence[str]):
    """An immutable sequence of strings stored as one UTF-8 buffer and int64 offsets."""

    def __init__(self, buffer: np.ndarray, offsets: np.ndarray) -> None:
        self.buffer = buffer
        self.offsets = offsets
        # Slicing a memoryview, and reading an int from one, cost far less than doing either on an array.
        self._bytes = memoryview(buffer)  # type: ignore[arg-type]
        self._offsets = memoryview(np.ascontiguousarray(offsets))  # type: ignore[arg-type]

    def __getstate__(self) -> dict[str, Any]:
        return {"buffer": np.asarray(self.buffer), "offsets": np.asarray(self.offsets)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["buffer"], state["offsets"])  # type: ignore[misc]

    @classmethod
    def pack(cls, values: Iterable[str]) -> PackedStrings:
        encoded = [v.encode("utf-8") for v in values]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(e) for e in encoded], out=offsets[1:])
        return cls(np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def _item(self, i: int) -> str:
        off = self._offsets
        return str(self._bytes[off[i] : off[i + 1]], "utf-8")

    #: Item i, for 0 <= i < len(self) only (no negative positions, no checks): the matcher's hot path.
    get = _item


def pack_analysis(a: NameAnalysis) -> str:
    """An analysis (less its original text and place prefix) as one string: tokens, legal forms, scripts."""
    return _FIELD.join((" ".join(a.tokens), _ITEM.join(a.legal_forms), " ".join(sorted(a.scripts))))


def unpack_analysis(original: str, packed: str, place_prefix: int) -> NameAnalysis:
    tokens, legal, scripts = packed.split(_FIELD)
    return NameAnalysis(original, frozenset(scripts.split()), tuple(legal.split(_ITEM)) if legal else (),
                        tuple(tokens.split()), place_prefix)


def write_arrays(path: Path, header: dict[str, Any], arrays: dict[str, np.ndarray], magic: bytes) -> None:
    """Write a header (pickled) and arrays (raw, aligned) to one file, atomically."""
    specs: dict[str, tuple[str, tuple[int, ...], int]] = {}
    offset = 0
    for name, arr in arrays.items():
        specs[name] = (arr.dtype.str, arr.shape, offset)
        offset += -(-arr.nbytes // _ALIGN) * _ALIGN
    head = pickle.dumps({"header": header, "arrays": specs}, protocol=pickle.HIGHEST_PROTOCOL)
    start = -(-(len(magic) + 8 + len(head)) // _ALIGN) * _ALIGN
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(magic + len(head).to_bytes(8, "little") + head)
        for name, arr in arrays.items():
            fh.seek(start + specs[name][2])
            fh.write(np.ascontiguousarray(arr).tobytes())
        fh.truncate(start + offset)
    tmp.replace(path)


def read_arrays(path: Path, magic: bytes) -> tuple[dict[str, Any], dict[str, np.ndarray]] | None:
    """The header and memory-mapped arrays of a file written by `write_arrays`; None when not one of ours."""
    with open(path, "rb") as fh:
        if fh.read(len(magic)) != magic:
            return None
        size = int.from_bytes(fh.read(8), "little")
        meta = pickle.loads(fh.read(size))
    start = -(-(len(magic) + 8 + size) // _ALIGN) * _ALIGN
    arrays: dict[str, np.ndarray] = {}
    for name, (dtype, shape, offset) in meta["arrays"].items():
        if int(np.prod(shape)) == 0:
            arrays[name] = np.zeros(shape, dtype=np.dtype(dtype))
        else:
            mapped = np.memmap(path, dtype=np.dtype(dtype), mode="r", offset=start + offset, shape=shape)
            arrays[name] = mapped.view(np.ndarray)  # the plain array type: memmap's item access is slow
    return meta["header"], arrays
