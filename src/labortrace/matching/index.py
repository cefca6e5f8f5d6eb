"""The candidate index: TF-IDF vectors of canonical name tokens and key trigrams, in a sparse matrix.

Derived data, rebuildable from the store and cached on disk by the versions of the datasets it holds.
Candidate generation is a sparse matrix product per batch of queries over the rarest features of each, then
full cosines for the names it finds (search.py): no pair is compared unless the two names share a token or a
trigram of their canonical form. The matrix is kept twice, by feature (posting lists) and by name (rows). Names are analysed once, at build time
(in worker processes when there are many), and kept packed: scoring unpacks the few candidates it needs.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
import math
import pickle
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from followthemoney import model
from scipy import sparse

from labortrace.matching.entities import EntityTable, IndexedEntity
from labortrace.matching.packed import PackedStrings, read_arrays, unpack_analysis, write_arrays
from labortrace.matching.search import search
from labortrace.matching.vectors import Analysed, analyse_names, feature_hash, hashed_features
from labortrace.names.normalize import NameAnalysis
from labortrace.store import StoredEntity

__all__ = ["IndexedEntity", "NameIndex", "fingerprint", "merge_entities", "normalize_identifier"]

#: Bump when the features, their weighting or the cache layout change: cached indexes are rebuilt.
INDEX_VERSION = "lt-index-5"
_MAGIC = b"labortrace-index\0" + INDEX_VERSION.encode() + b"\0"
NAME_PROPS = ("name", "alias", "previousName", "weakAlias", "abbreviation")
ADDRESS_PROPS = ("address", "addressEntity")
#: A feature found in more than this share of names is left out of candidate generation.
STOP_SHARE = 0.02
BATCH = 256


def normalize_identifier(value: str) -> str:
    return "".join(ch for ch in value.upper() if ch.isalnum())


class NameIndex:
    """Names of reference entities, vectorised for candidate search; analyses kept packed, not as objects."""

    def __init__(self, entities: list[IndexedEntity], fingerprint: str) -> None:
        self.entities: Sequence[IndexedEntity] = entities
        self.fingerprint = fingerprint
        self.by_identifier: dict[str, list[int]] = {}
        owners: list[int] = []
        texts: list[str] = []
        for ei, ent in enumerate(entities):
            owners.extend([ei] * len(ent.names))
            texts.extend(ent.names)
            for ident in ent.identifiers:
                self.by_identifier.setdefault(ident, []).append(ei)
        self.name_entity = np.asarray(owners, dtype=np.int32)
        self.name_text = PackedStrings.pack(texts)
        analysed = analyse_names(texts)
        del texts
        self.packed = PackedStrings.pack(analysed.packed)
        self.place_prefix = analysed.place_prefix
        self._vectorise(analysed)

    def _vectorise(self, analysed: Analysed) -> None:
        n_names = len(self.name_entity)
        self.vocab, inverse = np.unique(analysed.hashes, return_inverse=True)
        cols = inverse.astype(np.int32).ravel()
        del inverse
        counts = np.bincount(cols, minlength=len(self.vocab))
        n = max(n_names, 1)
        self.idf = np.log((1 + n) / (1 + counts)) + 1.0  # float64: the scorer weighs tokens by it
        data = self.idf.astype(np.float32)[cols]
        lengths = np.diff(analysed.indptr)
        row_of = np.repeat(np.arange(n_names, dtype=np.int32), lengths)
        norms = np.sqrt(np.bincount(row_of, weights=data * data, minlength=n_names))
        del row_of
        norms[norms == 0] = 1.0
        data /= np.repeat(norms.astype(np.float32), lengths)
        # Cosines count the features of no more than STOP_SHARE of the names; norms count them all.
        cap = max(50.0, STOP_SHARE * n)
        self.name_matrix = _rows_keeping(data, cols, analysed.indptr, counts <= cap, len(self.vocab))
        self.candidate_matrix = self.name_matrix.T.tocsr()
        for m in (self.name_matrix, self.candidate_matrix):
            _tidy(m)

    def entity_id(self, ent_pos: int) -> str:
        """An entity's id, without making the whole entity from a loaded table."""
        if isinstance(self.entities, EntityTable):
            return self.entities.columns["id"][ent_pos]
        return self.entities[ent_pos].id

    def position(self, entity_id: str) -> int | None:
        """An entity's position by its id, or None: a binary search when the ids are sorted (merge_entities
        sorts them), else a dict made once; never a million entity objects."""
        lookup = self.__dict__.get("_positions")
        if lookup is None:
            ids: Sequence[str] = (self.entities.columns["id"] if isinstance(self.entities, EntityTable)
                                  else [e.id for e in self.entities])
            if all(ids[i] < ids[i + 1] for i in range(len(ids) - 1)):
                lookup = self.__dict__["_positions"] = ids
            else:
                lookup = self.__dict__["_positions"] = {key: i for i, key in enumerate(ids)}
        if isinstance(lookup, dict):
            return lookup.get(entity_id)
        pos = bisect_left(lookup, entity_id)
        return pos if pos < len(lookup) and lookup[pos] == entity_id else None

    def entity_summary(self, ent_pos: int) -> tuple[str, str, tuple[str, ...]]:
        """An entity's id, caption and datasets (what a match shows), without making the whole entity."""
        if isinstance(self.entities, EntityTable):
            return self.entities.summary(ent_pos)
        ent = self.entities[ent_pos]
        return ent.id, ent.caption, tuple(ent.datasets)

    def analysis(self, name_pos: int) -> NameAnalysis:
        """The analysis of an indexed name, unpacked from storage (no re-analysis)."""
        return unpack_analysis(self.name_text.get(name_pos), self.packed.get(name_pos), int(self.place_prefix[name_pos]))

    def token_idf(self, token: str) -> float:
        """Inverse document frequency of a canonical token among reference names."""
        return self.idf_lookup()(token)

    def idf_lookup(self) -> Callable[[str], float]:
        """`token_idf` as a dict's item lookup: the scorer calls it for every token of every pair."""
        cache = self.__dict__.get("_idf_cache")
        if cache is None:
            cache = self.__dict__["_idf_cache"] = _IdfCache(self)
        return cache.__getitem__

    def _column(self, h: int) -> int:
        pos = int(np.searchsorted(self.vocab, np.uint32(h)))
        return pos if pos < len(self.vocab) and int(self.vocab[pos]) == h else -1

    def vectorise(self, analyses: Sequence[NameAnalysis]) -> sparse.csr_matrix:
        """Query names as L2-normalised rows over the index's features (features it lacks are dropped)."""
        per = [hashed_features(a) for a in analyses]
        hashes = np.asarray([h for hs in per for h in hs], dtype=np.uint32)
        rows = np.repeat(np.arange(len(per), dtype=np.int32), [len(hs) for hs in per])
        pos = np.searchsorted(self.vocab, hashes).astype(np.int64)
        found = pos < len(self.vocab)
        found[found] = self.vocab[pos[found]] == hashes[found]
        rows, cols = rows[found], pos[found]
        data = self.idf[cols].astype(np.float32)
        matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(analyses), len(self.vocab)), dtype=np.float32)
        return _l2_normalise(matrix)

    def candidates(self, analyses: Sequence[NameAnalysis], limit: int = 30) -> list[list[tuple[int, float]]]:
        """For each query name, the best (name position, cosine) pairs, best first (two-stage search: search.py)."""
        if not len(self.name_entity):
            return [[] for _ in analyses]
        out: list[list[tuple[int, float]]] = []
        for start in range(0, len(analyses), BATCH):
            batch = self.vectorise(analyses[start : start + BATCH])
            out.extend(search(batch, self.candidate_matrix, self.name_matrix, limit))
        return out

    def save(self, path: Path) -> None:
        """Write the index to one file: a small pickled header, then raw arrays (entities as packed columns) to map."""
        header: dict[str, Any] = {"fingerprint": self.fingerprint, "by_identifier": self.by_identifier}
        table = self.entities if isinstance(self.entities, EntityTable) else (
            EntityTable.pack(self.entities, self.name_text, self.name_entity))
        arrays = {**table.arrays(), "name_entity": self.name_entity, "place_prefix": self.place_prefix, "vocab": self.vocab,
                  "idf": self.idf, "text_buf": self.name_text.buffer, "text_off": self.name_text.offsets,
                  "packed_buf": self.packed.buffer, "packed_off": self.packed.offsets}
        for key, m in (("c", self.candidate_matrix), ("n", self.name_matrix)):
            arrays.update({f"{key}_data": m.data, f"{key}_indices": m.indices, f"{key}_indptr": m.indptr})
        header["shape"] = self.candidate_matrix.shape
        write_arrays(path, header, arrays, _MAGIC)

    @staticmethod
    def load(path: Path) -> NameIndex | None:
        """The index saved at path; None when missing, unreadable or written by another index version."""
        try:
            read = read_arrays(path, _MAGIC)
            return None if read is None else NameIndex._from_arrays(*read)
        except (OSError, ValueError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, KeyError):
            return None

    @staticmethod
    def _from_arrays(header: dict[str, Any], arrays: dict[str, np.ndarray]) -> NameIndex:
        index = NameIndex.__new__(NameIndex)
        index.fingerprint = header["fingerprint"]
        index.by_identifier = header["by_identifier"]
        index.name_entity = arrays["name_entity"]
        index.place_prefix = arrays["place_prefix"]
        index.vocab = arrays["vocab"]
        index.idf = arrays["idf"]
        index.name_text = PackedStrings(arrays["text_buf"], arrays["text_off"])
        index.entities = EntityTable.from_arrays(arrays, index.name_text)
        index.packed = PackedStrings(arrays["packed_buf"], arrays["packed_off"])
        index.candidate_matrix = _mapped_csr(arrays, "c", header["shape"])
        index.name_matrix = _mapped_csr(arrays, "n", header["shape"][::-1])
        return index


