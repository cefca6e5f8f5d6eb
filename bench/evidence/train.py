"""Train the stance model and write src/labortrace/evidence/data/stance_model.json: python -m bench.evidence.train.

Data: the project's fictional training set (bench/evidence/training, t01-t70) and the dev documents 01-06 of
the evaluation set; the held-out documents 07-31 are never read here. Each gold claim is paired with the
claim the pipeline finds for it, so the model learns from the same speaker types and cues it sees at run time.
Model: multinomial logistic regression (L2) over features.features(), fitted by full-batch gradient descent.
`--folds` prints leave-documents-out cross-validation figures instead of writing the model. The written model's class
biases are moved to the dev documents' class balance (shift_prior); `--no-prior` keeps the training balance.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from labortrace.evidence.extract import claims_in_context
from labortrace.evidence.sentences import split_sentences
from labortrace.evidence.stance_model import LABELS, StanceContext, features

from bench.evidence.corpus import CORPUS, TRAINING, load
from bench.evidence.project import _match_claims, macro_f1

MODEL = Path(__file__).resolve().parents[2] / "src" / "labortrace" / "evidence" / "data" / "stance_model.json"
Example = tuple[list[str], int, str]  # features, label index, document id


def examples() -> list[Example]:
    """Return (features, label, document) for every gold claim the pipeline finds, training set and dev docs."""
    docs = load(TRAINING) + [(t, lab) for t, lab in load(CORPUS) if lab["split"] == "dev"]
    out: list[Example] = []
    for text, labels in docs:
        found = claims_in_context(text, list(split_sentences(text)), labels["outlet"] or labels["title"],
                                  title=labels["title"])
        contexts = {id(claim): context for claim, context in found}
        for claim, gold in _match_claims([c for c, _ in found], labels["claims"]):
            context: StanceContext = contexts[id(claim)]
            out.append((features(context), LABELS.index(gold["stance"]), labels["id"]))
    return out


def fit(data: list[Example], l2: float = 0.02, steps: int = 600, min_count: int = 2) -> dict[str, Any]:
    """Fit the weights on `data`; features seen in fewer than `min_count` claims are dropped."""
    seen = Counter(name for feats, _, _ in data for name in set(feats))
    vocab = sorted(name for name, n in seen.items() if n >= min_count)
    index = {name: i for i, name in enumerate(vocab)}
    x = np.zeros((len(data), len(vocab)))
    for row, (feats, _, _) in enumerate(data):
        for name in feats:
            if name in index:
                x[row, index[name]] += 1.0
    y = np.eye(len(LABELS))[[label for _, label, _ in data]]
    w, b = np.zeros((len(vocab), len(LABELS))), np.zeros(len(LABELS))
    for _ in range(steps):
        z = x @ w + b
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - y) / len(data)
        w -= 0.5 * (x.T @ grad + l2 * w)
        b -= 0.5 * grad.sum(axis=0)
    weights = {name: [round(float(v), 4) for v in w[i]] for name, i in index.items() if np.abs(w[i]).max() >= 1e-3}
    return {"labels": list(LABELS), "bias": [round(float(v), 4) for v in b], "weights": weights}


def dev_prior() -> list[float] | None:
    """Share of each stance among the dev documents' gold claims (the evaluation set's own class balance), or None
    when the dev documents hold no claims."""
    counts = Counter(c["stance"] for _, labels in load(CORPUS) if labels["split"] == "dev" for c in labels["claims"])
    return shares(counts)


def shares(counts: Counter[str]) -> list[float] | None:
    """Each label's share of `counts` in LABELS order (0 for a label not counted), or None when nothing is counted."""
    total = sum(counts.values())
    return [counts[label] / total for label in LABELS] if total else None


def shift_prior(bias: list[float], trained: Counter[int], target: list[float]) -> list[float]:
    """Move the class biases from the training set's class balance to `target` (label-shift correction).

    The training documents hold twice the evaluation set's share of neutral claims (plain facts in every
    article), which a logistic regression learns as a bias toward 'neutral'; adding log(target / trained)
    per class keeps the learnt words and changes only that bias. A class missing from either side has no ratio to
    move by: its bias stays as trained.
    """
    total = sum(trained.values())
    return [round(b + math.log(target[i] / (trained[i] / total)), 4) if target[i] > 0 and trained[i] > 0 else b
            for i, b in enumerate(bias)]


def _predict(model: dict[str, Any], feats: list[str]) -> int:
    totals = np.array(model["bias"], dtype=float)
    for name in feats:
        if name in model["weights"]:
            totals += model["weights"][name]
    return int(totals.argmax())


def cross_validate(data: list[Example], folds: int = 5) -> tuple[float, float]:
    """Leave-documents-out cross-validation: (macro-F1, accuracy)."""
    docs = sorted({doc for _, _, doc in data})
    pairs: list[tuple[str, str]] = []
    for k in range(folds):
        held = set(docs[k::folds])
        model = fit([e for e in data if e[2] not in held])
        pairs += [(LABELS[_predict(model, f)], LABELS[y]) for f, y, d in data if d in held]
    return macro_f1(pairs, LABELS), sum(p == g for p, g in pairs) / len(pairs)


def main() -> None:
    data = examples()
    print(f"{len(data)} training claims: {dict(Counter(LABELS[y] for _, y, _ in data))}")
    if "--folds" in sys.argv:
        print("cross-validation macro-F1 %.3f, accuracy %.3f" % cross_validate(data))
        return
    model = fit(data)
    prior = None if "--no-prior" in sys.argv else dev_prior()
    if prior is None and "--no-prior" not in sys.argv:
        print("the dev documents hold no gold claims: class prior left as trained")
    if prior is not None:
        model["bias"] = shift_prior(model["bias"], Counter(y for _, y, _ in data), prior)
        print("class prior set to the dev documents': " + ", ".join(f"{label} {p:.2f}" for label, p in
                                                              zip(LABELS, prior, strict=True)))
    MODEL.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
    print(f"wrote {MODEL} ({MODEL.stat().st_size:,} bytes, {len(model['weights'])} features)")


if __name__ == "__main__":
    main()
