"""Matching benchmark: python -m bench.matching --size 10k|100k|1m [--peer-queries N] [--no-record].

Generates the labelled data (cached under bench/matching/out/), runs labortrace and each peer in its own
process on the same data, scores them (bench.matching.metrics), writes PR curves and a report under
bench/matching/out/, prints the markdown tables and appends them to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.matching import real
from bench.matching.generate import GENERATOR_VERSION, SIZES, Dataset, build
from bench.matching.report import Run, markdown_report

OUT = Path(__file__).resolve().parent / "out"
RESULTS = Path(__file__).resolve().parents[1] / "RESULTS.md"
NK_ALGORITHMS = ("logic-v2", "logic-v1", "ofac", "regression-v1")


def dataset(size: str, seed: int) -> Path:
    """The data file for a size, built once per seed and kept under out/."""
    path = OUT / f"data-{size}-{seed}-g{GENERATOR_VERSION}.pkl"
    if not path.exists():
        t0 = time.perf_counter()
        data = build(SIZES[size], seed)
        with open(path, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        print(f"generated {size}: {len(data.references)} entities, {len(data.queries)} queries in {time.perf_counter() - t0:.0f}s",
              file=sys.stderr)
    return path


def run_tool(tool: str, data: Path, out: Path, queries: int = 0, candidates: Path | None = None, timeout: int = 1800) -> Run:
    """Run one tool in a subprocess (so its peak RSS is its own); a failure is kept with its error text."""
    cmd = [sys.executable, "-m", "bench.matching.tools", tool, str(data), str(out), "--queries", str(queries)]
    if candidates is not None:
        cmd += ["--candidates", str(candidates)]
    print(f"running {tool} ({queries or 'all'} queries) …", file=sys.stderr, flush=True)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=Path(__file__).resolve().parents[2])
    except subprocess.TimeoutExpired:
        return Run(tool, {}, f"stopped after {timeout}s")
    if proc.returncode != 0:
        return Run(tool, {}, (proc.stderr.strip().splitlines() or ["exit " + str(proc.returncode)])[-1])
    result: dict[str, Any] = json.loads(out.read_text())
    return Run(tool, result)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.matching")
    parser.add_argument("--size", choices=sorted(SIZES), default="100k")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--peer-queries", type=int, default=2000, help="queries for the slow peers (nomenklatura, rapidfuzz)")
    parser.add_argument("--brute-queries", type=int, default=20, help="queries for nomenklatura logic-v2 brute force (10k only)")
    parser.add_argument("--peers", default="all", help="'all', 'none', or a comma list of tools")
    parser.add_argument("--real", choices=("auto", "yes", "no"), default="auto", help="real SZSE tasks (auto: at 100k)")
    parser.add_argument("--no-record", action="store_true", help="do not append to bench/RESULTS.md")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    data_path = dataset(args.size, args.seed)
    with open(data_path, "rb") as fh:
        data: Dataset = pickle.load(fh)
    tag = f"{args.size}-{args.seed}"
    lt_out = OUT / f"labortrace-{tag}.json"
    runs = [run_tool("labortrace", data_path, lt_out, timeout=3600)]
    for tool, queries, cands in planned_peers(args):
        runs.append(run_tool(tool, data_path, OUT / f"{tool.replace(':', '_')}-{tag}.json", queries, lt_out if cands else None))
    real_runs = run_real(args) if args.real == "yes" or (args.real == "auto" and args.size == "100k") else {}
    command = "python -m bench.matching " + " ".join(sys.argv[1:])
    text, misses = markdown_report(args.size, data, runs, real_runs, command, OUT, tag)
    (OUT / f"report-{tag}.md").write_text(text + "\n" + misses)
    print(text)
    print(misses)
    if not args.no_record:
        record(text)


def record(text: str) -> None:
    """Add a run's section at the end of '## Matching benchmark' in bench/RESULTS.md (created at the end if missing)."""
    current = RESULTS.read_text(encoding="utf-8")
    start = current.find("\n## Matching benchmark\n")
    if start < 0:
        RESULTS.write_text(current.rstrip("\n") + "\n\n## Matching benchmark\n\n" + text, encoding="utf-8")
        return
    end = current.find("\n## ", start + 1)
    end = len(current) if end < 0 else end + 1
    RESULTS.write_text(current[:end].rstrip("\n") + "\n\n" + text + "\n" + current[end:], encoding="utf-8")


def planned_peers(args: argparse.Namespace) -> list[tuple[str, int, bool]]:
    """(tool, number of queries, rescoring labortrace's candidates?) for this size."""
    plan: list[tuple[str, int, bool]] = [(f"nk:{a}", args.peer_queries, True) for a in NK_ALGORITHMS]
    if args.size == "10k":
        plan += [(f"nk-brute:logic-v2", args.brute_queries, False), ("rapidfuzz", args.peer_queries, False), ("splink", 0, False)]
    elif args.size == "100k":
        plan += [("splink", 0, False)]
    # at 1m only nomenklatura runs, on labortrace's candidates (Splink needs 7.5 GB at 100k already)
    if args.peers == "none":
        return []
    if args.peers != "all":
        wanted = set(args.peers.split(","))
        plan = [p for p in plan if p[0] in wanted]
    return plan


def run_real(args: argparse.Namespace) -> dict[str, list[Run]]:
    """labortrace, nomenklatura logic-v2 (on labortrace's candidates) and rapidfuzz (300 queries) on the SZSE tasks."""
    sets = real.tasks(args.seed)
    if sets is None:
        print(f"real data not found at {real.SZSE}: real tasks skipped", file=sys.stderr)
        return {}
    out: dict[str, list[Run]] = {}
    with tempfile.TemporaryDirectory(prefix="lt-bench-real-") as tmp:
        for task, ds in sets.items():
            path = Path(tmp) / f"real-{task}.pkl"
            with open(path, "wb") as fh:
                pickle.dump(ds, fh, protocol=pickle.HIGHEST_PROTOCOL)
            lt = Path(tmp) / f"lt-{task}.json"
            runs = [run_tool("labortrace", path, lt)]
            if args.peers != "none":
                runs.append(run_tool("nk:logic-v2", path, Path(tmp) / f"nk-{task}.json", 0, lt))
                runs.append(run_tool("rapidfuzz", path, Path(tmp) / f"rf-{task}.json", 300))
            for run in runs:
                run.attach_labels(ds)
            out[task] = runs
    return out


if __name__ == "__main__":
    main()
