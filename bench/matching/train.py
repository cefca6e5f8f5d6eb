"""Fit the name scorer's weights on generated data only: python -m bench.matching.train [--size 30000] [--queries 20000].

Training pairs come from the benchmark's own generator run with TRAIN_SEEDS (never the evaluation seed
20261123, never real data): every query's candidates from labortrace's own index (30 candidates, the
matcher's cosine floor), labelled true when the candidate name belongs to the gold entity (or a homophone
twin a Latin-only name cannot tell apart); the pairs of a non-match with a company its name cannot be told from
(generate.Query.acceptable) carry no label and are left out. Each pair becomes the scorer's feature vector
(labortrace.matching.features.pair_values); a logistic regression with an L2 penalty is fitted with
scipy.optimize, and its coefficients are written to src/labortrace/matching/model.json with the seeds,
sizes and the precision/recall/F1 at 0.8 on a held-out generated split (HOLDOUT_SEED).
"""

from __future__ import annotations

import argparse
import datetime
import json
import pickle
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from bench.matching import metrics as m
from bench.matching.generate import GENERATOR_VERSION, Dataset, build
from labortrace.matching.features import VALUE_NAMES, pair_values, parts
from labortrace.matching.index import IndexedEntity, NameIndex
from labortrace.matching.matcher import COSINE_FLOOR
from labortrace.matching.scorer import MODEL_PATH
from labortrace.names.normalize import analyze_name

EVAL_SEED = 20261123  #: the benchmark's evaluation seed: never trained on
TRAIN_SEEDS = (101, 202)
HOLDOUT_SEED = 303
OUT = Path(__file__).resolve().parent / "out"
L2 = 1.0  #: penalty on the coefficients (not on the intercept), in units of the summed log-loss


@dataclass
class Pairs:
    """Feature rows of candidate pairs, their labels, and which query / entity each belongs to."""

    x: np.ndarray
    y: np.ndarray
    query: np.ndarray  #: position of the query in data.queries
    entity: list[str]
    data: Dataset


def collect(size: int, seed: int, n_queries: int) -> Pairs:
    """Generate a labelled set with `seed` and turn every candidate pair into a feature row."""
    if seed == EVAL_SEED:
        raise SystemExit("refusing to train on the evaluation seed")
    t0 = time.perf_counter()
    data, idf, found = candidate_pairs(size, seed, n_queries)
    rows: list[tuple[float, ...]] = []
    labels: list[int] = []
    owners: list[int] = []
    entities: list[str] = []
    unseen = idf["\0unseen\0"]

    def token_idf(token: str) -> float:
        return idf.get(token, unseen)

    for qi, name, ent_id in found:
        q = data.queries[qi]
        if not q.gold and ent_id in q.acceptable:
            continue  # a non-match the name cannot tell from this company: no label either way
        rows.append(pair_values(analyze_name(q.name), analyze_name(name), token_idf))
        labels.append(int(ent_id in (set(q.acceptable) | {q.gold} - {""})))
        owners.append(qi)
        entities.append(ent_id)
    print(f"seed {seed}: {size} refs, {len(data.queries)} queries, {len(rows)} pairs in {time.perf_counter() - t0:.0f}s",
          file=sys.stderr, flush=True)
    return Pairs(np.asarray(rows, dtype=np.float64), np.asarray(labels, dtype=np.float64), np.asarray(owners), entities, data)


def candidate_pairs(size: int, seed: int, n_queries: int) -> tuple[Dataset, dict[str, float], list[tuple[int, str, str]]]:
    """The generated set, the reference token IDF and every (query, candidate name, entity) the matcher would score; cached under out/."""
    path = OUT / f"train-{size}-{seed}-{n_queries}-g{GENERATOR_VERSION}.pkl"
    if path.exists():
        with open(path, "rb") as fh:
            cached: tuple[Dataset, dict[str, float], list[tuple[int, str, str]]] = pickle.load(fh)
        return cached
    data = build(size, seed, n_queries)
    ents = [IndexedEntity(r.id, "Company", r.names[0], ["train"], names=list(r.names)) for r in data.references]
    index = NameIndex(ents, "train")
    analyses = [analyze_name(q.name) for q in data.queries]
    found: list[tuple[int, str, str]] = []
    for qi, cands in enumerate(index.candidates(analyses, 30)):
        floor = cands[0][1] * COSINE_FLOOR if cands else 0.0
        for name_pos, cosine in cands:
            if cosine < floor:
                break  # the matcher's own cut: these pairs are never scored
            found.append((qi, index.name_text[name_pos], index.entities[index.name_entity[name_pos]].id))
    tokens = {t for _, name, _ in found for t in analyze_name(name).tokens} | {t for a in analyses for t in a.tokens}
    tokens |= {t for name in {n for _, n, _ in found} for t in parts(analyze_name(name)).core}
    tokens |= {t for a in analyses for t in parts(a).core}
    every = [analyze_name(n) for n in {n for _, n, _ in found}] + analyses
    tokens |= {f"b:{x}_{y}" for a in every for seq in (a.tokens, parts(a).brand) for x, y in zip(seq, seq[1:])}
    idf = {t: index.token_idf(t) for t in tokens}  # OCR-folded words too: the features weigh those
    idf["\0unseen\0"] = index.token_idf("\0unseen\0")
    OUT.mkdir(exist_ok=True)
    with open(path, "wb") as fh:
        pickle.dump((data, idf, found), fh, protocol=pickle.HIGHEST_PROTOCOL)
    return data, idf, found


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[float, np.ndarray]:
    """Logistic regression by L-BFGS on the mean log-loss plus l2/n times the squared coefficients."""
    n, d = x.shape
    xb = np.hstack([np.ones((n, 1)), x])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = xb @ w
        p = 1.0 / (1.0 + np.exp(-z))
        ll = np.logaddexp(0.0, z) - y * z
        reg = np.r_[0.0, w[1:]]
        return float(ll.mean() + l2 / n * (reg @ reg)), xb.T @ (p - y) / n + 2 * l2 / n * reg

    res = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return float(res.x[0]), res.x[1:]


