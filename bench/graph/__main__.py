"""Graph at scale: `python -m bench.graph --rows 10000000 [--traces 20] [--record]`.

Generates a FICTIONAL shipments world (bench/graph/generate.py) of the given size into bench/graph/out
(gitignored), loads its forced-labour list and its bills of lading into a fresh workspace the way
`labortrace load --kind shipments` does, and times:
- the load (wall and CPU seconds, rows/s, peak RSS of this process);
- traces from buyers at depth 2 and 3, each in a freshly opened workspace (what `labortrace trace` does after
  its start-up), median and slowest, with how many paths they found;
- DuckDB reading the same CSV and counting rows and distinct (shipper, consignee) spellings, as an independent
  check that nothing was lost and as the peer for raw bulk reading.
--record appends the table to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb
from sqlalchemy import func, select

from bench.graph.generate import VERSION, make_world, write_list, write_shipments
from labortrace.graph import RiskLevels, build, trace
from labortrace.service import Workspace
from labortrace.store.graph_schema import shipments

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "out"
RESULTS = ROOT / "bench" / "RESULTS.md"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def generate(rows: int, seed: int) -> tuple[Path, Path, list[str], float]:
    OUT.mkdir(parents=True, exist_ok=True)
    world = make_world(rows, seed)
    # the file name carries the generator's version and seed: a file from another generator is never reused
    csv_path, list_path = OUT / f"shipments-{rows}-{seed}-{VERSION}.csv", OUT / f"list-{rows}.ftm.json"
    started = time.perf_counter()
    if not csv_path.exists():
        write_shipments(world, rows, csv_path, seed)
    write_list(world, list_path)
    return csv_path, list_path, world.buyers, time.perf_counter() - started


def duckdb_check(csv_path: Path) -> tuple[int, int, float]:
    """Rows and distinct (shipper, consignee) spellings of the CSV, read by DuckDB; and the seconds it took."""
    started = time.perf_counter()
    con = duckdb.connect()
    rows, pairs = con.execute(
        "SELECT count(*), count(DISTINCT (\"Shipper Name\", \"Consignee Name\")) "
        f"FROM read_csv('{csv_path}', all_varchar = true)").fetchone()  # type: ignore[misc]
    return int(rows), int(pairs), time.perf_counter() - started


def time_traces(db: str, starts: list[str], depth: int) -> tuple[list[float], list[int]]:
    seconds, found = [], []
    for start in starts:
        began = time.perf_counter()
        ws = Workspace(db)
        try:
            paths = trace(build(ws.store), [start], RiskLevels(ws.store), depth)
        finally:
            ws.close()
        seconds.append(time.perf_counter() - began)
        found.append(len(paths))
    return seconds, found


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.graph")
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--traces", type=int, default=20)
    parser.add_argument("--record", action="store_true", help="append the figures to bench/RESULTS.md")
    args = parser.parse_args()

    csv_path, list_path, buyers, gen_s = generate(args.rows, args.seed)
    print(f"generated {args.rows:,} rows in {gen_s:.1f} s ({csv_path.stat().st_size / 1e9:.2f} GB)", flush=True)
    db_path = OUT / f"bench-{args.rows}.db"
    db_path.unlink(missing_ok=True)
    db = f"sqlite:///{db_path}"
    os.environ["LABORTRACE_CACHE"] = str(OUT / "cache")
    ws = Workspace(db)
    ws.load(list_path, dataset="bench_list", kind="forced_labour_list")
    wall, cpu = time.perf_counter(), time.process_time()
    outcome = ws.load(csv_path, dataset="bench_shipments", kind="shipments")
    load_wall, load_cpu = time.perf_counter() - wall, time.process_time() - cpu
    with ws.store.engine.connect() as conn:
        stored = int(conn.execute(select(func.count()).select_from(shipments)).scalar_one())
        edges = int(conn.execute(select(func.count()).select_from(
            select(shipments.c.shipper_entity, shipments.c.consignee_entity).distinct().subquery())).scalar_one())
        buyer_ids = sorted({r[0] for r in conn.execute(
            select(shipments.c.consignee_entity).where(shipments.c.consignee_name.in_(buyers)).distinct())})
    ws.close()
    load_rss = _rss_mb()
    print(f"loaded {stored:,} shipments in {load_wall:.1f} s wall, {load_cpu:.1f} s CPU "
          f"({stored / load_wall:,.0f} rows/s); {outcome.stats['parties_new']:,} new parties, "
          f"{outcome.stats['parties_resolved']:,} names resolved; {edges:,} edges; peak RSS {load_rss:,.0f} MB",
          flush=True)
    dd_rows, dd_pairs, dd_s = duckdb_check(csv_path)
    print(f"DuckDB read the CSV in {dd_s:.1f} s: {dd_rows:,} rows, {dd_pairs:,} distinct spelling pairs "
          f"({'same row count' if dd_rows == stored else 'ROW COUNT DIFFERS'})", flush=True)
    starts = random.Random(args.seed).sample(buyer_ids, min(args.traces, len(buyer_ids)))
    lines = []
    for depth in (2, 3):
        seconds, found = time_traces(db, starts, depth)
        lines.append((depth, statistics.median(seconds), max(seconds), statistics.median(found), min(found)))
        print(f"trace depth {depth}: median {statistics.median(seconds):.3f} s, slowest {max(seconds):.3f} s, "
              f"paths median {statistics.median(found):.0f} (min {min(found)})", flush=True)
    text = _markdown(args, stored, dd_rows, dd_pairs, dd_s, load_wall, load_cpu, load_rss, edges, outcome.stats,
                     lines, len(starts))
    print(text)
    if args.record:
        with RESULTS.open("a", encoding="utf-8") as fh:
            fh.write("\n" + text)


def _markdown(args: argparse.Namespace, stored: int, dd_rows: int, dd_pairs: int, dd_s: float, load_wall: float,
              load_cpu: float, load_rss: float, edges: int, stats: dict[str, object],
              traces: list[tuple[int, float, float, float, int]], n: int) -> str:
    load = os.getloadavg()
    rows = [
        f"### Supply-chain graph at {args.rows:,} shipment rows, {datetime.date.today().isoformat()}",
        "",
        f"`python -m bench.graph --rows {args.rows} --traces {args.traces}`, commit {_commit()}, nproc "
        f"{os.cpu_count()}, {platform.processor() or platform.machine()}, Python {platform.python_version()}; "
        f"load average at the end {load[0]:.1f}. FICTIONAL generated data (bench/graph/generate.py, seed {args.seed}).",
        "",
        "| step | figure |",
        "|---|---|",
        f"| load `--kind shipments` (read, clean, resolve parties, store) | {load_wall:,.0f} s wall, {load_cpu:,.0f} s CPU, "
        f"{stored / load_wall:,.0f} rows/s, peak RSS {load_rss:,.0f} MB |",
        f"| stored shipments / rows DuckDB reads in the CSV | {stored:,} / {dd_rows:,} |",
        f"| parties: new / names resolved to list entities | {stats['parties_new']:,} / {stats['parties_resolved']:,} |",
        f"| shipper -> consignee edges (distinct entity pairs) | {edges:,} (from {dd_pairs:,} distinct spelling pairs) |",
        f"| DuckDB: read the CSV and count rows and distinct pairs (peer for raw reading) | {dd_s:.1f} s |",
    ]
    for depth, median, slowest, paths, fewest in traces:
        rows.append(f"| trace from a buyer, depth {depth} ({n} buyers, fresh workspace each) | median {median:.3f} s, "
                    f"slowest {slowest:.3f} s; paths found median {paths:.0f}, fewest {fewest} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    sys.exit(main())
