"""The candidate index: TF-IDF vectors of canonical name tokens and key trigrams, in a sparse matrix.

Derived data, rebuildable from the store and cached on disk by the versions of the datasets it holds.
Candidate generation is one sparse matrix product per batch of queries: no pair is compared unless
the two names share a token or a trigram of their canonical form.
"""

from __future__ import annotations

import hashlib
import math
import pickle
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from followthemoney import model
from scipy import sparse

from labortrace.names.normalize import NameAnalysis, analyze_name
from labortrace.store import StoredEntity

#: Bump when the features or their weighting change: cached indexes are rebuilt.
INDEX_VERSION = "lt-index-2"
NAME_PROPS = ("name", "alias", "previousName", "weakAlias", "abbreviation")
ADDRESS_PROPS = ("address", "addressEntity")
#: A feature found in more than this share of names is left out of candidate generation.
STOP_SHARE = 0.02


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


def normalize_identifier(value: str) -> str:
    return "".join(ch for ch in value.upper() if ch.isalnum())


def name_features(analysis: NameAnalysis) -> list[str]:
    """The sparse features of a name: tokens, pairs of adjacent tokens, and trigrams of its joined key."""
    tokens = analysis.tokens
    feats = ["w:" + t for t in tokens]
    feats.extend(f"b:{a}_{b}" for a, b in zip(tokens, tokens[1:]))
    key = "".join(tokens)
    if key:
        padded = f"^{key}$"
        feats.extend("g:" + padded[i : i + 3] for i in range(len(padded) - 2))
    return feats


class NameIndex:
    """Names of reference entities, vectorised for candidate search."""

    def __init__(self, entities: list[IndexedEntity], fingerprint: str) -> None:
        self.entities = entities
        self.fingerprint = fingerprint
        self.name_entity: list[int] = []
        self.name_text: list[str] = []
        self.by_identifier: dict[str, list[int]] = {}
        for ei, ent in enumerate(entities):
            for name in ent.names:
                self.name_entity.append(ei)
                self.name_text.append(name)
            for ident in ent.identifiers:
                self.by_identifier.setdefault(ident, []).append(ei)
        self._vectorise()

    def _vectorise(self) -> None:
        vocab: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        for ni, text in enumerate(self.name_text):
            for feat in set(name_features(analyze_name(text))):
                cols.append(vocab.setdefault(feat, len(vocab)))
                rows.append(ni)
        n = max(len(self.name_text), 1)
        counts = np.bincount(np.asarray(cols, dtype=np.int64), minlength=len(vocab)).astype(np.float64)
        self.vocab = vocab
        self.idf = np.log((1 + n) / (1 + counts)) + 1.0
        matrix = sparse.csr_matrix(
            (self.idf[cols] if cols else np.zeros(0), (rows, cols)),
            shape=(len(self.name_text), len(vocab)),
        )
        self.matrix = _l2_normalise(matrix)
        stop = counts > max(50.0, STOP_SHARE * n)
        keep = sparse.diags((~stop).astype(np.float64)) if len(vocab) else sparse.identity(0)
        self.candidate_matrix = (self.matrix @ keep).T.tocsr()

    def token_idf(self, token: str) -> float:
        """Inverse document frequency of a canonical token among reference names."""
        cache = self.__dict__.setdefault("_idf_cache", {})
        value = cache.get(token)
        if value is None:
            pos = self.vocab.get("w:" + token)
            value = float(self.idf[pos]) if pos is not None else math.log(1 + len(self.name_text)) + 1.0
            cache[token] = value
        return value

    def vectorise(self, analyses: Sequence[NameAnalysis]) -> sparse.csr_matrix:
        rows: list[int] = []
        cols: list[int] = []
        for qi, analysis in enumerate(analyses):
            for feat in set(name_features(analysis)):
                pos = self.vocab.get(feat)
                if pos is not None:
                    rows.append(qi)
                    cols.append(pos)
        data = self.idf[cols] if cols else np.zeros(0)
        matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(analyses), len(self.vocab)))
        return _l2_normalise(matrix)

    def candidates(self, analyses: Sequence[NameAnalysis], limit: int = 30) -> list[list[tuple[int, float]]]:
        """For each query name, the best (name position, cosine) pairs, best first."""
        if not self.name_text or not analyses:
            return [[] for _ in analyses]
        sims = (self.vectorise(analyses) @ self.candidate_matrix).tocsr()
        out: list[list[tuple[int, float]]] = []
        for qi in range(sims.shape[0]):
            lo, hi = sims.indptr[qi], sims.indptr[qi + 1]
            data, idx = sims.data[lo:hi], sims.indices[lo:hi]
            if len(data) > limit:
                top = np.argpartition(-data, limit)[:limit]
                data, idx = data[top], idx[top]
            order = np.argsort(-data, kind="stable")
            out.append([(int(idx[o]), float(data[o])) for o in order])
        return out

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(self, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)

    @staticmethod
    def load(path: Path) -> NameIndex | None:
        try:
            with open(path, "rb") as fh:
                index = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        return index if isinstance(index, NameIndex) else None


def _l2_normalise(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ matrix


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
