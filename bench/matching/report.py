"""The benchmark's markdown: the main table, per-family figures, homophones, real tasks and labortrace's misses."""

from __future__ import annotations

import datetime
import platform
import subprocess
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.matching import metrics as m
from bench.matching.generate import Dataset

DEFAULT = 0.8
PACKAGES = ("nomenklatura", "splink", "duckdb", "rapidfuzz", "pypinyin", "followthemoney")


@dataclass
class Run:
    """One tool's output (from bench.matching.tools) or its error."""

    tool: str
    result: dict[str, Any]
    error: str = ""
    queries: list[Any] = field(default_factory=list)

    def attach_labels(self, data: Dataset) -> None:
        self.queries = data.queries

    def outcomes(self, data: Dataset | None = None, ambiguous: bool = False) -> list[m.Outcome]:
        queries = data.queries if data is not None else self.queries
        return m.outcomes(queries, self.result["rows"], self.result["ranked"], ambiguous)


def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")), platform.machine())
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return f"nproc {nproc}, {cpu}, Python {platform.python_version()}"


def commit() -> str:
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or "unknown"


def versions() -> str:
    out = []
    for name in PACKAGES:
        try:
            out.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name} (not installed)")
    return ", ".join(out)


def _label(run: Run) -> str:
    if run.tool.startswith("nk:"):
        return f"nomenklatura {run.tool[3:]} (labortrace's candidates)"
    if run.tool.startswith("nk-brute:"):
        return f"nomenklatura {run.tool[9:]} (brute force)"
    return {"rapidfuzz": "rapidfuzz token_set_ratio cdist (brute force)", "splink": "Splink 5 / DuckDB link-only (EM)"}.get(run.tool, run.tool)


