"""Name analysis and feature hashing for the index, over worker processes when there are many names.

A feature (token, token pair, key trigram) is identified by the CRC-32 of its text: stable across processes
and runs, so workers need no shared vocabulary; among a few million features a handful collide, which moves
a cosine by a hair and never hides a name.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.pool
import os
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from labortrace.matching.packed import pack_analysis
from labortrace.names.lexicon import concepts
from labortrace.names.normalize import NameAnalysis, analyze_name
from labortrace.names.pinyin import is_pinyin_syllable
from labortrace.settings import workers_setting

#: Fewer names than this are analysed in this process: starting workers costs more than it saves.
PARALLEL_MIN = 20000
CHUNK = 4000
#: Brand syllables beyond this many make initials no one abbreviates to.
MAX_INITIALS = 5
_ACRONYM = re.compile(r"[b-df-hj-np-tv-z]{2,5}")
#: Names of several scripts, analysed before workers fork so that the data analysis loads on first use (lexicon,
#: pinyin dictionary, transliteration tables) is loaded once and shared, not loaded again in every worker.
WARM_NAMES = ("新疆中泰化学股份有限公司", "Xinjiang Zhongtai Chemical Co., Ltd.", "ООО «Ромашка»", "شركة الأمل للتجارة",
              "Société Générale de Chimie SA")


def name_features(analysis: NameAnalysis) -> list[str]:
    """The sparse features of a name: tokens, pairs of adjacent tokens, trigrams of its joined key, and initials."""
    tokens = analysis.tokens
    feats = ["w:" + t for t in tokens]
    feats.extend(f"b:{a}_{b}" for a, b in zip(tokens, tokens[1:]))
    key = "".join(tokens)
    if key:
        padded = f"^{key}$"
        feats.extend("g:" + padded[i : i + 3] for i in range(len(padded) - 2))
    feats.extend(initials_features(analysis.core_tokens))
    return feats


def initials_features(core: tuple[str, ...]) -> list[str]:
    """Initials that an acronym name shares with the pinyin it abbreviates: 'XJ Electric' and 许继电气 (xu ji) both give 'i:xj'.

    A name's brand syllables (2 to 5, translated words left out) give their initials; a word of 2 to 5
    consonants that is no syllable ('gf', 'zjbc') is taken as such initials already.
    """
    known = concepts()
    brand = [t for t in core if t not in known and is_pinyin_syllable(t)]
    out = ["i:" + "".join(t[0] for t in brand)] if 2 <= len(brand) <= MAX_INITIALS else []
    out.extend("i:" + t for t in core if _ACRONYM.fullmatch(t) and not is_pinyin_syllable(t))
    return out


def feature_hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8"))


def hashed_features(analysis: NameAnalysis) -> list[int]:
    """The distinct feature hashes of a name, sorted."""
    return sorted({feature_hash(f) for f in name_features(analysis)})


@dataclass
class Analysed:
    """Names analysed: packed analyses, place prefixes, and each name's feature hashes (CSR-like)."""

    packed: list[str]
    place_prefix: np.ndarray  # int16 per name
    indptr: np.ndarray  # int64, len(names) + 1
    hashes: np.ndarray  # uint32


def _analyse_chunk(names: Sequence[str]) -> Analysed:
    packed: list[str] = []
    places = np.zeros(len(names), dtype=np.int16)
    counts = np.zeros(len(names) + 1, dtype=np.int64)
    hashes: list[int] = []
    for i, name in enumerate(names):
        a = analyze_name(name)
        packed.append(pack_analysis(a))
        places[i] = a.place_prefix
        h = hashed_features(a)
        counts[i + 1] = len(h)
        hashes.extend(h)
    return Analysed(packed, places, np.cumsum(counts), np.asarray(hashes, dtype=np.uint32))


def workers() -> int:
    """Worker processes for bulk work: the CPUs this process may use, at most 2 (the setting `workers` overrides)."""
    chosen = workers_setting()  # a ConfigError when it is no number
    if chosen is not None:
        return chosen
    return max(1, min(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


def warm_analysis() -> list[NameAnalysis]:
    """Analyse a few names of several scripts, so that everything analysis loads lazily is loaded."""
    return [analyze_name(name) for name in WARM_NAMES]


def fork_pool(n: int, warm: Callable[[], object] = warm_analysis) -> multiprocessing.pool.Pool | None:
    """A pool of n forked workers (they share the parent's memory), or None where fork is unavailable.

    `warm` runs here first, so that what it loads is loaded once. The parent's objects are frozen out of the
    garbage collector while the workers fork: a worker's collections then never walk them, which would cost time
    for every object the parent holds (a benchmark's million records) and copy the pages they share.
    """
    if n < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    warm()
    gc.freeze()
    try:
        return multiprocessing.get_context("fork").Pool(n)
    finally:
        gc.unfreeze()  # only this process: the workers keep the parent's objects frozen


def analyse_names(names: Sequence[str]) -> Analysed:
    """Analyse every name, in worker processes when there are many."""
    n = workers() if len(names) >= PARALLEL_MIN else 1
    pool = fork_pool(n)
    chunks = [names[i : i + CHUNK] for i in range(0, len(names), CHUNK)]
    if pool is None:
        parts = [_analyse_chunk(c) for c in chunks]
    else:
        with pool:
            parts = pool.map(_analyse_chunk, chunks, chunksize=1)
    return _concat(parts)


def _concat(parts: list[Analysed]) -> Analysed:
    if not parts:
        return Analysed([], np.zeros(0, np.int16), np.zeros(1, np.int64), np.zeros(0, np.uint32))
    packed = [p for part in parts for p in part.packed]
    ends = np.cumsum([0] + [int(p.indptr[-1]) for p in parts])
    indptr = np.concatenate([np.zeros(1, np.int64)] + [p.indptr[1:] + ends[i] for i, p in enumerate(parts)])
    return Analysed(packed, np.concatenate([p.place_prefix for p in parts]), indptr,
                    np.concatenate([p.hashes for p in parts]))
