"""Run one matcher on one data file, in its own process, and write its ranked answers and costs as JSON.

Run: python -m bench.matching.tools TOOL DATA.pkl OUT.json [--queries N] [--candidates CANDS.json]
TOOL is labortrace, nk:<algorithm> (scores labortrace's candidates), nk-brute:<algorithm>, rapidfuzz or splink.
Peak memory counts this process and every worker it forks (data loading included, the same for every tool): a
sampler thread sums the proportional set size (PSS: a page shared by n processes counts 1/n in each) of the
process tree every second, so memory the forked workers share with the parent is counted once, and their own
memory is not left out. `peak_rss_mb` is that peak (or this process's own peak RSS where it is larger, which
also covers a peak shorter than the sampling period); `peak_rss_sum_mb` sums the processes' RSS instead (shared
pages counted in each: an upper bound); `peak_rss_main_mb` is this process's own peak RSS, as reported before.
"""

from __future__ import annotations

import argparse
import json
import pickle
import os
import resource
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.matching.generate import Dataset, Query, RefEntity

TOP = 10
Ranked = list[list[tuple[str, float]]]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _tree(pid: int) -> list[int]:
    """A process and its descendants (Linux /proc; just the process elsewhere)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            with open(f"/proc/{p}/task/{p}/children") as fh:
                todo.extend(int(c) for c in fh.read().split())
        except OSError:
            pass
    return out


def tree_memory_mb(pid: int | None = None) -> tuple[float, float]:
    """(summed PSS, summed RSS) of a process tree in MB, from /proc/PID/smaps_rollup; (0, 0) where unreadable."""
    pss = rss = 0
    for p in _tree(os.getpid() if pid is None else pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
                    elif line.startswith("Rss:"):
                        rss += int(line.split()[1])
        except (OSError, ValueError):
            continue  # a worker that just exited
    return pss / 1024, rss / 1024


class PeakMemory:
    """Samples the memory of this process and its workers in a thread; `stop` returns the peaks in MB."""

    def __init__(self, period: float = 1.0) -> None:  # a sample of a 1M index's processes costs ~10-30 ms of CPU
        self.period = period
        self.pss = self.rss = 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            pss, rss = tree_memory_mb()
            self.pss, self.rss = max(self.pss, pss), max(self.rss, rss)
            if self._done.wait(self.period):
                return

    def stop(self) -> dict[str, float]:
        self._done.set()
        self._thread.join()
        main = rss_mb()
        return {"peak_rss_mb": max(self.pss, main), "peak_pss_tree_mb": self.pss, "peak_rss_sum_mb": max(self.rss, main),
                "peak_rss_main_mb": main}


def cpu_s() -> float:
    """CPU seconds of this process and of its reaped workers (user + system)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def run_labortrace(data: Dataset, queries: list[Query], out: dict[str, Any]) -> Ranked:
    """labortrace's NameIndex + Matcher as the service uses them; review threshold 0 so every score is seen.

    The queries are matched twice: with review threshold 0 and 10 matches a query (every one explained), as the
    metrics need and as timed before (`match_s`), and with the service's default options (`service_match_s`).
    Wall and CPU seconds (workers included) are both kept: on a shared machine the wall time depends on the load
    (`load_avg`, the 1-minute load average before and after), the CPU time much less.
    """
    from labortrace.matching import Matcher, MatchOptions, NameIndex
    from labortrace.matching.index import IndexedEntity
    from labortrace.model import QueryRecord
    from labortrace.names.normalize import analyze_name

    out["load_avg"] = [round(os.getloadavg()[0], 2)]
    t0, c0 = time.perf_counter(), cpu_s()
    ents = [IndexedEntity(r.id, "Company", r.names[0], ["bench"], names=list(r.names), addresses=list(r.addresses),
                          countries=[r.country]) for r in data.references]
    index = NameIndex(ents, "bench")
    out["build_s"], out["build_cpu_s"] = time.perf_counter() - t0, cpu_s() - c0
    matcher = Matcher(index, MatchOptions(threshold=0.8, review_threshold=0.0, max_matches=TOP, candidates=30))
    records = [QueryRecord(row=q.row, input={}, name=q.name, address=q.address, country=q.country) for q in queries]
    t0, c0 = time.perf_counter(), cpu_s()
    found = matcher.match_all(records)
    out["match_s"], out["match_cpu_s"] = time.perf_counter() - t0, cpu_s() - c0
    # As a screening run matches: the service's options (matches >= 0.6, at most 5, explained), on the same index.
    service = Matcher(index, MatchOptions())
    t0, c0 = time.perf_counter(), cpu_s()
    service.match_all(records)
    out["service_match_s"], out["service_match_cpu_s"] = time.perf_counter() - t0, cpu_s() - c0
    out["service_queries_per_s"] = len(records) / out["service_match_s"] if out["service_match_s"] else 0.0
    # Which settings each timing measures, and its CPU milliseconds a query (main process and workers).
    out["bench_options"], out["service_options"] = asdict(matcher.options), asdict(service.options)
    out["match_cpu_ms_per_query"] = 1000 * out["match_cpu_s"] / max(len(records), 1)
    out["service_cpu_ms_per_query"] = 1000 * out["service_match_cpu_s"] / max(len(records), 1)
    out["load_avg"].append(round(os.getloadavg()[0], 2))
    t0 = time.perf_counter()
    analyses = [analyze_name(q.name) for q in queries]
    cands = index.candidates(analyses, 30)
    out["candidates_s"] = time.perf_counter() - t0
    # Entities among the first 10 (and 30) candidate names, for candidate recall and for the peers that rescore them.
    out["candidates10"] = [_entities(index, c[:10]) for c in cands]
    out["candidates30"] = [_entities(index, c) for c in cands]
    out["pairs_scored"] = matcher.pairs_scored
    return [[(m.entity_id, m.score) for m in ms] for ms in found]