def main_table(data: Dataset, runs: list[Run]) -> list[str]:
    lt_qps = runs[0].result.get("queries_per_s", 0.0) if runs and not runs[0].error else 0.0
    lines = ["| tool | queries | P@0.8 | R@0.8 | F1@0.8 | best threshold | P | R | F1 | top-1 | candidate recall@10 | queries/s | labortrace ÷ tool queries/s | build s | peak memory MB (PSS, main + workers) |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for run in runs:
        if run.error:
            lines.append(f"| {_label(run)} | failed: {run.error[:160]} |" + " |" * 13)
            continue
        lines.append(_row(_label(run), run, run.outcomes(data), lt_qps))
        if run.tool == "labortrace" and len(runs) > 1:
            n = max((r.result.get("n_queries", 0) for r in runs[1:] if not r.error), default=0)
            if n and n < run.result["n_queries"]:
                sub = Run(run.tool, {**run.result, "rows": run.result["rows"][:n], "ranked": run.result["ranked"][:n],
                                     "candidates10": run.result["candidates10"][:n], "n_queries": n}, queries=run.queries)
                lines.append(_row(f"labortrace, same first {n} queries as the peers", sub, sub.outcomes(data), lt_qps))
    return lines


def _row(label: str, run: Run, items: list[m.Outcome], lt_qps: float) -> str:
    r = run.result
    d, b = m.scores_at(items, DEFAULT), m.best_threshold(items)
    cand = r.get("candidates10")
    cand_recall = f"{m.candidate_recall(run.queries, r['rows'], cand):.4f}" if cand and run.queries else "–"
    qps = r.get("queries_per_s", 0.0)
    ratio = f"{lt_qps / qps:.1f}×" if qps and lt_qps else "–"
    return (f"| {label} | {r['n_queries']} | {d.precision:.4f} | {d.recall:.4f} | {d.f1:.4f} | {b.threshold:.3f} | {b.precision:.4f} | "
            f"{b.recall:.4f} | {b.f1:.4f} | {m.top1_accuracy(items):.4f} | {cand_recall} | {qps:,.1f} | {ratio} | "
            f"{r.get('build_s', 0):.1f} | {r.get('peak_rss_mb', 0):,.0f} |")


def family_table(data: Dataset, runs: list[Run]) -> list[str]:
    ok = [r for r in runs if not r.error]
    per = [m.by_family(r.outcomes(data), m.best_threshold(r.outcomes(data)).threshold) for r in ok]
    at_default = m.by_family(ok[0].outcomes(data), DEFAULT) if ok and ok[0].tool == "labortrace" else {}
    counts: dict[str, int] = {}
    for o in ok[0].outcomes(data) if ok else []:
        counts[o.family] = counts.get(o.family, 0) + 1
    head = "| family | n | labortrace @0.8 | " + " | ".join(f"{_label(r)} @best" for r in ok) + " |"
    lines = [head, "|---|---|---|" + "---|" * len(ok)]
    for fam in sorted(counts, key=lambda f: (f.startswith("neg_"), f)):
        cells = " | ".join(f"{p.get(fam, float('nan')):.3f}" for p in per)
        lines.append(f"| {fam} | {counts[fam]} | {at_default.get(fam, float('nan')):.3f} | {cells} |")
    return lines


def ambiguous_lines(data: Dataset, runs: list[Run]) -> list[str]:
    out = []
    for run in runs:
        if run.error:
            continue
        items = run.outcomes(data, ambiguous=True)
        pos = [o for o in items if o.positive]
        neg = [o for o in items if not o.positive]
        rec = sum(o.top_score >= DEFAULT and o.correct() for o in pos) / len(pos) if pos else 0.0
        flag = sum(o.top_score >= DEFAULT for o in neg) / len(neg) if neg else 0.0
        out.append(f"{_label(run)}: {len(pos)} true-match rows, recall@0.8 (any twin) {rec:.3f}; {len(neg)} other rows, flagged@0.8 {flag:.3f}")
    return out


def real_table(real_runs: dict[str, list[Run]]) -> list[str]:
    lines = ["| task | tool | queries | top-1 | recall@0.8 (top-1 right and ≥0.8) | queries/s |", "|---|---|---|---|---|---|"]
    names = {"a": "(a) Han → English-only ref", "b": "(b) English → Han-only ref"}
    for task, runs in real_runs.items():
        for run in runs:
            if run.error:
                lines.append(f"| {names[task]} | {_label(run)} | failed: {run.error[:120]} | | | |")
                continue
            items = run.outcomes()
            lines.append(f"| {names[task]} | {_label(run)} | {run.result['n_queries']} | {m.top1_accuracy(items):.4f} | "
                         f"{m.scores_at(items, DEFAULT).recall:.4f} | {run.result['queries_per_s']:,.1f} |")
    return lines


def misses(data: Dataset, run: Run, count: int = 10) -> list[str]:
    """Concrete labortrace errors at 0.8: true matches missed (one per family first), then non-matches flagged."""
    names = {r.id: r.names for r in data.references}
    by_row = {q.row: q for q in data.queries}
    missed, flagged = [], []
    for row, answer in zip(run.result["rows"], run.result["ranked"]):
        q = by_row[row]
        if q.latin_ambiguous:
            continue
        top = answer[0] if answer else ("", 0.0)
        if q.gold and not (top[0] == q.gold and top[1] >= DEFAULT):
            missed.append((q, top))
        elif not q.gold and top[1] >= DEFAULT:
            flagged.append((q, top))
    picked = _one_per_family(missed, 6) + _one_per_family(flagged, count - 6)
    lines = []
    for q, top in picked:
        gold = f" gold {names[q.gold][0]!r}" if q.gold else " (not in reference)"
        got = f"{names[top[0]][0]!r} {top[1]:.2f}" if top[0] else "nothing"
        lines.append(f"- {q.family}: {q.name!r}{gold}; labortrace's best: {got}")
    return lines


def _one_per_family(items: list[Any], count: int) -> list[Any]:
    seen: set[str] = set()
    out = [it for it in items if not (it[0].family in seen or seen.add(it[0].family))][:count]
    return out + [it for it in items if it not in out][: count - len(out)]


def markdown_report(size: str, data: Dataset, runs: list[Run], real_runs: dict[str, list[Run]], command: str,
                    out_dir: Path, tag: str) -> tuple[str, str]:
    """The section appended to bench/RESULTS.md, and the list of labortrace's misses."""
    for run in runs:
        run.attach_labels(data)
    ok = [r for r in runs if not r.error]
    png = out_dir / f"pr-{tag}.png"
    mpl = m.plot_pr({_label(r): m.pr_curve(r.outcomes(data)) for r in ok}, str(png), f"Matching benchmark {size}") if ok else "–"
    pos = sum(1 for q in data.queries if q.gold)
    lines = [f"### Matching benchmark, {size} reference entities, {datetime.date.today().isoformat()}", "",
             f"`{command}`, commit {commit()}, {machine()}; {versions()}, matplotlib {mpl}.",
             f"Data: {len(data.references):,} generated reference entities, {len(data.queries):,} queries ({pos:,} true matches), seed {data.seed}. "
             "A query is flagged when its best score ≥ threshold; a flag on any other entity is a false positive. "
             "Rows a name cannot decide are left out and counted below: Latin-only names whose company has a twin spelt alike (homophones), and non-matches with the brand and trade of a reference company one of whose names gives no place. "
             f"PR curves: bench/matching/out/{png.name}.", ""]
    lines += main_table(data, runs) + ["", "Per family (recall for true-match families, flag rate for neg_* kinds; each peer at its best threshold):", ""]
    lines += family_table(data, runs) + ["", "Names that cannot decide (homophones in Latin letters; non-matches sharing brand and trade with a reference name that gives no place):", ""]
    lines += [f"- {ln}" for ln in ambiguous_lines(data, runs)]
    if real_runs:
        lines += ["", "Real SZSE names (2,880 companies, 100,000 generated distractors in the reference's script):", ""] + real_table(real_runs)
    miss = ["#### labortrace misses at 0.8, " + size, ""] + (misses(data, runs[0]) if ok and ok[0].tool == "labortrace" else [])
    return "\n".join(lines) + "\n", "\n".join(miss) + "\n"
