"""Score the pipeline on the project's fictional evaluation set (bench/evidence/corpus)."""

from __future__ import annotations

import re
import time
from collections import Counter
from typing import Any

from labortrace.evidence.extract import analyse_text
from labortrace.evidence.model import Claim, Quantity
from labortrace.evidence.parsing import parse_attributions, parser_available
from labortrace.evidence.sentences import split_sentences

from bench.evidence.corpus import load
from bench.evidence.scoring import prf


def _norm(name: str | None) -> str:
    return re.sub(r"^(the|a|an)\s+", "", (name or "").lower().strip())


def _same_speaker(pred: str | None, gold: str) -> bool:
    p, g = _norm(pred), _norm(gold)
    return bool(p) and (p in g or g in p)


def _match_claims(pred: list[Claim], gold: list[dict[str, Any]]) -> list[tuple[Claim, dict[str, Any]]]:
    """Pair each gold claim with the first unpaired prediction overlapping it."""
    pairs, used = [], set()
    for g in gold:
        for i, c in enumerate(pred):
            if i not in used and c.start < g["end"] and g["start"] < c.end:
                pairs.append((c, g))
                used.add(i)
                break
    return pairs


def _quantity_hits(pred: list[Quantity], gold: list[dict[str, Any]]) -> int:
    hits, used = 0, set()
    for g in gold:
        for i, q in enumerate(pred):
            if i not in used and q.start < g["end"] and g["start"] < q.end and abs(q.value - g["value"]) <= 1e-6 * max(1, g["value"]):
                hits += 1
                used.add(i)
                break
    return hits


def macro_f1(pairs: list[tuple[str, str]], labels: tuple[str, ...]) -> float:
    """Macro-averaged F1 over `labels` for (predicted, gold) pairs."""
    return sum(per_class(pairs, label)[2] for label in labels) / len(labels)


def evaluate(split: str | None, numbers: range | None = None) -> dict[str, Any]:
    """Return the figures for one split ('dev', 'test') or all documents (None), optionally only the documents
    whose file number is in `numbers` (07-27 were read during development, 28-31 were written later)."""
    docs = [(t, lab) for t, lab in load()
            if (split is None or lab["split"] == split) and (numbers is None or int(lab["id"]) in numbers)]
    n_pred = n_gold = n_qpred = n_qgold = q_hits = 0
    stance_pairs: list[tuple[str, str]] = []
    speaker_ok = type_ok = 0
    ind = Counter[str]()
    confusion = Counter[tuple[str, str]]()
    for text, labels in docs:
        claims, quantities, _ = analyse_text(text, title=labels["title"], outlet=labels["outlet"])
        pairs = _match_claims(claims, labels["claims"])
        n_pred, n_gold = n_pred + len(claims), n_gold + len(labels["claims"])
        for c, g in pairs:
            stance_pairs.append((c.stance, g["stance"]))
            confusion[(g["stance"], c.stance)] += 1
            speaker_ok += _same_speaker(c.speaker, g["speaker"])
            type_ok += c.speaker_type == g["speaker_type"]
            p_ind, g_ind = set(c.indicators), set(g["indicators"])
            ind["tp"] += len(p_ind & g_ind)
            ind["pred"] += len(p_ind)
            ind["gold"] += len(g_ind)
        n_qpred, n_qgold = n_qpred + len(quantities), n_qgold + len(labels["quantities"])
        q_hits += _quantity_hits(quantities, labels["quantities"])
    matched = len(stance_pairs)
    return {
        "docs": len(docs), "gold_claims": n_gold,
        "gold_by_stance": dict(Counter(g["stance"] for _, lab in docs for g in lab["claims"])),
        "claims": prf(matched, n_pred, n_gold),
        "stance_macro_f1": macro_f1(stance_pairs, ("alleges", "denies", "neutral")),
        "stance_accuracy": sum(p == g for p, g in stance_pairs) / max(1, matched),
        "speaker_accuracy": speaker_ok / max(1, matched), "speaker_type_accuracy": type_ok / max(1, matched),
        "quantities": prf(q_hits, n_qpred, n_qgold), "indicators": prf(ind["tp"], ind["pred"], ind["gold"]),
        "confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())},
        "stance_by_class": {label: per_class(stance_pairs, label) for label in ("alleges", "denies", "neutral")},
    }


def per_class(pairs: list[tuple[str, str]], label: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of one stance label over (predicted, gold) pairs."""
    tp = sum(1 for p, g in pairs if p == label == g)
    return prf(tp, sum(1 for p, _ in pairs if p == label), sum(1 for _, g in pairs if g == label))


def throughput(rounds: int = 5, parser: bool = False) -> float:
    """Documents per second of analyse_text on one core (the text is already read), best of `rounds` passes.

    Process CPU time, best pass, because the machine is shared: wall time and slower passes measure the neighbours.
    """
    if parser and not parser_available():
        return 0.0
    docs = load()
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for text, labels in docs:
            analyse_text(text, title=labels["title"], outlet=labels["outlet"])
            if parser:
                list(parse_attributions(split_sentences(text)))
        best = min(best, time.process_time() - started)
    return len(docs) / best