def _entities(index: Any, cands: list[tuple[int, float]]) -> list[str]:
    ids = [index.entities[index.name_entity[pos]].id for pos, _ in cands]
    return list(dict.fromkeys(ids))


def _ftm(schema_id: str, names: list[str], country: str, address: str | list[str]) -> Any:
    from followthemoney import model

    ent = model.make_entity("Company")
    ent.id = schema_id
    for name in names:
        ent.add("name", name)
    if country:
        ent.add("country", country)
    for addr in [address] if isinstance(address, str) else address:
        if addr:
            ent.add("address", addr)
    return ent


def run_nomenklatura(data: Dataset, queries: list[Query], out: dict[str, Any], algorithm: str,
                     candidates: list[list[str]] | None) -> Ranked:
    """nomenklatura's `compare` on FtM entities: over the given candidates, or every reference when None."""
    from nomenklatura.matching import ScoringConfig, get_algorithm

    algo = get_algorithm(algorithm)
    if algo is None:
        raise SystemExit(f"nomenklatura has no algorithm {algorithm}")
    t0 = time.perf_counter()
    refs = {r.id: _ftm(r.id, r.names, r.country, r.addresses) for r in data.references} if candidates is None else {}
    by_id = {r.id: r for r in data.references}
    out["build_s"] = time.perf_counter() - t0
    config = ScoringConfig.defaults()
    ranked: Ranked = []
    pairs = 0
    t0 = time.perf_counter()
    for qi, q in enumerate(queries):
        qe = _ftm(f"q{q.row}", [q.name], q.country, q.address)
        ids = list(by_id) if candidates is None else candidates[qi]
        scores = []
        for rid in ids:
            if rid not in refs:
                r = by_id[rid]
                refs[rid] = _ftm(r.id, r.names, r.country, r.addresses)
            scores.append((rid, float(algo.compare(qe, refs[rid], config).score)))
        pairs += len(ids)
        scores.sort(key=lambda p: -p[1])
        ranked.append(scores[:TOP])
    out["match_s"] = time.perf_counter() - t0
    out["pairs_scored"] = pairs
    return ranked


def run_rapidfuzz(data: Dataset, queries: list[Query], out: dict[str, Any]) -> Ranked:
    """Brute force: process.cdist with token_set_ratio over every reference name, 2 workers; best name per entity."""
    import numpy as np
    from rapidfuzz import fuzz, process

    from bench.matching.fold import fold

    t0 = time.perf_counter()
    owner: list[int] = []
    texts: list[str] = []
    for ei, r in enumerate(data.references):
        for name in r.names:
            owner.append(ei)
            texts.append(fold(name))
    owners = np.asarray(owner)
    out["build_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    ranked: Ranked = []
    for start in range(0, len(queries), 256):
        chunk = [fold(q.name) for q in queries[start : start + 256]]
        sims = process.cdist(chunk, texts, scorer=fuzz.token_set_ratio, workers=2, dtype=np.uint8)
        for row in sims:
            top = np.argpartition(-row.astype(np.int16), 40)[:40]
            best: dict[int, float] = {}
            for pos in top[np.argsort(-row[top], kind="stable")]:
                best.setdefault(int(owners[pos]), row[pos] / 100.0)
            ranked.append([(data.references[e].id, s) for e, s in list(best.items())[:TOP]])
    out["match_s"] = time.perf_counter() - t0
    return ranked


RUNNERS: dict[str, Callable[..., Ranked]] = {"labortrace": run_labortrace, "rapidfuzz": run_rapidfuzz}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tool")
    parser.add_argument("data", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--queries", type=int, default=0, help="only the first N queries (0: all)")
    parser.add_argument("--candidates", type=Path, help="labortrace's output JSON, whose candidates30 peers rescore")
    args = parser.parse_args()
    with open(args.data, "rb") as fh:
        data: Dataset = pickle.load(fh)
    queries = data.queries[: args.queries] if args.queries else data.queries
    out: dict[str, Any] = {"tool": args.tool, "n_queries": len(queries), "rss_after_load_mb": rss_mb()}
    memory = PeakMemory()
    if args.tool.startswith("nk"):
        cands = json.loads(args.candidates.read_text())["candidates30"][: len(queries)] if args.candidates else None
        ranked = run_nomenklatura(data, queries, out, args.tool.split(":", 1)[1], None if args.tool.startswith("nk-brute") else cands)
    elif args.tool == "splink":
        from bench.matching.splink_peer import run_splink

        ranked = run_splink(data, queries, out)
    else:
        ranked = RUNNERS[args.tool](data, queries, out)
    out["queries_per_s"] = len(queries) / out["match_s"] if out["match_s"] else 0.0
    out.update(memory.stop())
    out["rows"] = [q.row for q in queries]
    out["ranked"] = ranked
    args.out.write_text(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()


__all__ = ["RefEntity", "main"]