class _IdfCache(dict[str, float]):
    """Token IDFs, looked up in the index on first use."""

    def __init__(self, index: NameIndex) -> None:
        super().__init__()
        self.index = index
        self.unseen = math.log(1 + len(index.name_entity)) + 1.0

    def __missing__(self, token: str) -> float:
        # 'b:x_y' asks for the pair of adjacent tokens x y (the scorer weighs a brand's syllables together).
        pos = self.index._column(feature_hash(token if token.startswith("b:") else "w:" + token))
        value = self[token] = float(self.index.idf[pos]) if pos >= 0 else self.unseen
        return value


def _tidy(m: sparse.csr_matrix) -> None:
    """Index arrays as int32 (scipy keeps int64 where it fears overflow, doubling their memory)."""
    if m.nnz < 2**31 and m.indices.dtype != np.int32:
        m.indices = m.indices.astype(np.int32)
        m.indptr = m.indptr.astype(np.int32)


def _mapped_csr(arrays: dict[str, np.ndarray], key: str, shape: tuple[int, int]) -> sparse.csr_matrix:
    """A CSR matrix over mapped arrays (scipy keeps them as they are when the shapes and dtypes agree)."""
    return sparse.csr_matrix((arrays[f"{key}_data"], arrays[f"{key}_indices"], arrays[f"{key}_indptr"]), shape=shape)