def predict(x: np.ndarray, intercept: float, coef: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ coef + intercept)))


def best_shift(train: list[Pairs], intercept: float, coef: np.ndarray) -> float:
    """The shift of the intercept that gives the best F1 at 0.8 on the training seeds.

    The regression is fitted on pairs, but a query is flagged on its best pair: this moves the log-odds so
    that 0.8 is the cut that serves queries best (fitted on training data only, like the weights).
    """
    def f1(shift: float) -> float:
        return float(np.mean([m.scores_at(outcomes(p, predict(p.x, intercept + shift, coef)), 0.8).f1 for p in train]))

    return max(np.arange(-4.0, 4.01, 0.1), key=lambda s: (f1(float(s)), -abs(s)))


def outcomes(pairs: Pairs, scores: np.ndarray) -> list[m.Outcome]:
    """Each query's best entity and score, as the benchmark's metrics read them (homophone rows left out)."""
    best: dict[int, tuple[float, str]] = {}
    for qi, ent, s in zip(pairs.query.tolist(), pairs.entity, scores.tolist()):
        if qi not in best or s > best[qi][0]:
            best[qi] = (s, ent)
    ranked = [[(best[qi][1], best[qi][0])] if qi in best else [] for qi in range(len(pairs.data.queries))]
    return m.outcomes(pairs.data.queries, [q.row for q in pairs.data.queries], ranked)


def report(pairs: Pairs, scores: np.ndarray, label: str) -> dict[str, object]:
    items = outcomes(pairs, scores)
    s = m.scores_at(items, 0.8)
    fam = m.by_family(items, 0.8)
    print(f"{label}: P {s.precision:.4f} R {s.recall:.4f} F1 {s.f1:.4f} top-1 {m.top1_accuracy(items):.4f}", file=sys.stderr)
    print("  " + ", ".join(f"{k} {v:.3f}" for k, v in fam.items()), file=sys.stderr)
    return {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
            "top1": round(m.top1_accuracy(items), 4), "per_family": {k: round(v, 4) for k, v in fam.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.matching.train")
    parser.add_argument("--size", type=int, default=30_000, help="reference entities per generated set")
    parser.add_argument("--queries", type=int, default=10_000, help="queries per generated set")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    train = [collect(args.size, seed, args.queries) for seed in TRAIN_SEEDS]
    held = collect(args.size, HOLDOUT_SEED, args.queries)
    x = np.vstack([p.x for p in train])
    y = np.concatenate([p.y for p in train])
    intercept, coef = fit(x, y, args.l2)
    shift = best_shift(train, intercept, coef)
    print(f"intercept {intercept:+.3f}, shifted by {shift:+.2f} for the best F1 at 0.8 on the training seeds", file=sys.stderr)
    intercept += shift
    for name, c in zip(VALUE_NAMES, coef):
        print(f"  {name:>22} {c:+.3f}", file=sys.stderr)
    train_metric = [report(p, predict(p.x, intercept, coef), f"train seed {p.data.seed}") for p in train]
    held_metric = report(held, predict(held.x, intercept, coef), f"held-out seed {HOLDOUT_SEED}")
    model = {
        "algorithm": "logistic regression, L2 (scipy L-BFGS-B)",
        "command": "python -m bench.matching.train " + " ".join(sys.argv[1:]),
        "trained": datetime.date.today().isoformat(),
        "train_seeds": list(TRAIN_SEEDS), "holdout_seed": HOLDOUT_SEED, "reference_size": args.size,
        "queries_per_seed": args.queries, "pairs": int(len(y)), "positive_pairs": int(y.sum()), "l2": args.l2,
        "intercept": round(intercept, 6), "intercept_shift": round(shift, 3),
        "weights": {name: round(float(c), 6) for name, c in zip(VALUE_NAMES, coef)},
        "train_metric_at_0.8": train_metric, "holdout_metric_at_0.8": held_metric,
    }
    args.out.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    random.seed(0)
    main()
