"""Screening at scale: N fictional reference companies, 10,000 supplier rows, end to end through the service.

Run: python -m bench.screening [--entities 100000] [--queries 10000]
Prints load, index build, cached index reload and screening times, queries/s, peak RSS and a quality
sanity check (top-1 on rows built from a reference company, flag rate on rows that are none).
The thorough matching benchmark with peers is bench.matching (issue 3); this one measures the pipeline.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import resource
import subprocess
import tempfile
import time
from pathlib import Path

from labortrace.demo._tables import BRAND_FIRST, BRAND_SECOND, INDUSTRIES, PLACES

LEGAL = (("有限公司", "Co., Ltd."), ("股份有限公司", "Co., Ltd."), ("集团有限公司", "Group Co., Ltd."))


def combos(rng: random.Random, count: int) -> list[tuple[int, int, int, str]]:
    """Distinct (place, brand first, brand second, industry) combinations."""
    industries = sorted(INDUSTRIES)
    seen: set[tuple[int, int, int, str]] = set()
    while len(seen) < count:
        seen.add((rng.randrange(len(PLACES)), rng.randrange(len(BRAND_FIRST)), rng.randrange(len(BRAND_SECOND)),
                  rng.choice(industries)))
    out = sorted(seen)
    rng.shuffle(out)
    return out


def names(combo: tuple[int, int, int, str], legal: int) -> tuple[str, str, str]:
    place, a, b, ind = PLACES[combo[0]], BRAND_FIRST[combo[1]], BRAND_SECOND[combo[2]], INDUSTRIES[combo[3]]
    han = f"{place.han}{a.han}{b.han}{ind.han}{LEGAL[legal][0]}"
    brand = (a.pinyin + b.pinyin).capitalize()
    english = f"{place.english} {brand} {ind.english} {LEGAL[legal][1]}"
    pinyin = f"{''.join(place.pinyin).capitalize()} {brand} {''.join(ind.pinyin).capitalize()}"
    return han, english, pinyin


def typo(rng: random.Random, text: str) -> str:
    i = rng.randrange(1, max(2, len(text) - 1))
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :] if i + 1 < len(text) else text


def write_data(folder: Path, n_entities: int, n_queries: int, seed: int) -> tuple[Path, Path, dict[int, str], set[int]]:
    rng = random.Random(seed)
    all_combos = combos(rng, n_entities + n_queries)
    refs, fresh = all_combos[:n_entities], all_combos[n_entities:]
    ref_path = folder / "reference.ftm.json"
    with open(ref_path, "w", encoding="utf-8") as fh:
        for i, combo in enumerate(refs):
            han, english, _ = names(combo, rng.choice((0, 0, 1, 2)))
            props = {"name": [english], "country": ["cn"], "notes": ["FICTIONAL benchmark company"]}
            if rng.random() < 0.6:
                props["alias"] = [han]
            fh.write(json.dumps({"id": f"bench-{i}", "schema": "Company", "properties": props}, ensure_ascii=False) + "\n")
    truth: dict[int, str] = {}
    same_spelling: set[int] = set()  # 'other' rows whose pinyin/English equals a reference company's (homophones)
    ref_spellings = {names(c, 0)[1].lower() for c in refs}
    rows = []
    for row in range(1, n_queries + 1):
        if rng.random() < 0.3:
            i = rng.randrange(n_entities)
            han, english, pinyin = names(refs[i], 0)
            form = rng.choice((han, english.upper(), pinyin, typo(rng, english), english.replace(" Co., Ltd.", "")))
            truth[row] = f"bench-{i}"
            rows.append(form)
        else:
            han, english, pinyin = names(fresh[row - 1], 0)
            rows.append(rng.choice((han, english, pinyin)))
            if english.lower() in ref_spellings:
                same_spelling.add(row)
    sup_path = folder / "suppliers.csv"
    with open(sup_path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Supplier Name"])
        writer.writerows([r] for r in rows)
    return ref_path, sup_path, truth, same_spelling


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--record", action="store_true", help="append the figures to bench/RESULTS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["LABORTRACE_CACHE"] = str(folder / "cache")
        from labortrace.service import Workspace

        ref, sup, truth, same_spelling = write_data(folder, args.entities, args.queries, args.seed)
        ws = Workspace("sqlite:///" + str(folder / "bench.db"))
        t0 = time.perf_counter()
        ws.load(ref, dataset="bench_list", kind="forced_labour_list")
        t_load = time.perf_counter() - t0
        t0 = time.perf_counter()
        ws.index()
        t_index = time.perf_counter() - t0
        t0 = time.perf_counter()
        ws.index()
        t_reload = time.perf_counter() - t0
        t0 = time.perf_counter()
        outcome = ws.screen(sup, out_dir=folder / "out")
        t_screen = time.perf_counter() - t0
        ws.close()
    results = outcome.doc["results"]
    top1 = sum(1 for r in results if r["row"] in truth and r["matches"] and r["matches"][0]["entity_id"] == truth[r["row"]])
    negatives = [r for r in results if r["row"] not in truth and r["row"] not in same_spelling]
    flagged_neg = sum(1 for r in negatives if r["risk"]["level"] == "high")
    homophones = [r for r in results if r["row"] in same_spelling]
    rss_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    figures = {
        "entities": args.entities, "queries": args.queries,
        "load_s": round(t_load, 1), "index_build_s": round(t_index, 1), "index_reload_s": round(t_reload, 2),
        "screen_s": round(t_screen, 1), "queries_per_s": round(args.queries / t_screen),
        "peak_rss_gb": round(rss_gb, 2),
        "top1_true_rows": round(top1 / max(1, len(truth)), 4),
        "high_on_none_rows": round(flagged_neg / max(1, len(negatives)), 4),
        "homophone_rows": len(homophones),
        "high_on_homophone_rows": round(sum(1 for r in homophones if r["risk"]["level"] == "high") / max(1, len(homophones)), 4),
    }
    print(json.dumps(figures, indent=2))
    if args.record:
        record(figures, args)


def record(figures: dict[str, float], args: argparse.Namespace) -> None:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    lines = [
        "", f"## Screening pipeline ({args.entities:,} entities, {args.queries:,} suppliers)", "",
        f"{time.strftime('%Y-%m-%d')}, commit {commit}, `python -m bench.screening --entities {args.entities} "
        f"--queries {args.queries} --record`, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}.",
        "Fictional generated companies (Han + English names); suppliers are 30% variants of a reference company "
        "(Han only, upper case, pinyin without legal form, a typo, legal form dropped) and 70% other companies "
        "built from the same parts (many share brand, place or industry). `high_on_none_rows` counts other "
        "companies flagged high; rows whose English name equals a reference company's (Han homophones such as "
        "鸿/宏 'Hong') cannot be told apart without Han and are counted apart as `homophone_rows`.", "",
        "| " + " | ".join(figures) + " |", "|" + "---|" * len(figures), "| " + " | ".join(str(v) for v in figures.values()) + " |",
    ]
    with open(Path(__file__).parent / "RESULTS.md", "a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