def _rows_keeping(data: np.ndarray, cols: np.ndarray, indptr: np.ndarray, keep_feature: np.ndarray,
                  n_features: int) -> sparse.csr_matrix:
    """The rows (data, cols, indptr) less the features not kept, as a CSR matrix."""
    keep = keep_feature[cols]
    kept_before = np.concatenate(([0], np.cumsum(keep)))
    return sparse.csr_matrix((data[keep], cols[keep], kept_before[indptr]), shape=(len(indptr) - 1, n_features))


def _l2_normalise(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return (sparse.diags((1.0 / norms).astype(np.float32)) @ matrix).tocsr()


def merge_entities(stored: Iterable[StoredEntity]) -> list[IndexedEntity]:
    """Merge the records of one id across datasets; keep the properties the matcher uses."""
    merged: dict[str, IndexedEntity] = {}
    for rec in stored:
        schema = model.get(rec.schema)
        if schema is None or not schema.matchable:
            continue
        ent = merged.setdefault(rec.id, IndexedEntity(rec.id, rec.schema, rec.caption))
        if rec.dataset not in ent.datasets:
            ent.datasets.append(rec.dataset)
        for prop, values in rec.properties.items():
            target = _bucket(ent, schema, prop)
            if target is not None:
                target.extend(v for v in values if v not in target)
    for ent in merged.values():
        if not ent.names and ent.caption:
            ent.names.append(ent.caption)
        ent.identifiers = sorted({normalize_identifier(v) for v in ent.identifiers} - {""})
    return [merged[k] for k in sorted(merged)]


def _bucket(ent: IndexedEntity, schema: object, prop: str) -> list[str] | None:
    if prop in NAME_PROPS:
        return ent.names
    if prop in ADDRESS_PROPS:
        return ent.addresses if prop == "address" else None
    if prop in ("country", "jurisdiction", "mainCountry"):
        return ent.countries
    spec = schema.get(prop)  # type: ignore[attr-defined]
    if spec is not None and spec.type.name == "identifier":
        return ent.identifiers
    return None


def fingerprint(parts: Iterable[str]) -> str:
    digest = hashlib.sha256(INDEX_VERSION.encode())
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8"))
    return digest.hexdigest()[:24]
