"""The candidate index: cached on disk and reloaded the same, versioned, analysed alike in workers."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from labortrace.matching import matcher as matcher_module
from labortrace.matching import vectors
from labortrace.matching.index import IndexedEntity, NameIndex
from labortrace.matching.matcher import Matcher, MatchOptions
from labortrace.model import QueryRecord
from labortrace.names.normalize import analyze_name

NAMES = ["Xinjiang Zhongtai Chemical Co., Ltd.", "新疆中泰化学股份有限公司", "Xinjiang Zhongtai Textile Co., Ltd.",
         "Shandong Zhongtai Chemical Co., Ltd.", "Hubei Huaxin Chemical Group", "Acme Trading GmbH",
         "ООО Ромашка", "Société Générale de Chimie SA"]


def entities(n: int = 0) -> list[IndexedEntity]:
    ents = [IndexedEntity(f"e{i}", "Company", name, ["list", "other"][: 1 + i % 2], names=[name],
                          addresses=["Urumqi"] * (i % 2), countries=["cn"], identifiers=[f"ID{i}"])
            for i, name in enumerate(NAMES)]
    ents.append(IndexedEntity("two", "Company", "Two Names", ["list"], names=["Two Names", "二名"], countries=[""]))
    ents += [IndexedEntity(f"x{i}", "Company", f"Filler {i} Trading", ["list"], names=[f"Filler {i} Trading"])
             for i in range(n)]
    return ents


def test_saved_index_reloads_with_the_same_candidates_and_analyses(tmp_path: Path) -> None:
    built = NameIndex(entities(), "fp1")
    built.save(tmp_path / "index.pkl")
    loaded = NameIndex.load(tmp_path / "index.pkl")
    assert loaded is not None and loaded.fingerprint == "fp1"
    queries = [analyze_name(n) for n in ("Xinjiang Zhongtai Chemical", "Acme Trading", "中泰化学")]
    assert loaded.candidates(queries) == built.candidates(queries)
    for pos, name in enumerate(NAMES):
        assert loaded.analysis(pos) == analyze_name(name)  # unpacked, not re-analysed, and equal
    assert loaded.by_identifier == built.by_identifier
    assert list(loaded.entities) == built.entities and loaded.entities[-1] == built.entities[-1]
    assert [loaded.entity_id(i) for i in range(len(built.entities))] == [e.id for e in built.entities]
    assert loaded.token_idf("acme") == built.token_idf("acme") > loaded.token_idf("chemical")


def test_an_old_or_foreign_cache_file_is_not_read(tmp_path: Path) -> None:
    old = tmp_path / "old.pkl"
    old.write_bytes(pickle.dumps({"an": "index of an earlier version"}))
    assert NameIndex.load(old) is None
    assert NameIndex.load(tmp_path / "missing.pkl") is None
    truncated = tmp_path / "truncated.pkl"
    NameIndex(entities(), "fp").save(truncated)
    truncated.write_bytes(truncated.read_bytes()[:40])
    assert NameIndex.load(truncated) is None


def test_worker_processes_analyse_names_as_this_process_does(monkeypatch: pytest.MonkeyPatch) -> None:
    serial = NameIndex(entities(300), "s")
    monkeypatch.setattr(vectors, "PARALLEL_MIN", 10)
    monkeypatch.setattr(vectors, "CHUNK", 37)
    monkeypatch.setenv("LABORTRACE_WORKERS", "2")
    parallel = NameIndex(entities(300), "p")
    assert list(parallel.packed) == list(serial.packed)
    assert (parallel.candidate_matrix != serial.candidate_matrix).nnz == 0
    assert (parallel.vocab == serial.vocab).all()


def test_matching_in_worker_processes_gives_the_same_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    index = NameIndex(entities(50), "w")
    queries = [QueryRecord(row=i, input={}, name=name) for i, name in enumerate(NAMES * 3 + ["Filler 7 Trading"])]
    monkeypatch.setattr(matcher_module, "BATCH", 4)
    monkeypatch.setattr(matcher_module, "PARALLEL_CHUNKS", 2)
    monkeypatch.setenv("LABORTRACE_WORKERS", "1")
    serial = Matcher(index, MatchOptions(review_threshold=0.0))
    expected = serial.match_all(queries)
    monkeypatch.setenv("LABORTRACE_WORKERS", "2")
    parallel = Matcher(index, MatchOptions(review_threshold=0.0))
    seen: list[int] = []
    assert parallel.match_all(queries, progress=seen.append) == expected
    assert sum(seen) == len(queries) and len(seen) > 1
    assert parallel.pairs_scored == serial.pairs_scored > 0


def test_identical_names_in_a_batch_are_scored_once() -> None:
    matcher = Matcher(NameIndex(entities(), "d"))
    once = Matcher(NameIndex(entities(), "d"))
    name = "Xinjiang Zhongtai Chemical"
    found = matcher.match_all([QueryRecord(row=i, input={}, name=name) for i in range(5)])
    assert found == [once.match(QueryRecord(row=0, input={}, name=name))] * 5
    assert matcher.pairs_scored == once.pairs_scored > 0


def test_an_entity_is_found_by_id_in_sorted_unsorted_and_reloaded_indexes(tmp_path: Path) -> None:
    unsorted = entities(20)  # e0, e1, e10, e11, … e2 … then 'two' and fillers: not in id order
    assert [e.id for e in unsorted] != sorted(e.id for e in unsorted)
    sorted_ents = sorted(unsorted, key=lambda e: e.id)
    built_sorted = NameIndex(sorted_ents, "s")
    built_sorted.save(tmp_path / "s.idx")
    reloaded = NameIndex.load(tmp_path / "s.idx")
    assert reloaded is not None
    for index, ents in ((NameIndex(unsorted, "u"), unsorted), (built_sorted, sorted_ents), (reloaded, sorted_ents)):
        for pos, ent in enumerate(ents):
            assert index.position(ent.id) == pos
        assert index.position("no-such-id") is None and index.position("") is None
