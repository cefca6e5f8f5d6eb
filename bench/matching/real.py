"""The two real tasks on the SZSE A-share list (read from shared/data/real; skipped cleanly when absent).

(a) Han-only queries against an English-only reference, (b) English-only queries against a Han-only reference.
Each reference holds all 2,880 real companies (the query's own and the other 2,879) plus 100,000 generated
companies as distractors, written in the reference's script. The real data is read in place and never copied
into the project: the data files for the tool processes go to a temporary folder.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from bench.matching import companies as co
from bench.matching.generate import Dataset, Query, RefEntity, draw_companies

SZSE = Path(__file__).resolve().parents[3] / "shared/data/real/cn_listed_company_names/szse_a_share_list_2025-12.csv"
DISTRACTORS = 100_000


def read_szse(path: Path = SZSE) -> list[tuple[str, str]] | None:
    """(Chinese full name, English name) pairs, or None when the file is not there."""
    if not path.exists():
        return None
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = [(r["公司全称"].strip(), r["英文名称"].strip()) for r in csv.DictReader(fh)]
    return [(han, en) for han, en in rows if han and en]


def _distractors(seed: int, script: str) -> list[RefEntity]:
    rng = random.Random(f"{seed}-real-distractors")
    out = []
    for i, c in enumerate(draw_companies(rng, DISTRACTORS, set())):
        if c.kind == "cn":
            name = co.english_name(c, paren=rng.random() < 0.1) if script == "latin" else co.han_name(c, shi=rng.random() < 0.7)
        else:
            name = co.native_name(c)
        out.append(RefEntity(f"gen-{i}", c.kind, c.country, [name]))
    return out


def tasks(seed: int) -> dict[str, Dataset] | None:
    """The two real tasks as datasets (queries are all true matches, family real_a / real_b)."""
    pairs = read_szse()
    if pairs is None:
        return None
    out = {}
    for task, query_side, script in (("a", 0, "latin"), ("b", 1, "han")):
        refs = [RefEntity(f"szse-{i}", "cn", "cn", [pair[1 - query_side]]) for i, pair in enumerate(pairs)]
        refs += _distractors(seed, script)
        queries = [Query(i + 1, pair[query_side], "", "", f"szse-{i}", f"real_{task}") for i, pair in enumerate(pairs)]
        out[task] = Dataset(seed, len(refs), refs, queries)
    return out
