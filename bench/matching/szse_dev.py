"""Run labortrace alone on the two real SZSE tasks, in process, and report top-1 on a dev and a test half.

Run: python -m bench.matching.szse_dev [--task a|b|ab] [--seed N] [--errors] [--rerank]

The halves are fixed by a stable hash (sha256) of the Chinese full name: even first byte is dev, odd is test.
Only dev-half errors are written (bench/matching/out/szse-dev-errors-<task>.tsv) so that the test half stays
unseen while the name analysis is tuned. Same data and matcher settings as `python -m bench.matching --real yes`.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

from bench.matching import real
from bench.matching.generate import Dataset
from bench.matching.tools import run_labortrace

OUT = Path(__file__).resolve().parent / "out"


def is_dev(han_name: str) -> bool:
    """The stable dev/test split: sha256 of the Chinese name, even first byte is dev."""
    return hashlib.sha256(han_name.encode("utf-8")).digest()[0] % 2 == 0


def evaluate(task: str, ds: Dataset, pairs: list[tuple[str, str]], errors: bool) -> dict[str, float]:
    """Top-1 on dev, test and all for one task; optionally write the dev errors."""
    info: dict[str, float] = {}
    t0 = time.perf_counter()
    ranked = run_labortrace(ds, ds.queries, info)  # type: ignore[arg-type]
    names = {r.id: r.names[0] for r in ds.references}
    hits = {"dev": [0, 0], "test": [0, 0], "all": [0, 0]}
    lines = []
    for q, answer in zip(ds.queries, ranked):
        han = pairs[int(q.gold.split("-")[1])][0]
        split = "dev" if is_dev(han) else "test"
        top = answer[0][0] if answer else ""
        ok = top == q.gold
        for key in (split, "all"):
            hits[key][0] += ok
            hits[key][1] += 1
        if not ok and split == "dev":
            rank = next((i for i, (e, _) in enumerate(answer) if e == q.gold), -1)
            top_score = answer[0][1] if answer else 0.0
            lines.append(f"{q.name}\t{names[q.gold]}\t{names.get(top, '')}\t{top_score:.3f}\t{rank}")
    if errors:
        (OUT / f"szse-dev-errors-{task}.tsv").write_text("query\tgold\ttop\ttop_score\tgold_rank\n" + "\n".join(lines) + "\n")
    out = {k: v[0] / v[1] for k, v in hits.items()}
    print(f"task {task}: top-1 dev {out['dev']:.4f} ({hits['dev'][1]}) test {out['test']:.4f} ({hits['test'][1]}) "
          f"all {out['all']:.4f}  [{time.perf_counter() - t0:.0f}s, build {info['build_s']:.0f}s]", flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.matching.szse_dev")
    parser.add_argument("--task", default="ab")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--errors", action="store_true", help="write dev-half errors under bench/matching/out")
    parser.add_argument("--rerank", action="store_true", help="also the bench.matching.align rerank prototype (dev half)")
    args = parser.parse_args()
    sets = real.tasks(args.seed)
    pairs = real.read_szse()
    if sets is None or pairs is None:
        raise SystemExit(f"real data not found at {real.SZSE}")
    OUT.mkdir(exist_ok=True)
    for task in args.task:
        evaluate(task, sets[task], pairs, args.errors)
        if args.rerank:
            rerank(task, sets[task], pairs, [0.0, 0.3, 0.5, 0.7])



def rerank(task: str, ds: Dataset, pairs: list[tuple[str, str]], weights: list[float]) -> None:
    """Prototype: rescore the index's 30 candidates by the current scorer blended with bench.matching.align (dev only)."""
    from labortrace.matching.index import IndexedEntity, NameIndex
    from labortrace.matching.scorer import score_names
    from bench.matching.align import align_names
    from labortrace.names.normalize import analyze_name

    ents = [IndexedEntity(r.id, "Company", r.names[0], ["bench"], names=list(r.names)) for r in ds.references]
    index = NameIndex(ents, "bench")
    queries = [q for q in ds.queries if is_dev(pairs[int(q.gold.split("-")[1])][0])]
    analyses = [analyze_name(q.name) for q in queries]
    cands = index.candidates(analyses, 30)
    hits = {w: 0 for w in weights}
    recall = 0
    for q, qa, cand in zip(queries, analyses, cands):
        scored = []
        for pos, _ in cand:
            ra = analyze_name(index.name_text[pos])
            base = score_names(qa, ra, index.token_idf).score
            scored.append((index.entities[index.name_entity[pos]].id, base, align_names(qa, ra).score))
        recall += any(e == q.gold for e, _, _ in scored)
        for w in weights:
            top = max(scored, key=lambda s: (1 - w) * s[1] + w * s[2], default=("", 0, 0))
            hits[w] += top[0] == q.gold
    print(f"task {task} dev rerank: candidate recall@30 {recall / len(queries):.4f}; "
          + " ".join(f"w={w}: {h / len(queries):.4f}" for w, h in hits.items()), flush=True)


if __name__ == "__main__":
    main()
